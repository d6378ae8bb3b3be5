-- Rows and distinct ids of the staging table: they differ when the backup repeats an id.
SELECT COUNT(*), COUNT(DISTINCT id) FROM {staging}
