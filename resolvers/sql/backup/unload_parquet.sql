-- Large backups on Redshift: one UNLOAD is one consistent read of the table, written by the
-- cluster itself as Parquet parts under a staging prefix (the worker streams them to Avro).
-- {select} is the quoted text of snapshot_select; parts are at most 64 MB, so the worker's
-- scratch disk holds one at a time.
UNLOAD ({select}) TO {target} IAM_ROLE {role} FORMAT AS PARQUET MAXFILESIZE 64 MB
