-- Anti-join insert: staged rows whose id is new (the first of each id only), and
-- for employees, whose references exist. Redshift enforces no primary key, so this
-- statement, run after LOCK {table}, is what keeps ids unique.
INSERT INTO {table} ({columns})
SELECT {columns} FROM (
    SELECT s.*, ROW_NUMBER() OVER (PARTITION BY s.id ORDER BY s.id) AS copy_number
    FROM {staging} AS s
) AS s
WHERE s.copy_number = 1
  AND NOT EXISTS (SELECT 1 FROM {table} AS t WHERE t.id = s.id)
  {reference_checks}
