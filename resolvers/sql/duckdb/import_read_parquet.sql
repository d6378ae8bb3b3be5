-- DuckDB only: a Parquet file's columns as text, in file order, into the staging table.
-- {flags}, {outer}: as in import_read_csv.sql.
CREATE TEMP TABLE {staged} AS
SELECT {outer} FROM (
SELECT *{flags} FROM (SELECT {select_columns} FROM read_parquet({path})) AS cells
) AS flagged
