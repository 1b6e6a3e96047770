-- Commitments and motions the detector found in each document version.
CREATE TABLE detections (
    doc_id     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('commitment', 'motion')),
    status     TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'partial', 'lapsed')),
    evidence   TEXT NOT NULL,
    span_begin INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    member     TEXT NOT NULL,
    members    TEXT NOT NULL,  -- JSON array
    party      TEXT NOT NULL,
    actor      TEXT NOT NULL,
    made_on    TEXT NOT NULL,
    made_in    TEXT NOT NULL,
    subject    TEXT NOT NULL,
    due        TEXT NOT NULL,
    due_text   TEXT NOT NULL,
    ref        TEXT NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (doc_id, version, seq),
    FOREIGN KEY (doc_id, version) REFERENCES versions(doc_id, version) ON DELETE CASCADE
);
CREATE INDEX detections_by_ref ON detections(ref);
