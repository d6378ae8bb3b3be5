"""The kind of query a question asks, from the words the readers in parse.py left.

Shares, averages, comparisons of two periods, the two reports, the catalog,
lists of employees, and counts (grouped, thresholded, ranked). Each shape
consumes its own words; an HrQuery that will not validate is a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from pydantic import ValidationError as PydanticError

from resolvers.core.questions import dates, filters
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.dates import Span
from resolvers.core.questions.patterns import (
    ANYONE,
    AVERAGE,
    BOTH_COUNTS,
    CATALOG_WORD,
    CHANGE_NOUN,
    COMBINED,
    COMPARE,
    COUNT,
    DIFFERENCE,
    DISTINCT,
    EMPLOYEES,
    EXISTS,
    FACTORS,
    FIRST_LAST,
    GREW,
    LIST_ORDER,
    MEAN,
    MULTIPLIED,
    NAMES_ONLY,
    OVERALL,
    PERCENT_CHANGE,
    SHARE,
    SHARE_VERB,
    SUBJECT,
    THAN_PERIOD,
    WENT,
    YES_NO,
    dimension,
    number,
)
from resolvers.core.questions.query import (
    LEVELS,
    AnyQuery,
    AverageQuery,
    CatalogQuery,
    CompareQuery,
    CountQuery,
    DifferenceQuery,
    Dimension,
    EmployeesQuery,
    Family,
    Filters,
    HireSpanQuery,
    HrQuery,
    NameSet,
    Period,
    Rank,
    ReportQuery,
    ShareQuery,
    Threshold,
    Weekday,
)
from resolvers.core.questions.words import Words

MAX_CHARS = 1000


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: str
    not_understood: tuple[str, ...] = ()


@dataclass(slots=True)
class Reading:
    """What the rules found, before it becomes an HrQuery."""

    who: filters.Who = field(default_factory=filters.Who)
    date_sets: list[list[Span]] = field(default_factory=list)
    listed: list[list[Span]] = field(default_factory=list)
    group: list[Dimension] = field(default_factory=list)
    which: bool = False
    counted_groups: bool = False
    """'how many departments ...' where departments is the grouping (a count of groups)."""
    which_singular: bool = False
    rank: Rank | None = None
    rank_order: str | None = None
    threshold: Threshold | None = None
    ids: bool = False
    families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Job family tokens (``__f0__``) -> the titles they stand for."""
    people: dict[str, filters.Person] = field(default_factory=dict)
    """Person tokens (``__p0__``) -> the name looked up."""
    than: tuple[str, str] | None = None
    """'more (fewer) than Sales': the word and the named token compared with."""
    tail_phrases: list[dates.DatePhrase] = field(default_factory=list)
    """Dates said after 'than Sales' (that side's own), apart from the rest."""
    than_noun: str | None = None
    """'how many more engineers ... than Legal': the job (family) both sides count."""
    tail_included: list[str] = field(default_factory=list)
    """Names said after 'than Sales' ('than Sales engineers'): that side's own."""
    tail_excluded: list[str] = field(default_factory=list)
    tail_overall: bool = False
    """'than Sales overall': the side after 'than' takes no date said before it."""
    months: list[int] = field(default_factory=list)
    """Months of any year kept ('in any December')."""
    weekdays: list[Weekday] = field(default_factory=list)
    """Days of the week kept ('on a weekend')."""
    alphabetical: bool = False
    descending_names: bool = False
    """'Z to A': alphabetical from the end."""
    dated: bool = False
    """'with their hire dates': a list of employees shows each hire's date too."""
    line: str = ""
    """The words before dates were read (where each phrase and name stood)."""
    spoken: str = ""
    """The line before filler phrases were dropped ('went to' still there, for shares)."""
    each_dims: list[Dimension] = field(default_factory=list)
    """Dimensions named after each/per/by/every (the outer groups of a ranking within)."""
    department_ids: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Department tokens picked by id ('Support (id 13)'): a name two departments share."""
    order_dims: list[Dimension] = field(default_factory=list)
    """'sorted by department then job': the groupings the answer is ordered by, in turn."""
    mean_over: list[Dimension] = field(default_factory=list)
    """'above the average job', 'the mean over all teams': the groups a mean is said to be of."""
    span: Literal["first", "last", "both"] | None = None
    """'the earliest and latest datetime': the first and (or) last hire time is asked."""


def _titles_versus(
    reading: Reading, names: dict[str, tuple[str, str]]
) -> Threshold | Refusal | None:
    """'Departments that hired more engineers than designers': per group, the hires of one
    job (family) against another's in that same group; None when the question is not so."""
    if not (reading.than and reading.group and reading.than_noun):
        return None
    (op, token), noun = reading.than, reading.than_noun
    if names[noun][0] == "department" or names[token][0] == "department":
        return None
    if reading.threshold is not None and reading.threshold.than is None:
        return Refusal("Compare the groups with one number or one named group, not both.")
    kind, name = names[token]
    titles = reading.families[token] if kind == "family" else (name,)
    compare = "more_than" if op == "more" else "fewer_than"
    return Threshold(compare=compare, versus=Family(word=name, titles=titles))  # type: ignore[arg-type]


def _filters(
    reading: Reading,
    names: dict[str, tuple[str, str]],
    catalog: Catalog,
    date_sets: list[list[Span]],
    part: bool = False,
) -> Filters | Refusal:
    who = reading.who
    keep = {"department": [], "job": []}  # type: dict[str, list[str]]
    drop = {"department": [], "job": []}  # type: dict[str, list[str]]
    families: list[Family] = []
    for excluded, tokens in ((False, [] if part else who.included), (True, who.excluded)):
        for token in tokens:
            kind, name = names[token]
            side = drop if excluded else keep
            if kind == "family":
                titles = reading.families[token]
                said = Family(word=name, titles=titles, excluded=excluded)
                families += [said] if said not in families else []  # 'accountants ... level III'
                side["job"] += titles
            else:
                side[kind].append(name)
            if token in reading.department_ids and excluded:
                return Refusal(
                    "Leaving out one of two departments of one name is not answered: ask "
                    "for the other one by its id instead."
                )
    if "level" in reading.group and not keep["job"] and not who.searches and not part:
        every = filters.every_level(catalog, drop["job"])  # 'hires by level': every title's
        if every is not None:
            families.append(every)
            keep["job"] += every.titles
    picked = [t for t in who.included if t in reading.department_ids and not part]
    department_ids: list[int] = []
    if picked:  # the other departments kept beside a picked one: every id of their names
        narrowed = {names[t][1] for t in picked}  # 'Support hires in department 13': that one
        for token in who.included:
            kind, name = names[token]
            if token not in reading.department_ids and name in narrowed:
                continue
            if kind == "department":
                department_ids += reading.department_ids.get(token) or catalog.ids_of(name)
    prefix = contains = suffix = None
    for search in who.searches:
        if re.search(r"[%*_]", search.value):
            return Refusal(
                f'"{search.value}" holds a wildcard inside it: ask for names starting with, '
                "containing or ending with a string.",
                (search.value,),
            )
        if search.target in ("title", "department"):
            kind = "job" if search.target == "title" else "department"
            pool = catalog.jobs if kind == "job" else catalog.departments
            hits = [n for n in pool if _title_match(n, search)]
            if not hits:
                what = "job title" if kind == "job" else "department name"
                return Refusal(f'No {what} {_searched(search)} "{search.value}".')
            keep[kind] += hits
        elif search.prefix:
            prefix = search.value
        elif search.suffix:
            suffix = search.value
        else:
            contains = search.value
    # "designers, not counting web designers": the family less what is left out
    left_out = set(drop["job"])
    if left_out & set(keep["job"]):
        keep["job"] = [t for t in keep["job"] if t not in left_out]
        families = [
            f
            if f.excluded
            else f.model_copy(update={"titles": tuple(t for t in f.titles if t not in left_out)})
            for f in families
        ]
        if any(not f.titles for f in families) or not keep["job"]:
            return Refusal("Nothing is left of those jobs once the ones left out are taken away.")
    looked_up = [reading.people[t] for t in who.people]
    ids = [p.employee_id for p in looked_up if p.employee_id is not None]
    same_day = [p.name for p in looked_up if p.ask == "sameday"]
    last_names = {p.name for p in looked_up if p.ask == "last"}
    full_names = [
        p.name
        for p in looked_up
        if not p.first_only
        and p.employee_id is None
        and p.ask not in ("sameday", "last", "besides")
    ]
    besides = [p.besides for p in (reading.people[t] for t in who.people) if p.besides]
    first_names = {p.name for p in (reading.people[t] for t in who.people) if p.first_only}
    if len(first_names) > 1 or (first_names and full_names):
        return Refusal("Look up one first name at a time, or full names only.")
    if len(last_names) > 1 or (last_names and (full_names or first_names)):
        return Refusal("Look up one last name at a time, or full names only.")
    spans = dates.intersect(date_sets) if date_sets else []
    if date_sets and not spans:
        return Refusal(
            "Those dates never overlap, so no hire could be in all of them at once: to compare "
            "them, ask how many more were hired in one than in the other."
        )
    try:
        return Filters(
            departments=NameSet(
                include=tuple(dict.fromkeys(keep["department"])),
                exclude=tuple(dict.fromkeys(drop["department"])),
            ),
            jobs=NameSet(
                include=tuple(dict.fromkeys(keep["job"])), exclude=tuple(dict.fromkeys(drop["job"]))
            ),
            periods=dates.periods(spans),
            months=tuple(dict.fromkeys(reading.months)),
            weekdays=tuple(dict.fromkeys(reading.weekdays)),
            without_department=who.without_department,
            without_job=who.without_job,
            missing_either=who.missing_either,
            name_prefix=prefix,
            name_contains=contains,
            name_suffix=suffix,
            families=tuple(families),
            employee_names=tuple(dict.fromkeys(full_names)),
            employee_ids=tuple(dict.fromkeys(ids)),
            department_ids=tuple(dict.fromkeys(department_ids)),
            same_day_as=tuple(dict.fromkeys(same_day)),
            other_than_names=tuple(dict.fromkeys(besides)),
            first_name=first_names.pop() if first_names else None,
            last_name=last_names.pop() if last_names else None,
        )
    except ValueError as error:
        return Refusal(f"The question contradicts itself: {_first(error)}.")


def _title_match(name: str, search: filters.NameSearch) -> bool:
    lowered, value = name.lower(), search.value.lower()
    if search.suffix:
        return lowered.endswith(_ending(value))
    return lowered.startswith(value) if search.prefix else value in lowered


def _ending(value: str) -> str:
    """A level said as an ending is the whole word: 'titles ending in II' are not the IIIs."""
    return f" {value}" if value.upper() in LEVELS else value


def _searched(search: filters.NameSearch) -> str:
    return "ends with" if search.suffix else "starts with" if search.prefix else "contains"


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
        phrases = phrases + reading.tail_phrases
        reading.tail_phrases = []
    date_sets = [p.spans for p in phrases]
    pair = [p for p in phrases if len(p.listed) == 2]
    try:
        query = _shape(words, reading, phrases, names, compare, catalog, date_sets, pair)
    except ValueError as error:
        return Refusal(f"This engine cannot answer that shape of question ({_first(error)}).")
    if isinstance(query, Refusal):
        return query
    if isinstance(query, CountQuery) and not query.group_by and words.has(WHICH):
        # 'which Legal hires started in March?' asks for people: one number is no answer.
        # 'which ones did Sales hire in May?', 'which Sales hire joined in May?': a plain
        # count of hires read that way is the list of those people, same filters.
        if query.distinct == "hires" and not (query.threshold or query.rank or query.count_groups):
            return HrQuery(query=EmployeesQuery(filters=query.filters))
        return Refusal("Which ones? Ask for the list, e.g. who was hired in Legal in March 2021?")
    return HrQuery(query=query)


DIFFERENT_NAMES = re.compile(
    r"\b(?:distinct|different|unique|separate)\b(?= .*\bnames\b)"
    r"|\b(?:names|name)\b(?= .*\b(?:distinct|different|unique)\b)"
    r"|\b(?:distinct|different|unique|separate)\b"
)
"""'how many distinct department names': a count of names; 'how many different jobs': rows."""


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
AVERAGE_OF = re.compile(
    r"\b(?:an? |each |every |one |any |the |our )?(?:typical |single |given |usual )?"
    r"(?P<dims>department|dept|team|division|job|role|title|position|departments|depts|teams"
    r"|jobs|roles|titles)\b"
)
"""What an average is per when no 'per' said it: 'how many did a department hire, on average'."""
"""A 'which' left after every rule read its words: it asked for items, never a count."""


def _first(error: ValueError) -> str:
    if isinstance(error, PydanticError):
        return str(error.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
    return str(error)


def _shape(
    words: Words,
    reading: Reading,
    phrases: list[dates.DatePhrase],
    names: dict[str, tuple[str, str]],
    compare: bool,
    catalog: Catalog,
    date_sets: list[list[Span]],
    pair: list[dates.DatePhrase],
) -> AnyQuery | Refusal:
    if reading.span:
        return _hire_span(reading, names, catalog, date_sets, compare)
    if reading.threshold is None and (match := words.search(MEAN)):
        words.take(match)
    # two periods side by side
    if compare and pair:
        (sides,) = pair[:1]
        if reading.who.included and words.has(OVERALL):
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
        first, second = (Period(start=s, end=e) for s, e in sides.listed)
        versus = len(reading.who.included) >= 2 and not reading.group and _versus(reading)
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
        changed: Literal["difference", "percent_change"] = (
            "percent_change" if percent else "difference"
        )
        if versus and multiplied:
            return Refusal(
                "Doubled (or halved) is answered for every department or job at once: ask which "
                "departments at least doubled their hiring from 2021 to 2022."
            )
        if versus:  # each named group's change, none left out
            show = changed if (percent or grew or difference) else "each"
        elif group and (grew or multiplied or (direction and reading.which)):
            # per group, the second minus the first, in the order said ('fewer in A than B'
            # keeps the groups where A - B < 0): which grew, which shrank
            show = changed
            up = grew.group("up") if grew else direction == "more"
            if multiplied:
                up = not multiplied.group("verb").startswith("halv")
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
            if not THAN_PERIOD.search(reading.line) and first.start and second.start:
                first, second = sorted((first, second), key=lambda p: p.start or date.min)
            down = (grew and grew.group("down")) or direction in ("fewer", "less")
            drop = bool(down) and not group
        elif difference:
            show = "difference"
            if direction in ("fewer", "less"):
                first, second = second, first
            elif "difference" in difference.group(0) and not words.has(THAN_PERIOD):
                first, second = second, first  # 'the difference between A and B' is A - B
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
    if reading.than and not reading.group:
        return _than_difference(words, reading, names, catalog, date_sets)
    if reading.than and (reading.tail_included or reading.tail_excluded):
        return Refusal("Compare the groups with one department or job, not a part of one.")
    titles_versus = _titles_versus(reading, names)
    if isinstance(titles_versus, Refusal):
        return titles_versus
    if titles_versus is not None:
        reading.threshold = titles_versus
    elif reading.than and reading.threshold and reading.threshold.than is None:
        return Refusal("Compare the groups with one number or one named group, not both.")
    elif reading.than and names[reading.than[1]][0] == "family":
        return Refusal("Compare the groups with one department or job, not a family of jobs.")
    if (ratio := RATIO.search(reading.line)) and not reading.group:
        return _ratio(words, reading, names, catalog, date_sets, ratio)
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
        return _difference(words, reading, names, catalog, [one], date_sets, [], [other])
    if compare and len(reading.who.included) >= 2 and not reading.group:
        kinds = {names[t][0].replace("family", "job") for t in reading.who.included}
        if len(kinds) == 1:
            reading.group.append(kinds.pop())  # type: ignore[arg-type]
            words.take_all(COMPARE)
    filters_ = _filters(reading, names, catalog, date_sets)
    if isinstance(filters_, Refusal):
        return filters_
    departments = [t for t in reading.who.included if names[t][0] == "department"]
    if (len(reading.who.included) >= 2 or departments) and not reading.group:
        # 'Sales and Legal combined': one count over both; 'Support hires combined': over
        # every department of that name (a name names them all)
        words.take_all(COMBINED)
    if words.search(SHARE):
        words.take_all(SHARE)
        words.take_all(WENT)
        _count_words(words)
        if reading.group:
            if len(reading.group) > 1 or reading.rank or reading.threshold:
                return Refusal("A share can be split by one grouping only.")
            return ShareQuery(filters=filters_, group_by=reading.group[0])
        return _share_of_part(reading, names, catalog, phrases)
    if words.search(AVERAGE):
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
    if report := _report(reading, filters_, words):
        return report
    distinct: Literal["hires", "departments", "jobs"] = "hires"
    of_the_table = _of_the_catalog(words, phrases) and not reading.group  # per group: hires
    if (match := words.search(DISTINCT)) and not of_the_table:
        what = match.group("what")
        distinct = "departments" if what.startswith(("dep", "team", "div")) else "jobs"
        words.take(match)
        words.take_all(ANYONE)  # 'how many departments hired anyone': never a list of people
    if distinct == "hires" and (catalog_query := _catalog(words, reading, filters_, phrases)):
        return catalog_query
    if distinct == "hires" and not reading.group and (titles := _titles_hired(words, reading)):
        words.take(titles)  # 'the jobs Marketing hired for in 2021': its titles with a hire
        reading.group, reading.which = ["job"], True
    employees = None
    if not reading.group and distinct == "hires":
        employees = _employees(words, reading, filters_)
    elif len(reading.group) == 1 and distinct == "hires":
        employees = _first_per_group(words, reading, filters_)
    if employees:
        return employees
    if reading.dated:  # names and dates asked of a count or a grouping: never dropped
        return Refusal(
            "Names and hire dates are listed for people, not for counts or groups: ask e.g. "
            "for the employees hired in Legal in 2021 with their hire dates."
        )
    within = _within(reading)
    if (reading.rank or reading.threshold) and len(reading.group) > 1 and within is None:
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
    if reading.descending_names and reading.group:
        return Refusal(  # counts per group come A to Z: never quietly in the other order
            "Z to A is answered for lists of departments, jobs or employees; hires per group "
            "come A to Z: ask without the order, or for the list itself."
        )
    if reading.alphabetical and (reading.rank or not reading.group):
        return Refusal(
            "Alphabetical order is for lists: ask for the departments, jobs or employees "
            "alphabetically, or for a ranking by hires, not both."
        )
    if within and reading.rank:
        words.take_all(WITH_COUNT)  # each row's count is shown: 'and how many'
    _count_words(words)
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
    threshold = reading.threshold
    if reading.which and not rank and not threshold:
        threshold = Threshold(compare="at_least", value=1)
    if reading.ids and reading.group:
        return Refusal(
            "Ids come with the departmentsAboveMean report (the departments above a year's "
            "mean, most first) and with lists of departments, jobs or employees; hires per "
            "group are shown by name: ask without the ids."
        )
    return CountQuery(
        filters=filters_,
        distinct=distinct,
        group_by=tuple(reading.group),
        threshold=threshold,
        rank=rank,
        count_groups=reading.counted_groups and threshold is not None,
    )


def _hire_span(
    reading: Reading,
    names: dict[str, tuple[str, str]],
    catalog: Catalog,
    date_sets: list[list[Span]],
    compare: bool,
) -> HireSpanQuery | Refusal:
    """The first (last) hire time under the filters, overall or per one grouping."""
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


def _than_difference(
    words: Words,
    reading: Reading,
    names: dict[str, tuple[str, str]],
    catalog: Catalog,
    date_sets: list[list[Span]],
) -> DifferenceQuery | Refusal:
    """'How many more did Sales hire (in 2021) than Legal (in 2022)?': each side its own.

    Dates said on both sides stay on their side; dates said on one side only
    hold for both, unless the other side says 'overall' (then it has none).
    """
    assert reading.than is not None
    if YES_NO.search(reading.line):
        return Refusal(
            "A yes-or-no comparison is not answered; ask how many more (or fewer) instead."
        )
    op, token = reading.than
    if reading.tail_excluded:
        return Refusal("Say which side leaves that out: the words after 'than' name one side only.")
    common_names = [reading.than_noun] if reading.than_noun else []
    first_names = [t for t in reading.who.included if t not in common_names]
    second_names = [token, *reading.tail_included]
    kinds = [{names[t][0].replace("family", "job") for t in side}
             for side in (first_names, second_names)]  # fmt: skip
    if first_names and kinds[0] != kinds[1]:
        return Refusal(
            "Does each name hold for both sides? Name the same kind on each side, e.g. how "
            "many more engineers did Sales hire than Legal?"
        )
    reading.who.included = first_names
    tail_sets = [p.spans for p in reading.tail_phrases]
    head: list[list[Span]] = []
    tail: list[list[Span]] = []
    common = date_sets + tail_sets
    if date_sets and tail_sets:
        head, tail, common = date_sets, tail_sets, []
    elif date_sets and reading.tail_overall:
        head, common = date_sets, []
    if not reading.who.included and not head:
        return Refusal(
            "More than that named group, but more of what? Name both sides, e.g. how many "
            "more did Sales hire than Legal?"
        )
    reading.who.included = common_names  # both sides count these
    if percent := words.search(PERCENT_CHANGE):
        # 'what percent more did Sales hire than Legal': over the side after 'than'
        if op != "more":
            return Refusal(
                "Ask it the other way round, e.g. what percent more did Sales hire than Legal?"
            )
        words.take(percent)
        query = _difference(words, reading, names, catalog, first_names, common, head,
                            second_names, tail)  # fmt: skip
        return query if isinstance(query, Refusal) else query.model_copy(update={"show": "percent"})
    if op == "more":
        return _difference(words, reading, names, catalog, first_names, common, head,
                           second_names, tail)  # fmt: skip
    return _difference(words, reading, names, catalog, second_names, common, tail,
                       first_names, head)  # fmt: skip


TIES = re.compile(
    r"\b(?:with|including|incl|inc|keeping|keep|showing|show|and|plus) (?:all |any )?(?:the )?"
    r"ties\b|\b(?:ties|tie) (?:included|kept|shown|too|allowed|and all)\b"
)
"""'the top job (in each department), ties kept': what a ranking to a cut-off does anyway."""
NEGATED = re.compile(r"^(?:but |and )?(?:not|except|excluding|outside|other than|apart from)\b")
"""A date phrase that leaves a period out ('but not in 2021')."""
WITH_COUNT = re.compile(
    r"\b(?:and|with|plus|including) (?:how many|its count|their counts?|the counts?"
    r"|the number(?: of hires)?|its number of hires|the hires|its hires)\b"
)
AMONG_HIRED = re.compile(
    r"\b(?:among|of) (?:those|the ones|the departments|the jobs|departments|jobs)"
    r" (?:that|which|who) (?:hired|had hires|had a hire|hired at all|hired anyone)\b"
)
"""'the fewest ... among those that hired': what a fewest within groups is (no zeros)."""
CHANGED = re.compile(r"\b(?:growth|grown|changed|evolved|evolve)\b")
"""A change over time: two groups' changes compared are not their counts compared."""
VERSUS = re.compile(r"\b(?:vs|versus|compared (?:with|to)|compare|against|than)\b")


def _versus(reading: Reading) -> bool:
    """Whether a comparing word stands between the names: they are compared, not summed."""
    at = [reading.line.find(t) for t in reading.who.included]
    return any(min(at) < m.start() < max(at) for m in VERSUS.finditer(reading.line))


def _ratio(
    words: Words,
    reading: Reading,
    names: dict[str, tuple[str, str]],
    catalog: Catalog,
    date_sets: list[list[Span]],
    ratio: re.Match[str],
) -> DifferenceQuery | Refusal:
    """'How many Engineering hires per Sales hire in 2022': one side's hires over the other's.

    Both sides take every other filter (the dates said once hold for both); a
    third name, or dates said for one side only, is refused: whose would it be?
    """
    one, other = (next(t for t in ratio.group(*pair) if t) for pair in (_A, _B))
    if words.has(GREW) or words.has(COMPARE):
        return Refusal(
            "A ratio is of two groups' hires over the same dates, not of their changes: "
            "e.g. how many Engineering hires per Sales hire in 2022?"
        )
    if set(reading.who.included) != {one, other} or reading.who.excluded:
        return Refusal(
            "A ratio is of two named groups and nothing else, e.g. how many Engineering "
            "hires per Sales hire in 2022?"
        )
    if len(date_sets) > 1:
        return Refusal(
            "Say the dates once, for both sides, e.g. how many Engineering hires per Sales "
            "hire in 2022?"
        )
    start, end = ratio.span()  # the line and the words keep the same positions: blank
    segment = words.text[start:end]  # the ratio's own words there, leave any other unread
    segment = re.sub(r"\S+", lambda t: " " * len(t[0]) if t[0] in _RATIO_WORDS else t[0], segment)
    words.text = words.text[:start] + segment + words.text[end:]
    reading.who.included = []
    query = _difference(words, reading, names, catalog, [one], date_sets, [], [other])
    return query if isinstance(query, Refusal) else query.model_copy(update={"show": "ratio"})


_A, _B = ("a", "a2", "a3", "a4"), ("b", "b2", "b3", "b4")
_RATIO_WORDS = frozenset(re.findall(r"\S+", """
    per for each every to one a an single ratio of between the and vs versus over how many
    number hire hires hired hiring people person employees staff new did we were was make
    made they do does there ,
"""))  # fmt: skip
_SAID = rf"(?: (?:{SUBJECT}|new|did|we|were|was|make|made|they|do|does|there))*?"
RATIO = re.compile(
    rf"(?P<a>__[djf]\d+__){_SAID} (?:per|for each|for every|to each|to every|for one)"
    rf"(?: each| every| one| a| an| single)? (?P<b>__[djf]\d+__)(?: (?:hire|hires|person|one))?\b"
    rf"|\b(?:the )?ratio (?:of |between )?(?:the )?(?P<a2>__[djf]\d+__){_SAID}"
    rf" (?:to|and|vs|versus|over) (?:the )?(?P<b2>__[djf]\d+__)"
    rf"|(?P<a3>__[djf]\d+__){_SAID} (?:to|vs|versus) (?P<b3>__[djf]\d+__){_SAID}"
    rf" (?:hiring |hire |hires )?ratio\b"
    rf"|\bfor (?:each|every) (?P<b4>__[djf]\d+__)(?: (?!__)\S+){{0,6}}? ,?(?: how many"
    rf"| number of)? (?P<a4>__[djf]\d+__)"
)
"""A ratio of two named groups' hires (a the numerator, b the denominator)."""


def _difference(
    words: Words,
    reading: Reading,
    names: dict[str, tuple[str, str]],
    catalog: Catalog,
    first: list[str],
    common: list[list[Span]],
    first_dates: list[list[Span]],
    second: list[str],
    second_dates: list[list[Span]] | None = None,
) -> DifferenceQuery | Refusal:
    """First side minus second, both under the common filters (``reading.who.included``)."""
    if words.has(GREW) or words.has(CHANGED):  # 'how much more did Sales grow than Legal'
        return Refusal(
            "A difference between two groups' growth is not answered; ask for each one's "
            "change, e.g. how much did hiring grow from 2021 to 2022 per department?"
        )
    filters_ = _filters(reading, names, catalog, common)  # who.included: what both count
    if isinstance(filters_, Refusal):
        return filters_
    sides = []
    for tokens, sets in ((first, first_dates), (second, second_dates or [])):
        one = Reading(
            who=filters.Who(included=tokens),
            families=reading.families,
            department_ids=reading.department_ids,
        )
        side = _filters(one, names, catalog, sets)
        if isinstance(side, Refusal):
            return side
        sides.append(side)
    _count_words(words)
    words.take_all(COMPARE)
    return DifferenceQuery(filters=filters_, sides=(sides[0], sides[1]))


def _share_of_part(
    reading: Reading,
    names: dict[str, tuple[str, str]],
    catalog: Catalog,
    phrases: list[dates.DatePhrase],
) -> ShareQuery | Refusal:
    """The part and the whole of a share, by where their words stand.

    'What share of Sales hires were in 2022': the whole is said before the
    verb (Sales), the part after it (2022). With no verb to split at, named
    departments and jobs are the part and dates the whole; with no names, a
    lone date is the part of all hires ('what percent of hires were in 2022'),
    and of two dates the later-said one is the part; the hires without a
    department (job) are the part when the question asks about them.
    """
    line, who = reading.line, reading.who
    share = SHARE.search(line)
    verb = SHARE_VERB.search(line, share.end() if share else 0)
    asked = SHARE.search(reading.spoken)
    marker = WENT.search(reading.spoken, asked.end()) if asked and not verb else verb
    ruled = reading.spoken if marker is not verb else line
    negated = [p for p in phrases if NEGATED.match(p.words)]
    if marker and any(ruled.find(p.words) > marker.start() for p in negated):
        # 'what percent of hires went to Sales but not in 2021': the whole's or the part's?
        return Refusal(
            "Is that period left out of all the hires, or only of the share? Ask e.g. what "
            "percent of the hires outside 2021 went to Sales."
        )
    split_names = whole_after = False  # names on both sides of 'went to' or the share word
    if not verb:  # the part is the names after it, of the names before; dates are the whole
        spoken = SHARE.search(reading.spoken)
        went = WENT.search(reading.spoken, spoken.end()) if spoken else None
        said = reading.spoken
        sides = {said.find(t) < went.start() for t in who.included} if went else set()
        dated = {said.find(p.words) < went.start() for p in phrases} if went else set()
        if went and (sides == {1, 0} or dated == {1, 0}):
            line, verb = said, went  # 'what percent of Sales and Legal went to Legal'
        elif share and {line.find(t) < share.start() for t in who.included} == {1, 0}:
            verb = share  # 'of all the Sales and Legal hires, what percent Legal'
            # "Legal's share of the Sales and Legal hires": the part first, then 'of' the whole
            whole_after = share.group(0).rstrip().endswith(" of")
        split_names = verb is not None
    cut = verb.start() if verb else len(line)
    located = [(line.find(p.words), p) for p in phrases]
    if split_names and {at > cut for at, _ in located} != {1, 0}:
        located = []  # dates said on one side only are the whole's ('... went to Legal in 2022')
    missing = (
        filters.MISSING_EITHER.search(line)
        or filters.MISSING.search(line)
        or filters.MISSING_BOTH.search(line)
    )
    after = {t for t in who.included if (line.find(t) > cut) != whole_after}
    dated_after = [p for at, p in located if at > cut]
    missing_after = missing is not None and missing.start() > cut
    if not (after or dated_after or missing_after):  # no verb, or nothing after it
        after = set(who.included)
        dated_after = []
        missing_after = not after and missing is not None
        if not after and not missing_after and located:
            dated_after = [max(located, key=lambda item: item[0])[1]]
    whole_who = replace(
        who,
        included=[t for t in who.included if t not in after],
        without_department=who.without_department and not missing_after,
        without_job=who.without_job and not missing_after,
        missing_either=who.missing_either and not missing_after,
    )
    part_who = filters.Who(
        included=sorted(after, key=line.find),
        without_department=who.without_department and missing_after,
        without_job=who.without_job and missing_after,
        missing_either=who.missing_either and missing_after,
    )
    whole = _filters(replace(reading, who=whole_who), names, catalog,
                     [p.spans for p in phrases if p not in dated_after])  # fmt: skip
    if isinstance(whole, Refusal):
        return whole
    part = _filters(replace(reading, who=part_who), names, catalog,
                    [p.spans for p in dated_after])  # fmt: skip
    if isinstance(part, Refusal):
        return part
    return ShareQuery(filters=whole, part=part)


def _count_words(words: Words) -> None:
    words.take_all(COUNT)


def _report(reading: Reading, filters_: Filters, words: Words) -> ReportQuery | None:
    """The two report shapes, for one whole year and nothing else, run the report's own SQL."""
    only_year = (
        len(filters_.periods) == 1
        and filters_ == Filters(periods=filters_.periods)
        and dates_whole_year(filters_.periods[0])
    )
    if not only_year or reading.counted_groups:  # 'how many departments ...' is a number
        return None
    year = filters_.periods[0].start.year  # type: ignore[union-attr]
    group = set(reading.group)
    report_order = reading.order_dims == ["department", "job", "quarter"][: len(reading.order_dims)]
    if (
        group == {"department", "job", "quarter"}
        and not reading.threshold
        and not reading.rank
        and reading.rank_order is None  # 'sorted by number of hires' is not the report's order
        and not reading.descending_names
        and report_order
    ):
        _count_words(words)
        return ReportQuery(report="hires_by_quarter", year=year)
    above = reading.threshold is not None and reading.threshold.compare == "above_mean"
    if (
        group == {"department"}
        and above
        and (reading.rank is None or reading.rank == Rank(order="most"))
        and reading.rank_order in (None, "most")
        and not reading.descending_names
    ):
        _count_words(words)
        return ReportQuery(report="departments_above_mean", year=year)
    return None


def dates_whole_year(period: Period) -> bool:
    start, end = period.start, period.end
    return bool(
        start and end and start.month == start.day == 1 and end == date(start.year + 1, 1, 1)
    )


def _of_the_catalog(words: Words, phrases: list[dates.DatePhrase]) -> bool:
    """'How many jobs are there?' counts the jobs, not the jobs among hires (a job may
    have none): with no word of hiring and no date, it is a question about the table."""
    subject = re.compile(rf"\b{SUBJECT}\b|\bhire\b|\bhired\b|\bfill(?:ed)?\b")
    return not phrases and not words.has(subject)


NAMES_OF = re.compile(r"\b(?:the |their |just the |only the )?names?(?: of| only)?\b")
"""A list of departments (jobs) is their names: 'list the department names'."""
EXISTING = re.compile(r"\b(?:exist|exists|are there|do we have|there are)\b")
"""'what job titles exist': the table's rows, asked as which ones."""


def _catalog(
    words: Words, reading: Reading, filters_: Filters, phrases: list[dates.DatePhrase]
) -> CatalogQuery | None:
    """Departments or jobs themselves: no hires words, no filters on hires, no grouping."""
    subject = re.compile(rf"\b{SUBJECT}\b|\bhire\b")
    searches = [s for s in reading.who.searches if s.target in ("title", "department")]
    match = words.search(CATALOG_WORD)
    searched = ["department"] if searches and searches[0].target == "department" else ["job"]
    titles_only = bool(searches) and reading.group in ([], searched) and not words.has(subject)
    # 'every job title in alphabetical order': the jobs themselves, not hires per job
    every = reading.group in (["department"], ["job"]) and reading.group == reading.each_dims
    every = every or (reading.group in (["department"], ["job"]) and words.has(EXISTING))
    listed = every and not words.has(subject) and not words.has(COUNT)
    listed = listed and not words.has(FIRST_LAST)  # "who joined first in each department"
    if titles_only:
        reading.group = []
    elif listed and match is None:
        of_every = "departments" if reading.group == ["department"] else "jobs"
        if reading.rank or reading.threshold or reading.rank_order or phrases:
            return None  # the grouping stays: 'accountants by department in 2021'
        if filters_ != Filters() or reading.who.included:
            return None
        reading.group = []
        words.take_all(EXISTING)
        return CatalogQuery(of=of_every, descending=reading.descending_names)  # type: ignore[arg-type]
    elif match is None or words.has(subject) or reading.group:
        return None
    if reading.rank or reading.threshold or reading.rank_order:
        return None
    plain = Filters(
        departments=filters_.departments if searched == ["department"] else NameSet(),
        jobs=filters_.jobs if searches and searched == ["job"] else NameSet(),
    )
    if phrases or filters_ != plain or reading.who.included or len(searches) > 1:
        return None
    if match:
        of = "departments" if match.group("what").startswith("dep") else "jobs"
    else:
        of = "departments" if searched == ["department"] else "jobs"
    if searches and of != searched[0] + "s":
        return None  # 'jobs in departments whose name ...': no list of one by the other's name
    if match:
        words.take(match)
    counting = words.search(COUNT)
    if counting:
        words.take(counting)
    for extra in words.take_all(EXISTS):
        del extra
    # 'how many different department names': the names, not the rows (two may share one)
    different = words.search(DIFFERENT_NAMES) if counting else None
    named = False
    if counting and not different and (said := words.search(re.compile(r"\bnames\b"))):
        words.take(said)  # 'how many department names are there': the rows of the table
    if not counting and (said := words.search(NAMES_OF)):
        words.take(said)  # 'list the department names', 'the names of all departments'
        words.take_all(re.compile(r"\b(?:only|just)\b(?= *(?:please|pls|thanks)? *$)"))
    if different:
        words.take(different)
        if name := words.search(re.compile(r"\b(?:names|name|distinct|different|unique)\b")):
            named = True
            words.take(name)
    search = searches[0] if searches else None
    if reading.descending_names and counting:
        return None
    return CatalogQuery(
        of=of,  # type: ignore[arg-type]
        count_only=counting is not None,
        distinct_names=named,
        descending=reading.descending_names,
        name_prefix=search.value if search and search.prefix else None,
        name_contains=search.value if search and not (search.prefix or search.suffix) else None,
        name_suffix=_ending(search.value) if search and search.suffix else None,
    )


TITLES = re.compile(r"\b(?:the |all |all the |every )?(?:job titles|jobs|roles|titles|positions)\b")


def _titles_hired(words: Words, reading: Reading) -> re.Match[str] | None:
    """'titles hired by Engineering', 'list the jobs Marketing hired for': a named department's
    titles with at least one hire (only said of departments; a count or ranking is not this)."""
    hired = re.compile(rf"\b{SUBJECT}\b|\bhire\b")
    names_kept = reading.who.included or reading.department_ids
    if not names_kept or reading.who.people or not words.has(hired) or words.has(COUNT):
        return None
    if reading.rank or reading.threshold or reading.rank_order or reading.counted_groups:
        return None
    if not all(token.startswith("__d") for token in reading.who.included):
        return None
    return words.search(TITLES)


def _first_per_group(words: Words, reading: Reading, filters_: Filters) -> EmployeesQuery | None:
    """'The first hire in each department', 'the latest 2 hires per year': people per group."""
    first_last = words.search(FIRST_LAST)
    if first_last is None or reading.rank or reading.threshold or reading.rank_order:
        return None
    if words.has(COUNT) or reading.alphabetical or reading.group[0] == "level":
        return None
    latest = bool(first_last.group("last")) or (first_last.group("first2") or "") in (
        "last",
        "most recently",
    )
    n = first_last.group("n") or first_last.group("n0")
    words.take(first_last)
    words.take_all(EMPLOYEES)
    words.take_all(NAMES_ONLY)
    return EmployeesQuery(
        filters=filters_,
        columns="dated",
        order="latest" if latest else "earliest",
        limit=number(n) if n else 1,
        per=reading.group[0],
    )


def _employees(words: Words, reading: Reading, filters_: Filters) -> EmployeesQuery | None:
    asks = {reading.people[t].ask for t in reading.who.people}
    if asks & {"hired", "fact", "who"} and not words.has(COUNT):
        # a person looked up: their row, with the hire date beside the hire time (and the
        # weekday, month ... of it when asked)
        words.take_all(EMPLOYEES)
        parts = {p for t in reading.who.people for p in reading.people[t].calendar}
        calendar = tuple(p for p in ("year", "quarter", "month", "weekday") if p in parts)
        return EmployeesQuery(filters=filters_, columns="dated", calendar=calendar)
    # 'newest first' orders a list of people: a list, or left unread (never lost from a count)
    unordered = words.text
    order_asked = words.search(LIST_ORDER)
    if order_asked:
        words.take(order_asked)
    first_last = words.search(FIRST_LAST)
    listing = words.search(EMPLOYEES)
    if words.has(COUNT) and not first_last:
        words.text = unordered
        return None
    names_asked = words.search(NAMES_ONLY)
    names_listed = any(s.listed for s in reading.who.searches)  # 'names starting with Mar'
    if (
        not names_listed
        and not reading.alphabetical
        and first_last is None
        and listing is None
        and order_asked is None
        and not reading.dated  # 'Legal hires - names and start dates': people, listed
        and not (names_asked and "who" not in names_asked.group(0))
    ):
        subject_first = re.compile(r"^ *(?:the )?(?:employees|people|staff|workers|new hires) ")
        if not words.has(subject_first) or filters_ == Filters():
            return None
    names_only = words.search(NAMES_ONLY)
    columns = "names" if names_only and "who" not in names_only.group(0) else "full"
    if names_listed and not listing:
        columns = "names"
    if reading.dated:
        columns = "dated"
    if names_only and (columns == "names" or (reading.dated and "who" not in names_only[0])):
        words.take(names_only)
    order, limit = "earliest", None
    if first_last:
        latest = bool(first_last.group("last")) or (first_last.group("first2") or "") in (
            "last",
            "most recently",
        )
        order = "latest" if latest else "earliest"
        n = first_last.group("n") or first_last.group("n0")
        limit = (
            number(n)
            if n
            else (
                10
                if re.search(
                    r"\b(hires|employees|people|ones|persons)\b",
                    words.text[first_last.end() : first_last.end() + 12],
                )
                else 1
            )
        )
        words.take(first_last)
    if listing:
        words.take_all(EMPLOYEES)
    if order_asked and not first_last:
        order = "latest" if order_asked.group("last") else "earliest"
    if reading.alphabetical:
        if first_last or order_asked:
            words.text = unordered
            return None
        order = "name_descending" if reading.descending_names else "name"
    if reading.rank or reading.threshold or reading.rank_order:
        words.text = unordered
        return None
    return EmployeesQuery(filters=filters_, columns=columns, order=order, limit=limit)  # type: ignore[arg-type]
