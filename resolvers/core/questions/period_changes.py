"""Two periods side by side: each one's hires, the difference, the change, or the ratio.

'How many more hires in 2022 than 2021', 'by what percent did hiring drop',
'which departments grew from 2021 to 2022', 'Q3 2022 minus Q2 2022': the two
periods said (or joined from two phrases, ``two_periods``) are compared under
the same filters, in the order the words set them, overall or per department or
job; what cannot be told (whose dates, which way) is refused, never guessed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from resolvers.core.questions import dates
from resolvers.core.questions.dates import DatePhrase
from resolvers.core.questions.differences import _versus
from resolvers.core.questions.patterns import (
    BOTH_COUNTS,
    CHANGE_NOUN,
    COMPARE,
    DIFFERENCE,
    FACTORS,
    GREW,
    MULTIPLIED,
    OVERALL,
    PERCENT_CHANGE,
    PERIOD_RATIO,
    SUBTRACT,
    THAN_PERIOD,
    YES_NO,
)
from resolvers.core.questions.query import CompareQuery, DifferenceQuery, Filters, Period
from resolvers.core.questions.shape_filters import Parsed, Reading, Refusal, _count_words, _filters
from resolvers.core.questions.words import Words


def two_periods_compared(
    parsed: Parsed, phrases: list[dates.DatePhrase], sides: dates.DatePhrase
) -> CompareQuery | DifferenceQuery | Refusal:
    """Two periods side by side ('2021 vs 2022', 'how much did hiring grow'): what is shown.

    Each count, the difference, or the change in percent, overall or per department or
    job, and only the groups that grew (shrank) when asked which: read from the words that
    compare, in the order the periods were said.
    """
    words, reading = parsed.words, parsed.reading
    names, catalog = parsed.names, parsed.catalog
    if reading.who.included and (words.has(OVERALL) or WHOLE.search(reading.line)):
        # 'Sales hires in 2022 vs all hires in 2021': the company on one side only
        return Refusal(
            "Does that name hold for both periods? Ask e.g. how many more did Sales hire "
            "in 2022 than the whole company in 2021, or name it for both."
        )
    factor, multiplied = None, words.search(MULTIPLIED)
    if multiplied:  # 'at least doubled': grew (or shrank) by that factor
        if multiplied.group("more"):
            return Refusal(
                "A growth by more (or less) than a factor is not answered; ask which "
                "departments at least doubled (or halved) their hiring between two periods."
            )
        words.take(multiplied)
        verb = multiplied.group("verb")
        factor = next(n for stem, n in FACTORS.items() if verb.startswith(stem))
    difference = words.search(DIFFERENCE)
    if difference:
        words.take(difference)
    subtract = bool(words.take_all(SUBTRACT))  # 'A minus B', 'A exceeded B': A - B
    if subtract:  # 'how many did 2022 exceed 2021 by'
        words.take_all(re.compile(r"\bby(?= *$)"))
    grew = words.search(GREW)
    if grew:
        words.take(grew)
    words.take_all(BOTH_COUNTS)  # each group's two counts are shown anyway
    percent = bool(words.take_all(PERCENT_CHANGE)) or PERCENT_CHANGE.search(reading.spoken)
    noun = None if (grew or difference) else words.search(CHANGE_NOUN)
    if noun:  # 'growth in Sales hires from 2021 to 2022': the change, not both counts
        words.take(noun)
    words.take_all(COMPARE)
    rest = [p.spans for p in phrases if p is not sides]
    filters_ = _filters(reading, names, catalog, rest)
    if isinstance(filters_, Refusal):
        return filters_
    if over := period_ratio(parsed, filters_, sides):  # 'ratio of 2022 to 2021'
        return over
    first, second = (Period(start=s, end=e) for s, e in sides.listed)
    named = {names[t] for t in reading.who.included}  # 'Sales 2021 vs Sales 2022': one
    versus = len(named) >= 2 and not reading.group and _versus(reading)
    if versus:
        # 'how did Sales hiring change from 2021 to 2022 versus Legal': each on its own
        kinds = {names[t][0] for t in reading.who.included}
        if kinds not in ({"department"}, {"job"}):
            return Refusal(
                "Compare the change of two departments, or of two jobs, e.g. how much did "
                "hiring grow from 2021 to 2022 in Sales versus Legal?"
            )
        reading.group.append(kinds.pop())  # type: ignore[arg-type]
    group = [d for d in reading.group if d in ("department", "job")]
    if len(group) < len(reading.group) or len(group) > 1 or reading.rank or reading.threshold:
        return Refusal("A comparison of two periods can be split by department or job only.")
    show: Literal["each", "difference", "percent_change"] = "each"
    direction = (difference.group("dir") or difference.group("dir2")) if difference else None
    direction = {"lower": "fewer", "higher": "more"}.get(direction or "", direction)
    only: Literal["grew", "shrank"] | None = None
    drop = False
    changed: Literal["difference", "percent_change"] = "percent_change" if percent else "difference"
    if versus and multiplied:
        return Refusal(
            "Doubled (or halved) is answered for every department or job at once: ask which "
            "departments at least doubled their hiring from 2021 to 2022."
        )
    if versus:  # each named group's change, none left out
        show = changed if (percent or grew or difference) else "each"
    elif group and (grew or multiplied or ((direction or subtract) and reading.which)):
        # per group, the second minus the first, in the order said ('fewer in A than B'
        # keeps the groups where A - B < 0): which grew, which shrank
        show = changed
        up = grew.group("up") if grew else direction == "more"
        if multiplied:
            up = not multiplied.group("verb").startswith("halv")
        if subtract and not (grew or multiplied or direction):
            up, (first, second) = True, (second, first)  # 'whose 2022 exceeded 2021'
        only = "grew" if up else "shrank"
        if (grew or multiplied) and sides.listed[0][0] and sides.listed[1][0]:
            first, second = sorted((first, second), key=lambda p: p.start or date.min)
    elif multiplied:
        return Refusal(
            "Doubled (or halved) is answered per department or job: ask which departments "
            "at least doubled their hiring from 2021 to 2022."
        )
    elif group and reading.which:
        return Refusal(
            "Which departments (jobs), by what rule? Ask which grew (or shrank) between "
            "the two periods, or for both periods side by side per department."
        )
    elif percent or (grew and not group) or noun:
        # 'by what percent did hiring drop from 2021 to 2022', 'how much did it grow':
        # a change from the earlier period to the later ('2022 vs 2021 growth'); with
        # 'than', from the period after 'than' (listed first) to the other
        show = changed
        if subtract:  # 'by what percent did 2022 exceed 2021': from the second said
            first, second = second, first
        elif not THAN_PERIOD.search(reading.line) and first.start and second.start:
            first, second = sorted((first, second), key=lambda p: p.start or date.min)
        down = (grew and grew.group("down")) or direction in ("fewer", "less")
        drop = bool(down) and not group
    elif difference or subtract:
        show = "difference"
        gap = difference and (difference.group("gap") or difference.group("gap2"))
        behind = bool(difference) and direction in ("fewer", "less")
        ahead = bool(gap or subtract or (difference and direction == "more"))
        said = f" {sides.words} "
        if " than " in said:  # 'more in A than B' came as (B, A): A - B already
            swap = behind
        elif re.match(r" *(?:between|from)\b", said):  # 'from A to B' is B - A, a change
            swap = behind or bool(gap or subtract)  # 'the difference between A and B': A - B
        else:  # 'how many more in A vs B' is A - B; 'how many fewer in A vs B', B - A
            swap = ahead
        if swap:
            first, second = second, first
    _count_words(words)
    return CompareQuery(
        filters=filters_,
        periods=(first, second),
        show=show,
        group_by=group[0] if group else None,
        only=only,
        factor=factor,
        drop=drop,
    )


WHOLE = re.compile(
    r"\b(?:all|everyone|everybody|company|firm|whole|entire|organi[sz]ation|org|companywide"
    r"|company-wide)\b"
)
"""Words for every hire ('all hires', 'the company'): beside a name in a comparison of two
periods, a side of its own, never the name's (filler, only where they change nothing)."""


def two_periods(
    words: Words,
    reading: Reading,
    phrases: list[DatePhrase],
    names: dict[str, tuple[str, str]],
) -> DatePhrase | Refusal | None:
    """'Q3 2022 minus Q2 2022', 'by how many did Sales' 2022 hires exceed its 2021 hires':
    two whole periods said apart, with a word that subtracts or compares them, are the two
    sides of a comparison, in the order said; None when the question is not so.

    Read together, two periods that never overlap hold no hire at all; so this only
    answers what was refused before. A side after 'than' keeps the question to the rules
    that read named sides; two names beside the two periods (whose dates are whose?) and
    a yes-or-no question are refused, each with its own reason.
    """
    if reading.than or len(phrases) != 2:
        return None
    if not any(words.has(p) for p in (SUBTRACT, COMPARE, DIFFERENCE, GREW, PERIOD_RATIO)):
        return None
    spans = [p.spans[0] for p in phrases if len(p.spans) == 1 and len(p.listed) <= 1]
    if len(spans) != 2 or any(None in span for span in spans):
        return None
    if dates.intersect([[spans[0]], [spans[1]]]):
        return None
    at = [reading.line.find(p.words) for p in phrases]
    if -1 in at or at[0] == at[1]:
        return None
    if len({names[t] for t in reading.who.included}) > 1:  # 'Sales 2021 vs Sales 2022': one
        return Refusal(
            "Two periods and two names: say which dates go with which name, e.g. Sales "
            "hires in 2022 minus Legal hires in 2021, or ask for one name's two periods."
        )
    if YES_NO.search(reading.line):
        return Refusal(
            "A yes-or-no comparison is not answered; ask by how many one period's hires "
            "exceed the other's instead."
        )
    first_at, last_at = min(at), max(at)
    for named in {names[t] for t in reading.who.included}:
        said_at = [reading.line.find(t) for t in reading.who.included if names[t] == named]
        if not any(a < first_at or a > last_at for a in said_at):
            # 'Q3 2022 minus hires of Sales in Q2 2022': Sales is the second side's only
            return Refusal(
                f"Is {named[1]} said of both periods, or of one only? Say it before both "
                f"({named[1]} hires: Q3 2022 minus Q2 2022) or for each side."
            )
    order = sorted(zip(at, phrases, strict=True), key=lambda pair: pair[0])
    if subtract := SUBTRACT.search(reading.line):  # the period after 'minus' is taken away
        after = [p for start, p in order if start > subtract.start()]
        object_ = [  # 'exceeded their 2021 hires in 2022': the one right after the verb
            p
            for start, p in order
            if start > subtract.start() and OBJECT.fullmatch(reading.line[subtract.end() : start])
        ]
        after = object_ or after
        if len(after) != 1:
            return Refusal(
                "Which period is taken from which? Ask e.g. hires in Q3 2022 minus hires in "
                "Q2 2022, or by how many 2022's hires exceeded 2021's."
            )
        order = [pair for pair in order if pair[1] is not after[0]] + [(0, after[0])]
        if subtract["short"]:  # '2022 fell short of 2021 by how many': 2021 minus 2022
            order.reverse()
    said = [order[0][1].spans[0], order[1][1].spans[0]]
    return DatePhrase(said, said, f"{order[0][1].words} {order[1][1].words}")


OBJECT = re.compile(r" *(?:(?:their|its|the|our|hires|hiring|in|of|during) +)*")
"""The words that may stand between 'exceeded' (or 'minus') and the period it takes away."""


def period_ratio(
    parsed: Parsed, common: Filters, pair: DatePhrase
) -> DifferenceQuery | Refusal | None:
    """'The ratio of 2022 hires to 2021 hires', 'Q2 2021 hires divided by Q1 2021 hires': the
    first period said over the second, under the same filters; None when no ratio is asked."""
    words, reading = parsed.words, parsed.reading
    if not (ratio := words.search(PERIOD_RATIO)):
        return None
    if reading.group or words.has(GREW) or words.has(SUBTRACT) or words.has(PERCENT_CHANGE):
        return Refusal(
            "A ratio of two periods is one number over the other, for all the hires the "
            "question keeps: ask e.g. the ratio of 2022 hires to 2021 hires."
        )
    words.take(ratio)
    words.take_all(re.compile(r"\bto\b"))
    words.take_all(COMPARE)
    _count_words(words)
    first, second = (Period(start=s, end=e) for s, e in pair.listed)
    sides = (Filters(periods=(first,)), Filters(periods=(second,)))
    return DifferenceQuery(filters=common, sides=sides, show="ratio")
