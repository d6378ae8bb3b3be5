"""Job families and levels: the words that name several job titles at once.

A question says 'engineers', 'DBAs' or 'level III' more often than it names one
title; each is read here as the titles it covers in the live catalog (so a new
title joins its family without a code change), and 'manager' is read as a job
title only where the words around it say so (the data holds no reporting line).
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache

from resolvers.core.questions import levels, lexicon
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.matching import LEVELS, tokenize
from resolvers.core.questions.query import Family, title_level


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


def without_level(title: str) -> str:
    """A title without its level, as the question's words ('Accountant III' -> accountant)."""
    words = title.lower().split()
    return " ".join(
        words[:-1] if words and words[-1] in ("i", "ii", "iii", "iv", "v", "vi") else words
    )
