-- DuckDB only: the cells, as written, of the staged employee rows that missed the fast rules
-- (the only ones whose cells the rejects file cannot write back from their values), kept so
-- that the staging table can go before the insert.
CREATE TEMP TABLE {cells} AS
SELECT rowid AS pos, {columns}
FROM {staged}
WHERE NOT COALESCE(fast, FALSE)
