-- The read-only user runSql and ask run as (HRGRAPH_REDSHIFT_READONLY_SECRET_ARN,
-- infra/redshift.yml ReadOnlySecret): SELECT on the app's tables, nothing else. The SQL
-- guard in the Lambda already refuses anything but one SELECT; this user makes the
-- warehouse refuse it too.
-- Run once as the admin, after app_user.sql (whose REVOKE ... FROM PUBLIC leaves this user no
-- ASSUMEROLE: it can neither COPY nor UNLOAD); :'password' is ReadOnlySecret's password.
-- CONNECTION LIMIT: the API function's reserved concurrency (serverless.yml apiConcurrency)
-- is the same number, so the API never asks for a connection this user would be refused.
CREATE USER hrgraph_readonly PASSWORD :'password' CONNECTION LIMIT 20;

GRANT USAGE ON SCHEMA public TO hrgraph_readonly;
-- The tables that exist now, and the ones hrgraph_app creates later.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO hrgraph_readonly;
ALTER DEFAULT PRIVILEGES FOR USER hrgraph_app IN SCHEMA public
    GRANT SELECT ON TABLES TO hrgraph_readonly;

-- A runaway question stops after 30 seconds.
ALTER USER hrgraph_readonly SET statement_timeout TO 30000;
