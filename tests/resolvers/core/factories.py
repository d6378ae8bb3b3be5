"""Small deterministic datasets for core tests, with their rows kept for independent checks."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from resolvers.core import ingest
from resolvers.core.ports import Warehouse
from resolvers.core.tables import Table


@dataclass
class Dataset:
    departments: dict[int, str] = field(default_factory=dict)
    jobs: dict[int, str] = field(default_factory=dict)
    employees: list[dict[str, Any]] = field(default_factory=list)


def load_random_dataset(warehouse: Warehouse, seed: int = 7, employees: int = 1500) -> Dataset:
    """Departments, jobs and employees over 2020-2022, some without department or job."""
    rng = random.Random(seed)
    data = Dataset()
    data.departments = {i: f"Dept {chr(64 + i)}" for i in range(1, 9)}
    data.departments[9] = "accounting"  # lower case sorts after upper case in byte order
    data.jobs = {i: f"Job {i:02d}" for i in range(1, 16)}
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(1, employees + 1):
        moment = start + timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
        data.employees.append(
            {
                "id": i,
                "name": f"Person {i}",
                "datetime": moment.isoformat(),
                "departmentId": rng.choice([*data.departments, None]),
                "jobId": rng.choice([*data.jobs, None]),
            }
        )
    _insert(
        warehouse,
        Table.DEPARTMENTS,
        [{"id": k, "department": v} for k, v in data.departments.items()],
    )
    _insert(warehouse, Table.JOBS, [{"id": k, "job": v} for k, v in data.jobs.items()])
    _insert(warehouse, Table.HIRED_EMPLOYEES, data.employees)
    return data


def _insert(warehouse: Warehouse, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 1000):
        report = ingest.insert_batch(warehouse, table, rows[start : start + 1000])
        assert not report.rejected, report.rejected[:3]
