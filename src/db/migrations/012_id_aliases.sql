-- Old ids that keep working (pipeline/id_aliases): a tracked item's id that changed between
-- runs (kind 'item': why 'renamed', the same item under a new id, or 'merged', now part of
-- another item) and a document id that another id rule gives a stored document (kind
-- 'document', why 'document': the id before slugs were cut at word boundaries, or the id
-- the metadata give a document stored under another). Item aliases are kept in git
-- (state/aliases.jsonl) and copied here at every retrack; document aliases are derived from
-- each version's metadata when it is indexed. An id that a current item or document has is
-- never read as an alias.
CREATE TABLE id_aliases (
    alias  TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('item', 'document')),
    target TEXT NOT NULL,
    why    TEXT NOT NULL,
    PRIMARY KEY (kind, alias)
);
CREATE INDEX id_aliases_by_target ON id_aliases(kind, target);
