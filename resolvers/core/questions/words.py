"""A question as a line of tokens that rules consume, so what no rule read can be named.

Tokens are joined by single spaces; a rule searches the line and ``take``
blanks what it used (keeping every other token's position). What is left at
the end must be filler, or the question meant something no rule understood.
"""

from __future__ import annotations

import re


class Words:
    def __init__(self, tokens: list[str]) -> None:
        self.text = " " + " ".join(tokens) + " "

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        return pattern.search(self.text)

    def match_at(self, pattern: re.Pattern[str], position: int) -> re.Match[str] | None:
        """The pattern starting at ``position`` (spaces skipped), or None."""
        while position < len(self.text) and self.text[position] == " ":
            position += 1
        return pattern.match(self.text, position)

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.text) is not None

    def take(self, match: re.Match[str], *groups: str | int) -> None:
        """Blank the match (or only the named groups of it)."""
        for group in groups or (0,):
            start, end = match.span(group)
            if start >= 0:
                self.text = self.text[:start] + " " * (end - start) + self.text[end:]

    def take_all(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        found = []
        while match := self.search(pattern):
            found.append(match)
            self.take(match)
        return found

    def drop_all(self, pattern: re.Pattern[str]) -> None:
        """Remove every match and close the gap (only before any rule has taken words).

        For filler phrases: the words around them then read as neighbours.
        """
        self.text = " " + " ".join(pattern.sub(" ", self.text).split()) + " "

    def left(self) -> list[str]:
        return self.text.split()
