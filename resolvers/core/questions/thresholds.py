"""How many hires a group must have, and what it is compared with, as the question says it.

'more than 100', 'between 10 and 20', 'no hires', 'above the mean', 'more than
Sales (did in 2021)': each becomes the Reading's Threshold (or its named side,
``than``). Read before dates (dates.py), since 'depts by 2021 hires' is 'in
2021', never 'until'; a mean said of another period is found here so the
parser refuses it rather than answer a mean it does not compute.
"""

from __future__ import annotations

import re
from datetime import date

from resolvers.core.questions import dates, filters
from resolvers.core.questions.patterns import (
    BOUNDS,
    DIM,
    DIM_ADVERB,
    EXACTLY,
    GROUP,
    MEAN,
    MEAN_RESTATED,
    MINUS_NAME,
    MORE,
    MOST_FIRST,
    NOBODY,
    ORDER_BY_HIRES,
    OVERALL,
    THAN_NAME,
    THRESHOLD,
    TWO_SIDED,
    WHICH_DIM,
    dims,
    number,
)
from resolvers.core.questions.query import Than, Threshold
from resolvers.core.questions.shape_filters import Reading, Refusal
from resolvers.core.questions.words import Words


def read_than(
    words: Words, reading: Reading, names: dict[str, tuple[str, str]], today: date
) -> None:
    """'more hires than Sales (did in 2021)', 'Sales minus Legal': the named side compared with.

    The words after it are that side's own: its dates, its names, 'overall'.
    """
    than = words.search(THAN_NAME)
    more = list(MORE.finditer(words.text[: than.start()])) if than else []
    op, noun = "more", None
    if than is not None and than.group("out"):  # 'which departments out-hired Sales'
        for by in list(OUT_BY.finditer(words.text))[::-1]:  # 'by how many did Sales beat Legal'
            words.take(by, "by", "by2")
    elif than is not None and more:
        op, noun = more[-1].group("op"), more[-1].group("noun")
        words.take(more[-1])
        if noun:  # 'more engineers than Sales': engineers stay, for both sides
            start, end = more[-1].span("noun")
            words.text = words.text[:start] + noun + words.text[end:]
    else:
        than = words.search(MINUS_NAME)
        grouped = words.has(GROUP) or words.has(WHICH_DIM) or words.has(DIM_ADVERB)
        if than is None or grouped or not re.search(filters.ENTITY, words.text[: than.start()]):
            return  # 'hires by department minus Legal' leaves Legal out
    token = than.group("name")
    reading.than, reading.than_noun = (op, token), noun
    kind, name = names[token]
    if reading.threshold is None and kind != "family" and than.re is THAN_NAME:
        compare = "more_than" if op == "more" else "fewer_than"
        than_ = Than(department=name) if kind == "department" else Than(job=name)
        reading.threshold = Threshold(compare=compare, than=than_)  # type: ignore[arg-type]
    words.take(than)
    tail = Words(words.text[than.end() :].split())
    reading.tail_phrases = dates.read(tail, today, False)
    if overall := tail.search(OVERALL):
        reading.tail_overall = True
        tail.take(overall)
    for match in tail.take_all(filters.EXCLUDED):  # 'than Legal, not counting interns'
        reading.tail_excluded += re.findall(filters.ENTITY, match.group("list"))
    for match in tail.take_all(filters.INCLUDED):  # 'than Legal engineers'
        reading.tail_included += re.findall(filters.ENTITY, match.group("list"))
    words.text = words.text[: than.end()] + tail.text


OUT_BY = re.compile(
    r"\b(?P<by>by)(?= how (?:many|much)\b)|(?<=\w) (?P<by2>by)(?= *$| (?:in|during|for|over) )"
)
"""The 'by' of a margin ('by how many did Sales beat Legal', 'outhire Legal by in 2021'):
the difference asked, read beside a verb that names it."""


def read_threshold(words: Words, reading: Reading) -> None:
    # 'above the 2021 mean' is 'above the mean in 2021': the year stays for dates.py
    words.text = re.sub(
        r"\b(the|an|a|our) ((?:1[5-9]|20|21)\d\d)"
        r" ((?:departmental |department |company |team )?(?:average|mean|avg|typical))\b",
        r"\1 \3 in \2",
        words.text,
    )
    # 'ranked by 2022 hires', 'biggest departments by 2022 hiring': by hires in 2022, not
    # 'by' as in 'up to 2022'
    words.text = re.sub(
        rf"\b((?:ranked|sorted|ordered|rank|sort|order|listed)(?:(?: all)?(?: the| our)? {DIM})?"
        rf"|{DIM}) by ((?:1[5-9]|20|21)\d\d) (hires|hiring|headcount|hire counts?)\b",
        r"\1 by \3 in \2",
        words.text,
    )
    if match := words.search(MOST_FIRST):
        fewest = match.group("dir") in (
            "fewest",
            "smallest",
            "lowest",
            "least",
            "quietest",
            "slowest",
        )
        reading.rank_order = "fewest" if fewest else "most"
        words.take(match)
    elif match := words.search(ORDER_BY_HIRES):
        up = match.group("up") or match.group("up2") or match.group("up3")  # down4: top down
        reading.rank_order = "fewest" if up else "most"
        words.take(match)
    if match := words.search(NOBODY):
        reading.threshold = Threshold(compare="exactly", value=0)
        words.take(match)
        return
    if (match := words.search(TWO_SIDED)) and (bounds := _two_sided(match)):
        reading.threshold = Threshold(compare="between", value=bounds[0], upper=bounds[1])
        year = match.span("year")  # 'more than 100 in 2022 and fewer than 150': the date stays
        words.take(match)
        if year[0] >= 0:
            words.text = words.text[: year[0]] + match.group("year") + words.text[year[1] :]
        return
    if match := words.search(BOUNDS):
        ends = (match.group("n") or match.group("n3"), match.group("n2") or match.group("n4"))
        low, high = sorted(number(end) for end in ends)
        reading.threshold = Threshold(compare="between", value=low, upper=high)
        words.take(match)
        return
    if match := words.search(EXACTLY):
        reading.threshold = Threshold(compare="exactly", value=number(match.group("n") or "one"))
        words.take(match)
        return
    if match := words.search(MEAN):
        op = match.group("op") or match.group("adj") or ""
        below = op.startswith(("fewer", "less", "lower", "below", "under", "quieter"))
        reading.threshold = Threshold(compare="below_mean" if below else "above_mean")
        said = (match.group(g) for g in ("kind", "per", "over"))
        reading.mean_over = dims(" ".join(w for w in said if w))
        words.take(match)
        if again := words.search(MEAN_RESTATED):
            reading.mean_over = list(dict.fromkeys([*reading.mean_over, *dims(again["over"])]))
            words.take(again)
        if whose := words.search(re.compile(r"\bwhose\b(?= .*?\b(?:hiring|hires)\b)")):
            words.take(whose)  # 'departments whose 2022 hiring was above average'
        return
    if (match := words.search(THRESHOLD)) and not _year_compared(match, words.text):
        op = match.group("op") or match.group("op2") or ""
        n = number(match.group("n") or match.group("n2"))
        kind = "more_than"
        if op in (
            "at least",
            "no fewer than",
            "no less than",
            "or more",
            "and more",
            "and up",
            "plus",
        ):
            kind = "at_least"
        elif op in ("at most", "no more than", "or fewer", "or less"):
            kind = "at_most"
        elif op.startswith(("fewer", "less", "lower", "under", "below")):
            kind = "fewer_than"
        if "or more" in match.group(0):
            kind = "at_least"
        if "or fewer" in match.group(0) or "or less" in match.group(0):
            kind = "at_most"
        reading.threshold = Threshold(compare=kind, value=n)  # type: ignore[arg-type]
        words.take(match)


_YEAR = r"(?:19|20)\d\d"
_AVG = r"(?:average|mean|avg|typical|norm)"
_COMPARED = (
    r"\b(?:above|below|over|under|more|fewer|less|higher|lower|better|beat\w*|exceed\w*"
    r"|outpac\w*|out ?hir\w*|topp\w*|surpass\w*)\b(?: \w+){0,4}? (?:than )?"
)
MEAN_OF_A_YEAR = re.compile(
    rf"{_COMPARED}(?:the|an|a|our) (?P<year>{_YEAR}) (?:departmental |department |company "
    rf"|team )?{_AVG}\b|{_COMPARED}(?:the )?{_AVG} (?:of|for|from) (?P<year2>{_YEAR})\b"
)
"""'above the 2020 mean', 'beat the average of 2020 ... in 2021': a mean with its own year."""
MEAN_ELSEWHERE = re.compile(
    rf"{_COMPARED}(?:(?:last|previous|prior|preceding|the other|another|next)"
    rf" (?:year|quarter|month)(?: s)? (?:departmental |department |company |team )?{_AVG}\b"
    rf"|(?:the )?{_AVG} (?:of |for |from |in )(?:the )?(?:previous|prior|preceding|other|last"
    rf"|next) (?:year|quarter|month)\b"
    rf"|(?:the )?{_AVG} (?:of |for |from |in )the (?:year|quarter|month) (?:before|after)\b)"
)
"""'above last year's average', 'the mean of the previous year': the mean of another period."""


def mean_of_another_year(text: str) -> bool:
    """A mean said with a year of its own, when the question counts hires in another year."""
    match = MEAN_OF_A_YEAR.search(text)
    if match is None:
        return False
    group = "year" if match.group("year") else "year2"
    year, (start, end) = match.group(group), match.span(group)
    rest = text[:start] + " " + text[end:]
    return any(other != year for other in re.findall(_YEAR, rest))


def _year_compared(match: re.Match[str], text: str) -> bool:
    """'hires in 2021 exceeded 2022': a bare year after the comparing word, beside another
    year, is a period compared with, never a number of hires (no 'hires' follows it)."""
    said = match.group("n") or ""
    if not re.fullmatch(_YEAR, said) or not match.group(0).rstrip().endswith(said):
        return False
    rest = text[: match.start()] + " " + text[match.end() :]
    return re.search(rf"\b{_YEAR}\b", rest) is not None


def with_hires(reading: Reading) -> Refusal | None:
    """'(only those with hires)': the groups kept have at least one hire, as a threshold.

    A threshold that already leaves out the groups without a hire stays; one
    with an upper bound gains the lower bound 1; one that keeps only zeros is
    refused, the two conditions never both holding.
    """
    held = reading.threshold
    if held is None:
        reading.threshold = Threshold(compare="at_least", value=1)
    elif held.compare in ("fewer_than", "at_most") and held.value is not None:
        upper = held.value - 1 if held.compare == "fewer_than" else held.value
        if upper < 1:
            return Refusal("Only groups with hires, and fewer hires than one: none can be both.")
        reading.threshold = Threshold(compare="between", value=1, upper=upper)
    elif held.compare in ("exactly", "between") and held.value == 0:
        if held.compare == "exactly" or held.upper == 0:
            return Refusal("Only groups with hires, and groups with none: none can be both.")
        reading.threshold = Threshold(compare="between", value=1, upper=held.upper)
    return None


def _two_sided(match: re.Match[str]) -> tuple[int, int] | None:
    """A count above one bound and below another, as the whole numbers both include.

    None when no whole number lies between them: the words stay unread and the
    question is refused, never answered as an empty range.
    """
    low_op, high_op = (
        match.group("lo") or match.group("lo2"),
        match.group("hi") or match.group("hi2"),
    )
    low = number(match.group("n") or match.group("n4"))
    high = number(match.group("n2") or match.group("n3"))
    low += 0 if low_op in ("at least", "no fewer than", "no less than") else 1
    high -= 0 if high_op in ("at most", "no more than") else 1
    return (low, high) if low <= high else None
