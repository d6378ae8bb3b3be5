-- DuckDB only: records by id, the ids in the list parameter $ids.
-- queries/select_by_ids inlines its ids, so each distinct list was new text for
-- sqlglot to transpile (0.9 ms for one id, 18 ms for 180) and for a cache to keep.
-- One text per table instead; DuckDB pushes list_contains down as a range filter,
-- as fast as the inlined list for one id and faster for many.
-- No ORDER BY: every caller keys the rows by id.
SELECT {columns} FROM {table} WHERE list_contains($ids, id)
