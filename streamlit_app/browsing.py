"""Paging through a table the API's way: forward with nextToken, back through the tokens seen."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Pager:
    """The nextTokens of the pages visited so far; index 0 is the first page (token None)."""

    signature: str
    tokens: list[str | None] = field(default_factory=lambda: [None])
    index: int = 0

    @property
    def token(self) -> str | None:
        return self.tokens[self.index]

    @property
    def number(self) -> int:
        return self.index + 1

    def forward(self, next_token: str | None) -> None:
        if next_token is None:
            return
        del self.tokens[self.index + 1 :]
        self.tokens.append(next_token)
        self.index += 1

    def back(self) -> None:
        self.index = max(0, self.index - 1)


def pager(state: MutableMapping[str, Any], key: str, signature: str) -> Pager:
    """The pager kept in session state; a new table, filter or page size starts at page 1."""
    current = state.get(key)
    if not isinstance(current, Pager) or current.signature != signature:
        current = Pager(signature)
        state[key] = current
    return current
