-- The swap on Redshift: the restored table, built and loaded beside the live one, takes its
-- name in one short transaction (metadata only), so readers wait for the renames and not for
-- a DELETE and an INSERT of every row.
ALTER TABLE {table} RENAME TO {new_name}
