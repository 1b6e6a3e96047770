-- The linker's state read in part (issue 13): each entry's id beside its JSON (whether an id
-- is in use, without reading the entries), and the candidate keys each entry is found under
-- (track::LinkEntry::keys), so a run loads only the entries its letters can touch. link_undo
-- rows written from now on hold their steps as arrays (track::undo_to_json), without the
-- events and possible matches of an entry's state before a letter; older rows still read.
ALTER TABLE link_entries ADD COLUMN id TEXT NOT NULL DEFAULT '';
UPDATE link_entries SET id = json_extract(data, '$.id');
CREATE INDEX link_entries_by_id ON link_entries(id);
CREATE TABLE link_keys (key TEXT NOT NULL, ordinal INTEGER NOT NULL, PRIMARY KEY (key, ordinal)) WITHOUT ROWID;
INSERT OR IGNORE INTO link_keys(key, ordinal)
    SELECT k.value, e.ordinal FROM link_entries e, json_each(e.data, '$.keys') k;
CREATE INDEX link_keys_by_ordinal ON link_keys(ordinal);
