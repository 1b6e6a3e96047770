-- report_pieces (migration 011) is made again in two tables. What every run of the report
-- reads stays in report_pieces, small enough to be read without walking past the exports:
-- SQLite stores a row's columns in order, and reading a late column of a large row reads
-- every column before it, so loading every item's facts read through each item's items.json
-- object, CSV line and search entry. Those three, read only when an export is written, move
-- to report_exports. New: an item's row on the Kamerlid, bewindspersoon and dossier pages
-- (group_row.mustache) and on review.html (review_row.mustache, '' when it waits for nobody),
-- so those pages are put together from kept rows; the review row's JSON is no longer kept.
-- row_hash now holds report::pieces_key (the row hash, with whether the item is overdue or
-- long open on --as-of) and generation no longer holds --as-of. Derived data only: the
-- next report makes every item's pieces again, as it does for any new binary.
DROP TABLE report_pieces;
CREATE TABLE report_pieces (
    id             TEXT PRIMARY KEY,
    row_hash       TEXT NOT NULL,  -- report::pieces_key of the item it was made from
    generation     TEXT NOT NULL,  -- report::pieces_generation it was made with
    event_docs     TEXT NOT NULL,  -- per event with a document: doc TAB version TAB span begin TAB span end LF
    row_html       TEXT NOT NULL,  -- its row of the index's table (item_row.mustache)
    group_row_html TEXT NOT NULL,  -- its row on its Kamerleden's, bewindspersoon's and dossier's pages
    review_html    TEXT NOT NULL,  -- its row on review.html, '' when it waits for nobody
    found          TEXT NOT NULL,  -- JSON: its row under "In deze brief gevonden" on a document page
    unregistered   TEXT NOT NULL,  -- JSON: its row on register.html when no register record joins it, '' if never listed
    row_json       TEXT NOT NULL   -- the data of its index row, for the tables rendered on every run
);
CREATE TABLE report_exports (
    id          TEXT PRIMARY KEY,
    export_json TEXT NOT NULL,  -- its object in items.json, indented as there
    csv         TEXT NOT NULL,  -- its line in items.csv
    search      TEXT NOT NULL   -- its entry in search-index.js
);
