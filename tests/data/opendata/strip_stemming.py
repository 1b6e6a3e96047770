#!/usr/bin/env python3
"""Copies Stemming pages from ../shared/opendata without the expanded Fractie and Persoon
objects (the vote itself, ActorFractie, FractieGrootte, Vergissing and Besluit_Id stay as the
API gave them); this keeps the test data at a third of its size.
Usage: strip_stemming.py SOURCE.json TARGET.json"""
import json, sys

page = json.load(open(sys.argv[1], encoding="utf-8"))
for record in page["value"]:
    record.pop("Fractie", None)
    record.pop("Persoon", None)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump(page, out, ensure_ascii=False, indent=1)
    out.write("\n")
