"""Reading the tables: one record by id, or pages in id order with opaque tokens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from resolvers.core import cursor
from resolvers.core.errors import ValidationError
from resolvers.core.ports import EmployeeQuery, Warehouse
from resolvers.core.tables import Record, Table


@dataclass(frozen=True, slots=True)
class Page:
    items: list[Record]
    next_token: str | None


def get(warehouse: Warehouse, table: Table, id: int) -> Record | None:
    return warehouse.get(table, id)


def get_many(warehouse: Warehouse, table: Table, ids: Sequence[int]) -> dict[int, Record]:
    """Look up many ids at once (batched field resolvers, e.g. Employee.department)."""
    wanted = sorted({i for i in ids if i is not None})
    return warehouse.get_many(table, wanted) if wanted else {}


def page(
    warehouse: Warehouse,
    tokens: cursor.PageTokens,
    table: Table,
    limit: int | None,
    next_token: str | None,
    where: EmployeeQuery | None = None,
) -> Page:
    size = cursor.page_limit(limit)
    query = where.fingerprint() if where else ""
    after = tokens.decode_id(next_token, table.value, query)
    # One extra row tells whether another page exists without a COUNT.
    records = warehouse.page(table, after, size + 1, where)
    if len(records) <= size:
        return Page(records, None)
    items = records[:size]
    return Page(items, tokens.encode(table.value, items[-1].id, query))


def row_count(warehouse: Warehouse, table: Table, where: EmployeeQuery | None = None) -> int:
    """Rows of a table; ``where`` (employees only) counts those a filtered page walks through."""
    if where is not None and table is not Table.HIRED_EMPLOYEES:
        raise ValidationError("filter", f"filters employees only, not {table.value}")
    return warehouse.count(table, where)


def employee_query(
    department_id: int | None = None,
    job_id: int | None = None,
    hired_from: datetime | None = None,
    hired_to: datetime | None = None,
    name_contains: str | None = None,
) -> EmployeeQuery:
    if hired_from and hired_to and hired_from >= hired_to:
        raise ValidationError("filter.hiredTo", "must be later than filter.hiredFrom")
    if name_contains is not None and len(name_contains) > 255:
        raise ValidationError("filter.nameContains", "must be at most 255 characters")
    return EmployeeQuery(department_id, job_id, hired_from, hired_to, name_contains or None)
