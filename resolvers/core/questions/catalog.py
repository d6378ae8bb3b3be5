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
    "SELECT 'department' AS kind, department AS name FROM departments "
    "UNION ALL SELECT 'job' AS kind, job AS name FROM jobs "
    "UNION ALL SELECT 'last_hire' AS kind, CAST(MAX(datetime) AS VARCHAR) AS name "
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


def load(warehouse: Warehouse) -> Catalog:
    rows = run_sql(warehouse, CATALOG_SQL, MAX_NAMES).rows
    departments = sorted({str(name) for kind, name in rows if kind == "department"})
    jobs = sorted({str(name) for kind, name in rows if kind == "job"})
    last = [str(name)[:10] for kind, name in rows if kind == "last_hire" and name is not None]
    return Catalog(
        departments=tuple(departments),
        jobs=tuple(jobs),
        last_hire=date.fromisoformat(last[0]) if last else None,
    )
