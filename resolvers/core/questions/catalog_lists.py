"""The departments and jobs themselves: lists and counts of the catalog, not of hires.

'How many jobs are there', 'list the department names', 'the titles Marketing
hired for': a question about the table (or a department's titles with a hire)
is answered from the names, never as a count of hires per name.
"""

from __future__ import annotations

import re

from resolvers.core.questions import dates
from resolvers.core.questions.patterns import (
    CATALOG_WORD,
    COUNT,
    EXISTS,
    FIRST_LAST,
    FIRST_N,
    SUBJECT,
    number,
)
from resolvers.core.questions.query import CatalogQuery, Family, Filters, NameSet
from resolvers.core.questions.shape_filters import Parsed, Reading, _ending
from resolvers.core.questions.words import Words

DIFFERENT_NAMES = re.compile(
    r"\b(?:distinct|different|unique|separate)\b(?= .*\bnames\b)"
    r"|\b(?:names|name)\b(?= .*\b(?:distinct|different|unique)\b)"
    r"|\b(?:distinct|different|unique|separate)\b"
)
"""'how many distinct department names': a count of names; 'how many different jobs': rows."""


ORDER_THEN_TOP = re.compile(
    r"\b(?:alphabetic\w*|a to z|a z|z to a|z a|names?|desc\w*|reverse\w*|asc\w*)\b.*\btop\b"
)
"""'reverse alphabetical, only the top 4': the top of the list as ordered, said after it."""


def _first_names(words: Words, reading: Reading) -> tuple[int, re.Match[str] | None] | None:
    """A cut-off of a list ordered by name: 'top 4' (read as a ranking, which a list of names
    without hires cannot be) or 'first 4', only beside an order by name said outright."""
    if not reading.alphabetical:
        return None
    rank = reading.rank
    if rank is not None:  # 'the top 3 jobs, A to Z' may be the 3 most hired: only after the order
        if rank.order != "most" or not rank.limit or rank.offset or rank.within:
            return None
        return (rank.limit, None) if ORDER_THEN_TOP.search(reading.line) else None
    said = words.search(FIRST_N)
    if said is None or said.group("top"):
        return None
    return number(said.group("n")), said


def _of_the_catalog(words: Words, phrases: list[dates.DatePhrase]) -> bool:
    """'How many jobs are there?' counts the jobs, not the jobs among hires (a job may
    have none): with no word of hiring and no date, it is a question about the table."""
    return not phrases and not words.has(HIRING)


HIRING = re.compile(rf"\b{SUBJECT}\b|\bfill(?:ed)?\b")
"""A word of hiring ('roles Legal filled'): the question is about hires, not the catalog's names."""


EVERY = re.compile(r"\b(?:every|each|any|all)\b")
"""'every title containing Engineer', 'any departments whose name has "and"': all of them."""
NAMES_OF = re.compile(r"\b(?:the |their |just the |only the )?names?(?: of| only)?\b")
"""A list of departments (jobs) is their names: 'list the department names'."""
EXISTING = re.compile(r"\b(?:exist|exists|are there|do we have|there are)\b")
"""'what job titles exist': the table's rows, asked as which ones."""


def _catalog(
    parsed: Parsed, filters_: Filters, phrases: list[dates.DatePhrase]
) -> CatalogQuery | None:
    """Departments or jobs themselves: no hires words, no filters on hires, no grouping."""
    words, reading = parsed.words, parsed.reading
    subject = re.compile(rf"\b{SUBJECT}\b|\bhire\b")
    searches = [s for s in reading.who.searches if s.target in ("title", "department")]
    match = words.search(CATALOG_WORD)
    searched = ["department"] if searches and searches[0].target == "department" else ["job"]
    family = _family_titles(parsed, filters_, phrases)
    titles_only = (bool(searches) or family is not None) and reading.group in ([], searched)
    titles_only = titles_only and not words.has(subject)
    # 'every job title in alphabetical order': the jobs themselves, not hires per job
    limit = _first_names(words, reading)
    head = limit[1] if limit else None
    one_kind = reading.group in (["department"], ["job"])
    every = one_kind and (reading.group == reading.each_dims or limit is not None)
    every = every or (one_kind and words.has(EXISTING))
    listed = every and not words.has(subject) and not words.has(COUNT)
    unheaded = Words([])  # "who joined first in each department" is no head of a list
    unheaded.text = words.text
    if head is not None:
        unheaded.take(head)
    listed = listed and not unheaded.has(FIRST_LAST)
    if titles_only:
        reading.group = []
        words.take_all(EVERY)  # 'every title containing Engineer': the titles themselves
    elif listed and match is None:
        of_every = "departments" if reading.group == ["department"] else "jobs"
        if (reading.rank and not limit) or reading.threshold or reading.rank_order or phrases:
            return None  # the grouping stays: 'accountants by department in 2021'
        if filters_ != Filters() or reading.who.included:
            return None
        reading.group = []
        words.take_all(EXISTING)
        if limit and limit[1] is not None:
            words.take(limit[1])
        reading.rank = None
        return CatalogQuery(
            of=of_every,  # type: ignore[arg-type]
            descending=reading.descending_names,
            limit=limit[0] if limit else None,
        )
    elif match is None or words.has(subject) or reading.group:
        return None
    if (reading.rank and not limit) or reading.threshold or reading.rank_order:
        return None
    plain = Filters(
        departments=filters_.departments if searched == ["department"] else NameSet(),
        jobs=filters_.jobs if (searches or family) and searched == ["job"] else NameSet(),
        families=(family,) if family else (),
    )
    others = reading.who.included and not family
    if phrases or filters_ != plain or others or len(searches) > 1:
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
    if (reading.descending_names or limit) and counting:
        return None
    if limit and limit[1] is not None:
        words.take(limit[1])
    reading.rank = None
    return CatalogQuery(
        of=of,  # type: ignore[arg-type]
        limit=limit[0] if limit else None,
        count_only=counting is not None,
        distinct_names=named,
        descending=reading.descending_names,
        name_prefix=search.value if search and search.prefix else None,
        name_contains=search.value if search and not (search.prefix or search.suffix) else None,
        name_suffix=_ending(search.value) if search and search.suffix else None,
        family=family,
    )


FAMILY_TITLES = re.compile(r"__f\d+__ (?:job )?(?:titles?|roles?|positions?)\b")
"""'engineer titles', 'analyst job titles': a family's titles themselves, asked by that word."""


def _family_titles(
    parsed: Parsed, filters_: Filters, phrases: list[dates.DatePhrase]
) -> Family | None:
    """'engineer titles A to Z', 'how many analyst titles are there': the one family named,
    with the word 'titles' after it and nothing else to filter, is a list of its titles (the
    family's reading stays for 'hires in engineer roles in 2021', which says hires)."""
    if phrases or len(filters_.families) != 1 or not FAMILY_TITLES.search(parsed.reading.line):
        return None
    if parsed.words.has(HIRING):  # 'how many engineer roles did we fill': hires
        return None
    family = filters_.families[0]
    alone = Filters(jobs=NameSet(include=family.titles), families=(family,))
    return family if filters_ == alone and not family.excluded else None


TITLES = re.compile(r"\b(?:the |all |all the |every )?(?:job titles|jobs|roles|titles|positions)\b")


def _titles_hired(parsed: Parsed) -> re.Match[str] | None:
    """'titles hired by Engineering', 'list the jobs Marketing hired for': a named department's
    titles with at least one hire (only said of departments; a count or ranking is not this)."""
    words, reading = parsed.words, parsed.reading
    names_kept = reading.who.included or reading.department_ids
    if not names_kept or reading.who.people or not words.has(HIRING) or words.has(COUNT):
        return None
    if reading.rank or reading.threshold or reading.rank_order or reading.counted_groups:
        return None
    if not all(token.startswith("__d") for token in reading.who.included):
        return None
    return words.search(TITLES)
