-- An item's row on the Kamerlid, bewindspersoon and dossier pages (group_row.mustache) and on
-- review.html (review_row.mustache, '' when it waits for nobody), rendered once with its other
-- pieces, so those pages are put together from kept rows instead of rendering every row on
-- every run. (Since this migration a piece's row_hash holds report::pieces_key, the row hash
-- with whether the item is overdue or long open on --as-of, and its generation no longer holds
-- --as-of.) Derived data: the next report fills them, as for any new binary.
ALTER TABLE report_pieces ADD COLUMN group_row_html TEXT NOT NULL DEFAULT '';
ALTER TABLE report_pieces ADD COLUMN review_html TEXT NOT NULL DEFAULT '';
-- The review row's data as JSON, which review.html was rendered from, is no longer needed.
ALTER TABLE report_pieces DROP COLUMN review;
