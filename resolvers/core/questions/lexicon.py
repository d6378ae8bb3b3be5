"""The offline engine's words: tokens, and the vocabulary of linguistic_schema.toml.

The vocabulary (filler, synonyms, short names, months, seasons, named days,
what the data lacks) is data in linguistic_schema.toml, read here once; the
grammar that reads question shapes stays in code.

A question is read as tokens. Every token must be consumed by a rule
(parse.py, dates.py) or be filler from FILLER; anything else is named back
to the user in a refusal. Words that carry meaning (not, but, except, and, or,
second, fewer, between, since, before, after ...) are deliberately absent
from FILLER: if no rule used them, the question meant something the engine
did not read, and it must say so rather than answer without them (the schema
lists them under [meaning], and a test holds filler and meaning apart).
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

SCHEMA_FILE = "linguistic_schema.toml"


def _load() -> dict[str, Any]:
    """The linguistic schema, read from the package (so an installed wheel has it too)."""
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


SCHEMA = _load()
"""linguistic_schema.toml as read: the words for each table, column, measure and period."""


def _words(*lists: Iterable[str]) -> frozenset[str]:
    return frozenset(word for words in lists for word in words)


_SUBJECT = SCHEMA["tables"]["hired_employees"]
MEANING = frozenset(SCHEMA["meaning"]["words"])
"""Words that change which rows answer: never filler, never a spelling correction's guess."""
FILLER = _words(_SUBJECT["words"], SCHEMA["filler"]["words"], SCHEMA["chat"]["words"])
"""Words that change nothing about which rows answer the question, whatever the question."""
CHAT_WORDS = frozenset(SCHEMA["chat"]["words"])
"""Politeness and chat ('ty', 'cheers'): also a word of a person's full name ('Ty Hofer')."""

NUMBERS: dict[str, int] = dict(SCHEMA["numbers"])
ORDINALS: dict[str, int] = dict(SCHEMA["ordinals"])
MONTHS: dict[str, int] = {
    word: int(number) for number, words in SCHEMA["periods"]["months"].items() for word in words
}
MONTH_NAMES = ("", *(words[0].title() for words in SCHEMA["periods"]["months"].values()))
SEASONS: dict[str, tuple[int, int]] = {
    name: (first, last) for name, (first, last) in SCHEMA["periods"]["seasons"].items()
}
"""Season -> (first month, last month); a winter runs into the next year."""

UNSUPPORTED: dict[str, str] = dict(SCHEMA["unsupported"])
"""What the data does not hold (it has hires, departments and jobs only)."""
WRITE_WORDS = frozenset(SCHEMA["write"]["words"])
LOOKUP_WORDS = frozenset(SCHEMA["lookups"]["words"])
"""The words a lookup of a person says around the person ('hire date for ...')."""
LOOKUP_CUES = frozenset(SCHEMA["lookups"]["cues"])
"""Those of them that ask something of the person (a fact, or the record itself)."""

KIND_CUES: dict[str, Literal["department", "job"]] = {
    **dict.fromkeys(SCHEMA["tables"]["departments"]["cues"], "department"),
    **dict.fromkeys(SCHEMA["tables"]["jobs"]["cues"], "job"),
}
"""Words that say which table the name beside them is from ('the Sales department')."""
DEPARTMENT_AFTER_NAME = frozenset(SCHEMA["tables"]["departments"]["after_name"])
"""Other words for department right after a department's name ('the Legal group')."""

_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?|[a-z][a-z0-9]*|%|,|'[^']{1,100}'|\"[^\"]{1,100}\""
)
DROPPED = frozenset({"s", "t"})
"""What an apostrophe leaves alone ("team's" -> team s): dropped as a possessive."""


def token_pattern() -> str:
    return _TOKEN.pattern


def split_apostrophes(text: str) -> str:
    """An apostrophe inside a word becomes a space (the same length: spans stay put)."""
    return re.sub(r"(?<=[a-z])'(?=[a-z])", " ", text)


_PERIOD_WORD = r"(?:q[1-4]|h[12]|[a-z]{3,9}|(?:19|20)\d\d)"
_DASHED = re.compile(
    rf"\b({_PERIOD_WORD})(?: ?[-\u2013\u2014] ?|\.{{2,3}})({_PERIOD_WORD})\b", re.IGNORECASE
)
_SHORT_YEAR = re.compile(r"\b(q[1-4]|h[12]|[a-z]{3,9})( of)? ?'(\d\d)\b", re.IGNORECASE)
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_YEAR_FIRST = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_DAY = rf"[a-z]{{3,9}} {_DAY}|{_DAY} [a-z]{{3,9}}"
_DASHED_DAYS = re.compile(rf"\b({_MONTH_DAY}) ?[-\u2013\u2014] ?({_MONTH_DAY})\b", re.IGNORECASE)
_DASHED_IN_MONTH = re.compile(
    rf"\b(?:(?:the )?week of )?([a-z]{{3,9}}) ({_DAY}) ?[-\u2013\u2014] ?({_DAY})\b",
    re.IGNORECASE,
)
_DAYS_OF_ONE_MONTH = re.compile(
    rf"\b(?:the )?({_DAY})(?: of)? (to|until|till|through|thru|and) (?:the )?({_DAY})(?: of)?"
    rf" ([a-z]{{3,9}})\b",
    re.IGNORECASE,
)
"""'3rd to 9th May', 'from the 3rd to the 9th of May', 'between 3 and 9 May': days of a month."""
_DASHED_DAYS_FIRST = re.compile(
    rf"\b(?:(?:the )?week of )?(?:the )?({_DAY}) ?[-\u2013\u2014] ?({_DAY})(?: of)?"
    rf" ([a-z]{{3,9}})\b",
    re.IGNORECASE,
)
"""'6-12 June', 'the week of 3-9 May' (any dash): two days of one month, a range."""


_COUNTED = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
_PART_OF_MONTH = re.compile(
    rf"\b(?:(?:in|during|for|over|within) )?(?:the )?"
    rf"(?P<end>first|last|final|opening|closing|second|1st|2nd)"
    rf" (?:(?P<n>{_COUNTED}) )?(?P<unit>days|weeks|week|fortnight|half)(?: of| in)"
    rf"(?: the month of)? (?P<month>[a-z]{{3,9}})"
    rf"(?:(?: of| in)?(?: ,)? (?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
"""'the first 10 days of March 2021', 'the last week of December', 'first two weeks of June'."""
_PART_OF_YEAR = re.compile(
    rf"\b(?:(?:in|during|for|over|within) )?(?:the )?(?P<end>first|last|final|opening|closing)"
    rf" (?:(?P<n>{_COUNTED}) )?(?P<unit>days|weeks|week|fortnight|months|month)(?: of| in)"
    rf"(?: the year)? (?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""'the last 10 days of 2021', 'the first 4 months of 2022': the start or end of a year."""
_BRACKETED_DAYS = re.compile(
    rf"\b(?:(?:in|during|for|over|within) )?(?P<month>[a-z]{{3,9}})(?P<year> (?:19|20)\d\d)?"
    rf" ?\( ?(?:days? )?(?:the )?(?P<a>{_DAY})"
    rf" ?(?:[-\u2013\u2014]|to|through|thru|until|till) ?(?:the )?(?P<b>{_DAY})"
    rf"(?P<tail>(?: inclusive)?) ?\)",
    re.IGNORECASE,
)
"""'June 2021 (1st-14th)', 'March (the 3rd to the 9th)': the days of that month."""
_RESTATED_DAYS = re.compile(
    rf"\bfrom (?P<a>\d{{1,2}}) (?P<month>[a-z]{{3,9}}) to (?P<b>\d{{1,2}}) (?P=month)"
    rf"(?P<year> (?:19|20)\d\d)? ?\( ?(?:days? )?(?:the )?(?P<a2>{_DAY})"
    rf" ?(?:[-\u2013\u2014]|to|through|thru|until|till) ?(?:the )?(?P<b2>{_DAY})"
    rf"(?: inclusive)? ?\)",
    re.IGNORECASE,
)
"""'the opening week of March 2022 (days 1 to 7)': the days in brackets say the range again."""


def _restated_days(match: re.Match[str]) -> str:
    """The range without its brackets when they name the same days; as written otherwise."""
    said = tuple(int(re.sub(r"\D", "", match.group(g))) for g in ("a2", "b2"))
    month, year = match.group("month"), match.group("year") or ""
    written = f"from {match.group('a')} {month} to {match.group('b')} {month}{year}"
    if said != (int(match.group("a")), int(match.group("b"))):
        # other days in brackets: never one of the two picked, the days stay unread
        return f"{written} (said as days {said[0]} to {said[1]})"
    return written


_WEEK_OF = re.compile(
    r"\b(?:(?:in|during|over|for|within) )?(?:the )?week"
    r" (?P<how>of|starting|beginning|commencing|starting on|beginning on)"
    rf" (?:the )?(?:(?P<m>[a-z]{{3,9}}) (?:the )?(?P<d>{_DAY})|(?P<d2>{_DAY})(?: of)?"
    rf" (?P<m2>[a-z]{{3,9}}))(?: ?,)? (?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""'the week of Nov 8 2021': seven days from a Monday (or from the day a week is said to
start on); 'the week of' a day that is no Monday could start on it or on its Monday."""


def _week_of(match: re.Match[str]) -> str:
    """The seven days of the week named, as a range of two days; as written if unsure."""
    month = MONTHS.get((match.group("m") or match.group("m2")).lower())
    day = int(re.sub(r"\D", "", match.group("d") or match.group("d2")))
    if month is None:
        return match.group(0)
    try:
        first = date(int(match.group("y")), month, day)
    except ValueError:
        return match.group(0)
    if match.group("how").lower() == "of" and first.weekday() != 0:
        return match.group(0)  # which seven days? never guessed
    last = first + timedelta(days=6)
    return (
        f"from {first.day} {MONTH_NAMES[first.month]} {first.year}"
        f" to {last.day} {MONTH_NAMES[last.month]} {last.year}"
    )


_TO_DAY = r" ?(?:[-\u2013\u2014]|to|through|thru|until|till|and) ?(?:the )?"
_DAYS_AFTER_MONTH = re.compile(
    rf"\b(?P<month>[a-z]{{3,9}})(?P<year> (?:19|20)\d\d)?(?: ?,)?"
    rf" (?:(?P<days>(?:on |from |for )?(?:the )?days?) |from (?:the )?|between (?:the )?|the )?"
    rf"(?P<a>{_DAY}){_TO_DAY}(?P<b>{_DAY})(?:(?: ?,)? (?P<year2>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
"""'March 1st through 7th, 2022', 'March 2022, days 1 to 7', 'March 2022 between the 1st and
the 7th': days of the month named just before them."""
_DAYS_BEFORE_MONTH = re.compile(
    rf"\b(?:(?:on|in|for|during) )?(?:the )?days (?P<a>\d{{1,2}}){_TO_DAY}(?P<b>\d{{1,2}})"
    rf" (?:of|in) (?P<month>[a-z]{{3,9}})(?P<year>(?: ?,)? (?:19|20)\d\d)?\b",
    re.IGNORECASE,
)
"""'days 1-7 of March 2022': the days of the month named after them."""


def _days_of_a_month(match: re.Match[str]) -> str:
    """Two days of the month said beside them, as a range; as written when they may be counts
    ('March 2022, 10 to 20' could be hires): a day needs 'days', an ordinal or its month."""
    month = MONTHS.get(match.group("month").lower())
    groups = match.groupdict()
    years = [y.strip(" ,") for y in (groups.get("year"), groups.get("year2")) if y]
    a, b = (int(re.sub(r"\D", "", match.group(g))) for g in ("a", "b"))
    said_as_days = (
        "days" not in groups  # 'days 1-7 of March'
        or groups["days"]
        or re.search(r"\d(?:st|nd|rd|th)\b", match.group(0), re.IGNORECASE)
        or not groups.get("year")  # 'March 1 to 7, 2022': the days follow their month
    )
    if month is None or len(years) > 1 or not said_as_days or not 1 <= a < b <= 31:
        return match.group(0)
    name, year = MONTH_NAMES[month], f" {years[0]}" if years else ""
    return f"from {a} {name} to {b} {name}{year}"


_IN_A_MONTH = re.compile(r"\b(in|during|for|on) an? ([a-z]{3,9})\b(?! ?\d)", re.IGNORECASE)
_MONTH_ALL_YEARS = re.compile(
    r"\b(?:any )?([a-z]{3,9}?)(s?)(?: ?,| \(| ?-)?(?: (?:across|over|in|for|during|of))?"
    r" ?(?:(?:all|any)(?: the)? years|any year)\b\)?",
    re.IGNORECASE,
)


def _part_of_month(match: re.Match[str]) -> str:
    """The days a part of a month names, as a range of two days; as written if it is none.

    'The first (second) half of November' is the 1st to the 15th (the 16th to its end);
    'the second week of June' names no days the engine can be sure of, and stays."""
    month = MONTHS.get(match.group("month").lower())
    said = match.group("end").lower()
    end = {"1st": "first", "opening": "first", "2nd": "second"}.get(said, said)
    counted = (match.group("n") or "").lower()
    n = int(counted) if counted.isdigit() else NUMBERS.get(counted, 1 if not counted else 0)
    unit = match.group("unit").lower()
    if month is None or n == 0 or (unit == "days" and not counted):
        return match.group(0)
    if (unit == "half" and counted) or (end == "second" and unit != "half"):
        return match.group(0)
    first_part = end == "first"
    year = match.group("year")
    if month == 2 and year is None and not first_part:
        return match.group(0)  # the last days of a February depend on its year
    length = calendar.monthrange(int(year) if year else 2001, month)[1]
    days = 15 if unit == "half" else n * {"days": 1, "week": 7, "weeks": 7, "fortnight": 14}[unit]
    if days > length:
        return match.group(0)
    first, last = (1, days) if first_part else (length - days + 1, length)
    if unit == "half" and not first_part:
        first = 16
    name = MONTH_NAMES[month]
    return f"from {first} {name} to {last} {name}{f' {year}' if year else ''}"


def _part_of_year(match: re.Match[str]) -> str:
    """The days a part of a year names, as a range of two days; as written if it is none."""
    counted = (match.group("n") or "").lower()
    n = int(counted) if counted.isdigit() else NUMBERS.get(counted, 1 if not counted else 0)
    unit, year = match.group("unit").lower(), int(match.group("year"))
    if n == 0 or (unit in ("days", "months") and not counted):
        return match.group(0)
    first = match.group("end").lower() in ("first", "opening")
    if unit.startswith("month"):
        if n > 12:
            return match.group(0)
        start, end = (1, n) if first else (13 - n, 12)
        last_day = calendar.monthrange(year, end)[1]
        return f"from 1 {MONTH_NAMES[start]} to {last_day} {MONTH_NAMES[end]} {year}"
    days = n * {"days": 1, "week": 7, "weeks": 7, "fortnight": 14}[unit]
    begin, finish = date(year, 1, 1), date(year, 12, 31)
    if days > (finish - begin).days + 1:
        return match.group(0)
    one, two = (
        (begin, begin + timedelta(days=days - 1))
        if first
        else (finish - timedelta(days=days - 1), finish)
    )
    return f"from {one.isoformat()} to {two.isoformat()}"


def _bracketed_days(match: re.Match[str]) -> str:
    if match.group("month").lower() not in MONTHS:
        return match.group(0)
    month, year = match.group("month"), match.group("year") or ""
    return f"from {match.group('a')} {month} to {match.group('b')} {month}{year}"


def _month_of_any_year(match: re.Match[str]) -> str:
    """'in a December', 'December across all years': every year's December together."""
    word = match.group(2) if match.re is _IN_A_MONTH else match.group(1)
    if word.lower() not in MONTHS:
        return match.group(0)
    said = f"any {MONTH_NAMES[MONTHS[word.lower()]]}"
    return f"{match.group(1)} {said}" if match.re is _IN_A_MONTH else said


_PERIOD_NAME = "|".join(sorted([*MONTHS, *SEASONS], key=len, reverse=True))
_ARROW_POINT = rf"(?:(?:q[1-4]|h[12]|{_PERIOD_NAME})(?: (?:19|20)\d\d)?|(?:19|20)\d\d)"
_ARROW = re.compile(
    rf"\b(?:from )?({_ARROW_POINT}) ?(?:-+>|=+>|\u2192) ?({_ARROW_POINT})\b", re.IGNORECASE
)
"""'2020 -> 2021', 'Q1 → Q2 2022': from one period to the next (a change, most often)."""


def _arrow(match: re.Match[str]) -> str:
    return f"from {match.group(1)} to {match.group(2)}"


_MONTH_DASH_YEAR = re.compile(r"\b([a-z]{3,9})[-\u2013/](\d\d)\b(?![-/\d])", re.IGNORECASE)


_PERIOD_OVER_PERIOD = re.compile(
    rf"\b({_ARROW_POINT}) (?:over|versus|against) ({_ARROW_POINT})\b", re.IGNORECASE
)
_OVER_A_YEAR = re.compile(
    r"\b(?:over|across|throughout) ((?:19|20)\d\d)\b(?! ?(?:or|and|,)? ?(?:people|hires|hired"
    r"|employees|staff|new|persons|folks|recruits|joiners|starters|heads|more|fewer|times))",
    re.IGNORECASE,
)
"""'over 2021' is during 2021; 'over 2000 people' stays a threshold."""
_OVER_A_NAMED_PERIOD = re.compile(
    rf"\b(?:over|throughout) (?=(?:the )?(?:{'|'.join(sorted(SEASONS, key=len, reverse=True))}"
    rf"|{'|'.join(sorted((m for m in MONTHS if m != 'may'), key=len, reverse=True))}"
    r"|q[1-4]|h[12])\b)",
    re.IGNORECASE,
)
"""'over the summer', 'over Q3 2022', 'throughout March': during them (no number follows)."""
_SEASON_MONTHS = re.compile(
    rf"\b({'|'.join(sorted(SEASONS, key=len, reverse=True))}) months\b", re.IGNORECASE
)
"""'the summer months' are the summer."""
_GREETING = re.compile(r"^\s*(?:good )?(?:morning|afternoon|evening)\s*[!,.:]+\s*", re.I)
"""'Morning! ...': a greeting before a question (never 'hires in the morning')."""
_FIRST_NAME_SAID = re.compile(
    r"[\s,;:-]*\(?\s*(?:just |only )?(?:the |their |a )?(?:first|given) names?"
    r"(?: only| please| pls)?\s*\)?[\s.?!]*$",
    re.IGNORECASE,
)
"""'anyone called Kim? (first name)': said after a name already asked as 'called' or
'named'; the lookup reads it there as a first name (people.py sees 'first name' asked)."""
SIGNED = re.compile(
    r"(?i:\b(?:many thanks|thanks|thank you|thx|cheers)|(?<=[.?!,\n])\s*"
    r"(?:best|regards|best regards|kind regards|warm regards|all the best))[,!.]*"
    r"\s+(?:-+\s*)?(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)[.!]*\s*$"
)
"""'... Many thanks, Priya': a sign-off and the asker's name, at the very end."""


_FILLED = re.compile(
    r"\b(how many|number of|count of|total)((?: (?!job\b)[a-z&]+)?) (?:job )?(roles|positions|seats"
    r"|openings|vacancies|reqs|requisitions|posts)\b(?=[^?.;]*?\bfill(?:ed|s|ing)?\b)",
    re.IGNORECASE,
)
"""'How many roles has Sales filled': the roles filled are the hires, whatever words between
('how many roles did Sales hire for' stays the different jobs)."""


def _dashed(match: re.Match[str]) -> str:
    """'Jan-Jun', 'Q1-Q3' (or with an en dash), '2021-2022' is a range; 'Nov-2021' and
    'Q3-2021' are that month (quarter) of the year, as a spreadsheet writes them; other
    words stay."""
    first, second = match.group(1), match.group(2)
    if all(_is_period_word(word) for word in (first, second)):
        if re.fullmatch(r"(?:19|20)\d\d", second) and not re.fullmatch(r"\d+", first):
            return f"{first} {second}"
        return f"{first} to {second}"
    return match.group(0)


def _dashed_days(match: re.Match[str]) -> str:
    """'April 12 - July 9', '12 April-9 July': two days, a range."""
    months = [w for part in match.groups() for w in part.split() if w.lower() in MONTHS]
    return f"{match.group(1)} to {match.group(2)}" if len(months) == 2 else match.group(0)


def _in_a_month(template: str, month: int) -> Callable[[re.Match[str]], str]:
    """Days of one month written as a range, spelled out by ``template`` with the month beside
    each day; left as written when group ``month`` is not a month ('Sales 6-12')."""
    return lambda m: m.expand(template) if m.group(month).lower() in MONTHS else m.group(0)


def _is_period_word(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in MONTHS
        or lowered in SEASONS
        or bool(re.fullmatch(r"q[1-4]|h[12]|(?:19|20)\d\d", lowered))
    )


def _slashed(match: re.Match[str]) -> str:
    """A day written with slashes, as an ISO date when only one reading is a real day."""
    a, b, year = (int(g) for g in match.groups())
    readings = set()
    for month, day in ((a, b), (b, a)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    return readings.pop().isoformat() if len(readings) == 1 else match.group(0)


def _year_first(match: re.Match[str]) -> str:
    """2022/03/04: year, month, day (the only order that starts with the year)."""
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return match.group(0)


def tidy(question: str) -> str:
    """Typographic quotes made plain, 'calendar year' as 'year', whitespace collapsed; case kept.

    Dates written with signs the tokens drop are spelt out: 'Jan-Jun 2022' as
    'Jan to Jun 2022', "Q1 '22" as 'Q1 2022', '3/15/2021' as 2021-03-15 (a day
    like 3/4/2021, which reads either way, stays as written: it is refused); a
    free-standing '&' or '+' is 'and' ('Q3 & Q4'; 'R&D' is a name); 'April 12 -
    July 9', 'April 12-15' and '6-12 June' are ranges (so is 'the week of 6-12
    June'); 'the year 2021' is 2021; 'w/o' is 'without', 'w/' 'with', 'the
    no.' 'the number', 'CY2021' and 'the full year 2021' 2021, "in '21" in 2021.
    A greeting said first ('Morning!') is a letter's framing, not the question: it goes
    (so does a sign-off with a name, in reword.py); 'over the summer' is during it.
    """
    text = question.replace("\u2019", "'").replace("\u2018", "'")
    text = _GREETING.sub("", text)
    if re.search(r"\b(?:called|named)\b", text, re.IGNORECASE):
        text = _FIRST_NAME_SAID.sub("", text)
    text = re.sub(r"\b(when|who|where)s\b", r"\1 is", text, flags=re.IGNORECASE)  # 'whens'
    text = _SEASON_MONTHS.sub(r"\1", _OVER_A_NAMED_PERIOD.sub("during ", text))
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\bcalendar (years?|months?|quarters?)\b", r"\1", text, flags=re.IGNORECASE)
    text = _ARROW.sub(_arrow, text)
    text = _PART_OF_MONTH.sub(_part_of_month, text)
    text = _PART_OF_YEAR.sub(_part_of_year, text)
    text = _WEEK_OF.sub(_week_of, text)
    text = _RESTATED_DAYS.sub(_restated_days, text)
    text = _BRACKETED_DAYS.sub(_bracketed_days, text)
    text = _DAYS_BEFORE_MONTH.sub(_days_of_a_month, text)
    text = _IN_A_MONTH.sub(_month_of_any_year, text)
    text = _MONTH_ALL_YEARS.sub(_month_of_any_year, text)
    text = _DASHED_DAYS.sub(_dashed_days, text)
    text = _DASHED_IN_MONTH.sub(_in_a_month(r"\1 \2 to \1 \3", month=1), text)
    text = _DASHED_DAYS_FIRST.sub(_in_a_month(r"\1 \3 to \2 \3", month=3), text)
    text = _DAYS_OF_ONE_MONTH.sub(_in_a_month(r"\1 \4 \2 \3 \4", month=4), text)
    text = _DAYS_AFTER_MONTH.sub(_days_of_a_month, text)
    text = _DASHED.sub(_dashed, text)
    text = _MONTH_DASH_YEAR.sub(  # 'Nov-21' as a spreadsheet writes November 2021
        lambda m: f"{m.group(1)} 20{m.group(2)}" if m.group(1).lower() in MONTHS else m.group(0),
        text,
    )
    text = re.sub(r"\bthe year ((?:19|20)\d\d)\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\bno\. ?of\b", "number of", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<![\w/])w/o(?![\w/])", "without", text, flags=re.IGNORECASE)
    text = re.sub(r"\bcy ?((?:19|20)\d\d)\b", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\b(?:the )?(?:full|whole|entire) year (?=(?:19|20)\d\d\b)", "", text, flags=re.I
    )
    text = re.sub(
        r"\b(in|during|since|before|after|until|for|of|from|to|and|vs|versus) '(\d\d)\b",
        r"\1 20\2",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\b(the|a|total|tot|that) no\.(?=[\s,;?!)]|$)", r"\1 number", text, flags=re.I)
    text = re.sub(r"(?<![\w/])w/(?= )", "with", text, flags=re.IGNORECASE)
    text = _SHORT_YEAR.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2) or ''} 20{m.group(3)}"
            if _is_period_word(m.group(1))
            else m.group(0)
        ),
        text,
    )
    text = _SLASHED.sub(_slashed, text)
    text = _YEAR_FIRST.sub(_year_first, text)
    text = re.sub(r"(?<=\w) [&+] (?=\w)", " and ", text)
    text = re.sub(  # 'level 2+', 'grade III+': that level and the ones above it
        r"\b(levels?|grades?|lvls?) (\w{1,3})\+(?!\w)", r"\1 \2 and above", text, flags=re.I
    )
    text = re.sub(r"\b(\d+)\+(?![\w+])", r"\1 or more", text)  # '90+ hires': 90 or more
    text = _PERIOD_OVER_PERIOD.sub(r"\1 vs \2", text)  # '2022 over 2021': one against the other
    text = _OVER_A_YEAR.sub(r"during \1", text)
    text = _FILLED.sub(r"\1\2 hires", text)
    text = re.sub(r" *; *| +--+ +", ", ", text)  # chat punctuation, read as a comma
    return " ".join(text.split())


def normalise(question: str) -> str:
    """Lower case, typographic quotes made plain, whitespace collapsed."""
    return tidy(question).lower()


def tokens(text: str) -> list[str]:
    """Words, numbers, ISO dates, '%', commas and quoted phrases (kept whole, quotes and all).

    An apostrophe inside a word splits it ("team's" -> "team", "s"); the "s" is
    dropped as possessive.
    """
    return [t for t in _TOKEN.findall(split_apostrophes(text)) if t not in DROPPED]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A schema phrase as the tokens a question holds ("new year's day" -> new year day)."""
    return tuple(tokens(normalise(phrase)))


NAMED_DAYS: dict[tuple[str, ...], tuple[int, int]] = {
    phrase_tokens(name): (month, day) for name, (month, day) in SCHEMA["periods"]["days"].items()
}
"""Named days ('new year day') -> (month, day)."""
NAME_ALIASES: dict[tuple[str, ...], str] = {
    phrase_tokens(alias): name for alias, name in SCHEMA["names"].items()
}
"""Short names ('hr', 'r d') -> the department or job name they stand for."""
FAMILY_ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    phrase_tokens(alias): phrase_tokens(meant) for alias, meant in SCHEMA["families"].items()
}
"""Short words for a job family ('dbas') -> the family word they stand for."""
REWRITES: dict[tuple[str, ...], tuple[str, ...]] = {
    phrase_tokens(phrase): phrase_tokens(meant) for phrase, meant in SCHEMA["rewrite"].items()
}
"""Phrases read as other words the grammar knows ('not counting' -> excluding)."""
CHAT_PHRASE_LIST: tuple[tuple[str, ...], ...] = tuple(
    phrase_tokens(phrase) for phrase in SCHEMA["chat"]["phrases"]
)
"""Chat said around a question ('my boss wants to know'), as tokens."""
FILLER_PHRASE_LIST: tuple[tuple[str, ...], ...] = tuple(
    phrase_tokens(phrase)
    for phrase in (*_SUBJECT["phrases"], *SCHEMA["filler"]["phrases"], *SCHEMA["chat"]["phrases"])
)


def _alternation(phrases: Iterable[tuple[str, ...]]) -> str:
    ordered = sorted({" ".join(p) for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p) for p in ordered)


FILLER_PHRASES = re.compile(rf"\b(?:{_alternation(FILLER_PHRASE_LIST)})\b")
"""Phrases that change nothing (hiring verbs, chat, politeness), dropped whole before reading."""
CHAT_PHRASES = re.compile(rf"\b(?:{_alternation(CHAT_PHRASE_LIST)})\b")
"""Chat said around a question, alone: what a lookup reads past ('my boss wants to know')."""

ENGLISH_WORDS = ("symspellpy", "frequency_dictionary_en_82_765.txt")
"""The English word list (82,765 words with their frequencies) that symspellpy ships."""


@lru_cache(maxsize=1)
def english() -> dict[str, int]:
    """Ordinary English words and how common each is, read once (about 40 ms) on first use.

    What guards spelling correction and fuzzy name matching: a word in this list
    is a real word the user meant ('counting' is never a typo of Accounting).
    """
    package, name = ENGLISH_WORDS
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    frequencies = {}
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        frequencies[word] = int(count)
    return frequencies
