"""The SQL in resolvers/sql/, loaded by name: Redshift dialect as written, DuckDB by transpiling.

resolvers/sql/ is the one source of SQL text (sql/duckdb/ holds the statements
that are DuckDB-only on purpose; each file says why). Identifiers in
braces ({table}, {columns}) are filled from closed sets the code owns (table and
column names), never from user input; values travel as :named parameters.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import sqlglot
from sqlglot import exp

from resolvers.core.sql_files import raw as raw

# sqlglot warns about Redshift-only table properties (DISTSTYLE, SORTKEY) it drops for DuckDB.
logging.getLogger("sqlglot").setLevel(logging.ERROR)


def redshift(name: str, **identifiers: str) -> str:
    return raw(name).format(**identifiers) if identifiers else raw(name)


def duckdb(name: str, **identifiers: str) -> str:
    return to_duckdb(redshift(name, **identifiers))


@lru_cache(maxsize=1024)
def to_duckdb(sql: str) -> str:
    """Transpile one Redshift statement; :name parameters become DuckDB's $name.

    Bounded: the project's statements are a few dozen texts, but a page's
    ``LIMIT`` is written into its text, so each page size a client asks for is one more.
    """
    return sqlglot.transpile(sql, read="redshift", write="duckdb")[0]


def render_redshift(expression: exp.Expr) -> str:
    """An edited statement back as Redshift text, keeping ``:name`` parameters.

    sqlglot's Redshift generator writes placeholders as ``%(name)s`` (psycopg's
    style), which the Data API does not bind.
    """

    def keep_colon(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Placeholder) and node.this:
            return exp.var(f":{node.name}")
        return node

    return expression.transform(keep_colon).sql(dialect="redshift")


def ddl_names() -> list[str]:
    """Table DDL in dependency order (employees reference departments and jobs)."""
    return ["ddl/departments", "ddl/jobs", "ddl/hired_employees"]
