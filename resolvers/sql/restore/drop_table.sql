-- Inside the swap's transaction, followed by the table's DDL and insert_from_staging:
-- a fresh table fills faster than DELETE + INSERT on an indexed one (DuckDB).
DROP TABLE {table}
