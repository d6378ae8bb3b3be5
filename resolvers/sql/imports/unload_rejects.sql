-- Redshift: the rejects file, written by the cluster itself as one CSV object beside the
-- source (PARALLEL OFF: one file, in line order). {select} is the quoted text of
-- rejects_file.sql ordered by line.
UNLOAD ({select}) TO {target} IAM_ROLE {role} FORMAT AS CSV HEADER PARALLEL OFF ALLOWOVERWRITE
