"""The embedded warehouse: DuckDB in one file under the data dir.

Batches go in through Arrow (a registered table, then one anti-join INSERT):
executemany manages a few thousand rows a second, Arrow hundreds of thousands.

Concurrency: every call works on a cursor of its own (a DuckDB cursor is a
connection to the same database: its own transaction and its own
``interrupt()``), so reads run beside each other and beside writes, each on
its own MVCC snapshot. Writes are serialised by a lock, not by DuckDB's
optimistic concurrency with retries: one process owns the file (DuckDB allows
one writer process), and two anti-join inserts of the same id would both see
it absent — the later commit then fails on the primary key, and a retry would
have to redo the batch's verdicts; with the lock every verdict is exact the
first time and nothing is retried. The lock is taken for at most the
request's remaining time (``resolvers.deadline``); a write that cannot get it
in time is ``Unavailable``.

Every cursor is registered with the current request's scope while it works:
when the request is answered, abandoned or cut at its deadline, the work still
running for it is interrupted (``cursor.interrupt()``) instead of holding the
database for seconds more.

Records read by id (departments, jobs and employees) are kept in memory until
the next write to their table (resolvers/adapters/reference_cache.py): this
adapter sees every write. An insert's reference check reads through the same
cache, so a bulk load asks DuckDB for its departments and jobs once, not once
per batch.

Backups read through a cursor of their own inside one transaction (DuckDB's
MVCC gives it a stable snapshot while writers go on); restores stage rows in
a temporary table and swap them in within the same transaction, so a killed
process leaves the old table (nothing is committed before the swap).

Read-only SQL (``query``) cannot use a second, read-only connection: DuckDB
refuses to open a file read-only in a process that has it open read-write
(and to ATTACH it twice). So each query gets a fresh cursor in a READ ONLY
transaction (DuckDB itself then refuses any write), always rolled back.
``enable_external_access=false`` would be stronger still, but it is
process-wide and cannot be switched back on, so it would take file access
from every other capability sharing the process; file functions are instead
kept out by the SQL guard's function allowlist and the statement-type check
here, and Python replacement scans (reading Python variables as tables) are
switched off for the query's cursor.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import sqlglot

from resolvers import deadline
from resolvers.adapters import duckdb_import, sqltext
from resolvers.adapters import sql_common as q
from resolvers.adapters.reference_cache import ReferenceCache
from resolvers.core.errors import Unavailable, ValidationError
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
from resolvers.core.tables import COLUMNS, REFERENCES, Employee, Record, Table, table_of

_ARROW_TYPES: dict[str, pa.DataType] = {
    "id": pa.int64(),
    "department": pa.string(),
    "job": pa.string(),
    "name": pa.string(),
    "datetime": pa.timestamp("us"),
    "department_id": pa.int64(),
    "job_id": pa.int64(),
}
_UTC_MICROS = pa.timestamp("us", tz="UTC")
log = logging.getLogger(__name__)
IMPORT_MEMORY_LIMIT = "256MB"
"""The default of HRGRAPH_DUCKDB_IMPORT_MEMORY_LIMIT (see ``_import_memory``)."""


class DuckDBWarehouse:
    """Implements the Warehouse port on one DuckDB database file (or ``:memory:``)."""

    def __init__(
        self,
        path: str | Path,
        query_timeout_seconds: float = 10.0,
        memory_limit: str = "1GB",
        threads: int = 2,
        import_memory_limit: str = IMPORT_MEMORY_LIMIT,
    ) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Bounds for every query, the read-only SQL a user writes above all: one query
        # may not take every core, nor grow the process past the limit (it fails instead).
        self._db = duckdb.connect(
            str(path), config={"memory_limit": memory_limit, "threads": threads}
        )
        self._query_timeout = query_timeout_seconds
        self._memory_limits = (memory_limit, import_memory_limit)
        self._imports_running = 0
        self._imports_lock = threading.Lock()
        self._set_memory_limit(import_memory_limit)  # a bad value fails here, not mid-import
        self._set_memory_limit(memory_limit)
        self._write_lock = threading.Lock()
        self._local = threading.local()
        self._references = ReferenceCache(frozenset(Table), self._select_by_ids)
        self.create_tables()
        # pyarrow looks for pandas on its first array, and imports it when installed
        # (0.3 s in the dev venv): paid here, at start, not by the first insert.
        to_arrow(Table.DEPARTMENTS, [])

    # -- plumbing -------------------------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor for tools and tests (the API's calls use ``cursor()``)."""
        cursor: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._db.cursor()
            self._local.cursor = cursor
        return cursor

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of this call's own, interrupted if its request ends while it works."""
        cursor = self._db.cursor()
        try:
            with deadline.interruptible(cursor.interrupt):
                try:
                    yield cursor
                except duckdb.InterruptException:
                    scope = deadline.current()
                    if scope is not None and scope.cancelled:
                        raise Unavailable(f"stopped: {scope.cancelled}") from None
                    raise
        finally:
            cursor.close()

    def _fetch(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        with self.cursor() as cursor:
            return cursor.execute(sqltext.to_duckdb(sql), params or {}).fetchall()

    @contextmanager
    def _writing(self, table: Table | None = None) -> Iterator[None]:
        """The write lock, waited for no longer than the request has left; when it is let go,
        the reference cache forgets ``table``'s rows (every table's when None)."""
        scope = deadline.current()
        wait = -1.0 if scope is None else scope.remaining_seconds()
        if not self._write_lock.acquire(timeout=wait):
            raise Unavailable("another write held the warehouse past this request's deadline")
        try:
            yield
        finally:
            self._references.written(table)
            self._write_lock.release()

    @contextmanager
    def transaction(self, table: Table | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction at a time; rolled back on any error."""
        with self._writing(table), self.cursor() as cursor:
            cursor.begin()
            try:
                yield cursor
            except BaseException:
                cursor.rollback()
                raise
            cursor.commit()

    def create_tables(self) -> None:
        with self._writing(), self.cursor() as cursor:
            for name in sqltext.ddl_names():
                cursor.execute(sqltext.duckdb(name))

    def close(self) -> None:
        self._db.close()

    # -- writes ---------------------------------------------------------------

    def insert_new(self, table: Table, records: Sequence[Record]) -> InsertOutcome:
        """References are checked against the (small) dimension tables first; then the rows
        whose references hold go in through the primary-key index in one statement."""
        with self.transaction(table) as cursor:
            unknown = _unknown_references(records, self._present)
            refused = frozenset().union(*unknown.values())
            candidates = [r for r in records if r.id not in refused]
            inserted: frozenset[int] = frozenset()
            if candidates:
                inserted = _insert_staged(cursor, table, candidates)
            # ALREADY_EXISTS outranks UNKNOWN_REFERENCE (core/ingest.py), as on Redshift.
            existing_refused: frozenset[int] = frozenset()
            if refused:
                existing_refused = frozenset(_select_by_ids(cursor, table, sorted(refused)))
        existing = (frozenset(r.id for r in candidates) - inserted) | existing_refused
        return q.insert_outcome(
            records,
            existing,
            {q.REFERENCE_VERDICTS[column]: ids for column, ids in unknown.items()},
        )

    def replace(self, record: Record) -> bool:
        table = table_of(record)
        with self.transaction(table) as cursor:
            if not _select_by_ids(cursor, table, [record.id]):
                return False
            cursor.execute(sqltext.to_duckdb(q.update_by_id(table)), q.record_params(record))
        return True

    def delete(self, table: Table, id: int) -> Deleted | StillReferenced | None:
        with self.transaction(table) as cursor:
            found = _select_by_ids(cursor, table, [id])
            if not found:
                return None
            column = _REFERENCING_COLUMN.get(table)
            if column:
                count_sql = sqltext.duckdb("queries/count_references", column=column)
                (references,) = cursor.execute(count_sql, {"id": id}).fetchone() or (0,)
                if references:
                    return StillReferenced(int(references))
            cursor.execute(sqltext.duckdb("queries/delete_by_id", table=table.value), {"id": id})
        return Deleted(found[id])

    # -- reads ----------------------------------------------------------------

    def get(self, table: Table, id: int) -> Record | None:
        return self.get_many(table, [id]).get(id)

    def get_many(self, table: Table, ids: Sequence[int]) -> dict[int, Record]:
        if not ids:
            return {}
        return self._references.get_many(table, ids)

    def _present(self, table: Table, ids: list[int]) -> Iterable[int]:
        """Which of ``ids`` ``table`` holds, for an insert's reference check: from the
        reference cache, which is exact here, as the insert holds the write lock (no other
        write can end meanwhile) and has not written that table itself."""
        return self._references.get_many(table, ids).keys()

    def _select_by_ids(self, table: Table, ids: Sequence[int]) -> dict[int, Record]:
        with self.cursor() as cursor:
            return _select_by_ids(cursor, table, ids)

    def page(
        self, table: Table, after_id: int, limit: int, where: EmployeeQuery | None = None
    ) -> list[Record]:
        sql, params = q.select_page(table, after_id, limit, where)
        return [q.decode_record(table, row) for row in self._fetch(sql, params)]

    def count(self, table: Table, where: EmployeeQuery | None = None) -> int:
        (count,) = self._fetch(*q.count_rows(table, where))[0]
        return int(count)

    def hires_by_quarter(self, year: int) -> list[QuarterHires]:
        rows = self._fetch(sqltext.redshift("reports/hires_by_quarter"), q.year_bounds(year))
        return [q.decode_quarter_hires(row) for row in rows]

    def departments_above_mean(self, year: int) -> list[DepartmentHires]:
        rows = self._fetch(sqltext.redshift("reports/departments_above_mean"), q.year_bounds(year))
        return [q.decode_department_hires(row) for row in rows]

    def hires_by_department(self, year: int) -> list[DepartmentHires]:
        rows = self._fetch(sqltext.redshift("reports/hires_by_department"), q.year_bounds(year))
        return [q.decode_department_hires(row) for row in rows]

    def hire_years(self) -> list[int]:
        return [int(row[0]) for row in self._fetch(sqltext.redshift("reports/hire_years"))]

    def query(
        self, sql: str, params: QueryParams | None = None, timeout_seconds: float | None = None
    ) -> QueryRows:
        """One guarded SELECT in a READ ONLY transaction that is always rolled back."""
        timeout = self._query_timeout
        if timeout_seconds is not None:
            timeout = max(0.0, min(timeout, timeout_seconds))
        try:
            with self.cursor() as cursor:
                statement = _one_select(cursor, sql)
                cursor.execute("SET python_enable_replacements = false")
                cursor.execute("BEGIN TRANSACTION READ ONLY")
                timer = threading.Timer(timeout, cursor.interrupt)
                timer.start()
                try:
                    result = cursor.execute(statement, dict(params or {}))
                    columns = [str(column[0]) for column in result.description or []]
                    rows = [[q.json_value(value) for value in row] for row in result.fetchall()]
                finally:
                    timer.cancel()
                    cursor.rollback()
        except duckdb.InterruptException:
            raise ValidationError("sql", f"must finish within {timeout:g} seconds") from None
        except duckdb.Error as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else "failed"
            raise ValidationError("sql", f"failed in the warehouse: {message}") from None
        return QueryRows(columns=columns, rows=rows)

    def import_file(self, request: ImportRequest, progress: ImportProgress) -> ImportOutcome:
        """A whole file, judged in SQL (resolvers/adapters/duckdb_import.py)."""
        with self._import_memory():
            return duckdb_import.import_file(self.cursor, self._writing, request, progress)

    @contextmanager
    def _import_memory(self) -> Iterator[None]:
        """The import's memory limit while any import runs, the warehouse's again after.

        A file of millions of rows is several tables of millions of rows (its cells, its
        verdicts, the insert's own copy); under a limit DuckDB spills them to its temporary
        directory (``<database>.tmp``, beside the database in the data dir) instead of
        holding them, for little time: the import's work is CPU, not I/O. DuckDB's
        ``memory_limit`` is the database's, not a connection's (its scope is GLOBAL), so
        queries that run meanwhile share the lower limit: they spill too, or, for the few
        operators that cannot, fail with DuckDB's out-of-memory error. Lowering is best
        effort: when DuckDB cannot free the memory other work holds at that moment, the
        import runs under the regular limit (and says so in the log).
        """
        regular, during_import = self._memory_limits
        with self._imports_lock:
            self._imports_running += 1
            if self._imports_running == 1:
                try:
                    self._set_memory_limit(during_import)
                except duckdb.Error as error:  # memory other work holds pinned cannot go now
                    log.warning("import runs under the regular memory limit: %s", error)
        try:
            yield
        finally:
            with self._imports_lock:
                self._imports_running -= 1
                if self._imports_running == 0:
                    self._set_memory_limit(regular)

    def _set_memory_limit(self, limit: str) -> None:
        cursor = self._db.cursor()
        try:
            cursor.execute("SET memory_limit = '" + limit.replace("'", "''") + "'")
        finally:
            cursor.close()

    # -- backups ----------------------------------------------------------------

    def snapshot(self, table: Table, chunk_rows: int) -> Iterator[list[Row]]:
        sql = sqltext.duckdb("queries/scan_table", table=table.value, columns=q.columns(table))
        with self.cursor() as cursor:
            cursor.begin()
            for batch in cursor.sql(sql).to_arrow_reader(chunk_rows):
                yield _epoch_millis(batch).to_pylist()
            cursor.commit()

    def restore_swap(
        self,
        table: Table,
        chunks: Iterable[Sequence[Row]],
        check: Callable[[Staged], None],
        location: str | None = None,
    ) -> int:
        names = {"table": table.value, "columns": q.columns(table), "staging": f"restore_{table}"}
        schema = arrow_schema(table)
        with self._writing(table), self.cursor() as cursor:
            try:
                cursor.begin()
                cursor.execute(sqltext.duckdb("restore/create_staging", **names))
                insert = sqltext.duckdb(
                    "restore/insert_from_staging",
                    table=names["staging"],
                    columns=names["columns"],
                    staging="chunk",
                )
                for chunk in chunks:
                    cursor.register("chunk", pa.Table.from_pylist(list(chunk), schema=schema))
                    cursor.execute(insert)
                    cursor.unregister("chunk")
                check(_measure(cursor, table, names["staging"]))
                (previous,) = cursor.execute(
                    sqltext.duckdb("queries/count_rows", table=table.value)
                ).fetchone() or (0,)
                cursor.execute(sqltext.duckdb("restore/drop_table", **names))
                cursor.execute(sqltext.duckdb(f"ddl/{table.value}"))
                cursor.execute(sqltext.duckdb("restore/insert_from_staging", **names))
                cursor.commit()
            except BaseException:
                cursor.rollback()
                raise
        return int(previous)


def _measure(cursor: duckdb.DuckDBPyConnection, table: Table, staging: str) -> Staged:
    """The facts the core's restore check needs, read inside the restore's transaction."""
    rows, distinct = cursor.execute(
        sqltext.duckdb("restore/staged_counts", staging=staging)
    ).fetchone() or (0, 0)
    missing: frozenset[int] = frozenset()
    unknown: set[int] = set()
    column = _REFERENCING_COLUMN.get(table)
    if column:
        sql = sqltext.duckdb("restore/missing_referenced_ids", staging=staging, column=column)
        missing = _ids(cursor.execute(sql).fetchall())
    elif table is Table.HIRED_EMPLOYEES:
        for column, target in REFERENCES.items():
            sql = sqltext.duckdb(
                "queries/staged_unknown_references",
                staging=staging,
                column=column,
                target=target.value,
            )
            unknown |= _ids(cursor.execute(sql).fetchall())
    return Staged(int(rows), int(rows) - int(distinct), missing, len(unknown))


_REFERENCING_COLUMN = {Table.DEPARTMENTS: "department_id", Table.JOBS: "job_id"}


def arrow_schema(table: Table) -> pa.Schema:
    """The warehouse's columns as Arrow types (timestamps naive UTC, as DuckDB stores them)."""
    return pa.schema([(name, _ARROW_TYPES[name]) for name in COLUMNS[table]])


def _epoch_millis(batch: pa.RecordBatch) -> pa.RecordBatch:
    """``datetime`` as int milliseconds since the epoch, the value Avro timestamp-millis holds."""
    if "datetime" not in batch.schema.names:
        return batch
    index = batch.schema.get_field_index("datetime")
    millis = pc.cast(batch.column(index), pa.timestamp("ms"), safe=False).cast(pa.int64())
    columns = list(batch.columns)
    columns[index] = millis
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _one_select(cursor: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The Redshift statement in DuckDB's dialect, which DuckDB's own parser must see as one SELECT.

    Not sqltext.to_duckdb: that cache is for the project's own statements, and
    caching every distinct user statement would grow without bound.
    """
    statements = sqlglot.transpile(sql, read="redshift", write="duckdb")
    parsed = cursor.extract_statements(statements[0]) if len(statements) == 1 else []
    if len(parsed) != 1 or parsed[0].type != duckdb.StatementType.SELECT:
        raise ValidationError("sql", "must be exactly one SELECT statement")
    return statements[0]


def to_arrow(table: Table, records: Sequence[Record]) -> pa.Table:
    """Records as an Arrow table with the warehouse's column names and types.

    Datetimes are UTC-aware in the core and naive UTC in the table; Arrow does
    that conversion for the whole column at once (a Python loop cost twice
    the rest of the batch's conversion).
    """
    columns: dict[str, pa.Array] = {}
    for name in COLUMNS[table]:
        values = [getattr(record, name) for record in records]
        if name == "datetime":
            columns[name] = pa.array(values, type=_UTC_MICROS).cast(_ARROW_TYPES[name])
        else:
            columns[name] = pa.array(values, type=_ARROW_TYPES[name])
    return pa.table(columns)


def _insert_staged(
    cursor: duckdb.DuckDBPyConnection, table: Table, records: Sequence[Record]
) -> frozenset[int]:
    """Insert the records whose id is new, in the open transaction; the ids inserted.

    Most batches hold only new ids, and go in with a plain INSERT. When some
    were there already, DuckDB refuses that statement; the transaction is undone
    and the rows go in again, skipping those ids, with RETURNING to learn which
    went in (the write lock is held throughout, so nothing else changed between).
    """
    staging = "staged_batch"
    names = {"table": table.value, "columns": q.columns(table), "staging": staging}
    rows = to_arrow(table, records)
    cursor.register(staging, rows)
    try:
        try:
            cursor.execute(sqltext.raw("duckdb/insert_staged").format(**names))
        except duckdb.ConstraintException:
            cursor.rollback()  # which also drops the registration
        else:
            return frozenset(r.id for r in records)
        cursor.begin()
        cursor.register(staging, rows)
        returning = sqltext.raw("duckdb/insert_staged_returning").format(**names)
        return _ids(cursor.execute(returning).fetchall())
    finally:
        cursor.unregister(staging)


def _unknown_references(
    records: Sequence[Record], present: Callable[[Table, list[int]], Iterable[int]]
) -> dict[str, frozenset[int]]:
    """Record ids per reference column whose target row does not exist."""
    employees = [r for r in records if isinstance(r, Employee)]
    unknown: dict[str, frozenset[int]] = {}
    for column, target in REFERENCES.items():
        wanted = {getattr(e, column) for e in employees} - {None}
        if not wanted:
            continue
        absent = wanted - set(present(target, list(wanted)))
        if absent:  # rare: a batch's rows usually all point at rows that exist
            unknown[column] = frozenset(e.id for e in employees if getattr(e, column) in absent)
    return unknown


def _select_by_ids(
    cursor: duckdb.DuckDBPyConnection, table: Table, ids: Sequence[int]
) -> dict[int, Record]:
    sql = sqltext.raw("duckdb/select_by_ids").format(table=table.value, columns=q.columns(table))
    rows = cursor.execute(sql, {"ids": list(ids)}).fetchall()
    return {int(row[0]): q.decode_record(table, row) for row in rows}


def _ids(rows: list[tuple[Any, ...]]) -> frozenset[int]:
    return frozenset(int(row[0]) for row in rows)


__all__ = ["DuckDBWarehouse", "Employee", "to_arrow"]
