-- The user the hrgraph Lambda writes as (its secret: HRGRAPH_REDSHIFT_SECRET_ARN,
-- infra/redshift.yml AppSecret). Not a superuser: it owns the three tables it creates
-- (sql/ddl), so it may LOCK, INSERT, UPDATE, DELETE and TRUNCATE them, and nothing else.
-- Run once as the admin (README, "Deploy to AWS"); :'password' is AppSecret's password,
-- :'copy_role_arn' the CopyRoleArn output.
CREATE USER hrgraph_app PASSWORD :'password';

-- Nobody else creates tables in public; the app does.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO hrgraph_app;

-- The COPY/UNLOAD role (CopyRoleArn) is for the app user alone. Every database user holds
-- ASSUMEROLE on every role through PUBLIC until it is revoked, and the GRANT ASSUMEROLE
-- usage notes require this revoke before granting it to anyone (Amazon Redshift Database
-- Developer Guide, GRANT: "revoke assumerole on all from public for all;"). Without it the
-- read-only user could UNLOAD a table to S3 with the role.
REVOKE ASSUMEROLE ON ALL FROM PUBLIC FOR ALL;
-- restoreTable COPYs Avro backups from S3, and backupTable UNLOADs a table as Parquet to S3,
-- both with the role Redshift assumes; nothing else (no EXTERNAL FUNCTION, no CREATE MODEL).
GRANT ASSUMEROLE ON :'copy_role_arn' TO hrgraph_app FOR COPY;
GRANT ASSUMEROLE ON :'copy_role_arn' TO hrgraph_app FOR UNLOAD;
