-- Every row of one table in id order: the backup's single consistent read.
SELECT {columns} FROM {table} ORDER BY id
