"""The live department and job names a question's words are matched against, and the last hire.

Read at every question (one small query): names change with every batch and
correction, and a stale list would match a name that is gone. The date of
the last hire on record is read with them: a period named without a year
("Q2") is read in the latest year it had begun by then (dates.fill_year).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from resolvers.core.ports import Warehouse
from resolvers.core.readonly_sql import run_sql

CATALOG_SQL = (
    "SELECT 'department' AS kind, department AS name, id FROM departments "
    "UNION ALL SELECT 'job' AS kind, job AS name, id FROM jobs "
    "UNION ALL SELECT 'last_hire' AS kind, CAST(MAX(datetime) AS VARCHAR) AS name, NULL AS id "
    "FROM hired_employees"
)
MAX_NAMES = 100_000


@dataclass(frozen=True, slots=True)
class Catalog:
    departments: tuple[str, ...]
    jobs: tuple[str, ...]
    last_hire: date | None = field(default=None, compare=False)
    """The day of the latest hire on record (None while there are none).

    Not part of a catalog's identity: what is cached per catalog (name indexes,
    Bedrock's prompt) stays valid while only hires are added."""
    department_ids: tuple[tuple[int, str], ...] = ()
    """Every department as (id, name): two departments may share a name ('Support')."""

    def ids_of(self, department: str) -> tuple[int, ...]:
        """The ids of the departments of that name, lowest first."""
        return tuple(sorted(i for i, name in self.department_ids if name == department))

    def shared(self, department: str) -> tuple[int, ...]:
        """The ids of a name two or more departments share; () for a name held once."""
        ids = self.ids_of(department)
        return ids if len(ids) > 1 else ()

    def department_name(self, department_id: int) -> str | None:
        return next((name for i, name in self.department_ids if i == department_id), None)


def load(warehouse: Warehouse) -> Catalog:
    rows = run_sql(warehouse, CATALOG_SQL, MAX_NAMES).rows
    departments = sorted({str(name) for kind, name, _ in rows if kind == "department"})
    jobs = sorted({str(name) for kind, name, _ in rows if kind == "job"})
    last = [str(name)[:10] for kind, name, _ in rows if kind == "last_hire" and name is not None]
    ids = sorted((int(i), str(name)) for kind, name, i in rows if kind == "department")
    return Catalog(
        departments=tuple(departments),
        jobs=tuple(jobs),
        last_hire=date.fromisoformat(last[0]) if last else None,
        department_ids=tuple(ids),
    )
