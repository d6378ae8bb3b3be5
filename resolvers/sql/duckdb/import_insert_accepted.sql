-- DuckDB only (Redshift runs imports/insert_accepted.sql): the rows no verdict refused go in,
-- under the write lock, in the transaction that measured {rejected}. {rejected} already holds
-- every id the table has (ALREADY_EXISTS), and DuckDB enforces the primary key besides, so
-- the anti-join on the table that Redshift needs would only read it again.
INSERT INTO {table} ({columns})
SELECT {columns} FROM {judged} AS j
WHERE j.reason IS NULL
  AND NOT EXISTS (SELECT 1 FROM {rejected} AS r WHERE r.pos = j.pos)
