-- The linker's state after the letters it has linked (track::LinkState), so that a run
-- links only the letters from the first new or changed one on: one row per entry in the
-- linker's order (its JSON from track::entry_to_json), the letter versions it linked with
-- their sort key (date, id), and per letter what linking it changed (track::LetterUndo),
-- to take back before the letters after it are linked again.
-- state keys: link_suffixes (the id suffixes in use, JSON), link_last_letter (the sort key
-- of the last letter linked), link_inputs (a fingerprint of the corrections and official
-- fates the tracked items were computed with), link_last_run (what the last run linked).
-- tracked_items.row_hash lets a run rewrite only the rows that changed.
CREATE TABLE link_entries (ordinal INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE link_letters (doc_id TEXT PRIMARY KEY, version INTEGER NOT NULL, sort_key TEXT NOT NULL);
CREATE INDEX link_letters_by_key ON link_letters(sort_key);
CREATE TABLE link_undo (sort_key TEXT PRIMARY KEY, data TEXT NOT NULL);
ALTER TABLE tracked_items ADD COLUMN row_hash TEXT NOT NULL DEFAULT '';
