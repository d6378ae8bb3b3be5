"""Departments and jobs read by id come from memory until a write ends, and never stale."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.reference_cache import ReferenceCache
from resolvers.core import ingest
from resolvers.core.tables import Department, Job, Record, Table


class CountingStore:
    """A table in a dict, counting the reads that reach it."""

    def __init__(self) -> None:
        self.rows: dict[int, Record] = {1: Department(1, "Staff")}
        self.reads: list[list[int]] = []
        self.during_read: list[Callable[[], None]] = []

    def fetch(self, table: Table, ids: Sequence[int]) -> dict[int, Record]:
        self.reads.append(list(ids))
        found = {id: self.rows[id] for id in ids if id in self.rows}
        for happen in self.during_read:
            happen()
        return found


@pytest.fixture
def store() -> CountingStore:
    return CountingStore()


@pytest.fixture
def cache(store: CountingStore) -> ReferenceCache:
    return ReferenceCache(frozenset({Table.DEPARTMENTS, Table.JOBS}), store.fetch)


def test_a_second_read_of_the_same_ids_asks_no_one(
    cache: ReferenceCache, store: CountingStore
) -> None:
    assert cache.get_many(Table.DEPARTMENTS, [1, 2]) == {1: Department(1, "Staff")}
    assert cache.get_many(Table.DEPARTMENTS, [2, 1]) == {1: Department(1, "Staff")}
    assert store.reads == [[1, 2]]  # the absent 2 is remembered as absent too


def test_after_a_write_the_next_read_asks_again(
    cache: ReferenceCache, store: CountingStore
) -> None:
    cache.get_many(Table.DEPARTMENTS, [1])
    store.rows[1] = Department(1, "Supply")
    cache.written()

    assert cache.get_many(Table.DEPARTMENTS, [1]) == {1: Department(1, "Supply")}


def test_a_read_that_raced_a_write_does_not_leave_the_old_row_behind(
    cache: ReferenceCache, store: CountingStore
) -> None:
    # The write commits while the read is under way: the read's rows may be the old ones.
    store.during_read.append(cache.written)
    assert cache.get_many(Table.DEPARTMENTS, [1]) == {1: Department(1, "Staff")}
    store.during_read.clear()
    store.rows[1] = Department(1, "Supply")

    assert cache.get_many(Table.DEPARTMENTS, [1]) == {1: Department(1, "Supply")}


def test_other_tables_are_read_straight_through(
    cache: ReferenceCache, store: CountingStore
) -> None:
    cache.get_many(Table.HIRED_EMPLOYEES, [1])
    cache.get_many(Table.HIRED_EMPLOYEES, [1])
    assert store.reads == [[1], [1]]


def test_every_write_the_duckdb_warehouse_makes_is_seen_by_its_next_read(
    tmp_path: Path,
) -> None:
    warehouse = DuckDBWarehouse(tmp_path / "hr.duckdb")
    assert warehouse.get(Table.JOBS, 7) is None  # remembered as absent

    warehouse.insert_new(Table.JOBS, [Job(7, "Engineer")])
    assert warehouse.get(Table.JOBS, 7) == Job(7, "Engineer")

    warehouse.replace(Job(7, "Architect"))
    assert warehouse.get(Table.JOBS, 7) == Job(7, "Architect")

    warehouse.delete(Table.JOBS, 7)
    assert warehouse.get(Table.JOBS, 7) is None
    warehouse.close()


def test_an_insert_checks_its_references_against_every_earlier_write(tmp_path: Path) -> None:
    warehouse = DuckDBWarehouse(tmp_path / "hr.duckdb")

    def hire(id: int) -> str:
        row = {"id": id, "name": f"P{id}", "datetime": "2021-01-01T00:00:00Z", "departmentId": 9}
        report = ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [row])
        return "INSERTED" if report.inserted else report.rejected[0].reason.value

    assert hire(1) == "UNKNOWN_REFERENCE"  # department 9 remembered as absent
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 9, "department": "Staff"}])
    assert hire(1) == "INSERTED"
    assert hire(2) == "INSERTED"  # served from memory this time
    warehouse.delete(Table.HIRED_EMPLOYEES, 1)
    warehouse.delete(Table.HIRED_EMPLOYEES, 2)
    warehouse.delete(Table.DEPARTMENTS, 9)
    assert hire(3) == "UNKNOWN_REFERENCE"
    warehouse.close()
