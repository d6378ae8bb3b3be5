"""The error envelope: how an error crosses from the Lambda to the client intact.

A direct Lambda resolver that raises reaches clients as errorType
"Lambda:Unhandled"; our errorType would be lost. So the handler *returns* the
error under one key, and a small APPSYNC_JS response handler in AppSync (and
the local server, identically) turns it into a GraphQL error with
``util.error(message, errorType, null, errorInfo)``.
"""

from __future__ import annotations

from typing import Any

ERROR_KEY = "__hrgraphError"


def error_envelope(
    error_type: str, message: str, info: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {ERROR_KEY: {"errorType": error_type, "message": message, "errorInfo": info or {}}}


def unwrap_error(result: Any) -> dict[str, Any] | None:
    """The error inside a handler result, or None for an ordinary result."""
    if isinstance(result, dict) and ERROR_KEY in result:
        error: dict[str, Any] = result[ERROR_KEY]
        return error
    return None
