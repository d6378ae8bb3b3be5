"""A pytest plugin that records every AWS request the code under test makes.

Loaded with ``-p tests.deploy.request_recorder`` by test_lambda_botocore.py, which
runs the resolver tests once more with it and then validates what was recorded
against the botocore the Lambda zip ships. Two doors are watched:

- botocore's own clients (moto's S3, Stubber'd Bedrock, anything boto3 builds):
  ``BaseClient._make_api_call`` sees every operation, paginators' pages included;
- the fake Data API (``FakeRedshiftData``), which takes requests without botocore:
  its ``_accept`` sees each one before it validates it.

The requests are pickled (plain builtins only: streams become their bytes) to the
file named by HRGRAPH_RECORD_REQUESTS when the session ends.
"""

from __future__ import annotations

import datetime
import os
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from botocore.client import BaseClient
from botocore.exceptions import ParamValidationError

from resolvers.adapters.fakes.redshift_data import FakeRedshiftData

Request = tuple[str, str, Any]
"""(service name, operation name, parameters)."""

_recorded: list[Request] = []


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
        _recorded.append(("redshift-data", operation, plain(request)))

    BaseClient._make_api_call = make_api_call  # type: ignore[attr-defined]
    FakeRedshiftData._accept = accept  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session) -> None:
    Path(os.environ["HRGRAPH_RECORD_REQUESTS"]).write_bytes(pickle.dumps(_recorded))
