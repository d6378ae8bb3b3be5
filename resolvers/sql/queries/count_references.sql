-- How many employees still point at one department or job.
SELECT COUNT(*) FROM hired_employees WHERE {column} = :id
