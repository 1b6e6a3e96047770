-- The report reads every tracked item in the order of its exports (first date, then id):
-- the facts of each item, and its items.json object, CSV line and search entry. Without an
-- index SQLite sorted those rows, with their pieces, in a temporary file on every run: at
-- 76,000 items that sort was 2.3 s of the facts and 3.4 s of the exports (bench/RESULTS.md).
CREATE INDEX tracked_by_first_date ON tracked_items(first_date, id);
