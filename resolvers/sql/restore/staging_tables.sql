-- The staging tables restores of one table built beside it (restore_staging_<table>_<stamp>_<id>),
-- their own and any a crashed worker left behind. The pattern's underscores match any
-- character; the adapter reads each name back and keeps only its own format.
SELECT table_name FROM information_schema.tables
WHERE table_schema = current_schema() AND table_name LIKE {prefix}
ORDER BY table_name
