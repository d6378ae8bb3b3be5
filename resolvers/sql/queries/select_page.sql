-- One page in id order (keyset pagination); filters are added as data by the adapter.
SELECT {columns} FROM {table} WHERE id > :after ORDER BY id LIMIT {limit}
