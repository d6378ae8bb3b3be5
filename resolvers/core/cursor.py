"""Opaque page tokens: signed keyset cursors a client passes back unchanged.

A token says where a page ended (the last id seen), for which table or
listing and which filter, and when it was issued; an HMAC-SHA256 over all of
that, keyed by a secret only the API holds (``PageTokens.key``, from
Settings.page_token_secret_arn in AWS, a generated file locally), makes it
unforgeable. So a client can neither skip ahead by editing a token nor
replay one against another query, and an old one runs out: each is a
ValidationError naming ``nextToken``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from resolvers.core.errors import ValidationError

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000

MAX_AGE_SECONDS = 24 * 3600
"""A token older than this is stale: start again from the first page."""

MIN_KEY_BYTES = 32
"""HMAC-SHA256 wants a key at least as long as its output."""

FORGED = "is not a token this API issued"
OTHER_QUERY = "was issued for another query"
STALE = "has expired; start again from the first page"

Position = int | str
"""Where a page ended: the last id of a table, or the last backup id of a listing."""


def page_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("limit", f"must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


@dataclass(frozen=True)
class PageTokens:
    """Issues and checks the tokens of one API (one key); ``clock`` is for tests."""

    key: bytes = field(repr=False)
    clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        if len(self.key) < MIN_KEY_BYTES:
            raise ValueError(f"a page-token key needs at least {MIN_KEY_BYTES} bytes")

    def encode(self, scope: str, after: Position, query: str = "") -> str:
        payload = {"s": scope, "a": after, "q": _digest(query), "t": int(self.clock())}
        raw = json.dumps(payload, separators=(",", ":")).encode()
        return f"{_b64(raw)}.{_b64(self._sign(raw))}"

    def decode(self, token: str | None, scope: str, query: str = "") -> Position | None:
        """Where to continue after; None for the first page (no token)."""
        if token is None:
            return None
        body, _, signature = token.partition(".")
        try:
            raw = _unb64(body)
            genuine = hmac.compare_digest(_unb64(signature), self._sign(raw))
            payload = json.loads(raw) if genuine else None
        except (binascii.Error, ValueError):
            genuine = False
        if not genuine or not isinstance(payload, dict):
            raise ValidationError("nextToken", FORGED)
        after, issued = payload.get("a"), payload.get("t")
        if payload.get("s") != scope or payload.get("q") != _digest(query):
            raise ValidationError("nextToken", OTHER_QUERY)
        if not isinstance(issued, int) or not isinstance(after, int | str):
            raise ValidationError("nextToken", FORGED)
        if not 0 <= self.clock() - issued <= MAX_AGE_SECONDS:
            raise ValidationError("nextToken", STALE)
        return after

    def decode_id(self, token: str | None, scope: str, query: str = "") -> int:
        """The table id to continue after; 0 for the first page."""
        after = self.decode(token, scope, query)
        if after is None:
            return 0
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            raise ValidationError("nextToken", FORGED)
        return after

    def _sign(self, raw: bytes) -> bytes:
        return hmac.new(self.key, raw, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _digest(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()[:16]
