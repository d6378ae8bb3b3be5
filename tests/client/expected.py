"""What the API must answer, computed independently from CSV files with plain Python.

Nothing here imports the project's code: the verdicts and reports below
restate DESIGN.md's data rules so the integration tests check the system
against the rules, not against itself.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return [row for row in csv.reader(stream) if row]


def parse_moment(cell: str) -> datetime:
    """The hire instant; an empty cell means now, as the server applies it."""
    return datetime.fromisoformat(cell) if cell.strip() else datetime.now(UTC)


def _is_id(cell: str) -> bool:
    return cell.strip().isdigit() and 0 < int(cell) < 2**31


def _row_is_valid(row: list[str]) -> bool:
    id_, name, moment, department, job = row
    if not _is_id(id_) or not name.strip() or len(name) > 255:
        return False
    if any(cell.strip() and not _is_id(cell) for cell in (department, job)):
        return False
    try:
        parse_moment(moment)
    except ValueError:
        return False
    return True


@dataclass
class Verdicts:
    """Per row of the employee file, in file order: "INSERTED" or a reject reason."""

    outcome: list[str]
    inserted: dict[int, list[str]]
    """The stored rows by id."""

    @property
    def reasons(self) -> Counter[str]:
        return Counter(v for v in self.outcome if v != "INSERTED")


def employee_verdicts(
    rows: list[list[str]], department_ids: set[str], job_ids: set[str], batch_size: int
) -> Verdicts:
    """DESIGN.md's rules, batch by batch: INVALID, DUPLICATE_IN_BATCH, ALREADY_EXISTS,
    UNKNOWN_REFERENCE, in that order of precedence."""
    outcome: list[str] = []
    stored: dict[int, list[str]] = {}
    for start in range(0, len(rows), batch_size):
        seen_in_batch: set[int] = set()
        for row in rows[start : start + batch_size]:
            if not _row_is_valid(row):
                outcome.append("INVALID")
                continue
            row_id = int(row[0])
            if row_id in seen_in_batch:
                outcome.append("DUPLICATE_IN_BATCH")
                continue
            seen_in_batch.add(row_id)
            if row_id in stored:
                outcome.append("ALREADY_EXISTS")
            elif (row[3] and row[3] not in department_ids) or (row[4] and row[4] not in job_ids):
                outcome.append("UNKNOWN_REFERENCE")
            else:
                outcome.append("INSERTED")
                stored[row_id] = row
    return Verdicts(outcome, stored)


def quarterly(
    stored: dict[int, list[str]], departments: dict[str, str], jobs: dict[str, str], year: int
) -> list[tuple[str, str, int, int, int, int]]:
    """Hires per quarter of ``year`` per (department, job), sorted in byte order."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in stored.values():
        moment = parse_moment(row[2])
        if moment.year != year or not row[3] or not row[4]:
            continue
        counts[(departments[row[3]], jobs[row[4]])][(moment.month - 1) // 3] += 1
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][0].encode(), kv[0][1].encode()))
    return [(d, j, *q) for (d, j), q in ordered]  # type: ignore[misc]


def above_mean(
    stored: dict[int, list[str]], departments: dict[str, str], year: int
) -> tuple[list[tuple[int, str, int]], float]:
    """Departments hiring more than the mean of departments with a hire that year."""
    hires: Counter[str] = Counter()
    for row in stored.values():
        moment = parse_moment(row[2])
        if moment.year == year and row[3]:
            hires[row[3]] += 1
    if not hires:
        return [], 0.0
    mean = sum(hires.values()) / len(hires)
    above = [(int(d), departments[d], n) for d, n in hires.items() if n > mean]
    above.sort(key=lambda r: (-r[2], r[1], r[0]))
    return above, mean
