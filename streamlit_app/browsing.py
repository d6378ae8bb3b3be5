"""Browsing a table: paging the API's way (forward with nextToken, back through the tokens
seen) and the employee filter's typed dates."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import date
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


DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def typed_date(text: str, label: str) -> date | None:
    """A date typed as YYYY-MM-DD, or None when the box is empty.

    The Data page's date filters are plain text boxes rather than
    ``st.date_input``: focusing Streamlit's date field opens its calendar, and
    a typed date applied only once that calendar closed. A text box applies on
    Enter (or leaving it) and opens nothing. Anything else is refused with the
    field's name and the rule, before any call.
    """
    text = text.strip()
    if not text:
        return None
    if not DATE_SHAPE.fullmatch(text):
        raise ValueError(f"{label}: type a date as YYYY-MM-DD, e.g. 2021-03-01 (not “{text}”).")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{label}: {text} is not a day on the calendar.") from None


def date_window(since: date | None, until: date | None) -> None:
    """Refuse an empty window (the API would): "Hired before" must come after "Hired from"."""
    if since is not None and until is not None and until <= since:
        raise ValueError(
            f"Hired before ({until}) must be a later day than Hired from ({since}): "
            "no one can be hired in that window."
        )
