-- DuckDB only, and the one statement that differs from Redshift on purpose:
-- DuckDB enforces the primary key, so new rows go in through its index
-- (ON CONFLICT DO NOTHING) instead of an anti-join over the whole table, and
-- RETURNING tells which ids were new. Redshift has neither: see insert_staged_new.sql.
INSERT INTO {table} ({columns})
SELECT {columns} FROM {staging}
ON CONFLICT DO NOTHING
RETURNING id
