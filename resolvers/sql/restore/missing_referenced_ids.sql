-- Ids of {table} that employees reference but the staged backup lacks.
SELECT DISTINCT e.{column} FROM hired_employees AS e
WHERE e.{column} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {staging} AS s WHERE s.id = e.{column})
