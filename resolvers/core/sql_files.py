"""The SQL text in resolvers/sql/, loaded by name: the one source of SQL text, for all.

The files are package data of ``resolvers``, read with importlib.resources, so the
Lambda zip and an installed wheel find them where the source tree does.

Comments are dropped on load: they are for readers of sql/, and a Data API
statement is at most 100 KB.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources

import sqlglot
from sqlglot import exp

SQL_DIR = resources.files("resolvers") / "sql"


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
