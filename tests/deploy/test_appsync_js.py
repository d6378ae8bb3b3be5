"""The APPSYNC_JS resolver and the Lambda handler fit together, as AppSync runs them:
request handler -> the handler's event -> handler result -> response handler."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from resolvers import wiring
from resolvers.core.errors import Unavailable
from resolvers.handler import handler
from resolvers.routes import tables
from tests.conftest import FakeLambdaContext
from tests.deploy import appsync_js
from tests.deploy.conftest import ROOT

pytestmark = pytest.mark.skipif(appsync_js.node() is None, reason="node is not installed")

IDENTITY = {
    "sub": "a1b2",
    "username": "ada",
    "groups": ["Admins"],
    "claims": {"cognito:username": "ada", "cognito:groups": ["Admins"]},
    "issuer": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_test",
    "sourceIp": ["203.0.113.9"],
    "defaultAuthStrategy": "ALLOW",
}


def appsync_ctx(
    parent: str, field: str, arguments: dict[str, Any], source: Any = None
) -> dict[str, Any]:
    """The ctx AppSync hands a unit resolver (the fields our request handler reads)."""
    return {
        "arguments": arguments,
        "args": arguments,
        "identity": IDENTITY,
        "source": source,
        "info": {
            "fieldName": field,
            "parentTypeName": parent,
            "variables": {},
            "selectionSetList": ["id", "department"],
            "selectionSetGraphQL": "{\n  id\n  department\n}",
        },
        "request": {"headers": {"x-amzn-trace-id": "Root=1-abc-def", "host": "api.example"}},
        "prev": None,
        "stash": {},
    }


def through_appsync(ctx: dict[str, Any], tmp_path: Path) -> tuple[dict[str, Any], Any]:
    """(request handler's output, response handler's answer) around the real handler."""
    (request,) = appsync_js.run([("request", ctx)], tmp_path)
    invocation = request["value"]
    result = handler(invocation["payload"], FakeLambdaContext())
    (answer,) = appsync_js.run([("response", {**ctx, "result": result, "error": None})], tmp_path)
    return invocation, answer


def test_a_query_reaches_the_handler_and_its_result_comes_back(tmp_path: Path) -> None:
    invocation, answer = through_appsync(appsync_ctx("Query", "me", {}), tmp_path)

    assert invocation["operation"] == "Invoke"
    assert answer == {"value": {"username": "ada", "groups": ["Admins"]}}


def test_a_domain_error_reaches_the_client_with_its_error_type(
    tmp_path: Path, services: wiring.Services
) -> None:
    ctx = appsync_ctx("Mutation", "updateDepartment", {"id": 404, "department": "Nowhere"})

    _, answer = through_appsync(ctx, tmp_path)

    error = answer["error"]
    assert error["errorType"] == "NotFound"
    assert "404" in error["message"]
    assert "Traceback" not in error["message"]


def test_batched_fields_are_invoked_as_one_batch(tmp_path: Path, services: wiring.Services) -> None:
    handler(
        appsync_ctx("Mutation", "insertDepartments", {"rows": [{"id": 1, "department": "Ops"}]}),
        FakeLambdaContext(),
    )
    sources = [{"id": 10, "departmentId": 1}, {"id": 11, "departmentId": None}]
    contexts = [appsync_ctx("Employee", "department", {}, source) for source in sources]

    requests = appsync_js.run([("request", ctx) for ctx in contexts], tmp_path)
    # AppSync gathers the payloads of a BatchInvoke into one list for one invocation.
    assert {r["value"]["operation"] for r in requests} == {"BatchInvoke"}
    results = handler([r["value"]["payload"] for r in requests], FakeLambdaContext())
    answers = appsync_js.run(
        [
            ("response", {**ctx, "result": item})
            for ctx, item in zip(contexts, results, strict=True)
        ],
        tmp_path,
    )

    assert answers == [{"value": {"id": 1, "department": "Ops"}}, {"value": None}]


def test_a_batch_that_fails_gives_every_item_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable() -> Any:
        raise Unavailable("the warehouse is unreachable")

    monkeypatch.setattr(tables, "services", unreachable)
    contexts = [appsync_ctx("Employee", "job", {}, {"id": i, "jobId": 7}) for i in range(3)]
    requests = appsync_js.run([("request", ctx) for ctx in contexts], tmp_path)

    results = handler([r["value"]["payload"] for r in requests], FakeLambdaContext())
    answers = appsync_js.run(
        [
            ("response", {**ctx, "result": item})
            for ctx, item in zip(contexts, results, strict=True)
        ],
        tmp_path,
    )

    assert [a["error"]["errorType"] for a in answers] == ["Unavailable"] * 3


def test_a_lambda_failure_keeps_appsyncs_own_error_type(tmp_path: Path) -> None:
    ctx = appsync_ctx("Query", "me", {})
    failed = {
        **ctx,
        "result": None,
        "error": {"message": "Task timed out", "type": "Lambda:Unhandled"},
    }

    (answer,) = appsync_js.run([("response", failed)], tmp_path)

    assert answer["error"]["errorType"] == "Lambda:Unhandled"
    assert answer["error"]["message"] == "Task timed out"


def test_the_resolver_uses_only_what_the_appsync_js_runtime_runs() -> None:
    eslint = ROOT / "node_modules" / ".bin" / "eslint"
    if not eslint.exists():
        pytest.skip("node_modules is not installed (make test runs npm ci)")

    linted = subprocess.run(
        [str(eslint), "resolvers/appsync"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )

    assert linted.returncode == 0, linted.stdout + linted.stderr
