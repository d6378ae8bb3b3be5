"""Engines for the question tests: on the development set's generated data (the tests of
its words), and on a small warehouse (the tests of issue 20's kinds, compiler and words alike);
and the gold dataset the question sets are checked against."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.tables import Department, Employee, Job, Table
from tests.resolvers.core.questions import gold
from tests.resolvers.core.questions.question_set import generate

ADMINS = ("Database Administrator I", "Database Administrator II", "Database Administrator III")


@pytest.fixture(scope="module")
def words_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBWarehouse]:
    warehouse = DuckDBWarehouse(Path(tmp_path_factory.mktemp("words")) / "w.duckdb")
    generate(warehouse)
    yield warehouse
    warehouse.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBWarehouse]:
    """The gold dataset the held-out, trap and analyst sets are asked of, once per module."""
    loaded = DuckDBWarehouse(Path(tmp_path_factory.mktemp("sets")) / "sets.duckdb")
    gold.load(loaded)
    yield loaded
    loaded.close()


@pytest.fixture(scope="module")
def words_engine(words_warehouse: DuckDBWarehouse) -> OfflineEngine:
    return OfflineEngine(words_warehouse, 1000, clock=lambda: gold.TODAY)


@pytest.fixture(scope="module")
def small_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OfflineEngine]:
    """Sales (1), Legal (2), Ops (3, hired nobody); three levels of one title and a Recruiter."""
    warehouse = DuckDBWarehouse(Path(tmp_path_factory.mktemp("kinds")) / "k.duckdb")
    warehouse.insert_new(
        Table.DEPARTMENTS, [Department(1, "Sales"), Department(2, "Legal"), Department(3, "Ops")]
    )
    jobs = [Job(i + 1, title) for i, title in enumerate((*ADMINS, "Recruiter"))]
    warehouse.insert_new(Table.JOBS, jobs)
    plan = [  # (name, month of 2021, department, job)
        ("John Smith", 1, 1, 1), ("Johnny Cash", 2, 1, 1), ("john doe", 3, 1, 2),
        ("Ana Lima", 4, 1, 4), ("Bea Ruiz", 5, 2, 3), ("Cy Tan", 6, 2, 4),
    ]  # fmt: skip
    hires = [
        Employee(i + 1, name, datetime(2021, month, 10, tzinfo=UTC), department, job)
        for i, (name, month, department, job) in enumerate(plan)
    ]
    hires.append(Employee(7, "Di Late", datetime(2022, 2, 1, tzinfo=UTC), 2, 4))
    warehouse.insert_new(Table.HIRED_EMPLOYEES, hires)
    yield OfflineEngine(warehouse, 1000)
    warehouse.close()
