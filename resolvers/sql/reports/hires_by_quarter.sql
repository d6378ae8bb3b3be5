-- Hires per quarter of one year, per department and job.
-- Employees without a department or job are left out (inner joins).
-- Ordered by department then job in byte order (Redshift's and DuckDB's default).
SELECT
    d.department,
    j.job,
    SUM(CASE WHEN EXTRACT(QUARTER FROM e.datetime) = 1 THEN 1 ELSE 0 END) AS q1,
    SUM(CASE WHEN EXTRACT(QUARTER FROM e.datetime) = 2 THEN 1 ELSE 0 END) AS q2,
    SUM(CASE WHEN EXTRACT(QUARTER FROM e.datetime) = 3 THEN 1 ELSE 0 END) AS q3,
    SUM(CASE WHEN EXTRACT(QUARTER FROM e.datetime) = 4 THEN 1 ELSE 0 END) AS q4
FROM hired_employees AS e
JOIN departments AS d ON d.id = e.department_id
JOIN jobs AS j ON j.id = e.job_id
WHERE e.datetime >= CAST(:year_start AS TIMESTAMP)
  AND e.datetime < CAST(:year_end AS TIMESTAMP)
GROUP BY d.department, j.job, d.id, j.id
ORDER BY d.department, j.job, d.id, j.id
