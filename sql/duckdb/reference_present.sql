-- DuckDB only: which ids of the list parameter ${column} the table {table} holds,
-- tagged with the referencing column; one per reference, joined by UNION ALL,
-- so a batch's references are checked in one round trip.
SELECT '{column}' AS reference, id FROM {table} WHERE id IN (SELECT UNNEST(${column}))
