-- An item's row on register.html when no register record joins it moves out of report_pieces
-- into a table of its own, holding only the items that have such a row. register.html reads
-- every one of them on every run; in report_pieces SQLite read each item's row through the
-- columns before it (the index row, the group and review rows, the document rows): 0.6 s of
-- a weekly run at 76,000 items (bench/RESULTS.md). Derived data, as report_pieces.
CREATE TABLE report_unregistered (
    id  TEXT PRIMARY KEY,  -- the tracked item
    row TEXT NOT NULL      -- JSON: report::unregistered_row
);
INSERT INTO report_unregistered(id, row) SELECT id, unregistered FROM report_pieces WHERE unregistered <> '';
ALTER TABLE report_pieces DROP COLUMN unregistered;
