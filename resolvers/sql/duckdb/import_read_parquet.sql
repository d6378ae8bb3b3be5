-- DuckDB only: a Parquet file's columns as text, in file order, into the staging table.
CREATE TEMP TABLE {staged} AS
SELECT {select_columns} FROM read_parquet({path})
