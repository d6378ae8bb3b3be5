-- The user the hrgraph Lambda writes as (its secret: HRGRAPH_REDSHIFT_SECRET_ARN,
-- infra/redshift.yml AppSecret). Not a superuser: it owns the three tables it creates
-- (sql/ddl), so it may LOCK, INSERT, UPDATE, DELETE and TRUNCATE them, and nothing else.
-- Run once as the admin (README, "Deploy to AWS"); :'password' is AppSecret's password,
-- :'copy_role_arn' the CopyRoleArn output.
CREATE USER hrgraph_app PASSWORD :'password';

-- Nobody else creates tables in public; the app does.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO hrgraph_app;

-- restoreTable COPYs Avro backups from S3 with the role Redshift assumes.
GRANT ASSUMEROLE ON :'copy_role_arn' TO hrgraph_app FOR COPY;
