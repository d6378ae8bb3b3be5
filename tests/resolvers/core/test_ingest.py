"""Batch ingest: per-row verdicts, and nothing half-written."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from resolvers.core import ingest
from resolvers.core.errors import ValidationError
from resolvers.core.ingest import RejectReason
from resolvers.core.ports import Warehouse
from resolvers.core.tables import Employee, Table

NOW = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def seed_references(warehouse: Warehouse) -> None:
    ingest.insert_batch(
        warehouse,
        Table.DEPARTMENTS,
        [{"id": 1, "department": "Engineering"}, {"id": 2, "department": "Sales"}],
    )
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": 10, "job": "Developer"}])


def reasons(report: ingest.InsertReport) -> dict[int, RejectReason]:
    return {r.index: r.reason for r in report.rejected}


@pytest.mark.parametrize("size", [0, 1001])
def test_a_batch_outside_1_to_1000_rows_is_refused_whole(warehouse: Warehouse, size: int) -> None:
    rows = [{"id": i + 1, "department": f"D{i}"} for i in range(size)]
    with pytest.raises(ValidationError) as refused:
        ingest.insert_batch(warehouse, Table.DEPARTMENTS, rows)
    assert refused.value.field == "rows"
    assert warehouse.count(Table.DEPARTMENTS) == 0


def test_a_full_batch_of_1000_rows_goes_in(warehouse: Warehouse) -> None:
    rows = [{"id": i, "job": f"Job {i}"} for i in range(1, 1001)]
    report = ingest.insert_batch(warehouse, Table.JOBS, rows)
    assert (report.inserted, report.rejected) == (1000, [])
    assert warehouse.count(Table.JOBS) == 1000


def test_each_row_gets_its_own_verdict(warehouse: Warehouse) -> None:
    seed_references(warehouse)
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [{"id": 5, "name": "Existing"}], NOW)
    rows = [
        {
            "id": 1,
            "name": "Ana",
            "datetime": "2021-01-01T00:00:00Z",
            "departmentId": 1,
            "jobId": 10,
        },
        {"id": 2, "name": "", "departmentId": 1},  # INVALID: empty name
        {"id": 1, "name": "Ana again"},  # DUPLICATE_IN_BATCH of index 0
        {"id": 5, "name": "Bob"},  # ALREADY_EXISTS
        {"id": 6, "name": "Cy", "departmentId": 99},  # UNKNOWN_REFERENCE department
        {"id": 7, "name": "Di", "jobId": 99},  # UNKNOWN_REFERENCE job
        {"id": 8, "name": "Ed"},  # fine: references are optional
    ]
    report = ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, rows, NOW)
    assert reasons(report) == {
        1: RejectReason.INVALID,
        2: RejectReason.DUPLICATE_IN_BATCH,
        3: RejectReason.ALREADY_EXISTS,
        4: RejectReason.UNKNOWN_REFERENCE,
        5: RejectReason.UNKNOWN_REFERENCE,
    }
    assert sorted(report.inserted_ids) == [1, 8]
    assert report.received == 7
    fields = {r.index: r.field for r in report.rejected}
    assert fields == {1: "name", 2: "id", 3: "id", 4: "departmentId", 5: "jobId"}
    assert "index 0" in report.rejected[1].message
    assert warehouse.count(Table.HIRED_EMPLOYEES) == 3
    first = warehouse.get(Table.HIRED_EMPLOYEES, 1)
    assert isinstance(first, Employee)
    assert (first.name, first.department_id, first.job_id) == ("Ana", 1, 10)


def test_the_first_valid_occurrence_of_an_id_wins(warehouse: Warehouse) -> None:
    rows = [
        {"id": 3, "department": ""},  # invalid: does not claim the id
        {"id": 3, "department": "Kept"},
        {"id": "3", "department": "Dropped"},
    ]
    report = ingest.insert_batch(warehouse, Table.DEPARTMENTS, rows)
    assert reasons(report) == {0: RejectReason.INVALID, 2: RejectReason.DUPLICATE_IN_BATCH}
    assert warehouse.get(Table.DEPARTMENTS, 3) is not None
    assert warehouse.get(Table.DEPARTMENTS, 3).department == "Kept"  # type: ignore[union-attr]


def test_sending_the_same_batch_twice_inserts_nothing_the_second_time(warehouse: Warehouse) -> None:
    rows = [{"id": i, "department": f"D{i}"} for i in range(1, 51)]
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, rows)
    again = ingest.insert_batch(warehouse, Table.DEPARTMENTS, rows)
    assert again.inserted == 0
    assert Counter(r.reason for r in again.rejected) == {RejectReason.ALREADY_EXISTS: 50}
    assert warehouse.count(Table.DEPARTMENTS) == 50


def test_an_id_already_there_is_already_exists_even_with_an_unknown_reference(
    warehouse: Warehouse,
) -> None:
    """ALREADY_EXISTS outranks UNKNOWN_REFERENCE, as a row sent again is the likelier story."""
    seed_references(warehouse)
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [{"id": 5, "name": "Ann"}], NOW)
    rows = [
        {"id": 5, "name": "Ann", "departmentId": 99},
        {"id": 6, "name": "Bo", "departmentId": 99},
        {"id": 7, "name": "Cy", "departmentId": 1},
    ]
    report = ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, rows, NOW)
    assert reasons(report) == {0: RejectReason.ALREADY_EXISTS, 1: RejectReason.UNKNOWN_REFERENCE}
    assert report.inserted_ids == [7]


def test_an_all_invalid_batch_touches_nothing(warehouse: Warehouse) -> None:
    report = ingest.insert_batch(warehouse, Table.JOBS, [{"id": "x"}, None])
    assert report.inserted == 0
    assert len(report.rejected) == 2
    assert warehouse.count(Table.JOBS) == 0


def test_hostile_names_are_stored_exactly(warehouse: Warehouse) -> None:
    names = ["O'Brien", 'say "hi"', "back\\slash", "$$dollar$$", "Zoë 🚀 李", "50% _off_", "; DROP"]
    rows = [{"id": i, "department": name} for i, name in enumerate(names, start=1)]
    assert ingest.insert_batch(warehouse, Table.DEPARTMENTS, rows).inserted == len(names)
    stored = warehouse.get_many(Table.DEPARTMENTS, list(range(1, len(names) + 1)))
    assert [stored[i].department for i in sorted(stored)] == names  # type: ignore[union-attr]


def test_stored_datetimes_read_back_as_the_same_utc_instant(warehouse: Warehouse) -> None:
    row = {"id": 1, "name": "A", "datetime": "2021-12-31T23:59:59.999+05:30"}
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [row], NOW)
    stored = warehouse.get(Table.HIRED_EMPLOYEES, 1)
    assert isinstance(stored, Employee)
    assert stored.datetime == datetime(2021, 12, 31, 18, 29, 59, 999000, tzinfo=UTC)


def test_one_unstorable_row_costs_that_row_only(warehouse: Warehouse) -> None:
    """Issue 12: an overflowing datetime, a lone surrogate or a NUL used to fail all 1000."""
    seed_references(warehouse)
    rows: list[dict[str, object]] = [
        {"id": i, "name": f"P{i}", "datetime": "2021-05-01T10:00:00Z", "departmentId": 1}
        for i in range(1, 1001)
    ]
    bad = {
        10: {"datetime": "0001-01-01T00:00:00+05:30"},
        20: {"name": "Ana \ud800"},
        30: {"name": "Ana\x00Ruiz"},
        40: {"datetime": ""},
    }
    for index, change in bad.items():
        rows[index] = {**rows[index], **change}
    report = ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, rows, NOW)
    assert reasons(report) == dict.fromkeys(bad, RejectReason.INVALID)
    assert [r.field for r in report.rejected] == ["datetime", "name", "name", "datetime"]
    assert report.inserted == 996
    assert warehouse.count(Table.HIRED_EMPLOYEES) == 996
