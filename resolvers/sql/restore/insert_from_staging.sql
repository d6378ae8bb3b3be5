-- The second half of the swap, in the same transaction as delete_all.
INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging}
