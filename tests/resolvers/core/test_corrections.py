"""Admin corrections: renames, patches and deletes that respect references."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from resolvers.core import corrections, ingest
from resolvers.core.errors import Conflict, NotFound, ValidationError
from resolvers.core.ports import Warehouse
from resolvers.core.tables import Department, Employee, Table


@pytest.fixture
def staffed(warehouse: Warehouse) -> Warehouse:
    ingest.insert_batch(
        warehouse,
        Table.DEPARTMENTS,
        [{"id": 1, "department": "Eng"}, {"id": 2, "department": "Ops"}],
    )
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": 1, "job": "Dev"}])
    ingest.insert_batch(
        warehouse,
        Table.HIRED_EMPLOYEES,
        [
            {
                "id": 1,
                "name": "Ana",
                "datetime": "2021-01-01T00:00:00Z",
                "departmentId": 1,
                "jobId": 1,
            }
        ],
    )
    return warehouse


def test_rename_a_department(staffed: Warehouse) -> None:
    assert corrections.rename(staffed, Table.DEPARTMENTS, 2, "Operations") == Department(
        2, "Operations"
    )
    assert staffed.get(Table.DEPARTMENTS, 2) == Department(2, "Operations")


def test_rename_to_an_empty_name_is_refused_and_changes_nothing(staffed: Warehouse) -> None:
    with pytest.raises(ValidationError) as refused:
        corrections.rename(staffed, Table.JOBS, 1, " ")
    assert refused.value.field == "job"
    assert staffed.get(Table.JOBS, 1).job == "Dev"  # type: ignore[union-attr]


def test_patch_changes_only_the_fields_given_and_null_clears_a_reference(
    staffed: Warehouse,
) -> None:
    updated = corrections.patch_employee(
        staffed, 1, {"datetime": "2022-02-02T10:00:00+01:00", "jobId": None}
    )
    assert updated == Employee(1, "Ana", datetime(2022, 2, 2, 9, 0, tzinfo=UTC), 1, None)
    assert staffed.get(Table.HIRED_EMPLOYEES, 1) == updated


def test_patch_to_a_missing_department_is_refused(staffed: Warehouse) -> None:
    with pytest.raises(ValidationError) as refused:
        corrections.patch_employee(staffed, 1, {"departmentId": 42})
    assert refused.value.field == "patch.departmentId"
    assert staffed.get(Table.HIRED_EMPLOYEES, 1).department_id == 1  # type: ignore[union-attr]


def test_correcting_a_missing_record_is_not_found(staffed: Warehouse) -> None:
    with pytest.raises(NotFound):
        corrections.patch_employee(staffed, 99, {"name": "X"})
    with pytest.raises(NotFound):
        corrections.rename(staffed, Table.DEPARTMENTS, 99, "X")
    with pytest.raises(NotFound):
        corrections.delete(staffed, Table.JOBS, 99)


def test_a_referenced_department_cannot_be_deleted(staffed: Warehouse) -> None:
    with pytest.raises(Conflict) as refused:
        corrections.delete(staffed, Table.DEPARTMENTS, 1)
    assert refused.value.info["employees"] == 1
    assert staffed.get(Table.DEPARTMENTS, 1) is not None


def test_deleting_returns_the_deleted_record(staffed: Warehouse) -> None:
    assert corrections.delete(staffed, Table.DEPARTMENTS, 2) == Department(2, "Ops")
    assert staffed.get(Table.DEPARTMENTS, 2) is None
    corrections.delete(staffed, Table.HIRED_EMPLOYEES, 1)
    assert corrections.delete(staffed, Table.JOBS, 1).id == 1
