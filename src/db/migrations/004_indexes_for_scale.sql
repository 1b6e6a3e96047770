-- Writes that scanned whole tables (their cost grew with the corpus, making ingest and
-- reindex quadratic): deleting a document's fingerprints, cascading a version's delete to
-- its citations, and finding a version's row in the full-text index, which now shares
-- the rowid of the version it indexes.
CREATE INDEX fingerprints_by_doc ON fingerprints(doc_id);
CREATE INDEX citations_by_version ON citations(doc_id, version);
DELETE FROM text_search;
INSERT INTO text_search(rowid, doc_id, version, text) SELECT rowid, doc_id, version, text FROM versions;
