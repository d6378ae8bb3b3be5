-- DuckDB only: every employee row of the file with its own verdict, as imports/judge_*.sql
-- gives it on Redshift: the fast rows straight from the staging table (valid; their values
-- cast as the file was read), the others as the judgement left them in {judged}. A view, so
-- the fast rows are never copied: repeated_employees.sql, rejected_employees.sql, the insert
-- and the rejects file read it in their place. {line} is a fast row's line, from
-- {staged}.rowid.
CREATE TEMP VIEW {candidates} AS
SELECT
    {staged}.rowid AS pos,
    {line} AS line,
    id_value AS id,
    name,
    datetime_value AS datetime,
    department_value AS department_id,
    job_value AS job_id,
    CAST(NULL AS VARCHAR) AS reason,
    CAST(NULL AS VARCHAR) AS field,
    CAST(NULL AS VARCHAR) AS message
FROM {staged}
WHERE fast
UNION ALL
SELECT pos, line, id, name, datetime, department_id, job_id, reason, field, message
FROM {judged}
