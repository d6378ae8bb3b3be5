"""A correction is checked before any call, and told back as what changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from streamlit_app.editing import describe, employee_changes, parse_moment

ROW = pd.Series(
    {
        "name": "Alan Turing",
        "hired (UTC)": "2021-05-01 09:00:00",
        "department_id": 1,
        "job_id": None,
    }
)
DEPARTMENTS = {1: "Sales", 2: "Research"}
JOBS = {7: "Engineer"}


def fields(**changed: object) -> dict[str, object]:
    base: dict[str, object] = {
        "name": "Alan Turing",
        "datetime": "2021-05-01 09:00:00",
        "departmentId": 1,
        "jobId": None,
    }
    return {**base, **changed}


def test_only_what_changed_is_sent_and_said_by_name() -> None:
    patch, changes = employee_changes(
        ROW, fields(departmentId=2, jobId=7, datetime="2021-12-24 08:30"), DEPARTMENTS, JOBS
    )
    assert patch == {
        "departmentId": 2,
        "jobId": 7,
        "datetime": datetime(2021, 12, 24, 8, 30, tzinfo=UTC),
    }
    assert describe(changes) == (
        "hire date 2021-05-01 09:00:00 → 2021-12-24 08:30:00; "
        "department Sales · #1 → Research · #2; job none → Engineer · #7"
    )


def test_nothing_changed_sends_nothing() -> None:
    assert employee_changes(ROW, fields(), DEPARTMENTS, JOBS) == ({}, [])


@pytest.mark.parametrize(
    ("changed", "said"),
    [
        ({"name": "  "}, "Enter the employee's name"),
        ({"datetime": "next tuesday"}, "is not a date and time"),
        ({"departmentId": "abc"}, "Pick the department from the list"),
    ],
)
def test_bad_input_is_refused_in_words_before_any_call(
    changed: dict[str, object], said: str
) -> None:
    with pytest.raises(ValueError, match=said):
        employee_changes(ROW, fields(**changed), DEPARTMENTS, JOBS)


def test_a_typed_time_is_utc_unless_it_says_otherwise() -> None:
    assert parse_moment("2021-03-01 10:00") == datetime(2021, 3, 1, 10, tzinfo=UTC)
    assert parse_moment("2021-03-01T10:00:00+02:00") == datetime(2021, 3, 1, 8, tzinfo=UTC)
    assert parse_moment("2021-03-01T10:00:00Z") == datetime(2021, 3, 1, 10, tzinfo=UTC)
