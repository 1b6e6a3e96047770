#!/usr/bin/env python3
"""Writes held-derived/{Zaak,Document,Besluit}.json: a held motion that is NOT real data, derived
from the first real records of odata/ (Zaak 2024Z01005, its Document and its Besluit) so that
motion Kamerstuk 29 689, nr. 1250 (the motion letters/l01_vws_ggz.txt says "is aangehouden")
has a Besluit "Stemmen - aangehouden". Changed, and nothing else: every GUID (a fixed uuid5 of
the real one, so no record collides with odata/), the Kamerstuk (kst-29628-1202 -> kst-29689-1250),
numbers, title and subject of the motion, every date (shifted by 693 days so that the Besluit,
10 February 2026, comes before the letter of 12 February 2026), Afgedaan (false), and the
Besluit's soort, tekst, StemmingsSoort (none: a held motion is not voted on) and agenda item.
Usage: derive_held.py (from tests/data/opendata)"""
import datetime, json, re, uuid

NAMESPACE = uuid.UUID("6f1c1d4e-2b51-4c5e-9a57-0d3c1a9e7b12")
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})(T.*)$")
SHIFT = datetime.timedelta(days=693)


def first(entity):
    page = json.load(open(f"odata/{entity}.json", encoding="utf-8"))
    return page["@odata.context"], page["value"][0]


def rewrite(value):
    if isinstance(value, dict):
        return {k: rewrite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rewrite(v) for v in value]
    if isinstance(value, str):
        value = GUID.sub(lambda m: str(uuid.uuid5(NAMESPACE, m.group(0))), value)
        value = value.replace("kst-29628-1202", "kst-29689-1250").replace("/kst/29628/", "/kst/29689/")
        if m := STAMP.match(value):
            value = (datetime.date.fromisoformat(m.group(1)) + SHIFT).isoformat() + m.group(2)
    return value


subject = "Motie van het lid Dijk over het afschaffen van het eigen risico"
context, zaak = first("Zaak")
zaak = rewrite(zaak)
zaak.update(Nummer="2026Z01250", Titel="Herziening Zorgstelsel", Onderwerp=subject, Vergaderjaar="2025-2026",
            Volgnummer=1250, Afgedaan=False)
pages = {"Zaak": (context, zaak)}
context, document = first("Document")
document = rewrite(document)
document.update(DocumentNummer="2026D01250", Titel="Herziening Zorgstelsel", Onderwerp=subject,
                Vergaderjaar="2025-2026", Volgnummer=1250)
pages["Document"] = (context, document)
context, besluit = first("Besluit")
besluit = rewrite(besluit)
besluit.update(BesluitSoort="Stemmen - aangehouden", BesluitTekst="Aangehouden.", StemmingsSoort=None,
               Agendapunt_Nummer="2026P01250",
               Agendapunt_Onderwerp="Stemmingen over moties ingediend bij het debat over het eigen risico")
pages["Besluit"] = (context, besluit)
for entity, (context, record) in pages.items():
    with open(f"held-derived/{entity}.json", "w", encoding="utf-8") as out:
        json.dump({"@odata.context": context, "value": [record]}, out, ensure_ascii=False, indent=1)
        out.write("\n")
