-- How sure the detector was of each passage (Item::confidence, 0 to 1), and per tracked
-- item the lowest confidence of its passages nobody reviewed and a person's review
-- decision ('', 'accepted', 'corrected'); the decisions themselves live in git
-- (corrections/links.jsonl). Detections stored before this migration read as 1 until
-- `toezeg reindex` detects again.
ALTER TABLE detections ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
ALTER TABLE tracked_items ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
ALTER TABLE tracked_items ADD COLUMN review TEXT NOT NULL DEFAULT '';
