"""Periods as rows: several whole periods of one kind, each on its own row ('Legal's hires
in 2021 and in 2022, each year on its own row', 'Legal: 2020 vs 2021 vs 2022', 'Q1 and Q3
2022 separately').

The periods listed are kept (their union is the filter) and the hires are counted per that
kind of period (year, half, quarter or month), so each listed period is a row. Periods
of different kinds ('2021 and Q1 2022'), or a list said apart beside two names (per
period, or per name too?), are refused with the reason: never summed into one number.

A condition said of 'a single year' ('teams with more than 100 hires in a single year:
which team, which year') is held by each group in each year: the pairs are the rows.
"""

from __future__ import annotations

import re
from datetime import date

from resolvers.core.questions.dates import DatePhrase, Span
from resolvers.core.questions.patterns import dimension
from resolvers.core.questions.query import TIME_DIMENSIONS, Dimension
from resolvers.core.questions.shape_filters import Reading, Refusal
from resolvers.core.questions.words import Words

SEPARATELY = re.compile(
    r"(?:, )?\b(?:(?:with )?(?:each|every) (?:one|year|quarter|month|half|period) )?"
    r"(?:(?:(?:split |broken |put )?(?:on|in|into|as|with)|gets?|getting) (?:a separate|its own"
    r"|their own|separate|individual"
    r"|distinct|a different|different) (?:rows?|lines?|hires)"  # columns.py: 'rows by' is hires
    r"|(?:with )?(?:one|a|a separate) (?:row|line) (?:per|for each|for every|each)"
    r" (?:year|quarter|month|half|period)"
    r"|(?:with )?(?:one|a separate) (?:row|line) (?:each|apiece)"
    r"|(?:each |all )?(?:(?:listed |shown |counted |broken out |split out )?separately"
    r"|respectively|individually|one by one|each on (?:its|their) own"
    r"|(?:listed |shown )?on (?:its|their) own|(?:broken|split) out(?! (?:by|per|into|across))"
    r"|not (?:combined|summed|added up|together|lumped together)|(?:and )?not as one"
    r" (?:number|total))"
    r"|(?:for |in )?(?:each|every one) of(?= (?:the )?(?:years? |quarters? )?"
    r"(?:(?:19|20)\d\d|q[1-4]\b|h[12]\b)))\b"
)
"""Words that ask for each listed period apart ('separately', 'each year on its own row')."""
AGAIN = re.compile(
    r"(?<=\d) (?:, and|and|,) how many(?: (?:were hired|did we hire|hired|joined|people|hires))?"
    r"(?= (?:in|during|for) )"
    r"|(?<=\d) each\b(?= *$| ,)"
)
"""'hires in 2021 and how many in 2022', 'in 2021 and 2022 each': each period asked apart."""
COMPARE_WORD = re.compile(r"\b(?:compare|comparing|comparison(?: of)?|compared)\b")
"""'compare Legal's 2020, 2021 and 2022 hires': three or more periods set against each other."""
SIDE_BY_SIDE = re.compile(r"\bside[ -]by[ -]side\b")
"""'for 2020 and 2021 side by side' (a filler phrase, read before it is dropped)."""
DATE_ONLY = re.compile(r"(?<=\d) only\b(?= *$| ,| \.| \?)")
"""'by year for 2020 and 2021 only': the periods said, nothing more (a date's 'only')."""
HOW_MANY = re.compile(r"\b(?:how many|number of|count of|count)\b")
"""A count asked before the first period: 'and how many in 2022' asks it again."""
APART = re.compile(r"\b(?:vs|versus|against|compared (?:to|with))\b")
"""Three or more periods set against each other ('2020 vs 2021 vs 2022'): each is a row."""


def asked_again(words: Words) -> bool:
    """'How many in 2021 and how many in 2022', '2021 and 2022 each': each period asked apart.

    Read before the line is kept (the periods then read as one list: '2021 and in 2022').
    """
    said = False

    def joined(match: re.Match[str]) -> str:
        nonlocal said
        if match.group(0).strip() == "each":
            said = True
            return ""
        if not HOW_MANY.search(words.text[: match.start()]):
            return match.group(0)  # 'which teams hired in Q1 and how many in Q2': another question
        said = True
        return " and"

    words.text = AGAIN.sub(joined, words.text)
    words.text = DATE_ONLY.sub("", words.text)  # 'for 2020 and 2021 only': those periods
    return said


def unit(span: Span) -> Dimension | None:
    """The calendar kind of a whole period (2021: year; Q2 2021: quarter), or None."""
    start, end = span
    if start is None or end is None or start.day != 1 or end.day != 1:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month
    kinds: dict[int, Dimension] = {12: "year", 6: "half", 3: "quarter", 1: "month"}
    kind = kinds.get(months)
    if kind is None or (start.month - 1) % months:  # Feb-Apr is three months, not a quarter
        return None
    return kind


def read(
    parsed: tuple[Words, Reading, dict[str, tuple[str, str]]],
    phrases: list[DatePhrase],
    said_apart: bool,
    side_by_side: bool = False,
) -> list[DatePhrase] | Refusal | None:
    """The date phrases with the listed periods kept as one union, and ``reading.group``
    split by their kind; None when the question lists no periods to show apart.

    ``side_by_side`` ('for 2020 and 2021 side by side') asks it only of a list of periods
    (beside names it is how names compared are shown anyway); three or more periods said
    with 'compare' are set against each other too ('compare Legal's 2020, 2021 and 2022').
    """
    words, reading, names = parsed
    listed = [p for p in phrases if len(p.listed) >= 2]
    versus = [p for p in listed if len(p.listed) >= 3 and APART.search(p.words)]
    if not versus and (compared := words.search(COMPARE_WORD)):
        versus = [p for p in listed if len(p.listed) >= 3]
        if versus:
            words.take(compared)
    said_apart = said_apart or (side_by_side and bool(listed))
    if not (said_apart and listed) and not versus:
        of = {names[t][0] for t in reading.who.included}
        named = len({names[t] for t in reading.who.included}) > 1
        if said_apart and named and of in ({"department"}, {"job"}) and not reading.group:
            reading.group.append("department" if of == {"department"} else "job")
            return None  # 'Sales and Legal hires in 2021, separately': one row each
        if said_apart and reading.group:
            return None  # 'Sales hires for 2021, listed separately by quarter': the grouping
        if said_apart:
            return Refusal(
                "Separately: which periods? List them, e.g. Legal hires in 2021 and 2022, "
                "each year on its own row, or ask for hires per year."
            )
        return None
    if len(listed) > 1:
        return Refusal("Two lists of periods: ask for one list, each period on its own row.")
    (phrase,) = listed
    kinds = {unit(span) for span in phrase.listed}
    if len(kinds) != 1 or None in kinds:
        return Refusal(
            "Each period on its own row needs periods of one kind (years, halves, quarters or "
            "months): e.g. Legal hires in 2020, 2021 and 2022, separately."
        )
    (kind,) = kinds
    assert kind is not None
    if len({names[t] for t in reading.who.included}) > 1 and not reading.group:
        return Refusal(
            "Each period on its own row, for those names together or for each name? Ask e.g. "
            "hires per department in 2021 and 2022, or for one name's periods."
        )
    timed = [d for d in reading.group if d in TIME_DIMENSIONS]
    finer = {"year": 0, "half": 1, "quarter": 2, "month": 3, "day": 4, "weekday": 5}
    if any(finer[d] < finer[kind] for d in timed):  # 'by year, Q1 and Q2 separately'
        return Refusal(
            f"Each {kind} on its own row, but counted per {timed[0]}: ask for one of them."
        )
    dated = timed and set(timed) <= {"half", "quarter", "month"}
    ranked = reading.rank is not None and (reading.rank.limit is not None or reading.which_singular)
    ordered = reading.rank is not None or reading.rank_order is not None
    if kind == "year" and dated and ordered and not ranked:
        return Refusal(  # 'months ranked by hires in 2021 and 2022, separately'
            f"Ranked within each year, or across them? Ask e.g. the busiest {timed[0]} in each "
            f"of those years, or {timed[0]}s ranked by hires over them together."
        )
    if kind == "year" and dated and ranked and "year" not in reading.group:
        reading.group.insert(0, "year")  # 'the busiest month in each of 2021 and 2022'
        reading.each_dims.append("year")
    elif kind not in reading.group and not (kind == "year" and dated):
        reading.group.append(kind)  # per quarter across years comes with its year anyway
        reading.each_dims.append(kind)  # 'the top department in 2021 and 2022, separately'
    kept = sorted(phrase.listed, key=lambda s: s[0] or date.min)
    joined = DatePhrase(kept, words=phrase.words)
    return [joined if p is phrase else p for p in phrases]


SINGLE = re.compile(
    r"\b(?:in|during|within|over|for) (?:a|any|one|some|a single|any single|any one|any given"
    r"|a given|at least one|a particular|an individual|a calendar|any calendar)"
    r"(?: single| one| calendar)? (?P<unit>year|quarter|month|half[ -]year)\b"
    r"|\b(?:in|within) (?:a|one|the same) (?P<unit2>year|quarter|month)(?= *$| ,| :)"
)
"""'more than 100 hires in a single year': the condition held by a group in one period."""
WHICH_PERIOD = re.compile(
    r"(?:(?:,|:|;) )?\b(?:and )?(?:which|what|the|in which|and the) (?P<unit>year|quarter|month"
    r"|half)(?: (?:it was|was it|that was|it happened|did it happen|too|as well))?\b"
    r"|\b(?:and )?when\b(?= *$)"
)
"""'which team, which year': the period of each row, shown beside its group."""


def read_single(words: Words, reading: Reading) -> None:
    """'Teams with more than 100 hires in a single year': per group and year, the pairs that
    pass (the period each row is in is asked too: 'which team, which year')."""
    if reading.threshold is None or not (match := words.search(SINGLE)):
        return
    kind = dimension(match["unit"] or match["unit2"])
    words.take(match)
    for which in words.take_all(WHICH_PERIOD):
        reading.single_asked = True
        if which["unit"] and dimension(which["unit"]) != kind:
            reading.group.append(dimension(which["unit"]))  # said, never dropped: refused later
    reading.single = kind  # a grouping of its own once the others are read: single_rows


def single_rows(reading: Reading) -> None:
    """The period of 'in a single year' as the last grouping (after 'which team'); said as a
    grouping too ('by year') it is asked, as 'which year' asks it."""
    if reading.single is None:
        return
    if reading.single in reading.group:
        reading.single_asked = True
    else:
        reading.group.append(reading.single)
