"""A question's ordinary words made plain before the rules read it, each change said aloud.

Two passes over the question's tokens, both outside the names of departments
and jobs (matching.py finds those first), quoted values and searched names:

- rewrites of linguistic_schema.toml ("not counting" -> excluding);
  (people's names in a lookup, as lookups.shield_people finds them, are kept too)
- spelling: a word the engine does not know and English does not know
  either ("novmber", "poeple", "hirse") becomes the one word of the engine's
  vocabulary it is closest to, by SymSpell's edit distance over that
  vocabulary. The reading then says "Reading 'novmber' as November".

A spelling correction is left out rather than guessed: never for an English
word, a word under four letters, a word written with a capital inside the
sentence (a person's name, and so is a capitalised month: 'Marc' is a name), a guess that starts
with another letter, or a tie; and never into a word that carries meaning (not, fewer, between ...)
unless one letter away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from symspellpy import SymSpell, Verbosity

from resolvers.core.questions import (
    dates,
    filters,
    lexicon,
    matching,
    patterns,
    period_rows,
    subtractions,
)
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.families import family_aliases
from resolvers.core.questions.lookups import capitalised, shield_people

MIN_LENGTH = 4
"""Shorter words are too often abbreviations or names to correct."""


@dataclass(slots=True)
class Reworded:
    text: str
    """The question as the rules will read it: as written (its case kept), rewritten words aside."""
    notes: list[str] = field(default_factory=list)
    """What was read differently from how it was written: "Reading 'novmber' as November"."""
    corrected: dict[str, str] = field(default_factory=dict)
    """Word written -> word read, for the spelling corrections."""
    found: matching.Matches | None = None
    tokens: list[str] = field(default_factory=list)


def _grammar_words() -> set[str]:
    """Every literal word in the grammar's patterns (and optional endings: 'hires?' -> hire)."""
    found: set[str] = set()
    for module in (patterns, dates, filters, period_rows, subtractions):
        for value in vars(module).values():
            if not isinstance(value, re.Pattern):
                continue
            text = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]", " ", value.pattern)
            for match in re.finditer(r"[a-z]{3,}(\?)?", text):
                word = match.group(0).rstrip("?")
                found.add(word)
                if match.group(1):
                    found.add(word[:-1])
    return found


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """The words the engine reads: the schema's, and the literal words of the grammar."""
    english = lexicon.english()
    schema = (
        set(lexicon.FILLER)
        | set(lexicon.MEANING)
        | set(lexicon.NUMBERS)
        | set(lexicon.ORDINALS)
        | set(lexicon.MONTHS)
        | set(lexicon.SEASONS)
        | set(lexicon.KIND_CUES)
        | set(lexicon.UNSUPPORTED)
        | set(lexicon.WRITE_WORDS)
        | {w for phrase in lexicon.NAMED_DAYS for w in phrase}
        | {w for phrase in lexicon.REWRITES for w in phrase}
        | {w for phrase in lexicon.FILLER_PHRASE_LIST for w in phrase}
        | set(patterns.RESERVED)
    )
    grammar = {w for w in _grammar_words() if w in english}
    return frozenset(w for w in schema | grammar if w.isalpha() and len(w) > 1)


@lru_cache(maxsize=1)
def _speller() -> SymSpell:
    english = lexicon.english()
    speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for word in vocabulary():
        speller.create_dictionary_entry(word, english.get(word, 1))
    return speller


def _typo_kind(written: str, meant: str) -> int:
    """How likely a slip: a letter left out (0), two swapped (1), anything else (2)."""
    letters = iter(meant)
    if len(meant) > len(written) and all(c in letters for c in written):
        return 0
    if sorted(written) == sorted(meant):
        return 1
    return 2


def correction(word: str) -> str | None:
    """The vocabulary word a misspelt ``word`` stands for, or None when it is not sure."""
    if len(word) < MIN_LENGTH or not word.isalpha() or word in vocabulary():
        return None
    if word in lexicon.english():
        return None
    reach = 1 if len(word) <= 5 else 2
    found = _speller().lookup(word, Verbosity.CLOSEST, max_edit_distance=reach)
    if not found:
        return None
    slips = [
        (_typo_kind(word, s.term), s.term)
        for s in found
        if s.term[0] == word[0] and _likely_slip(word, s.term, s.distance)
    ]
    if not slips:
        return None
    best = min(kind for kind, _ in slips)
    likely = [term for kind, term in slips if kind == best]
    if len(likely) != 1:
        return None
    meant: str = likely[0]
    if meant in lexicon.MEANING and found[0].distance > 1:
        return None
    return meant


def _likely_slip(written: str, meant: str, distance: int) -> bool:
    """A slip people make, not another word: letters left out, two swapped, or one wrong
    letter in a long word (or a swap beside a letter left out or doubled). Names ('Braden',
    'Thom') are one or two other letters away from many words; a typo rarely is.
    """
    kind = _typo_kind(written, meant)
    if distance == 1:
        return kind < 2 or len(written) >= 6
    return kind == 0 or (len(written) >= 6 and _swap_and_one_more(written, meant))


def _swap_and_one_more(written: str, meant: str) -> bool:
    """Two neighbouring letters swapped, and one letter left out or doubled besides
    ('Novmebr', 'Feburrary'): two slips at once, as people make them in a long word."""
    undoubled = [written[:i] + written[i + 1 :] for i in range(1, len(written))]
    undoubled = [u for i, u in enumerate(undoubled, 1) if written[i] == written[i - 1]]
    for typed in (written, *undoubled):
        for i in range(len(typed) - 1):
            swapped = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2 :]
            if swapped == meant and typed != written:
                return True
            dropped = typed == written and len(swapped) + 1 == len(meant)
            if dropped and _typo_kind(swapped, meant) == 0:
                return True
    return False


_SPANS = re.compile(lexicon.token_pattern())


def _capitalised(question: str) -> set[str]:
    """Words that read as names, never corrected: capitalised inside a sentence, or beside
    another capitalised word ('Gretna Lording' opening a question)."""
    names = set()
    for match in re.finditer(r"(?<=[A-Za-z0-9,;] )[A-Z][a-z]+\b", question):
        names.add(match.group(0).lower())
    for match in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", question):
        names.update(word.lower() for word in match.groups())
    return names


def _protected(
    tokens: list[str], catalog: Catalog, question: str
) -> tuple[set[int], matching.Matches]:
    """Token positions that are names, quoted values or searched-for names."""
    shielded, values = filters.quote_values(tokens)
    _, people = shield_people(list(shielded), catalog, patterns.RESERVED, capitalised(question))
    named = {word for person in people.values() for word in person.name.lower().split()}
    shielded = filters.shield_search_values(shielded, values)
    found = matching.find(shielded, catalog, patterns.RESERVED)
    keep = set(found.consumed) | {i for i, t in enumerate(shielded) if t.startswith("__q")}
    keep |= {i for i, t in enumerate(tokens) if t in named}
    return keep, found


def unsigned(question: str, catalog: Catalog) -> str:
    """The question without a sign-off and the asker's name ('... Many thanks, Priya').

    A name that shares a word with a department or a job ('thanks. Sales') stays:
    it may be part of the question, and reading past it would answer an easier one.
    """
    signed = lexicon.SIGNED.search(question)
    if signed is None or set(signed.group("name").lower().split()) & _name_words(catalog):
        return question
    return question[: signed.start()].rstrip()


@lru_cache(maxsize=4)
def _name_words(catalog: Catalog) -> frozenset[str]:
    names = (*catalog.departments, *catalog.jobs)
    words = {word for name in names for word in lexicon.tokens(name.lower())}
    return frozenset(words.union(*lexicon.NAME_ALIASES))  # 'hr', 'r d': already tokens


def reword(question: str, catalog: Catalog) -> Reworded:
    """The question with rewrites applied and misspelt ordinary words corrected, with notes."""
    question = unsigned(question, catalog)
    cased = lexicon.tidy(question)
    text = cased.lower()
    spaced = lexicon.split_apostrophes(text)
    spans = [m for m in _SPANS.finditer(spaced) if m.group(0) not in lexicon.DROPPED]
    tokens = [m.group(0) for m in spans]
    plain = Reworded(text=question, tokens=tokens)
    if patterns.INJECTION.search(text) or not text.isascii() or len(text) != len(cased):
        return plain
    keep, found = _protected(tokens, catalog, question)
    plain.found = found
    plain.notes = _name_notes(question, tokens, found)
    for family in family_aliases(tokens, catalog):
        if keep & set(range(family.start, family.end)):
            continue
        keep |= set(range(family.start, family.end))
        written = _as_written(question, tuple(tokens[family.start : family.end]))
        plain.notes.append(f"Reading '{written}' as {family.word}.")
    names = _capitalised(question)
    replaced: dict[int, str] = {
        entity.end: "department"
        for entity in found.entities
        if entity.kind == "department"
        and entity.end < len(tokens)
        and tokens[entity.end] in lexicon.DEPARTMENT_AFTER_NAME
    }
    keep |= set(replaced)
    through: dict[int, int] = {}
    """A rewritten phrase's first token -> its last: the whole span is replaced at once."""
    position = 0
    while position < len(tokens):
        length, meant = _rewrite_at(tokens, position, keep)
        if length:
            replaced[position] = " ".join(meant)
            through[position] = position + length - 1  # the signs between go too ('year-over-')
            position += length
            continue
        word = tokens[position]
        fixed = correction(word) if position not in keep else None
        if fixed and (word not in names or _dated_month(fixed, tokens, position)):
            replaced[position] = fixed
            plain.corrected[word] = fixed
            shown = lexicon.MONTH_NAMES[lexicon.MONTHS[fixed]] if fixed in lexicon.MONTHS else fixed
            plain.notes.append(f"Reading '{_as_written(question, (word,))}' as {shown}.")
        position += 1
    if not replaced:
        return plain
    for index in sorted(replaced, reverse=True):
        start, end = spans[index].start(), spans[through.get(index, index)].end()
        cased = cased[:start] + replaced[index] + cased[end:]
    plain.text = " ".join(cased.split())
    plain.tokens = lexicon.tokens(lexicon.normalise(plain.text))
    plain.found = None
    return plain


YEAR = re.compile(r"(?:19|20)\d\d")


def _dated_month(fixed: str, tokens: list[str], position: int) -> bool:
    """'hires in Novemebr 2021': a capitalised slip of a month right before a year is the
    month. Only a slip people make in typing (a letter left out, two swapped, or both), in
    five letters and more: a name one letter off a month ('Julie', 'Marc') stays a name."""
    written = tokens[position]
    if fixed not in lexicon.MONTHS or len(written) < 5 or len(fixed) < 5:
        return False
    slip = _typo_kind(written, fixed) < 2 or _swap_and_one_more(written, fixed)
    after = [t for t in tokens[position + 1 : position + 3] if t != ","][:1]
    return slip and bool(after) and YEAR.fullmatch(after[0]) is not None


def _rewrite_at(tokens: list[str], position: int, keep: set[int]) -> tuple[int, tuple[str, ...]]:
    for phrase, meant in _rewrites_by_length():
        end = position + len(phrase)
        if tuple(tokens[position:end]) == phrase and not keep & set(range(position, end)):
            return len(phrase), meant
    return 0, ()


@lru_cache(maxsize=1)
def _rewrites_by_length() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return sorted(lexicon.REWRITES.items(), key=lambda item: -len(item[0]))


def _name_notes(question: str, tokens: list[str], found: matching.Matches) -> list[str]:
    """Names read from a short name or a misspelling, said back ('HR' as Human Resources)."""
    notes = []
    for entity in found.entities:
        if entity.fuzzy or entity.alias:
            written = _as_written(question, tuple(tokens[entity.start : entity.end]))
            notes.append(f"Reading '{written}' as {entity.name}.")
    return notes


def _as_written(question: str, words: tuple[str, ...]) -> str:
    """The words as the question wrote them ('r d' -> R&D), or as read when not found."""
    pattern = r"\W+".join(re.escape(word) for word in words)
    match = re.search(rf"(?<![A-Za-z0-9]){pattern}(?![A-Za-z0-9])", question, re.IGNORECASE)
    return match.group(0) if match else " ".join(words)


def corrected_words(reworded: Reworded, words: Iterable[str]) -> list[str]:
    """Words as the user wrote them (a corrected word back to its spelling), for a refusal."""
    written = {meant: typed for typed, meant in reworded.corrected.items()}
    return [written.get(word, word) for word in words]
