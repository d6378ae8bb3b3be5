"""Levels of job titles as a question names them: one level, several, a range, or a bound.

A title's level is the I, II, III or IV that ends it ("Accountant III"). People
name levels as one ("level 3"), a list ("levels III and IV"), a range ("levels
I to III"), a bound ("above level II", "level 2 and up", "at most level II") or
by seniority ("the senior levels": III and IV; "junior levels": I and II). Each
is read here as the set of levels it names; filters.py turns that set into the
titles at those levels (a family, said in the reading), and narrows it with a job
family named beside it ("software engineers above level II").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN = ("I", "II", "III", "IV", "V", "VI")
_NUMBERS = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI"}
_L = r"(?:iv|vi|v|iii|ii|i|[1-6])"
_LV = r"(?:levels?|grades?|lvls?)"
_LIST = rf"(?P<x>{_L})(?P<more>(?: (?:,|and|or|, and|, or|&) (?:{_LV} )?{_L})+)"
SENIOR = ("III", "IV")
JUNIOR = ("I", "II")

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("above", rf"\b(?:above|over|beyond|past|higher than|more senior than) (?:the )?{_LV}"
         rf" (?P<x>{_L})\b"),
        ("from", rf"\b(?:at least|minimum|min) (?:the )?{_LV} (?P<x>{_L})\b"),
        ("from", rf"\b{_LV} (?P<x>{_L}) (?:and|or|,) (?:above|up|higher|over|more senior)\b"),
        ("below", rf"\b(?:below|under|beneath|lower than|more junior than|less senior than)"
         rf" (?:the )?{_LV} (?P<x>{_L})\b"),
        ("to", rf"\b(?:at most|up to|maximum|max) (?:the )?{_LV} (?P<x>{_L})\b"),
        ("to", rf"\b{_LV} (?P<x>{_L}) (?:and|or|,) (?:below|under|lower|down|less senior)\b"),
        ("range", rf"\b{_LV} (?P<x>{_L}) (?:to|through|thru|-) (?:{_LV} )?(?P<y>{_L})\b"),
        ("senior", rf"\b(?:the )?(?:senior|upper|higher) {_LV}(?: {_LIST})?\b"),
        ("junior", rf"\b(?:the )?(?:junior|lower) {_LV}(?: {_LIST})?\b"),
        ("list", rf"\b{_LV} {_LIST}\b"),
        ("one", rf"\b{_LV} (?P<x>{_L})\b"),
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class LevelWords:
    """Tokens [start, end) of the question that name these levels."""

    start: int
    end: int
    levels: tuple[str, ...]

    @property
    def word(self) -> str:
        """'level III', 'level III or IV': how the reading says them."""
        if len(self.levels) == 1:
            return f"level {self.levels[0]}"
        return f"level {', '.join(self.levels[:-1])} or {self.levels[-1]}"


def _roman(token: str) -> str:
    return _NUMBERS.get(token, token.upper())


def _named(kind: str, match: re.Match[str], known: tuple[str, ...]) -> tuple[str, ...]:
    """The levels (of those titles have: ``known``) that one phrase names."""
    groups = match.groupdict()
    x = _roman(groups["x"]) if groups.get("x") else None
    order = [level for level in ROMAN if level in known]
    if kind in ("senior", "junior", "list") and x is not None:
        listed = [x, *(_roman(t) for t in re.findall(_L, groups.get("more") or ""))]
        return tuple(level for level in order if level in listed)
    if kind in ("senior", "junior"):
        return tuple(level for level in order if level in (SENIOR if kind == "senior" else JUNIOR))
    assert x is not None
    rank = ROMAN.index(x)
    if kind == "range":
        last = ROMAN.index(_roman(groups["y"]))
        return tuple(level for level in order if rank <= ROMAN.index(level) <= last)
    low, high = {
        "above": (rank + 1, len(ROMAN)),
        "from": (rank, len(ROMAN)),
        "below": (0, rank - 1),
        "to": (0, rank),
        "one": (rank, rank),
    }[kind]
    return tuple(level for level in order if low <= ROMAN.index(level) <= high)


def find(tokens: list[str], known: tuple[str, ...]) -> list[LevelWords]:
    """Every phrase of the tokens naming levels, with the levels (among ``known``) it names.

    A phrase naming no level titles have ('above level IV') is left unread, for the
    question to be refused naming its words.
    """
    text = " ".join(tokens)
    taken: list[tuple[int, int]] = []
    found: list[LevelWords] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            levels = _named(kind, match, known)
            taken.append((start, end))  # 'above level IV' is no 'level IV', even unread
            if not levels:
                continue
            first = text[:start].count(" ")
            found.append(LevelWords(first, first + match.group(0).count(" ") + 1, levels))
    return sorted(found, key=lambda f: f.start)
