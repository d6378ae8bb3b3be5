-- (Regex counts are written {{n}}: the file is filled in with str.format.)
-- An import's own verdicts on each staged employee row, as a batch of the whole file would
-- give them (resolvers/core/ingest.py): INVALID names the first field that breaks its rule,
-- in the order id, name, datetime, departmentId, jobId, in validation.py's words. A valid
-- row whose id an earlier valid row has is DUPLICATE_IN_BATCH (the first wins): its ids are
-- found next (repeated_employees.sql); that verdict, ALREADY_EXISTS and UNKNOWN_REFERENCE
-- are given under LOCK (rejected_employees.sql).
-- {staged} holds the file's cells as text, {position} numbers them in file order, {line}
-- says where each starts in the file; {fast} is true for a row that keeps the fast rules
-- (DuckDB stages those apart: it judges only the other rows here, and {fast} is FALSE).
CREATE TEMP TABLE {judged} AS
WITH plain AS (
    SELECT
        {position} AS pos,
        {line} AS line,
        CAST(NULL AS VARCHAR) AS field,
        CAST(NULL AS VARCHAR) AS problem,
        CAST(id AS BIGINT) AS id,
        name,
        CAST(REPLACE(REPLACE(datetime, 'T', ' '), 'Z', '') AS TIMESTAMP) AS datetime,
        CAST(department_id AS BIGINT) AS department_id,
        CAST(job_id AS BIGINT) AS job_id
    FROM {staged}
    WHERE {fast}
),
cells AS (
    SELECT
        {position} AS pos,
        {line} AS line,
        name,
        datetime AS datetime_cell,
        CASE WHEN id ~ '^[0-9]+$' THEN id
             ELSE REGEXP_REPLACE(REGEXP_REPLACE(id, {lead}, ''), {trail}, '') END AS id_text,
        CASE WHEN datetime ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9:]{{8}}Z$' THEN datetime
             ELSE REGEXP_REPLACE(REGEXP_REPLACE(datetime, {lead}, ''), {trail}, '') END
            AS datetime_text,
        CASE WHEN department_id ~ '^[0-9]+$' THEN department_id
             ELSE REGEXP_REPLACE(REGEXP_REPLACE(department_id, {lead}, ''), {trail}, '') END
            AS department_text,
        CASE WHEN job_id ~ '^[0-9]+$' THEN job_id
             ELSE REGEXP_REPLACE(REGEXP_REPLACE(job_id, {lead}, ''), {trail}, '') END AS job_text
    FROM {staged}
    WHERE NOT COALESCE({fast}, FALSE)
),
kept AS (
    -- A row whose every cell is blank is no row (`hrgraph load` skips it too).
    SELECT * FROM cells
    WHERE NOT (COALESCE(id_text, '') = '' AND COALESCE(datetime_text, '') = ''
               AND COALESCE(department_text, '') = '' AND COALESCE(job_text, '') = ''
               AND (name IS NULL OR REGEXP_REPLACE(name, {lead}, '') = ''))
),
shaped AS (
    SELECT c.*, {datetime_problem} AS datetime_shape
    FROM kept AS c
),
valued AS (
    -- The moment in UTC, milliseconds kept (validation.parse_datetime): the local time less
    -- the offset. Only for a well-shaped datetime, so every CAST meets digits.
    SELECT
        s.*,
        CASE WHEN datetime_shape IS NULL AND datetime_text <> '' THEN DATEADD(
            minute,
            -(CASE WHEN REGEXP_REPLACE(SUBSTRING(datetime_text, 12), '^[0-9:.,]*', '') IN ('', 'Z')
                   THEN 0
                   ELSE (CASE WHEN REGEXP_REPLACE(SUBSTRING(datetime_text, 12), '^[0-9:.,]*', '')
                                   LIKE '-%' THEN -1 ELSE 1 END)
                        * (CAST(SUBSTRING(REGEXP_REPLACE(SUBSTRING(datetime_text, 12), '^[0-9:.,]*', ''), 2, 2) AS INT) * 60
                           + CASE WHEN LENGTH(REGEXP_REPLACE(SUBSTRING(datetime_text, 12), '^[0-9:.,]*', '')) >= 5
                                  THEN CAST(RIGHT(datetime_text, 2) AS INT) ELSE 0 END)
              END),
            CAST(SUBSTRING(datetime_text, 1, 10) || ' '
                 || CASE LENGTH(REGEXP_REPLACE(SUBSTRING(datetime_text, 12), '[Z+-].*$', ''))
                        WHEN 0 THEN '00:00:00'
                        WHEN 2 THEN SUBSTRING(datetime_text, 12, 2) || ':00:00'
                        WHEN 5 THEN SUBSTRING(datetime_text, 12, 5) || ':00'
                        ELSE SUBSTRING(datetime_text, 12, 8) END
                 || '.' || RPAD(SUBSTRING(REGEXP_REPLACE(REGEXP_REPLACE(SUBSTRING(datetime_text, 12),
                              '[Z+-].*$', ''), '^[^.,]*[.,]?', ''), 1, 3), 3, '0')
                 AS TIMESTAMP))
        END AS moment
    FROM shaped AS s
),
problems AS (
    SELECT
        v.*,
        {id_problem} AS id_problem,
        {name_problem} AS name_problem,
        COALESCE(datetime_shape, CASE WHEN EXTRACT(YEAR FROM moment) NOT BETWEEN 1 AND 9999
            THEN 'must fall between years 1 and 9999 once converted to UTC' END)
            AS datetime_problem,
        {department_problem} AS department_problem,
        {job_problem} AS job_problem
    FROM valued AS v
),
verdicts AS (
    -- A file's row without a datetime, unless the import dates such rows now, is refused
    -- first and in `hrgraph load`'s words ({undated}), as the load refuses it before sending.
    SELECT
        p.*,
        CASE WHEN :missing = 'REJECT' AND COALESCE(datetime_text, '') = '' THEN 'datetime'
             WHEN id_problem IS NOT NULL THEN 'id'
             WHEN name_problem IS NOT NULL THEN 'name'
             WHEN datetime_problem IS NOT NULL THEN 'datetime'
             WHEN department_problem IS NOT NULL THEN 'departmentId'
             WHEN job_problem IS NOT NULL THEN 'jobId' END AS field,
        CASE WHEN :missing = 'REJECT' AND COALESCE(datetime_text, '') = '' THEN {undated}
             WHEN id_problem IS NOT NULL THEN 'id: ' || id_problem
             WHEN name_problem IS NOT NULL THEN 'name: ' || name_problem
             WHEN datetime_problem IS NOT NULL THEN 'datetime: ' || datetime_problem
             WHEN department_problem IS NOT NULL THEN 'departmentId: ' || department_problem
             WHEN job_problem IS NOT NULL THEN 'jobId: ' || job_problem END AS problem
    FROM problems AS p
),
typed AS (
    SELECT
        pos,
        line,
        field,
        problem,
        CASE WHEN problem IS NULL THEN CAST(LTRIM(id_text, '0') AS BIGINT) END AS id,
        CASE WHEN problem IS NULL THEN name END AS name,
        CASE WHEN problem IS NULL THEN COALESCE(moment, CAST(:now AS TIMESTAMP)) END AS datetime,
        CASE WHEN problem IS NULL AND department_text <> ''
             THEN CAST(LTRIM(department_text, '0') AS BIGINT) END AS department_id,
        CASE WHEN problem IS NULL AND job_text <> ''
             THEN CAST(LTRIM(job_text, '0') AS BIGINT) END AS job_id
    FROM verdicts
),
judged AS (
    SELECT pos, line, field, problem, id, name, datetime, department_id, job_id FROM typed
    UNION ALL
    SELECT pos, line, field, problem, id, name, datetime, department_id, job_id FROM plain
)
-- DUPLICATE_IN_BATCH is decided from this table (repeated_employees.sql): deciding it here
-- would read these rows twice, and DuckDB would hold all of them in memory to do so.
SELECT
    pos, line, id, name, datetime, department_id, job_id,
    CASE WHEN problem IS NOT NULL THEN 'INVALID' END AS reason,
    field,
    problem AS message
FROM judged
