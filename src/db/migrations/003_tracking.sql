-- Whether a detected commitment answers an earlier one, and each version's effective
-- letter date (the letter date, else the latest date written in it).
ALTER TABLE detections ADD COLUMN earlier INTEGER NOT NULL DEFAULT 0;
ALTER TABLE versions ADD COLUMN effective_date TEXT NOT NULL DEFAULT '';

-- Tracked commitments and motions: derived from all detections plus the corrections
-- in git, rebuilt after every ingest and by reindex.
CREATE TABLE tracked_items (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('commitment', 'motion')),
    status      TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'partial', 'lapsed')),
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
    possible_matches TEXT NOT NULL  -- JSON array of {id, score, reason}
);
CREATE INDEX tracked_by_status ON tracked_items(status, kind);
CREATE INDEX tracked_by_due ON tracked_items(status, due);
CREATE INDEX tracked_by_last_date ON tracked_items(last_date);
