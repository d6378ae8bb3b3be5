"""Opaque page tokens: keyset cursors a client passes back unchanged.

A token remembers the table, the last id seen and the filters it was made
for, so it cannot silently be replayed against another query.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

from resolvers.core.errors import ValidationError

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


def page_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError("limit", f"must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def encode(scope: str, after_id: int, query: str = "") -> str:
    payload = {"s": scope, "a": after_id, "q": _digest(query)}
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token: str | None, scope: str, query: str = "") -> int:
    """The id to continue after; 0 for the first page."""
    if token is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        payload = json.loads(raw)
        after = payload["a"]
        matches = payload["s"] == scope and payload["q"] == _digest(query)
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise ValidationError("nextToken", "is not a token this API issued") from None
    if not matches or not isinstance(after, int) or after < 0:
        raise ValidationError("nextToken", "was issued for another query")
    return after


def _digest(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()[:16]
