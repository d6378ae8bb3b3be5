"""Dates in a question: years, quarters, months, halves and ranges, as one [start, end) period.

Relative dates ("last year", "this month") are not resolved: the answer
would change with the day it is asked, and the data may not reach today.
The engine refuses them and asks for a named period instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_NAMES = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
ORDINALS |= {"fourth": 4, "4th": 4, "last": 4}

_YEAR = r"(19\d{2}|20\d{2}|21\d{2})"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_ISO = r"(\d{4}-\d{2}-\d{2})"
_POINT = rf"(?:{_ISO}|{_MONTH}\.?\s+(?:of\s+)?{_YEAR}|{_YEAR})"

RELATIVE = re.compile(
    r"\b(this|last|next|previous|past|current|recent)\s+(\d+\s+)?(year|quarter|month|week|day)s?\b"
    r"(?!\s+(?:of\s+|in\s+)?(?:19|20|21)\d{2})"
    r"|\b(today|yesterday|ytd|year to date)\b"
)
RANGE = re.compile(rf"\b(?:between|from)\s+{_POINT}\s+(?:and|to|until|through|till|-)\s+{_POINT}")
MONTH_RANGE = re.compile(
    rf"\b(?:between|from)\s+{_MONTH}\s+(?:and|to|until|through|till|-)\s+{_MONTH}\s+(?:of\s+)?{_YEAR}\b"
)
DAY = re.compile(rf"\b(?:on\s+)?{_ISO}")
SINCE = re.compile(rf"\b(since|after|from|starting)\s+{_POINT}")
BEFORE = re.compile(rf"\b(before|until|till|up to|prior to)\s+{_POINT}")
QUARTER_YEAR = re.compile(
    rf"\bq([1-4])\s*(?:of\s+|in\s+)?{_YEAR}\b"
    rf"|\b{_YEAR}\s*q([1-4])\b"
    rf"|\b(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+|in\s+)?{_YEAR}\b"
    rf"|\bquarter\s+([1-4])\s+(?:of\s+|in\s+)?{_YEAR}\b"
)
QUARTER_ALONE = re.compile(
    r"\bq([1-4])\b|\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b|\bquarter\s+([1-4])\b"
)
HALF_YEAR = re.compile(
    rf"\b(first|second|1st|2nd)\s+half\s+(?:of\s+|in\s+)?{_YEAR}\b|\bh([12])\s*(?:of\s+)?{_YEAR}\b"
)
MONTH_YEAR = re.compile(rf"\b{_MONTH}\.?\s+(?:of\s+)?{_YEAR}\b")
MONTH_ALONE = re.compile(r"\b(?:in|during)\s+" + _MONTH + r"\b")
YEAR = re.compile(rf"\b{_YEAR}\b")


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None
    """None: open (no lower bound)."""
    end: date | None
    """Exclusive; None: open."""
    label: str


@dataclass(slots=True)
class TimeFrame:
    period: Period | None = None
    years: list[int] = field(default_factory=list)
    """Every distinct year named, in order (for comparisons between years)."""
    relative: str | None = None
    is_range: bool = False
    rest: str = ""
    """The question with its dates blanked out, for the intent parser."""


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year + 1, 1, 1), str(year))


def quarter_period(year: int, quarter: int) -> Period:
    start = _month_start(year, 3 * quarter - 2)
    return Period(start, _month_start(year, 3 * quarter + 1), f"Q{quarter} {year}")


def month_period(year: int, month: int) -> Period:
    return Period(
        _month_start(year, month), _month_start(year, month + 1), f"{MONTH_NAMES[month]} {year}"
    )


def _point(groups: tuple[str | None, ...], end: bool) -> date:
    """A range end point: an ISO date, a month of a year, or a year (start, or end if ``end``)."""
    iso, month, month_year, year = groups
    if iso:
        moment = date.fromisoformat(iso)
        return date.fromordinal(moment.toordinal() + 1) if end else moment
    if month and month_year:
        number = MONTHS[month]
        return _month_start(int(month_year), number + 1 if end else number)
    assert year is not None
    return date(int(year) + 1 if end else int(year), 1, 1)


def parse(text: str) -> TimeFrame:
    """The period a question names, from its lower-cased text."""
    frame = TimeFrame(rest=text)
    relative = RELATIVE.search(text)
    if relative:
        frame.relative = relative.group(0)
    frame.years = list(dict.fromkeys(int(y) for y in YEAR.findall(text)))
    try:
        _find_period(frame)
    except ValueError:
        frame.period = None
        frame.relative = frame.relative or "an impossible date"
    return frame


def _blank(frame: TimeFrame, match: re.Match[str]) -> None:
    start, end = match.span()
    frame.rest = frame.rest[:start] + " " * (end - start) + frame.rest[end:]


def _find_period(frame: TimeFrame) -> None:
    text = frame.rest
    if match := RANGE.search(text):
        start = _point(match.groups()[:4], end=False)
        end = _point(match.groups()[4:], end=True)
        label = f"from {start.isoformat()} to before {end.isoformat()}"
        frame.period, frame.is_range = Period(start, end, label), True
    elif match := MONTH_RANGE.search(text):
        year = int(match.group(3))
        start = _month_start(year, MONTHS[match.group(1)])
        end = _month_start(year, MONTHS[match.group(2)] + 1)
        label = f"from {start.isoformat()} to before {end.isoformat()}"
        frame.period, frame.is_range = Period(start, end, label), True
    elif match := SINCE.search(text):
        start = _point(match.groups()[1:5], end=match.group(1) == "after")
        frame.period, frame.is_range = Period(start, None, f"since {start.isoformat()}"), True
    elif match := BEFORE.search(text):
        end = _point(match.groups()[1:5], end=False)
        frame.period, frame.is_range = Period(None, end, f"before {end.isoformat()}"), True
    elif match := DAY.search(text):
        day = date.fromisoformat(match.group(1))
        frame.period = Period(day, date.fromordinal(day.toordinal() + 1), day.isoformat())
    elif match := QUARTER_YEAR.search(text):
        g = match.groups()
        quarter = int(g[0] or g[3] or ORDINALS.get(g[4] or "", 0) or g[6])
        year = int(g[1] or g[2] or g[5] or g[7])
        frame.period = quarter_period(year, quarter)
    elif match := HALF_YEAR.search(text):
        g = match.groups()
        half = 1 if (g[0] in ("first", "1st") or g[2] == "1") else 2
        year = int(g[1] or g[3])
        start = _month_start(year, 1 if half == 1 else 7)
        frame.period = Period(start, _month_start(year, 7 if half == 1 else 13), f"H{half} {year}")
    elif match := MONTH_YEAR.search(text):
        frame.period = month_period(int(match.group(2)), MONTHS[match.group(1)])
    elif len(frame.years) == 1 and (match := QUARTER_ALONE.search(text)):
        g = match.groups()
        quarter = int(g[0] or ORDINALS.get(g[1] or "", 0) or g[2])
        frame.period = quarter_period(frame.years[0], quarter)
        _blank(frame, match)
        match = YEAR.search(frame.rest)
    elif len(frame.years) == 1 and (match := MONTH_ALONE.search(text)):
        frame.period = month_period(frame.years[0], MONTHS[match.group(1)])
        _blank(frame, match)
        match = YEAR.search(frame.rest)
    elif len(frame.years) == 1:
        match = YEAR.search(text)
        frame.period = year_period(frame.years[0])
    if match:
        _blank(frame, match)
