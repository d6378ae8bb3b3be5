"""The three tables and the records they hold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The contract's, re-exported: core's modules read the tables from here.
from hrgraph_contract import MAX_BATCH_ROWS as MAX_BATCH_ROWS
from hrgraph_contract import Table as Table

MAX_ID = 2**31 - 1
"""Ids must fit GraphQL's 32-bit Int on the way out."""

MAX_NAME_LENGTH = 255


@dataclass(frozen=True, slots=True)
class Department:
    id: int
    department: str


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    job: str


@dataclass(frozen=True, slots=True)
class Employee:
    id: int
    name: str
    datetime: datetime
    """Aware, in UTC, truncated to milliseconds (what Avro timestamp-millis keeps)."""
    department_id: int | None
    job_id: int | None


Record = Department | Job | Employee

COLUMNS: dict[Table, tuple[str, ...]] = {
    Table.DEPARTMENTS: ("id", "department"),
    Table.JOBS: ("id", "job"),
    Table.HIRED_EMPLOYEES: ("id", "name", "datetime", "department_id", "job_id"),
}

RECORD_TYPES: dict[Table, type[Record]] = {
    Table.DEPARTMENTS: Department,
    Table.JOBS: Job,
    Table.HIRED_EMPLOYEES: Employee,
}


def table_of(record: Record) -> Table:
    """The table a record belongs in."""
    return next(table for table, kind in RECORD_TYPES.items() if isinstance(record, kind))


REFERENCES: dict[str, Table] = {"department_id": Table.DEPARTMENTS, "job_id": Table.JOBS}
"""Employee columns that point at another table."""
