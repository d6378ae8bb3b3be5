-- DuckDB only (Redshift COPYs the file instead, imports/copy_csv.sql): a CSV file's cells as
-- text, in file order, into the import's staging table. Every column is VARCHAR, so a bad
-- value is a verdict and not a failed read; a row with the wrong number of cells is kept
-- out and recorded in {malformed} (DuckDB's rejects table) with its line. {new_line} is
-- the file's own line ending (DuckDB misreads a lone LF inside a quoted cell of a CRLF file).
-- {flags} adds columns computed from the cells in the same pass (", <expr> AS fast": the
-- employee rows that plainly keep every rule) and {outer} is what the table keeps of them
-- (import_staged_employees.sql, or "*"), so no later statement reads the cells for it.
CREATE TEMP TABLE {staged} AS
SELECT {outer} FROM (
SELECT *{flags} FROM (
SELECT {select_columns}
FROM read_csv(
    {path},
    header = {header},
    columns = {{{columns}}},
    auto_detect = false,
    delim = ',',
    quote = '"',
    escape = '"',
    encoding = 'utf-8',
    new_line = {new_line},
    store_rejects = true,
    rejects_table = '{malformed}',
    rejects_scan = '{malformed}_scan'
)
) AS cells
) AS flagged
