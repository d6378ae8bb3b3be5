"""Records read by id come from memory until a write to their table ends, and never stale."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.reference_cache import ReferenceCache
from resolvers.core import ingest
from resolvers.core.ports import ImportRequest
from resolvers.core.tables import Department, Employee, Job, Record, Table


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


def test_a_write_forgets_its_own_table_only(cache: ReferenceCache, store: CountingStore) -> None:
    cache.get_many(Table.DEPARTMENTS, [1])
    cache.written(Table.JOBS)
    cache.get_many(Table.DEPARTMENTS, [1])
    cache.written(Table.DEPARTMENTS)
    cache.get_many(Table.DEPARTMENTS, [1])
    assert store.reads == [[1], [1]]


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


HIRED = datetime(2021, 1, 1, tzinfo=UTC)


def _import(warehouse: DuckDBWarehouse, folder: Path, line: str) -> None:
    source = folder / "employees.csv"
    source.write_text(line + "\n", encoding="utf-8")
    request = ImportRequest(
        Table.HIRED_EMPLOYEES, str(source), "CSV", str(folder / "rejected.csv"), HIRED
    )
    warehouse.import_file(request, lambda share, done: None)


def _restore(warehouse: DuckDBWarehouse, rows: list[dict[str, object]]) -> None:
    warehouse.restore_swap(Table.HIRED_EMPLOYEES, [rows], lambda staged: None)


WRITES: dict[str, tuple[Callable[[DuckDBWarehouse, Path], object], Employee | None]] = {
    "insert": (
        lambda w, _: w.insert_new(Table.HIRED_EMPLOYEES, [Employee(2, "Bo", HIRED, None, None)]),
        Employee(2, "Bo", HIRED, None, None),
    ),
    "update": (
        lambda w, _: w.replace(Employee(1, "Ann", HIRED, None, None)),
        Employee(1, "Ann", HIRED, None, None),
    ),
    "delete": (lambda w, _: w.delete(Table.HIRED_EMPLOYEES, 1), None),
    "import": (
        lambda w, folder: _import(w, folder, "2,Bo,2021-01-01T00:00:00Z,,"),
        Employee(2, "Bo", HIRED, None, None),
    ),
    "restore": (
        lambda w, _: _restore(
            w, [{"id": 1, "name": "Ann", "datetime": HIRED, "department_id": None, "job_id": None}]
        ),
        Employee(1, "Ann", HIRED, None, None),
    ),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_to_employees_is_seen_by_the_next_read_by_id(
    tmp_path: Path, write: str
) -> None:
    # GIVEN employee 1 read by id (so remembered), and employee 2 read as absent
    warehouse = DuckDBWarehouse(tmp_path / "hr.duckdb")
    warehouse.insert_new(Table.HIRED_EMPLOYEES, [Employee(1, "Ada", HIRED, None, None)])
    assert warehouse.get(Table.HIRED_EMPLOYEES, 1) == Employee(1, "Ada", HIRED, None, None)
    assert warehouse.get(Table.HIRED_EMPLOYEES, 2) is None
    # WHEN one of the warehouse's write paths changes the table
    action, expected = WRITES[write]
    action(warehouse, tmp_path)
    # THEN the next read of the row it wrote sees the change
    changed = 2 if write in ("insert", "import") else 1
    assert warehouse.get(Table.HIRED_EMPLOYEES, changed) == expected
    warehouse.close()
