"""Row rules as properties (hypothesis): whatever a client sends, one verdict per row.

The example-based tests (test_validation.py) pin each rule's wording; these
hold the rules' promises over values nobody thought to write down: a verdict
never raises, what is accepted is storable everywhere (Redshift, DuckDB, Avro
timestamp-millis, UTF-8), and what is refused names a field of the row.
"""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from resolvers.core.tables import MAX_ID, MAX_NAME_LENGTH, Department, Employee, Table
from resolvers.core.validation import RowProblem, stored_row_problems, validate_row

NOW = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
FIELDS = {
    Table.DEPARTMENTS: {"id", "department"},
    Table.JOBS: {"id", "job"},
    Table.HIRED_EMPLOYEES: {"id", "name", "datetime", "departmentId", "jobId"},
}

# Anything JSON (or a CSV, or a fuzzer) can put in a cell, surrogates and NUL included.
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(st.characters(codec=None)),
    st.text(string.digits + " -+.e", max_size=12),
    st.datetimes(timezones=st.none() | st.timezones()).map(lambda d: d.isoformat()),
    st.lists(st.integers(), max_size=2),
)


def rows(table: Table) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(st.sampled_from(sorted(FIELDS[table])), anything)


def storable(text: str) -> bool:
    return all(not (0xD800 <= ord(c) <= 0xDFFF) and ord(c) >= 0x20 for c in text) and all(
        not (0x7F <= ord(c) <= 0x9F) for c in text
    )


@settings(max_examples=200, deadline=None)
@given(table=st.sampled_from(list(Table)), data=st.data())
def test_every_row_gets_a_verdict_and_never_an_exception(table: Table, data: Any) -> None:
    row = data.draw(rows(table))
    verdict = validate_row(table, row, NOW)
    if isinstance(verdict, RowProblem):
        assert verdict.field in FIELDS[table]
        assert verdict.message.startswith(f"{verdict.field}: ")
        return
    assert 1 <= verdict.id <= MAX_ID
    for name in (getattr(verdict, f, None) for f in ("department", "job", "name")):
        if name is not None:
            assert name.strip() and len(name) <= MAX_NAME_LENGTH and storable(name)
            name.encode("utf-8")  # a lone surrogate would raise here
    if isinstance(verdict, Employee):
        moment = verdict.datetime
        assert moment.tzinfo is UTC and moment.microsecond % 1000 == 0
        assert 1 <= moment.year <= 9999
        for reference in (verdict.department_id, verdict.job_id):
            assert reference is None or 1 <= reference <= MAX_ID


@settings(max_examples=100, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    offset_minutes=st.integers(-23 * 60 - 59, 23 * 60 + 59),
)
def test_a_datetime_is_the_same_instant_in_utc_or_invalid_only_off_the_calendar(
    moment: datetime, offset_minutes: int
) -> None:
    from datetime import timezone

    aware = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    row = {"id": 1, "name": "A", "datetime": aware.isoformat()}
    verdict = validate_row(Table.HIRED_EMPLOYEES, row, NOW)
    try:
        expected = aware.astimezone(UTC)
    except OverflowError:
        assert isinstance(verdict, RowProblem) and verdict.field == "datetime"
        assert "years 1 and 9999" in verdict.rule
        return
    assert isinstance(verdict, Employee)
    assert verdict.datetime == expected.replace(microsecond=expected.microsecond // 1000 * 1000)


@settings(max_examples=100, deadline=None)
@given(
    id=st.integers(1, MAX_ID),
    as_text=st.booleans(),
    name=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=255
    ).filter(str.strip),
)
def test_every_well_formed_row_is_accepted_unchanged(id: int, as_text: bool, name: str) -> None:
    raw_id: int | str = str(id) if as_text else id
    assert validate_row(Table.DEPARTMENTS, {"id": raw_id, "department": name}, NOW) == (
        Department(id, name)
    )


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.text(max_size=10),
    bad=st.characters(categories=["Cc", "Cs"]),
    suffix=st.text(max_size=10),
)
def test_a_name_with_a_control_character_or_lone_surrogate_is_refused(
    prefix: str, bad: str, suffix: str
) -> None:
    name = f"A{prefix}{bad}{suffix}"
    verdict = validate_row(Table.JOBS, {"id": 1, "job": name}, NOW)
    assert isinstance(verdict, RowProblem) and verdict.field == "job"


STORED_NAMES = {"departmentId": "department_id", "jobId": "job_id"}


@settings(max_examples=300, deadline=None)
@given(table=st.sampled_from(list(Table)), data=st.data())
def test_a_restored_row_is_refused_exactly_when_an_insert_would_refuse_it(
    table: Table, data: Any
) -> None:
    """A restore re-checks rows with its own loop (column names, no record built): the
    same verdict, and the same words, as an insert's for the same values."""
    row = data.draw(rows(table))
    stored = {STORED_NAMES.get(key, key): value for key, value in row.items()}

    inserted = validate_row(table, row, NOW)
    problems = list(stored_row_problems(table, [stored], NOW))

    if isinstance(inserted, RowProblem):
        assert problems == [(0, inserted)]
    else:
        assert problems == []
