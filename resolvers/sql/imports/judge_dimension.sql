-- An import's own verdicts on each staged department or job row (see judge_employees.sql):
-- INVALID for the first of id, {name_column} that breaks its rule, then DUPLICATE_IN_BATCH.
CREATE TEMP TABLE {judged} AS
WITH cells AS (
    SELECT
        {position} AS pos,
        {line} AS line,
        {name_column} AS name,
        CASE WHEN id ~ '^[0-9]+$' THEN id
             ELSE REGEXP_REPLACE(REGEXP_REPLACE(id, {lead}, ''), {trail}, '') END AS id_text
    FROM {staged}
),
kept AS (
    -- A row whose every cell is blank is no row (`hrgraph load` skips it too).
    SELECT * FROM cells
    WHERE NOT (COALESCE(id_text, '') = '' AND (name IS NULL OR REGEXP_REPLACE(name, {lead}, '') = ''))
),
verdicts AS (
    SELECT
        c.*,
        CASE WHEN {id_problem} IS NOT NULL THEN 'id'
             WHEN {name_problem} IS NOT NULL THEN '{name_column}' END AS field,
        COALESCE({id_problem}, {name_problem}) AS problem
    FROM kept AS c
),
typed AS (
    SELECT
        pos,
        line,
        field,
        problem,
        CASE WHEN problem IS NULL THEN CAST(LTRIM(id_text, '0') AS BIGINT) END AS id,
        CASE WHEN problem IS NULL THEN name END AS name
    FROM verdicts
)
SELECT
    pos, line, id, name AS {name_column},
    CASE WHEN problem IS NOT NULL THEN 'INVALID'
         WHEN line > MIN(line) OVER (PARTITION BY CASE WHEN problem IS NULL THEN id END)
         THEN 'DUPLICATE_IN_BATCH' END AS reason,
    CASE WHEN problem IS NOT NULL THEN field
         WHEN line > MIN(line) OVER (PARTITION BY CASE WHEN problem IS NULL THEN id END)
         THEN 'id' END AS field,
    CASE WHEN problem IS NOT NULL THEN field || ': ' || problem
         WHEN line > MIN(line) OVER (PARTITION BY CASE WHEN problem IS NULL THEN id END)
         THEN 'id ' || CAST(id AS VARCHAR) || ' already appears at line '
              || CAST(MIN(line) OVER (PARTITION BY CASE WHEN problem IS NULL THEN id END) AS VARCHAR)
    END AS message
FROM typed
