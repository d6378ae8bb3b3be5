"""Question to HrQuery by rules: every word is read by a rule or is filler, or the answer is a refusal.

Order of reading: quoted values and name searches, department and job names
(matching.py), thresholds with numbers, the mean, dates (dates.py), who counts
(filters.py), rankings, groupings, ordering words, then the measure. Each rule
consumes the words it read (words.py); what is left must be in
lexicon.FILLER. The result is an HrQuery, which refuses by its types what
no kind can hold (a threshold without groups, say): the parser then refuses too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError as PydanticError

from resolvers.core.questions import dates, filters, lexicon, matching
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.dates import DateError, Span
from resolvers.core.questions.query import (
    AnyQuery,
    AverageQuery,
    CatalogQuery,
    CompareQuery,
    CountQuery,
    Dimension,
    EmployeesQuery,
    Filters,
    HrQuery,
    NameSet,
    Period,
    Rank,
    ReportQuery,
    ShareQuery,
    Threshold,
)
from resolvers.core.questions.words import Words

MAX_CHARS = 1000


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: str
    not_understood: tuple[str, ...] = ()


SUBJECT = r"(?:hires|hire|hired|hiring|employees|employee|people|persons|person|staff|workers|recruits|joiners|new hires|starters)"
_N = r"(?P<n>\d{1,7}|" + "|".join(lexicon.NUMBERS) + r")"
_DIM = (
    r"(?:departments?|depts?|teams?|divisions?|jobs?|roles?|titles?|positions?|years?|quarters?"
    r"|months?|weekdays?|days? of (?:the )?week|week ?days?)"
)
_ORD = r"(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)"
_MOST = r"(?P<most>most|highest|largest|biggest|busiest|greatest|top|best|max|maximum)"
_LEAST = r"(?P<least>fewest|least|lowest|smallest|quietest|bottom|worst|min|minimum|slowest)"

INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|above|previous)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bjailbreak\b|\bpretend\b|\bact as\b"
    r"|\bselect\b.+\bfrom\b|[;`]|--|/\*"
)
THRESHOLD = re.compile(
    rf"\b(?P<op>more than|greater than|higher than|over|above|at least|no fewer than|no less than"
    rf"|fewer than|less than|lower than|under|below|at most|no more than|exceeding|exceeded)"
    rf"(?: {SUBJECT})? {_N}(?: (?:or more|or fewer|or less))?(?: {SUBJECT})?\b"
    rf"|\b{_N.replace('<n>', '<n2>')} (?P<op2>or more|or fewer|or less|and more|and up|plus)\b"
)
MEAN = re.compile(
    rf"\b(?P<op>more|greater|higher|above|over|fewer|less|lower|below|under|exceed(?:ed|ing|s)?)"
    rf"(?: {SUBJECT}){{0,2}}(?: than)?(?: the)? (?:average|mean|avg)\b(?: number)?(?: of {SUBJECT})?"
    r"|\b(?P<adj>above|below)[ -]average\b"
)
TOP_N = re.compile(rf"\b(?:the )?(?:(?P<top>top)|{_LEAST.replace('least>', 'bottom>')}) {_N}\b")
N_MOST = re.compile(rf"\b(?:the )?{_N} (?:{_DIM} )?(?:with (?:the )?)?(?:{_MOST}|{_LEAST})\b")
ORD_MOST = re.compile(rf"\b(?:the )?(?:{_ORD} )?(?:{_MOST}|{_LEAST})(?: number of| amount of)?\b")
MOST_RECENT = re.compile(rf"\b(?:the )?(?:{_N} )?most recent(?:ly)?\b")
RANK_BY = re.compile(
    rf"\b(?:by|in|for) (?:the )?(?:number of |count of |total )?(?:{SUBJECT}|hiring)\b"
)
ORDERING = re.compile(
    r"\b(?:(?:the )?(?:table|list|result|results|answer|output) )?(?:(?:must|should) be |is )?"
    r"(?:ordered|sorted|order|sort|ranked|rank)(?: them| it)?(?: alphabetically)?"
    r"(?P<by> by (?:the )?(?:number of |count of )?(?:(?:employees|people|hires|staff) )?(?:hired )?)?"
    r"(?P<dir>descending|desc|ascending|asc|from (?:the )?(?:most|highest) to (?:the )?(?:fewest|least|lowest)"
    r"|from (?:the )?(?:fewest|least|lowest) to (?:the )?(?:most|highest)|alphabetically)?"
)
ORDER_DIMS = re.compile(rf"\b(?P<dims>{_DIM}(?: (?:,|and|then) {_DIM})*)\b")
GROUP = re.compile(
    r"\b(?:broken down by|break(?:ing)? down by|split by|divided by|grouped by|group by|by|per|for each"
    r"|for every|in each|in every|each|every|across|across all|for all(?: the)?|for all of the"
    r"|of each|on each|on every|among)(?: the| all| all the| of the)? "
    rf"(?P<dims>{_DIM}(?: (?:,|and|&|then|,and) (?:by |per |each |every )?(?:the )?{_DIM})*)\b"
)
DIM_ADVERB = re.compile(
    r"\b(?P<adv>monthly|quarterly|yearly|annually|annual|month by month|year by year|quarter by quarter)\b"
)
WHICH_DIM = re.compile(
    rf"\b(?:which|what|in which|in what|on which|on what)(?: (?:the|one))? (?P<dims>{_DIM})\b"
)
DIM_WITH = re.compile(rf"\b(?:the )?(?P<dims>{_DIM}) (?:with|that had|that have|having)\b")
SHARE = re.compile(
    r"\b(?:what )?(?:share|percentage|percent|proportion|fraction|ratio|%)(?: of)?\b|%"
)
WENT = re.compile(r"\b(?:went|go|going|were|was) (?:to|into|in)\b|\bwent\b")
AVERAGE = re.compile(r"\b(?:on )?(?:the )?(?:average|mean|avg)(?: number of| count of)?\b")
COMPARE = re.compile(
    r"\b(?:compare|compared|comparing|comparison|vs|versus|against|change|changed|differ|difference"
    r"|grow|grew|growth|increase|increased|decrease|decreased|evolve|evolved)\b"
)
DIFFERENCE = re.compile(
    r"\b(?:how many (?P<dir>more|fewer|less)|(?P<dir2>more|fewer|less)"
    r"|(?:what is |what was )?the difference(?: in)?(?: the number of)?|difference|change in|grow by|grew by)\b"
)
DISTINCT = re.compile(
    r"\b(?:(?:how many|number of|count of|count the) (?:different |distinct |unique |separate )?"
    r"|(?:different|distinct|unique) )(?P<what>departments|jobs|roles|titles|positions|depts)\b"
)
EMPLOYEES = re.compile(
    r"\b(?:list|show|who|whom|display|name the|which employees|which people|which person|what employees"
    r"|what people|give me the employees|details of|employees who|people who|the employees|the people"
    r"|those hired|everyone|everybody)\b"
)
NAMES_ONLY = re.compile(
    r"\b(?:the )?(?:full )?names(?: of| only)?\b|\bjust (?:the )?names\b|\bwho\b"
)
FIRST_LAST = re.compile(
    rf"\b(?:the )?(?:(?P<n0>\d{{1,3}}|{'|'.join(lexicon.NUMBERS)}) )?(?:(?P<first>first|earliest|oldest)|(?P<last>last|latest|most recent|newest|most recently|recent))"
    rf"(?: {_N})?(?= (?:{SUBJECT}|to (?:be )?(?:hired|join)|hire|one|ones|persons?|people|hires?|$))"
    rf"|\b(?P<by>hired|joined) (?P<first2>first|earliest|last|most recently)\b"
)
COUNT = re.compile(
    r"\b(?:how many|number of|count of|count|total number of|total|tally of|how much)\b"
)
CATALOG_WORD = re.compile(
    r"\b(?P<what>departments|department|depts|jobs|job|roles|titles|positions)\b"
)
COLUMNS = re.compile(
    r"\b(?:the )?(?:ids?|identifiers?)(?: ,)?(?: and)?(?: (?:the )?(?:names?|department names?))?(?: ,)?(?: and)?"
)
EXISTS = re.compile(
    r"\b(?:exist|exists|are there|is there|do we have|there are|in total|altogether|all the|in the company|on record)\b"
)
YES_NO = re.compile(r"^ *(?:did|were|was|has|have|is|are) ")


@dataclass(slots=True)
class Reading:
    """What the rules found, before it becomes an HrQuery."""

    who: filters.Who = field(default_factory=filters.Who)
    date_sets: list[list[Span]] = field(default_factory=list)
    listed: list[list[Span]] = field(default_factory=list)
    group: list[Dimension] = field(default_factory=list)
    which: bool = False
    which_singular: bool = False
    rank: Rank | None = None
    rank_order: str | None = None
    threshold: Threshold | None = None
    ids: bool = False


def _dimension(word: str) -> Dimension:
    if word.startswith(("dep", "team", "div")):
        return "department"
    if word.startswith(("job", "role", "title", "position")):
        return "job"
    if word.startswith("year") or word.startswith("annual"):
        return "year"
    if word.startswith("quarter"):
        return "quarter"
    if word.startswith("month"):
        return "month"
    return "weekday"


def _dims(text: str) -> list[Dimension]:
    found = re.findall(_DIM, text)
    return list(dict.fromkeys(_dimension(w) for w in found))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else lexicon.NUMBERS[word]


def _refuse_early(text: str) -> Refusal | None:
    if not text:
        return Refusal("The question is empty: ask about hires, departments or jobs.")
    if len(text) > MAX_CHARS:
        return Refusal(
            f"The question is longer than {MAX_CHARS} characters: ask one thing at a time."
        )
    letters = [c for c in text if c.isalpha()]
    if letters and sum(not c.isascii() for c in letters) > len(letters) // 5:
        return Refusal("This engine reads questions in English only.")
    if INJECTION.search(text):
        return Refusal("That reads like an instruction or SQL, not a question about hires.")
    return None


def parse(question: str, catalog: Catalog, today: date) -> HrQuery | Refusal:
    """The HrQuery a question asks, or why the engine will not answer it."""
    text = lexicon.normalise(question)
    if early := _refuse_early(text):
        return early
    tokens, values = filters.quote_values(lexicon.tokens(text))
    tokens = filters.shield_search_values(tokens, values)
    for word in tokens:
        if word in lexicon.WRITE_WORDS:
            return Refusal("This engine only answers questions; it never changes data.")
        if word in lexicon.UNSUPPORTED:
            return Refusal(
                f"The data holds no {lexicon.UNSUPPORTED[word]}: only hires, their departments and jobs.",
                (word,),
            )
    found = matching.find(tokens, catalog, RESERVED)
    if found.ambiguities:
        first = found.ambiguities[0]
        options = ", ".join(first.candidates[:8])
        return Refusal(
            f'"{first.phrase}" could mean several names: {options}. Name one.', (first.phrase,)
        )
    names, line = _place_names(tokens, found)
    words = Words(line)
    compare = words.has(COMPARE) or words.has(
        re.compile(r"\bthan (?:in |during )?(?:1[5-9]|20|21)\d\d\b")
    )
    reading = Reading()
    _thresholds(words, reading)
    try:
        phrases = dates.read(words, today, compare)
    except DateError as error:
        return Refusal(f"Which dates? {error}: name the year, e.g. March 2021.", (str(error),))
    reading.who = filters.read(words, values)
    _ranks(words, reading)
    _groups(words, reading)
    query = _measure(words, reading, phrases, names, compare, catalog)
    if isinstance(query, Refusal):
        return query
    left = [w for w in words.left() if w not in lexicon.FILLER]
    if len(left) >= 3 and len(left) * 2 >= len(tokens):
        return Refusal(
            "This engine reads questions in English about hires, departments and jobs; "
            f"it did not understand {', '.join(left[:6])}.",
            tuple(left),
        )
    if left:
        quoted = ", ".join(f'"{values.get(w, w)}"' for w in dict.fromkeys(left))
        return Refusal(
            f"Not sure what {quoted} means here, so no answer rather than a guess.",
            tuple(values.get(w, w) for w in dict.fromkeys(left)),
        )
    return query


RESERVED = (
    (set(lexicon.FILLER) - matching.LEVELS)
    | set(lexicon.MONTHS)
    | set(lexicon.NUMBERS)
    | set(lexicon.ORDINALS)
    | set(
        [
            "not",
            "but",
            "except",
            "excluding",
            "other",
            "than",
            "outside",
            "apart",
            "without",
            "and",
            "or",
            "nor",
            "between",
            "since",
            "before",
            "after",
            "until",
            "till",
            "during",
            "from",
            "by",
            "per",
            "each",
            "every",
            "which",
            "what",
            "top",
            "bottom",
            "most",
            "fewest",
            "least",
            "highest",
            "lowest",
            "largest",
            "smallest",
            "biggest",
            "busiest",
            "quietest",
            "more",
            "less",
            "fewer",
            "over",
            "under",
            "above",
            "below",
            "average",
            "mean",
            "share",
            "percentage",
            "percent",
            "proportion",
            "compare",
            "versus",
            "vs",
            "difference",
            "change",
            "department",
            "departments",
            "dept",
            "job",
            "jobs",
            "role",
            "roles",
            "title",
            "titles",
            "position",
            "positions",
            "year",
            "years",
            "quarter",
            "quarters",
            "month",
            "months",
            "week",
            "weeks",
            "weekday",
            "weekdays",
            "day",
            "days",
            "first",
            "last",
            "latest",
            "earliest",
            "recent",
            "newest",
            "oldest",
            "named",
            "called",
            "whose",
            "name",
            "names",
            "starts",
            "start",
            "contains",
            "list",
            "ordered",
            "sorted",
            "order",
            "sort",
            "descending",
            "ascending",
            "alphabetically",
            "monthly",
            "quarterly",
            "yearly",
            "half",
            "team",
            "teams",
            "division",
            "unique",
            "distinct",
            "different",
            "total",
            "number",
        ]
    )
)
"""The engine's own words: never read as a department or job name by fuzzy matching."""


def _place_names(
    tokens: list[str], found: matching.Matches
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Each matched name becomes one token, ``__d0__`` (department) or ``__j0__`` (job)."""
    names: dict[str, tuple[str, str]] = {}
    line: list[str] = []
    starts = {e.start: e for e in found.entities}
    skip_until = -1
    for i, token in enumerate(tokens):
        if i < skip_until:
            continue
        entity = starts.get(i)
        if entity is None:
            line.append(token)
            continue
        key = f"__{entity.kind[0]}{len(names)}__"
        names[key] = (entity.kind, entity.name)
        line.append(key)
        skip_until = entity.end
    return names, line


def _thresholds(words: Words, reading: Reading) -> None:
    if match := words.search(MEAN):
        op = match.group("op") or match.group("adj") or ""
        below = op.startswith(("fewer", "less", "lower", "below", "under"))
        reading.threshold = Threshold(compare="below_mean" if below else "above_mean")
        words.take(match)
        return
    if match := words.search(THRESHOLD):
        op = match.group("op") or match.group("op2") or ""
        n = _number(match.group("n") or match.group("n2"))
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


def _ranks(words: Words, reading: Reading) -> None:
    if words.has(MOST_RECENT):
        return
    if match := words.search(TOP_N):
        order = "fewest" if match.group("bottom") else "most"
        reading.rank = Rank(order=order, limit=_number(match.group("n")))
        words.take(match)
    elif match := words.search(N_MOST):
        order = "fewest" if match.group("least") else "most"
        reading.rank = Rank(order=order, limit=_number(match.group("n")))
        words.take(match, "n", "most" if match.group("most") else "least")
    elif match := words.search(ORD_MOST):
        order = "fewest" if match.group("least") else "most"
        offset = lexicon.ORDINALS[match.group("ord")] - 1 if match.group("ord") else 0
        reading.rank = Rank(order=order, offset=offset, limit=1 if offset else None)
        words.take(match)
    if reading.rank:
        if match := words.search(RANK_BY):
            words.take(match)


def _groups(words: Words, reading: Reading) -> None:
    if match := words.search(ORDERING):
        _ordering(words, reading, match)
    for match in words.take_all(GROUP):
        reading.group += _dims(match.group("dims"))
    for match in words.take_all(DIM_ADVERB):
        adverb = match.group("adv")
        reading.group.append(
            _dimension("year" if adverb.startswith(("annual", "year")) else adverb)
        )
    if match := words.search(WHICH_DIM):
        reading.group += _dims(match.group("dims"))
        reading.which_singular = not match.group("dims").endswith("s")
        reading.which = True
        words.take(match)
    ranked = reading.rank is not None or reading.threshold is not None
    if ranked and not reading.group and (match := words.search(DIM_WITH)):
        reading.group += _dims(match.group("dims"))
        reading.which_singular = not match.group("dims").endswith("s")
        words.take(match)
    if ranked and not reading.group:
        bare = re.compile(rf"\b(?P<dims>{_DIM})\b")
        if match := words.search(bare):
            reading.group += _dims(match.group("dims"))
            reading.which_singular = not match.group("dims").endswith("s")
            words.take(match)
    reading.group = list(dict.fromkeys(reading.group))


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
    if not part:
        for token in who.included:
            kind, name = names[token]
            keep[kind].append(name)
    for token in who.excluded:
        kind, name = names[token]
        drop[kind].append(name)
    prefix = contains = None
    for search in who.searches:
        if search.target == "title":
            kind = "job" if catalog.jobs else "department"
            hits = [n for n in catalog.jobs if _title_match(n, search)]
            if not hits:
                return Refusal(
                    f'No job title {"starts with" if search.prefix else "contains"} "{search.value}".'
                )
            keep["job"] += hits
            del kind
        elif search.prefix:
            prefix = search.value
        else:
            contains = search.value
    spans = dates.intersect(date_sets) if date_sets else []
    if date_sets and not spans:
        return Refusal("Those dates never overlap, so no hire could match them all.")
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
            without_department=who.without_department,
            without_job=who.without_job,
            name_prefix=prefix,
            name_contains=contains,
        )
    except ValueError as error:
        return Refusal(f"The question contradicts itself: {error}.")


def _title_match(name: str, search: filters.NameSearch) -> bool:
    lowered, value = name.lower(), search.value.lower()
    return lowered.startswith(value) if search.prefix else value in lowered


def _measure(
    words: Words,
    reading: Reading,
    phrases: list[dates.DatePhrase],
    names: dict[str, tuple[str, str]],
    compare: bool,
    catalog: Catalog,
) -> HrQuery | Refusal:
    """The kind of query, from the words that are left; refuses what no kind holds."""
    date_sets = [p.spans for p in phrases]
    pair = [p for p in phrases if len(p.listed) == 2]
    try:
        query = _shape(words, reading, phrases, names, compare, catalog, date_sets, pair)
    except ValueError as error:
        return Refusal(f"This engine cannot answer that shape of question ({_first(error)}).")
    if isinstance(query, Refusal):
        return query
    return HrQuery(query=query)


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
    if reading.threshold is None and (match := words.search(MEAN)):
        words.take(match)
    if words.search(COLUMNS):
        reading.ids = True
        words.take_all(COLUMNS)
    # two periods side by side
    if compare and pair:
        (sides,) = pair[:1]
        words.take_all(COMPARE)
        rest = [p.spans for p in phrases if p is not sides]
        filters_ = _filters(reading, names, catalog, rest)
        if isinstance(filters_, Refusal):
            return filters_
        first, second = (Period(start=s, end=e) for s, e in sides.listed)
        show = "each"
        if match := words.search(DIFFERENCE):
            show = "difference"
            words.take(match)
        group = [d for d in reading.group if d in ("department", "job")]
        if len(group) < len(reading.group) or len(group) > 1 or reading.rank or reading.threshold:
            return Refusal("A comparison of two periods can be split by department or job only.")
        _count_words(words)
        return CompareQuery(
            filters=filters_,
            periods=(first, second),
            show=show,
            group_by=group[0] if group else None,
        )  # type: ignore[arg-type]
    if compare and len(reading.who.included) >= 2 and not reading.group:
        kinds = {names[t][0] for t in reading.who.included}
        if len(kinds) == 1:
            reading.group.append(kinds.pop())  # type: ignore[arg-type]
            words.take_all(COMPARE)
    filters_ = _filters(reading, names, catalog, date_sets)
    if isinstance(filters_, Refusal):
        return filters_
    if words.search(SHARE):
        words.take_all(SHARE)
        words.take_all(WENT)
        _count_words(words)
        if reading.group:
            if len(reading.group) > 1 or reading.rank or reading.threshold:
                return Refusal("A share can be split by one grouping only.")
            return ShareQuery(filters=filters_, group_by=reading.group[0])
        part = _filters(reading, names, catalog, date_sets, part=True)
        if isinstance(part, Refusal):
            return part
        return ShareQuery(
            filters=part,
            part_departments=filters_.departments.include,
            part_jobs=filters_.jobs.include,
        )
    if words.search(AVERAGE):
        words.take_all(AVERAGE)
        _count_words(words)
        if len(reading.group) != 1 or reading.rank or reading.threshold:
            return Refusal(
                "An average is answered per one grouping, e.g. average hires per department."
            )
        return AverageQuery(filters=filters_, per=reading.group[0])
    if report := _report(reading, filters_, words):
        return report
    distinct = "hires"
    if match := words.search(DISTINCT):
        distinct = "departments" if match.group("what").startswith("dep") else "jobs"
        words.take(match)
    if distinct == "hires" and (catalog_query := _catalog(words, reading, filters_, phrases)):
        return catalog_query
    if not reading.group and (employees := _employees(words, reading, filters_)):
        return employees
    _count_words(words)
    if reading.rank_order and reading.group and not reading.rank:
        reading.rank = Rank(order=reading.rank_order)  # type: ignore[arg-type]
    rank = reading.rank
    if rank and rank.limit is None and rank.offset == 0 and reading.which_singular:
        rank = Rank(order=rank.order, limit=1)
    threshold = reading.threshold
    if reading.which and not rank and not threshold:
        threshold = Threshold(compare="at_least", value=1)
    return CountQuery(
        filters=filters_,
        distinct=distinct,
        group_by=tuple(reading.group),
        threshold=threshold,
        rank=rank,
    )  # type: ignore[arg-type]


def _ordering(words: Words, reading: Reading, match: re.Match[str]) -> None:
    """'ordered by department and job' changes nothing; 'by the number hired' ranks."""
    direction = match.group("dir") or ""
    words.take(match)
    if match.group("by"):
        dims = words.match_at(ORDER_DIMS, match.end())
        if dims:
            words.take(dims)
            return
    if direction == "alphabetically" or (not match.group("by") and not direction):
        return
    ascending = direction.startswith("asc") or re.search(
        r"from (?:the )?(?:fewest|least|lowest)", direction
    )
    reading.rank_order = "fewest" if ascending else "most"


def _count_words(words: Words) -> None:
    words.take_all(COUNT)


def _report(reading: Reading, filters_: Filters, words: Words) -> ReportQuery | None:
    """The two report shapes, for one whole year and nothing else, run the report's own SQL."""
    only_year = (
        len(filters_.periods) == 1
        and filters_ == Filters(periods=filters_.periods)
        and dates_whole_year(filters_.periods[0])
    )
    if not only_year:
        return None
    year = filters_.periods[0].start.year  # type: ignore[union-attr]
    group = set(reading.group)
    if group == {"department", "job", "quarter"} and not reading.threshold and not reading.rank:
        _count_words(words)
        return ReportQuery(report="hires_by_quarter", year=year)
    above = reading.threshold is not None and reading.threshold.compare == "above_mean"
    if (
        group == {"department"}
        and above
        and (reading.rank is None or reading.rank == Rank(order="most"))
    ):
        _count_words(words)
        return ReportQuery(report="departments_above_mean", year=year)
    return None


def dates_whole_year(period: Period) -> bool:
    start, end = period.start, period.end
    return bool(
        start and end and start.month == start.day == 1 and end == date(start.year + 1, 1, 1)
    )


def _catalog(
    words: Words, reading: Reading, filters_: Filters, phrases: list[dates.DatePhrase]
) -> CatalogQuery | None:
    """Departments or jobs themselves: no hires words, no filters on hires, no grouping."""
    subject = re.compile(rf"\b{SUBJECT}\b|\bhire\b")
    match = words.search(CATALOG_WORD)
    if match is None or words.has(subject) or reading.group or reading.rank or reading.threshold:
        return None
    searches = [s for s in reading.who.searches if s.target == "title"]
    plain = Filters(jobs=filters_.jobs if searches else NameSet())
    if phrases or filters_ != plain or reading.who.included:
        return None
    of = "departments" if match.group("what").startswith("dep") else "jobs"
    words.take(match)
    counting = words.search(COUNT)
    if counting:
        words.take(counting)
    for extra in words.take_all(EXISTS):
        del extra
    search = searches[0] if searches else None
    return CatalogQuery(
        of=of,  # type: ignore[arg-type]
        count_only=counting is not None,
        name_prefix=search.value if search and search.prefix else None,
        name_contains=search.value if search and not search.prefix else None,
    )


def _employees(words: Words, reading: Reading, filters_: Filters) -> EmployeesQuery | None:
    first_last = words.search(FIRST_LAST)
    listing = words.search(EMPLOYEES)
    if words.has(COUNT) and not first_last:
        return None
    if first_last is None and listing is None:
        subject_first = re.compile(r"^ *(?:the )?(?:employees|people|staff|workers|new hires) ")
        if not words.has(subject_first) or filters_ == Filters():
            return None
    names_only = words.search(NAMES_ONLY)
    columns = "names" if names_only and "who" not in names_only.group(0) else "full"
    if names_only and columns == "names":
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
            _number(n)
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
        words.take(listing)
    if reading.rank or reading.threshold:
        return None
    return EmployeesQuery(filters=filters_, columns=columns, order=order, limit=limit)  # type: ignore[arg-type]
