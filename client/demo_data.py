"""A demo dataset the project makes itself: realistic, deterministic, any size.

Departments and jobs are fixed lists (12 and 180). Employees are generated
one row at a time from a seeded random generator, so the same seed always
gives the same file and a million rows take no more memory than ten. Hires
spread over 2019-2024, growing year by year, with hiring seasons (January
and September busy, August and December quiet). A small share of rows is
faulty on purpose, as real exports are: a missing name, a datetime that is
not ISO-8601, a department that does not exist, an id used twice. A few rows
leave the department or job empty, which the rules allow.

Rows are lists of CSV cells in the historic format (no header, ISO-8601
datetimes with Z); ``write_dataset`` writes the three files with CRLF.
"""

from __future__ import annotations

import csv
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from itertools import accumulate
from pathlib import Path


def _split(text: str) -> tuple[str, ...]:
    """A readable list in source: items separated by commas."""
    return tuple(item.strip() for item in text.split(","))


DEPARTMENT_ROLES: dict[str, tuple[str, ...]] = {
    "Engineering": _split(
        "Software Engineer, Backend Developer, Frontend Developer, "
        "Site Reliability Engineer, QA Engineer, Data Engineer, Mobile Developer, "
        "Engineering Manager"
    ),
    "Sales": _split(
        "Account Executive, Sales Representative, Sales Development Rep, Sales Manager, "
        "Key Account Manager"
    ),
    "Marketing": _split(
        "Marketing Coordinator, Content Strategist, SEO Specialist, Brand Manager, "
        "Product Marketing Manager"
    ),
    "Finance": _split("Accountant, Financial Analyst, Controller, Payroll Specialist, Auditor"),
    "Human Resources": _split(
        "Recruiter, HR Generalist, Talent Acquisition Partner, People Operations Manager, "
        "Compensation Analyst"
    ),
    "Customer Support": _split(
        "Support Agent, Customer Success Manager, Technical Support Engineer, "
        "Support Team Lead, Onboarding Specialist"
    ),
    "Product Management": _split(
        "Product Manager, Product Owner, UX Designer, UX Researcher, Product Analyst"
    ),
    "Legal": _split("Legal Counsel, Paralegal, Compliance Officer, Contract Manager"),
    "Operations": _split(
        "Operations Analyst, Office Manager, Facilities Coordinator, "
        "Procurement Specialist, Logistics Coordinator"
    ),
    "Research and Development": _split(
        "Research Scientist, Machine Learning Engineer, Data Scientist, Lab Technician"
    ),
    "Business Development": _split(
        "Partnerships Manager, Business Analyst, Alliance Manager, Strategy Associate"
    ),
    "Services": _split(
        "Implementation Consultant, Solutions Architect, Trainer, Project Manager, Technical Writer"
    ),
}
"""Twelve departments and the roles each hires for (jobs are roles at three levels)."""

DEPARTMENT_WEIGHTS: tuple[float, ...] = (22, 14, 7, 5, 4, 12, 6, 2, 8, 6, 5, 9)
"""Relative hiring of each department, in DEPARTMENT_ROLES order: uneven, as in real firms."""

LEVELS: tuple[str, ...] = ("Junior", "", "Senior")

FIRST_NAMES: tuple[str, ...] = _split(
    "Harold, Ty, Lyman, Lotti, Gretna, Marlow, Joan, Ulrick, Amelia, Oliver, Sofia, "
    "Liam, Emma, Noah, Ava, Lucas, Mia, Ethan, Chloé, Mateo, Zoë, José, María, Björn, "
    "Åsa, Søren, Łukasz, Zofia, Siobhán, Seán, Niamh, François, Hélène, Jürgen, Renée, "
    "Ingrid, Dmitri, Анна, Ιωάννης, Yuki, Haruto, Mei, Wei, Priya, Arjun, Aisha, Omar, "
    "Fatima, Kwame, Amara, Chinedu, Thandiwe, Mohammed, Leila, Tomás, Inês, João, "
    "Nguyễn, Minh, Ji-woo, Seo-yeon, Rafael, Camila, Valentina, Diego, Grace, Henry, "
    "Isla, Jack, Olivia, Charlotte, Benjamin, Eleanor, Samuel, Nora, Elif, Emre, "
    "Zeynep, Ahmet, Ana, Luka, Ivana, Petra, Miloš, Eva, Tariq, Noor"
)

LAST_NAMES: tuple[str, ...] = _split(
    "Vogt, Hofer, Hadye, Crowthe, Lording, Antecki, Rillett, Nucciotti, Smith, "
    "Johnson, Williams, Brown, Jones, García, Martínez, Rodríguez, López, González, "
    "Pérez, Müller, Schmidt, Schröder, Weiß, Novák, Dvořák, Kowalski, Wiśniewski, "
    "Nowak, O'Connor, O'Brien, Murphy, Ní Bhriain, Lefèvre, Dubois, Girard, Andersson, "
    "Johansson, Jørgensen, Sørensen, Nieminen, Virtanen, Rossi, Bianchi, Esposito, "
    "Silva, Santos, Gonçalves, Yılmaz, Kaya, Öztürk, Иванова, Παπαδόπουλος, Tanaka, "  # noqa: RUF001 (dotless i of Turkish, on purpose)
    "Suzuki, Watanabe, Kim, Park, Lee, Chen, Wang, Li, Zhang, Trần, Lê, Patel, Sharma, "
    "Singh, Khan, Haddad, Mensah, Okafor, Adeyemi, Nkosi, Van der Berg, De Vries, "
    "Jansen, Bakker, Horvat, Kovačević, Popescu, Nagy, Taylor, Wilson, Thompson, "
    "Clarke"
)

YEAR_WEIGHTS: dict[int, float] = {2019: 12, 2020: 11, 2021: 16, 2022: 19, 2023: 20, 2024: 22}
MONTH_WEIGHTS: tuple[float, ...] = (14, 11, 12, 10, 9, 10, 8, 7, 14, 12, 9, 5)
HOUR_WEIGHTS: tuple[float, ...] = (
    *(1,) * 7,
    4,
    10,
    12,
    12,
    10,
    6,
    10,
    12,
    10,
    8,
    5,
    2,
    *(1,) * 5,
)

BAD_DATETIMES: tuple[str, ...] = _split(
    "2021-02-30T10:00:00Z, 13/05/2021 09:00, yesterday, 2022-13-01T00:00:00Z, 2023-06-31"
)

DEFAULT_FAULT_RATE = 0.01
"""Share of faulty employee rows, split evenly over the kinds of Fault."""

EMPTY_REFERENCE_RATE = 0.005
"""Share of rows leaving the department (and, separately, the job) empty: allowed."""


class Fault(StrEnum):
    MISSING_NAME = "missing name"
    BAD_DATETIME = "bad datetime"
    UNKNOWN_DEPARTMENT = "unknown department"
    DUPLICATE_ID = "duplicate id"


def departments() -> list[list[str]]:
    """The department rows: [id, department]."""
    return [[str(i), name] for i, name in enumerate(DEPARTMENT_ROLES, start=1)]


def _job_titles() -> list[tuple[str, str]]:
    """(department, title) for every job, in id order."""
    return [
        (department, f"{level} {role}".strip())
        for department, roles in DEPARTMENT_ROLES.items()
        for role in roles
        for level in LEVELS
    ]


def jobs() -> list[list[str]]:
    """The job rows: [id, job]."""
    return [[str(i), title] for i, (_, title) in enumerate(_job_titles(), start=1)]


@dataclass(frozen=True)
class _Catalogue:
    """Which job ids each department (by id) hires for."""

    department_ids: list[int]
    jobs_of: dict[int, list[int]]
    job_count: int

    @classmethod
    def build(cls) -> _Catalogue:
        ids = {name: i for i, name in enumerate(DEPARTMENT_ROLES, start=1)}
        jobs_of: dict[int, list[int]] = {i: [] for i in ids.values()}
        titles = _job_titles()
        for job_id, (department, _) in enumerate(titles, start=1):
            jobs_of[ids[department]].append(job_id)
        return cls(list(ids.values()), jobs_of, len(titles))


_YEARS = list(YEAR_WEIGHTS)
_YEAR_CUMULATIVE = list(accumulate(YEAR_WEIGHTS.values()))
_MONTH_CUMULATIVE = list(accumulate(MONTH_WEIGHTS))
_HOUR_CUMULATIVE = list(accumulate(HOUR_WEIGHTS))
_DEPARTMENT_CUMULATIVE = list(accumulate(DEPARTMENT_WEIGHTS))


def _hire_datetime(rng: random.Random) -> str:
    year = rng.choices(_YEARS, cum_weights=_YEAR_CUMULATIVE)[0]
    month = rng.choices(range(1, 13), cum_weights=_MONTH_CUMULATIVE)[0]
    first = datetime(year, month, 1)
    following = datetime(year + month // 12, month % 12 + 1, 1)
    day = rng.randrange((following - first).days) + 1
    hour = rng.choices(range(24), cum_weights=_HOUR_CUMULATIVE)[0]
    moment = datetime(year, month, day, hour, rng.randrange(60), rng.randrange(60))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _name(rng: random.Random) -> str:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    if rng.random() < 0.04:
        last = f"{last}-{rng.choice(LAST_NAMES)}"
    return f"{first} {last}"


def employees(
    count: int, seed: int = 1, fault_rate: float = DEFAULT_FAULT_RATE
) -> Iterator[list[str]]:
    """``count`` employee rows [id, name, datetime, department_id, job_id], streamed.

    Row n (from 1) has id n, except a DUPLICATE_ID row, which repeats a recent id.
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible demo data, not secrets)
    catalogue = _Catalogue.build()
    recent_ids: deque[int] = deque(maxlen=50)
    faults = list(Fault)
    for row_id in range(1, count + 1):
        department = rng.choices(catalogue.department_ids, cum_weights=_DEPARTMENT_CUMULATIVE)[0]
        if rng.random() < 0.9:
            job = rng.choice(catalogue.jobs_of[department])
        else:
            job = rng.randrange(catalogue.job_count) + 1
        cells = [str(row_id), _name(rng), _hire_datetime(rng), str(department), str(job)]
        if rng.random() < EMPTY_REFERENCE_RATE:
            cells[3] = ""
        if rng.random() < EMPTY_REFERENCE_RATE:
            cells[4] = ""
        if rng.random() < fault_rate:
            _spoil(cells, rng.choice(faults), rng, recent_ids, len(catalogue.department_ids))
        recent_ids.append(row_id)
        yield cells


def _spoil(
    cells: list[str], fault: Fault, rng: random.Random, recent_ids: deque[int], departments: int
) -> None:
    if fault is Fault.MISSING_NAME:
        cells[1] = ""
    elif fault is Fault.BAD_DATETIME:
        cells[2] = rng.choice(BAD_DATETIMES)
    elif fault is Fault.UNKNOWN_DEPARTMENT:
        cells[3] = str(departments + 1 + rng.randrange(100))
    elif recent_ids:  # DUPLICATE_ID; the very first row has nothing to repeat
        cells[0] = str(rng.choice(recent_ids))


@dataclass(frozen=True)
class DatasetFiles:
    departments: Path
    jobs: Path
    hired_employees: Path
    employee_rows: int


def write_rows(path: Path, rows: Iterator[list[str]] | list[list[str]]) -> int:
    """Rows as CSV in the historic format: no header, CRLF, UTF-8. Returns the row count."""
    written = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        for row in rows:
            writer.writerow(row)
            written += 1
    return written


def write_dataset(
    out: Path, employee_count: int, seed: int = 1, fault_rate: float = DEFAULT_FAULT_RATE
) -> DatasetFiles:
    """departments.csv, jobs.csv and hired_employees.csv in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    files = DatasetFiles(out / "departments.csv", out / "jobs.csv", out / "hired_employees.csv", 0)
    write_rows(files.departments, departments())
    write_rows(files.jobs, jobs())
    written = write_rows(files.hired_employees, employees(employee_count, seed, fault_rate))
    return DatasetFiles(files.departments, files.jobs, files.hired_employees, written)
