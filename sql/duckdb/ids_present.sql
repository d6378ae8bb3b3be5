-- DuckDB only: which of the ids in the list parameter $ids the table holds.
-- The ids travel as one LIST parameter, so the text stays the same from batch to
-- batch and is transpiled and planned once (select_by_ids inlines its ids).
SELECT id FROM {table} WHERE id IN (SELECT UNNEST($ids))
