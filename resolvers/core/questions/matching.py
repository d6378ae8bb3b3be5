"""Finding department and job names in a question: exact first, then fuzzy, never a coin toss.

Words are compared as lower-case tokens, longest span first, so "VP Sales"
wins over "Sales" and "Human Resources Manager" over "Human Resources". A
plural is tried singular ("accountants"). What matches no name exactly is
compared with rapidfuzz against the live names to catch typos
("Enginering"); a span that fits several names equally well ("accountant"
for Accountant I to IV) is reported as ambiguous, for the engine to refuse
with the candidates, instead of picking one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from resolvers.core.questions import lexicon
from resolvers.core.questions.catalog import Catalog

Kind = Literal["department", "job"]
Words = Set[str]
"""A set of words (the engine's own vocabulary, never read as a name)."""

FUZZY_CUTOFF = 88.0
"""rapidfuzz ratio (0-100) a typo must reach: one wrong letter in a ten-letter name passes."""
FUZZY_TIE = 3.0
"""Two names within this many points of each other are a tie: ambiguous."""

_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|[a-z0-9]+")

KIND_CUES: dict[str, Kind] = lexicon.KIND_CUES


LEVELS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "1", "2", "3", "4", "5"})


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True, slots=True)
class Entity:
    kind: Kind
    name: str
    start: int
    end: int
    """Token positions [start, end) in the question."""
    fuzzy: bool = False
    alias: bool = False
    """Read from a short name of linguistic_schema.toml ('hr' for Human Resources)."""


@dataclass(frozen=True, slots=True)
class Ambiguity:
    phrase: str
    candidates: tuple[str, ...]


@dataclass(slots=True)
class Matches:
    entities: list[Entity] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)

    def of(self, kind: Kind) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.name for e in self.entities if e.kind == kind))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


class NameIndex:
    """The catalog's names by their token sequence, built once per question."""

    def __init__(self, catalog: Catalog) -> None:
        self.by_tokens: dict[tuple[str, ...], list[tuple[Kind, str]]] = {}
        self.names: dict[str, list[tuple[Kind, str]]] = {}
        for kind, names in (("department", catalog.departments), ("job", catalog.jobs)):
            for name in names:
                key = tuple(tokenize(name))
                if key:
                    self.by_tokens.setdefault(key, []).append((kind, name))  # type: ignore[arg-type]
                    self.names.setdefault(" ".join(key), []).append((kind, name))  # type: ignore[arg-type]
        self.words = frozenset(word for key in self.by_tokens for word in key)
        """Every word of a live name: not an ordinary word when a question holds it."""
        self.aliases: dict[tuple[str, ...], list[tuple[Kind, str]]] = {}
        for alias, meant in lexicon.NAME_ALIASES.items():
            hits = self.names.get(" ".join(tokenize(meant)), [])
            if hits and alias not in self.by_tokens:
                self.aliases[alias] = hits
        self.longest = max((len(k) for k in [*self.by_tokens, *self.aliases]), default=0)

    def exact(self, span: tuple[str, ...]) -> list[tuple[Kind, str]]:
        found = self.by_tokens.get(span) or self.aliases.get(span)
        if not found and span:
            found = self.by_tokens.get((*span[:-1], _singular(span[-1])))
        return found or []

    def family(self, span: tuple[str, ...]) -> list[tuple[Kind, str]]:
        """Names that are the span plus a level ('accountant' -> Accountant I, II, ...)."""
        if not span:
            return []
        stems = {span, (*span[:-1], _singular(span[-1]))}
        return [
            hit
            for key, hits in self.by_tokens.items()
            if key[:-1] in stems and key[-1] in LEVELS
            for hit in hits
        ]


@lru_cache(maxsize=4)
def _index(catalog: Catalog) -> NameIndex:
    """The index of the live names; rebuilt only when the catalog changed since last time."""
    return NameIndex(catalog)


def name_words(catalog: Catalog) -> frozenset[str]:
    """Every word of a live department or job name ('chief', 'officer', 'sales')."""
    return _index(catalog).words


def find(tokens: list[str], catalog: Catalog, reserved: Iterable[str]) -> Matches:
    """Entities in the question, longest exact span first, then families, then typos.

    ``reserved`` are the engine's own words (hires, quarter, top ...): never a name by typo.
    """
    index = _index(catalog)
    reserved_words: Words = reserved if isinstance(reserved, Set) else set(reserved)
    matches = Matches()
    _exact_pass(tokens, index, reserved_words, matches)
    _family_pass(tokens, index, reserved_words, matches)
    _fuzzy_pass(tokens, index, reserved_words, matches)
    matches.entities.sort(key=lambda e: e.start)
    return matches


def _free(matches: Matches, start: int, end: int) -> bool:
    return not any(i in matches.consumed for i in range(start, end))


def _spans(tokens: list[str], longest: int) -> Iterable[tuple[int, int]]:
    for length in range(min(longest, len(tokens)), 0, -1):
        for start in range(len(tokens) - length + 1):
            yield start, start + length


def _cue(tokens: list[str], start: int, end: int) -> Kind | None:
    """'the Sales department', 'department Sales', 'job of ...': which table the words name."""
    neighbours = tokens[end : end + 1] + tokens[max(start - 1, 0) : start]
    for word in neighbours:
        if word in KIND_CUES:
            return KIND_CUES[word]
    if start > 0 and tokens[start - 1] == "as":
        return "job"
    return None


def _take(
    tokens: list[str],
    matches: Matches,
    start: int,
    end: int,
    hits: list[tuple[Kind, str]],
    fuzzy: bool = False,
    alias: bool = False,
) -> None:
    kinds = {kind for kind, _ in hits}
    if len(kinds) > 1:
        cue = _cue(tokens, start, end)
        hits = [h for h in hits if h[0] == cue] if cue else hits
    names = tuple(dict.fromkeys(name for _, name in hits))
    matches.consumed.update(range(start, end))
    if len(names) == 1:
        matches.entities.append(Entity(hits[0][0], names[0], start, end, fuzzy, alias))
    else:
        phrase = " ".join(tokens[start:end])
        matches.ambiguities.append(Ambiguity(phrase, names))


def _exact_pass(tokens: list[str], index: NameIndex, reserved: Words, matches: Matches) -> None:
    for start, end in _spans(tokens, index.longest):
        span = tuple(tokens[start:end])
        if (len(span) == 1 and span[0] in reserved) or not _free(matches, start, end):
            continue
        hits = index.exact(span)
        if hits:
            _take(tokens, matches, start, end, hits, alias=span in index.aliases)


def _family_pass(tokens: list[str], index: NameIndex, reserved: Words, matches: Matches) -> None:
    for start, end in _spans(tokens, 3):
        span = tuple(tokens[start:end])
        if any(w in reserved or len(w) < 4 for w in span) or not _free(matches, start, end):
            continue
        hits = index.family(span)
        if hits:
            _take(tokens, matches, start, end, hits)


def _fuzzy_pass(tokens: list[str], index: NameIndex, reserved: Words, matches: Matches) -> None:
    choices = list(index.names)
    for start, end in _spans(tokens, min(index.longest, 4)):
        span = tokens[start:end]
        if span[0] in LEVELS or any(
            _unlike_a_name(w, inner, reserved, index)
            for w, inner in zip(span, _inner(len(span)), strict=True)
        ):
            continue
        if any(_ordinary(w, index) for w in span):
            continue
        if not _free(matches, start, end):
            continue
        written = " ".join(span)
        found = process.extract(
            written, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
        )
        if found:
            best = found[0][1]
            close = [name for name, score, _ in found if best - score <= FUZZY_TIE]
        else:
            close = _swapped(written, choices)
        if not close:
            continue
        hits = [hit for name in close for hit in index.names[name]]
        _take(tokens, matches, start, end, hits, fuzzy=True)


def _inner(length: int) -> list[bool]:
    return [0 < i < length - 1 for i in range(length)]


def _unlike_a_name(word: str, inner: bool, reserved: Words, index: NameIndex) -> bool:
    """A word a misspelt name cannot hold: the engine's own, short, or a number.

    Inside a longer span a word of a live name is kept ('Reserach and
    Development' holds 'and', one of the engine's words, in its middle).
    """
    if inner and word in index.words and not word.isdigit():
        return False
    return word in reserved or (len(word) < 4 and word not in LEVELS) or word.isdigit()


def _swapped(written: str, choices: list[str]) -> list[str]:
    """The one name two neighbouring letters swapped away ('Saels', 'Supprot'), if only one.

    A swap is one slip but two edits to rapidfuzz's ratio, which puts short
    names out of reach ('saels' scores 80 against 'sales'); the first letter
    must agree, and the word be five letters or more.
    """
    if len(written) < 5:
        return []
    swapped = [
        name
        for name in choices
        if name[:1] == written[:1]
        and len(name) == len(written)
        and OSA.distance(written, name, score_cutoff=1) == 1
        and sorted(name) == sorted(written)
    ]
    return swapped if len(swapped) == 1 else []


def _ordinary(word: str, index: NameIndex) -> bool:
    """An English word that is no word of any name: what the user wrote, never a typo of one.

    'not counting Sales' holds 'counting', an English word one letter from
    'accounting': read as Accounting, it would answer another question.
    """
    return word not in index.words and word not in LEVELS and word in lexicon.english()


def place_names(tokens: list[str], found: Matches) -> tuple[dict[str, tuple[str, str]], list[str]]:
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
