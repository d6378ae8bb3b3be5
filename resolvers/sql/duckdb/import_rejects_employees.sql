-- DuckDB only (Redshift writes imports/rejects_file.sql): the rejects file's employee rows.
-- The staging table keeps a slow row's cells as written and a fast row's values
-- (import_staged_employees.sql); a fast row's cells are exactly its values' text, so they
-- are written back from them.
SELECT
    r.line, r.reason, r.field, r.message,
    CASE WHEN s.fast THEN CAST(s.id_value AS VARCHAR) ELSE s.id END,
    s.name,
    CASE WHEN s.fast THEN strftime(s.datetime_value, '%Y-%m-%dT%H:%M:%SZ') ELSE s.datetime END,
    CASE WHEN s.fast THEN CAST(s.department_value AS VARCHAR) ELSE s.department_id END,
    CASE WHEN s.fast THEN CAST(s.job_value AS VARCHAR) ELSE s.job_id END
FROM {rejected} AS r
JOIN {staged} AS s ON s.rowid = r.pos
