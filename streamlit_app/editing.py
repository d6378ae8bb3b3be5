"""A correction, checked before any call and told back to a person as what changed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from client.models import EmployeePatch

DATE_HINT = "Write the hire date as YYYY-MM-DD HH:MM in UTC, e.g. 2021-03-01 09:30."


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def describe(changes: list[Change]) -> str:
    """``hire date 2021-05-01 09:00:00 → 2021-12-24 08:30:00; job none → Analyst · #2``."""
    return "; ".join(f"{c.field} {c.before or 'none'} → {c.after or 'none'}" for c in changes)


def parse_moment(typed: str) -> datetime:
    """Typed text as a UTC instant; ValueError in plain words when it is not a date and time."""
    text = typed.strip()
    if not text:
        raise ValueError("Enter the hire date (it cannot be empty). " + DATE_HINT)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"“{text}” is not a date and time. {DATE_HINT}") from None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _id(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _named(names: Mapping[int, str], value: int | None) -> str:
    return "" if value is None else f"{names.get(value, 'unknown')} · #{value}"


def employee_changes(
    row: Mapping[str, Any],
    fields: Mapping[str, Any],
    departments: Mapping[int, str],
    jobs: Mapping[int, str],
) -> tuple[EmployeePatch, list[Change]]:
    """Only what changed, checked: a name that is not blank, a date that parses, known ids."""
    patch: EmployeePatch = {}
    changes: list[Change] = []
    name = str(fields["name"]).strip()
    if not name:
        raise ValueError("Enter the employee's name (it cannot be empty).")
    if name != row["name"]:
        patch["name"] = name
        changes.append(Change("name", str(row["name"]), name))
    moment = parse_moment(str(fields["datetime"]))
    shown = moment.strftime("%Y-%m-%d %H:%M:%S")
    if shown != row["hired (UTC)"]:
        patch["datetime"] = moment
        changes.append(Change("hire date", str(row["hired (UTC)"]), shown))
    for key, column, noun, names in (
        ("departmentId", "department_id", "department", departments),
        ("jobId", "job_id", "job", jobs),
    ):
        chosen = fields[key]
        if chosen is not None and not isinstance(chosen, int):
            raise ValueError(f"Pick the {noun} from the list.")
        before = _id(row[column])
        if chosen != before:
            patch[key] = chosen  # type: ignore[literal-required]
            changes.append(Change(noun, _named(names, before), _named(names, chosen)))
    return patch, changes
