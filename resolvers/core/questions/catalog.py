"""The live department and job names a question's words are matched against.

Read at every question (one small query): names change with every batch and
correction, and a stale list would match a name that is gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from resolvers.core.ports import Warehouse
from resolvers.core.readonly_sql import run_sql

CATALOG_SQL = (
    "SELECT 'department' AS kind, department AS name FROM departments "
    "UNION ALL SELECT 'job' AS kind, job AS name FROM jobs"
)
MAX_NAMES = 100_000


@dataclass(frozen=True, slots=True)
class Catalog:
    departments: tuple[str, ...]
    jobs: tuple[str, ...]


def load(warehouse: Warehouse) -> Catalog:
    rows = run_sql(warehouse, CATALOG_SQL, MAX_NAMES).rows
    departments = sorted({str(name) for kind, name in rows if kind == "department"})
    jobs = sorted({str(name) for kind, name in rows if kind == "job"})
    return Catalog(departments=tuple(departments), jobs=tuple(jobs))
