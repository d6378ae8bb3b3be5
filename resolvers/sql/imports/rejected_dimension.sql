-- Under LOCK: every judged department or job row that will not go in, with its verdict.
CREATE TEMP TABLE {rejected} AS
SELECT j.pos, j.line,
       COALESCE(j.reason, 'ALREADY_EXISTS') AS reason,
       COALESCE(j.field, 'id') AS field,
       COALESCE(j.message, 'id ' || CAST(j.id AS VARCHAR) || ' already exists in {table}') AS message
FROM {judged} AS j
LEFT JOIN {table} AS t ON t.id = j.id
WHERE j.reason IS NOT NULL OR t.id IS NOT NULL
