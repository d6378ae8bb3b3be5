-- The years in which at least one employee was hired, oldest first (for year pickers).
SELECT DISTINCT CAST(EXTRACT(YEAR FROM e.datetime) AS INTEGER) AS year
FROM hired_employees AS e
ORDER BY year
