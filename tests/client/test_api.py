"""HrClient over a mock transport: headers, variables, results, errors and pagination."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client import errors
from client.api import HrClient
from client.models import Department, Employee, RejectReason, Table

URL = "http://api.test/graphql"
Reply = Callable[[dict[str, Any]], httpx.Response]


class Recorder:
    """A mock server: records each request and answers with ``reply(body)``."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.reply(json.loads(request.content))

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(r.content) for r in self.requests]


def data(field: str, value: Any) -> httpx.Response:
    return httpx.Response(200, json={"data": {field: value}})


def client(reply: Reply, **options: Any) -> tuple[HrClient, Recorder]:
    recorder = Recorder(reply)
    return HrClient(URL, transport=httpx.MockTransport(recorder), **options), recorder


def test_the_token_goes_raw_in_the_authorization_header() -> None:
    api, server = client(lambda body: data("me", {"username": "ana", "groups": []}), token="t0k")
    assert api.me().username == "ana"
    assert server.requests[0].headers["Authorization"] == "t0k"


def test_the_token_provider_is_asked_before_every_request() -> None:
    tokens = iter(["first", "refreshed"])
    api, server = client(
        lambda body: data("me", {"username": "ana", "groups": ["Admins"]}),
        token_provider=lambda: next(tokens),
    )
    api.me()
    assert api.me().groups == ["Admins"]
    assert [r.headers["Authorization"] for r in server.requests] == ["first", "refreshed"]


def test_without_a_token_no_authorization_header_is_sent() -> None:
    api, server = client(lambda body: data("me", {"username": "anonymous", "groups": []}))
    api.me()
    assert "Authorization" not in server.requests[0].headers


def test_insert_sends_the_rows_and_returns_typed_verdicts() -> None:
    result = {
        "table": "HIRED_EMPLOYEES",
        "received": 2,
        "inserted": 1,
        "insertedIds": [1],
        "rejected": [
            {
                "index": 1,
                "id": "2",
                "reason": "INVALID",
                "field": "name",
                "message": "name: is required",
            }
        ],
    }
    api, server = client(lambda body: data("insertEmployees", result))
    hired = datetime(2021, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    outcome = api.insert(
        "hired_employees", [{"id": 1, "name": "Ana", "datetime": hired}, {"id": 2}]
    )
    body = server.bodies()[0]
    assert body["operationName"] == "insertEmployees"
    assert body["variables"]["rows"][0]["datetime"] == "2021-03-01T08:00:00.000Z"
    assert outcome.table is Table.HIRED_EMPLOYEES
    assert outcome.inserted_ids == [1]
    assert outcome.rejected[0].reason is RejectReason.INVALID
    assert outcome.rejected[0].field == "name"


def test_an_employee_comes_back_with_an_aware_datetime_and_its_references() -> None:
    employee = {
        "id": 5,
        "name": "Zoë",
        "datetime": "2021-11-07T02:48:42.000Z",
        "departmentId": 2,
        "jobId": None,
        "department": {"id": 2, "department": "Sales"},
        "job": None,
    }
    api, _ = client(lambda body: data("employee", employee))
    found = api.employee(5)
    assert found == Employee(
        id=5,
        name="Zoë",
        datetime=datetime(2021, 11, 7, 2, 48, 42, tzinfo=UTC),
        department_id=2,
        job_id=None,
        department=Department(2, "Sales"),
        job=None,
    )


def test_a_missing_record_is_none() -> None:
    api, _ = client(lambda body: data("department", None))
    assert api.department(99) is None


def test_iterators_follow_next_token_until_the_last_page() -> None:
    pages = {
        None: {"items": [{"id": 1, "job": "a"}, {"id": 2, "job": "b"}], "nextToken": "p2"},
        "p2": {"items": [{"id": 3, "job": "c"}], "nextToken": "p3"},
        "p3": {"items": [], "nextToken": None},
    }
    api, server = client(lambda body: data("jobs", pages[body["variables"]["nextToken"]]))
    assert [job.id for job in api.iter_jobs(page_size=2)] == [1, 2, 3]
    assert [b["variables"]["limit"] for b in server.bodies()] == [2, 2, 2]


def test_enum_and_filter_variables_are_sent_as_the_contract_spells_them() -> None:
    api, server = client(lambda body: data("employees", {"items": [], "nextToken": None}))
    api.employees_page({"departmentId": 3, "hiredFrom": datetime(2021, 1, 1, tzinfo=UTC)})
    assert server.bodies()[0]["variables"]["filter"] == {
        "departmentId": 3,
        "hiredFrom": "2021-01-01T00:00:00.000Z",
    }
    api2, server2 = client(
        lambda body: data("backups", {"items": [], "unreadable": [], "nextToken": None})
    )
    api2.backups_page("hired_employees")
    assert server2.bodies()[0]["variables"]["table"] == "HIRED_EMPLOYEES"


def appsync_error(error_type: str, message: str, info: Any = None) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "data": None,
            "errors": [
                {
                    "path": ["deleteDepartment"],
                    "data": None,
                    "errorType": error_type,
                    "errorInfo": info,
                    "locations": [{"line": 2, "column": 3, "sourceName": None}],
                    "message": message,
                }
            ],
        },
    )


@pytest.mark.parametrize(
    ("error_type", "expected"),
    [
        ("Conflict", errors.Conflict),
        ("NotFound", errors.NotFound),
        ("ValidationError", errors.ValidationError),
        ("Unauthorized", errors.Unauthorized),
        ("Unavailable", errors.Unavailable),
        ("InternalFailure", errors.InternalFailure),
    ],
)
def test_graphql_errors_raise_the_class_of_their_error_type(
    error_type: str, expected: type[errors.ApiError]
) -> None:
    api, _ = client(lambda body: appsync_error(error_type, "department 3: still referenced"))
    with pytest.raises(expected) as raised:
        api.delete_department(3)
    assert raised.value.message == "department 3: still referenced"
    assert raised.value.path == ["deleteDepartment"]


def test_an_unreachable_server_is_a_connection_failure() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    api = HrClient(URL, transport=httpx.MockTransport(refuse))
    with pytest.raises(errors.ConnectionFailed, match="cannot reach"):
        api.me()


def test_a_gateway_refusal_without_graphql_body_maps_by_status() -> None:
    api, _ = client(lambda body: httpx.Response(401, text="<html>no</html>"))
    with pytest.raises(errors.Unauthorized):
        api.me()
    api, _ = client(lambda body: httpx.Response(502, text="bad gateway"))
    with pytest.raises(errors.Unavailable):
        api.me()


def test_a_non_graphql_success_is_an_internal_failure() -> None:
    api, _ = client(lambda body: httpx.Response(200, text="hello"))
    with pytest.raises(errors.InternalFailure, match="not a GraphQL answer"):
        api.me()


def test_giving_both_a_token_and_a_provider_is_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        HrClient(URL, "t", token_provider=lambda: "u")


def test_the_package_exports_the_client_lazily() -> None:
    import client

    assert client.HrClient is HrClient
    assert client.NotFound is errors.NotFound
    assert all(getattr(client, name) is not None for name in client.__all__)
    with pytest.raises(AttributeError):
        _ = client.NoSuchThing


def _as_httpx_writes_it(request: httpx.Request, variables: dict[str, Any]) -> bytes:
    """The body httpx itself writes for ``json=`` with the request's payload."""
    payload = {**json.loads(request.content), "variables": variables}
    return httpx.Request("POST", URL, json=payload).content


def _inserted_nothing(body: dict[str, Any]) -> httpx.Response:
    result = {"table": "HIRED_EMPLOYEES", "received": 1, "inserted": 0}
    return data("insertEmployees", {**result, "insertedIds": [], "rejected": []})


json_scalars = st.none() | st.booleans() | st.integers() | st.text()
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.dictionaries(st.text(), json_values, max_size=5), min_size=1, max_size=4))
def test_any_rows_of_json_values_arrive_as_sent(rows: list[dict[str, Any]]) -> None:
    """Any text (a lone surrogate too: the server refuses that row alone), any integer
    (past 64 bits too), null, boolean, list or object."""
    api, server = client(_inserted_nothing)

    api.insert("hired_employees", rows)

    sent = server.requests[0]
    assert sent.headers["Content-Type"] == "application/json"
    assert json.loads(sent.content)["variables"] == {"rows": rows}


def test_a_batch_of_text_and_numbers_is_written_byte_for_byte_as_httpx_writes_it() -> None:
    """The client writes such bodies with orjson (ten times faster): no server can tell."""
    rows: list[dict[str, Any]] = [
        {"id": "1", "name": "Hélène Žižek 😀", "datetime": "2021-03-01T10:00:00Z"},
        {"id": 2, "name": 'O\'Brien "Bob"\n', "departmentId": None, "jobId": True},
    ]
    api, server = client(_inserted_nothing)

    api.insert("hired_employees", rows)

    sent = server.requests[0]
    assert sent.content == _as_httpx_writes_it(sent, {"rows": rows})


def test_a_lone_surrogate_reaches_the_server_escaped() -> None:
    api, server = client(_inserted_nothing)

    api.insert("hired_employees", [{"id": "1", "name": "Ana \ud800"}])

    assert b"\\ud800" in server.requests[0].content
    assert server.bodies()[0]["variables"]["rows"][0]["name"] == "Ana \ud800"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_a_number_json_cannot_hold_is_refused_not_sent_as_null(value: float) -> None:
    api, server = client(_inserted_nothing)

    with pytest.raises(errors.ValidationError, match="Out of range float") as refused:
        api.insert("hired_employees", [{"id": 1, "name": "Ana", "departmentId": value}])
    assert refused.value.field == "variables"
    assert server.requests == []


def test_floats_and_datetimes_arrive_as_json_numbers_and_awsdatetime_text() -> None:
    api, server = client(_inserted_nothing)
    hired = datetime(2021, 3, 1, 10, 0, tzinfo=UTC)

    api.insert("hired_employees", [{"id": 1.0, "name": "Ana", "datetime": hired, "x": 1e16}])

    row = server.bodies()[0]["variables"]["rows"][0]
    assert row == {"id": 1.0, "name": "Ana", "datetime": "2021-03-01T10:00:00.000Z", "x": 1e16}
