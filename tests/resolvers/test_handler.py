"""The Lambda handler, fed the events AppSync sends (tests/events/*.json)."""

from __future__ import annotations

import copy
import io
import json
import logging
import threading
from pathlib import Path
from typing import Any

import pytest

from resolvers import deadline
from resolvers import handler as lambda_handler
from resolvers.core import ingest
from resolvers.core.tables import Table
from resolvers.envelope import ERROR_KEY
from resolvers.wiring import Services
from tests.conftest import FakeLambdaContext

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


def test_an_event_without_a_trace_header_keeps_no_earlier_correlation_id(
    services: Services, lambda_context: Any
) -> None:
    # The correlation id is each event's AppSync trace header: one without it (no header,
    # or a BatchInvoke's list of events) must not log under the previous invocation's id.
    lambda_handler.handler(event("insert_departments"), lambda_context)
    assert lambda_handler.logger.get_correlation_id() is not None
    untraced = event("insert_departments")
    del untraced["request"]["headers"]["x-amzn-trace-id"]
    lambda_handler.handler(untraced, lambda_context)
    assert lambda_handler.logger.get_correlation_id() is None
    lambda_handler.handler(event("insert_departments"), lambda_context)
    lambda_handler.handler([event("insert_departments")], lambda_context)
    assert lambda_handler.logger.get_correlation_id() is None


def test_invocations_at_once_each_log_their_own_request_and_correlation_ids(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The local server runs invocations in threads at once. Both get past powertools'
    # (process-wide) key setting before either logs: each line must still carry its own ids.
    both_started = threading.Barrier(2, timeout=30)
    real_insert = ingest.insert_batch

    def insert_after_both_started(*args: Any, **kwargs: Any) -> Any:
        both_started.wait()
        return real_insert(*args, **kwargs)

    monkeypatch.setattr(ingest, "insert_batch", insert_after_both_started)
    calls = []
    for n in (1, 2):
        called = event("insert_departments")
        called["request"]["headers"]["x-amzn-trace-id"] = f"Root=1-trace-{n}"
        called["arguments"]["rows"] = [{"id": 10 * n, "department": f"D{n}"}]
        calls.append((called, FakeLambdaContext(aws_request_id=f"request-{n}")))
    # Lines formatted as they are written, in the thread that writes them (as CloudWatch gets them).
    written = io.StringIO()
    catcher = logging.StreamHandler(written)
    catcher.setFormatter(lambda_handler.logger.registered_formatter)
    service_logger = logging.getLogger(lambda_handler.logger.name)
    service_logger.addHandler(catcher)
    try:
        threads = [threading.Thread(target=lambda_handler.handler, args=call) for call in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        service_logger.removeHandler(catcher)

    lines = [json.loads(line) for line in written.getvalue().splitlines() if line.strip()]
    inserted = [line for line in lines if line.get("message") == "batch inserted"]
    assert sorted((line["function_request_id"], line["correlation_id"]) for line in inserted) == [
        ("request-1", "Root=1-trace-1"),
        ("request-2", "Root=1-trace-2"),
    ]


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


def test_a_request_has_the_time_appsync_waits_less_what_answering_needs(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AppSync waits 30 s from before the function runs; a 29 s Lambda must stop sooner."""
    seen: list[float] = []

    def resolve(event: Any, context: Any) -> dict[str, Any]:
        scope = deadline.current()
        assert scope is not None
        seen.append(scope.remaining_seconds())
        return {}

    monkeypatch.setattr(lambda_handler.app, "resolve", resolve)
    lambda_handler.handler(event("insert_departments"), FakeLambdaContext())  # 29 s left
    short = FakeLambdaContext()
    monkeypatch.setattr(short, "get_remaining_time_in_millis", lambda: 10_000)
    lambda_handler.handler(event("insert_departments"), short)

    assert 20.0 < seen[0] <= deadline.REQUEST_SECONDS
    assert seen[1] <= 10.0 - deadline.API_MARGIN_SECONDS
