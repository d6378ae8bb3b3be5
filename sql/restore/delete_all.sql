-- Inside the swap's transaction. DELETE, not TRUNCATE: Redshift's TRUNCATE commits.
DELETE FROM {table}
