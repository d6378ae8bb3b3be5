"""Row rules: each raw row becomes a record or a problem naming the field and the rule.

Raw rows use the API's field names (``departmentId``) because those are the
names a user sees in a rejection message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from resolvers.core.errors import ValidationError
from resolvers.core.tables import (
    MAX_ID,
    MAX_NAME_LENGTH,
    Department,
    Employee,
    Job,
    Record,
    Table,
)

T = TypeVar("T")

_UNSTORABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (Redshift cannot store NUL; none belongs in a name) and lone
surrogates (not Unicode: they cannot be encoded as UTF-8, so no warehouse can store them)."""


ISO_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"([T ][0-9]{2}(:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?"
)
"""The ISO-8601 shapes a datetime may take: a date, then optionally a time after T or a space,
a fraction, and Z or a +HH[:MM] offset. Narrower than datetime.fromisoformat (which also
takes week dates, any separator, offsets with seconds): a file import decides the same rule
in SQL (sql/imports/datetime_problem.sql), and both must agree on every value."""


ISO_RULE = "must be an ISO-8601 date-time in extended form, like 2021-07-27T16:02:08Z"
"""What a refused datetime is told: the extended form is what ISO_DATETIME takes (a week date
or 20210727 is ISO-8601 too, so "not ISO-8601" would not be true of them)."""


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row is INVALID."""

    field: str | None
    rule: str

    @property
    def message(self) -> str:
        return f"{self.field}: {self.rule}" if self.field else self.rule


class _Invalid(Exception):
    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}")
        self.problem = RowProblem(field, rule)


_ID_DIGITS = len(str(MAX_ID))


def parse_id(value: Any, field: str = "id", *, required: bool = True) -> int | None:
    """Accept 42 or "42"; refuse 0, negatives, fractions, booleans and ids beyond 32 bits.

    Digits are counted before they are read: Python refuses to read more than
    4,300 of them, and a 5,000-digit id is the row's mistake, not a failure of ours.
    """
    if type(value) is str and value.isdigit() and value.isascii() and len(value) <= _ID_DIGITS:
        number = int(value)  # the usual id, as a CSV or the API's ID type sends it: no strip
        if 1 <= number <= MAX_ID:
            return number
    elif type(value) is int and 1 <= value <= MAX_ID:
        return value  # as a backup's rows and an Int argument hold it
    if isinstance(value, str):
        value = value.strip() or None  # strip once: this runs for every id of every batch
    if value is None:
        if required:
            raise _Invalid(field, "is required")
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        digits = value.lstrip("0")
        if len(digits) > _ID_DIGITS:
            raise _Invalid(field, f"must be at most {MAX_ID}, got a number of {len(digits)} digits")
        number = int(digits or "0")
    else:
        raise _Invalid(field, f"must be a positive integer, got {str(value)[:40]!r}")
    if number < 1:
        raise _Invalid(field, f"must be a positive integer, got {number}")
    if number > MAX_ID:
        shown = number if number.bit_length() < 64 else f"a number of {len(str(number))} digits"
        raise _Invalid(field, f"must be at most {MAX_ID}, got {shown}")
    return number


def parse_name(value: Any, field: str) -> str:
    if value is None:
        raise _Invalid(field, "is required")
    if not isinstance(value, str):
        raise _Invalid(field, "must be a string")
    if not value.strip():
        raise _Invalid(field, "must not be empty")
    if len(value) > MAX_NAME_LENGTH:
        raise _Invalid(field, f"must be at most {MAX_NAME_LENGTH} characters, got {len(value)}")
    _refuse_unstorable(value, field)
    return value


def _refuse_unstorable(value: str, field: str) -> None:
    bad = None if value.isprintable() else _UNSTORABLE.search(value)  # printable: the usual
    if bad:
        code = ord(bad.group())
        what = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
        raise _Invalid(field, f"must not contain {what} (U+{code:04X} at position {bad.start()})")


def parse_datetime(value: Any, field: str, now: datetime) -> datetime:
    """ISO-8601, any offset (naive means UTC); stored in UTC with millisecond precision.

    Only an absent value (None) means now: an empty string is a mistake, not a default.
    A moment that leaves the calendar once shifted to UTC (0001-01-01T00:00+05:30)
    is INVALID for its row alone.
    """
    if value is None:
        moment = now
    elif isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        value = value.strip()
        _refuse_unstorable(value, field)  # fromisoformat lets a trailing NUL through
        try:
            if not ISO_DATETIME.fullmatch(value):
                raise ValueError(value)
            moment = datetime.fromisoformat(value)
        except ValueError:
            problem = f"{ISO_RULE}, got {value[:40]!r}"
            raise _Invalid(field, problem) from None
    else:
        raise _Invalid(field, "must be an ISO-8601 date-time string")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    elif moment.tzinfo is not UTC:  # already UTC (a "Z", a stored row): no shift to pay for
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:
            raise _Invalid(
                field, "must fall between years 1 and 9999 once converted to UTC"
            ) from None
    if moment.microsecond % 1000:
        moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    return moment


def _department(row: Mapping[str, Any], now: datetime) -> Department:
    return Department(
        id=_required_id(row),
        department=parse_name(row.get("department"), "department"),
    )


def _job(row: Mapping[str, Any], now: datetime) -> Job:
    return Job(id=_required_id(row), job=parse_name(row.get("job"), "job"))


def _employee(row: Mapping[str, Any], now: datetime) -> Employee:
    # Fields by position: keywords made a 1000-row batch's validation a fifth slower.
    return Employee(
        _required_id(row),
        parse_name(row.get("name"), "name"),
        parse_datetime(row.get("datetime"), "datetime", now),
        parse_id(row.get("departmentId"), "departmentId", required=False),
        parse_id(row.get("jobId"), "jobId", required=False),
    )


def _required_id(row: Mapping[str, Any]) -> int:
    number = parse_id(row.get("id"))
    assert number is not None
    return number


_PARSERS: dict[Table, Callable[[Mapping[str, Any], datetime], Record]] = {
    Table.DEPARTMENTS: _department,
    Table.JOBS: _job,
    Table.HIRED_EMPLOYEES: _employee,
}


def validate_row(table: Table, row: Any, now: datetime) -> Record | RowProblem:
    """One row's verdict on its own: a record ready to store, or the first rule it breaks."""
    if type(row) is not dict and not isinstance(row, Mapping):  # a dict skips the ABC's check
        return RowProblem(None, "row must be an object")
    try:
        return _PARSERS[table](row, now)
    except _Invalid as invalid:
        return invalid.problem


def stored_row_problems(
    table: Table, rows: Iterable[Mapping[str, Any]], now: datetime
) -> Iterator[tuple[int, RowProblem]]:
    """(index, problem) for each row read back from storage (a backup being restored) that
    breaks the rules of ``validate_row``. Rows use column names (``department_id``) and no
    record is built, as this runs per row of a whole table; problems are worded as an
    insert words them (``departmentId``). One loop here, with a checker per table, rather
    than a call per row from outside: a restore's re-check took 0.7 of the time."""
    check = _STORED_CHECKS[table]
    for index, row in enumerate(rows):
        try:
            check(row, now)
        except _Invalid as invalid:
            yield index, invalid.problem


def _stored_department(row: Mapping[str, Any], now: datetime) -> None:
    parse_id(row.get("id"))
    parse_name(row.get("department"), "department")


def _stored_job(row: Mapping[str, Any], now: datetime) -> None:
    parse_id(row.get("id"))
    parse_name(row.get("job"), "job")


def _stored_employee(row: Mapping[str, Any], now: datetime) -> None:
    parse_id(row.get("id"))
    parse_name(row.get("name"), "name")
    parse_datetime(row.get("datetime"), "datetime", now)
    parse_id(row.get("department_id"), "departmentId", required=False)
    parse_id(row.get("job_id"), "jobId", required=False)


_STORED_CHECKS: dict[Table, Callable[[Mapping[str, Any], datetime], None]] = {
    Table.DEPARTMENTS: _stored_department,
    Table.JOBS: _stored_job,
    Table.HIRED_EMPLOYEES: _stored_employee,
}


def checked(parse: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Apply one parser to a lone argument (not a batch row), raising ValidationError."""
    try:
        return parse(*args, **kwargs)
    except _Invalid as invalid:
        raise ValidationError(invalid.problem.field or "argument", invalid.problem.rule) from None
