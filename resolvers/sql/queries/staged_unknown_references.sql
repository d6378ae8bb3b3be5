-- Staged employees whose {column} points at no row of {target} (verdict UNKNOWN_REFERENCE).
SELECT s.id FROM {staging} AS s
WHERE s.{column} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {target} AS r WHERE r.id = s.{column})
