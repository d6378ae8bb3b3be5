-- DuckDB's swap, in the same transaction as drop_table and the table's DDL.
INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging}
