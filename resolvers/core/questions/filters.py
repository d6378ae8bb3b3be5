"""Who counts: departments and jobs kept or left out, missing ones, and name searches.

Names of departments and jobs are found by matching.py and stand in the line
of words as one token each (``__d0__``, ``__j1__``). A name after not,
excluding, except, other than, outside, apart from or without is left out,
with every name listed after it ("excluding Sales and Legal"); any other name
is kept, and several kept names are a union (an employee is in one department).
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, field
from functools import lru_cache

from resolvers.core.questions import levels, lexicon
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.matching import LEVELS, find, name_words, tokenize
from resolvers.core.questions.query import Family, title_level
from resolvers.core.questions.words import Words

ENTITY = r"__[djf]\d+__"
"""A department (d), job (j) or job family (f) named in the question, as one token."""
_CUE = (
    r"(?: (?:department|departments|dept|depts|team|teams|division|job|jobs|role|roles|title"
    r"|titles|position|positions)(?![a-z]))?"
)
_ONE = rf"(?:the )?{ENTITY}{_CUE}"
_LIST = rf"{_ONE}(?: (?:,|and|or|nor|,and|, and|, or|plus|, plus)? ?{_ONE})*"
EXCLUDED = re.compile(
    r"\b(?:but |and )?(?:not|excluding|except|other than|outside|apart from|besides|without|minus"
    r"|leaving out|ignoring)(?: for| of)?(?: in| from| as| within| for)?(?: an?)? "
    rf"(?P<list>{_LIST})"
)
INCLUDED = re.compile(
    r"\b(?:(?:works?|worked|working|employed|hired|serving|served) (?:as|in|at|for)(?: an?)? )?"
    rf"(?:(?:in|at|from|for|by|of|within|into|as|as an?|only|just) )?(?:the )?(?P<list>{_LIST})"
)
_DEPARTMENT_WORD = r"(?:department|dept|team)"
_JOB_WORD = r"(?:job title|job|role|title)"
_EITHER_PAIR = (
    rf"(?:{_DEPARTMENT_WORD}s? (?:or|and/or) (?:an? |any )?{_JOB_WORD}s?"
    rf"|{_JOB_WORD}s? (?:or|and/or) (?:an? |any )?{_DEPARTMENT_WORD}s?)"
)
_NO_PAIR = (
    rf"(?:{_DEPARTMENT_WORD} or (?:no|without|missing|lacking) (?:an? )?{_JOB_WORD}"
    rf"|{_JOB_WORD} or (?:no|without|missing|lacking) (?:an? )?{_DEPARTMENT_WORD})"
)
MISSING_EITHER = re.compile(
    rf"\b(?:missing|lacking|lack|lacks|lacked) (?:either )?(?:an? |any )?{_EITHER_PAIR}\b"
    rf"|\b(?:(?:with|have|has|had) )?(?:no|without|missing|lacking) (?:an? )?{_NO_PAIR}\b"
    rf"|\b(?:(?:with|have|has|had) )?(?:either )?(?:no|without) (?:an? )?{_DEPARTMENT_WORD}"
    rf" or (?:an? )?{_JOB_WORD} or both\b"
)
"""'missing a department or a job', 'no job or no department': either missing, or both.

('with no department or job' is neither: both missing, MISSING_BOTH.)"""
MISSING_BOTH = re.compile(
    r"\b(?:(?:with|have|has|had) )?neither (?:an? )?(?:department|dept|team|job|role|title)"
    r" nor (?:an? )?(?:department|dept|team|job|role|title)\b|"
    r"\b(?:missing|without|with no|lacking|have no|has no) (?:both )?(?:an? )?"
    r"(?:department|dept|team) "
    r"(?:and(?: no| without)?|or|nor) (?:an? )?(?:job|role|title)\b"
)
_NOTED = r"(?:recorded|listed|entered|set|given|assigned|captured|logged|info|information|data)"
MISSING = re.compile(
    r"\b(?:(?:who )?(?:with|have|has|had) )?(?:no|without|missing|lacking|lack|lacks|lacked"
    r"|unassigned"
    r"|not assigned to|never (?:got |been |was )?assigned to|(?:do|does|did) not have)"
    rf"(?: an?| any)?(?: {_NOTED})? "
    r"(?P<what>department|departments|dept|teams?|job titles?|jobs?|roles?|titles?)\b"
    rf"(?: {_NOTED}(?! (?:in|as|for|by|to) __))?"
    r"|\b(?:(?:with|where|whose) )?(?:the |their |an? )?"
    r"(?P<what2>department|dept|job|role|job title)s?"
    r" (?:is |was )?(?:missing|empty|unknown|blank|unassigned|null|not recorded"
    r"|not set|not given|not listed|not assigned)\b"
    r"|\b(?:with )?(?:an? )?(?:unassigned|blank|empty|missing|unknown|null) "
    r"(?P<what3>department|dept|job|role|job title)s?\b"
)
_VALUE = (
    r"(?!(?:columns?|rows?|each|every|more|fewer|less|over|under|above|below|exactly|at least"
    r"|at most|no|zero|\d+ (?:or|and|plus|hires?|people|employees|new|staff))\b)"
    r"(?P<value>__q\d+__|[a-z0-9][a-z0-9\-]*)"
)
"""A searched word; not 'job title with columns Q1 ...' (a layout) or 'titles with 15 or more
hires' (a threshold)."""
IN_THE_NAME = re.compile(
    r"\b(?:(?:jobs?|roles?|positions?|titles?) )?(?:with|having|that have|that has|have|has|had"
    r"|whose)"
    r" (?P<value>__q\d+__|[a-z0-9][a-z0-9\-]*) in "
    r"(?:the |their |its )?(?P<whose>job titles?|titles?|names?)\b"
)
_SAID_LAST = (
    r"(?= *$| ,| in (?:it|them|the name|the title|their names?|their titles?)| a to z| z to a"
    r"| alphabetical| sorted| ordered| in alphabetical| in reverse| please| pls| thanks| and | or )"
)
"""Where a searched word written after 'with' or 'has' ends: 'titles with engineer, A to Z'
(never 'job titles has Sales ever hired for', where 'has' is a verb)."""
NAME_SEARCH = re.compile(
    r"\b(?:(?P<pre>whose|with|with a|with an|having|where the|where) )?"
    r"(?:first |full |last )?"
    r"(?P<whose>names?|titles?|job titles?|department names?) (?:(?:that|which) )?"
    r"(?:(?P<op>starts? with|starting with|begins? with|beginning with|contains?|containing"
    r"|ends? with|ending with|ends? in|ending in|is like|are like|match"
    r"|includes?|including|matches|matching|like) "
    rf"(?:(?:the )?(?:word|string|text|letters?) )?{_VALUE}"
    rf"|(?P<op3>with|has|having|have) {_VALUE.replace('value', 'value3')}{_SAID_LAST})"
    rf"|\b(?P<op2>named|called|titled) {_VALUE.replace('value', 'value2')}"
)

_CATALOG_DIMS = (
    r"(?P<dim>departments?|depts?|teams?|divisions?|job titles?|jobs?|roles?|titles?|positions?)"
    r"(?: names?)?"
)
_IN_IT = (
    r"(?: (?:in|inside) (?:it|them|the name|the title|their names?|their titles?|its name"
    r"|its title|the names?|the titles?))?"
)
CATALOG_SEARCH = re.compile(
    rf"\b{_CATALOG_DIMS}(?:(?: (?:whose|where the|where their|with) (?:names?|titles?))?"
    r"(?: (?:that|which))? (?P<op>starts? with|starting with|begins? with|beginning with"
    r"|ends? (?:with|in)|ending (?:with|in)|contains?|containing|includes?|including)"
    rf"(?: (?:the )?(?:word|string|text|letters?|suffix|prefix))? {_VALUE}{_IN_IT}"
    r"| (?:with|having|(?:that|which) (?:have|has|had))"
    rf" (?:the )?(?:word|string|text|letters?) {_VALUE.replace('value', 'value2')}{_IN_IT}"
    r"| (?:with|having|(?:that|which) (?:have|has|had))"
    rf" {_VALUE.replace('value', 'value3')} (?:in|inside) (?:it|them|the names?|the titles?"
    r"|their names?|their titles?|its name|its title)\b)"
)
"""Departments or job titles searched by their own names: 'departments whose name includes
"ing"', 'titles ending in III', 'job titles with the word Engineer in it'. The word before
says which table is searched (a department name is never matched against the job titles)."""


@dataclass(frozen=True, slots=True)
class FamilyWord:
    """Words of the question read as a job family: tokens [start, end) and the titles."""

    start: int
    end: int
    word: str
    titles: tuple[str, ...]


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _head(title: str) -> tuple[str, ...]:
    """A title's words without its level; 'Director of Sales' is headed by 'director'."""
    words = tokenize(title)
    if title_level(title):
        words = words[:-1]
    if "of" in words:
        words = words[: words.index("of")]
    if words[:1] == ["vp"]:
        words = ["vp"]
    return tuple(words)


@lru_cache(maxsize=4)
def _families(catalog: Catalog) -> tuple[dict[tuple[str, ...], tuple[str, ...]], set[str]]:
    """Job family words -> the titles; and the exact names, which a family never overrides.

    A family word is what a title is (the ending of its head words: 'designer',
    'web designer', 'programmer'); its family is every title holding those
    words, wherever they stand: "designers" are the Graphic Designer and every
    level of Web Designer, "programmers" the Programmer I to IV, the Analyst
    Programmer and the Programmer Analysts. A word no title ends in ('research')
    names no family.
    """
    words = {title: tuple(tokenize(title)) for title in catalog.jobs}
    keys = {_head(title)[i:] for title in catalog.jobs for i in range(len(_head(title)))}
    found: dict[tuple[str, ...], list[str]] = {}
    for title, tokens in words.items():
        for size in {len(k) for k in keys}:
            for start in range(len(tokens) - size + 1):
                key = tokens[start : start + size]
                if key in keys:
                    found.setdefault(key, []).append(title)
    exact = {" ".join(tokenize(n)) for n in (*catalog.jobs, *catalog.departments)}
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}, exact


def find_families(tokens: list[str], catalog: Catalog, reserved: Set[str]) -> list[FamilyWord]:
    """Job families in the question: a plural title word, or a singular one naming several titles.

    A name on record as written ("Nurse", "Sales") is left to the name
    matcher, and so is a word followed by a level ("Engineer III").
    """
    index, exact = _families(catalog)
    found = family_aliases(tokens, catalog) + _levels(tokens, catalog)
    taken: set[int] = {i for f in found for i in range(f.start, f.end)}
    for length in (3, 2, 1):
        for start in range(len(tokens) - length + 1):
            end = start + length
            span = tokens[start:end]
            if taken & set(range(start, end)) or any(not w.isalpha() for w in span):
                continue
            singular = (*span[:-1], _singular(span[-1]))
            plural = singular[-1] != span[-1]
            # a plural names its family even when one title is it as written:
            # 'sales associates' are the Senior Sales Associates too
            kin = plural and len(index.get(singular, ())) > 1
            if " ".join(span) in exact or (length > 1 and " ".join(singular) in exact and not kin):
                taken |= set(range(start, end))  # a name on record ('Registered Nurses')
                continue
            if (length == 1 and span[0] in reserved) or (
                end < len(tokens) and tokens[end] in LEVELS
            ):
                continue
            titles = index.get(singular if plural else tuple(span), ())
            if len(titles) < 2:  # one title: the name matcher reads it as that title
                continue
            found.append(FamilyWord(start, end, " ".join(span), titles))
            taken |= set(range(start, end))
    return _narrowed(sorted(found, key=lambda f: f.start), tokens)


ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI"}
_LEVEL_WORDS = frozenset({"level", "grade", "lvl"})


def _levels(tokens: list[str], catalog: Catalog) -> list[FamilyWord]:
    """'level III', 'levels 3 and 4', 'above level II', 'the senior levels': every title
    ending in one of those levels, whatever the title (levels.py reads the phrase)."""
    known = tuple(dict.fromkeys(level for t in catalog.jobs if (level := title_level(t))))
    found = []
    for named in levels.find(tokens, known):
        titles = tuple(t for t in catalog.jobs if title_level(t) in named.levels)
        found.append(FamilyWord(named.start, named.end, named.word, titles))
    return found


def every_level(catalog: Catalog, left_out: list[str]) -> Family | None:
    """Every title that has a level (less those left out), for 'hires by level' naming no
    job: the rows are the levels I to IV; a title without a level has none, and the
    reading says which titles were counted."""
    titles = tuple(t for t in catalog.jobs if title_level(t) and t not in left_out)
    return Family(word="titles with a level", titles=titles) if titles else None


_NO_NARROWING = lexicon.MEANING | {"vs", "versus", "compared", "against", "plus", "with"}
"""Words between a family and a level that keep them apart ('accountants or level III')."""


def _narrowed(found: list[FamilyWord], tokens: list[str]) -> list[FamilyWord]:
    """A level said beside a family is that family at that level: 'level III accountants',
    'accountants at level III', 'accountant hires above level II' (the titles of both),
    never the two added together. Words that join or set them apart ('accountants or
    level III staff') keep them apart."""
    merged: list[FamilyWord] = []
    for family in found:
        last = merged[-1] if merged else None
        if last is not None and is_level(last.word) != is_level(family.word):
            gap = tokens[last.end : family.start]
            if not set(gap) & _NO_NARROWING:
                level, other = (last, family) if is_level(last.word) else (family, last)
                titles = tuple(t for t in other.titles if t in level.titles)
                if titles:
                    word = f"{other.word} at {level.word}"
                    if gap in ([], ["at"], ["of"], ["in"], [","]):
                        merged[-1] = FamilyWord(last.start, family.end, word, titles)
                    else:  # words between stay to be read: both spans name the narrowed titles
                        merged[-1] = FamilyWord(last.start, last.end, word, titles)
                        merged.append(FamilyWord(family.start, family.end, word, titles))
                    continue
        merged.append(family)
    return merged


def is_level(word: str) -> bool:
    """Whether a family word is a level across every title ('level III')."""
    return word.startswith("level ") and word.split()[-1] in ROMAN.values()


_ORDINAL = r"(?:(?:the )?(?:first|second|other|older|newer|new|old|1st|2nd) )"
_NAME_ID = re.compile(
    rf"{_ORDINAL}?(?P<tok>__d\d+__)(?: (?:department|dept|team|division|unit|group))?"
    r" (?:id|no|number) (?P<id>\d{1,4})\b"
)
_NAME_NUMBER = re.compile(
    rf"{_ORDINAL}?(?P<tok>__d\d+__)(?: (?:department|dept|team|division|unit|group))?"
    r" (?P<id>\d{1,3})\b(?! (?:hires|people|employees|staff|or|to|and|-))"
)
_DEPARTMENT_ID = re.compile(
    r"\b(?:the )?(?:department|dept|team|division) (?P<marked>(?:id|no|number) )?(?P<id>\d{1,4})\b"
)
_BOTH = re.compile(
    r"\b(?:both|the two|both of the|both the)(?: of)?(?: our| the)? (?P<tok>__d\d+__)"
    r"(?: (?:teams|departments|depts|divisions|units|groups|ones))?"
    r"|(?P<tok2>__d\d+__)(?: (?:teams|departments|depts))? (?:both|combined)"
    r"(?: (?:teams|departments|depts|of them))?\b"
)
_ORDINAL_NAME = re.compile(rf"\b{_ORDINAL}(?P<tok>__d\d+__)")
_EACH_OF = re.compile(
    r"\b(?:each|per|every|by) (?P<tok>__d\d+__) (?:team|department|dept|division|unit)\b"
    r"|\b(?:both |the two )?(?P<tok2>__d\d+__) (?:teams|departments|depts|divisions|units)"
    r" (?:separately|apart|each|one by one|side by side)\b"
)
"""'hires in each Support team': the departments a shared name holds, one row each."""
_SHARED_ASIDE = re.compile(
    r"(?:, )?\b(?:there are |there re )?(?:both|the two|two) (?P<tok>__d\d+__)"
    r"(?: (?:teams|departments|depts|rows|ones))?(?: (?:separately|apart|as separate rows"
    r"|on separate rows|on their own rows))?(?: ,)? (?:keep|list|show|include) (?:both|them both"
    r"|both of them|each|them separately|them apart)\b"
    r"|(?:, )?\b(?:there are |there re )(?:two|2) (?P<tok3>__d\d+__)"
    r"(?: (?:teams|departments|depts))?\b"
    r"|(?:, )?\b(?P<tok2>__d\d+__) (?:appears|shows up|is listed|occurs|exists|comes up) twice"
    r"(?: ,)?(?: (?:keep|list|show|include) (?:both|them both|both of them|each))?\b"
)
"""'(there are two Support teams, keep both)', '(Support appears twice)': a note on the rows."""
_DEPARTMENT_GROUPING = re.compile(
    r"\b(?:per|each|every|by|within each|in each|across) (?:department|dept|team|division)s?\b"
)
"""An answer per department, said apart from the shared name."""


def pick_departments(
    line: list[str], names: dict[str, tuple[str, str]], catalog: Catalog
) -> tuple[list[str], dict[str, tuple[int, ...]]] | str:
    """Departments picked by id, for a name two departments share; or why not (a refusal).

    'Support (id 13)', 'the second Support team (id 13)', 'department 13': that
    one department. 'Both Support teams': every department of the name ('both'
    over a name held once is left unread). 'The second Support team' with no id
    is refused, naming the ids. Each picked token maps to its ids.
    """
    text = " " + " ".join(line) + " "
    picked: dict[str, tuple[int, ...]] = {}
    for match in list(_NAME_ID.finditer(text))[::-1]:
        name = names[match.group("tok")][1]
        wanted = int(match.group("id"))
        if wanted not in catalog.ids_of(name):
            held = " and ".join(str(i) for i in catalog.ids_of(name))
            return f"No department named {name} has id {wanted} (its id: {held})."
        picked[match.group("tok")] = (wanted,)
        text = text[: match.start()] + match.group("tok") + text[match.end() :]
    for match in list(_NAME_NUMBER.finditer(text))[::-1]:
        if int(match.group("id")) in catalog.shared(names[match.group("tok")][1]):
            picked[match.group("tok")] = (int(match.group("id")),)
            text = text[: match.start()] + match.group("tok") + text[match.end() :]
    for number, match in enumerate(list(_DEPARTMENT_ID.finditer(text))[::-1]):
        wanted = int(match.group("id"))
        if re.fullmatch(r"(?:19|20)\d\d", match.group("id")):
            continue  # 'the department 2021': a year
        held_by = catalog.department_name(wanted)
        if held_by is None:
            return f"No department has id {wanted}."
        token = f"__d{90 + number}__"
        names[token] = ("department", held_by)
        picked[token] = (wanted,)
        text = text[: match.start()] + f" {token} " + text[match.end() :]
    for match in list(_SHARED_ASIDE.finditer(text))[::-1]:
        token = match.group("tok") or match.group("tok2") or match.group("tok3")
        rest = text[: match.start()] + " " + text[match.end() :]
        shared = names[token][0] == "department" and catalog.shared(names[token][1])
        if shared and _DEPARTMENT_GROUPING.search(rest):  # every department, both rows shown
            text = rest
    for match in list(_EACH_OF.finditer(text))[::-1]:
        token = match.group("tok") or match.group("tok2")
        rest = text[: match.start()] + " " + text[match.end() :]
        if catalog.shared(names[token][1]) and _DEPARTMENT_GROUPING.search(rest):
            name = names[token][1]
            return (
                f"Per department, and {name} by department: every department (both {name} "
                f"teams are their own rows anyway), or only the {name} teams? Ask one, e.g. "
                f"hires per department, or hires in each {name} team."
            )
        if names[token][0] == "department" and catalog.shared(names[token][1]):
            text = text[: match.start()] + f" {token} by department " + text[match.end() :]
    for match in list(_BOTH.finditer(text))[::-1]:
        token = match.group("tok") or match.group("tok2")
        if names[token][0] == "department" and catalog.shared(names[token][1]):
            text = text[: match.start()] + f" {token} " + text[match.end() :]
    for match in _ORDINAL_NAME.finditer(text):
        shared_name = names[match.group("tok")][1]
        if match.group("tok") not in picked and (ids := catalog.shared(shared_name)):
            listed = " and ".join(str(i) for i in ids)
            return (
                f"Two departments are named {shared_name} (ids {listed}): say which, e.g. "
                f"{shared_name} (id {ids[-1]}), or both {shared_name} teams."
            )
    return text.split(), picked


def shared_names_note(
    names: tuple[str, ...], catalog: Catalog, grouped: bool, left_out: tuple[str, ...] = ()
) -> list[str]:
    """Say which departments a shared name counted ('Support' is ids 8 and 13)."""
    notes = []
    for name in dict.fromkeys((*names, *left_out)):
        if ids := catalog.shared(name):
            listed = " and ".join(str(i) for i in ids)
            every = "both" if len(ids) == 2 else "all"
            each = f"{every} are counted"
            if grouped:
                each = "each is its own row"
            elif name in left_out and name not in names:
                each = f"{every} are left out"
            notes.append(f"{len(ids)} departments are named {name} (ids {listed}): {each}.")
    return notes


_MANAGER = r"managers?"
_AS_TITLES = re.compile(
    rf"\b(?:(?:any|every|all) (?:kinds?|types?|sorts?) of|hired as(?: an?)?|hire as(?: an?)?"
    rf"|joined as(?: an?)?|as(?: an?)?) {_MANAGER}\b"
    rf"|\b{_MANAGER} (?:of (?:any|every|all) (?:kinds?|types?|sorts?|levels?|titles?)"
    rf"|(?:any|every|all) (?:kinds?|types?|levels?|titles?)|titles?|job titles?|roles?|positions?"
    rf"|jobs?|hires|hired(?! (?:the |more|fewer|most|least|any|some|people|staff|employees|new"
    rf"|__))|were hired|was hired|got hired|joined|did we hire|did we take on"
    rf"|did (?:we|you|they|the company|[a-z]+(?: [a-z]+)?) (?:hire|take on|bring on|recruit)"
    rf"|we hired|came on board|started)\b"
)
_MANAGES = re.compile(
    r"\b(?:manages?|managed|managing|reports?|reporting|reported|report to|under|boss|bosses"
    r"|direct|directs|team lead|line)\b|managers?'"
)


_PER_MANAGER = re.compile(r"\b(?:per|each|every|by|which|whose) managers?\b")


def titles_meant(text: str, tokens: list[str]) -> frozenset[str]:
    """Words the data lacks in one sense read as job titles in another: 'managers of any kind'.

    'Manager' is a reporting line (which the data does not hold) unless the
    words around it say a job title: hired as a manager, manager titles,
    managers of any kind, managers hired in 2021. Any word of managing or
    reporting anywhere in the question ('who manages Sales', 'hires per
    manager', 'reports to') keeps it a reporting line, refused.
    """
    line = " ".join(tokens)
    found = _AS_TITLES.search(line)
    if found is None or _MANAGES.search(text) or _PER_MANAGER.search(line):
        return frozenset()
    return frozenset({"manager", "managers"})


def family_aliases(tokens: list[str], catalog: Catalog) -> list[FamilyWord]:
    """Short words for a family ('DBAs', 'sysadmins', 'devs'), read as the family they stand for.

    linguistic_schema.toml's [families] says which; the family is the titles
    holding the words meant, so it follows the live catalog. A level after the
    word ('DBA II') narrows it to that one title.
    """
    index = _families(catalog)[0]
    found: list[FamilyWord] = []
    taken: set[int] = set()
    for alias, meant in sorted(lexicon.FAMILY_ALIASES.items(), key=lambda a: -len(a[0])):
        for start in range(len(tokens) - len(alias) + 1):
            end = start + len(alias)
            if tuple(tokens[start:end]) != alias or taken & set(range(start, end)):
                continue
            singular = (*meant[:-1], _singular(meant[-1]))
            titles = index.get(singular, ())
            level = tokens[end] if end < len(tokens) else ""
            if level in LEVELS and titles:
                titled = " ".join((*singular, level))
                titles = tuple(t for t in titles if " ".join(tokenize(t)) == titled)
                end += 1 if titles else 0
            if titles:
                found.append(FamilyWord(start, end, " ".join(meant), titles))
                taken |= set(range(start, end))
    return found


_STOP = (
    r"(?:in|into|to|for|of|at|on|during|since|who|whose|hired|joined|join|start|started|were"
    r"|was|are|is|not|but|and|or|excluding|except|from|before|after|between|this|last|work"
    r"|works|working|have|has|had|do|does|did|hold|holds|sit|sits|belong|belongs|get|go|first"
    r"|full|name|s|department|dept|team|job|role|title|position|date|hire|hires|took|take"
    r"|takes|taken|make|makes|made|got|gets|bring|brings|brought|the|a|an|most|more|fewest"
    r"|least|any|many|much|new|our|their|we|us|you|they|it|that|this|those|these|one|all"
    r"|each|every|some|people|employees|employee|staff|folks|with|by|per|up|down|out|over|he|she|him"
    r"|her|his|hers|them|me|i|come|came|land|landed|arrive|arrived|begin|began|go|went|else"
    r"|other|others|when|what|which|same|id|exactly|where|names"
    r"|leave|left|quit|born|retire|retired|resign|resigned|promoted|fired|transferred|moved)"
)
_WORD = rf"(?!{_STOP}\b)[a-z][a-z\-]*"
_NUMBERS = r"\d{1,9}(?:(?: ,| and| or| , and| ,and) \d{1,9})*"
"""One id, or several: '3001, 3002 and 3003'."""
_NUMBERS_NO_YEAR = (
    r"(?!(?:19|20)\d\d\b)\d{1,9}(?:(?: ,| and| or| , and| ,and) (?!(?:19|20)\d\d\b)\d{1,9})+"
)
_ID = (
    r"(?:the )?(?:employee|person|one|hire|staff member) with(?: the)? (?:employee )?"
    rf"(?:id|number|no) {_NUMBERS}"
    rf"|(?:employee|emp|staff member|staff|worker)(?: (?:ids?|numbers?|nos?|nr|num))?"
    rf" {_NUMBERS}|(?:employee |staff )?ids?(?: numbers?| nos?)? {_NUMBERS}"
    rf"|(?:employees|emps|workers|staff members)(?: (?:ids|numbers|nos|id|number|no))"
    rf" {_NUMBERS}|(?:employees|emps|workers|staff members) {_NUMBERS_NO_YEAR}"
)
"""'employee 1234', 'employee id 1234', 'the one with id 12' ('#' is no token): by id;
'employees 3001 and 3002' (numbers that are no years, unless 'ids' is said)."""
ID_LOOKUP = re.compile(rf"(?:{_ID})")
_FULL_NAME = rf"{_WORD} {_WORD}(?: {_WORD})?"
_NAME_SEP = r"(?: , and| , or| ,and| ,| and| or)"
_NAMES = rf"{_FULL_NAME}(?:{_NAME_SEP} {_FULL_NAME})+"
"""Two or more full names: 'Harold Vogt and Ty Hofer', 'A B, C D and E F'."""
_PERSON = rf"(?P<who>{_NAMES}|{_ID}|person \d{{3,4}}|{_WORD}(?: {_WORD}){{0,3}}?)"
"""A name as short as what follows lets it be ('where was X placed': X, then the verb)."""
_JOINED = (
    r"(?:hired|join|joined|start|started|onboarded|recruited|employed|brought on|taken on"
    r"|come on board|came on board|come aboard|land|landed|come on|came on|get hired|got hired"
    r"|get brought on|got brought on|get onboarded|got onboarded|arrive|arrived|begin|began"
    r"|come in|came in|go|went|added|placed|put)"
    r"(?: (?:with us|here|at the company|with the company|at the firm|with the firm))?"
)
_CALENDAR = r"(?:weekdays?|days? of the week|days? of week|week days?|months?|quarters?|years?)"
"""A part of a hire date asked of a person: 'what weekday did Harold Vogt start'."""
_CALENDAR_PARTS = (
    ("year", re.compile(r"\byears?\b")),
    ("quarter", re.compile(r"\bquarters?\b")),
    ("month", re.compile(r"\bmonths?\b")),
    ("weekday", re.compile(r"\b(?:weekdays?|days? of (?:the )?week|week days?)\b")),
)
_FACTS = (
    r"(?:hire dates?|start dates?|joining dates?|start days?|hire days?|dates? of hire|date hired"
    r"|departments?|depts?|teams?|divisions?|job titles?|jobs?|roles?|titles?|positions?"
    r"|employee id|employee number|staff id|id number|id|full name|name"
    rf"|(?:start |hire |joining )?{_CALENDAR})"
)
_FACT = (
    rf"(?P<fact>{_FACTS}(?: (?:and|,|&|plus|, and|and the|and their|and his|and her)"
    rf"(?: the| their| his| her)? {_FACTS}){{0,2}})"
)
_ASKED = (
    rf"(?:in |into |as )?(?:what|which) {_FACTS}(?: (?:and|,|&|plus|, and|,and)"
    rf"(?: in| into| as| on)?(?: what| which| the)? {_FACTS}){{0,2}}"
)
"""'which department and which role', 'what team and what job': the facts asked first."""
_ON_RECORD = (
    r"(?: (?:in the data|in our data|in the system|in the database|in the records"
    r"|in our records|on record|on file|on the books|here|with us|at the company))?"
)
_ON_RECORD_SAID = _ON_RECORD.replace("(?: (?:", "(?: (?:still )?(?:", 1)[:-1]
"""Where a person is said to be ('on file', 'in the system'): said, not optional."""
_PRONOUN = r"(?:he|she|they|him|her|them)"
_THEIR = r"(?:his|her|their|the)"
_THEN = (
    r"(?:(?: ,)?(?: and| &| plus)?(?: if so| if yes| if they do| if he does| if she does"
    r"| if there is one| if they are| if he is| if she is)?(?: ,)? "
    rf"(?:when (?:did|was|were) {_PRONOUN} {_JOINED}"
    rf"|when {_PRONOUN} {_JOINED}"
    rf"|(?:(?:in |into |as )?(?:what|which) (?:department|dept|team|division|job title|job|role"
    rf"|title|position|weekday|day of the week|month|quarter|year|date|day))"
    rf" (?:did|do|does|is|are|was|were) {_PRONOUN}(?: {_JOINED}| work| works| working"
    rf"| sit| sits| belong| belongs| have| has| hold| holds| work as| hired as| hired into)?"
    rf"(?: in| on| to| into| for| as| part of)?"
    rf"|(?:what is |whats |what was |what are |what were |and )?{_THEIR} {_FACT}))?"
)
"""After a person looked up, facts asked of them: 'does X exist, and when did she start'."""
_WANT = (
    r"(?:(?:can|could|may) (?:i|we|you) (?:get|have|see|send|give me|tell me|pull|grab)"
    r"|(?:do|did) (?:you|we) have|i need|we need|need|i want|i d like|i would like|give me"
    r"|get me|send me|show me|tell me|pull|grab|fetch|find|check"
    r"|(?:(?:i |we )?(?:need|want|have) to |just )?(?:confirm|verify|double check|check))"
)
"""What is said before a possessive: 'I need Harold Vogt's start date'."""
_END = rf"(?=$| [^a-z]| {_STOP}\b)"
"""Where a name ends: the end, a number or token, or a word that starts the rest."""
LOOKUPS: list[tuple[str, re.Pattern[str]]] = [
    (  # 'when, and in what role, did X join', 'which department and role is X in'
        "fact",
        re.compile(
            rf"\b(?:when(?: exactly)?(?: ,)?(?: and| &)?(?: ,)? {_ASKED}|{_ASKED}(?: ,)?"
            rf"(?: and| &)?(?: ,)? when)(?: ,)? (?:was|did|were|is|does) {_PERSON}"
            rf"(?: {_JOINED})?(?: (?:work|works|working|sit|sits|belong|belongs))?"
            rf"(?: in| to| into| for| as| on)?{_END}"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b{_ASKED} (?:is|was|does|did) {_PERSON}(?: (?:work|works|working|sit|sits"
            rf"|belong|belongs|have|has|hold|holds|get hired|hired|join|joined|go|get|end up"
            rf"|ended up|get placed|get put|get assigned)"
            rf"|(?: (?:start|hire|joining) (?:date|day)| first day| date of hire)"
            rf"(?: (?:fall|falls|fell|land|lands|landed) (?:on|in))?"
            rf"|(?: {_JOINED}))?"
            rf"(?: in| to| into| for| as| part of| with| on)?{_END}"
        ),
    ),
    (
        "hired",
        re.compile(
            rf"\bwhen (?:exactly )?(?:was|did|were|is) {_PERSON} {_JOINED}\b(?! (?:date|day)\b)"
            rf"(?:(?: ,)?(?: and| &| plus)(?: ,)?(?: in| into| as| on| with)? (?:what|which)"
            rf" {_FACTS}\b)?"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\bwhere (?:does|did|is|was) {_PERSON}(?: (?:work|works|working|sit|sits"
            rf"|end up|ended up|go|land|get placed|placed|based|sitting|put|assigned))?"
            rf"(?: now| these days)?{_END}"
        ),
    ),
    (  # 'when did we hire Harold Vogt', 'what day did we take on Joan Rillett'
        "hired",
        re.compile(
            rf"\b(?:when|(?:on )?(?:what|which) (?:date|day|{_CALENDAR})) (?:did|do|was|were)"
            rf" (?:we|you|they|the company|the firm) (?:hire|hired|take on|took on|bring on"
            rf"|brought on|onboard|onboarded|recruit|recruited|employ|add|start|get)"
            rf" {_PERSON}(?: in| on)?{_END}"
        ),
    ),
    (
        "hired",
        re.compile(
            rf"\bwhen {_PERSON} (?:started|joined|was hired|got hired|came on board|came aboard"
            rf"|began|was brought on|was onboarded)\b"
        ),
    ),
    (
        "hired",
        re.compile(
            rf"\b(?:on |in )?(?:what|which) (?:date|day|{_CALENDAR}) (?:was|did|were|is)"
            rf" {_PERSON} {_JOINED}\b(?: on| in)?"
        ),
    ),
    (  # 'what weekday was Harold Vogt's start date', 'which month did his start fall in'
        "hired",
        re.compile(
            rf"\b(?:on |in )?(?:what|which) {_CALENDAR} (?:was|is|did|does)(?: the)? {_PERSON}"
            rf" (?:start date|hire date|joining date|first day|date of hire|start|join|joining)\b"
            rf"(?: fall on| fall in| land on| land in| on| in)?"
        ),
    ),
    (  # 'Harold Vogt started on what day of the week?'
        "hired",
        re.compile(
            rf"^ ?{_PERSON} (?:started|joined|was hired|got hired|came on board|began|was"
            rf" brought on|was onboarded|start|join) (?:on|in) (?:what|which) {_CALENDAR}\b"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:in |on )?(?:what|which) (?:departments?|depts?|teams?|divisions?)"
            rf" (?:is|was|does|did|do|are|were) {_PERSON}(?: (?:work|works|working|sit|sits"
            rf"|belong|belongs|get hired|hired|join|joined|go|end up|land|start|started|get))?"
            rf"(?: in| to| into| for| part of| on| with)?(?: in)?{_END}"
        ),
    ),
    (  # 'which department Lotti Crowthe joined', 'what role Ty Hofer was hired into'
        "fact",
        re.compile(
            rf"\b(?:in |into |as )?(?:what|which) {_FACTS} {_PERSON} (?:was |got )?{_JOINED}"
            rf"(?: in| into| as| on| for)?{_END}"
        ),
    ),
    (  # 'what team Joan Rillett is on', 'which dept Harold Vogt is in'
        "fact",
        re.compile(
            rf"\b(?:in |on )?(?:what|which) {_FACTS} {_PERSON} (?:is|was|are|were)"
            rf"(?: (?:in|on|part of|with|under|assigned to|placed in|hired as|hired into|working"
            rf" in))?{_END}"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what|which) (?:jobs?|roles?|titles?|positions?|job titles?)"
            rf" (?:does|did|is|was|do|are|were)"
            rf" {_PERSON}(?: (?:have|has|hold|holds|do|does|work as|hired as|hired for|hired into"
            rf"|hired in|in|get hired for|get hired as|get))?{_END}"
        ),
    ),
    ("fact", re.compile(rf"\bwhat (?:does|did) {_PERSON} do\b(?: for (?:a )?(?:living|work))?")),
    (
        "fact",
        re.compile(rf"\bwhat {_PERSON} (?:does|did)(?: here| for us| for a living| for work)?$"),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what is|what was|whats|what are|what were|when is|when was|give me|tell me"
            rf"|what) (?:the )?{_PERSON} {_FACT}\b"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what|which) (?:department|dept|team|division) {_PERSON} (?:works?|working"
            rf"|sits?|belongs?) (?:in|to|for)\b"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what|which) (?:department|dept|team|division) (?:hired|took on|brought on"
            rf"|onboarded|recruited|employs|employed) {_PERSON}{_END}"
        ),
    ),
    (  # 'Harold Vogt - hire date?': a first and last name, then what is asked
        "fact",
        re.compile(
            rf"^ ?(?:{_WANT} )?(?:the )?(?P<who>{_NAMES}|{_ID}|person \d{{3,4}}"
            rf"|{_WORD} {_WORD}(?: {_WORD})?)(?: ,)?"
            rf"(?: (?:what|which|whats|what is|the|their|his|her))? {_FACT}\b"
        ),
    ),
    (  # 'Harold Vogt: when hired?', 'Harold Vogt joined when?', 'hire date - Harold Vogt'
        "hired",
        re.compile(
            rf"^ ?(?P<who>{_ID}|person \d{{3,4}}|{_WORD} {_WORD}(?: {_WORD})?)(?: ,)?"
            rf"(?: when(?: (?:was|did) (?:he|she|they))?(?: {_JOINED})?| {_JOINED} when)"
            rf"(?: (?:please|pls|thanks))* ?$"
            rf"|^ ?(?:the )?(?:hire date|start date|date|day|joining date)(?: ,)?(?: of| for)?"
            rf" (?P<who2>{_WORD} {_WORD}(?: {_WORD})?)(?: {_JOINED})?(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"(?:\b(?:what is|what was|whats|give me|tell me|what|need|want) (?:the )?|^ ?)"
            rf"{_FACT} (?:of|for|on) {_PERSON}{_END}"
        ),
    ),
    (
        "first",
        re.compile(
            rf"\b(?:share|shares|sharing|have|has|had|with) (?:the same first name as|the first"
            rf" name of) {_PERSON}{_END}"
        ),
    ),
    (
        "first",
        re.compile(rf"\b(?:share|shares|sharing|have|has|had|with) {_PERSON} first name\b"),
    ),
    (
        "first",
        re.compile(
            rf"\b(?:share|shares|sharing|have|has|had) (?:a|the same|the) first name with"
            rf" {_PERSON}{_END}"
        ),
    ),
    (  # 'who started on 2021-11-07 besides Harold Vogt': a full name left out
        "besides",
        re.compile(
            rf"\b(?:(?:but|and) )?(?:other than|besides|except(?: for)?|apart from|excluding"
            rf"|leaving out|but not) (?P<who>{_NAMES}|{_WORD}(?: {_WORD}){{1,3}}?){_END}"
        ),
    ),
    (  # 'anyone with the surname Vogt', 'whose last name is Vogt': the name's last word
        "last",
        re.compile(
            rf"\b(?:(?:with|having|has|have|had|whose|of|by|named|called|go by)"
            rf"(?: the| a| their| an)? )?(?:surname|last name|family name)s?"
            rf"(?: is| was| of| as| being)? (?P<who>{_WORD}){_END}"
        ),
    ),
    (
        "named",
        re.compile(
            rf"\b(?:have|has|had|with) {_PERSON} as (?:their|a|the|his|her)"
            rf" (?P<first>first )?name\b"
        ),
    ),
    (
        "full",
        re.compile(
            rf"\b(?:share|shares|sharing|have|has|had|with) the same (?:full )?name as"
            rf" {_PERSON}{_END}"
        ),
    ),
    (
        "named",
        re.compile(
            rf"\b(?P<how>named|called|go by|goes by|going by"
            rf"|with the (?P<first>first )?(?P<full>full )?name"
            rf"|(?:who )?(?:share|shares|sharing|have|has|go by) the (?P<first2>first )?"
            rf"(?P<full2>full )?name|whose (?P<first3>first )?(?P<full3>full )?name is"
            rf"|by the (?P<first4>first )?name) {_PERSON}(?:{_ON_RECORD}{_THEN})?{_END}"
        ),
    ),
    (
        "who",
        re.compile(
            rf"^ ?(?:(?:can|could|would) (?:you|u) (?:please |pls )?|please |pls )?"
            rf"(?:(?:give|tell|show|get|send) me |i want |i need |we need )?"
            rf"(?:who is|who was|whos|look up|lookup|pull up|find|tell me about|search for"
            rf"|check|check on|check up on|look into|pull|pull out|grab|fetch|bring up|locate"
            rf"|search|search up|dig up|get me|show me|any info on|any record of|any records of"
            rf"|any records for|anything for|(?:do|did) we have (?:anything|any info|a record)"
            rf" (?:on|for|of)|everything (?:on|about|for)|all (?:about|on)|(?:what|anything)"
            rf" (?:do|can) (?:we|you) (?:know|tell me|find|see|have) (?:about|on)"
            rf"|anything about|info about|the lowdown on|background on|profile (?:of|for)"
            rf"|details (?:of|for|on)|info on|information on|information about|details about"
            rf"|(?:give me|show me|show|get me|pull)(?: the)? (?:record|details|row|info)"
            rf" (?:of|for)"
            rf"|what do we have on|what have we got on|anything on|(?:i m |i am |im )?looking for"
            rf"|searching for|trying to find)"
            rf" {_PERSON}(?: (?:record|details|row|info))?{_ON_RECORD}{_THEN}"
            rf"(?: (?:please|pls|for me|thanks))* ?$"
        ),
    ),
    (  # 'is Harold Vogt on file?', 'does Harold Vogt exist, and when did he start?'
        "who",
        re.compile(
            rf"^ ?(?:is|does|do|are) (?P<who>{_WORD}(?: {_WORD}){{1,2}}?)(?: still| even)?"
            rf"(?:{_ON_RECORD_SAID}| (?:exist|exists|work here|work for us|show up|appear)"
            rf"{_ON_RECORD})(?: or not)?{_THEN}(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'who else started the same day as Joan Rillett': her hire day, she left out
        "sameday",
        re.compile(
            rf"\b(?:else |other people |others |other employees |other hires |besides )?"
            rf"(?:(?:was |were |got |get )?{_JOINED} )?(?:on |at )?the same (?:day|date"
            rf"|start date|hire date|day of hire|start day|hire day)(?: as| that)? {_PERSON}"
            rf"(?: (?:did|was hired|got hired|started|joined|came on|came on board|landed"
            rf"|came in|was brought on|was onboarded|arrived))?{_END}"
        ),
    ),
    (  # "who's Zsazsa Pash?": 'who' and a full name, nothing else
        "who",
        re.compile(rf"^ ?who (?P<who>{_WORD} {_WORD}(?: {_WORD})?)(?: (?:please|pls|thanks))* ?$"),
    ),
    (  # 'is there a Harold Vogt in the data': a full name only (a lone word may be a title)
        "who",
        re.compile(
            rf"^ ?(?:is there|are there|do we have|did we hire|have we got|have we hired"
            rf"|did we ever hire|do we employ|does|did)(?: (?:an?|any|someone|anyone|somebody"
            rf"|anybody|one|a person|an employee|a hire)(?: (?:called|named|by the name of))?)?"
            rf" (?P<who>{_WORD}(?: {_WORD}){{1,2}}){_ON_RECORD}"
            rf"(?: (?:exist|exists|work here|on staff|at all))?{_THEN}"
            rf"(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'is there a Harold in the data?': a first name, only when written with a capital
        "who1",
        re.compile(
            rf"^ ?(?:is there|are there|do we have|did we hire|have we got|have we hired"
            rf"|did we ever hire|do we employ)(?: (?:an?|any|someone|anyone|somebody|anybody"
            rf"|a person|an employee|a hire)(?: (?:called|named|by the name of))?)?"
            rf" (?P<who>{_WORD}){_ON_RECORD}(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'how many Joans do we have', 'any Harolds on staff?': a first name in the plural
        "plural",
        re.compile(
            rf"^ ?(?:how many|any|are there any|do we have any|have we got any|got any"
            rf"|have we hired any|did we hire any|were there any|do we employ any) "
            rf"(?P<who>{_WORD})(?= (?:do we have|are there|have we got|have we hired|did we hire"
            rf"|do we employ|work here|on staff|in the data|on record|on file|here|we have"
            rf"|in total|ever|at all|please|pls|thanks)\b| ?$)"
        ),
    ),
    (  # 'Harold Vogt?': a full name alone (every word written with a capital)
        "bare",
        re.compile(rf"^ ?(?P<who>{_WORD} {_WORD}(?: {_WORD})?)(?: (?:please|pls|thanks))* ?$"),
    ),
    (  # 'Harold Vogt joined which team?', 'Joan Rillett was hired as what?'
        "fact",
        re.compile(
            rf"^ ?(?P<who>{_NAMES}|{_ID}|{_WORD} {_WORD}(?: {_WORD})?)"
            rf" (?:(?:is|was|got|get|has been|have been|were|are) )?(?:{_JOINED}|works?|working"
            rf"|sits?|belongs?|is|was|are|were|does|did|do|holds?|has|have)"
            rf"(?: (?:in|on|into|to|for|as|with|part of|under))?"
            rf" (?:(?:what|which) {_FACTS}|what|where|when)(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'when was Harold Vogt's start date', 'what did Joan Rillett get hired as'
        "fact",
        re.compile(
            rf"^ ?(?:when|what) (?:was|is|were|did|does) {_PERSON}"
            rf" (?:(?:start|hire|joining) (?:date|day)|first day|date of hire"
            rf"|(?:get |got )?(?:hired|brought on|taken on|employed|onboarded) as)"
            rf"(?: (?:please|pls))* ?$"
        ),
    ),
    (  # 'Harold Vogt's record', 'employee 1234 details'
        "who",
        re.compile(
            rf"^ ?(?P<who>{_ID}|{_WORD} {_WORD}(?: {_WORD})?) (?:record|details|info|row)"
            rf"(?: (?:please|pls|for me|thanks))* ?$"
        ),
    ),
    (  # 'employee 1234?', 'who's employee 1234', 'employee 1234 - who is that'
        "who",
        re.compile(
            rf"^ ?(?:(?:who is|whos|who was|who are|who were|who|who has|who had|who holds"
            rf"|look up|lookup|find"
            rf"|show me) )?(?P<who>{_ID})"
            rf"(?: (?:who is that|who is it|whos that))?"
            rf"(?: (?:please|pls|for me|thanks))* ?$"
        ),
    ),
]
"""A person looked up by name: when they were hired, their department or job, who shares a name."""


@dataclass(frozen=True, slots=True)
class Person:
    """A person the question names: a full name, or a first name only."""

    name: str
    first_only: bool
    ask: str
    """hired, fact, first, full, named or who: what the words around the name asked."""
    employee_id: int | None = None
    """'employee 1234': the person looked up by id (``name`` is then the words as read)."""
    besides: str | None = None
    """'the same first name as Joan Rillett': Joan Rillett, who is not counted among them."""
    calendar: tuple[str, ...] = ()
    """Parts of the hire date asked ('what weekday did X start'): year, quarter, month, weekday."""


def capitalised(question: str) -> frozenset[str]:
    """The words a question writes with a capital: a name's, when they are ordinary words."""
    found = re.findall(r"\b(?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]{2,})\b", question)  # 'McDonald'
    return frozenset(w.lower() for w in found)


def shield_people(
    tokens: list[str], catalog: Catalog, reserved: Set[str], written: Set[str] = frozenset()
) -> tuple[list[str], dict[str, Person]]:
    """A person's name in a lookup becomes one ``__pN__`` token, safe from name matching.

    The words around it ("when was ... hired", "what department is ... in")
    are read here too; a name word that is one of the engine's own words, or a
    word of a department or job title, is no name, and the lookup is not read;
    nor is a word the data lacks ('manager') unless ``written`` with a capital
    ('Angelika Stock').
    """
    line = " ".join(tokens)
    said_first = _said_first(line, written)
    line = line[len(said_first) :]
    people: dict[str, Person] = {}
    for ask, pattern in LOOKUPS:
        at = 0
        while (match := pattern.search(line, at)) is not None:
            found = _people_in(ask, match, catalog, reserved, written)
            if found is None:
                at = match.start() + 1
                continue
            (start, end), persons = found
            keys = [f"__p{len(people) + i}__" for i in range(len(persons))]
            people.update(zip(keys, persons, strict=True))
            line = line[:start] + f" {' '.join(keys)} " + line[end:]
            at = start + len(" ".join(keys)) + 1
            if ask not in ("fact", "hired"):
                break  # 'what team is A on and what team is B on': the facts of each
    line = _TWO_PEOPLE.sub(r"\1 ", line)
    return (said_first + line).split(), people


_TWO_PEOPLE = re.compile(r"(__p\d+__)\s+(?:,\s+)?(?:(?:and|&|plus)\s+)?(?:,\s+)?(?=__p\d+__)")
"""'A ... and B ...' looked up apart: the 'and' between them read."""


def _people_in(
    ask: str, match: re.Match[str], catalog: Catalog, reserved: Set[str], written: Set[str]
) -> tuple[tuple[int, int], list[Person]] | None:
    """The people one lookup names, and the words it read; None when it names nobody."""
    name = match.group("who") or match.groupdict().get("who2") or ""
    asked = match.group(0).replace(name, " ", 1)
    parts = tuple(part for part, said in _CALENDAR_PARTS if said.search(asked))
    if ID_LOOKUP.fullmatch(name):
        if ask not in ("hired", "fact", "who"):
            return None
        numbers = re.findall(r"\d+", name)
        return match.span(), [
            Person(name, False, ask, employee_id=int(n), calendar=parts) for n in numbers
        ]
    span = match.span()
    if ask == "bare":
        if not set(name.split()) <= written:
            return None  # 'sales hires', 'legal headcount': words, not a name
        ask = "who"
    if ask in ("who1", "plural"):  # a lone word is a first name only when written as one
        if name not in written or {name, _singular(name)} & _TIME_WORDS:
            return None  # 'is there a Monday', 'is there a Christmas': no one's name
        if ask == "plural" and (not name.endswith("s") or name in lexicon.english()):
            return None  # 'how many Interns', 'any Salespeople': English, not a name's plural
        if name.endswith("s") and name in lexicon.english():
            return None  # 'are there any Interns': a plural of English names nobody
        counted = match.group(0).lstrip().startswith("how many")
        if counted:
            span = match.span("who")  # the name alone: 'how many' still counts them
        ask = "named" if counted else "who"
    several = re.split(rf"{_NAME_SEP} ", name) if re.fullmatch(_NAMES, name) else [name]
    if len(several) > 1 and ask not in ("hired", "fact", "who", "besides"):
        return None  # 'the same day as A and B': whose day?
    if not all(_a_name(n, catalog, reserved, written) for n in several):
        return None  # an engine word, or a department or job name, is nobody's name
    if len(several) > 1:  # 'which teams did A and B join': each looked up (or left out)
        leaving = ask == "besides"
        return span, [
            Person(one, False, ask, calendar=parts, besides=one if leaving else None)
            for one in several
        ]
    groups = match.groupdict()
    first = ask == "first" or bool(
        groups.get("first") or groups.get("first2") or groups.get("first3")
        or groups.get("first4")
    )  # fmt: skip
    full = bool(groups.get("full") or groups.get("full2") or groups.get("full3"))
    if ask not in ("full", "last") and not full and " " not in name:
        first = True  # 'when was Harold hired': a first name alone
    besides = name if ask in ("first", "full", "sameday", "besides") and " " in name else None
    if ask == "sameday" and besides is None:
        return None  # the same day as a first name alone: whose day?
    if ask == "first":
        name = name.split()[0]
    return span, [Person(name, first, ask, besides=besides, calendar=parts)]


_LOOKUP_VERBS = frozenset(
    {"check", "checking", "pull", "grab", "fetch", "need", "send", "tell", "about", "find", "show"}
    | {"get", "give", "look", "run", "what", "how"}
)
"""Chat words that a lookup reads as its verb ('check Joan Rillett'): never a preamble."""


def _said_first(line: str, written: Set[str]) -> str:
    """Chat said before a question ('my boss is asking ,', 'quick q'), which a lookup reads past.

    Only chat of linguistic_schema.toml (dropped later as it is anyway), never
    a word a lookup reads as its verb, and never one word written with a
    capital and no comma after it: 'Ty Hofer - dept?' names Ty Hofer.
    """
    said = ""
    while match := _preamble().match(line, len(said)):
        chat = match.group("chat")
        if " " not in chat and chat in written and not match.group(0).endswith(", "):
            break
        said = line[: match.end()]
    return said


@lru_cache(maxsize=1)
def _preamble() -> re.Pattern[str]:
    """One piece of chat said before a question (see ``_said_first``)."""
    phrases = [
        " ".join(p)
        for p in lexicon.CHAT_PHRASE_LIST
        if not set(p) & _LOOKUP_VERBS or p[-1] == "check"  # 'sanity check' is no verb
    ]
    words = sorted(lexicon.CHAT_WORDS - _LOOKUP_VERBS)
    said = sorted({*phrases, *words}, key=lambda p: (-len(p), p))
    chat = "|".join(re.escape(p) for p in said)
    return re.compile(rf" ?(?:my |our |the |so |ok |okay )?(?P<chat>{chat})(?: ,)? ")


def _a_name(name: str, catalog: Catalog, reserved: Set[str], written: Set[str]) -> bool:
    """Whether ``name`` may be a person's: no engine word, department or job name in it.

    Nor a word the data lacks ('manager') unless ``written`` with a capital.
    """
    words = name.split()
    last = words[-1].split("-")[0]
    if len(words) > 2 and last.isalpha() and last not in written and set(words) & written:
        return False  # 'when did Harold Vogt apply': a name written with capitals ends on one
    on_record = _families(catalog)[1]
    title_words = {w for w in name_words(catalog) if len(w) > 2}  # 'officer' names nobody
    chat = lexicon.CHAT_WORDS if len(words) > 1 else lexicon.CHAT_WORDS & written  # 'Ty'
    if name in on_record or any(
        (w in reserved and w not in chat)
        or w in on_record
        or w in title_words
        or _singular(w) in title_words  # 'VPs', 'Engineers': titles, in the plural
        or (w,) in lexicon.FAMILY_ALIASES
        or (w in lexicon.UNSUPPORTED and w not in written)
        for w in words
        if w != "person"
    ):
        return False
    if levels.find(words, levels.ROMAN):
        return False  # 'excluding level IV' leaves titles out, not a person named so
    named = find(words, catalog, reserved)
    return not (named.entities or named.ambiguities)  # nor a misspelt one ('Enginering')


@dataclass(slots=True)
class NameSearch:
    target: str
    """'employee', 'title' (a job title) or 'department' (a department name)."""
    prefix: bool
    value: str
    listed: bool = False
    """'names starting with Mar': the names are what is asked (a list, unless counted)."""
    suffix: bool = False
    """The value ends the name: 'names ending in 0042', 'titles ending in III'."""


@dataclass(slots=True)
class Who:
    people: list[str] = field(default_factory=list)
    """Person tokens (``__p0__``) looked up."""
    included: list[str] = field(default_factory=list)
    """Entity tokens (``__d0__``) kept."""
    excluded: list[str] = field(default_factory=list)
    without_department: bool = False
    without_job: bool = False
    missing_either: bool = False
    searches: list[NameSearch] = field(default_factory=list)


def quote_values(tokens: list[str]) -> tuple[list[str], dict[str, str]]:
    """Quoted phrases become ``__q0__`` tokens (their text kept aside), safe from name matching."""
    values: dict[str, str] = {}
    out = []
    for token in tokens:
        if token[:1] in "'\"" and len(token) > 2:
            key = f"__q{len(values)}__"
            values[key] = token[1:-1].strip()
            out.append(key)
        else:
            out.append(token)
    return out, values


def shield_search_values(tokens: list[str], values: dict[str, str]) -> list[str]:
    """'whose name starts with al': the searched word must not be read as a department or job."""
    line = " ".join(tokens)
    while match := _unshielded(CATALOG_SEARCH, line):
        group = next(g for g in ("value", "value2", "value3") if match.groupdict().get(g))
        key = f"__q{len(values)}__"
        values[key] = match.group(group)
        start, end = match.span(group)
        line = line[:start] + key + line[end:]
    for match in [*IN_THE_NAME.finditer(line), *NAME_SEARCH.finditer(line)]:
        group = next(g for g in ("value", "value2", "value3") if match.groupdict().get(g))
        word = match.group(group)
        if word.startswith("__q"):
            continue
        key = f"__q{len(values)}__"
        values[key] = word
        start, end = match.span(group)
        line = line[:start] + key + line[end:]
    return line.split()


_ONE_LETTER = re.compile(
    r"\b(starts? with|starting with|begins? with|beginning with|ends? (?:with|in)"
    r"|ending (?:with|in)|(?:the )?letter) ([b-hj-z]|[ai](?= *(?:$|[,?.!;)])))\b(?!')"
)


def quote_letters(text: str) -> str:
    """'departments that start with S': one letter searched is quoted, so it stays a word (a lone
    's' is otherwise dropped as a possessive); 'starting with a ...' keeps its article."""
    return _ONE_LETTER.sub(r'\1 "\2"', text)


def _unshielded(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """The first match of a search whose searched word is not yet a quoted value."""
    for match in pattern.finditer(line):
        group = next(g for g in ("value", "value2", "value3") if match.groupdict().get(g))
        if not match.group(group).startswith("__q"):
            return match
    return None


PERSON_TOKEN = re.compile(r"__p\d+__")
_TIME_WORDS = frozenset(
    {w for phrase in lexicon.NAMED_DAYS for w in phrase}
    | set(lexicon.SEASONS)
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"weekend", "weekday", "today", "yesterday", "tomorrow"}
    | set(lexicon.MONTHS)
)


_WILDCARDS = re.compile(r"(?P<before>[%*]?)(?P<said>[^%*]+?)(?P<after>[%*]?)")
"""A searched value with SQL's (or a shell's) wildcard at one end or both: 'Person%'."""


def read(words: Words, values: dict[str, str]) -> Who:
    who = Who()
    for match in words.take_all(PERSON_TOKEN):
        who.people.append(match.group(0))
    for match in words.take_all(CATALOG_SEARCH):
        dim, op = match.group("dim"), match.group("op") or "contains"
        raw = match.group("value") or match.group("value2") or match.group("value3")
        target = "department" if dim.startswith(("dep", "team", "div")) else "title"
        prefix, suffix = op.startswith(("start", "begin")), op.startswith("end")
        who.searches.append(NameSearch(target, prefix, values.get(raw, raw), suffix=suffix))
    for match in words.take_all(IN_THE_NAME):
        target = "employee" if match.group("whose").startswith("name") else "title"
        raw = match.group("value")
        who.searches.append(NameSearch(target, False, values.get(raw, raw)))
    for match in words.take_all(NAME_SEARCH):
        whose = match.group("whose") or ""
        op = match.group("op") or match.group("op2") or match.group("op3") or ""
        raw = match.group("value") or match.group("value2") or match.group("value3")
        target = "title" if ("title" in whose or op == "titled") else "employee"
        target = "department" if "department" in whose else target
        prefix = op.startswith(("start", "begin"))
        listed = target == "employee" and whose.startswith("name") and not match.group("pre")
        suffix = op.startswith("end")
        value = values.get(raw, raw)
        if not (prefix or suffix) and (wild := _WILDCARDS.fullmatch(value)):
            # "names like 'Person%'": SQL's wildcards at either end, read as they mean
            value, prefix, suffix = (
                wild.group("said"),
                not wild.group("before"),
                not wild.group("after"),
            )
            prefix, suffix = prefix and not suffix, suffix and not prefix
        who.searches.append(NameSearch(target, prefix, value, listed, suffix))
    for _ in words.take_all(MISSING_EITHER):
        who.missing_either = True
    for _ in words.take_all(MISSING_BOTH):
        who.without_department = who.without_job = True
    for match in words.take_all(MISSING):
        what = match.group("what") or match.group("what2") or match.group("what3")
        if what.startswith(("dep", "team")):
            who.without_department = True
        else:
            who.without_job = True
    for match in words.take_all(EXCLUDED):
        who.excluded += re.findall(ENTITY, match.group("list"))
    for match in words.take_all(INCLUDED):
        who.included += re.findall(ENTITY, match.group("list"))
    return who
