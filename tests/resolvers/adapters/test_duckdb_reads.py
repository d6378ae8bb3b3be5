"""Reads by id on the DuckDB adapter: right rows, and no state kept per distinct read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from resolvers.adapters import sqltext
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core import ingest
from resolvers.core.ports import Deleted
from resolvers.core.tables import Department, Employee, Table


@pytest.fixture
def warehouse(tmp_path: Path) -> DuckDBWarehouse:
    warehouse = DuckDBWarehouse(tmp_path / "reads.duckdb")
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "Staff"}])
    rows = [
        {"id": i, "name": f"Person {i}", "datetime": "2021-03-04T05:06:07Z", "departmentId": 1}
        for i in range(1, 301)
    ]
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, rows)
    return warehouse


def test_reads_by_id_find_present_rows_and_skip_absent_ones(warehouse: DuckDBWarehouse) -> None:
    found = warehouse.get_many(Table.HIRED_EMPLOYEES, [300, 7, 999, 7])

    assert sorted(found) == [7, 300]
    assert found[7] == Employee(7, "Person 7", datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC), 1, None)
    assert warehouse.get_many(Table.DEPARTMENTS, [1, 2]) == {1: Department(1, "Staff")}


def test_reading_many_different_ids_keeps_no_statement_per_read(
    warehouse: DuckDBWarehouse,
) -> None:
    """A server that reads employees one by one for days must not grow with each id:
    the ids are a parameter, not text to transpile and remember."""
    warehouse.get(Table.HIRED_EMPLOYEES, 1)
    remembered = sqltext.to_duckdb.cache_info().currsize

    found = [warehouse.get(Table.HIRED_EMPLOYEES, id) for id in range(2, 202)]

    assert all(record is not None for record in found)
    assert sqltext.to_duckdb.cache_info().currsize == remembered


def test_a_correction_and_a_delete_find_their_row_by_id(warehouse: DuckDBWarehouse) -> None:
    moved = Employee(5, "Renamed", datetime(2022, 1, 1, tzinfo=UTC), 1, None)

    assert warehouse.replace(moved)
    assert not warehouse.replace(Employee(999, "Nobody", moved.datetime, None, None))
    assert warehouse.get(Table.HIRED_EMPLOYEES, 5) == moved
    assert warehouse.delete(Table.HIRED_EMPLOYEES, 5) == Deleted(moved)
    assert warehouse.get(Table.HIRED_EMPLOYEES, 5) is None
