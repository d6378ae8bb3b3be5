-- DuckDB only (Redshift writes imports/rejects_file.sql from its staging table): the rejects
-- file's employee rows, once the staging table is gone (dropped after the judgement, so it
-- does not sit in memory beside the insert). A row of {cells} keeps its cells as written; any
-- other row passed the fast rules (fast_employees.sql), whose cells are each exactly their
-- value's own text, so they are written back from the judged values.
SELECT
    r.line, r.reason, r.field, r.message,
    CASE WHEN c.pos IS NULL THEN CAST(j.id AS VARCHAR) ELSE c.id END,
    CASE WHEN c.pos IS NULL THEN j.name ELSE c.name END,
    CASE WHEN c.pos IS NULL THEN strftime(j.datetime, '%Y-%m-%dT%H:%M:%SZ') ELSE c.datetime END,
    CASE WHEN c.pos IS NULL THEN CAST(j.department_id AS VARCHAR) ELSE c.department_id END,
    CASE WHEN c.pos IS NULL THEN CAST(j.job_id AS VARCHAR) ELSE c.job_id END
FROM {rejected} AS r
JOIN {judged} AS j ON j.pos = r.pos
LEFT JOIN {cells} AS c ON c.pos = r.pos
