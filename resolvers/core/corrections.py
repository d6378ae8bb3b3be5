"""Admin corrections: rename, re-date or re-assign one record, or delete it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from resolvers.core.errors import Conflict, NotFound, ValidationError
from resolvers.core.ports import Deleted, StillReferenced, Warehouse
from resolvers.core.tables import Department, Employee, Job, Record, Table
from resolvers.core.validation import checked, parse_datetime, parse_id, parse_name

_NOUN = {Table.DEPARTMENTS: "department", Table.JOBS: "job", Table.HIRED_EMPLOYEES: "employee"}


def rename(warehouse: Warehouse, table: Table, id: int, name: str) -> Record:
    """Rename a department or a job."""
    field = _NOUN[table]
    new_name = checked(parse_name, name, field)
    current = _existing(warehouse, table, id)
    updated: Record
    if isinstance(current, Department):
        updated = replace(current, department=new_name)
    elif isinstance(current, Job):
        updated = replace(current, job=new_name)
    else:
        raise ValueError(f"{table} has no name to rename")
    _replace(warehouse, updated)
    return updated


def patch_employee(warehouse: Warehouse, id: int, patch: Mapping[str, Any]) -> Employee:
    """Apply the fields present in ``patch``; an explicit null clears a reference."""
    current = _existing(warehouse, Table.HIRED_EMPLOYEES, id)
    assert isinstance(current, Employee)
    changes: dict[str, Any] = {}
    if "name" in patch:
        changes["name"] = checked(parse_name, patch["name"], "patch.name")
    if "datetime" in patch:
        if patch["datetime"] is None:
            raise ValidationError("patch.datetime", "must not be null")
        now = datetime.now(UTC)
        changes["datetime"] = checked(parse_datetime, patch["datetime"], "patch.datetime", now)
    for field, column, target in (
        ("departmentId", "department_id", Table.DEPARTMENTS),
        ("jobId", "job_id", Table.JOBS),
    ):
        if field in patch:
            ref = checked(parse_id, patch[field], f"patch.{field}", required=False)
            if ref is not None and warehouse.get(target, ref) is None:
                raise ValidationError(f"patch.{field}", f"{_NOUN[target]} {ref} does not exist")
            changes[column] = ref
    updated = replace(current, **changes)
    _replace(warehouse, updated)
    return updated


def delete(warehouse: Warehouse, table: Table, id: int) -> Record:
    outcome = warehouse.delete(table, id)
    if outcome is None:
        raise NotFound(f"{_NOUN[table]} {id} does not exist", info={"id": id})
    if isinstance(outcome, StillReferenced):
        raise Conflict(
            f"{_NOUN[table]} {id} is still referenced by {outcome.employees} employee(s); "
            "reassign or delete them first",
            info={"id": id, "employees": outcome.employees},
        )
    assert isinstance(outcome, Deleted)
    return outcome.record


def _existing(warehouse: Warehouse, table: Table, id: int) -> Record:
    record = warehouse.get(table, id)
    if record is None:
        raise NotFound(f"{_NOUN[table]} {id} does not exist", info={"id": id})
    return record


def _replace(warehouse: Warehouse, record: Record) -> None:
    if not warehouse.replace(record):
        raise NotFound(f"record {record.id} was deleted meanwhile", info={"id": record.id})
