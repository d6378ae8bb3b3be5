-- Every row of one table, for UNLOAD (no ORDER BY: restores do not depend on the order, and
-- an ordered UNLOAD would sort the whole table on the leader).
SELECT {columns} FROM {table}
