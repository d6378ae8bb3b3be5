"""Values into Redshift SQL: Data API parameters where it takes them, quoted literals where not.

The Data API binds ``:name`` parameters, but only as non-empty strings: NULL
(and the empty string) must go into the SQL text, and so must the rows of a
multi-row VALUES list (a statement has no parameter arrays). Every value that
becomes SQL text passes through :func:`literal`, and every string through the
one quoting function, :func:`quote_string`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlglot
from sqlglot import exp

from resolvers.adapters import sqltext

MAX_STATEMENT_BYTES = 100_000
"""A Data API statement is at most 100 KB; we stay under the stricter reading (10^5 bytes)."""


def quote_string(text: str) -> str:
    """``text`` as a Redshift string literal.

    Redshift reads a backslash in a literal as an escape (as its QUOTE_LITERAL
    function documents), so backslashes are doubled as well as single quotes.
    Dollar signs, newlines and any Unicode need nothing; NUL cannot be stored.
    """
    if "\x00" in text:
        raise ValueError("Redshift strings cannot hold the NUL character")
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def literal(value: Any) -> str:
    """A Python value as Redshift SQL text (ints and floats bare, the rest quoted)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"no SQL literal for {value!r}")
        return repr(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"no SQL literal for {value!r}")
        return str(value)
    return quote_string(parameter_text(value))


def parameter_text(value: Any) -> str:
    """The string the Data API carries for a value; Redshift casts it where it is used.

    Timestamps are naive UTC (the warehouse's TIMESTAMP has no zone).
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return str(value.isoformat(sep=" "))
    if isinstance(value, date):
        return str(value.isoformat())
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def bind(sql: str, params: Mapping[str, Any] | None) -> tuple[str, list[dict[str, str]]]:
    """SQL and the Data API ``Parameters`` for it.

    Only parameters the statement names are sent. Values the Data API cannot
    carry (None, the empty string) are written into the SQL as literals.
    """
    params = params or {}
    names = placeholders(sql)
    missing = names - params.keys()
    if missing:
        raise KeyError(f"no value for parameter(s) {sorted(missing)}")
    inline = {n for n in names if params[n] is None or parameter_text(params[n]) == ""}
    if inline:
        sql = inline_values(sql, {n: params[n] for n in inline})
    return sql, [
        {"name": name, "value": parameter_text(params[name])} for name in sorted(names - inline)
    ]


def placeholders(sql: str) -> set[str]:
    if ":" not in sql:
        return set()
    return {str(p.this) for p in _parse(sql).find_all(exp.Placeholder) if p.this}


def inline_values(sql: str, values: Mapping[str, Any]) -> str:
    """``:name`` placeholders replaced by literals (for batches, whose statements take none)."""
    if not values:
        return sql

    def replace(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Placeholder) and node.this in values:
            return sqlglot.parse_one(literal(values[str(node.this)]), read="redshift")
        return node

    return sqltext.render_redshift(_parse(sql).transform(replace))


def _parse(sql: str) -> exp.Expr:
    return sqlglot.parse_one(sql, read="redshift")


def values_statements(
    head: str, rows: Iterable[Sequence[Any]], max_bytes: int = MAX_STATEMENT_BYTES
) -> list[str]:
    """``head`` + multi-row VALUES, split so that no statement exceeds ``max_bytes`` (UTF-8)."""
    statements: list[str] = []
    tuples: list[str] = []
    size = len(head.encode()) + 1
    for row in rows:
        text = "(" + ", ".join(literal(v) for v in row) + ")"
        cost = len(text.encode()) + 2
        if len(head.encode()) + 1 + cost > max_bytes:
            raise ValueError("one row alone exceeds the statement size limit")
        if tuples and size + cost > max_bytes:
            statements.append(f"{head} {', '.join(tuples)}")
            tuples, size = [], len(head.encode()) + 1
        tuples.append(text)
        size += cost
    if tuples:
        statements.append(f"{head} {', '.join(tuples)}")
    return statements
