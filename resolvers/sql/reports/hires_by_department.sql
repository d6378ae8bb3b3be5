-- Hires of one year per department, every department with at least one hire, most first,
-- with the mean over those departments (the same mean departments_above_mean compares to).
WITH hires AS (
    SELECT e.department_id AS id, COUNT(*) AS hired
    FROM hired_employees AS e
    JOIN departments AS d ON d.id = e.department_id
    WHERE e.datetime >= CAST(:year_start AS TIMESTAMP)
      AND e.datetime < CAST(:year_end AS TIMESTAMP)
    GROUP BY e.department_id
),
yearly AS (
    SELECT AVG(CAST(hired AS DOUBLE PRECISION)) AS mean FROM hires
)
SELECT h.id, d.department, h.hired, y.mean
FROM hires AS h
JOIN departments AS d ON d.id = h.id
CROSS JOIN yearly AS y
ORDER BY h.hired DESC, d.department, h.id
