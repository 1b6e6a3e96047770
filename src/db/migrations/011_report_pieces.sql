-- What the report keeps of each tracked item, so a run renders only the items whose row
-- changed and builds the index, the exports and the other lists from these pieces and from
-- queries (db/report_pieces). Each row holds the row_hash of the tracked_items row it was
-- made from and the generation (binary, --as-of, CSV dialect, the row template) it was made
-- with; a piece whose row or generation differs is made again. Derived data only: deleting
-- these rows makes the next report make them again.
CREATE TABLE report_pieces (
    id           TEXT PRIMARY KEY,
    row_hash     TEXT NOT NULL,
    generation   TEXT NOT NULL,
    row_html     TEXT NOT NULL,  -- its row of the index's table (item_row.mustache)
    row_json     TEXT NOT NULL,  -- the data of that row, for the other item tables
    export_json  TEXT NOT NULL,  -- its object in items.json, indented as there
    csv          TEXT NOT NULL,  -- its line in items.csv
    search       TEXT NOT NULL,  -- its entry in search-index.js
    event_docs   TEXT NOT NULL,  -- per event with a document: doc TAB version TAB span begin TAB span end LF
    found        TEXT NOT NULL,  -- JSON: its row under "In deze brief gevonden" on a document page
    review       TEXT NOT NULL,  -- JSON: its row on review.html, '' when it waits for nobody
    unregistered TEXT NOT NULL   -- JSON: its row on register.html when no register record joins it, '' if never listed
);
-- Its Atom entries (its first event and each change of status, with a date), and for a
-- change the row of the weekly report's "Statuswijzigingen".
CREATE TABLE report_entries (
    item_id  TEXT NOT NULL,
    ordinal  INTEGER NOT NULL,   -- of the event in the item
    date     TEXT NOT NULL,
    entry_id TEXT NOT NULL,
    title    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    change   TEXT NOT NULL,      -- JSON of the weekly row, '' for the first event
    PRIMARY KEY (item_id, ordinal)
);
CREATE INDEX report_entries_by_date ON report_entries(date DESC, entry_id);
