-- A session-local copy of the table's columns (no rows, no NOT NULL) to stage a batch in.
-- It lives until the batch's session ends.
CREATE TEMP TABLE {staging} AS SELECT {columns} FROM {table} WHERE 1 = 0
