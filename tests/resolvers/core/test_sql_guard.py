"""The SQL guard: what it lets through is re-rendered and capped; what it refuses names the rule."""

from __future__ import annotations

import pytest

from resolvers.core.errors import ValidationError
from resolvers.core.sql_guard import MAX_SQL_CHARS, guard


def refusal(sql: str) -> str:
    with pytest.raises(ValidationError) as caught:
        guard(sql, 1000)
    assert caught.value.field == "sql"
    return caught.value.rule


MALICIOUS: list[tuple[str, str]] = [
        ("SELECT LENGTH(LPAD('a', 2147483647, 'x'))", "LPAD's length"),
        ("SELECT RPAD(name, id * 100000) FROM hired_employees", "RPAD's length"),
        ("SELECT LPAD('a', -1)", "LPAD's length"),
        ("SELECT REPLACE(job, 'a', job) FROM jobs", "REPLACE's replacement"),
        ("SELECT REPLACE(REPLACE(job, 'a', 'aaaa'), 'a', 'aaaa') FROM jobs", "nested"),
        ("SELECT REPEAT('a', 2147483647)", "REPEAT"),
        ("SELECT * FROM range(1000000000)", "table functions"),
        ("SELECT generate_series(1, 1000000000)", "GENERATE_SERIES"),
        ("SELECT 1; SELECT 2", "exactly one statement"),
        ("SELECT * FROM jobs; DROP TABLE jobs", "exactly one statement"),
        ("SELECT 1 -- comment\n; DELETE FROM jobs", "exactly one statement"),
        ("DROP TABLE jobs", "must be a query"),
        ("DELETE FROM hired_employees", "must be a query"),
        ("UNLOAD ('SELECT 1') TO 's3://bucket/x'", "must be a query"),
        ("CALL wipe()", "must be a query"),
        ("GRANT SELECT ON jobs TO PUBLIC", "must be a query"),
        ("COPY jobs FROM 's3://bucket/x'", "must be a query"),
        ("WITH x AS (DELETE FROM jobs RETURNING *) SELECT * FROM x", "must only read"),
        ("SELECT * INTO stolen FROM hired_employees", "SELECT ... INTO"),
        ("SELECT * FROM jobs FOR UPDATE", "FOR UPDATE"),
        ("SELECT pg_sleep(10)", "PG_SLEEP"),
        ("SELECT PG_SLEEP(10)", "PG_SLEEP"),
        ('SELECT "pg_sleep"(10)', "PG_SLEEP"),
        ("SELECT pg_catalog.pg_sleep(10)", "allowlisted functions"),
        ("SELECT * FROM jobs WHERE id = (SELECT 1 FROM (SELECT pg_sleep(5)) s)", "PG_SLEEP"),
        ("SELECT current_user", "CURRENT_USER"),
        ("SELECT version()", "VERSION"),
        ("SELECT * FROM pg_user", "not pg_user"),
        ("SELECT * FROM pg_catalog.pg_user", "unqualified"),
        ("SELECT * FROM information_schema.tables", "unqualified"),
        ("SELECT * FROM stl_query", "not stl_query"),
        ("SELECT * FROM svv_table_info", "not svv_table_info"),
        ('SELECT * FROM "PG_SHADOW"', "not PG_SHADOW"),
        ("SELECT * FROM public.jobs", "unqualified"),
        ("SELECT (SELECT COUNT(*) FROM pg_user)", "not pg_user"),
        ("SELECT * FROM (WITH pg_user AS (SELECT 1 AS a) SELECT * FROM pg_user) x, pg_user",
         "not pg_user"),
        ("SELECT * FROM generate_series(1, 10)", "table functions"),
        ("SELECT * FROM read_csv('/etc/passwd')", "table functions"),
        ("SEL\u200bECT * FROM jobs", "invisible"),
        ("SELECT * FROM jobs \u202e", "invisible"),
        ("SELECT * FROM jobs\x00; DROP TABLE jobs", "invisible"),
        ("SELECT * FROM \uff4a\uff4f\uff42\uff53", "not \uff4a\uff4f\uff42\uff53"),
        ("SELECT * FROM jobs WHERE id = :id", "no value"),
        ("SELECT * FROM jobs WHERE id = $1", "no value"),
        ("SET statement_timeout TO 0", "must be a query"),
        ("BEGIN", "must be a query"),
        ("VACUUM jobs", "must be a query"),
        ("EXPLAIN SELECT 1", "must be a query"),
        ("SELECT * FROM", "valid Redshift SQL"),
        ("", "empty"),
        ("SELECT " + "(" * 5000 + "1" + ")" * 5000, "valid Redshift SQL"),
        ("SELECT 1 " + " " * MAX_SQL_CHARS, "at most"),
]  # fmt: skip
"""Unsafe statements and the rule each must be refused by (tests/resolvers/core/test_readonly_sql.py
runs them against a loaded warehouse too)."""


@pytest.mark.parametrize(("sql", "rule"), MALICIOUS)
def test_unsafe_sql_is_refused_naming_the_rule(sql: str, rule: str) -> None:
    assert rule in refusal(sql)


def test_the_statement_that_runs_is_the_re_rendering_without_comments() -> None:
    safe = guard("select /* hello */ id -- trailing\n from jobs", 1000)
    assert safe.sql == "SELECT id FROM jobs LIMIT 1001"
    assert "hello" not in safe.sql


def test_quotes_inside_strings_stay_inside_strings() -> None:
    safe = guard("SELECT * FROM jobs WHERE job = 'x'';DROP TABLE jobs;--'", 1000)
    assert safe.sql == "SELECT * FROM jobs WHERE job = 'x'';DROP TABLE jobs;--' LIMIT 1001"


@pytest.mark.parametrize(
    ("sql", "limit", "row_limit"),
    [
        ("SELECT * FROM jobs", "LIMIT 1001", 1000),
        ("SELECT * FROM jobs LIMIT 5000", "LIMIT 1001", 1000),
        ("SELECT * FROM jobs LIMIT ALL", "LIMIT 1001", 1000),
        ("SELECT * FROM jobs LIMIT 10", "LIMIT 10", 10),
        ("SELECT TOP 7 * FROM jobs", "LIMIT 7", 7),
        ("SELECT * FROM jobs FETCH FIRST 3 ROWS ONLY", "LIMIT 3", 3),
        ("SELECT id FROM jobs UNION SELECT id FROM departments", "LIMIT 1001", 1000),
    ],
)
def test_a_limit_is_added_or_clamped(sql: str, limit: str, row_limit: int) -> None:
    safe = guard(sql, 1000)
    assert safe.sql.endswith(limit)
    assert safe.row_limit == row_limit


def test_reads_of_the_three_tables_with_ctes_windows_and_parameters_pass() -> None:
    sql = (
        "WITH hires AS (SELECT d.department, COUNT(*) AS n FROM hired_employees e "
        "JOIN departments d ON d.id = e.department_id "
        "WHERE e.datetime >= CAST(:start AS TIMESTAMP) GROUP BY 1) "
        "SELECT department, n, ROUND(100.0 * n / SUM(n) OVER (), 1) AS share, "
        "EXTRACT(YEAR FROM CURRENT_DATE) FROM hires ORDER BY n DESC"
    )
    safe = guard(sql, 50, {"start"})
    assert ":start" in safe.sql
    assert safe.sql.endswith("LIMIT 51")


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("x AS y", "not a bare expression"),
        ("1 = 1", "not a bare expression"),
        ("(SELECT 1)", "not a query in parentheses"),
        ("INSERT INTO jobs VALUES (1, 'a')", "not INSERT"),
        ("SELECT 2 * FROM jobs", "an incomplete multiplication (*) at line 1, column 15"),
        ("SELECT * FROM jobs WHERE id = ", "an incomplete comparison (=) at line 1, column 29"),
        ("SELECT * FROM jobs ORDER BY", "an incomplete ORDER BY at line 1, column 27"),
        ("SELECT 1 +* 2", "an unexpected word or symbol at line 1, column 13"),
    ],
)
def test_refusals_speak_sql_not_the_parser_s_internals(sql: str, words: str) -> None:
    rule = refusal(sql)
    assert words in rule
    assert "class" not in rule and "sqlglot" not in rule and "ALIAS" not in rule
