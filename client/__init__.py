"""The hrgraph Python client: ``HrClient`` over GraphQL, typed results and typed errors.

Names are imported on first use, so a command that never talks HTTP (``hrgraph
demo-data``) does not pay for importing gql and httpx.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from client.api import HrClient, TokenProvider
    from client.errors import (
        ApiError,
        Conflict,
        ConnectionFailed,
        InternalFailure,
        NotFound,
        Unauthorized,
        Unavailable,
        ValidationError,
    )
    from client.models import InsertResult, RejectedRow, RejectReason, Table

_HOMES = {
    "HrClient": "client.api",
    "TokenProvider": "client.api",
    **dict.fromkeys(
        [
            "ApiError",
            "Conflict",
            "ConnectionFailed",
            "InternalFailure",
            "NotFound",
            "Unauthorized",
            "Unavailable",
            "ValidationError",
        ],
        "client.errors",
    ),
    **dict.fromkeys(["InsertResult", "RejectedRow", "RejectReason", "Table"], "client.models"),
}

__all__ = [
    "ApiError",
    "Conflict",
    "ConnectionFailed",
    "HrClient",
    "InsertResult",
    "InternalFailure",
    "NotFound",
    "RejectReason",
    "RejectedRow",
    "Table",
    "TokenProvider",
    "Unauthorized",
    "Unavailable",
    "ValidationError",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'client' has no attribute {name!r}")
    return getattr(import_module(home), name)
