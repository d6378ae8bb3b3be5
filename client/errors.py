"""Every way an API call can fail, as the client sees it: one tree, one class per errorType.

    ApiError                     errorType         what the caller should do
    ├── ValidationError          ValidationError   fix the named field and retry
    ├── Unauthorized             Unauthorized      sign in (again), or ask an admin for a group
    ├── NotFound                 NotFound          check the id
    ├── Conflict                 Conflict          resolve what blocks it (references, races)
    ├── Unavailable              Unavailable       retry later
    │   └── ConnectionFailed     Unavailable       the server could not be reached at all
    └── InternalFailure          InternalFailure   a bug on the server; quote the request id

Signing in talks to the identity provider (the local issuer or Cognito), not
to the API, so its failures are a tree of their own:

    SignInFailed                 refused (password, code, policy) or unreachable
    └── ChallengeRequired        Cognito wants one more answer: a new password, an MFA
                                 code, or an authenticator to set up (``challenge``)

The server (AppSync in AWS, the local server on a laptop) puts ``errorType``
at the top level of each GraphQL error; ``from_graphql_error`` turns one such
error into the matching class, so callers catch ``NotFound`` rather than
comparing strings. A caller outside a field's groups gets ``Unauthorized``,
as AppSync answers it (there is no separate "forbidden" type). An errorType
this client does not know stays an ``ApiError`` with the type kept in
``error_type``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from client.models import Challenge


class ApiError(Exception):
    """Base of every error the client raises for a failed call."""

    error_type_name: ClassVar[str] = "ApiError"

    def __init__(
        self,
        message: str,
        *,
        error_type: str | None = None,
        info: Mapping[str, Any] | None = None,
        path: list[str | int] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.error_type = error_type or self.error_type_name
        self.info: dict[str, Any] = dict(info or {})
        self.path: list[str | int] = list(path or [])

    def __str__(self) -> str:
        return f"{self.error_type}: {self.message}"


class ValidationError(ApiError):
    """The request broke a rule; ``field`` names the field when the server said which."""

    error_type_name = "ValidationError"

    @property
    def field(self) -> str | None:
        value = self.info.get("field")
        return None if value is None else str(value)


class Unauthorized(ApiError):
    error_type_name = "Unauthorized"


class NotFound(ApiError):
    error_type_name = "NotFound"


class Conflict(ApiError):
    error_type_name = "Conflict"


class Unavailable(ApiError):
    error_type_name = "Unavailable"


class ConnectionFailed(Unavailable):
    """No answer at all: the server is down, the address is wrong, or the network failed."""

    error_type_name = "Unavailable"


class InternalFailure(ApiError):
    error_type_name = "InternalFailure"


_BY_ERROR_TYPE: dict[str, type[ApiError]] = {
    cls.error_type_name: cls
    for cls in (
        ValidationError,
        Unauthorized,
        NotFound,
        Conflict,
        Unavailable,
        InternalFailure,
    )
}
# What AppSync itself answers before our resolvers run (bad or missing token, group check).
_BY_ERROR_TYPE["UnauthorizedException"] = Unauthorized
_BY_ERROR_TYPE["Lambda:Unhandled"] = InternalFailure


def error_class(error_type: str | None) -> type[ApiError]:
    """The class for an errorType; ApiError itself for one this client does not know."""
    return _BY_ERROR_TYPE.get(error_type or "", ApiError)


def from_graphql_error(error: Mapping[str, Any]) -> ApiError:
    """One GraphQL error object (AppSync's shape) as a typed exception."""
    error_type = error.get("errorType")
    if not isinstance(error_type, str):
        error_type = None
    info = error.get("errorInfo")
    path = error.get("path")
    cls = error_class(error_type)
    return cls(
        str(error.get("message") or "the server reported an error without a message"),
        error_type=error_type,
        info=info if isinstance(info, Mapping) else None,
        path=list(path) if isinstance(path, list) else None,
    )


def from_http_status(status: int, message: str) -> ApiError:
    """An HTTP failure with no GraphQL errors in its body (a proxy or gateway answered)."""
    if status in (401, 403):
        return Unauthorized(message)
    if status in (429, 502, 503, 504):
        return Unavailable(message)
    if status >= 500:
        return InternalFailure(message)
    return ApiError(message, error_type=f"HTTP {status}")


class SignInFailed(Exception):
    """The identity provider refused the sign-in (or a reset), or could not be reached."""


class ChallengeRequired(SignInFailed):
    """Cognito accepted what it was given and asks for one more answer before any tokens.

    Callers that know challenges answer ``challenge`` (TokenProvider.respond);
    older callers see a SignInFailed whose message says what is asked.
    """

    def __init__(self, challenge: Challenge) -> None:
        super().__init__(f"Cognito asks for {challenge.asks}")
        self.challenge = challenge
