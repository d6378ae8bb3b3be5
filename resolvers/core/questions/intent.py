"""What a question asks, as data: the intent parser of the offline engine.

Rules over the question's words, in a fixed order, after names and dates have
been found and blanked out. Anything the rules do not recognise with
confidence becomes a Refusal with a reason; nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from resolvers.core.questions import matching, timeframe
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.timeframe import Period

Dimension = Literal["department", "job", "year", "quarter", "month"]


class Kind(StrEnum):
    COUNT = "count"
    BREAKDOWN = "breakdown"
    RANKING = "ranking"
    QUARTERLY = "quarterly"
    VS_MEAN = "vs_mean"
    SHARE = "share"
    FIRST_LAST = "first_last"
    LIST = "list"
    COMPARE_YEARS = "compare_years"
    CATALOG = "catalog"


@dataclass(frozen=True, slots=True)
class Intent:
    kind: Kind
    departments: tuple[str, ...] = ()
    jobs: tuple[str, ...] = ()
    period: Period | None = None
    dimensions: tuple[Dimension, ...] = ()
    limit: int | None = None
    descending: bool = True
    """Most first (top, most, latest) or least first (bottom, fewest, earliest)."""
    years: tuple[int, ...] = ()
    count_only: bool = False
    """CATALOG: how many departments/jobs rather than which."""
    missing: tuple[Literal["department", "job"], ...] = ()
    """Only employees without a department (job)."""


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: str


WRITE_WORDS = re.compile(
    r"\b(delete|drop|insert|update|truncate|alter|grant|revoke|remove|erase|wipe|purge|"
    r"create|rename|modify|overwrite|destroy)\b"
)
INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instruction|instructions|rules|prompt|above)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bjailbreak\b|\bpretend\b|\bselect\s.+\bfrom\b|[;`]"
)
UNSUPPORTED = {
    "salary": "salaries",
    "salaries": "salaries",
    "wage": "wages",
    "wages": "wages",
    "pay": "pay",
    "paid": "pay",
    "income": "pay",
    "bonus": "bonuses",
    "bonuses": "bonuses",
    "age": "ages",
    "old": "ages",
    "gender": "gender",
    "female": "gender",
    "male": "gender",
    "women": "gender",
    "men": "gender",
    "birthday": "birthdays",
    "address": "addresses",
    "email": "e-mail addresses",
    "phone": "phone numbers",
    "performance": "performance",
    "rating": "ratings",
    "promotion": "promotions",
    "promoted": "promotions",
    "attrition": "leavers",
    "turnover": "leavers",
    "quit": "leavers",
    "resigned": "leavers",
    "left": "leavers",
    "fired": "leavers",
    "terminated": "leavers",
    "tenure": "tenure",
    "location": "locations",
    "city": "locations",
    "country": "locations",
    "remote": "locations",
    "weather": "weather",
    "stock": "stock prices",
}
"""What the data does not hold: asked about, the engine says so rather than answer another thing."""

MEASURE = (
    r"(?:hires|hire|hired|hiring|employees|employee|people|persons|person|staff|workers"
    r"|recruits|joiners|joined|starters|headcount|new)"
)
DIM_WORD = r"(?:department|dept|job|role|position|title|year|quarter|month)s?"
DIM_CUE = re.compile(
    r"\b(?:by|per|each|every|across|which|what|among|for all|for every)\s+"
    r"(?:the\s+|all\s+|of\s+the\s+)?"
    rf"({DIM_WORD}(?:\s*(?:,|and|&|/)\s*(?:by\s+|per\s+|each\s+|every\s+)?{DIM_WORD})*)"
)
DIM_ADVERB = re.compile(
    r"\b(monthly|quarterly|yearly|annually|annual|month by month|year by year)\b"
)
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
NUMBERS |= {"eight": 8, "nine": 9, "ten": 10, "twenty": 20, "a": 1}
_N = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty)"
TOP = re.compile(rf"\b(top|most|highest|largest|biggest|best)\s+{_N}\b|\b(top|first)\s+{_N}\b")
BOTTOM = re.compile(rf"\b(bottom|fewest|least|lowest|smallest)\s+{_N}\b")
N_DIM = re.compile(rf"\b{_N}\s+(?:most|least|busiest|biggest|top|bottom)?\s*{DIM_WORD}\b")
MOST = re.compile(
    r"\b(top|most|highest|largest|biggest|busiest|max|maximum|more|greatest|leading)\b"
)
LEAST = re.compile(r"\b(bottom|fewest|least|lowest|smallest|min|minimum|less|quietest)\b")
MEAN = re.compile(
    r"\b(above|below|over|under|more than|less than|fewer than|greater than|higher than|"
    r"lower than|exceed|exceeded|exceeding|beat)\s+(?:the\s+)?(?:yearly\s+|annual\s+)?"
    r"(average|mean)\b"
)
SHARE = re.compile(r"\b(share|percentage|percent|proportion|fraction|split)\b|%")
FIRST_LAST = re.compile(
    r"\b(first|earliest|last|latest|most recent|newest|recent|oldest|last)\b"
    rf"(?:\s+{_N})?\s+(?:\w+\s+)?(?:{MEASURE}|hires?|to\s+(?:be\s+)?(?:hired|join))\b"
    r"|\b(who|which employee|which person)\b.{0,30}\b(first|last|earliest|latest|most recently)\b"
)
COMPARE = re.compile(
    r"\b(compare|compared|comparison|vs|versus|against|difference|differ|change|changed|grow|grew"
    r"|growth|trend)\b"
)
MISSING = re.compile(
    r"\b(?:no|without|missing|unassigned|lacking)\s+(?:a\s+|an\s+|any\s+)?"
    r"(department|dept|job|role|title)s?\b"
)
SUPERLATIVE_DIM = re.compile(
    rf"\b(?:most|least|biggest|busiest|quietest|top|best|worst|highest|lowest|fewest)\s+"
    rf"(?:\w+\s+)?({DIM_WORD})\b"
)
LIST = re.compile(
    r"\b(list|show|who|whom|name|names|which employees|which people|what employees|display"
    r"|give me)\b"
)
COUNT = re.compile(r"\b(how many|number of|count|total|how much|tally)\b")
ALL_WORDS = re.compile(r"[a-z0-9]+")

RESERVED = {
    *UNSUPPORTED,
    "hires", "hire", "hired", "hiring", "employees", "employee", "people", "person", "staff",
    "workers", "department", "departments", "dept", "job", "jobs", "role", "roles", "title",
    "position", "year", "years", "quarter", "quarters", "month", "months", "first", "last",
    "latest", "earliest", "which", "what", "many", "much", "number", "count", "total", "list",
    "show", "top", "bottom", "most", "fewest", "least", "highest", "lowest", "share",
    "percentage", "percent", "average", "mean", "above", "below", "between", "since", "before",
    "after", "during", "compare", "versus", "each", "every", "per", "from", "were", "was",
    "there", "their", "with", "have", "that", "this", "those", "these", "into", "the", "and",
    "for", "who", "how", "did", "does", "all", "give", "tell", "when", "where", "about",
    "names", "name", "joined", "quarterly", "monthly", "yearly", "than", "more",
    "over", "under", "recent", "newest", "oldest", "compared", "difference", "please",
    "works", "work", "working", "worked", "team", "teams", "by", "in", "of", "as", "a", "an",
    "to", "is", "are", "be", "on", "at", "it", "me", "we", "our", "new", "biggest", "largest",
    "smallest", "busiest", "split", "proportion", "fraction", "across", "among", "broken",
    "down", "ranked", "rank", "order", "ordered", "sorted", "annual", "half",
}  # fmt: skip
"""The engine's own vocabulary: never read as a department or job name by fuzzy matching."""


STOPWORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "along",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "during",
        "each",
        "either",
        "else",
        "ever",
        "for",
        "from",
        "get",
        "give",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "kind",
        "know",
        "let",
        "like",
        "made",
        "make",
        "makes",
        "making",
        "many",
        "me",
        "mine",
        "more",
        "most",
        "much",
        "must",
        "my",
        "need",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "per",
        "please",
        "put",
        "rather",
        "same",
        "she",
        "should",
        "show",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "want",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "would",
        "you",
        "your",
        "yours",
        "okay",
        "ok",
        "hi",
        "hello",
        "thanks",
        "thank",
        "could",
        "tell",
        "see",
        "find",
        "get",
        "look",
        "list",
        "lists",
        "listing",
        "display",
        "give",
        "gives",
        "provide",
        "return",
        "returns",
        "bring",
        "count",
        "counts",
        "counted",
        "number",
        "numbers",
        "total",
        "totals",
        "overall",
        "altogether",
        "sum",
        "amount",
        "figure",
        "figures",
        "result",
        "results",
        "data",
        "table",
        "tables",
        "record",
        "records",
        "row",
        "rows",
        "information",
        "info",
        "details",
        "detail",
        "report",
        "reports",
        "breakdown",
        "broken",
        "down",
        "split",
        "distribution",
        "trend",
        "trends",
        "over",
        "time",
        "times",
        "each",
        "every",
        "across",
        "among",
        "for",
        "both",
        "people",
        "persons",
        "person",
        "employee",
        "employees",
        "staff",
        "staffer",
        "workers",
        "worker",
        "hire",
        "hires",
        "hired",
        "hiring",
        "recruit",
        "recruits",
        "recruited",
        "recruiting",
        "join",
        "joins",
        "joined",
        "joining",
        "joiner",
        "joiners",
        "start",
        "started",
        "starter",
        "starters",
        "onboard",
        "onboarded",
        "onboarding",
        "headcount",
        "new",
        "newly",
        "brought",
        "took",
        "take",
        "taken",
        "added",
        "bring",
        "on",
        "board",
        "made",
        "employ",
        "employed",
        "company",
        "firm",
        "organisation",
        "organization",
        "business",
        "department",
        "departments",
        "dept",
        "depts",
        "team",
        "teams",
        "division",
        "divisions",
        "unit",
        "units",
        "group",
        "groups",
        "job",
        "jobs",
        "role",
        "roles",
        "title",
        "titles",
        "position",
        "positions",
        "occupation",
        "occupations",
        "work",
        "works",
        "worked",
        "working",
        "year",
        "years",
        "yearly",
        "annual",
        "annually",
        "quarter",
        "quarters",
        "quarterly",
        "month",
        "months",
        "monthly",
        "week",
        "weeks",
        "day",
        "days",
        "date",
        "dates",
        "period",
        "periods",
        "half",
        "halves",
        "h1",
        "h2",
        "q1",
        "q2",
        "q3",
        "q4",
        "ytd",
        "first",
        "second",
        "third",
        "fourth",
        "last",
        "latest",
        "earliest",
        "recent",
        "recently",
        "newest",
        "oldest",
        "previous",
        "next",
        "top",
        "bottom",
        "best",
        "worst",
        "highest",
        "lowest",
        "largest",
        "smallest",
        "biggest",
        "busiest",
        "quietest",
        "least",
        "fewest",
        "most",
        "more",
        "less",
        "fewer",
        "greater",
        "higher",
        "lower",
        "max",
        "maximum",
        "min",
        "minimum",
        "rank",
        "ranked",
        "ranking",
        "order",
        "ordered",
        "sort",
        "sorted",
        "descending",
        "ascending",
        "share",
        "percentage",
        "percent",
        "proportion",
        "fraction",
        "ratio",
        "average",
        "mean",
        "above",
        "below",
        "exceed",
        "exceeded",
        "exceeding",
        "beat",
        "compare",
        "compared",
        "comparison",
        "versus",
        "vs",
        "against",
        "difference",
        "differ",
        "change",
        "changed",
        "grow",
        "grew",
        "growth",
        "since",
        "till",
        "through",
        "upto",
        "prior",
        "ago",
        "compared",
        "relative",
        "each",
        "single",
        "individual",
        "whole",
        "entire",
        "named",
        "called",
        "name",
        "names",
        "exist",
        "exists",
        "existing",
        "whats",
        "whos",
        "many",
        "much",
        "so",
        "far",
        "ever",
        "went",
        "go",
        "goes",
        "going",
        "gone",
        "happen",
        "happened",
        "s",
        "t",
        "d",
        "ll",
        "re",
        "ve",
        "m",
        "value",
        "values",
        "level",
        "levels",
        "currently",
        "current",
        "still",
        "those",
        "ones",
        "respectively",
        "separately",
        "together",
        "combined",
        "including",
        "include",
        "includes",
        "excluding",
        "only",
        "just",
    ]
)
"""Ordinary words of questions about hires; any other word must be a name the engine matched."""


def _unknown(word: str) -> bool:
    """A word that is neither vocabulary, a number or date part, nor part of a matched name."""
    known = RESERVED | STOPWORDS | UNSUPPORTED.keys() | timeframe.MONTHS.keys()
    if word in known or word in NUMBERS or word in timeframe.ORDINALS:
        return False
    if re.fullmatch(r"\d+|\d{4}-\d{2}-\d{2}|\d+(st|nd|rd|th)|q[1-4]|h[12]", word):
        return False
    return not (word.endswith("s") and word[:-1] in known)


def _number(word: str | None) -> int | None:
    if not word:
        return None
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _dimensions(text: str) -> list[Dimension]:
    found: list[Dimension] = []
    for match in DIM_CUE.finditer(text):
        for word in re.findall(r"[a-z]+", match.group(1)):
            found.extend(_dimension_of(word))
    for match in DIM_ADVERB.finditer(text):
        found.extend(_dimension_of(match.group(1)))
    return list(dict.fromkeys(found))


def _dimension_of(word: str) -> list[Dimension]:
    if word.startswith(("department", "dept")):
        return ["department"]
    if word.startswith(("job", "role", "position", "title")):
        return ["job"]
    if word.startswith(("year", "annual")):
        return ["year"]
    if word.startswith("quarter"):
        return ["quarter"]
    if word.startswith("month"):
        return ["month"]
    return []


def parse(question: str, catalog: Catalog) -> Intent | Refusal:
    """The intent of one question, or why the engine will not answer it."""
    text = " ".join(question.lower().replace("\u2019", "'").split())
    if not text:
        return Refusal("The question is empty.")
    if INJECTION.search(text):
        return Refusal("That reads like an instruction or SQL, not a question about hires.")
    tokens = matching.tokenize(text)
    found = matching.find(tokens, catalog, RESERVED)
    if found.ambiguities:
        first = found.ambiguities[0]
        options = ", ".join(first.candidates[:8])
        return Refusal(f'"{first.phrase}" could mean several names: {options}. Name one.')
    remaining = [t for i, t in enumerate(tokens) if i not in found.consumed]
    if WRITE_WORDS.search(" ".join(remaining)):
        return Refusal("This engine only answers questions; it never changes data.")
    for word in remaining:
        if word in UNSUPPORTED:
            return Refusal(f"The data holds no {UNSUPPORTED[word]}: only hires, departments, jobs.")
    if re.search(r"\b(average|mean|median)\b", text) and not MEAN.search(text):
        return Refusal("Averages are answered only as departments or jobs above/below the mean.")
    unknown = [w for w in remaining if _unknown(w)]
    if unknown:
        return Refusal(
            f'Not sure what "{unknown[0]}" means here; it is no department, job or word '
            "this engine knows."
        )
    rest = " ".join(remaining)
    frame = timeframe.parse(rest)
    if frame.relative:
        return Refusal(f'"{frame.relative}" depends on today; name the year, quarter or month.')
    return _classify(frame, found)


def _classify(frame: timeframe.TimeFrame, found: matching.Matches) -> Intent | Refusal:
    text = " ".join(frame.rest.split())
    departments, jobs = found.of("department"), found.of("job")
    dims = _dimensions(text)
    missing = tuple(
        dict.fromkeys("department" if m.startswith("dep") else "job" for m in MISSING.findall(text))
    )
    common = {"departments": departments, "jobs": jobs, "period": frame.period, "missing": missing}
    measured = re.search(rf"\b{MEASURE}\b", text) is not None

    if not measured and not departments and not jobs and frame.period is None:
        counting = COUNT.search(text) is not None
        if re.search(r"\b(departments|department)\b", text) and not re.search(r"\bjobs?\b", text):
            return Intent(Kind.CATALOG, dimensions=("department",), count_only=counting)
        if re.search(r"\b(jobs|job|roles|titles|positions)\b", text):
            return Intent(Kind.CATALOG, dimensions=("job",), count_only=counting)
    if "quarter" in dims and "department" in dims and "job" in dims:
        if frame.period is None or frame.period.label != str(frame.years[0]):
            return Refusal("Hires per quarter per department and job need one year, e.g. 2021.")
        return Intent(Kind.QUARTERLY, period=frame.period, years=tuple(frame.years))
    if match := MEAN.search(text):
        return _versus_mean(match, dims, frame)
    if SHARE.search(text):
        return Intent(Kind.SHARE, dimensions=tuple(dims[:1]), **common)  # type: ignore[arg-type]
    if match := FIRST_LAST.search(text):
        return _first_last(match, text, **common)  # type: ignore[arg-type]
    if len(frame.years) >= 2 and (not frame.is_range or COMPARE.search(text)):
        return Intent(
            Kind.COMPARE_YEARS,
            departments=departments,
            jobs=jobs,
            dimensions=tuple(d for d in dims if d in ("department", "job"))[:1],
            years=tuple(frame.years),
        )
    if ranking := _ranking(text, dims, common):
        return ranking
    if dims:
        return Intent(Kind.BREAKDOWN, dimensions=tuple(dims[:2]), **common)  # type: ignore[arg-type]
    if COUNT.search(text):
        return Intent(Kind.COUNT, **common)  # type: ignore[arg-type]
    if LIST.search(text) and (departments or jobs or frame.period):
        return Intent(Kind.LIST, **common)  # type: ignore[arg-type]
    if measured and (departments or jobs or frame.period or missing):
        kind = Kind.LIST if re.search(r"^(employees|people|staff|workers)\b", text) else Kind.COUNT
        return Intent(kind, **common)  # type: ignore[arg-type]
    return Refusal("The question matches none of the kinds of question this engine answers.")


def _versus_mean(
    match: re.Match[str], dims: list[Dimension], frame: timeframe.TimeFrame
) -> Intent | Refusal:
    if frame.period is None or len(frame.years) != 1 or frame.period.label != str(frame.years[0]):
        return Refusal("Above or below the mean is computed per year: name one year, e.g. 2021.")
    below = match.group(1) in ("below", "under", "less than", "fewer than", "lower than")
    jobs = "job" in dims or re.search(r"\b(jobs?|roles?|titles?|positions?)\b", frame.rest)
    dimension: Dimension = "job" if jobs and "department" not in dims else "department"
    return Intent(Kind.VS_MEAN, period=frame.period, dimensions=(dimension,), descending=not below)


def _first_last(
    match: re.Match[str],
    text: str,
    departments: tuple[str, ...],
    jobs: tuple[str, ...],
    period: Period | None,
    missing: tuple[Literal["department", "job"], ...],
) -> Intent:
    words = " ".join(g for g in match.groups() if g)
    earliest = re.search(r"\b(first|earliest|oldest)\b", words) is not None
    limit = _number(match.group(2)) if match.group(2) else None
    if limit is None:
        counted = re.search(rf"\b{_N}\s+(?:\w+\s+){{0,2}}{MEASURE}\b", text)
        plural = re.search(r"\b(hires|employees|people|persons|staff|workers|recruits)\b", words)
        limit = _number(counted.group(1)) if counted else (10 if plural else 1)
    return Intent(
        Kind.FIRST_LAST,
        departments=departments,
        jobs=jobs,
        period=period,
        missing=missing,
        limit=limit,
        descending=not earliest,
    )


def _ranking(text: str, dims: list[Dimension], common: Mapping[str, object]) -> Intent | None:
    top, bottom = TOP.search(text), BOTTOM.search(text)
    most, least = MOST.search(text), LEAST.search(text)
    if not (top or bottom or most or least):
        return None
    limit: int | None = None
    if top or bottom:
        chosen = top or bottom
        assert chosen is not None
        limit = _number(next(g for g in reversed(chosen.groups()) if g))
    if limit is None and (counted := N_DIM.search(text)):
        limit = _number(counted.group(1))
    candidates = [d for d in dims if d in ("department", "job", "year", "quarter", "month")]
    if not candidates:
        named = re.search(rf"\b(?:top|bottom|{_N})\s+(?:\w+\s+)?({DIM_WORD})\b", text)
        candidates = _dimension_of(named.group(2)) if named else []
    if not candidates and (superlative := SUPERLATIVE_DIM.search(text)):
        candidates = _dimension_of(superlative.group(1))
        limit = limit or 1
    if not candidates:
        return None
    dimension = candidates[0]
    if limit is None and re.search(rf"\b(which|what)\s+{dimension}\b", text):
        limit = 1
    descending = not (bottom or (least and not most))
    return Intent(
        Kind.RANKING,
        dimensions=(dimension,),
        limit=limit,
        descending=descending,
        **common,  # type: ignore[arg-type]
    )
