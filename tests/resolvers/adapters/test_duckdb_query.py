"""Warehouse.query on DuckDB: read-only even when handed a write, JSON-ready values, a deadline."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.errors import ValidationError
from resolvers.core.tables import Department, Employee, Table


@pytest.fixture
def duck(tmp_path: Path) -> DuckDBWarehouse:
    warehouse = DuckDBWarehouse(tmp_path / "w.duckdb", query_timeout_seconds=1.0)
    warehouse.insert_new(Table.DEPARTMENTS, [Department(1, "Sales")])
    moment = datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)
    warehouse.insert_new(Table.HIRED_EMPLOYEES, [Employee(1, "Ana", moment, 1, None)])
    return warehouse


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM departments",
        "INSERT INTO departments VALUES (2, 'x')",
        "CREATE TABLE x AS SELECT 1",
        "COPY departments TO 'hrgraph-stolen.csv'",
        "SELECT 1; DELETE FROM departments",
    ],
)
def test_a_write_that_got_past_the_guard_still_cannot_write(
    duck: DuckDBWarehouse, sql: str
) -> None:
    with pytest.raises(ValidationError):
        duck.query(sql)
    assert duck.count(Table.DEPARTMENTS) == 1
    assert not Path("hrgraph-stolen.csv").exists()


def test_values_come_back_json_ready(duck: DuckDBWarehouse) -> None:
    rows = duck.query(
        "SELECT e.name, e.datetime, AVG(CAST(e.id AS DECIMAL(10, 2))) AS mean, e.job_id "
        "FROM hired_employees AS e GROUP BY 1, 2, 4"
    )
    assert rows.columns == ["name", "datetime", "mean", "job_id"]
    assert rows.rows == [["Ana", "2021-03-04T05:06:07Z", 1.0, None]]


def test_parameters_bind_by_name(duck: DuckDBWarehouse) -> None:
    rows = duck.query("SELECT id FROM departments WHERE department = :name", {"name": "Sales"})
    assert rows.rows == [[1]]


def test_a_runaway_query_is_interrupted_at_the_deadline(duck: DuckDBWarehouse) -> None:
    endless = (
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"
    )
    with pytest.raises(ValidationError, match="within 1 seconds"):
        duck.query(endless)
    assert duck.query("SELECT COUNT(*) AS n FROM departments").rows == [[1]]


def test_a_callers_time_left_shortens_the_deadline_but_never_lengthens_it(
    duck: DuckDBWarehouse,
) -> None:
    endless = (
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"
    )
    with pytest.raises(ValidationError, match=r"within 0\.2 seconds"):
        duck.query(endless, timeout_seconds=0.2)
    with pytest.raises(ValidationError, match="within 1 seconds"):
        duck.query(endless, timeout_seconds=30)
