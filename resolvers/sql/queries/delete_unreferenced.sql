-- Delete one department or job unless an employee still points at it. One statement, so a
-- Data API batch (which cannot branch) decides atomically under LOCK.
DELETE FROM {table}
WHERE id = :id
  AND NOT EXISTS (SELECT 1 FROM hired_employees AS e WHERE e.{column} = :id)
