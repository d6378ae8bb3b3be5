"""The Warehouse port on Amazon Redshift, through the Data API (boto3 ``redshift-data``).

Statements come from sql/ as written (Redshift dialect), shared with the DuckDB
adapter through sql_common. What differs from DuckDB is what Redshift lacks:

- no enforced primary key and SNAPSHOT isolation: an insert is ONE
  BatchExecuteStatement (one transaction, one session) that LOCKs the table
  (and, for employees, the tables they reference), stages the batch in a temp
  table, selects the verdict sets and runs the anti-join insert;
- no array parameters: batch rows travel as quoted literals in multi-row
  VALUES, split to keep each statement under 100 KB;
- no branching inside a batch: a delete that must not orphan employees is
  one conditional DELETE under the same LOCKs.

Reports and ad-hoc read-only queries run as the read-only database user when
one is configured (see sql/grants/readonly_user.sql).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from hrgraph_contract.settings import Settings
from resolvers.adapters import redshift_backup, redshift_import, redshift_unload, sqltext
from resolvers.adapters import sql_common as q
from resolvers.adapters.redshift_data_client import (
    Connection,
    DataApi,
    DeadlineExceeded,
    Done,
    Policy,
    Rows,
    StatementFailed,
)
from resolvers.adapters.redshift_literals import inline_values, values_statements
from resolvers.core.errors import ValidationError
from resolvers.core.ports import (
    Deleted,
    DepartmentHires,
    EmployeeQuery,
    ImportOutcome,
    ImportProgress,
    ImportRequest,
    InsertOutcome,
    QuarterHires,
    QueryParams,
    QueryRows,
    Row,
    Staged,
    StillReferenced,
)
from resolvers.core.tables import REFERENCES, Record, Table, table_of

T = TypeVar("T")

STAGING = "staged_batch"
MAX_BATCH_STATEMENTS = 40

_REFERENCED_BY = {Table.DEPARTMENTS: "department_id", Table.JOBS: "job_id"}
"""Tables employees point at, and the employee column that points."""


class RedshiftWarehouse:
    """Implements the Warehouse port on Redshift (provisioned or Serverless)."""

    def __init__(
        self,
        writer: DataApi,
        reader: DataApi | None = None,
        copy_role_arn: str = "",
        unload: redshift_unload.UnloadStaging | None = None,
    ) -> None:
        self.writer = writer
        self.unload = unload
        """Where backups UNLOAD to as Parquet; None: snapshots page through the Data API."""
        self.reader = reader or writer
        """Runs reports and read-only queries; the writer unless a read-only user is set."""
        self.copy_role_arn = copy_role_arn
        """IAM role Redshift assumes to COPY a backup from S3; empty: restores use INSERTs."""
        self.query_api: DataApi | None = None
        """The reader with the read-only SQL deadline (Settings.sql_timeout_seconds), if set."""

    @classmethod
    def from_settings(cls, settings: Settings, client: Any = None) -> RedshiftWarehouse:
        """The adapter HRGRAPH_WAREHOUSE=redshift selects; ``client`` defaults to boto3's."""
        if client is None:
            import boto3

            client = boto3.client("redshift-data")
        policy = Policy(timeout=settings.redshift_timeout_seconds)
        target = {
            "database": settings.redshift_database,
            "workgroup": settings.redshift_workgroup,
            "cluster_id": settings.redshift_cluster_id,
        }
        writer = DataApi(
            client,
            Connection(
                **target,
                secret_arn=settings.redshift_secret_arn,
                db_user=settings.redshift_db_user,
            ),
            policy,
        )
        reader = None
        if settings.redshift_readonly_secret_arn or settings.redshift_readonly_db_user:
            reader = DataApi(
                client,
                Connection(
                    **target,
                    secret_arn=settings.redshift_readonly_secret_arn,
                    db_user=settings.redshift_readonly_db_user,
                ),
                policy,
            )
        unload = None
        if settings.backup_bucket and settings.redshift_copy_role_arn:
            unload = redshift_unload.UnloadStaging(
                settings.backup_bucket, settings.unload_prefix, settings.redshift_copy_role_arn
            )
        warehouse = cls(writer, reader, settings.redshift_copy_role_arn, unload)
        warehouse.query_api = replace(
            warehouse.reader, policy=Policy(timeout=settings.sql_timeout_seconds)
        )
        return warehouse

    def create_tables(self) -> None:
        """The three tables (CREATE TABLE IF NOT EXISTS), in one transaction."""
        self.writer.batch([sqltext.redshift(name) for name in sqltext.ddl_names()])

    # -- writes ---------------------------------------------------------------

    def insert_new(self, table: Table, records: Sequence[Record]) -> InsertOutcome:
        if not records:
            return InsertOutcome(inserted=frozenset())
        columns = q.columns(table)
        head = sqltext.redshift("queries/insert_values", table=STAGING, columns=columns)
        sqls = [
            q.lock_statement(
                table, *(REFERENCES.values() if table is Table.HIRED_EMPLOYEES else ())
            ),
            sqltext.redshift(
                "queries/create_staging", staging=STAGING, table=table.value, columns=columns
            ),
            *values_statements(head, (q.record_values(r) for r in records)),
        ]
        verdicts: dict[str, int] = {"existing": len(sqls)}
        sqls.append(
            sqltext.redshift("queries/staged_existing_ids", staging=STAGING, table=table.value)
        )
        if table is Table.HIRED_EMPLOYEES:
            for column, target in REFERENCES.items():
                verdicts[q.REFERENCE_VERDICTS[column]] = len(sqls)
                sqls.append(
                    sqltext.redshift(
                        "queries/staged_unknown_references",
                        staging=STAGING,
                        column=column,
                        target=target.value,
                    )
                )
        sqls.append(q.insert_staged_new(table, STAGING))
        if len(sqls) > MAX_BATCH_STATEMENTS:
            raise ValueError(f"a batch of {len(records)} records needs {len(sqls)} statements")
        done = self._with_tables(lambda: self.writer.batch(sqls))
        sets = {name: _ids(done[index]) for name, index in verdicts.items()}
        existing = sets.pop("existing")
        return q.insert_outcome(records, existing, sets)

    def replace(self, record: Record) -> bool:
        table = table_of(record)
        done = self._with_tables(
            lambda: self.writer.execute(q.update_by_id(table), q.record_params(record))
        )
        return done.result_rows > 0

    def delete(self, table: Table, id: int) -> Deleted | StillReferenced | None:
        key = {"id": int(id)}
        select = q.select_by_ids(table, [id])
        column = _REFERENCED_BY.get(table)
        if column is None:
            sqls = [
                q.lock_statement(table),
                select,
                inline_values(sqltext.redshift("queries/delete_by_id", table=table.value), key),
            ]
        else:
            sqls = [
                q.lock_statement(table, Table.HIRED_EMPLOYEES),
                select,
                inline_values(sqltext.redshift("queries/count_references", column=column), key),
                inline_values(
                    sqltext.redshift(
                        "queries/delete_unreferenced", table=table.value, column=column
                    ),
                    key,
                ),
            ]
        done = self._with_tables(lambda: self.writer.batch(sqls))
        found = _rows(done[1])
        if not found:
            return None
        if column is not None and _rows(done[2])[0][0]:
            return StillReferenced(int(_rows(done[2])[0][0]))
        return Deleted(q.decode_record(table, found[0]))

    # -- reads ----------------------------------------------------------------

    def get(self, table: Table, id: int) -> Record | None:
        return self.get_many(table, [id]).get(id)

    def get_many(self, table: Table, ids: Sequence[int]) -> dict[int, Record]:
        if not ids:
            return {}
        rows = self._read(self.writer, q.select_by_ids(table, ids))
        return {int(row[0]): q.decode_record(table, row) for row in rows.rows}

    def page(
        self, table: Table, after_id: int, limit: int, where: EmployeeQuery | None = None
    ) -> list[Record]:
        sql, params = q.select_page(table, after_id, limit, where)
        return [q.decode_record(table, row) for row in self._read(self.writer, sql, params).rows]

    def count(self, table: Table, where: EmployeeQuery | None = None) -> int:
        rows = self._read(self.writer, *q.count_rows(table, where))
        return int(rows.rows[0][0])

    def hires_by_quarter(self, year: int) -> list[QuarterHires]:
        sql = sqltext.redshift("reports/hires_by_quarter")
        rows = self._read(self.reader, sql, q.year_bounds(year))
        return [q.decode_quarter_hires(row) for row in rows.rows]

    def departments_above_mean(self, year: int) -> list[DepartmentHires]:
        sql = sqltext.redshift("reports/departments_above_mean")
        rows = self._read(self.reader, sql, q.year_bounds(year))
        return [q.decode_department_hires(row) for row in rows.rows]

    def hires_by_department(self, year: int) -> list[DepartmentHires]:
        sql = sqltext.redshift("reports/hires_by_department")
        rows = self._read(self.reader, sql, q.year_bounds(year))
        return [q.decode_department_hires(row) for row in rows.rows]

    def hire_years(self) -> list[int]:
        rows = self._read(self.reader, sqltext.redshift("reports/hire_years"))
        return [int(row[0]) for row in rows.rows]

    def query(
        self, sql: str, params: QueryParams | None = None, timeout_seconds: float | None = None
    ) -> QueryRows:
        """A guarded SELECT, run as the read-only user (never the writer, when one is set).

        What the database refuses (syntax, unknown column, permission, its
        statement_timeout, our deadline) is the caller's SQL: ValidationError.
        """
        api = self.query_api or self.reader
        if timeout_seconds is not None and timeout_seconds < api.policy.timeout:
            api = replace(api, policy=replace(api.policy, timeout=max(0.0, timeout_seconds)))
        request_is_the_limit = api.seconds_left() < api.policy.timeout
        try:
            done = api.execute(sql, params)
        except StatementFailed as failure:
            message = failure.detail.strip().splitlines()[0] if failure.detail.strip() else ""
            raise ValidationError("sql", f"failed in the warehouse: {message}") from None
        except DeadlineExceeded:
            if request_is_the_limit:  # the request ran out of time, not the query: Unavailable
                raise
            raise ValidationError(
                "sql", f"must finish within {api.policy.timeout:g} seconds"
            ) from None
        rows = done.rows or Rows([], [])
        return QueryRows(rows.columns, [[q.json_value(v) for v in row] for row in rows.rows])

    def import_file(self, request: ImportRequest, progress: ImportProgress) -> ImportOutcome:
        """COPY from S3 into text staging, then the rules in SQL (redshift_import.py)."""
        s3 = self.unload.client() if self.unload is not None else None
        if s3 is None:
            import boto3

            s3 = boto3.client("s3")
        return self._with_tables(
            lambda: redshift_import.import_file(
                self.writer, s3, request, self.copy_role_arn, progress
            )
        )

    # -- backups (resolvers/adapters/redshift_backup.py) -----------------------

    def snapshot(self, table: Table, chunk_rows: int) -> Iterator[list[Row]]:
        if self.unload is not None:
            return redshift_unload.snapshot(self.writer, self.unload, table, chunk_rows)
        return redshift_backup.snapshot(self.writer, table, chunk_rows)

    def restore_swap(
        self,
        table: Table,
        chunks: Iterable[Sequence[Row]],
        check: Callable[[Staged], None],
        location: str | None = None,
    ) -> int:
        return self._with_tables(
            lambda: redshift_backup.restore_swap(
                self.writer, table, chunks, check, location, self.copy_role_arn
            )
        )

    # -- plumbing -------------------------------------------------------------

    def _read(self, api: DataApi, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        done = self._with_tables(lambda: api.execute(sql, params))
        return done.rows or Rows([], [])

    def _with_tables(self, run: Callable[[], T]) -> T:
        """Run; if a table is missing (a new database), create the tables once and rerun."""
        try:
            return run()
        except StatementFailed as failure:
            if not failure.missing_relation:
                raise
        self.create_tables()
        return run()


def _rows(done: Done) -> list[tuple[Any, ...]]:
    return done.rows.rows if done.rows else []


def _ids(done: Done) -> frozenset[int]:
    return frozenset(int(row[0]) for row in _rows(done))
