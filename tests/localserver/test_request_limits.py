"""A client's mistake is a client error: every bad body, variable or over-limit request gets
HTTP 4xx (or AppSync's per-field error) with JSON in AppSync's shape, never a 500 or
InternalFailure. The limits are serverless.yml's, read by the local server itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from hrgraph_contract.settings import Settings
from localserver.limits import from_serverless
from resolvers import wiring
from tests.conftest import LiveServer, admin_token, serving

LIMITS = from_serverless()


def post_raw(server: LiveServer, content: bytes, content_type: str = "application/json") -> Any:
    headers = {**server.headers, "Content-Type": content_type}
    return httpx.post(server.url, content=content, headers=headers, timeout=60)


def post(server: LiveServer, query: str, variables: Any = None, **extra: Any) -> httpx.Response:
    body = {"query": query, "variables": variables or {}, **extra}
    return httpx.post(server.url, json=body, headers=server.headers, timeout=60)


def assert_refused(response: httpx.Response, error_type: str, *words: str) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    body = response.json()
    assert body.get("data") is None
    assert [e["errorType"] for e in body["errors"]] == [error_type], body
    message = body["errors"][0]["message"]
    for word in words:
        assert word in message, message
    assert "Traceback" not in response.text


BAD_BODIES = {
    "not UTF-8": (b'{"query": "{ me { username } }", "x": "\xff\xfe"}', "UTF-8"),
    "nested 100k deep": (b'{"query": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested"),
    "not JSON": (b"query { me { username } }", "not JSON"),
    "empty": (b"", "empty"),
    "a JSON number": (b"5", "JSON object"),
}


@pytest.mark.parametrize("name", sorted(BAD_BODIES))
def test_a_bad_body_is_a_4xx_json_error(live_server: LiveServer, name: str) -> None:
    content, word = BAD_BODIES[name]
    assert_refused(post_raw(live_server, content), "MalformedHttpRequestException", word)


def test_a_wrong_content_type_is_a_4xx_json_error(live_server: LiveServer) -> None:
    response = post_raw(live_server, b"{ me { username } }", "text/plain")
    assert 400 <= response.status_code < 500
    assert response.json()["errors"][0]["message"] == "Unsupported content type"


def test_a_body_over_the_lambda_payload_quota_is_refused_unread(live_server: LiveServer) -> None:
    content = b'{"query": "{ me { username } }", "pad": "' + b"x" * LIMITS.request_bytes + b'"}'
    assert_refused(post_raw(live_server, content), "PayloadTooLargeException", "6 MB")


BAD_VARIABLES = {
    "an id of 1.5": ("query($id: Int!) { department(id: $id) { id } }", {"id": 1.5}, "id"),
    "an unknown input key": (
        "mutation($rows: [DepartmentInput]!) { insertDepartments(rows: $rows) { inserted } }",
        {"rows": [{"id": 1, "department": "Eng", "budget": 5}]},
        "budget",
    ),
    "a name sent as a number": (
        "mutation($id: Int!, $name: String!) "
        "{ updateDepartment(id: $id, department: $name) { id } }",
        {"id": 1, "name": 5},
        "name",
    ),
    "a hiredFrom that is no AWSDateTime": (
        "query($f: EmployeeFilter) { employees(filter: $f) { items { id } } }",
        {"f": {"hiredFrom": "yesterday"}},
        "AWSDateTime",
    ),
    "a hiredFrom without an offset": (
        "query($f: EmployeeFilter) { employees(filter: $f) { items { id } } }",
        {"f": {"hiredFrom": "2021-07-01T09:30:00"}},
        "AWSDateTime",
    ),
    "a hiredFrom on the 30th of February": (
        "query($f: EmployeeFilter) { employees(filter: $f) { items { id } } }",
        {"f": {"hiredFrom": "2021-02-30T09:30:00Z"}},
        "AWSDateTime",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_VARIABLES))
def test_a_bad_variable_is_a_4xx_validation_error(live_server: LiveServer, name: str) -> None:
    query, variables, word = BAD_VARIABLES[name]
    assert_refused(post(live_server, query, variables), "ValidationError", word)


def test_a_bad_scalar_literal_is_a_4xx_validation_error(live_server: LiveServer) -> None:
    query = '{ employees(filter: {hiredFrom: "2021-13-01T00:00Z"}) { items { id } } }'
    assert_refused(post(live_server, query), "ValidationError", "AWSDateTime")


def test_an_appsync_datetime_reaches_the_resolver(live_server: LiveServer) -> None:
    # Seconds are optional and the offset may carry seconds: AppSync accepts both.
    query = '{ employees(filter: {hiredFrom: "2021-07-01T09:30+05:30"}) { items { id } } }'
    response = post(live_server, query)
    assert response.status_code == 200
    assert response.json() == {"data": {"employees": {"items": []}}}


def test_two_operations_need_an_operation_name(live_server: LiveServer) -> None:
    document = "query a { me { username } } query b { me { groups } }"
    assert_refused(post(live_server, document), "ValidationError", "operation name")
    chosen = post(live_server, document, operationName="b").json()
    assert chosen == {"data": {"me": {"groups": ["Admins"]}}}


@pytest.fixture
def small_limits_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server whose serverless.yml limits are small, so a test reaches them cheaply."""
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "data")})
    token = admin_token(settings)
    services = wiring.build(settings)
    small = replace(LIMITS, resolver_count=10, query_depth=3)
    with serving(settings, services, limits=small) as url:
        yield LiveServer(url, settings, services, token)


@pytest.fixture
def count_limit_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A server whose resolverCountLimit is 10 (and whose depth limit is serverless.yml's)."""
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "data")})
    token = admin_token(settings)
    with serving(
        settings, wiring.build(settings), limits=replace(LIMITS, resolver_count=10)
    ) as url:
        yield LiveServer(url, settings, wiring.services(), token)


def test_resolvers_past_the_count_limit_answer_appsync_error(
    count_limit_server: LiveServer,
) -> None:
    small_limits_server = count_limit_server
    rows = ", ".join(f'{{id: {i}, name: "E{i}", departmentId: 1}}' for i in range(1, 31))
    post(
        small_limits_server,
        'mutation { insertDepartments(rows: [{id: 1, department: "Eng"}]) { inserted } '
        f"insertEmployees(rows: [{rows}]) {{ inserted }} }}",
    )
    # A page (its cost) and a department per row (30): past 10, AppSync's error per field.
    response = post(small_limits_server, "{ employees { items { id department { id } } } }")
    assert response.status_code == 200
    body = response.json()
    assert {e["errorType"] for e in body["errors"]} == {"ResolverExecutionLimitReached"}
    departments = [item["department"] for item in body["data"]["employees"]["items"]]
    answered = 10 - LIMITS.cost("Query.employees")
    assert departments.count({"id": 1}) == answered
    assert departments.count(None) == 30 - answered


def test_root_fields_sure_to_pass_the_count_limit_are_refused_before_running(
    small_limits_server: LiveServer,
) -> None:
    aliases = " ".join(f"d{i}: department(id: 1) {{ id }}" for i in range(30))
    response = post(small_limits_server, "{ " + aliases + " }")
    assert_refused(response, "ResolverExecutionLimitReached", "cost 30", "at most 10")


def test_a_data_query_past_the_depth_limit_answers_appsync_error(
    small_limits_server: LiveServer,
) -> None:
    post(
        small_limits_server,
        'mutation { insertDepartments(rows: [{id: 1, department: "Eng"}]) { inserted } '
        'insertEmployees(rows: [{id: 7, name: "Ada", departmentId: 1}]) { inserted } }',
    )
    query = "{ employees { items { id department { id department } } } }"
    body = post(small_limits_server, query).json()
    assert body["data"] == {"employees": {"items": [{"id": 7, "department": None}]}}
    assert body["errors"], "the fields past depth 3 must say why they are null"
    for error in body["errors"]:
        assert error["errorType"] == "QueryDepthLimitReached"
        assert error["path"][:4] == ["employees", "items", 0, "department"]
        assert len(error["path"]) == 5


def test_serverless_yml_sets_the_limits_the_local_server_applies() -> None:
    assert LIMITS.query_depth == 15
    assert LIMITS.resolver_count == 1000
    assert LIMITS.introspection is True
