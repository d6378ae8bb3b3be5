"""The embedded warehouse: DuckDB in one file under the data dir.

Batches go in through Arrow (a registered table, then one anti-join INSERT):
executemany manages a few thousand rows a second, Arrow hundreds of thousands.
Writes are serialised by a lock: one process owns the file (DuckDB allows one
writer process), and inside it one writer at a time keeps verdicts exact.
Each thread reads through its own cursor, so reads run beside writes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from resolvers.adapters import sql_common as q
from resolvers.adapters import sqltext
from resolvers.core.ports import (
    Deleted,
    DepartmentHires,
    EmployeeQuery,
    InsertOutcome,
    QuarterHires,
    StillReferenced,
)
from resolvers.core.tables import COLUMNS, REFERENCES, Employee, Record, Table

_ARROW_TYPES: dict[str, pa.DataType] = {
    "id": pa.int64(),
    "department": pa.string(),
    "job": pa.string(),
    "name": pa.string(),
    "datetime": pa.timestamp("us"),
    "department_id": pa.int64(),
    "job_id": pa.int64(),
}


class DuckDBWarehouse:
    """Implements the Warehouse port on one DuckDB database file (or ``:memory:``)."""

    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = duckdb.connect(str(path))
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self.create_tables()

    # -- plumbing -------------------------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the shared database."""
        cursor: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._db.cursor()
            self._local.cursor = cursor
        return cursor

    def _fetch(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return self.connection.execute(sqltext.to_duckdb(sql), params or {}).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction at a time; rolled back on any error."""
        with self._write_lock:
            cursor = self.connection
            cursor.begin()
            try:
                yield cursor
            except BaseException:
                cursor.rollback()
                raise
            cursor.commit()

    def create_tables(self) -> None:
        with self._write_lock:
            for name in sqltext.ddl_names():
                self.connection.execute(sqltext.duckdb(name))

    def close(self) -> None:
        self._db.close()

    # -- writes ---------------------------------------------------------------

    def insert_new(self, table: Table, records: Sequence[Record]) -> InsertOutcome:
        """References are checked against the (small) dimension tables first; then the rows
        whose references hold go in through the primary-key index in one statement."""
        with self.transaction() as cursor:
            unknown = self._unknown_references(cursor, records)
            refused = frozenset().union(*unknown.values())
            candidates = [r for r in records if r.id not in refused]
            inserted: frozenset[int] = frozenset()
            if candidates:
                staging = "staged_batch"
                cursor.register(staging, to_arrow(table, candidates))
                try:
                    sql = sqltext.raw("duckdb/insert_staged_returning").format(
                        table=table.value, columns=q.columns(table), staging=staging
                    )
                    inserted = _ids(cursor.execute(sql).fetchall())
                finally:
                    cursor.unregister(staging)
            # ALREADY_EXISTS outranks UNKNOWN_REFERENCE (core/ingest.py), as on Redshift.
            existing_refused: frozenset[int] = frozenset()
            if refused:
                sql = sqltext.to_duckdb(q.select_by_ids(table, sorted(refused), only="id"))
                existing_refused = _ids(cursor.execute(sql).fetchall())
        existing = (frozenset(r.id for r in candidates) - inserted) | existing_refused
        return q.insert_outcome(
            records,
            existing,
            {q.REFERENCE_VERDICTS[column]: ids for column, ids in unknown.items()},
        )

    def _unknown_references(
        self, cursor: duckdb.DuckDBPyConnection, records: Sequence[Record]
    ) -> dict[str, frozenset[int]]:
        """Record ids per reference column whose target row does not exist."""
        employees = [r for r in records if isinstance(r, Employee)]
        unknown: dict[str, frozenset[int]] = {}
        for column, target in REFERENCES.items():
            wanted = {getattr(e, column) for e in employees} - {None}
            if not wanted:
                continue
            sql = sqltext.to_duckdb(q.select_by_ids(target, sorted(wanted), only="id"))
            found = _ids(cursor.execute(sql).fetchall())
            unknown[column] = frozenset(
                e.id for e in employees if getattr(e, column) in wanted - found
            )
        return unknown

    def replace(self, record: Record) -> bool:
        table = table_of(record)
        with self.transaction() as cursor:
            found = cursor.execute(
                sqltext.to_duckdb(q.select_by_ids(table, [record.id]))
            ).fetchall()
            if not found:
                return False
            cursor.execute(sqltext.to_duckdb(q.update_by_id(table)), q.record_params(record))
        return True

    def delete(self, table: Table, id: int) -> Deleted | StillReferenced | None:
        with self.transaction() as cursor:
            rows = cursor.execute(sqltext.to_duckdb(q.select_by_ids(table, [id]))).fetchall()
            if not rows:
                return None
            column = {Table.DEPARTMENTS: "department_id", Table.JOBS: "job_id"}.get(table)
            if column:
                count_sql = sqltext.duckdb("queries/count_references", column=column)
                (references,) = cursor.execute(count_sql, {"id": id}).fetchone() or (0,)
                if references:
                    return StillReferenced(int(references))
            cursor.execute(sqltext.duckdb("queries/delete_by_id", table=table.value), {"id": id})
        return Deleted(q.decode_record(table, rows[0]))

    # -- reads ----------------------------------------------------------------

    def get(self, table: Table, id: int) -> Record | None:
        return self.get_many(table, [id]).get(id)

    def get_many(self, table: Table, ids: Sequence[int]) -> dict[int, Record]:
        if not ids:
            return {}
        rows = self._fetch(q.select_by_ids(table, ids))
        return {int(row[0]): q.decode_record(table, row) for row in rows}

    def page(
        self, table: Table, after_id: int, limit: int, where: EmployeeQuery | None = None
    ) -> list[Record]:
        sql, params = q.select_page(table, after_id, limit, where)
        return [q.decode_record(table, row) for row in self._fetch(sql, params)]

    def count(self, table: Table) -> int:
        (count,) = self._fetch(sqltext.redshift("queries/count_rows", table=table.value))[0]
        return int(count)

    def hires_by_quarter(self, year: int) -> list[QuarterHires]:
        rows = self._fetch(sqltext.redshift("reports/hires_by_quarter"), q.year_bounds(year))
        return [q.decode_quarter_hires(row) for row in rows]

    def departments_above_mean(self, year: int) -> list[DepartmentHires]:
        rows = self._fetch(sqltext.redshift("reports/departments_above_mean"), q.year_bounds(year))
        return [q.decode_department_hires(row) for row in rows]


def to_arrow(table: Table, records: Sequence[Record]) -> pa.Table:
    """Records as an Arrow table with the warehouse's column names and types."""
    names = COLUMNS[table]
    data: dict[str, list[Any]] = {name: [] for name in names}
    for record in records:
        for name in names:
            data[name].append(getattr(record, name))
    if table is Table.HIRED_EMPLOYEES:
        data["datetime"] = [moment.replace(tzinfo=None) for moment in data["datetime"]]
    return pa.table({name: pa.array(data[name], type=_ARROW_TYPES[name]) for name in names})


def table_of(record: Record) -> Table:
    return q._table_of(record)


def _ids(rows: list[tuple[Any, ...]]) -> frozenset[int]:
    return frozenset(int(row[0]) for row in rows)


__all__ = ["DuckDBWarehouse", "Employee", "to_arrow"]
