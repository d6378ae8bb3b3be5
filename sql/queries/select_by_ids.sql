-- Records by id; {ids} is a list of integers the adapter has validated.
SELECT {columns} FROM {table} WHERE id IN ({ids}) ORDER BY id
