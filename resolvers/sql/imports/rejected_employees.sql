-- Under LOCK: every judged employee row that will not go in, with its final verdict. The
-- table's verdicts come after the row's own: ALREADY_EXISTS outranks UNKNOWN_REFERENCE, and
-- an unknown department is named before an unknown job (core/ingest.py's order).
CREATE TEMP TABLE {rejected} AS
SELECT pos, line, reason, field, message FROM (
    SELECT
        j.pos,
        j.line,
        CASE WHEN j.reason IS NOT NULL THEN j.reason
             WHEN t.id IS NOT NULL THEN 'ALREADY_EXISTS'
             WHEN j.department_id IS NOT NULL AND d.id IS NULL THEN 'UNKNOWN_REFERENCE'
             WHEN j.job_id IS NOT NULL AND b.id IS NULL THEN 'UNKNOWN_REFERENCE' END AS reason,
        CASE WHEN j.reason IS NOT NULL THEN j.field
             WHEN t.id IS NOT NULL THEN 'id'
             WHEN j.department_id IS NOT NULL AND d.id IS NULL THEN 'departmentId'
             WHEN j.job_id IS NOT NULL AND b.id IS NULL THEN 'jobId' END AS field,
        CASE WHEN j.reason IS NOT NULL THEN j.message
             WHEN t.id IS NOT NULL
             THEN 'id ' || CAST(j.id AS VARCHAR) || ' already exists in hired_employees'
             WHEN j.department_id IS NOT NULL AND d.id IS NULL
             THEN 'departmentId ' || CAST(j.department_id AS VARCHAR) || ' does not exist'
             WHEN j.job_id IS NOT NULL AND b.id IS NULL
             THEN 'jobId ' || CAST(j.job_id AS VARCHAR) || ' does not exist' END AS message
    FROM {judged} AS j
    LEFT JOIN hired_employees AS t ON t.id = j.id
    LEFT JOIN departments AS d ON d.id = j.department_id
    LEFT JOIN jobs AS b ON b.id = j.job_id
) AS v
WHERE reason IS NOT NULL
