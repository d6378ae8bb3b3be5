-- Ids that more than one valid employee row of the file holds, with the line of the first
-- (it wins; the later ones are DUPLICATE_IN_BATCH, rejected_employees.sql). A statement of
-- its own, before the LOCK: only this aggregate reads every judged row for it.
CREATE TEMP TABLE {repeated} AS
SELECT id, MIN(line) AS first_line
FROM {judged}
WHERE reason IS NULL
GROUP BY id
HAVING COUNT(*) > 1
