-- Activiteit, Persoon and Fractie records of the Tweede Kamer's open data (sync and import, kept
-- in git as official/<Entity>/<xx>/<Id>.json like the other records): what a register record
-- that carries only a reference needs. A Toezegging names its debate by ActiviteitNummer (or a
-- SyncFeed reference to the Activiteit's Id); the SyncFeed's toegezegdAan names the Kamerlid and
-- the fractie by Id only. db/official_people.cpp writes these rows and resolves those references
-- when register records are read. Rebuilt from git by reindex; a Verwijderd record leaves.

-- Activiteit: a debate, a committee meeting. Names of the v4 $metadata; the committee also by
-- its v5 name (VoortouwCommissieNaam, a v5 client's $select).
CREATE TABLE official_activiteit (
    id           TEXT PRIMARY KEY,
    nummer       TEXT NOT NULL,  -- "2024A01234"
    soort        TEXT NOT NULL,  -- "Commissiedebat", "Plenair debat (debat)", ...
    onderwerp    TEXT NOT NULL,
    datum        TEXT NOT NULL,  -- ISO date (the Datum's Dutch day), or ''
    commissie    TEXT NOT NULL,  -- Voortouwnaam / VoortouwCommissieNaam, or ''
    gewijzigd_op TEXT NOT NULL
);
CREATE INDEX official_activiteit_by_nummer ON official_activiteit(nummer) WHERE nummer <> '';

-- Persoon: a Kamerlid or bewindspersoon.
CREATE TABLE official_persoon (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,  -- "A.H. Kröger": Initialen, Tussenvoegsel, Achternaam
    roepnaam     TEXT NOT NULL,
    functie      TEXT NOT NULL,  -- "Tweede Kamerlid", ...
    fractie      TEXT NOT NULL,  -- Fractielabel, or ''
    gewijzigd_op TEXT NOT NULL
);

-- Fractie: a parliamentary group.
CREATE TABLE official_fractie (
    id            TEXT PRIMARY KEY,
    afkorting     TEXT NOT NULL,  -- "GL-PvdA"
    naam          TEXT NOT NULL,  -- NaamNL
    zetels        INTEGER NOT NULL, -- AantalZetels, 0 when not given
    datum_actief  TEXT NOT NULL,  -- ISO date or ''
    datum_inactief TEXT NOT NULL, -- ISO date or ''
    gewijzigd_op  TEXT NOT NULL
);
