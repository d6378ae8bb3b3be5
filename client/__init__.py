"""The hrgraph Python client: ``HrClient`` over GraphQL, typed results and typed errors."""

from client.api import HrClient, TokenProvider
from client.errors import (
    ApiError,
    Conflict,
    ConnectionFailed,
    Forbidden,
    InternalFailure,
    NotFound,
    Unauthorized,
    Unavailable,
    ValidationError,
)
from client.models import InsertResult, RejectedRow, RejectReason, Table

__all__ = [
    "ApiError",
    "Conflict",
    "ConnectionFailed",
    "Forbidden",
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
