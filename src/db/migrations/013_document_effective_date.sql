-- The effective date of each document's latest version (the letter date, else the latest date
-- in it), kept on the document too. Read from `versions`, it made SQLite walk past every
-- letter's text, which stands before it in the row: every run of the weekly job reads every
-- letter's head, and at 50,000 letters that was 40% of a weekly ingest (bench/RESULTS.md).
ALTER TABLE documents ADD COLUMN effective_date TEXT NOT NULL DEFAULT '';
UPDATE documents SET effective_date = coalesce(
    (SELECT v.effective_date FROM versions v WHERE v.doc_id = documents.id AND v.version = documents.latest_version), '');
