"""The SQL text in sql/, loaded by name (the one source of SQL text, for core and adapters).

Comments are dropped on load: they are for readers of sql/, and a Data API
statement is at most 100 KB.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import sqlglot
from sqlglot import exp

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


@cache
def raw(name: str) -> str:
    """The statement in sql/<name>.sql without its full-line comments."""
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("--")]
    return "\n".join(lines).strip()


@cache
def _parsed(name: str) -> exp.Expr:
    return sqlglot.parse_one(raw(name), read="redshift")


def with_literals(name: str, values: Mapping[str, str | int]) -> exp.Expr:
    """sql/<name>.sql as a tree, each ``:name`` parameter replaced by its value as a literal.

    For SQL shown to a person, who must be able to run it as it stands.
    """

    def inline(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Placeholder) and node.name in values:
            value = values[node.name]
            return (
                exp.Literal.string(value) if isinstance(value, str) else exp.Literal.number(value)
            )
        return node

    return _parsed(name).copy().transform(inline)
