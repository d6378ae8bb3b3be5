"""What the held-out and trap sets stand on: their dataset, their clock and their Case.

Written before the engine rewrite of issue 11 and apart from it (nothing here
reads resolvers/core/questions/), so the sets measure the engine rather than
describe it.

The dataset is the development set's (``question_set.generate``: the historic
department and job names, 2,500 generated hires over 2020-2022, about 3%
without a department or a job) plus one documented step, ``extend``, which
adds what an analyst's questions need and the generated data lacks:

- department 13, a second department named "Support" (real data has
  duplicate names; per-department answers must group by id, and "Support"
  means both);
- department 14, "Compliance", which hired three people in 2020, one in 2021
  and nobody in 2022 (so every department hired in 2021, and "the mean of
  all the departments" in 2021 reads the same whether or not a department
  without hires would count);
- job 184, "Chief People Officer", never hired for;
- 120 employees with real names, taken in file order from the historic
  hired_employees.csv (read in place, first occurrence of each name), with
  their historic hire time (2021), department and job (some blank): name
  searches need names that are not "Person 0042";
- 30 hires into the second "Support" (20 of them in 2021) and 4 into
  Compliance, named from the next historic rows.

Gold SQL is scored against whatever the warehouse holds when it runs, so the
development set stays right on the extended data too; the extension only
moves numbers.

What an answer means (shares out of all hires, groups by id, no rows of
zeros, exclusions keep missing values ...) is written once, for the engine
and for users, in docs/questions.md.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from resolvers.core.ports import Warehouse
from resolvers.core.tables import Department, Employee, Job, Table
from tests.resolvers.core.questions.question_set import HISTORIC_DATA, generate

TODAY = datetime(2023, 1, 1, tzinfo=UTC)
"""The clock the engine must be given for the relative-date questions.

Midnight UTC on 1 January 2023, just after the data (2020-01-01 to
2022-12-30 plus the extension's 2020-2022 hires). At this instant a rolling
window and the matching whole calendar units coincide: "the last 6 months"
is 1 Jul 2022 to 31 Dec 2022 either way, "last year" is 2022, "the last 3
years" is 2020-2022, and "this year" (2023) has no hires at all.
"""

SECOND_SUPPORT = 13
COMPLIANCE = 14
UNHIRED_JOB = 184
REAL_NAMES_FIRST_ID = 3001
REAL_NAMES = 120
SECOND_SUPPORT_FIRST_ID = 3201
COMPLIANCE_FIRST_ID = 3301


@dataclass(frozen=True)
class Case:
    """One question and its answer, written as DuckDB SQL on the test database.

    ``ordered``: the question asks for an order; then ``key`` (column indexes
    of the gold rows, all columns when empty) is what must come in that order,
    so rows that tie on it may come in any order among themselves.
    ``also``: other gold SQL for the same answer in another accepted encoding
    (weekday names or ISO numbers, month numbers or names); any one matching
    is right.
    ``empty``: the right answer legitimately has no rows.
    ``everyday``: asked in everyday words, not in the data's vocabulary.
    ``shape``: what the question exercises (for per-category counts).
    ``note``: why the gold reads the question the way it does, where that
    is not obvious.
    """

    question: str
    sql: str
    shape: str
    ordered: bool = False
    key: tuple[int, ...] = ()
    everyday: bool = False
    empty: bool = False
    also: tuple[str, ...] = ()
    note: str = ""


def load(warehouse: Warehouse) -> None:
    """The sets' dataset: the development set's data, then ``extend``."""
    generate(warehouse)
    extend(warehouse)


def extend(warehouse: Warehouse, seed: int = 12) -> None:
    """Add the duplicate department name, the idle department and job, and real names."""
    rng = random.Random(seed)
    warehouse.insert_new(
        Table.DEPARTMENTS,
        [Department(SECOND_SUPPORT, "Support"), Department(COMPLIANCE, "Compliance")],
    )
    warehouse.insert_new(Table.JOBS, [Job(UNHIRED_JOB, "Chief People Officer")])
    historic = _historic_rows()
    hires = [
        Employee(REAL_NAMES_FIRST_ID + i, name, moment, department, job)
        for i, (name, moment, department, job) in enumerate(historic[:REAL_NAMES])
    ]
    names = iter(row[0] for row in historic[REAL_NAMES:])
    years = [2020] * 4 + [2021] * 20 + [2022] * 6
    for i, year in enumerate(years):
        moment = datetime(year, 1, 1, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(365 * 24 * 3600)
        )
        hires.append(
            Employee(
                SECOND_SUPPORT_FIRST_ID + i,
                next(names),
                moment,
                SECOND_SUPPORT,
                rng.randint(1, 183),
            )
        )
    for i, year in enumerate([2020, 2020, 2020, 2021]):
        moment = datetime(year, 1, 1, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(365 * 24 * 3600)
        )
        hires.append(
            Employee(COMPLIANCE_FIRST_ID + i, next(names), moment, COMPLIANCE, rng.randint(1, 183))
        )
    warehouse.insert_new(Table.HIRED_EMPLOYEES, hires)


def _historic_rows() -> list[tuple[str, datetime, int | None, int | None]]:
    """Historic employees with a name and a time, first occurrence of each name, in file order."""
    rows: list[tuple[str, datetime, int | None, int | None]] = []
    seen: set[str] = set()
    with (HISTORIC_DATA / "hired_employees.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 5 or not row[1] or not row[2] or row[1] in seen:
                continue
            seen.add(row[1])
            moment = datetime.fromisoformat(row[2].replace("Z", "+00:00")).astimezone(UTC)
            rows.append(
                (row[1], moment, int(row[3]) if row[3] else None, int(row[4]) if row[4] else None)
            )
    return rows


# Pieces of gold SQL, so each question's SQL reads as the question does.
# Periods are half-open: [start, end) on the naive-UTC timestamp column.

PER_DEPARTMENT = "hired_employees e JOIN departments d ON d.id = e.department_id"
PER_JOB = "hired_employees e JOIN jobs j ON j.id = e.job_id"


def span(start: str, end: str) -> str:
    """Hired at or after ``start`` and before ``end`` (ISO dates or timestamps)."""
    return f"e.datetime >= TIMESTAMP '{start}' AND e.datetime < TIMESTAMP '{end}'"


def year(y: int) -> str:
    return span(f"{y}-01-01", f"{y + 1}-01-01")


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join("'" + n.replace("'", "''") + "'" for n in names)


def departments(*names: str) -> str:
    """In any department bearing one of the names (both "Support"s for "Support")."""
    return f"e.department_id IN (SELECT id FROM departments WHERE department IN ({_quoted(names)}))"


def not_departments(*names: str) -> str:
    """Not in those departments; employees without a department are kept (they are not in them)."""
    return f"(e.department_id IS NULL OR {departments(*names).replace(' IN (', ' NOT IN (', 1)})"


def jobs(*names: str) -> str:
    return f"e.job_id IN (SELECT id FROM jobs WHERE job IN ({_quoted(names)}))"


def not_jobs(*names: str) -> str:
    return f"(e.job_id IS NULL OR {jobs(*names).replace(' IN (', ' NOT IN (', 1)})"


def count(where: str = "TRUE") -> str:
    return f"SELECT COUNT(*) FROM hired_employees e WHERE {where}"


def per_department(where: str = "TRUE", measure: str = "COUNT(*)") -> str:
    """One row per department (by id, named) with at least one hire matching ``where``."""
    return (
        f"SELECT d.department, {measure} FROM {PER_DEPARTMENT} WHERE {where} "
        "GROUP BY d.id, d.department"
    )


def per_job(where: str = "TRUE", measure: str = "COUNT(*)") -> str:
    return f"SELECT j.job, {measure} FROM {PER_JOB} WHERE {where} GROUP BY j.id, j.job"


def names(where: str = "TRUE") -> str:
    return f"SELECT e.name FROM hired_employees e WHERE {where}"


def percent(part: str, whole: str) -> str:
    """``part`` as a percentage of ``whole`` (two WHERE clauses on hires), 1 decimal."""
    return (
        f"SELECT ROUND(100.0 * COUNT(*) FILTER (WHERE {part}) / COUNT(*), 1) "
        f"FROM hired_employees e WHERE {whole}"
    )
