-- Every row of one table in storage order: the backup's single consistent read where
-- sorting would hold the whole table in memory (DuckDB); restores do not need an order.
SELECT {columns} FROM {table}
