-- DuckDB only: one row per line read_csv could not split into the table's cells, worded as
-- `hrgraph load` words it ("row has 3 cells, expected 5").
CREATE TEMP TABLE {malformed_rows} AS
SELECT
    line,
    'row has ' || CAST(CASE WHEN MAX(error_type) = 'TOO MANY COLUMNS'
                            THEN MAX(column_idx) ELSE MIN(column_idx) END AS VARCHAR)
        || ' cells, expected {expected}' AS message,
    TRIM(MIN(csv_line), chr(13) || chr(10)) AS cells
FROM {malformed}
GROUP BY line
