-- The commitments registers of both Kamers, loaded by `toezeg import`: Tweede Kamer Toezegging
-- records (OData or SyncFeed, kept in git as official/Toezegging/<xx>/<Id>.json with the OData
-- names) and Eerste Kamer register entries (read from the register's pages and the committees'
-- korte aantekeningen, kept as official/EersteKamerToezegging/<xx>/<T-number>.json with the
-- page's labels). Git holds every record whole; this table indexes them, rebuilt by reindex.
CREATE TABLE register_records (
    chamber TEXT NOT NULL CHECK (chamber IN ('tk', 'ek')),
    id      TEXT NOT NULL,  -- the TK GUID, the EK T-number
    number  TEXT NOT NULL,  -- "TZ202412-116", "T01237", or '' (a TK record without Nummer)
    status  TEXT NOT NULL,  -- the register's word mapped: open, fulfilled, partial, lapsed, or '' (none / unknown)
    due     TEXT NOT NULL,  -- ISO deadline or ''
    record  TEXT NOT NULL,  -- the RegisterRecord as JSON (db/register_records.cpp reads and writes it)
    PRIMARY KEY (chamber, id)
);
CREATE INDEX register_records_by_number ON register_records(number);

-- Which tracked item holds each register record, and why (derived: rewritten by every retrack).
-- item_id is a commitment from the letters, or "reg-<number>" when no letter holds the record.
CREATE TABLE register_joins (
    chamber TEXT NOT NULL,
    id      TEXT NOT NULL,  -- register_records.id
    item_id TEXT NOT NULL,  -- tracked_items.id
    score   REAL NOT NULL,  -- 0..1; 1 for a person's link
    reasons TEXT NOT NULL,  -- JSON array of sentences: why the two were joined
    by_hand INTEGER NOT NULL,  -- 1: a person's `toezeg link`
    PRIMARY KEY (chamber, id)
) WITHOUT ROWID;
CREATE INDEX register_joins_by_item ON register_joins(item_id);
