"""Question to HrQuery by rules: each word is read by a rule or is filler, or it is a refusal.

Order of reading: quoted values and name searches, department and job names
(matching.py), thresholds with numbers and the mean (thresholds.py), dates
(dates.py), who counts (filters.py), rankings, groupings and ordering words
(groupings.py), then the measure (shapes.py). Each rule
consumes the words it read (words.py); what is left must be in
lexicon.FILLER. The result is an HrQuery, which refuses by its types what
no kind can hold (a threshold without groups, say): the parser then refuses too.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from datetime import date

from resolvers.core.questions import (
    columns,
    dates,
    filters,
    groupings,
    lexicon,
    matching,
    period_rows,
    subtractions,
    thresholds,
)
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.dates import DateError
from resolvers.core.questions.departments import pick_departments
from resolvers.core.questions.families import find_families, titles_meant, without_level
from resolvers.core.questions.lookups import Person, capitalised, shield_people
from resolvers.core.questions.patterns import (
    ALPHABETICAL,
    AND_HOW_MANY_BARE,
    ANY_HIRES,
    ANY_LEVEL,
    AS_PERCENT,
    BOTH_AZ,
    BY_HIRES,
    CHANGE_DROP,
    CHRONOLOGICAL,
    COLUMN_LIST,
    COLUMNS,
    COMBINED,
    COMPARE,
    COUNT,
    CROSSED,
    CROSSED_WITH,
    DATED,
    DAY_OR_YEAR,
    DIMS_AZ,
    DISTINCT_PERIODS,
    EACH_NAME,
    EACH_NAMED,
    EACH_OF_PERIODS,
    EMPLOYEES,
    FILLER_PHRASES,
    FISCAL,
    FOUR_DIGIT_YEAR,
    GREW,
    HIRE_SPAN,
    ID_NAMES,
    IN_EVERY,
    INJECTION,
    MULTIPLIED,
    NAME_ASCENDING,
    NEGATED,
    NEWEST_OF_EACH,
    ON_THE_BOOKS,
    PERIOD_RATIO,
    QUARTER_COLUMNS,
    QUARTER_SPAN,
    RANKED,
    RESERVED,
    REVERSE_ALPHABETICAL,
    SENT_OVER,
    SEPARATELY,
    SHARE,
    SPREAD,
    THAN_PERIOD,
    THEN_BY_NAME,
    THEY_DID,
    TIME_ORDER,
    UPDATE_NOUN,
    VAGUE_PART,
    WHICH_ONES,
    WITH_HIRES,
    WITH_THEIR_FACTS,
    dims,
)
from resolvers.core.questions.query import (
    Dimension,
    EmployeesQuery,
    HrQuery,
    title_level,
)
from resolvers.core.questions.shape_filters import Reading, Refusal
from resolvers.core.questions.shapes import MAX_CHARS, measure
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


BOUND_SAID = re.compile(
    r"\b(?:more|fewer|less|at least|at most|over|under|above|below|exactly|between)\b"
)


def _per_period(match: re.Match[str]) -> str:
    if match["recent"]:  # 'for each of the last two years'
        return f"per {match['recent']} in "
    unit = next(u for u in ("year", "quarter", "month") if match[u] or match[u + "s"])
    return f"per {unit} in " if match[unit] else f"per {unit}"


def _separately(text: str) -> str:
    """'the top department in 2021 and 2022, separately': one ranking per year (quarter)."""
    if not (SEPARATELY.search(text) and RANKED.search(text)):
        return text
    quarters = len(re.findall(r"\bq[1-4]\b", text))
    years = len(re.findall(r"\b(?:19|20)\d\d\b", text))
    unit = "quarter" if quarters > 1 else "year" if years > 1 and not quarters else None
    return SEPARATELY.sub(f" per {unit}", text) if unit else text


def _per_named(match: re.Match[str]) -> str:
    return "per department in " if match["kind"] == "d" else "per job in "


def _newest_of_each(match: re.Match[str]) -> str:
    """'the 3 newest hires in Sales and the 3 newest in Legal': the 3 newest per department
    (job) of those two; the same number and end on both sides, or left as written."""
    said = [
        (match[f"n{i}"] or match[f"nb{i}"], match[f"end{i}"] or match[f"endb{i}"]) for i in (1, 2)
    ]
    names = [match[f"a{i}"] or match[f"b{i}"] for i in (1, 2)]
    if said[0] != said[1] or names[0][2] != names[1][2]:
        return match[0]
    group = "department" if names[0][2] == "d" else "job"
    some = f"{said[0][0]} hires" if said[0][0] else "hire"  # 'the newest in Sales and ...'
    return f"the {said[0][1]} {some} per {group} in {names[0]} and {names[1]}"


def parse(question: str, catalog: Catalog, today: date) -> HrQuery | Refusal:
    """The HrQuery a question asks, or why the engine will not answer it."""
    text, by_id = columns.by_id(lexicon.normalise(question))
    if columns.TWO_TABLES.search(text):  # 'count of departments and jobs': two numbers
        return Refusal(
            "Two tables at once: ask how many departments there are, then how many jobs (or "
            "for hires per department and job)."
        )
    plain = columns.plain(text)
    text = subtractions.rewrite(plain)  # 'take Q1 away from Q2': 'Q2 minus Q1'
    renamed = {"minus": subtractions.verb(plain)} if "minus" not in plain.split() else {}
    if early := _refuse_early(text):
        return early
    if vague := VAGUE_PART.search(text):  # never widened to the whole month (year)
        return Refusal(
            f"“{vague.group(0)}” names no exact days, so no answer rather than a guess: say the "
            "days, e.g. hires from 10 to 20 November 2021, or ask for the whole period.",
            (vague.group(0),),
        )
    if (short := DAY_OR_YEAR.search(text)) and not FOUR_DIGIT_YEAR.search(text):
        month = lexicon.MONTH_NAMES[lexicon.MONTHS[short["month"]]]
        return Refusal(
            f"“{short.group(0)}” could be {int(short['n'])} {month} or {month} 20{short['n']}: "
            f"write the year in full, e.g. {month} 20{short['n']}, or the day with its year, "
            f"e.g. {int(short['n'])} {month} 2022.",
            (short.group(0),),
        )
    if fiscal := FISCAL.search(text):  # never read as the calendar year it names
        return Refusal(
            "A fiscal year starts in a month the data does not record, so its dates are not "
            "known here: name the months, e.g. hires from April 2021 to March 2022 (or the "
            "calendar year 2021).",
            (fiscal.group(0),),
        )
    tokens, values = filters.quote_values(lexicon.tokens(filters.quote_letters(text)))
    tokens, people = shield_people(tokens, catalog, RESERVED, capitalised(question))
    people = {key: _as_written(person, question) for key, person in people.items()}
    tokens = filters.shield_search_values(tokens, values)
    titled = titles_meant(text, tokens)
    spoken = " ".join(tokens)  # 'did hiring drop', 'for the Q3 update': said, no command
    harmless = Counter(
        drop=len(CHANGE_DROP.findall(spoken)), update=len(UPDATE_NOUN.findall(spoken))
    )
    for word in tokens:
        if harmless[word]:
            harmless[word] -= 1
            continue
        if word in lexicon.WRITE_WORDS:
            return Refusal("This engine only answers questions; it never changes data.")
        if word in lexicon.UNSUPPORTED and word not in titled:
            return Refusal(
                f"The data holds no {lexicon.UNSUPPORTED[word]}: "
                "only hires, their departments and jobs.",
                (word,),
            )
    families = find_families(tokens, catalog, RESERVED)
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
    names, line = matching.place_names(tokens, found)
    names |= family_names
    picked = pick_departments(line, names, catalog)
    if isinstance(picked, str):
        return Refusal(picked)
    line, department_ids = picked
    words = Words(line)
    words.text = THEY_DID.sub("than", words.text)  # 'more in 2022 than they did in 2021'
    asked_again = period_rows.asked_again(words)  # 'in 2021 and how many in 2022'
    side_by_side = words.has(period_rows.SIDE_BY_SIDE)  # filler, but not beside a list of periods
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
    words.text = ALL_LISTED.sub(  # 'teams that hired in all of 2021 and 2022': never the filler
        lambda m: "in each" if GROUP_NAMED.search(m.string[: m.start()]) else m[0], words.text
    )
    words.drop_all(FILLER_PHRASES)
    if (any_hires := words.search(ANY_HIRES)) and not NEGATED.search(
        words.text[: any_hires.start()]
    ):
        words.take(any_hires)
    if words.has(EMPLOYEES) and not words.has(COUNT):
        words.take_all(WITH_THEIR_FACTS)
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
    if thresholds.MEAN_ELSEWHERE.search(words.text) or thresholds.mean_of_another_year(words.text):
        return Refusal(
            "A group's hires are compared with the mean of the same period (e.g. departments "
            "above the mean in 2021); a mean of another period is not something this engine "
            "computes: ask for each year's hires per department instead.",
        )
    if crossed := words.search(CROSSED_WITH):
        words.take(crossed, "with")
    if (
        (match := words.search(IN_EVERY))
        and (said_group := list(GROUP_NAMED.finditer(words.text[: match.start()])))
        and not CROSSED.search(words.text[: match.start()])  # 'team by role with hires in
    ):  # each quarter' is the grid; 'titles hired in each of 2020, 2021 and 2022' a condition
        unit = match["unit"] or next(u for u in ("year", "quarter", "month") if match[u])
        reading.in_every = "year" if unit.startswith("year") else unit.rstrip("s")  # type: ignore[assignment]
        reading.group += dims(said_group[-1][0])
        words.take(match)
        words.take(said_group[-1])
        if how := groupings.HOW_MANY_BEFORE.search(words.text[: said_group[-1].start()]):
            reading.counted_groups = True  # 'how many titles had a hire in every year'
            words.take(how)
    elif not words.has(COMBINED) and not words.has(BOUND_SAID):
        # 'the busiest month in each of 2020, 2021 and 2022': one row per period ('each of ...
        # combined' says both, and 'more than 50 in each of' a bound in every one: left
        # unread, so refused)
        words.text = EACH_OF_PERIODS.sub(_per_period, words.text)
        words.text = _separately(words.text)
    each = words.search(EACH_NAMED)
    if each and not GROUP_NAMED.search(words.text[: each.start()]) and not words.has(COMBINED):
        words.text = EACH_NAMED.sub(_per_named, words.text)  # 'in each of Sales and Legal'
    words.text = NEWEST_OF_EACH.sub(_newest_of_each, words.text)
    with_hires = words.take_all(WITH_HIRES)
    # first: 'depts by 2021 hires' is 'in 2021', never 'until'
    thresholds.read_threshold(words, reading)
    if match := words.search(SPREAD):  # before 'busiest', 'quietest' are read as rankings
        reading.spread = True
        reading.group += dims(" ".join(said for said in match.groupdict().values() if said))
        words.take(match)
    if with_hires and (refused := thresholds.with_hires(reading)):
        return refused
    if not reading.descending_names and (match := words.search(ALPHABETICAL)):
        reading.alphabetical = True
        words.take(match)
    quarters = words.take_all(QUARTER_COLUMNS)  # 'Q1, Q2, Q3 and Q4': each quarter, not a list
    if not quarters and words.has(QUARTER_SPAN) and groupings.groups_said(words):
        quarters = words.take_all(QUARTER_SPAN)  # 'by dept and job, Q1-Q4': never the year
    try:
        thresholds.read_than(words, reading, names, today)
        before = words.text
        reading.months, reading.weekdays, per_year = dates.read_recurring(words)
        changed = [i for i, (a, b) in enumerate(zip(before, words.text, strict=True)) if a != b]
        if changed:  # where 'in any December' stood: a share's whole or its part
            reading.recurring = before[changed[0] : changed[-1] + 1].strip()
        if per_year:
            reading.group.append("year")
        unread = words.text
        said_apart = bool(words.take_all(period_rows.SEPARATELY))  # 'each year on its own row'
        if said_apart and words.has(COMBINED):  # 'each of 2020 and 2021 combined' says both:
            words.text, said_apart = unread, False  # left unread, so refused
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
        stem = [t for t in reading.families.get(token, ()) if without_level(t) == names[token][1]]
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
    groupings.read_ranks(words, reading)
    period_rows.read_single(words, reading)  # 'more than 100 hires in a single year'
    groupings.read_groups(words, reading)
    period_rows.single_rows(reading)
    apart = period_rows.read(
        (words, reading, names), phrases, said_apart or asked_again, side_by_side
    )
    if isinstance(apart, Refusal):  # 'Legal: 2020 vs 2021 vs 2022', each year on its own row
        return apart
    phrases = apart or phrases
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
            stem = [t for t in titles if title_level(t) and without_level(t) == names[token][1]]
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
    groupings.order_groups(reading)
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
    values = {**values, **renamed}  # a word refused is named as written: 'subtract', never 'minus'
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


ALL_LISTED = re.compile(
    r"\bin all(?= of (?:the )?(?:(?:19|20)\d\d|q[1-4]|h[12])\b(?: \S+)? (?:,|and|&) "
    r"| (?:two|three|four|2|3|4) (?:years|quarters|months)\b)"
)
"""'(teams that) hired in all of 2020, 2021 and 2022', 'in all three years': in each of them,
not the filler 'in all' (in total), which would leave the list read as one span."""
GROUP_NAMED = re.compile(
    r"\b(?:departments?|depts?|teams?|divisions?|jobs?|roles?|titles?|positions?|levels?)\b"
)
"""A grouping named before 'hired every year': the groups it keeps ('departments that ...')."""
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


def _as_written(person: Person, question: str) -> Person:
    """The name as the question spelled it ('Harold Vogt', not 'harold vogt')."""

    def written(name: str) -> str:
        pattern = r"\b" + r"\W{1,3}".join(re.escape(w) for w in name.split()) + r"\b"
        found = re.search(pattern, question, re.IGNORECASE)
        return found.group(0) if found else name

    besides = written(person.besides) if person.besides else None
    return replace(person, name=written(person.name), besides=besides)


LEVELS_OF = re.compile(r"(?:^ *|\b(?:the|what|which) )levels? of(?= __[fj]\d+__)")
