-- The swap's check on Redshift, right after its LOCK: {unchanged} are the staged facts that the
-- restore's check approved, measured again. A batch cannot branch, so when a writer changed
-- the references in between, this statement fails (a text that is not an integer) and the
-- batch's transaction rolls back before any rename; the adapter knows the text.
-- {unchanged} reads tables, so no planner folds the CASE and fails it early.
SELECT CAST(CASE WHEN {unchanged} THEN '1' ELSE 'hrgraph: references changed' END AS INTEGER)
