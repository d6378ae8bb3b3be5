"""Dates in a question: every phrase that names a time, as sets of [start, end) periods.

A phrase is a point (an ISO date, "March 1, 2021", "March 2021", "Q2 2021",
"the first half of 2022", "2021", or a month/quarter/half whose year the
question names elsewhere) with the word that frames it: in, between ... and,
since, after, before, until, not in. Several phrases intersect ("in 2021
after June" is July to December 2021); points joined by "and"/"or" are a
union ("Q1 and Q3 2021"), unless the question compares them, when the parser
takes them as the two sides. Relative phrases ("last 3 years", "since March",
"this year") are resolved against the engine's clock, never left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from resolvers.core.questions.lexicon import MONTH_NAMES, MONTHS, NAMED_DAYS, ORDINALS, SEASONS
from resolvers.core.questions.query import WEEKDAY_NAMES, Period, Weekday
from resolvers.core.questions.words import Words

Span = tuple[date | None, date | None]
"""[start, end), None open."""

_YEAR = r"(?:1[5-9]|20|21)\d\d"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"first|second|third|fourth|1st|2nd|3rd|4th|last"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NAMED = "|".join(sorted((" ".join(name) for name in NAMED_DAYS), key=len, reverse=True))
_SEASON = "|".join(sorted(SEASONS, key=len, reverse=True))
_SEASON0 = "|".join(sorted((s for s in SEASONS if s != "fall"), key=len, reverse=True))
"""A season without a year: not 'fall', which alone is a verb ('did hiring fall')."""


def _point(p: str) -> str:
    """One point in time; groups are prefixed with ``p`` so a range can hold two."""
    return (
        rf"(?:(?:the )?(?P<{p}dy_o>first|last|1st|final) day of (?:the year )?(?P<{p}dy_y>{_YEAR})"
        rf"|(?:the )?(?P<{p}dmo_o>first|last|1st|final)(?: day)? of (?P<{p}dmo_m>{_MONTH})"
        rf"(?: of| in| ,)? (?P<{p}dmo_y>{_YEAR})"
        rf"|(?:the )?(?P<{p}dmo0_o>first|last|1st|final) day of (?P<{p}dmo0_m>{_MONTH})(?! ?\d)"
        rf"|(?P<{p}iso>\d{{4}}-\d\d-\d\d)"
        rf"|(?P<{p}md_m>{_MONTH}) (?:the )?(?P<{p}md_d>{_DAY})(?: ,)?(?: of)? (?P<{p}md_y>{_YEAR})"
        rf"|(?:the )?(?P<{p}dm_d>{_DAY})(?: of)? (?P<{p}dm_m>{_MONTH})(?: ,)?(?: of)?"
        rf" (?P<{p}dm_y>{_YEAR})"
        rf"|(?P<{p}m_m>{_MONTH})(?: ,)?(?: of| in)? (?P<{p}m_y>{_YEAR})"
        rf"|(?P<{p}nd_n>{_NAMED})(?: ,)?(?: of| in)? (?P<{p}nd_y>{_YEAR})"
        rf"|(?:the )?(?P<{p}se_s>{_SEASON})(?: ,)?(?: of|(?<!fall) in)? (?P<{p}se_y>{_YEAR})"
        rf"|(?P<{p}md0_m>{_MONTH}) (?:the )?(?P<{p}md0_d>{_DAY})(?![\d,])"
        rf"|(?:the )?(?P<{p}dm0_d>{_DAY})(?: of)? (?P<{p}dm0_m>{_MONTH})"
        rf"|(?P<{p}nd0_n>{_NAMED})"
        rf"|q(?P<{p}q_q>[1-4])(?: ,)?(?: of| in)? (?P<{p}q_y>{_YEAR})"
        rf"|(?P<{p}yq_y>{_YEAR}) q(?P<{p}yq_q>[1-4])"
        rf"|(?:the )?(?P<{p}oq_o>{_ORD}) quarter(?: of| in)? (?P<{p}oq_y>{_YEAR})"
        rf"|(?:the )?(?P<{p}h_o>first|second|1st|2nd) half(?: ,)?(?: of| in)? (?P<{p}h_y>{_YEAR})"
        rf"|h(?P<{p}hh_h>[12])(?: of)? (?P<{p}hh_y>{_YEAR})"
        rf"|(?P<{p}y_y>{_YEAR})"
        rf"|(?P<{p}m0_m>{_MONTH})"
        rf"|q(?P<{p}q0_q>[1-4])"
        rf"|(?:the )?(?P<{p}oq0_o>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
        rf"|(?:the )?(?P<{p}h0_o>first|second|1st|2nd) half"
        rf"|h(?P<{p}hh0_h>[12])"
        rf"|(?:the )?(?P<{p}se0_s>{_SEASON0}))"
    )


_A, _B = _point("a_"), _point("b_")
_JOIN = (
    r"(?:,(?: and| or)?|and|or|plus|as well as|vs|versus|compared? (?:to|with)|against|with)"
    r"(?: (?:its|their|our|the|in|during))?"
)
_NOT = r"(?:(?:but|and) )?(?:not|never|excluding|except|outside|other than|apart from)"
_TO = r"(?:and|to|until|till|through|thru|-)"
_AND_LIST = rf"(?P<list>{_A}(?: {_JOIN} {_point('c_')})+(?: combined| together)?)"

PHRASES: list[tuple[str, re.Pattern[str]]] = [
    ("than", re.compile(rf"\b(?:in |during |for )?{_A} than (?:in |during |for )?{_B}\b")),
    (
        "between",
        re.compile(
            rf"\b(?:between|from)(?: (?:the )?(?:hires|hiring))?(?: in)? {_A} {_TO}(?: in)? {_B}\b"
        ),
    ),
    (
        "between",
        re.compile(rf"\b(?:in |during )?{_A}(?: ,)? (?:to|until|till|through|thru) {_B}\b"),
    ),
    ("not", re.compile(rf"\b{_NOT}(?: in| during| for| of)? {_A}\b")),
    ("not", re.compile(rf"\b(?:but|and|yet) (?:none|zero)(?: in| during| for)? {_A}\b")),
    (  # 'from 20 December 2022 on' (never 'from March on Mondays': a weekday follows that)
        "since",
        re.compile(
            rf"\bfrom {_A} (?:onwards?\b|on(?= *(?:$|[,.?!]|(?:and|but|excluding|except|other"
            r"|not|for|in|by|per)\b)))"
        ),
    ),
    (
        "since",
        re.compile(
            rf"\b(?:since|starting(?: from| in)?|on or after)"
            rf"(?: the (?:start|beginning) of)? {_A}\b"
        ),
    ),
    ("after", re.compile(rf"\bafter(?: (?:the )?end of)? {_A}\b")),
    ("before", re.compile(rf"\b(?:before|prior to) (?!(?:the )?end of){_A}\b")),
    (
        "until",
        re.compile(
            rf"\b(?:until|till|up to|through|(?<!divided )by|on or before|before (?:the )?end of"
            rf"|as of|as at)"
            rf"(?: (?:the )?end of)? {_A}\b"
        ),
    ),
    ("list", re.compile(rf"\b(?:in |during |for |of |on )?{_AND_LIST}")),
    ("in", re.compile(rf"\b(?:in|during|for|on|within|from) {_A}\b")),
    ("bare", re.compile(rf"\b{_A}\b")),
]
RELATIVE_N = re.compile(
    r"\b(?:in |during |over |for |within )?(?:the )?(?:last|past|previous|prior) "
    r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve) "
    r"(?P<unit>years?|months?|quarters?|weeks?|days?)\b"
)
RELATIVE_SINCE = re.compile(
    r"\b(?:since|from)(?: the (?:start|beginning) of)? (?:the )?"
    r"(?P<which>last|past|previous|this|current) (?P<unit>year|month|quarter|week)\b"
    r"(?! (?:of |in )?(?:1[5-9]|20|21)\d\d)"
)
"""'Since last year' runs from the start of last year on (not last year alone)."""
RELATIVE_ONE = re.compile(
    r"\b(?:in |during |over |for |within )?(?:the )?"
    r"(?P<which>last|past|previous|this|current) (?P<unit>year|month|quarter|week)\b"
    r"(?! (?:of |in )?(?:1[5-9]|20|21)\d\d)"
    r"|\b(?P<ytd>ytd|year to date|so far this year)\b|\b(?:on )?(?P<day>today|yesterday)\b"
)


_MONTH_FULL = "|".join(name.lower() for name in MONTH_NAMES[1:])
_PLURAL_MONTHS = {
    plural: number
    for number, name in enumerate(MONTH_NAMES[1:], start=1)
    for plural in {
        name.lower() + "s",
        re.sub(r"y$", "ies", re.sub(r"ch$", "ches", name.lower())),
    }
    if plural.endswith("s")
}
"""'Decembers', 'Januaries', 'Marches': a month, every year."""
_MONTHS_PLURAL = "|".join(sorted(_PLURAL_MONTHS, key=len, reverse=True))
_ANY_YEAR = (
    r"(?: ,)? (?:of|in|across|for|over) (?P<every>any|every|each|all)(?: the)? (?:years?"
    r"|of the years)"
)
MONTH_ANY_YEAR = re.compile(
    rf"\b(?:(?:in|during|for|over) )?(?:(?P<each>any|every|each|all)(?: given| single)?"
    rf" (?P<m1>{_MONTH_FULL})s?"
    rf"(?:{_ANY_YEAR.replace('every>', 'every1>')})?"
    rf"|(?P<m2>{_MONTHS_PLURAL})(?:{_ANY_YEAR.replace('every>', 'every2>')})?"
    rf"|(?P<m3>{_MONTH}){_ANY_YEAR})\b"
    r"(?: (?:combined|together|put together|summed|added up|all together))?"
)
"""'in any December', 'Decembers across all years', 'March of each year': a month, any year
(of each or every year, or each December: per year)."""
ALL_YEARS = re.compile(
    r"\b(?:in|across|over|of|for|during) (?:any|all(?: the)?) years\b|\bin any year\b"
)
"""'on a Saturday in any year': no year left out, as if no year were said."""
YEARLY = re.compile(
    r"\b(?:by|per|each|every|in each|in every|of each|of every|for each|for every|across"
    r"|across all|over the|each of the|for all|in all)(?: the)? years?\b"
    r"|\b(?:yearly|annually|annual)\b|\byear (?:by|on|over|after) year\b"
)
"""Hires per year: a yearless quarter beside it is that quarter of every year, not one year's."""
EVERY_YEAR_TOGETHER = re.compile(
    r"\b(?:overall|ever|all time|of all time|in any year|any year|regardless of (?:the )?year"
    r"|whatever the year|no matter the year|whichever year)\b"
)
"""'June hires across all years' (read as 'overall'), 'Q1 hires, any year': a month, quarter or
season named without a year is every year's, summed; never one year by the year rule."""
_OPEN_KINDS = frozenset({"m0", "q0", "oq0", "h0", "hh0", "se0"})
_DAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAY_WORD = (
    rf"(?:weekends?|week-ends?|weekdays?|week days?|working days?|business days?"
    rf"|(?:{_DAY_NAMES})s?)"
)
_NOT_GROUPED = r"(?<!\bby )(?<!\bper )(?<!each )(?<!every )(?<!which )(?<!what )(?<!among )"
WEEKDAYS = re.compile(
    rf"\b(?:on|during|over|at|across) (?:a |the |any |an )?(?P<d>{_DAY_WORD})"
    rf"(?: (?:or|and|,|, or) (?:on )?(?:a |the )?(?P<d2>{_DAY_WORD}))?\b"
    rf"|{_NOT_GROUPED}\b(?P<d3>{_DAY_WORD})(?= (?:hires|hire|hiring|joiners|starters|starts"
    rf"|recruits|new hires|intake)\b)"
)
"""'on a weekend', 'on Mondays or Fridays', 'weekend hires' (not 'by weekday': a grouping)."""


def read_recurring(words: Words) -> tuple[list[int], list[Weekday], bool]:
    """Months of any year and days of the week the question keeps (consumed as read), and
    whether they are asked per year ('each March', 'March of every year')."""
    months: list[int] = []
    per_year = False
    for match in words.take_all(MONTH_ANY_YEAR):
        word = match.group("m1") or match.group("m3")
        months.append(MONTHS[word] if word else _PLURAL_MONTHS[match.group("m2")])
        said = {match.group(g) for g in ("each", "every", "every1", "every2")}
        summed = re.search(r"(?:combined|together|summed|added up)$", match.group(0))
        per_year = per_year or (bool(said & {"each", "every"}) and not summed)
    months += _open_every_year(words)
    words.take_all(ALL_YEARS)
    days: list[Weekday] = []
    for match in words.take_all(WEEKDAYS):
        for group in ("d", "d2", "d3"):
            if word := match.group(group):
                days += _days_of(word)
    return months, list(dict.fromkeys(days)), per_year


_OPEN_POINT = re.compile(rf"\b(?:(?:in|during|for|on|of) )?(?:the )?{_point('a_')}\b")


def _open_every_year(words: Words) -> list[int]:
    """'Q1 hires by year', 'first quarter hires in each year': the months of a quarter (half,
    month, season) named without a year, in every year, when hires are counted per year.

    Read in one year (the year rule), such a question would show that year's row only.
    """
    every_year = YEARLY.search(words.text) or EVERY_YEAR_TOGETHER.search(words.text)
    if not every_year or re.search(rf"\b{_YEAR}\b|\d{{4}}-", words.text):
        return []
    months: list[int] = []
    for match in list(_OPEN_POINT.finditer(words.text)):
        kinds = {k.split("_")[1] for k, v in match.groupdict().items() if v}
        if not kinds or not kinds <= _OPEN_KINDS:
            continue
        start, end = point_span(match, "a_", 2001)
        assert start is not None and end is not None
        count = (end.year - start.year) * 12 + end.month - start.month
        months += [(start.month - 1 + i) % 12 + 1 for i in range(count)]
        words.take(match)
    return months


def _days_of(word: str) -> list[Weekday]:
    """The weekdays a word names: a weekend is Saturday and Sunday; working days Mon-Fri."""
    if word.startswith(("weekend", "week-end")):
        return ["Saturday", "Sunday"]
    if word.startswith(("weekday", "week day", "working", "business")):
        return list(WEEKDAY_NAMES[1:6])
    return [{d.lower(): d for d in WEEKDAY_NAMES}[word.removesuffix("s")]]


class DateError(ValueError):
    """A date phrase that names no real time, or whose year the question does not say."""


@dataclass(slots=True)
class DatePhrase:
    spans: list[Span]
    listed: list[Span] = field(default_factory=list)
    """For "P1 and P2": the points one by one (a comparison's sides)."""
    words: str = ""
    excluded: Span | None = None
    """For 'but not in P': P itself (``spans`` are the times around it)."""


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _ordinal(word: str) -> int:
    return 4 if word == "last" else ORDINALS[word]


def point_span(m: re.Match[str], p: str, year: int | None) -> Span:
    """The [start, end) of the point whose groups start with ``p``; ``year`` for a bare month."""
    g = {k[len(p) :]: v for k, v in m.groupdict().items() if k.startswith(p) and v}
    if "dy_o" in g:  # the first (last) day of a year
        ending = g["dy_o"] in ("last", "final")
        day = date(int(g["dy_y"]), 12, 31) if ending else date(int(g["dy_y"]), 1, 1)
        return day, day + timedelta(days=1)
    if "dmo_o" in g or "dmo0_o" in g:  # the first (last) day of a month
        kind = "dmo" if "dmo_o" in g else "dmo0"
        y = int(g["dmo_y"]) if kind == "dmo" else _need(year)
        start = _month_start(y, MONTHS[g[f"{kind}_m"]])
        end = _month_start(y, MONTHS[g[f"{kind}_m"]] + 1)
        day = end - timedelta(days=1) if g[f"{kind}_o"] in ("last", "final") else start
        return day, day + timedelta(days=1)
    if "iso" in g:
        day = date.fromisoformat(g["iso"])
        return day, day + timedelta(days=1)
    if "md_m" in g or "dm_m" in g:
        kind = "md" if "md_m" in g else "dm"
        day = date(int(g[f"{kind}_y"]), MONTHS[g[f"{kind}_m"]], _day(g[f"{kind}_d"]))
        return day, day + timedelta(days=1)
    if "m_m" in g:
        y, mo = int(g["m_y"]), MONTHS[g["m_m"]]
        return _month_start(y, mo), _month_start(y, mo + 1)
    if "md0_m" in g or "dm0_m" in g:
        kind = "md0" if "md0_m" in g else "dm0"
        day = date(_need(year), MONTHS[g[f"{kind}_m"]], _day(g[f"{kind}_d"]))
        return day, day + timedelta(days=1)
    if "nd_n" in g or "nd0_n" in g:
        month, number = NAMED_DAYS[tuple((g.get("nd_n") or g["nd0_n"]).split())]
        day = date(int(g["nd_y"]) if "nd_y" in g else _need(year), month, number)
        return day, day + timedelta(days=1)
    if "se_s" in g or "se0_s" in g:
        first, last = SEASONS[g.get("se_s") or g["se0_s"]]
        y = int(g["se_y"]) if "se_y" in g else _need(year)
        end_year = y + 1 if last < first else y
        return _month_start(y, first), _month_start(end_year, last + 1)
    quarter = g.get("q_q") or g.get("yq_q") or g.get("q0_q")
    ordinal = g.get("oq_o") or g.get("oq0_o")
    if quarter or ordinal:
        q = int(quarter) if quarter else _ordinal(ordinal or "")
        y = int(g.get("q_y") or g.get("yq_y") or g.get("oq_y") or _need(year))
        return _month_start(y, 3 * q - 2), _month_start(y, 3 * q + 1)
    half = g.get("h_o") or g.get("h0_o")
    numbered = g.get("hh_h") or g.get("hh0_h")
    if half or numbered:
        h = int(numbered) if numbered else (1 if half in ("first", "1st") else 2)
        y = int(g.get("h_y") or g.get("hh_y") or _need(year))
        return _month_start(y, 6 * h - 5), _month_start(y, 6 * h + 1)
    if "y_y" in g:
        y = int(g["y_y"])
        return date(y, 1, 1), date(y + 1, 1, 1)
    mo = MONTHS[g["m0_m"]]
    y = _need(year)
    return _month_start(y, mo), _month_start(y, mo + 1)


def _need(year: int | None) -> int:
    if year is None:
        raise DateError("which year")
    return year


def _context_year(words: Words) -> int | None:
    years = {int(y) for y in re.findall(rf"\b{_YEAR}\b", words.text)}
    return years.pop() if len(years) == 1 else None


def _latest(m: re.Match[str], p: str, today: date) -> Span:
    """A yearless point after since/after: its most recent occurrence up to today."""
    for year in (today.year, today.year - 1):
        span = point_span(m, p, year)
        if span[0] is not None and span[0] <= today:
            return span
    raise DateError("which year")


def read(words: Words, today: date, compare: bool) -> list[DatePhrase]:
    """Every date phrase in ``words`` (consumed as read)."""
    phrases: list[DatePhrase] = []
    _relative(words, today, phrases)
    year = _context_year(words)
    for kind, pattern in PHRASES:
        while match := words.search(pattern):
            phrases.append(_phrase(kind, match, year, today, compare))
            words.take(match)
    return phrases


def _phrase(
    kind: str, m: re.Match[str], year: int | None, today: date, compare: bool
) -> DatePhrase:
    text = m.group(0).strip()
    try:
        if kind == "between":
            second = point_span(m, "b_", year)
            end_year = second[0].year if second[0] else None
            first = point_span(m, "a_", year or end_year)
            if _yearless(m, "a_") and first[0] and second[1] and first[0] >= second[1]:
                first = point_span(m, "a_", first[0].year - 1)
            if compare and _same_kind(m):
                return DatePhrase([first, second], [first, second], text)
            return DatePhrase([(first[0], second[1])], words=text)
        if kind == "than":
            first, second = point_span(m, "a_", year), point_span(m, "b_", year)
            return DatePhrase([first, second], [second, first], text)
        if kind == "list":
            return _listed(m, year, text)
        yearless = not re.search(rf"\b{_YEAR}\b|\d{{4}}-", text)
        if kind in ("since", "after") and yearless and year is None:
            span = _latest(m, "a_", today)
        else:
            span = point_span(m, "a_", year)
    except ValueError as error:
        raise DateError(f'"{text}" ({error})') from None
    start, end = span
    match kind:
        case "not":
            return DatePhrase([(None, start), (end, None)], words=text, excluded=span)
        case "since":
            return DatePhrase([(start, None)], words=text)
        case "after":
            return DatePhrase([(end, None)], words=text)
        case "before":
            return DatePhrase([(None, start)], words=text)
        case "until":
            return DatePhrase([(None, end)], words=text)
    return DatePhrase([span], [span], words=text)


def _yearless(m: re.Match[str], p: str) -> bool:
    """A point written without its year ('April 12' in 'from April 12 to July 9, 2021')."""
    return not any(
        k.startswith(p) and k.endswith(("_y", "iso")) and v for k, v in m.groupdict().items()
    )


def _same_kind(m: re.Match[str]) -> bool:
    """Both ends the same kind of point ('Q1 to Q2 2022': a quarter with its year or without)."""
    kinds = [
        {k.split("_", 2)[1].rstrip("0") for k, v in m.groupdict().items() if k.startswith(p) and v}
        for p in ("a_", "b_")
    ]
    return kinds[0] == kinds[1]


_ONE_POINT = re.compile(rf"{_A}(?=$| )")
_LIST_JOIN = re.compile(rf" {_JOIN} ")


def _listed(m: re.Match[str], year: int | None, text: str) -> DatePhrase:
    """'Q1 and Q3 2021', 'March, April and May 2021': each point, the year from the last.

    The points are read one after another, each as long as it goes ('March 4, 2022'
    whole, its comma no join): split at every comma, '2022' would stand alone and
    widen the list to the whole year.
    """
    body = re.sub(r" (?:combined|together)$", "", m.group("list"))
    points: list[re.Match[str]] = []
    position = 0
    while True:
        one = _ONE_POINT.match(body, position)
        if one is None:
            raise DateError(f'"{body[position:]}"')
        points.append(one)
        position = one.end()
        join = _LIST_JOIN.match(body, position)
        if join is None:
            break
        position = join.end()
    if position != len(body):
        raise DateError(f'"{body[position:].strip()}"')
    last_year = re.search(rf"{_YEAR}$", points[-1].group(0))
    fallback = int(last_year.group(0)) if last_year else year
    points = _carried(points)
    spans = [point_span(one, "a_", fallback) for one in points]
    return DatePhrase(spans, list(spans), text)


def _carried(points: list[re.Match[str]]) -> list[re.Match[str]]:
    """'November 2020 and 2021', 'Q1 2021 and 2022': the month (quarter ...) said first holds
    for the bare years after it: November of each, never November 2020 and all of 2021."""
    kinds = [{k[2:] for k, v in one.groupdict().items() if v} for one in points]
    first = re.search(rf"{_YEAR}$", points[0].group(0))
    if first is None or kinds[0] == {"y_y"} or any(k != {"y_y"} for k in kinds[1:]):
        return points
    head = points[0].group(0)[: first.start()]
    again = [_ONE_POINT.match(f"{head}{one.group(0)}") for one in points[1:]]
    return [points[0], *(m for m in again if m is not None)]


def _relative(words: Words, today: date, phrases: list[DatePhrase]) -> None:
    tomorrow = today + timedelta(days=1)
    while m := words.search(RELATIVE_N):
        n = int(m.group("n")) if m.group("n").isdigit() else _WORD_N[m.group("n")]
        unit = m.group("unit").rstrip("s")
        phrases.append(DatePhrase([(_back(today, n, unit), tomorrow)], words=m.group(0).strip()))
        words.take(m)
    while m := words.search(RELATIVE_SINCE):
        start = _one(m, today)[0]
        phrases.append(DatePhrase([(start, None)], words=m.group(0).strip()))
        words.take(m)
    while m := words.search(RELATIVE_ONE):
        phrases.append(DatePhrase([_one(m, today)], words=m.group(0).strip()))
        words.take(m)


_WORD_N = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_WORD_N |= {"eight": 8, "nine": 9, "ten": 10, "twelve": 12}


def _back(today: date, n: int, unit: str) -> date:
    """The first day of the rolling window of the last ``n`` units, which ends with today.

    At midnight on 1 January 2023, the last 6 months are 1 July to 31 December 2022.
    """
    if unit == "day":
        return today - timedelta(days=n)
    if unit == "week":
        return today - timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * n
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(today.day, 28 if month + 1 == 2 else 30))


def _one(m: re.Match[str], today: date) -> Span:
    tomorrow = today + timedelta(days=1)
    groups = m.groupdict()
    if groups.get("ytd"):
        return date(today.year, 1, 1), tomorrow
    if groups.get("day"):
        day = today if m.group("day") == "today" else today - timedelta(days=1)
        return day, day + timedelta(days=1)
    which, unit = m.group("which"), m.group("unit")
    back = 0 if which in ("this", "current") else 1
    if which == "past":
        return _back(today, 1, unit), tomorrow
    if unit == "year":
        return date(today.year - back, 1, 1), date(today.year - back + 1, 1, 1)
    if unit == "week":
        monday = today - timedelta(days=today.weekday() + 7 * back)
        return monday, monday + timedelta(days=7)
    size = 3 if unit == "quarter" else 1
    first = (today.month - 1) // size * size + 1
    start = _month_start(today.year, first - back * size)
    return start, _month_start(start.year, start.month + size)


_YEARLESS_POINT = re.compile(rf"\b{_point('a_')}\b")


_RANKED = re.compile(
    r"\b(?:most|fewest|least|busiest|quietest|top|bottom|highest|lowest|rank|ranked|ranking"
    r"|biggest|smallest|largest|best|worst)\b"
)
_RELATIVE_YEAR = re.compile(r"\b(?P<which>last|previous|this|current) year\b")
_LAST_SEASON = re.compile(rf"\b(?:this past|last|past|previous) (?P<season>{_SEASON})\b")


def fill_year(text: str, last_hire: date, today: date | None = None) -> tuple[str, str] | None:
    """A question naming no year at all, with the year its open periods are read in.

    The rule, said back to the user as the second value: each month, quarter,
    half, season or day named without a year is read in the latest year in
    which it had begun by the last hire on record ("Q2" in a warehouse whose
    hires end in May 2022 is Q2 2022; "September" is September 2021). A
    month or quarter "of last year" (or this year) is read in that year of
    ``today``'s calendar instead. None
    when the question names a year somewhere, or no open period.
    """
    if today and not re.search(rf"\b{_YEAR}\b|\d{{4}}-", text):
        relative = _relative_year(text, today)
        if relative:
            return relative
    if re.search(rf"\b{_YEAR}\b|\d{{4}}-", text):
        return None
    points, kinds = [], set()
    for m in _YEARLESS_POINT.finditer(text):
        open_kinds = {k.split("_")[1] for k, v in m.groupdict().items() if v}
        open_kinds = {kind for kind in open_kinds if kind.endswith("0")}
        if open_kinds:
            points.append(m)
            kinds |= open_kinds
    if not points or ("oq0" in kinds and _RANKED.search(text)):
        return None  # 'which was the second quarter by hires' is a rank, not Q2
    years = []
    for m in points:
        for year in range(last_hire.year, last_hire.year - 3, -1):
            start = point_span(m, "a_", year)[0]
            if start is not None and start <= last_hire:
                years.append(year)
                break
    if len(years) != len(points):
        return None
    year = min(years)
    last = points[-1]
    written = " and ".join(f"'{_shown(m.group(0).strip())}'" for m in points)
    filled = f"{text[: last.end()]} {year}{text[last.end() :]}"
    return filled, (
        f"No year given for {written}: read in {year}, the latest year in which it had begun "
        f"by the last hire on record ({last_hire.isoformat()})."
    )


def _relative_year(text: str, today: date) -> tuple[str, str] | None:
    """'last spring' (the last one over by today), 'Q4 of last year': the year from the clock."""
    if season := _LAST_SEASON.search(text):
        name = season.group("season")
        first_month, last_month = SEASONS[name]
        year = today.year
        while _month_start(year + (last_month < first_month), last_month + 1) > today:
            year -= 1
        filled = f"{text[: season.start()]}{name} {year}{text[season.end() :]}"
        return filled, (
            f"'{season.group(0)}' read as the {name} of {year}, the last one over by today "
            f"({today.isoformat()})."
        )
    if relative := _RELATIVE_YEAR.search(text):
        year = today.year - (0 if relative.group("which") in ("this", "current") else 1)
        filled = f"{text[: relative.start()]}{year}{text[relative.end() :]}"
        return filled, f"'{relative.group(0)}' read as {year} (today is {today.isoformat()})."
    return None


def _shown(words: str) -> str:
    """A date phrase as people write it: 'q2' -> Q2, 'march' -> March."""
    words = re.sub(r"^(?:the|in|on|during|for) ", "", words)
    return re.sub(r"\b(?:[qh][1-4]|[a-z]{3,})\b", lambda m: m.group(0).capitalize(), words)


def intersect(sets: Iterable[list[Span]]) -> list[Span]:
    """The times inside every set (each a union of spans)."""
    result: list[Span] = [(None, None)]
    for spans in sets:
        result = [both for a in result for b in spans if (both := _overlap(a, b)) is not None]
    return result


def untouched(phrases: Iterable[DatePhrase]) -> list[Span]:
    """The periods said as 'but not in P' that the other dates never reach ('hired in 2020 but
    not in 2022'): leaving them out removes no hire, so they say a group had none there."""
    phrases = list(phrases)
    rest = [p.spans for p in phrases if p.excluded is None]
    if not rest:
        return []
    kept = intersect(rest)
    return [
        p.excluded
        for p in phrases
        if p.excluded is not None and not any(_overlap(k, p.excluded) for k in kept)
    ]


def _overlap(a: Span, b: Span) -> Span | None:
    starts = [d for d in (a[0], b[0]) if d is not None]
    ends = [d for d in (a[1], b[1]) if d is not None]
    start, end = (max(starts) if starts else None), (min(ends) if ends else None)
    if start is not None and end is not None and start >= end:
        return None
    return start, end


def periods(spans: list[Span]) -> tuple[Period, ...]:
    """Spans as HrQuery periods, adjacent ones merged ('March and April' is one period)."""
    ordered = sorted(spans, key=lambda s: s[0] or date.min)
    merged: list[Span] = []
    for start, end in ordered:
        last_end = merged[-1][1] if merged else None
        if last_end is not None and start is not None and last_end >= start:
            merged[-1] = (merged[-1][0], None if end is None else max(last_end, end))
        else:
            merged.append((start, end))
    return tuple(Period(start=s, end=e) for s, e in merged if (s, e) != (None, None))


_LATEST_YEAR = re.compile(
    r"\b(?:the )?(?:latest|most recent|newest|last) (?:calendar )?year"
    r"(?: (?:with (?:any )?(?:data|hires|hiring)|on record|in the data|we have(?: data)?(?: for)?"
    r"|(?:that |which )?(?:has|had) (?:any )?(?:data|hires)))+\b"
    r"|\b(?:the )?(?:latest|most recent|newest) (?:calendar )?year\b(?! first\b)",
    re.IGNORECASE,
)
"""'the latest year', 'the last year with data': not 'last year' (the clock's, read above)."""


def latest_year(text: str, last_hire: date) -> tuple[str, str] | None:
    """'the latest year (with data)' as the year of the last hire on record, and the rule said."""
    match = _LATEST_YEAR.search(text)
    if match is None:
        return None
    year = last_hire.year
    filled = f"{text[: match.start()]}{year}{text[match.end() :]}"
    return filled, (
        f"'{match.group(0).strip()}' read as {year}, the year of the last hire on record "
        f"({last_hire.isoformat()})."
    )
