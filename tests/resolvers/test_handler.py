"""The Lambda handler, fed the events AppSync sends (tests/events/*.json)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from resolvers import handler as lambda_handler
from resolvers.core.tables import Table
from resolvers.envelope import ERROR_KEY
from resolvers.wiring import Services

EVENTS = Path(__file__).resolve().parents[1] / "events"


def event(name: str, **changes: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EVENTS / f"{name}.json").read_text())
    loaded.update(changes)
    return loaded


def test_insert_event_returns_the_verdicts(services: Services, lambda_context: Any) -> None:
    # GIVEN an AppSync event for insertDepartments with a bad and a repeated row
    # WHEN the handler runs it
    result = lambda_handler.handler(event("insert_departments"), lambda_context)
    # THEN good rows are in, and each bad row comes back with its reason
    assert result["inserted"] == 2
    assert [(r["index"], r["reason"]) for r in result["rejected"]] == [
        (2, "INVALID"),
        (3, "DUPLICATE_IN_BATCH"),
    ]
    assert services.warehouse.count(Table.DEPARTMENTS) == 2


def test_insert_logs_the_caller_under_the_request_correlation_id(
    services: Services, lambda_context: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO"):
        lambda_handler.handler(event("insert_departments"), lambda_context)
    written = [r for r in caplog.records if r.getMessage() == "batch inserted"]
    assert [getattr(r, "user", None) for r in written] == ["ana"]
    trace_id = event("insert_departments")["request"]["headers"]["x-amzn-trace-id"]
    assert lambda_handler.logger.get_correlation_id() == trace_id


def test_a_domain_error_comes_back_as_an_envelope_with_its_error_type(
    services: Services, lambda_context: Any
) -> None:
    result = lambda_handler.handler(event("departments_bad_limit"), lambda_context)
    error = result[ERROR_KEY]
    assert error["errorType"] == "ValidationError"
    assert error["errorInfo"]["field"] == "limit"
    assert "between 1 and 1000" in error["message"]


def test_an_unexpected_error_never_leaks_a_traceback(
    services: Services, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret connection string postgres://admin:hunter2@db")

    monkeypatch.setattr(services.warehouse, "page", explode)
    result = lambda_handler.handler(event("departments_bad_limit", arguments={}), lambda_context)
    error = result[ERROR_KEY]
    assert error["errorType"] == "InternalFailure"
    assert "hunter2" not in json.dumps(result)
    assert "Traceback" not in json.dumps(result)
    assert lambda_context.aws_request_id in error["message"]


def test_batched_reference_fields_resolve_a_whole_page_in_one_call(
    services: Services, lambda_context: Any
) -> None:
    lambda_handler.handler(event("insert_departments"), lambda_context)
    base = event("departments_bad_limit")
    batch = []
    for department_id in (1, None, 2, 77):
        item = copy.deepcopy(base)
        item["arguments"] = {}
        item["source"] = {"id": 5, "departmentId": department_id}
        item["info"].update(parentTypeName="Employee", fieldName="department")
        batch.append(item)
    assert lambda_handler.handler(batch, lambda_context) == [
        {"id": 1, "department": "Engineering"},
        None,
        {"id": 2, "department": "Sales"},
        None,
    ]


def test_me_reports_the_cognito_identity(services: Services, lambda_context: Any) -> None:
    me = event("departments_bad_limit", arguments={})
    me["info"].update(fieldName="me")
    assert lambda_handler.handler(me, lambda_context) == {"username": "vic", "groups": ["Viewers"]}
