"""A pytest plugin that records every AWS request the adapter tests make.

tests/conftest.py loads it in every session. test_lambda_botocore.py validates
what it recorded against the botocore the Lambda zip ships: the test is moved to
the end of the session, after the adapter tests (tests/resolvers/adapters) have
run, so a full run records them once instead of running them a second time. A
run that holds too few of them (one file, ``-k``) makes the test run them in a
process of its own, which writes its record to the file named by
HRGRAPH_RECORD_REQUESTS when its session ends. Two doors are watched:

- botocore's own clients (moto's S3, Stubber'd Bedrock, anything boto3 builds):
  ``BaseClient._make_api_call`` sees every operation, paginators' pages included;
- the fake Data API (``FakeRedshiftData``), which takes requests without botocore:
  its ``_accept`` sees each one before it validates it.

Only requests made while an adapter test runs (its fixtures' setup included)
count: those tests drive every AWS client the Lambda builds, while others drive
the CLI's (Cognito), which the zip does not ship. Requests are kept as plain builtins
(streams become a marker) so that the validator's interpreter can unpickle them.
"""

from __future__ import annotations

import datetime
import os
import pickle
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from botocore.client import BaseClient
from botocore.exceptions import ParamValidationError

from hrgraph_testing.redshift_data import FakeRedshiftData

Request = tuple[str, str, Any]
"""(service name, operation name, parameters)."""

RECORDED = "tests/resolvers/adapters/"
NOT_RECORDED = "tests/resolvers/adapters/test_redshift_locks.py"
"""Reads behind LOCKs send nothing the other adapter tests do not."""

_recorded: list[Request] = []
_recording = False


def recorded() -> list[Request]:
    """What this session's adapter tests sent so far."""
    return list(_recorded)


def _watched(item: pytest.Item) -> bool:
    return item.nodeid.startswith(RECORDED) and not item.nodeid.startswith(NOT_RECORDED)


def plain(value: Any) -> Any:
    """The request as builtins the validator's interpreter can unpickle."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, str | bytes | bool | int | float | Decimal | datetime.datetime | None):
        return value
    if isinstance(value, bytearray):
        return bytes(value)
    if hasattr(value, "read"):
        return b"<a stream>"  # a blob member: botocore accepts bytes or a file-like object
    return f"<{type(value).__name__}>"  # anything else is a type botocore would refuse


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    original_call = BaseClient._make_api_call  # type: ignore[attr-defined]
    original_accept = FakeRedshiftData._accept

    def make_api_call(self: BaseClient, operation_name: str, api_params: Any) -> Any:
        if not _recording:
            return original_call(self, operation_name, api_params)
        request = (self.meta.service_model.service_name, operation_name, plain(api_params))
        try:
            response = original_call(self, operation_name, api_params)
        except ParamValidationError:
            raise  # refused before sending (a test of bad input): not a request that was sent
        except Exception:
            _recorded.append(request)  # sent, and the service (or moto, or Stubber) said no
            raise
        _recorded.append(request)
        return response

    def accept(self: FakeRedshiftData, operation: str, request: dict[str, Any]) -> None:
        original_accept(self, operation, request)  # what the dev botocore refuses is not sent
        if _recording:
            _recorded.append(("redshift-data", operation, plain(request)))

    BaseClient._make_api_call = make_api_call  # type: ignore[attr-defined]
    FakeRedshiftData._accept = accept  # type: ignore[method-assign]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that read the record run last, after every test that adds to it."""
    readers = [item for item in items if "recorded_requests" in getattr(item, "fixturenames", ())]
    for item in readers:
        items.remove(item)
    items.extend(readers)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    global _recording
    _recording = _watched(item)
    try:
        yield
    finally:
        _recording = False


def pytest_sessionfinish(session: pytest.Session) -> None:
    destination = os.environ.get("HRGRAPH_RECORD_REQUESTS")
    if destination:
        Path(destination).write_bytes(pickle.dumps(_recorded))
