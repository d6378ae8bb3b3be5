"""Questions the offline engine answers: offered when it refuses, shown to Bedrock as few-shots.

A refusal offers the nearest questions first: built from the words the engine
did understand (the names and dates it found), each one checked to be a
question it answers as written; then the general examples below.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from resolvers.core.questions import dates, filters, lexicon, matching, patterns
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.query import Period
from resolvers.core.questions.reword import Reworded
from resolvers.core.questions.words import Words

EXAMPLES = (
    "How many people were hired in {year}?",
    "How many people were hired in {department} in Q2 {year}?",
    "Hires by department in {year}",
    "Hires per month in {year}",
    "Top 5 jobs by hires in {year}",
    "Which department hired the fewest people in {year}?",
    "Hires per quarter for each department and job in {year}",
    "Which departments hired more than the mean in {year}?",
    "What share of hires in {year} went to each department?",
    "Who were the first 3 people hired in {year}?",
    "List the employees of {department} hired in March {year}",
    "Compare hires in {year} and {next_year} by department",
    "How many {job} hires were there between {year}-01-01 and {year}-06-30?",
    "How many departments are there?",
)
MAX_OFFERED = 6


def suggestions(catalog: Catalog, year: int = 2021, count: int = 6) -> list[str]:
    """Example questions filled in with live names, so each one can actually be asked."""
    department = catalog.departments[0] if catalog.departments else "Engineering"
    job = catalog.jobs[0] if catalog.jobs else "Recruiter"
    names = {"department": department, "job": job, "year": year, "next_year": year + 1}
    return [example.format(**names) for example in EXAMPLES[:count]]


def all_examples(catalog: Catalog, year: int = 2021) -> list[str]:
    return suggestions(catalog, year, len(EXAMPLES))


Answers = Callable[[str, Catalog], bool]
"""Whether the engine answers a question as written."""


def nearest(
    reworded: Reworded, catalog: Catalog, answers: Answers, today: date
) -> tuple[list[str], int]:
    """Questions close to a refused one, built from its names and dates, that are answered.

    Returns the questions and how many of the first were built from the question's
    own words (the rest are general examples).

    'how many hires did Legal make in feb 2022 by gender-ish' offers "How many people
    were hired in Legal in February 2022?" before the general examples.
    """
    text = " ".join(reworded.tokens)
    if patterns.INJECTION.search(text) or lexicon.WRITE_WORDS & set(reworded.tokens):
        return suggestions(catalog, _latest_year(catalog)), 0  # nothing of theirs to offer back
    departments, jobs = _names(reworded, catalog)
    period = _period(reworded, today)
    when = _when(period) if period else ""
    group = next(iter(patterns.dims(text)), None)
    if group and period and not _finer(group, period):
        group = None
    built = []
    for department in departments[:2]:
        built.append(f"How many people were hired in {department}{when}?")
        if group and group != "department":
            built.append(f"Hires by {group} in {department}{when}")
    for job in jobs[:2]:
        built.append(f"How many {job} hires were there{when}?")
    if not departments and not jobs and (when or group):
        if group:
            built.append(f"Hires by {group}{when}")
        if when:
            built += [f"How many people were hired{when}?", f"Hires by department{when}"]
    if departments:
        built.append(f"List the employees of {departments[0]} hired{when}")
    offered = [q for q in dict.fromkeys(built) if answers(q, catalog)][:3]
    close = len(offered)
    year = period.start.year if period and period.start else _latest_year(catalog)
    for example in suggestions(catalog, year):
        if len(offered) >= MAX_OFFERED:
            break
        if example not in offered:
            offered.append(example)
    return offered, close


_UNIT_DAYS = {"year": 366, "half": 184, "quarter": 92, "month": 31, "weekday": 1, "day": 1}


def _finer(group: str, period: Period) -> bool:
    """A grouping that splits the period ('by month' in a quarter, never 'by year' in a day)."""
    if group not in _UNIT_DAYS or period.start is None or period.end is None:
        return True
    return (period.end - period.start).days > _UNIT_DAYS[group]


def _latest_year(catalog: Catalog) -> int:
    return catalog.last_hire.year if catalog.last_hire else 2021


def _names(reworded: Reworded, catalog: Catalog) -> tuple[list[str], list[str]]:
    found = reworded.found
    if found is None:
        shielded, values = filters.quote_values(reworded.tokens)
        shielded = filters.shield_search_values(shielded, values)
        found = matching.find(shielded, catalog, patterns.RESERVED)
    return list(found.of("department")), list(found.of("job"))


def _period(reworded: Reworded, today: date) -> Period | None:
    """The one period the question's date phrases meet in, if they name one."""
    words = Words(reworded.tokens)
    words.drop_all(lexicon.FILLER_PHRASES)
    try:
        phrases = dates.read(words, today, False)
    except (ValueError, KeyError):
        return None
    if not phrases:
        return None
    spans = dates.intersect(p.spans for p in phrases)
    found = dates.periods(spans)
    return found[0] if len(found) == 1 else None


def _when(period: Period) -> str:
    """A period as words the engine reads back ('in Q2 2021', 'between 2021-04-12 and ...')."""
    start, end = period.start, period.end
    if start is None:
        assert end is not None
        return f" before {end.isoformat()}"
    if end is None:
        return f" since {start.isoformat()}"
    months = (end.year - start.year) * 12 + end.month - start.month
    if start.day == 1 and end.day == 1:
        if months == 12 and start.month == 1:
            return f" in {start.year}"
        if months == 1:
            return f" in {lexicon.MONTH_NAMES[start.month]} {start.year}"
        if months == 3 and start.month % 3 == 1:
            return f" in Q{(start.month + 2) // 3} {start.year}"
    last = end - timedelta(days=1)
    if last == start:
        return f" on {start.isoformat()}"
    return f" between {start.isoformat()} and {last.isoformat()}"
