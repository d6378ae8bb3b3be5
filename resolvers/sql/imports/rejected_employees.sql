-- Under LOCK: every judged employee row that will not go in, with its final verdict. The
-- row's own verdicts come first (INVALID, then DUPLICATE_IN_BATCH: a later row of an id in
-- {repeated}), then the table's: ALREADY_EXISTS outranks UNKNOWN_REFERENCE, and an unknown
-- department is named before an unknown job (core/ingest.py's order).
CREATE TEMP TABLE {rejected} AS
SELECT pos, line, reason, field, message FROM (
    SELECT
        j.pos,
        j.line,
        CASE WHEN j.reason IS NOT NULL THEN j.reason
             WHEN j.line > p.first_line THEN 'DUPLICATE_IN_BATCH'
             WHEN t.id IS NOT NULL THEN 'ALREADY_EXISTS'
             WHEN j.department_id IS NOT NULL AND d.id IS NULL THEN 'UNKNOWN_REFERENCE'
             WHEN j.job_id IS NOT NULL AND b.id IS NULL THEN 'UNKNOWN_REFERENCE' END AS reason,
        CASE WHEN j.reason IS NOT NULL THEN j.field
             WHEN j.line > p.first_line THEN 'id'
             WHEN t.id IS NOT NULL THEN 'id'
             WHEN j.department_id IS NOT NULL AND d.id IS NULL THEN 'departmentId'
             WHEN j.job_id IS NOT NULL AND b.id IS NULL THEN 'jobId' END AS field,
        CASE WHEN j.reason IS NOT NULL THEN j.message
             WHEN j.line > p.first_line
             THEN 'id ' || CAST(j.id AS VARCHAR) || ' already appears at line '
                  || CAST(p.first_line AS VARCHAR)
             WHEN t.id IS NOT NULL
             THEN 'id ' || CAST(j.id AS VARCHAR) || ' already exists in hired_employees'
             WHEN j.department_id IS NOT NULL AND d.id IS NULL
             THEN 'departmentId ' || CAST(j.department_id AS VARCHAR) || ' does not exist'
             WHEN j.job_id IS NOT NULL AND b.id IS NULL
             THEN 'jobId ' || CAST(j.job_id AS VARCHAR) || ' does not exist' END AS message
    FROM {judged} AS j
    LEFT JOIN {repeated} AS p ON p.id = j.id AND j.reason IS NULL
    LEFT JOIN hired_employees AS t ON t.id = j.id
    LEFT JOIN departments AS d ON d.id = j.department_id
    LEFT JOIN jobs AS b ON b.id = j.job_id
) AS v
WHERE reason IS NOT NULL
