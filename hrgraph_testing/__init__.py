"""Test doubles for the outside services the adapters talk to, for tests/ and bench/.

A package of their own (not under resolvers/, not under tests/): the Lambda's source
tree holds no test double, and bench/ imports them without importing tests. They need
the dev dependencies (DuckDB, psycopg); the wheel and the Lambda zip leave them out, and
import-linter holds that no shipped package imports them.

``redshift_data.FakeRedshiftData`` stands in for ``boto3.client("redshift-data")``.
Redshift behaviours it does NOT model (so tests on it cannot catch them):

- timing: statements run when polled (the third DescribeStatement), not in the
  background; a statement that is never described never runs, and a
  DescribeStatement can block while the statement waits for a LOCK;
- locking beyond LOCK, on the default DuckDB engine: plain reads and writes do
  not wait for another session's LOCK (Redshift's ACCESS EXCLUSIVE lock blocks
  them), and there is no deadlock detection. ``postgres_engine`` runs the same
  SQL on PostgreSQL instead, which has both for real:
  ``FakeRedshiftData(PostgresRedshiftEngine(PostgresCluster.start(dir)))``;
- serialization errors other than DuckDB's write-write conflicts (Redshift also
  aborts read-write cycles with error 1023); inject them with fail_statements;
- VARCHAR lengths in bytes, numeric overflow, DISTKEY/SORTKEY, vacuum, WLM
  queues, result size limits (100 MB) and result expiry (24 h);
- ClientToken idempotency (a retried submission runs again), per-account limits
  on concurrent statements (inject ActiveStatementsExceeded with fail_requests);
- sessions (SessionId, SessionKeepAliveSeconds), ListStatements, DescribeTable,
  GetStatementResultV2 (CSV), UNLOAD, COPY other than Avro from s3:// (the IAM role is
  not checked), IAM and Secrets Manager (any ARN or user is accepted);
- the SQL dialect itself: sqlglot transpiles Redshift to DuckDB, so a function
  Redshift lacks but sqlglot accepts passes here (the adapter's SQL is checked
  against sqlglot's Redshift grammar, not Redshift's parser).
"""
