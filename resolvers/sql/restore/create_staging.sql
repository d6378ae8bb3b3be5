-- An empty session-local copy of a table's columns; it vanishes with the session,
-- so a restore killed midway leaves nothing behind.
CREATE TEMP TABLE {staging} AS SELECT {columns} FROM {table} WHERE 1 = 0
