"""Every row rule, one verdict at a time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from resolvers.core.tables import Department, Employee, Job, Table
from resolvers.core.validation import RowProblem, validate_row

NOW = datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)


def problem(table: Table, row: object) -> RowProblem:
    verdict = validate_row(table, row, NOW)
    assert isinstance(verdict, RowProblem), f"expected a problem, got {verdict}"
    return verdict


@pytest.mark.parametrize(
    ("raw_id", "expected"),
    [(1, 1), ("42", 42), (" 7 ", 7), (2**31 - 1, 2**31 - 1)],
)
def test_ids_accept_positive_integers_as_numbers_or_text(raw_id: object, expected: int) -> None:
    assert validate_row(Table.DEPARTMENTS, {"id": raw_id, "department": "HR"}, NOW) == Department(
        expected, "HR"
    )


@pytest.mark.parametrize(
    ("raw_id", "rule"),
    [
        (None, "is required"),
        ("", "is required"),
        (0, "must be a positive integer"),
        (-3, "must be a positive integer"),
        ("1.5", "must be a positive integer"),
        (1.0, "must be a positive integer"),
        ("abc", "must be a positive integer"),
        (True, "must be a positive integer"),
        ("١٢", "must be a positive integer"),  # Arabic-Indic digits are not an id
        (2**31, "must be at most 2147483647"),
        # Past Python's 4,300-digit limit on reading integers: the row's mistake, named.
        ("9" * 5000, "must be at most 2147483647, got a number of 5000 digits"),
        (" " + "9" * 5000, "must be at most 2147483647, got a number of 5000 digits"),
        pytest.param(
            10**4000, "must be at most 2147483647, got a number of 4001 digits", id="huge"
        ),
    ],
)
def test_bad_ids_are_invalid_and_named(raw_id: object, rule: str) -> None:
    found = problem(Table.JOBS, {"id": raw_id, "job": "Dev"})
    assert found.field == "id"
    assert rule in found.rule


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        (None, "is required"),
        ("", "must not be empty"),
        ("   ", "must not be empty"),
        ("x" * 256, "at most 255 characters"),
        (12, "must be a string"),
    ],
)
@pytest.mark.parametrize(
    ("table", "field"),
    [(Table.DEPARTMENTS, "department"), (Table.JOBS, "job"), (Table.HIRED_EMPLOYEES, "name")],
)
def test_names_must_be_non_empty_and_short(
    table: Table, field: str, name: object, rule: str
) -> None:
    found = problem(table, {"id": 1, field: name})
    assert (found.field, rule in found.rule) == (field, True)


def test_a_name_of_exactly_255_characters_including_multibyte_ones_is_fine() -> None:
    name = "é" * 255
    assert validate_row(Table.JOBS, {"id": 1, "job": name}, NOW) == Job(1, name)


def test_datetimes_are_stored_in_utc_with_millisecond_precision() -> None:
    row = {"id": 1, "name": "Ana", "datetime": "2021-07-27T16:02:08.987654+02:00"}
    verdict = validate_row(Table.HIRED_EMPLOYEES, row, NOW)
    assert isinstance(verdict, Employee)
    assert verdict.datetime == datetime(2021, 7, 27, 14, 2, 8, 987000, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["2021-07-27T16:02:08Z", "2021-07-27T16:02:08", "2021-07-27 16:02:08+00:00"],
)
def test_iso_8601_forms_are_accepted_and_naive_means_utc(text: str) -> None:
    verdict = validate_row(Table.HIRED_EMPLOYEES, {"id": 1, "name": "A", "datetime": text}, NOW)
    assert isinstance(verdict, Employee)
    assert verdict.datetime == datetime(2021, 7, 27, 16, 2, 8, tzinfo=UTC)


@pytest.mark.parametrize("row", [{"id": 1, "name": "A", "datetime": None}, {"id": 1, "name": "A"}])
def test_absent_datetime_defaults_to_now_in_utc(row: dict[str, object]) -> None:
    verdict = validate_row(Table.HIRED_EMPLOYEES, row, NOW.astimezone(timezone(timedelta(hours=3))))
    assert isinstance(verdict, Employee)
    assert verdict.datetime == NOW.replace(microsecond=123000)
    assert verdict.datetime.tzinfo == UTC


@pytest.mark.parametrize(
    "text", ["yesterday", "2021-13-01T00:00:00Z", "2021-02-30", "12", "", "  "]
)
def test_unparseable_datetimes_are_invalid(text: str) -> None:
    found = problem(Table.HIRED_EMPLOYEES, {"id": 1, "name": "A", "datetime": text})
    assert found.field == "datetime"
    assert "ISO-8601" in found.rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("2021-01-01T00:00:00Z\x00", "a control character (U+0000 at position 20)"),
        ("2021-01-01T00:00:00\x00Z", "a control character (U+0000 at position 19)"),
        ("2021-01-01T00:00:00Z\ud800", "a lone surrogate (U+D800 at position 20)"),
    ],
)
def test_a_datetime_holding_what_no_warehouse_stores_is_invalid(text: str, rule: str) -> None:
    found = problem(Table.HIRED_EMPLOYEES, {"id": 1, "name": "A", "datetime": text})
    assert (found.field, found.rule) == ("datetime", f"must not contain {rule}")


def test_references_are_optional_but_must_be_positive_integers() -> None:
    fine = validate_row(
        Table.HIRED_EMPLOYEES, {"id": 1, "name": "A", "departmentId": "3", "jobId": None}, NOW
    )
    assert isinstance(fine, Employee)
    assert (fine.department_id, fine.job_id) == (3, None)
    found = problem(Table.HIRED_EMPLOYEES, {"id": 1, "name": "A", "jobId": "-1"})
    assert found.field == "jobId"


@pytest.mark.parametrize("row", [None, [1, "HR"], "1,HR", 5])
def test_a_row_that_is_not_an_object_is_invalid(row: object) -> None:
    found = problem(Table.DEPARTMENTS, row)
    assert found.field is None
    assert "object" in found.message


@pytest.mark.parametrize(
    "text",
    ["0001-01-01T00:00:00+05:30", "0001-01-01T03:00:00+05:00", "9999-12-31T23:59:59-00:01"],
)
def test_a_datetime_leaving_the_calendar_in_utc_is_invalid_for_its_row_alone(text: str) -> None:
    found = problem(Table.HIRED_EMPLOYEES, {"id": 1, "name": "A", "datetime": text})
    assert (found.field, found.rule) == (
        "datetime",
        "must fall between years 1 and 9999 once converted to UTC",
    )


def test_the_calendar_s_edges_in_utc_are_fine() -> None:
    row = {"id": 1, "name": "A", "datetime": "0001-01-01T05:30:00+05:30"}
    verdict = validate_row(Table.HIRED_EMPLOYEES, row, NOW)
    assert isinstance(verdict, Employee)
    assert verdict.datetime == datetime(1, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "what", "code", "position"),
    [
        ("Ana\x00Ruiz", "a control character", "U+0000", 3),
        ("\tAna", "a control character", "U+0009", 0),
        ("Ana\nRuiz", "a control character", "U+000A", 3),
        ("Ana\x7f", "a control character", "U+007F", 3),
        ("Ana\x85", "a control character", "U+0085", 3),
        ("Ana \ud800", "a lone surrogate", "U+D800", 4),
        ("\udfff", "a lone surrogate", "U+DFFF", 0),
    ],
)
def test_names_a_warehouse_cannot_store_are_invalid(
    name: str, what: str, code: str, position: int
) -> None:
    for table, field in ((Table.DEPARTMENTS, "department"), (Table.HIRED_EMPLOYEES, "name")):
        found = problem(table, {"id": 1, field: name})
        assert (found.field, found.rule) == (
            field,
            f"must not contain {what} ({code} at position {position})",
        )


def test_non_ascii_letters_and_emoji_are_fine() -> None:
    name = "Zoë Ñúñez 🙂 李"
    assert validate_row(Table.JOBS, {"id": 1, "job": name}, NOW) == Job(1, name)
