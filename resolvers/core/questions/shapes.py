"""The kind of query a question asks, from the words the readers in parse.py left.

Shares, averages, comparisons of two periods, the two reports, the catalog,
lists of employees, and counts (grouped, thresholded, ranked). Each shape
consumes its own words; an HrQuery that will not validate is a refusal.
"""

from __future__ import annotations

import re
from typing import Literal

from resolvers.core.questions import dates
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.catalog_lists import _catalog, _of_the_catalog, _titles_hired
from resolvers.core.questions.compiler import shows_zeros
from resolvers.core.questions.differences import (
    RATIO,
    _difference,
    _ratio,
    _spread,
    _than_difference,
    _titles_versus,
)
from resolvers.core.questions.employee_lists import _employees, _first_per_group
from resolvers.core.questions.patterns import (
    ANYONE,
    AVERAGE,
    COMBINED,
    COMPARE,
    DIFFERENCE,
    DISTINCT,
    MEAN,
    SHARE,
    WENT,
    dimension,
)
from resolvers.core.questions.period_changes import two_periods, two_periods_compared
from resolvers.core.questions.period_rows import APART
from resolvers.core.questions.query import (
    AnyQuery,
    AverageQuery,
    CountQuery,
    Dimension,
    EmployeesQuery,
    Filters,
    HireSpanQuery,
    HrQuery,
    Period,
    Rank,
    ShareQuery,
    Threshold,
)
from resolvers.core.questions.reports import _report
from resolvers.core.questions.shape_filters import (
    Parsed,
    Reading,
    Refusal,
    _count_words,
    _filters,
    _first,
)
from resolvers.core.questions.shares import _share_of_part
from resolvers.core.questions.words import Words

MAX_CHARS = 1000


def measure(
    words: Words,
    reading: Reading,
    phrases: list[dates.DatePhrase],
    names: dict[str, tuple[str, str]],
    compare: bool,
    catalog: Catalog,
) -> HrQuery | Refusal:
    """The kind of query, from the words that are left; refuses what no kind holds."""
    if refused := _order_refused(reading):
        return refused
    if reading.than and reading.group:  # 'more than Sales in 2021': the dates hold for all
        own = [p.spans for p in reading.tail_phrases]
        if phrases and own and own != [p.spans for p in phrases]:
            # 'more in Q4 2021 than Sales in all of 2021': a threshold counts the named
            # group under the groups' own filters, so its other dates cannot be held
            return Refusal(
                "The groups are compared with the named group over the same dates: say one "
                "period for both, e.g. which departments hired more than Sales in 2021."
            )
        phrases = phrases + reading.tail_phrases
        reading.tail_phrases = []
    said = phrases + reading.tail_phrases
    apart = [p for p in said if len(p.listed) >= 2 and APART.search(p.words)]
    if reading.than and not reading.group and apart:  # 'Legal minus Sales in 2021 vs 2022'
        return Refusal(
            "Two names and periods set against each other: say one period for the difference "
            "(Legal minus Sales in 2021), or ask for each name's hires per year."
        )
    joined = two_periods(words, reading, phrases, names)  # 'Q3 2022 minus Q2 2022'
    if isinstance(joined, Refusal):
        return joined
    if joined is not None:
        phrases, compare = [joined], True
    date_sets = [p.spans for p in phrases]
    reading.absent = dates.untouched(phrases)  # 'hired in 2020 but not in 2022'
    both = [p for p in phrases if len(p.listed) >= 2 and not re.search(r"\bor\b", p.words)]
    if reading.absent and both:  # 'hired in 2020 and 2021 but not in 2022': in each, or any?
        return Refusal(
            f"Hired in each of {re.sub(r'^(?:in|during|for|of) ', '', both[0].words.strip())},"
            " or in any of them, with none in the period left out? Ask e.g. which jobs hired in "
            "2020 or 2021 but not in 2022."
        )
    pair = [p for p in phrases if len(p.listed) == 2]
    parsed = Parsed(words, reading, names, catalog, date_sets)
    try:
        query = _shape(parsed, phrases, compare, pair)
    except ValueError as error:
        return Refusal(f"This engine cannot answer that shape of question ({_first(error)}).")
    if isinstance(query, Refusal):
        return query
    if reading.absent and not reading.absent_read and not _of_hires(query):
        return Refusal(  # the period left out removes no hire: it said a group had none there
            "A period left out that the other dates never reach says which groups had no hire "
            "there: ask for departments or jobs, e.g. which jobs hired in 2020 but not in 2022."
        )
    if reading.by_id and not (isinstance(query, CountQuery) and query.by_id):
        return Refusal(  # the id column's groups (its null one too) are never dropped
            "A grouping by department_id (job_id) is answered as hires counted per id, with "
            "its name: ask e.g. for hires per department_id in 2021."
        )
    if isinstance(query, CountQuery) and not query.group_by and words.has(WHICH):
        # 'which Legal hires started in March?' asks for people: one number is no answer.
        # 'which ones did Sales hire in May?', 'which Sales hire joined in May?': a plain
        # count of hires read that way is the list of those people, same filters.
        if query.distinct == "hires" and not (query.threshold or query.rank or query.count_groups):
            return HrQuery(query=EmployeesQuery(filters=query.filters))
        return Refusal("Which ones? Ask for the list, e.g. who was hired in Legal in March 2021?")
    return HrQuery(query=query)


def _of_hires(query: AnyQuery) -> bool:
    """A count or a list of the hires themselves, where 'but not in P' (P outside the other
    dates) leaves out no hire and changes nothing."""
    if isinstance(query, CountQuery):
        return not query.group_by and query.distinct == "hires"
    return isinstance(query, EmployeesQuery) and query.per is None


def _order_refused(reading: Reading) -> Refusal | None:
    """An order by groupings holds only for an answer per those groupings, ordered by them."""
    order = reading.order_dims
    if not order:
        return None
    said = " then ".join(order)
    if not set(order) <= set(reading.group):
        return Refusal(
            f"Ordered by {said}, but the answer is not counted per {said}: ask e.g. for hires "
            f"per {said}."
        )
    by_hires = reading.rank or reading.rank_order
    mean = reading.threshold and reading.threshold.compare in ("above_mean", "below_mean")
    if by_hires or mean:
        return Refusal(f"Ordered by {said} and by the number of hires at once: ask for one order.")
    return None


WHICH = re.compile(r"\b(?:which|wich)\b")
"""A 'which' left after every rule read its words: it asked for items, never a count."""
AVERAGE_OF = re.compile(
    r"\b(?:an? |each |every |one |any |the |our )?(?:typical |single |given |usual )?"
    r"(?P<dims>department|dept|team|division|job|role|title|position|departments|depts|teams"
    r"|jobs|roles|titles)\b"
)
"""What an average is per when no 'per' said it: 'how many did a department hire, on average'."""


def _shape(
    parsed: Parsed, phrases: list[dates.DatePhrase], compare: bool, pair: list[dates.DatePhrase]
) -> AnyQuery | Refusal:
    """The shapes in the order they are tried: each that fits takes its words and answers.

    The order is the reading's: a span or a spread says the whole question; two periods
    side by side, or named sides, are read before a share, an average or a report, which
    are read before lists; what is left is a count (grouped, thresholded, ranked).
    """
    words, reading = parsed.words, parsed.reading
    names, catalog, date_sets = parsed.names, parsed.catalog, parsed.date_sets
    if reading.span:
        return _hire_span(parsed, compare)
    if reading.spread:  # 'the gap between our busiest and quietest department'
        return _spread(parsed)
    if reading.threshold is None and (match := words.search(MEAN)):
        words.take(match)
    # two periods side by side
    if compare and pair:
        (sides,) = pair[:1]
        return two_periods_compared(parsed, phrases, sides)
    named = _named_sides(parsed, compare)
    if named is not None:
        return named
    filters_ = _filters(reading, names, catalog, date_sets)
    if isinstance(filters_, Refusal):
        return filters_
    departments = [t for t in reading.who.included if names[t][0] == "department"]
    if (len(reading.who.included) >= 2 or departments) and not reading.group:
        # 'Sales and Legal combined': one count over both; 'Support hires combined': over
        # every department of that name (a name names them all)
        words.take_all(COMBINED)
    if words.search(SHARE):
        return _share(parsed, filters_, phrases)
    if words.search(AVERAGE):
        return _average(parsed, filters_)
    if report := _report(parsed, filters_):
        return report
    distinct = _counted(parsed, phrases)
    listed = _listed(parsed, filters_, phrases, distinct)
    if listed is not None:
        return listed
    return _count(parsed, filters_, phrases, distinct)


def _named_sides(parsed: Parsed, compare: bool) -> AnyQuery | Refusal | None:
    """Named groups set against each other ('more than Legal', 'Engineering per Sales hire').

    A difference or a ratio of two named sides is answered here; None when the question
    has no such sides. Groups compared with one named group keep it as their threshold,
    and names compared with no 'than' become the grouping ('Sales vs Legal hires').
    """
    words, reading = parsed.words, parsed.reading
    names, date_sets = parsed.names, parsed.date_sets
    if reading.than and not reading.group:
        return _than_difference(parsed)
    if reading.than and (reading.tail_included or reading.tail_excluded):
        return Refusal("Compare the groups with one department or job, not a part of one.")
    titles_versus = _titles_versus(parsed)
    if isinstance(titles_versus, Refusal):
        return titles_versus
    if titles_versus is not None:
        reading.threshold = titles_versus
    elif reading.than and reading.threshold and reading.threshold.than is None:
        return Refusal("Compare the groups with one number or one named group, not both.")
    elif reading.than and names[reading.than[1]][0] == "family":
        return Refusal("Compare the groups with one department or job, not a family of jobs.")
    if (ratio := RATIO.search(reading.line)) and not reading.group:
        return _ratio(parsed, ratio)
    between = words.search(DIFFERENCE)
    if compare and between and len(reading.who.included) == 2 and not reading.group:
        if len(date_sets) > 1:
            return Refusal(
                "Say which dates go with which side, e.g. how many more did Sales hire in "
                "2021 than Legal in 2022."
            )
        words.take(between)
        words.take_all(COMPARE)
        words.take_all(re.compile(r"\bbetween\b"))
        one, other = reading.who.included
        reading.who.included = []
        return _difference(parsed, [one], date_sets, [], [other])
    if compare and len(reading.who.included) >= 2 and not reading.group:
        kinds = {names[t][0].replace("family", "job") for t in reading.who.included}
        if len(kinds) == 1:
            reading.group.append(kinds.pop())  # type: ignore[arg-type]
            words.take_all(COMPARE)
    return None


def _share(
    parsed: Parsed, filters_: Filters, phrases: list[dates.DatePhrase]
) -> ShareQuery | Refusal:
    """A share of hires: per one grouping, or of a part said in words (shares.py)."""
    words, reading = parsed.words, parsed.reading
    words.take_all(SHARE)
    words.take_all(WENT)
    _count_words(words)
    if reading.group:
        if len(reading.group) > 1 or reading.rank or reading.threshold:
            return Refusal("A share can be split by one grouping only.")
        return ShareQuery(filters=filters_, group_by=reading.group[0])
    return _share_of_part(parsed, phrases)


def _average(parsed: Parsed, filters_: Filters) -> AverageQuery | Refusal:
    """An average of hires per one grouping, said with 'per' or with 'a department'."""
    words, reading = parsed.words, parsed.reading
    words.take_all(AVERAGE)
    _count_words(words)
    per = re.compile(r"\b(?:a|each|every|per) (?P<dims>month|quarter|year|week)\b")
    if not reading.group and (match := words.search(per)) and match.group("dims") != "week":
        reading.group.append(dimension(match.group("dims")))
        words.take(match)
    if not reading.group and (match := words.search(AVERAGE_OF)):
        # 'on average, how many did a department hire': the mean over departments
        reading.group.append(dimension(match.group("dims")))
        words.take(match)
    if len(reading.group) != 1 or reading.rank or reading.threshold:
        return Refusal(
            "An average is answered per one grouping, e.g. average hires per department."
        )
    return AverageQuery(filters=filters_, per=reading.group[0])


def _counted(
    parsed: Parsed, phrases: list[dates.DatePhrase]
) -> Literal["hires", "departments", "jobs"]:
    """What is counted: hires, or the departments (jobs) that hired ('how many jobs hired')."""
    words, reading = parsed.words, parsed.reading
    distinct: Literal["hires", "departments", "jobs"] = "hires"
    of_the_table = _of_the_catalog(words, phrases) and not reading.group  # per group: hires
    if (match := words.search(DISTINCT)) and not of_the_table:
        what = match.group("what")
        distinct = "departments" if what.startswith(("dep", "team", "div")) else "jobs"
        words.take(match)
        words.take_all(ANYONE)  # 'how many departments hired anyone': never a list of people
    return distinct


def _listed(
    parsed: Parsed,
    filters_: Filters,
    phrases: list[dates.DatePhrase],
    distinct: Literal["hires", "departments", "jobs"],
) -> AnyQuery | Refusal | None:
    """The catalog's names, or people, when that is what the words ask; None for a count.

    A question that names the titles a department hired for becomes a grouping by job
    here, so the count that follows answers it.
    """
    words, reading = parsed.words, parsed.reading
    if distinct == "hires" and (catalog_query := _catalog(parsed, filters_, phrases)):
        return catalog_query
    if distinct == "hires" and not reading.group and (titles := _titles_hired(parsed)):
        words.take(titles)  # 'the jobs Marketing hired for in 2021': its titles with a hire
        reading.group, reading.which = ["job"], True
    employees = None
    if not reading.group and distinct == "hires":
        employees = _employees(parsed, filters_)
    elif len(reading.group) == 1 and distinct == "hires":
        employees = _first_per_group(parsed, filters_)
    if employees:
        return employees
    return None


def _count(
    parsed: Parsed,
    filters_: Filters,
    phrases: list[dates.DatePhrase],
    distinct: Literal["hires", "departments", "jobs"],
) -> CountQuery | Refusal:
    """Hires counted (grouped, thresholded, ranked): the shape every other one falls to.

    What a count cannot hold (an order by date, names and dates, two orders at once, ids
    per group, zero-hire groups it could never list) is refused, never dropped.
    """
    words, reading = parsed.words, parsed.reading
    within = _within(reading)
    if refused := _count_refused(reading, within):
        return refused
    if within and reading.rank:
        words.take_all(WITH_COUNT)  # each row's count is shown: 'and how many'
    _count_words(words)
    rank = _ranking(parsed, phrases, within)
    if isinstance(rank, Refusal):
        return rank
    threshold = reading.threshold
    if reading.which and not rank and not threshold:
        threshold = Threshold(compare="at_least", value=1)
    if reading.ids and reading.group:
        return Refusal(
            "Ids come with the departmentsAboveMean report (the departments above a year's "
            "mean, most first) and with lists of departments, jobs or employees; hires per "
            "group are shown by name: ask without the ids."
        )
    if reading.in_every and (rank or reading.threshold):
        return Refusal(
            "A hire in every period keeps the groups by itself: ask for it alone, e.g. the "
            "departments that hired in every year, or for a ranking without it."
        )
    if reading.in_every:
        threshold = None  # 'which titles were hired in each of ...': every one, not any hire
    absent_in = _absent_in(parsed, distinct)
    if isinstance(absent_in, Refusal):
        return absent_in
    if absent_in and distinct != "hires":  # 'how many jobs hired in 2020 but not in 2022'
        reading.group, reading.counted_groups = [dimension(distinct)], True
        distinct = "hires"
    if absent_in and threshold is None:
        threshold = Threshold(compare="at_least", value=1)
    counted = CountQuery(
        filters=filters_,
        distinct=distinct,
        group_by=tuple(reading.group),
        threshold=threshold,
        rank=rank,
        count_groups=reading.counted_groups and (threshold is not None or bool(reading.in_every)),
        in_every=reading.in_every,
        descending_names=reading.descending_names and rank is None,
        by_id=reading.by_id,
        absent_in=absent_in,
    )
    if threshold and _only_zero(threshold) and not shows_zeros(counted):
        # 'months with no hires': a month is a row only once it had a hire, so the answer
        # would be empty whatever the data; never said as 'none'
        said = " and ".join(_PLURALS.get(d, d + "s") for d in counted.group_by)
        return Refusal(
            f"Only {said} with at least one hire are rows here, so those with none cannot be "
            f"listed: ask for the hires per {' and '.join(counted.group_by)} instead (one "
            "missing from that list had none), or for departments or jobs with no hires."
        )
    return counted


def _absent_in(
    parsed: Parsed, distinct: Literal["hires", "departments", "jobs"]
) -> tuple[Period, ...] | Refusal:
    """'Roles that hired in 2020 but not in 2022': the periods a department (job) had no hire
    in, for one grouping by department or job (or a count of them), never ranked."""
    reading = parsed.reading
    if not reading.absent:
        return ()
    groups = [dimension(distinct)] if distinct != "hires" and not reading.group else reading.group
    if not groups:  # a count of hires: leaving out a period it never reaches changes nothing
        return ()
    if groups not in (["department"], ["job"]) or reading.rank or reading.in_every:
        return Refusal(
            "A group that hired in one period but not in another is answered for departments "
            "or jobs, unranked: ask e.g. which jobs hired in 2020 but not in 2022."
        )
    reading.absent_read = True
    return dates.periods(reading.absent)


def _in_a_single(reading: Reading) -> bool:
    """'Teams with more than 100 hires in a single year': one grouping by name and the
    period said, a threshold on a number, nothing else (a count of such teams would count
    pairs: refused)."""
    held = reading.threshold
    names = [d for d in reading.group if d != reading.single]
    return (
        reading.single is not None
        and len(names) == 1
        and names[0] in ("department", "job")
        and held is not None
        and held.value is not None
        and held.than is None
        and not reading.rank
        and not reading.counted_groups
    )


def _count_refused(reading: Reading, within: Dimension | None) -> Refusal | None:
    """What a count cannot answer as asked (orders, dates and rankings it has no room for)."""
    if reading.chronological:  # 'hires per department in order of start date': never dropped
        return Refusal(
            "An order by hire date is for lists of people, one order at a time: ask e.g. for "
            "the Sales hires of 2021 in order of start date, newest first."
        )
    if reading.dated:  # names and dates asked of a count or a grouping: never dropped
        return Refusal(
            "Names and hire dates are listed for people, not for counts or groups: ask e.g. "
            "for the employees hired in Legal in 2021 with their hire dates."
        )
    if (reading.rank or reading.threshold) and len(reading.group) > 1 and within is None:
        if _in_a_single(reading) and reading.single_asked:  # 'which team, which year': pairs
            return None
        if reading.single and not reading.single_asked and _in_a_single(reading):
            return Refusal(  # the teams alone would repeat a team passing in two years
                f"Which departments (jobs), or which in which {reading.single}? Ask e.g. which "
                f"departments had more than 100 hires in a single {reading.single}, and in "
                f"which {reading.single}."
            )
        if reading.single:
            return Refusal(
                f"A number of hires in a single {reading.single} is answered as the pairs "
                f"(each department or job with each {reading.single}) that pass: ask e.g. which "
                f"departments had more than 100 hires in a single {reading.single}."
            )
        return Refusal(
            "A ranking or threshold within each group is answered for two groupings, the "
            "ranked one and the one it restarts in: e.g. the top job in each department."
        )
    if reading.counted_groups and reading.rank:
        return Refusal(
            "Counting the departments (jobs) of a ranking is not answered; ask for the ranking."
        )
    if reading.rank_order and not reading.group:
        return Refusal(
            "An order by hires is for groups: ask for hires by department (or job), most first."
        )
    timeless = [d for d in reading.group if d not in ("year", "half", "quarter", "month", "day")]
    if reading.latest_first and timeless:
        return Refusal(  # the periods from the last, and the departments (jobs) how? never guessed
            "Latest first orders the periods of a grouping by time: ask for hires per month "
            f"(quarter, year) latest first, or per {timeless[0]}, one at a time."
        )
    if reading.descending_names and reading.group and reading.rank:
        return Refusal(  # counts per group come A to Z: never quietly in the other order
            "Z to A is answered for lists of departments, jobs or employees; hires per group "
            "come A to Z: ask without the order, or for the list itself."
        )
    if reading.alphabetical and reading.rank_order:
        return Refusal(  # 'descending, by name': two orders at once, never one quietly dropped
            "By name or by hires? Ask for the list A to Z (or Z to A), or for hires per group "
            "most first, one order at a time."
        )
    if reading.alphabetical and (reading.rank or not reading.group):
        return Refusal(
            "Alphabetical order is for lists: ask for the departments, jobs or employees "
            "alphabetically, or for a ranking by hires, not both."
        )
    return None


def _ranking(
    parsed: Parsed, phrases: list[dates.DatePhrase], within: Dimension | None
) -> Rank | Refusal | None:
    """The ranking settled: an order by hires is one, 'the top' is one, in each group or not.

    A ranking over several listed periods, or against the order said, is refused: which
    of the two was meant is never guessed.
    """
    words, reading = parsed.words, parsed.reading
    if reading.rank_order and reading.group and not reading.rank:
        reading.rank = Rank(order=reading.rank_order)  # type: ignore[arg-type]
    rank = reading.rank
    listed = [p for p in phrases if len(p.listed) > 1 and not COMBINED.search(p.words)]
    if rank and listed and not within and not words.has(COMBINED):
        # 'the top department in H1 and H2 2021': in each, or over both? never guessed
        return Refusal(
            "The top in each of those periods, or over them together? Ask e.g. the top "
            "department in each half of 2021, or in H1 and H2 2021 combined."
        )
    if rank and reading.rank_order and rank.order != reading.rank_order:
        return Refusal(  # 'the top 3 departments, fewest first': which three?
            "Most or fewest? The ranking and the order asked disagree: ask e.g. for the top 3 "
            "departments by hires, most first."
        )
    if rank and rank.limit is None and rank.offset == 0 and reading.which_singular:
        rank = Rank(order=rank.order, limit=1)
    if rank and within:
        if rank.limit is None or rank.offset:
            return Refusal(
                "How many in each group? Say the top one, or the top 3, in each department."
            )
        rank = Rank(order=rank.order, limit=rank.limit, within=within)
        words.take_all(TIES)  # a ranking within groups shows its ties: 'ties kept' is so
        if rank.order == "fewest":  # among the groups with a hire, as the reading says
            words.take_all(AMONG_HIRED)
    elif rank and rank.limit and not rank.offset:
        words.take_all(TIES)  # a ranking to a cut-off keeps its ties: 'ties kept' is so
    return rank


_PLURALS = {"half": "halves", "day": "days"}


def _only_zero(threshold: Threshold) -> bool:
    """Whether only a group with no hire passes ('no hires', 'fewer than 1', 'at most 0')."""
    upper = {"exactly": threshold.value, "at_most": threshold.value, "between": threshold.upper}
    if threshold.compare == "fewer_than" and threshold.value is not None:
        return threshold.value <= 1
    return threshold.compare in upper and upper[threshold.compare] == 0


def _hire_span(parsed: Parsed, compare: bool) -> HireSpanQuery | Refusal:
    """The first (last) hire time under the filters, overall or per one grouping."""
    reading = parsed.reading
    names, catalog, date_sets = parsed.names, parsed.catalog, parsed.date_sets
    asked = reading.rank or reading.threshold or reading.rank_order or reading.than
    if asked or compare or reading.counted_groups or len(reading.group) > 1:
        return Refusal(
            "The first and last hire times are answered under filters, overall or per one "
            "grouping: ask e.g. for the earliest and latest hire date per department in 2021."
        )
    filters_ = _filters(reading, names, catalog, date_sets)
    if isinstance(filters_, Refusal):
        return filters_
    group = reading.group[0] if reading.group else None
    return HireSpanQuery(filters=filters_, show=reading.span or "both", group_by=group)


def _within(reading: Reading) -> Dimension | None:
    """The outer group of a ranking within groups: the one said after each/per/by/in every."""
    if reading.rank is None or len(reading.group) != 2:
        return None
    outer = [d for d in reading.group if d in reading.each_dims]
    return outer[0] if len(outer) == 1 else None


TIES = re.compile(
    r"\b(?:with|including|include|incl|inc|keeping|keep|showing|show|and|plus) (?:all |any )?"
    r"(?:the )?"
    r"ties\b|\b(?:ties|tie) (?:included|kept|shown|too|allowed|and all|ok|okay|fine"
    r"|are fine|are ok|welcome)\b"
)
"""'the top job (in each department), ties kept': what a ranking to a cut-off does anyway."""
WITH_COUNT = re.compile(
    r"\b(?:and|with|plus|including) (?:how many|its count|their counts?|the counts?"
    r"|the number(?: of hires)?|its number of hires|the hires|its hires)\b"
)
AMONG_HIRED = re.compile(
    r"\b(?:among|of) (?:those|the ones|the departments|the jobs|departments|jobs)"
    r" (?:that|which|who) (?:hired|had hires|had a hire|hired at all|hired anyone)\b"
)
"""'the fewest ... among those that hired': what a fewest within groups is (no zeros)."""
