"""The client turns each errorType the server sends into one exception class."""

from __future__ import annotations

import pytest

from client import errors
from resolvers.core.errors import ERROR_TYPES, HrgraphError


@pytest.mark.parametrize("server_error", ERROR_TYPES, ids=lambda cls: cls.error_type)
def test_every_server_error_type_has_its_own_client_class(
    server_error: type[HrgraphError],
) -> None:
    raised = errors.from_graphql_error(
        {"errorType": server_error.error_type, "message": "m", "errorInfo": None}
    )
    assert type(raised).__name__ == server_error.__name__
    assert raised.error_type == server_error.error_type


def test_a_validation_error_keeps_the_field_the_rule_and_the_path() -> None:
    raised = errors.from_graphql_error(
        {
            "errorType": "ValidationError",
            "message": "limit: must be between 1 and 1000, got 0",
            "errorInfo": {"field": "limit", "rule": "must be between 1 and 1000, got 0"},
            "path": ["departments"],
            "locations": [{"line": 1, "column": 3, "sourceName": None}],
            "data": None,
        }
    )
    assert isinstance(raised, errors.ValidationError)
    assert raised.field == "limit"
    assert raised.path == ["departments"]
    assert str(raised) == "ValidationError: limit: must be between 1 and 1000, got 0"


def test_internal_failures_and_appsync_refusals_are_typed_too() -> None:
    assert isinstance(
        errors.from_graphql_error({"errorType": "InternalFailure", "message": "x"}),
        errors.InternalFailure,
    )
    assert isinstance(
        errors.from_graphql_error({"errorType": "UnauthorizedException", "message": "x"}),
        errors.Unauthorized,
    )


def test_an_unknown_error_type_stays_an_api_error_with_its_type() -> None:
    raised = errors.from_graphql_error({"errorType": "Lambda:Timeout", "message": "slow"})
    assert type(raised) is errors.ApiError
    assert raised.error_type == "Lambda:Timeout"


def test_an_error_without_type_or_message_is_still_an_api_error() -> None:
    raised = errors.from_graphql_error({})
    assert type(raised) is errors.ApiError
    assert raised.message


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (401, errors.Unauthorized),
        (403, errors.Unauthorized),
        (503, errors.Unavailable),
        (500, errors.InternalFailure),
        (404, errors.ApiError),
    ],
)
def test_http_failures_without_graphql_errors_map_by_status(
    status: int, expected: type[errors.ApiError]
) -> None:
    assert type(errors.from_http_status(status, "gateway said no")) is expected


def test_a_connection_failure_is_a_kind_of_unavailable() -> None:
    assert issubclass(errors.ConnectionFailed, errors.Unavailable)
