"""Groupings, rankings and orders, as the question says them: 'by department', 'the top 3'.

'hires per department and quarter', 'the top 3 jobs in each team', 'sorted by
job then department', 'fewest first': each fills the Reading's groups, its Rank
or its order. Rankings are read before groupings, since 'the top job in each
department' ranks within the groups it names.
"""

from __future__ import annotations

import re
from typing import Literal

from resolvers.core.questions import lexicon
from resolvers.core.questions.patterns import (
    AND_HOW_MANY,
    ANY_DIM,
    AS_COLUMNS,
    AS_ROWS,
    BREAK_DOWN,
    BREAKDOWN,
    COMBO,
    COUNT_GROUPS,
    CROSSED,
    DIM,
    DIM_ADVERB,
    DIM_FIRST,
    DIM_THAT,
    DIM_WITH,
    DIMS_ORDER,
    DIMS_THEN,
    GROUP,
    LISTED_DIMS,
    MOST_RECENT,
    N_MOST,
    NUMBER_ONE,
    ORD_MOST,
    ORDER_DIMS,
    ORDERING,
    RANK_BY,
    RANK_THE,
    RANKED_RANGE,
    TOP_N,
    TOP_N_ONLY,
    TRAILING_DIMS,
    WHICH_DIM,
    WHICH_N,
    WHICH_ONES,
    dimension,
    dims,
    number,
)
from resolvers.core.questions.query import Rank
from resolvers.core.questions.shape_filters import Reading
from resolvers.core.questions.words import Words

HOW_MANY_BEFORE = re.compile(
    r"\b(?:how many|number of|count of|count the|total number of)"
    r"(?: different| distinct| unique| separate)? *$"
)


def read_ranks(words: Words, reading: Reading) -> None:
    _rank(words, reading)
    if (reading.rank or reading.rank_order) and (match := words.search(RANK_BY)):
        words.take(match)


def _rank(words: Words, reading: Reading) -> None:
    if words.has(MOST_RECENT):
        return
    if match := words.search(NUMBER_ONE):
        reading.rank = Rank(order="most", limit=1)
        words.take(match)
        return
    if match := words.search(RANK_THE):  # 'rank the departments by hires, smallest first'
        reading.rank = Rank(order="fewest" if reading.rank_order == "fewest" else "most")
        reading.group += dims(match.group("dims"))
        words.take(match)
        return
    if match := words.search(RANKED_RANGE):
        first, last = (_place(match.group(g)) for g in ("a", "b"))
        if last > first:
            reading.rank = Rank(order="most", offset=first - 1, limit=last - first + 1)
            words.take(match)
            return
    if (which := words.search(WHICH_N)) and words.has(ORD_MOST):
        reading.group += dims(which.group("dims"))
        words.take(which)
        most = words.search(ORD_MOST)
        assert most is not None
        order: Literal["most", "fewest"] = "fewest" if most.group("least") else "most"
        reading.rank = Rank(order=order, limit=number(which.group("n")))
        words.take(most)
        return
    if match := words.search(TOP_N):
        if only := words.search(TOP_N_ONLY):
            words.take(only, "only")
        order = "fewest" if match.group("bottom") else "most"
        reading.rank = Rank(order=order, limit=number(match.group("n")))
        words.take(match)
    elif match := words.search(N_MOST):
        order = "fewest" if match.group("least") else "most"
        reading.rank = Rank(order=order, limit=number(match.group("n")))
        words.take(match, "n", "most" if match.group("most") else "least")
    elif match := words.search(ORD_MOST):
        order = "fewest" if match.group("least") else "most"
        offset = lexicon.ORDINALS[match.group("ord")] - 1 if match.group("ord") else 0
        reading.rank = Rank(order=order, offset=offset, limit=1 if offset else None)
        words.take(match)


def _place(word: str) -> int:
    return lexicon.ORDINALS.get(word) or int(re.sub(r"\D", "", word))


def read_groups(words: Words, reading: Reading) -> None:
    for order_said in words.take_all(DIMS_ORDER):  # 'in department-then-job order'
        reading.order_dims += dims(order_said.group("dims"))
    if match := words.search(ORDERING):
        _ordering(words, reading, match)
    for match in words.take_all(DIM_FIRST):  # 'department first, then job'
        reading.order_dims += dims(match.group("dims"))
    columns = words.take_all(AS_COLUMNS)  # 'with each quarter in its own column'
    columns += words.take_all(AS_ROWS)  # 'dept + job rows'
    for match in words.take_all(DIM_ADVERB):  # before GROUP: 'quarter by quarter' is one word
        adverb = match.group("adv")
        reading.group.append(dimension("year" if adverb.startswith(("annual", "year")) else adverb))
        if reading.rank is not None and " by " in adverb:  # 'year by year, the top department'
            reading.each_dims.append(reading.group[-1])
    for match in words.take_all(CROSSED):  # before GROUP reads 'by job' alone
        reading.group += dims(match.group("dims"))
    for match in words.take_all(GROUP):
        ranked_in_each = reading.rank is not None and EACH_GROUP.match(match.group(0))
        if ACROSS_ALL.match(match.group(0)) and words.has(TOTAL) and not ranked_in_each:
            continue  # 'in total across all depts': one number, company-wide
        reading.group += dims(match.group("dims"))
        reading.each_dims += dims(match.group("dims"))
    for match in words.take_all(DIMS_THEN):  # ', dept then title' after the groupings
        reading.order_dims += dims(match.group("dims"))
    listed = [*words.take_all(BREAKDOWN), *words.take_all(TRAILING_DIMS)]
    for match in [*listed, *words.take_all(LISTED_DIMS), *columns]:
        reading.group += dims(match.group("dims") or match.group("dims2"))
    if match := words.search(WHICH_DIM):
        reading.group += dims(match.group("dims"))
        reading.which_singular = bool(match.group("one")) or not match.group("dims").endswith("s")
        reading.which = True
        words.take(match)
    elif not reading.group and (match := words.search(DIM_THAT) or words.search(ANY_DIM)):
        said = match.group("dims") or match.groupdict().get("dims2") or ""
        reading.group += dims(said)  # 'departments that hired more in 2022'
        reading.which = True
        words.take(match)
        if how := HOW_MANY_BEFORE.search(words.text[: match.start()]):
            reading.counted_groups = True  # 'count of distinct departments that hired in Q1'
            words.take(how)
    if reading.group and (match := words.search(WHICH_ONES)):
        reading.which = True  # 'any quarters with more than 250? which ones'
        words.take(match)
    titles_versus = bool(  # 'departments that hired more engineers than designers'
        reading.than
        and reading.than_noun
        and all(t.startswith(("__f", "__j")) for t in (reading.than[1], reading.than_noun))
    )
    ranked = reading.rank is not None or reading.threshold is not None or titles_versus
    ordered = ranked or reading.rank_order is not None  # 'months of 2021 ranked by hires'
    if ranked and not reading.group and (match := words.search(DIM_WITH)):
        reading.group += dims(match.group("dims"))
        reading.which_singular = not match.group("dims").endswith("s")
        words.take(match)
    within = reading.rank is not None and reading.group == reading.each_dims
    if ordered and (not reading.group or within):
        bare = re.compile(
            rf"\b(?P<how>how many |number of )?(?P<dims>{DIM})(?: with| that had| having)?\b"
        )
        if match := words.search(bare):
            reading.counted_groups = bool(match.group("how"))
            reading.group += dims(match.group("dims"))
            # 'department hire counts, descending' is an order of every department: only a
            # superlative said of one ('the department with the most') is the one
            reading.which_singular = ranked and not match.group("dims").endswith("s")
            words.take(match)
    if ranked and reading.group:  # 'departments above the mean hires per department'
        bare = re.compile(
            rf"\b(?P<how>how many |number of )?(?P<dims>{DIM})"
            r"(?: with| having| that had| where| whose| in which)?\b"
        )
        while (match := words.search(bare)) and set(dims(match.group("dims"))) <= set(
            reading.group
        ):
            reading.counted_groups |= bool(match.group("how"))
            words.take(match)
    reading.group = list(dict.fromkeys(reading.group))
    if reading.group:
        words.take_all(BREAK_DOWN)
    if len(reading.group) > 1:
        words.take_all(COMBO)  # 'every department and job combo'
        if HOW_MANY_COMBOS.search(reading.line):  # 'how many dept-job pairs hired': a number
            reading.counted_groups = reading.which = True
    if reading.group and (also := words.search(AND_HOW_MANY)):
        words.take(also)  # 'which teams beat the mean, and how many did they hire': the counts
    if (reading.threshold or titles_versus) and reading.group and COUNT_GROUPS.search(reading.line):
        reading.counted_groups = True  # 'the number of departments with more than 100'


HOW_MANY_COMBOS = re.compile(
    rf"\b(?:how many|number of|count of|count the)(?: different| distinct| unique)?"
    rf"(?: (?:{DIM})(?: (?:and|&|/|x|by|-))?)+ (?:combos?|combinations?|pairs?|pairings?)\b"
)
"""'how many department and job combos had hires': the pairs with a hire, counted."""


def groups_said(words: Words) -> bool:
    """Whether the question groups its hires ('by dept and job', 'every combo of'), and says
    no total: a Q1-Q4 span beside a grouping splits it by quarter, as it never narrows it."""
    said = (GROUP, BREAKDOWN, CROSSED, LISTED_DIMS, TRAILING_DIMS, DIM_ADVERB)
    return any(words.has(p) for p in said) and not words.has(TOTAL)


ACROSS_ALL = re.compile(r"\b(?:across|for|over|among|in) (?:all|every)\b")
EACH_GROUP = re.compile(r"\b(?:for|in|within|inside) (?:each|every)\b")
"""'the top title in every team, all time': a ranking restarts in each team ('overall' is the
period there); 'the top job across all teams overall' is one ranking."""
TOTAL = re.compile(
    r"\b(?:in total|total|totals|altogether|all together|combined|summed|grand total|overall"
    r"|company-wide|companywide|sum)\b"
)
"""A grouping said with 'all' beside a total ('the total across all teams') is no grouping."""


def _ordering(words: Words, reading: Reading, match: re.Match[str]) -> None:
    """'ordered by department and job' changes nothing; 'by the number hired' ranks.

    'by' followed by neither a count nor departments, jobs or dates ('by last
    name') is not read here: its words are left, and the question is refused.
    """
    direction = match.group("dir") or ""
    by = match.group("by") or ""
    counted = re.search(
        r"\b(?:number|count|employees|people|hires|staff|headcount|hired|many)\b", by
    )
    verb = re.match(r" *(?:ordered|sorted|order|sort|arranged)\b", match.group(0))
    # 'sorted by department then job', or 'sorted dept then job' (no 'by')
    named = words.match_at(ORDER_DIMS, match.end()) if by or (verb and not direction) else None
    if by and not counted and named is None and not direction:
        return
    words.take(match)
    if named:
        reading.order_dims += dims(named.group("dims"))
        words.take(named)
        return
    if direction == "alphabetically" or (not by and not direction):
        return
    if not direction and reading.rank_order:  # 'by how many they hired, fewest first'
        return
    ascending = direction.startswith(("asc", "low")) or re.search(
        r"from (?:the )?(?:fewest|least|lowest)", direction
    )
    reading.rank_order = "fewest" if ascending else "most"


def order_groups(reading: Reading) -> None:
    """'by department and job, sorted by job then department': the groupings in the order said.

    A grouped answer is ordered by its groupings in turn, so an order named
    by groupings puts those first. An order by a grouping the answer does not
    have is left in ``order_dims`` for the shapes to refuse.
    """
    order = list(dict.fromkeys(reading.order_dims))
    reading.order_dims = order
    if order and set(order) <= set(reading.group):
        reading.group = [*order, *(d for d in reading.group if d not in order)]
