"""Every way a call into the core can fail, as one tree.

    HrgraphError                 errorType        what the caller should do
    ├── ValidationError          ValidationError  fix the named field and retry
    │   └── InvalidQuery         ValidationError  a typed question (HrQuery) breaks a rule
    ├── Unauthorized             Unauthorized     sign in (again), or ask an admin for a group
    ├── NotFound                 NotFound         check the id
    ├── Conflict                 Conflict         resolve what blocks it (references, races)
    └── Unavailable              Unavailable      retry later: a dependency is down or slow

There is no separate "forbidden" type: AppSync answers a caller outside a
field's Cognito groups with ``Unauthorized`` too, and both doors must agree.

Each class knows its GraphQL ``errorType``; the handler maps them to errors in
exactly one place, so clients see the same ``errorType`` in AWS as locally.
"""

from __future__ import annotations

from typing import Any, ClassVar


class HrgraphError(Exception):
    """Base of every error the API reports on purpose."""

    error_type: ClassVar[str] = "InternalFailure"

    def __init__(self, message: str, *, info: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.info: dict[str, Any] = info or {}


class ValidationError(HrgraphError):
    """The request breaks a rule; ``info['field']`` names the field when there is one."""

    error_type = "ValidationError"

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}", info={"field": field, "rule": rule})
        self.field = field
        self.rule = rule


class InvalidQuery(ValidationError):
    """An HrQuery (from a model's tool call, say) that does not validate; ``field`` is its path."""


class Unauthorized(HrgraphError):
    error_type = "Unauthorized"


class NotFound(HrgraphError):
    error_type = "NotFound"


class Conflict(HrgraphError):
    error_type = "Conflict"


class Unavailable(HrgraphError):
    error_type = "Unavailable"


ERROR_TYPES: tuple[type[HrgraphError], ...] = (
    ValidationError,
    Unauthorized,
    NotFound,
    Conflict,
    Unavailable,
)
