"""The local server serves schema.graphql itself, and answers in AppSync's shapes."""

from __future__ import annotations

from typing import Any

import httpx
from graphql import build_client_schema, get_introspection_query, print_schema

from localserver.schema import appsync_schema
from tests.conftest import LiveServer


def post(server: LiveServer, query: str, variables: dict[str, Any] | None = None) -> Any:
    response = httpx.post(
        server.url,
        json={"query": query, "variables": variables or {}},
        headers=server.headers,
    )
    return response.json()


def test_the_served_schema_is_the_contract(live_server: LiveServer) -> None:
    introspection = post(live_server, get_introspection_query())["data"]
    served = print_schema(build_client_schema(introspection))
    # Introspection carries no directive usages: compare against the contract printed alike.
    assert served == print_schema(build_client_schema_from_contract())


def build_client_schema_from_contract() -> Any:
    from graphql import build_schema, graphql_sync

    contract = build_schema(print_schema(appsync_schema()))
    return build_client_schema(graphql_sync(contract, get_introspection_query()).data)  # type: ignore[arg-type]


def test_domain_errors_keep_their_error_type_and_name_the_field(live_server: LiveServer) -> None:
    body = post(live_server, "{ departments(limit: 0) { items { id } } }")
    assert body["data"] is None
    [error] = body["errors"]
    assert error["errorType"] == "ValidationError"
    assert error["errorInfo"] == {"field": "limit", "rule": "must be between 1 and 1000, got 0"}
    assert error["path"] == ["departments"]
    assert set(error) == {"path", "data", "errorType", "errorInfo", "locations", "message"}


def test_a_nullable_field_fails_alone(live_server: LiveServer) -> None:
    """A failing nullable field is null with its error; its siblings still answer."""
    broken = "20261125T031500123Z-jobs-abcdef"
    folder = live_server.settings.backup_path
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{broken}.manifest.json").write_text("{ not json")
    body = post(live_server, f'{{ me {{ username }} backup(id: "{broken}") {{ id }} }}')
    assert body["data"] == {"me": {"username": "admin"}, "backup": None}
    [error] = body["errors"]
    assert (error["errorType"], error["path"]) == ("ValidationError", ["backup"])


def test_conflicts_and_not_found_have_their_own_types(live_server: LiveServer) -> None:
    post(
        live_server,
        'mutation { insertDepartments(rows: [{id: 1, department: "Eng"}]) { inserted } }',
    )
    post(
        live_server,
        'mutation { insertEmployees(rows: [{id: 1, name: "A", departmentId: 1}]) { inserted } }',
    )
    conflict = post(live_server, "mutation { deleteDepartment(id: 1) { id } }")
    assert conflict["errors"][0]["errorType"] == "Conflict"
    missing = post(live_server, "mutation { deleteJob(id: 9) { id } }")
    assert missing["errors"][0]["errorType"] == "NotFound"


def test_malformed_documents_are_validation_errors_without_a_traceback(
    live_server: LiveServer,
) -> None:
    body = post(live_server, "{ departments(limit: 1) { items { salary } } }")
    [error] = body["errors"]
    assert error["errorType"] == "ValidationError"
    assert "salary" in error["message"]
    assert "Traceback" not in str(body)


def test_employee_references_resolve_through_the_batched_field(live_server: LiveServer) -> None:
    post(
        live_server,
        'mutation { insertDepartments(rows: [{id: 1, department: "Eng"}]) { inserted } '
        'insertJobs(rows: [{id: 3, job: "Dev"}]) { inserted } }',
    )
    rows = [
        {"id": i, "name": f"P{i}", "departmentId": 1 if i % 2 else None, "jobId": 3}
        for i in range(1, 6)
    ]
    post(
        live_server,
        "mutation($r: [EmployeeInput]!) { insertEmployees(rows: $r) { inserted } }",
        {"r": rows},
    )
    body = post(
        live_server,
        "{ employees(limit: 10) { items { id department { department } job { job } } } }",
    )
    items = body["data"]["employees"]["items"]
    assert [(i["id"], i["department"], i["job"]) for i in items] == [
        (n, {"department": "Eng"} if n % 2 else None, {"job": "Dev"}) for n in range(1, 6)
    ]


def test_several_operations_need_an_operation_name(live_server: LiveServer) -> None:
    """Never the first one by default: that could run a mutation the client did not mean."""
    document = "query A { me { username } } mutation B { deleteJob(id: 5) { id } }"
    body = httpx.post(live_server.url, json={"query": document}, headers=live_server.headers)
    [error] = body.json()["errors"]
    assert error["errorType"] == "ValidationError"
    assert error["message"] == "Must provide operation name if query contains multiple operations."
    assert body.json()["data"] is None
    chosen = httpx.post(
        live_server.url,
        json={"query": document, "operationName": "A"},
        headers=live_server.headers,
    ).json()
    assert chosen == {"data": {"me": {"username": "admin"}}}


def test_a_hired_from_off_the_calendar_in_utc_is_a_validation_error_naming_the_filter(
    live_server: LiveServer,
) -> None:
    """Found by the fuzz run (it was InternalFailure): AppSync's AWSDateTime accepts
    0001-01-01T00:00:00+05:30, so the resolver must refuse it itself. (Malformed values
    are refused earlier, by the scalar, as AppSync does.)"""
    value = "0001-01-01T00:00:00+05:30"
    body = post(live_server, f'{{ employees(filter: {{hiredFrom: "{value}"}}) {{ nextToken }} }}')
    [error] = body["errors"]
    assert error["errorType"] == "ValidationError"
    assert error["errorInfo"] == {
        "field": "filter.hiredFrom",
        "rule": "must fall between years 1 and 9999 once converted to UTC",
    }
