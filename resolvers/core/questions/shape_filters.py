"""What every shape shares: the Reading the rules fill, a Refusal, and the Filters of a Reading.

Each shape (a count, a share, a difference, a list ...) turns the same
Reading into the same Filters the same way, and refuses in the same words;
kept in one place so the shapes in their own modules cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError as PydanticError

from resolvers.core.questions import dates, filters
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.dates import Span
from resolvers.core.questions.families import every_level
from resolvers.core.questions.lookups import Person
from resolvers.core.questions.patterns import COUNT
from resolvers.core.questions.query import (
    LEVELS,
    Dimension,
    Family,
    Filters,
    NameSet,
    Rank,
    Threshold,
    Weekday,
)
from resolvers.core.questions.words import Words


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
    by_id: bool = False
    """'per department_id': grouped by the id column itself (CountQuery.by_id)."""
    families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Job family tokens (``__f0__``) -> the titles they stand for."""
    people: dict[str, Person] = field(default_factory=dict)
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
    recurring: str = ""
    """The words that said those months or weekdays, as they stood in the line."""
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
    latest_first: bool = False
    """'hires per month, latest first': the periods of a grouping by time from the last."""
    chronological: Literal["earliest", "latest"] | None = None
    """'in order of start date', 'chronologically': a list of people by hire time."""
    span: Literal["first", "last", "both"] | None = None
    """'the earliest and latest datetime': the first and (or) last hire time is asked."""
    absent: list[Span] = field(default_factory=list)
    """'hired in 2020 but not in 2022': periods left out that the other dates never touch,
    so they keep groups with no hire there (CountQuery.absent_in), never a hire less."""
    absent_read: bool = False
    single: Dimension | None = None
    """'more than 100 hires in a single year': the condition is held per group and year."""
    single_asked: bool = False
    """'which team, which year': the period of each pair is asked (else which teams, only)."""
    """Whether a count of groups took ``absent`` (else only a count or list of hires may)."""
    in_every: Literal["year", "quarter", "month"] | None = None
    """'departments that hired every year': only groups with a hire in every such period."""
    spread: bool = False
    """'the gap between our busiest and quietest department': the most minus the fewest."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """A question as the rules left it, handed to every shape builder as one.

    The words not read yet, the Reading, what each name token stands for, the live
    catalog and the dates said: every shape needs the same five, so a builder's own
    arguments (a phrase, a match, the filters) stand out beside them.
    """

    words: Words
    reading: Reading
    names: dict[str, tuple[str, str]]
    catalog: Catalog
    date_sets: list[list[Span]]


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
        every = every_level(catalog, drop["job"])  # 'hires by level': every title's
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
    prefix = contains = suffix = not_prefix = None
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
        elif search.negated:
            not_prefix = search.value
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
            name_not_prefix=not_prefix,
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


def _first(error: ValueError) -> str:
    if isinstance(error, PydanticError):
        return str(error.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
    return str(error)


def _count_words(words: Words) -> None:
    words.take_all(COUNT)
