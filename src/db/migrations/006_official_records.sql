-- Official records of the Tweede Kamer's open data (OData v4, gegevensmagazijn), loaded by
-- `toezeg import`. The records themselves are kept in git, one JSON file per record at
-- official/<Entity>/<first two characters of the Id>/<Id>.json (so a record's history is
-- git history); these tables index what a motion's fate needs and are rebuilt from git by
-- reindex. A record marked Verwijderd (deleted) leaves both. Ids are the API's GUIDs.

-- Zaak (Soort 'Motie' for a motion): the case a motion's documents and decisions hang on.
CREATE TABLE official_zaak (
    id                  TEXT PRIMARY KEY,
    nummer              TEXT NOT NULL,  -- "2024Z01005"
    soort               TEXT NOT NULL,  -- "Motie"
    onderwerp           TEXT NOT NULL,  -- "Motie van het lid ... over ..."
    kabinetsappreciatie TEXT NOT NULL,  -- "Ontraden", "Oordeel Kamer", ... or ''
    replaces            TEXT NOT NULL,  -- a gewijzigde motie's "(t.v.v. 36410-X-29)" as "kst-36410-X-29", else ''
    gewijzigd_op        TEXT NOT NULL
);
CREATE INDEX official_zaak_by_replaces ON official_zaak(replaces) WHERE replaces <> '';

-- Document: the motion's text as a Kamerstuk; links the Zaak to the Kamerstuk number and
-- the publications (the Zaak_Id field is the expansion the record was read through).
CREATE TABLE official_document (
    id           TEXT PRIMARY KEY,
    zaak_id      TEXT NOT NULL,  -- official_zaak.id or ''
    nummer       TEXT NOT NULL,  -- DocumentNummer, "2024D02395"
    soort        TEXT NOT NULL,  -- "Motie", "Motie (gewijzigd/nader)"
    datum        TEXT NOT NULL,  -- ISO date the document is dated
    kamerstuk    TEXT NOT NULL,  -- HuidigeDocumentVersie.ExterneIdentifier, "kst-29628-1202", or ''
    gewijzigd_op TEXT NOT NULL
);
CREATE INDEX official_document_by_zaak ON official_document(zaak_id);
CREATE INDEX official_document_by_kamerstuk ON official_document(kamerstuk);

-- DocumentPublicatie of the current DocumentVersie: the official files (Xml, Html, Pdf, ...);
-- its Id is the second part of a motion XML's file name "<Zaak nummer>_<publication id>.xml".
CREATE TABLE official_publication (
    id            TEXT PRIMARY KEY,
    document_id   TEXT NOT NULL,  -- official_document.id
    identifier    TEXT NOT NULL,  -- "kst-29628-1202"
    document_type TEXT NOT NULL,  -- "Xml", "Html", "Pdf", "Odt"
    url           TEXT NOT NULL
);
CREATE INDEX official_publication_by_document ON official_publication(document_id);

-- Besluit: a decision on an Agendapunt, e.g. "Stemmen - aangenomen". The latest by
-- GewijzigdOp among a Zaak's Besluiten that decide something is the motion's fate.
CREATE TABLE official_besluit (
    id              TEXT PRIMARY KEY,
    soort           TEXT NOT NULL,  -- BesluitSoort
    tekst           TEXT NOT NULL,  -- BesluitTekst, "Verworpen.", "Gestaakt. (72-72)"
    stemmings_soort TEXT NOT NULL,  -- "Met handopsteken", "Hoofdelijk", or ''
    status          TEXT NOT NULL,  -- "Besluit", "Concept voorstel", ...
    agendapunt_id   TEXT NOT NULL,
    gewijzigd_op    TEXT NOT NULL
);
-- Besluit.Zaak_Id: the Zaken a Besluit decides on (many-to-many in the API).
CREATE TABLE official_besluit_zaak (
    besluit_id TEXT NOT NULL,
    zaak_id    TEXT NOT NULL,
    PRIMARY KEY (besluit_id, zaak_id)
) WITHOUT ROWID;
CREATE INDEX official_besluit_zaak_by_zaak ON official_besluit_zaak(zaak_id);

-- Stemming: one fractie's vote on a Besluit with the fractie's seats, or (hoofdelijk) one member's.
CREATE TABLE official_stemming (
    id              TEXT PRIMARY KEY,
    besluit_id      TEXT NOT NULL,
    soort           TEXT NOT NULL,  -- "Voor", "Tegen", "Niet deelgenomen"
    fractie         TEXT NOT NULL,  -- ActorFractie, "VVD"
    persoon_id      TEXT NOT NULL,  -- a member's vote (hoofdelijke stemming): Persoon_Id, else ''
    actor           TEXT NOT NULL,  -- ActorNaam: the fractie, or the member's name
    fractie_grootte INTEGER NOT NULL,
    vergissing      INTEGER NOT NULL,  -- 1: the fractie says it voted by mistake (the vote still counts)
    gewijzigd_op    TEXT NOT NULL
);
CREATE INDEX official_stemming_by_besluit ON official_stemming(besluit_id);

-- Tracked items gain the statuses of the Kamer's decisions (rejected: verworpen or a tie;
-- held: aangehouden) and the official fate itself. The table is derived (rebuilt by every
-- retrack), so it is recreated with its rows copied.
CREATE TABLE tracked_items_new (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('commitment', 'motion')),
    status      TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'partial', 'lapsed', 'rejected', 'held')),
    member      TEXT NOT NULL,
    members     TEXT NOT NULL,  -- JSON array
    party       TEXT NOT NULL,
    actor       TEXT NOT NULL,
    subject     TEXT NOT NULL,
    made_on     TEXT NOT NULL,
    made_in     TEXT NOT NULL,
    due         TEXT NOT NULL,
    due_text    TEXT NOT NULL,
    ref         TEXT NOT NULL,
    dossier     TEXT NOT NULL,
    first_date  TEXT NOT NULL,
    last_date   TEXT NOT NULL,
    events      TEXT NOT NULL,  -- JSON array of {date, type, doc, version, evidence, span, confidence}
    possible_matches TEXT NOT NULL,  -- JSON array of {id, score, reason}
    confidence  REAL NOT NULL DEFAULT 1.0,  -- from 005: lowest detection confidence nobody reviewed
    review      TEXT NOT NULL DEFAULT '',   -- from 005: '', 'accepted' or 'corrected'
    fate        TEXT NOT NULL DEFAULT ''  -- a motion's official decision as JSON (see OfficialFate), or ''
);
INSERT INTO tracked_items_new(id, kind, status, member, members, party, actor, subject, made_on, made_in, due,
                              due_text, ref, dossier, first_date, last_date, events, possible_matches, confidence,
                              review)
    SELECT id, kind, status, member, members, party, actor, subject, made_on, made_in, due, due_text, ref, dossier,
           first_date, last_date, events, possible_matches, confidence, review FROM tracked_items;
DROP TABLE tracked_items;
ALTER TABLE tracked_items_new RENAME TO tracked_items;
CREATE INDEX tracked_by_status ON tracked_items(status, kind);
CREATE INDEX tracked_by_due ON tracked_items(status, due);
CREATE INDEX tracked_by_last_date ON tracked_items(last_date);
