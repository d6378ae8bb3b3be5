"""What the SQL warehouses (DuckDB, Redshift) share: statements from sql/ and row decoding.

Statements come out in the Redshift dialect with :named parameters; an adapter
runs them as they are (Redshift) or transpiled (DuckDB).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import sqlglot
from sqlglot import exp

from resolvers.adapters import sqltext
from resolvers.core.ports import DepartmentHires, EmployeeQuery, InsertOutcome, QuarterHires
from resolvers.core.tables import (
    COLUMNS,
    REFERENCES,
    Department,
    Employee,
    Job,
    Record,
    Table,
    table_of,
)

Params = dict[str, Any]


def columns(table: Table) -> str:
    return ", ".join(COLUMNS[table])


def select_by_ids(table: Table, ids: Sequence[int]) -> str:
    """{ids} are integers formatted here (int() refuses anything else), never user text."""
    id_list = ", ".join(str(int(i)) for i in ids)
    return sqltext.redshift(
        "queries/select_by_ids", table=table.value, columns=columns(table), ids=id_list
    )


def select_page(
    table: Table, after_id: int, limit: int, where: EmployeeQuery | None
) -> tuple[str, Params]:
    base = sqltext.redshift(
        "queries/select_page", table=table.value, columns=columns(table), limit=str(int(limit))
    )
    return _filtered(base, {"after": after_id}, table, where)


def count_rows(table: Table, where: EmployeeQuery | None) -> tuple[str, Params]:
    """``SELECT COUNT(*)`` of a table, with the same employee filters as ``select_page``."""
    base = sqltext.redshift("queries/count_rows", table=table.value)
    return _filtered(base, {}, table, where)


def _filtered(
    base: str, params: Params, table: Table, where: EmployeeQuery | None
) -> tuple[str, Params]:
    """``base`` with the employee filter's conditions added as data, values bound."""
    if where is None or table is not Table.HIRED_EMPLOYEES:
        return base, params
    query = sqlglot.parse_one(base, read="redshift")
    assert isinstance(query, exp.Select)
    conditions = {
        "department_id": ("department_id = :department_id", where.department_id),
        "job_id": ("job_id = :job_id", where.job_id),
        "hired_from": ("datetime >= CAST(:hired_from AS TIMESTAMP)", _naive(where.hired_from)),
        "hired_to": ("datetime < CAST(:hired_to AS TIMESTAMP)", _naive(where.hired_to)),
        "needle": ("STRPOS(LOWER(name), LOWER(:needle)) > 0", where.name_contains),
    }
    for name, (condition, value) in conditions.items():
        if value is not None:
            query = query.where(condition, dialect="redshift")
            params[name] = value
    return sqltext.render_redshift(query), params


def year_bounds(year: int) -> Params:
    return {"year_start": datetime(year, 1, 1), "year_end": datetime(year + 1, 1, 1)}


def update_by_id(table: Table) -> str:
    assignments = ", ".join(f"{c} = :{c}" for c in COLUMNS[table] if c != "id")
    return sqltext.redshift("queries/update_by_id", table=table.value, assignments=assignments)


def insert_staged_new(table: Table, staging: str) -> str:
    checks = ""
    if table is Table.HIRED_EMPLOYEES:
        checks = "\n".join(
            sqltext.redshift("queries/staged_reference_exists", column=column, target=target.value)
            for column, target in REFERENCES.items()
        )
    return sqltext.redshift(
        "queries/insert_staged_new",
        table=table.value,
        columns=columns(table),
        staging=staging,
        reference_checks=checks,
    )


LOCK_ORDER = (Table.HIRED_EMPLOYEES, Table.DEPARTMENTS, Table.JOBS)
"""The one order every Redshift writer LOCKs tables in: the order the reports name them.

Writers in one order never wait on each other in a cycle. A report takes its
read locks table by table as it names them (hired_employees, then departments,
then jobs); a writer that locked departments first and then waited for
hired_employees, behind a report that holds hired_employees and waits for
departments, would deadlock with it (seen on the PostgreSQL-backed fake).
"""


def lock_statement(*tables: Table) -> str:
    """``LOCK`` on ``tables`` in LOCK_ORDER (Redshift's LOCK is always ACCESS EXCLUSIVE)."""
    return sqltext.redshift(
        "queries/lock", tables=", ".join(t.value for t in LOCK_ORDER if t in tables)
    )


REFERENCE_VERDICTS = {"department_id": "unknown_department", "job_id": "unknown_job"}
"""Employee reference column -> the InsertOutcome field for ids whose reference is unknown."""


def insert_outcome(
    records: Sequence[Record], existing: frozenset[int], unknown: dict[str, frozenset[int]]
) -> InsertOutcome:
    """The verdicts of an anti-join insert, from the sets its transaction selected.

    ``unknown`` maps REFERENCE_VERDICTS values to ids; an existing id is only ALREADY_EXISTS.
    """
    rejected = existing.union(*unknown.values())
    return InsertOutcome(
        inserted=frozenset(r.id for r in records) - rejected,
        already_exists=existing,
        unknown_department=unknown.get("unknown_department", frozenset()) - existing,
        unknown_job=unknown.get("unknown_job", frozenset()) - existing,
    )


def record_values(record: Record) -> tuple[Any, ...]:
    """The record's column values in table order (timestamps naive UTC)."""
    params = record_params(record)
    return tuple(params[column] for column in COLUMNS[table_of(record)])


def record_params(record: Record) -> Params:
    values = {column: getattr(record, column) for column in COLUMNS[table_of(record)]}
    if isinstance(record, Employee):
        values["datetime"] = _naive(record.datetime)
    return values


def decode_record(table: Table, row: Sequence[Any]) -> Record:
    if table is Table.DEPARTMENTS:
        return Department(int(row[0]), str(row[1]))
    if table is Table.JOBS:
        return Job(int(row[0]), str(row[1]))
    moment = row[2]
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return Employee(
        id=int(row[0]),
        name=str(row[1]),
        datetime=as_utc(moment),
        department_id=None if row[3] is None else int(row[3]),
        job_id=None if row[4] is None else int(row[4]),
    )


def decode_quarter_hires(row: Sequence[Any]) -> QuarterHires:
    return QuarterHires(str(row[0]), str(row[1]), *(int(v) for v in row[2:6]))


def decode_department_hires(row: Sequence[Any]) -> DepartmentHires:
    return DepartmentHires(int(row[0]), str(row[1]), int(row[2]), float(row[3]))


def as_utc(moment: datetime) -> datetime:
    """Warehouse timestamps are naive UTC; the core speaks aware UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _naive(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC).replace(tzinfo=None)


def json_value(value: Any) -> Any:
    """One cell of a read-only query as JSON-ready data, alike from every warehouse.

    Timestamps are naive UTC in the warehouse and leave as ISO-8601 with a Z;
    DECIMAL and NUMERIC become floats (counts and shares, never money here);
    anything else without a JSON form becomes its text.
    """
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return json_value(float(value))
    if isinstance(value, datetime):
        return as_utc(value).isoformat().replace("+00:00", "Z")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
