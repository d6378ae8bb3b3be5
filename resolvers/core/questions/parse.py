"""Question to HrQuery by rules: each word is read by a rule or is filler, or it is a refusal.

Order of reading: quoted values and name searches, department and job names
(matching.py), thresholds with numbers, the mean, dates (dates.py), who counts
(filters.py), rankings, groupings, ordering words, then the measure. Each rule
consumes the words it read (words.py); what is left must be in
lexicon.FILLER. The result is an HrQuery, which refuses by its types what
no kind can hold (a threshold without groups, say): the parser then refuses too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date
from typing import Literal

from resolvers.core.questions import columns, dates, filters, lexicon, matching
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.dates import DateError
from resolvers.core.questions.patterns import (
    ALPHABETICAL,
    AND_HOW_MANY,
    AND_HOW_MANY_BARE,
    ANY_DIM,
    ANY_LEVEL,
    AS_COLUMNS,
    AS_PERCENT,
    AS_ROWS,
    BOTH_AZ,
    BOUNDS,
    BREAK_DOWN,
    BREAKDOWN,
    BY_HIRES,
    CHANGE_DROP,
    CHRONOLOGICAL,
    COLUMN_LIST,
    COLUMNS,
    COMBO,
    COMPARE,
    COUNT_GROUPS,
    CROSSED,
    DATED,
    DIM,
    DIM_ADVERB,
    DIM_FIRST,
    DIM_THAT,
    DIM_WITH,
    DIMS_AZ,
    DIMS_ORDER,
    DIMS_THEN,
    DISTINCT_PERIODS,
    EACH_NAME,
    EXACTLY,
    FILLER_PHRASES,
    FISCAL,
    GREW,
    GROUP,
    HIRE_SPAN,
    ID_NAMES,
    IN_EVERY,
    INJECTION,
    LISTED_DIMS,
    MEAN,
    MEAN_RESTATED,
    MINUS_NAME,
    MORE,
    MOST_FIRST,
    MOST_RECENT,
    MULTIPLIED,
    N_MOST,
    NAME_ASCENDING,
    NOBODY,
    NUMBER_ONE,
    ON_THE_BOOKS,
    ORD_MOST,
    ORDER_BY_HIRES,
    ORDER_DIMS,
    ORDERING,
    OVERALL,
    PERIOD_RATIO,
    QUARTER_COLUMNS,
    QUARTER_SPAN,
    RANK_BY,
    RANK_THE,
    RANKED_RANGE,
    RESERVED,
    REVERSE_ALPHABETICAL,
    SENT_OVER,
    SHARE,
    SPREAD,
    THAN_NAME,
    THAN_PERIOD,
    THEN_BY_NAME,
    THEY_DID,
    THRESHOLD,
    TIME_ORDER,
    TOP_N,
    TOP_N_ONLY,
    TRAILING_DIMS,
    TWO_SIDED,
    VAGUE_PART,
    WHICH_DIM,
    WHICH_N,
    WHICH_ONES,
    WITH_HIRES,
    dimension,
    dims,
    number,
)
from resolvers.core.questions.query import (
    Dimension,
    EmployeesQuery,
    HrQuery,
    Rank,
    Than,
    Threshold,
    title_level,
)
from resolvers.core.questions.shapes import MAX_CHARS, Reading, Refusal, measure
from resolvers.core.questions.words import Words


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
    text, by_id = columns.by_id(lexicon.normalise(question))
    text = columns.plain(text)
    if early := _refuse_early(text):
        return early
    if vague := VAGUE_PART.search(text):  # never widened to the whole month (year)
        return Refusal(
            f"“{vague.group(0)}” names no exact days, so no answer rather than a guess: say the "
            "days, e.g. hires from 10 to 20 November 2021, or ask for the whole period.",
            (vague.group(0),),
        )
    if fiscal := FISCAL.search(text):  # never read as the calendar year it names
        return Refusal(
            "A fiscal year starts in a month the data does not record, so its dates are not "
            "known here: name the months, e.g. hires from April 2021 to March 2022 (or the "
            "calendar year 2021).",
            (fiscal.group(0),),
        )
    tokens, values = filters.quote_values(lexicon.tokens(filters.quote_letters(text)))
    tokens, people = filters.shield_people(tokens, catalog, RESERVED, filters.capitalised(question))
    people = {key: _as_written(person, question) for key, person in people.items()}
    tokens = filters.shield_search_values(tokens, values)
    titled = filters.titles_meant(text, tokens)
    falls = len(CHANGE_DROP.findall(" ".join(tokens)))  # 'did hiring drop': no command
    for word in tokens:
        if word == "drop" and falls:
            falls -= 1
            continue
        if word in lexicon.WRITE_WORDS:
            return Refusal("This engine only answers questions; it never changes data.")
        if word in lexicon.UNSUPPORTED and word not in titled:
            return Refusal(
                f"The data holds no {lexicon.UNSUPPORTED[word]}: "
                "only hires, their departments and jobs.",
                (word,),
            )
    families = filters.find_families(tokens, catalog, RESERVED)
    family_names: dict[str, tuple[str, str]] = {}
    for i, family in enumerate(reversed(families)):
        key = f"__f{len(families) - 1 - i}__"
        family_names[key] = ("family", family.word)
        tokens[family.start : family.end] = [key]
    found = matching.find(tokens, catalog, RESERVED | set(family_names) | set(people))
    if found.ambiguities:
        first = found.ambiguities[0]
        options = ", ".join(first.candidates[:8])
        return Refusal(
            f'"{first.phrase}" could mean several names: {options}. Name one.', (first.phrase,)
        )
    names, line = _place_names(tokens, found)
    names |= family_names
    picked = filters.pick_departments(line, names, catalog)
    if isinstance(picked, str):
        return Refusal(picked)
    line, department_ids = picked
    words = Words(line)
    words.text = THEY_DID.sub("than", words.text)  # 'more in 2022 than they did in 2021'
    compare = words.has(COMPARE) or words.has(THAN_PERIOD) or words.has(GREW)
    compare = compare or words.has(MULTIPLIED)
    if words.has(PERIOD_RATIO) and len(set(re.findall(r"__[djf]\d+__", words.text))) <= 1:
        compare = True  # 'the ratio of Q1 2022 to Q1 2021': two periods, not one range
    reading = Reading(
        families={f"__f{i}__": f.titles for i, f in enumerate(families)},
        people=people,
        department_ids=department_ids,
        by_id=by_id,
    )
    if by_id:
        words.take_all(ID_NAMES)  # 'per department_id, with the names': shown beside the ids
    if words.has(DATED):
        reading.dated = True
        words.take_all(DATED)
    if AS_PERCENT.search(words.text) and not SHARE.search(AS_PERCENT.sub(" ", words.text)):
        # 'hires by department as a percentage': a share, not filler (as it is after 'share')
        words.text = AS_PERCENT.sub(" percent ", words.text)
    elif AS_PERCENT.search(words.text):  # 'what share of Legal's hires were in Q2, as a %'
        words.text = AS_PERCENT.sub(" ", words.text)
    reading.spoken = words.text
    words.drop_all(FILLER_PHRASES)
    reading.line = words.text
    people_asked = PEOPLE_ASKED.search(words.text)  # 'who were our first and last hires'
    spans = [
        s
        for s in HIRE_SPAN.finditer(words.text)
        if not ((s["first3"] or s["first4"]) and people_asked)
    ]
    for span in spans:
        words.take(span)
    if spans:  # before 'first', 'max' ... are read as rankings
        earliest = any(s["first"] or s["first2"] or s["first3"] or s["first4"] for s in spans)
        latest = any(s["last"] or s["last2"] or s["last3"] or s["last4"] for s in spans)
        reading.span = "both" if earliest == latest else "first" if earliest else "last"
        for one, other in itertools.pairwise(spans):  # 'the min and the max date'
            between = words.text[one.end() : other.start()]
            if re.fullmatch(r" *(?:and|&|,|plus)? *", between):
                words.text = (
                    words.text[: one.end()] + " " * len(between) + words.text[other.start() :]
                )
    for said in words.take_all(DIMS_AZ):  # 'dept A-Z then title A-Z' ('asc' is no count order)
        reading.order_dims += dims(said.group("dims") or said.group("dims2"))
    both_by_name = words.take_all(BOTH_AZ)  # 'both sorted by name': checked once grouped
    if sent := words.search(SENT_OVER):
        words.take(sent, "over")  # 'send the 2021 hires over'
    if words.has(THEN_BY_NAME) and words.has(BY_HIRES):
        words.take_all(THEN_BY_NAME)  # 'ranked by hires, then by name': how ties come anyway
    if match := words.search(REVERSE_ALPHABETICAL):  # before 'sorted ... descending' by hires
        reading.alphabetical = reading.descending_names = True
        words.take(match)
    elif match := words.search(NAME_ASCENDING):  # 'ascending by name' is A to Z, not fewest
        reading.alphabetical = True
        words.take(match)
    timed = words.search(TIME_ORDER)
    grouped = TIME_GROUPED.search(words.text)
    if timed and grouped and re.fullmatch(r"by (?:hire )?dates?", grouped.group(0)):
        return Refusal(  # 'hires by date, latest first': a list of people, or counts per day?
            "By date, latest first: the hires themselves (ask for the hires, newest first) or "
            "the count per day (ask for hires per day, latest day first)?",
            (timed.group(0).strip(),),
        )
    if timed and grouped:  # 'hires per month, latest first': the months
        reading.latest_first = bool(timed.group("late") or timed.group("late2"))
        reading.descending_names = reading.latest_first
        words.take(timed)
    if match := words.search(CHRONOLOGICAL):  # 'in order of start date': people by hire time
        latest = bool(match.group("rev")) or match.group("dir") in ("descending", "desc")
        reading.chronological = "latest" if latest else "earliest"
        words.take(match)
    if (multiplied := words.search(MULTIPLIED)) and multiplied.group("least"):
        words.take(multiplied, "least")  # 'at least doubled' is doubled: never 'the least'
    if MEAN_ELSEWHERE.search(words.text) or _mean_of_another_year(words.text):
        return Refusal(
            "A group's hires are compared with the mean of the same period (e.g. departments "
            "above the mean in 2021); a mean of another period is not something this engine "
            "computes: ask for each year's hires per department instead.",
        )
    if (match := words.search(IN_EVERY)) and (
        said_group := list(GROUP_NAMED.finditer(words.text[: match.start()]))
    ):  # 'titles hired in each of 2020, 2021 and 2022': before 'at least one' is a threshold
        unit = match["unit"] or next(u for u in ("year", "quarter", "month") if match[u])
        reading.in_every = "year" if unit.startswith("year") else unit.rstrip("s")  # type: ignore[assignment]
        reading.group += dims(said_group[-1][0])
        words.take(match)
        words.take(said_group[-1])
        if how := HOW_MANY_BEFORE.search(words.text[: said_group[-1].start()]):
            reading.counted_groups = True  # 'how many titles had a hire in every year'
            words.take(how)
    with_hires = words.take_all(WITH_HIRES)
    _thresholds(words, reading)  # first: 'depts by 2021 hires' is 'in 2021', never 'until'
    if match := words.search(SPREAD):  # before 'busiest', 'quietest' are read as rankings
        reading.spread = True
        reading.group += dims(" ".join(said for said in match.groupdict().values() if said))
        words.take(match)
    if with_hires and (refused := _with_hires(reading)):
        return refused
    if not reading.descending_names and (match := words.search(ALPHABETICAL)):
        reading.alphabetical = True
        words.take(match)
    quarters = words.take_all(QUARTER_COLUMNS)  # 'Q1, Q2, Q3 and Q4': each quarter, not a list
    if not quarters and words.has(QUARTER_SPAN) and _grouped(words):
        quarters = words.take_all(QUARTER_SPAN)  # 'by dept and job, Q1-Q4': never the year
    try:
        _than(words, reading, names, today)
        before = words.text
        reading.months, reading.weekdays, per_year = dates.read_recurring(words)
        changed = [i for i, (a, b) in enumerate(zip(before, words.text, strict=True)) if a != b]
        if changed:  # where 'in any December' stood: a share's whole or its part
            reading.recurring = before[changed[0] : changed[-1] + 1].strip()
        if per_year:
            reading.group.append("year")
        phrases = dates.read(words, today, compare)
    except DateError as error:
        return Refusal(f"Which dates? {error}: name the year, e.g. March 2021.", (str(error),))
    if not phrases and not reading.months and not reading.weekdays:
        words.take_all(ON_THE_BOOKS)  # 'on the books' with no date: every hire on record
    if match := words.search(EACH_NAME):
        reading.group.append("department" if match.group("kind") == "d" else "job")
        words.take(match, "each")
    for match in words.take_all(LEVELS_OF):  # 'levels of Software Engineer hired in 2022'
        reading.group.append("level")
        token = words.text[match.end() :].split()[0]
        stem = [t for t in reading.families.get(token, ()) if _stem(t) == names[token][1]]
        if stem:  # 'the levels of Accountant': Accountant I to IV, not Staff Accountant
            reading.families[token] = tuple(stem)
    reading.who = filters.read(words, values)
    column_dims: list[Dimension] = []
    for listed in list(COLUMN_LIST.finditer(words.text)):  # 'count, name and id', any order
        if re.search(r"\b(?:ids?|identifiers?)\b", listed.group(0)):
            reading.ids = True
            column_dims += dims(listed.group(0))
            words.take(listed)
    if words.has(COLUMNS):  # 'ids, names and counts': before 'department id' reads as a grouping
        reading.ids = True
        words.take_all(COLUMNS)
    levelled = False
    while reading.families and (match := words.search(ANY_LEVEL)) and "every" not in match[0]:
        words.take(match)  # 'across all levels' is the family summed ('every level': per level)
        levelled = True
    if reading.threshold is None and (match := words.search(DISTINCT_PERIODS)):
        reading.group += dims(match["dims"])  # 'in how many distinct months did Legal hire'
        reading.which = reading.counted_groups = True
        words.take(match)
    _ranks(words, reading)
    _groups(words, reading)
    asked_what = WHAT_EACH.search(reading.line)
    if reading.rank and asked_what and reading.group == reading.each_dims == ["department"]:
        # 'what did each team hire the most (of)': what a team hires is jobs; never the
        # teams themselves ranked
        reading.group.append("job")
        reading.which_singular = True
    cue = FAMILY_TITLE.search(" ".join(tokens))
    if reading.rank and reading.group == reading.each_dims == ["level"] and (cue or families):
        # 'per level, the top accountant (title)': the family's titles ranked in each level
        # (the cue went into the family's name), never the levels ranked instead
        reading.group.append("job")
        reading.which_singular = not (cue.group(0) if cue else "title").endswith("s")
    if reading.families and (words.take_all(ANY_LEVEL) or levelled):
        for token, titles in reading.families.items():  # 'Accountant, all levels together':
            stem = [t for t in titles if title_level(t) and _stem(t) == names[token][1]]
            if stem:  # Accountant I to IV, not Staff Accountant
                reading.families[token] = tuple(stem)
    if quarters and not reading.in_every:  # 'a hire in each of Q1, Q2, Q3 and Q4': no split
        reading.group = list(dict.fromkeys([*reading.group, "quarter"]))
    if both_by_name:
        by_name = [d for d in reading.group if d in ("department", "job")]
        if len(by_name) < 2:
            return Refusal(
                '"Both" sorted by name needs two groupings by name (department and job): '
                "ask, e.g., for hires by department and job, both sorted by name.",
                ("both",),
            )
        reading.order_dims = list(dict.fromkeys([*reading.order_dims, *by_name]))
    grid = set(reading.group) == {"department", "job", "quarter"}
    if (reading.threshold or reading.rank or grid) and (also := words.search(AND_HOW_MANY_BARE)):
        words.take(also)  # 'departments above the mean, and how many': the counts beside them
    _order_groups(reading)
    mean = reading.threshold is not None and reading.threshold.compare.endswith("_mean")
    if mean and not reading.group and column_dims:  # 'department ids and names above the mean'
        reading.group = column_dims
    if mean and not reading.group and reading.mean_over:  # 'which ones beat the mean team'
        reading.group = list(reading.mean_over)
        words.take_all(WHICH_ONES)
    if reading.mean_over and set(reading.mean_over) != set(reading.group):
        over, per = " and ".join(reading.mean_over), " and ".join(reading.group) or "nothing"
        return Refusal(
            f"The mean here is of each {over}, but the answer is counted per {per}: a group "
            "is compared with the mean of its own kind (e.g. departments above the mean "
            "department in 2021).",
            (over,),
        )
    query = measure(words, reading, phrases, names, compare, catalog)
    if isinstance(query, Refusal):
        return query
    asked_of = [p.name for p in people.values() if p.ask in ("hired", "fact", "who")]
    if asked_of and not isinstance(query.query, EmployeesQuery):
        # 'what department did Harold Vogt's team hire the most': a person's own facts
        # are their row; counts of hires around them are another question
        return Refusal(
            f"“{asked_of[0]}” reads as a person looked up, but the rest of the question asks "
            f"for counts of hires: ask about {asked_of[0]} (their department, job, hire date), "
            "or about the hires, one at a time.",
            (asked_of[0],),
        )
    shouted = sum(c.isupper() for c in question) * 2 > sum(c.isalpha() for c in question)
    named = set() if shouted else {w.lower() for w in NAMED_FILLER.findall(question)}
    left = [w for w in words.left() if w not in lexicon.FILLER or w in named]
    if len(left) >= 3 and len(left) * 2 >= len(tokens):
        return Refusal(
            "This engine reads questions in English about hires, departments and jobs; "
            f"it did not understand {', '.join(values.get(w, w) for w in left[:6])}.",
            tuple(values.get(w, w) for w in left),
        )
    if left:
        quoted = ", ".join(f'"{values.get(w, w)}"' for w in dict.fromkeys(left))
        return Refusal(
            f"Not sure what {quoted} means here, so no answer rather than a guess.",
            tuple(values.get(w, w) for w in dict.fromkeys(left)),
        )
    return query


GROUP_NAMED = re.compile(
    r"\b(?:departments?|depts?|teams?|divisions?|jobs?|roles?|titles?|positions?|levels?)\b"
)
"""A grouping named before 'hired every year': the groups it keeps ('departments that ...')."""
HOW_MANY_BEFORE = re.compile(
    r"\b(?:how many|number of|count of|count the|total number of)"
    r"(?: different| distinct| unique| separate)? *$"
)
PEOPLE_ASKED = re.compile(r"\b(?:who|whom|names?|list|which (?:people|employees|persons))\b")
"""'who were our first and last hires' asks for people: their times alone are no answer."""
WHAT_EACH = re.compile(r"\bwhat (?:did|does|do|has|have) (?:each|every)\b")
"""'what did each team hire the most of': a thing each team hired, ranked in each."""
FAMILY_TITLE = re.compile(r"\b(?:title|titles|job|jobs|role|roles|position|positions)\b")
"""A job cue said beside a family ('the top accountant title'): the titles are what ranks."""
TIME_GROUPED = re.compile(
    r"\b(?:by|per|each|every|for each|in each)"
    r" (?:calendar )?(?:hire )?(?:years?|quarters?|months?|weeks?|days?|dates?|half[ -]years?"
    r"|halves)\b"
    r"|\b(?:monthly|quarterly|yearly|annually|annual|daily|weekly)\b"
)
"""A grouping by time said: its periods are what 'latest first' orders."""
NAMED_FILLER = re.compile(r"\b(?:IT|US)\b")
"""Filler words written as acronyms name something ('hires in IT', 'in the US'): never
dropped as 'it' or 'us', they are named back when no rule read them."""


def _as_written(person: filters.Person, question: str) -> filters.Person:
    """The name as the question spelled it ('Harold Vogt', not 'harold vogt')."""

    def written(name: str) -> str:
        pattern = r"\b" + r"\W{1,3}".join(re.escape(w) for w in name.split()) + r"\b"
        found = re.search(pattern, question, re.IGNORECASE)
        return found.group(0) if found else name

    besides = written(person.besides) if person.besides else None
    return replace(person, name=written(person.name), besides=besides)


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


def _than(words: Words, reading: Reading, names: dict[str, tuple[str, str]], today: date) -> None:
    """'more hires than Sales (did in 2021)', 'Sales minus Legal': the named side compared with.

    The words after it are that side's own: its dates, its names, 'overall'.
    """
    than = words.search(THAN_NAME)
    more = list(MORE.finditer(words.text[: than.start()])) if than else []
    op, noun = "more", None
    if than is not None and than.group("out"):  # 'which departments out-hired Sales'
        pass
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


def _thresholds(words: Words, reading: Reading) -> None:
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
        fewest = match.group("dir") in ("fewest", "smallest", "lowest", "least")
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


def _mean_of_another_year(text: str) -> bool:
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


def _with_hires(reading: Reading) -> Refusal | None:
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


def _ranks(words: Words, reading: Reading) -> None:
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


def _groups(words: Words, reading: Reading) -> None:
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
        words.take_all(COMBO)  # 'every department and job combo'  # 'break the hires down by level'
    if reading.group and (also := words.search(AND_HOW_MANY)):
        words.take(also)  # 'which teams beat the mean, and how many did they hire': the counts
    if (reading.threshold or titles_versus) and reading.group and COUNT_GROUPS.search(reading.line):
        reading.counted_groups = True  # 'the number of departments with more than 100'


def _grouped(words: Words) -> bool:
    """Whether the question groups its hires ('by dept and job', 'every combo of'), and says
    no total: a Q1-Q4 span beside a grouping splits it by quarter, as it never narrows it."""
    said = (GROUP, BREAKDOWN, CROSSED, LISTED_DIMS, TRAILING_DIMS, DIM_ADVERB)
    return any(words.has(p) for p in said) and not words.has(TOTAL)


def _stem(title: str) -> str:
    """A title without its level, as the question's words ('Accountant III' -> accountant)."""
    words = title.lower().split()
    return " ".join(
        words[:-1] if words and words[-1] in ("i", "ii", "iii", "iv", "v", "vi") else words
    )


LEVELS_OF = re.compile(r"(?:^ *|\b(?:the|what|which) )levels? of(?= __[fj]\d+__)")
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


def _order_groups(reading: Reading) -> None:
    """'by department and job, sorted by job then department': the groupings in the order said.

    A grouped answer is ordered by its groupings in turn, so an order named
    by groupings puts those first. An order by a grouping the answer does not
    have is left in ``order_dims`` for the shapes to refuse.
    """
    order = list(dict.fromkeys(reading.order_dims))
    reading.order_dims = order
    if order and set(order) <= set(reading.group):
        reading.group = [*order, *(d for d in reading.group if d not in order)]
