-- Records by id; {ids} is a list of integers the adapter has validated.
-- No ORDER BY: every caller keys the rows by id, and DuckDB's sort doubles a point read.
SELECT {columns} FROM {table} WHERE id IN ({ids})
