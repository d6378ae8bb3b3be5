-- DuckDB only: which of the ids in the list parameter $ids the table holds.
-- The ids travel as one LIST parameter, so the text stays the same from batch to
-- batch (see select_by_ids.sql).
SELECT id FROM {table} WHERE list_contains($ids, id)
