-- DuckDB only: the staged rows in through the primary-key index, ids already
-- there skipped (ON CONFLICT DO NOTHING). It answers the count inserted: when
-- that is every staged row, no id was there, and RETURNING (which costs about
-- as much again) is not needed; otherwise see insert_staged_returning.sql.
INSERT INTO {table} ({columns})
SELECT {columns} FROM {staging}
ON CONFLICT DO NOTHING
