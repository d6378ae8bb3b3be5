-- DuckDB only: what the staging table keeps of each employee row (the columns of
-- import_read_csv.sql's {outer}). A row that passed the fast rules (fast_employees.sql) keeps
-- its values, cast once here: the judgement then has nothing to do for it, and no table of
-- ten million verdicts is written for it (import_candidates.sql reads it from here). Any
-- other row keeps its cells as text for the judgement. Either way the rejects file can give
-- the cells as written (import_rejects_employees.sql): a fast row's cells are its values' text.
fast,
CASE WHEN fast THEN NULL ELSE id END AS id,
name,
CASE WHEN fast THEN NULL ELSE datetime END AS datetime,
CASE WHEN fast THEN NULL ELSE department_id END AS department_id,
CASE WHEN fast THEN NULL ELSE job_id END AS job_id,
CASE WHEN fast THEN CAST(id AS BIGINT) END AS id_value,
CASE WHEN fast THEN CAST(datetime AS TIMESTAMP) END AS datetime_value,
CASE WHEN fast THEN CAST(department_id AS BIGINT) END AS department_value,
CASE WHEN fast THEN CAST(job_id AS BIGINT) END AS job_value
