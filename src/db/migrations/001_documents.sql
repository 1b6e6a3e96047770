-- Documents and their versions, as found in the git repository (the source of truth).
CREATE TABLE documents (
    id             TEXT PRIMARY KEY,
    latest_version INTEGER NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    date           TEXT NOT NULL DEFAULT '',
    dossier        TEXT NOT NULL DEFAULT '',
    number         TEXT NOT NULL DEFAULT '',
    addressee      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE versions (
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    commit_id     TEXT NOT NULL UNIQUE,
    committed_at  INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL,
    source        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    original_oid  TEXT NOT NULL,
    meta_json     TEXT NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (doc_id, version)
);
CREATE INDEX versions_by_original ON versions(original_oid);

-- Metadata fields of each version, one row per field, for filtering.
CREATE TABLE metadata (
    doc_id  TEXT NOT NULL,
    version INTEGER NOT NULL,
    key     TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (doc_id, version, key),
    FOREIGN KEY (doc_id, version) REFERENCES versions(doc_id, version) ON DELETE CASCADE
);

-- Kamerstuk references in a version's body and footnotes, canonical form.
CREATE TABLE citations (
    doc_id     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    ref        TEXT NOT NULL,
    span_begin INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    footnote   INTEGER NOT NULL,
    FOREIGN KEY (doc_id, version) REFERENCES versions(doc_id, version) ON DELETE CASCADE
);
CREATE INDEX citations_by_ref ON citations(ref);

-- Relations between documents found at ingest, e.g. near-duplicates.
CREATE TABLE relations (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    other_id TEXT NOT NULL,
    kind     TEXT NOT NULL,
    score    REAL NOT NULL,
    PRIMARY KEY (doc_id, other_id, kind)
);

-- Sampled sentence hashes of each document's latest version, to find near-duplicates.
CREATE TABLE fingerprints (
    hash    INTEGER NOT NULL,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX fingerprints_by_hash ON fingerprints(hash);

CREATE VIRTUAL TABLE text_search USING fts5(
    doc_id UNINDEXED, version UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2'
);

-- Bookkeeping, e.g. the git commit the index was last brought up to.
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
