"""Values into Redshift SQL: quoting, binding, chunking."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import duckdb
import pytest
import sqlglot

from resolvers.adapters.redshift_literals import (
    bind,
    literal,
    quote_string,
    values_statements,
)

HOSTILE = [
    "O'Brien",
    "'; DROP TABLE departments; --",
    "back\\slash",
    "trailing backslash \\",
    "\\'",
    "''",
    "$$dollar$$ quoted $tag$",
    "naïve café ✓ 日本語 🙂",
    "line one\nline two\r\n\ttab",
    ":name looks like a parameter",
    "%(name)s and ?",
    "-- not a comment /* nor this */",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_quoted_strings_read_back_as_the_same_text(text: str) -> None:
    # Read as Redshift reads it (backslash escapes included), evaluated by a real engine.
    sql = sqlglot.transpile(f"SELECT {quote_string(text)}", read="redshift", write="duckdb")[0]
    assert duckdb.connect().execute(sql).fetchall() == [(text,)]


def test_quoting_doubles_quotes_and_backslashes_like_redshifts_quote_literal() -> None:
    assert quote_string("a'b\\c") == "'a''b\\\\c'"


def test_nul_cannot_be_quoted() -> None:
    with pytest.raises(ValueError):
        quote_string("a\x00b")


def test_literals_of_each_type() -> None:
    moment = datetime(2021, 7, 27, 16, 2, 8, 500000, tzinfo=UTC)
    assert literal(None) == "NULL"
    assert literal(42) == "42"
    assert literal(True) == "TRUE"
    assert literal(Decimal("1.50")) == "1.50"
    assert literal(moment) == "'2021-07-27 16:02:08.500000'"
    with pytest.raises(ValueError):
        literal(float("nan"))


def test_bind_sends_values_as_parameters_and_writes_null_and_empty_into_the_sql() -> None:
    sql = "UPDATE t SET a = :a, b = :b, c = :c WHERE id = :id"
    text, parameters = bind(sql, {"a": "x'y", "b": None, "c": "", "id": 7, "unused": 1})
    assert parameters == [{"name": "a", "value": "x'y"}, {"name": "id", "value": "7"}]
    assert "b = NULL" in text
    assert "c = ''" in text
    assert ":a" in text
    assert ":id" in text


def test_bind_refuses_a_statement_with_a_parameter_it_has_no_value_for() -> None:
    with pytest.raises(KeyError):
        bind("SELECT 1 FROM t WHERE id = :id", {})


def test_values_are_split_under_the_byte_limit_and_keep_every_row_in_order() -> None:
    rows = [(i, "ü" * 250 + "'" * 5) for i in range(300)]
    statements = values_statements("INSERT INTO s (id, name) VALUES", rows, max_bytes=20_000)
    assert len(statements) > 1
    assert all(len(s.encode()) <= 20_000 for s in statements)
    con = duckdb.connect()
    con.execute("CREATE TABLE s (id BIGINT, name VARCHAR)")
    for statement in statements:
        con.execute(sqlglot.transpile(statement, read="redshift", write="duckdb")[0])
    assert con.execute("SELECT id, name FROM s ORDER BY rowid").fetchall() == rows
