-- The swap's halves on Redshift, each guarded by {unchanged}: the staged facts that the
-- restore's check approved, measured again under LOCK. A batch cannot branch, so when a
-- writer changed the references in between, both halves do nothing (and the adapter says so).
SELECT CASE WHEN {unchanged} THEN 1 ELSE 0 END AS unchanged
