-- Under LOCK, in the transaction that measured {rejected}: the rows no verdict refused go in.
-- The anti-join on {table} is what keeps ids unique on Redshift (no enforced primary key).
INSERT INTO {table} ({columns})
SELECT {columns} FROM {judged} AS j
WHERE j.reason IS NULL
  AND NOT EXISTS (SELECT 1 FROM {rejected} AS r WHERE r.pos = j.pos)
  AND NOT EXISTS (SELECT 1 FROM {table} AS t WHERE t.id = j.id)
