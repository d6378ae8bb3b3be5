-- The two database users the Redshift adapter runs as. Run once, as an admin, after the
-- workgroup or cluster exists; not loaded by the code (the adapter never manages users).
--
-- hrgraph_writer: batches, corrections, deletes, restores. It creates the tables on first use
--   (CREATE TABLE IF NOT EXISTS), so it owns them, and an owner may LOCK them. Stage tables
--   are TEMP tables, which need TEMP on the database.
-- hrgraph_reader: reports, read-only SQL and questions (HRGRAPH_REDSHIFT_READONLY_SECRET_ARN
--   or HRGRAPH_REDSHIFT_READONLY_DB_USER). SELECT on the three tables and nothing else, so a
--   query that slipped past the SQL guard still cannot change data.
--
-- With Secrets Manager, give each user a password and store it in its secret (username,
-- password); with temporary credentials (DbUser / IAM identity), create them PASSWORD DISABLE.
-- Replace dev with HRGRAPH_REDSHIFT_DATABASE.

CREATE USER hrgraph_writer PASSWORD DISABLE;
CREATE USER hrgraph_reader PASSWORD DISABLE;

-- Nobody gets more than granted below: no table creation in public, no temp tables by default.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE TEMP ON DATABASE dev FROM PUBLIC;

GRANT USAGE, CREATE ON SCHEMA public TO hrgraph_writer;
GRANT TEMP ON DATABASE dev TO hrgraph_writer;

GRANT USAGE ON SCHEMA public TO hrgraph_reader;
-- The tables exist once the writer has run; grant now and for tables it creates later.
ALTER DEFAULT PRIVILEGES FOR USER hrgraph_writer IN SCHEMA public
    GRANT SELECT ON TABLES TO hrgraph_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO hrgraph_reader;

-- A cap on what one read may cost (read-only SQL is user-supplied).
ALTER USER hrgraph_reader SET statement_timeout TO 60000;
