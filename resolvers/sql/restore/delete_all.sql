-- The swap for Redshift, in one transaction with insert_from_staging.
-- DELETE, not TRUNCATE: Redshift's TRUNCATE commits.
DELETE FROM {table}
