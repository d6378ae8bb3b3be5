"""Read-only SQL: guard a statement, run it on the warehouse, cut it at the row cap.

``runSql`` calls this with the caller's text; both question engines call it
with the SQL they made. Either way the same guard judges the statement and
what runs is its re-rendering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from resolvers.core.ports import QueryParams, Warehouse
from resolvers.core.sql_guard import SafeQuery, guard


@dataclass(frozen=True, slots=True)
class QueryResult:
    sql: str
    """The statement that ran, as the guard re-rendered it."""
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False
    """True when the row cap cut the result."""


def run_sql(
    warehouse: Warehouse, sql: str, row_cap: int, params: QueryParams | None = None
) -> QueryResult:
    """Guard ``sql``, run it read-only, and hand back at most the cap's rows."""
    return run_guarded(warehouse, guard(sql, row_cap, frozenset(params or {})), params)


def run_guarded(
    warehouse: Warehouse,
    safe: SafeQuery,
    params: QueryParams | None = None,
    timeout_seconds: float | None = None,
) -> QueryResult:
    """Run a statement the guard has passed, and cut it at its row limit."""
    result = warehouse.query(safe.sql, params, timeout_seconds=timeout_seconds)
    rows = result.rows[: safe.row_limit]
    return QueryResult(
        sql=safe.sql,
        columns=result.columns,
        rows=rows,
        truncated=len(result.rows) > safe.row_limit,
    )
