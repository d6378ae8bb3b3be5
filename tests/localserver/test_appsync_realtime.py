"""AppSync's real-time protocol on the local server, message by message as AWS documents it.

A raw websocket client (no gql) speaks it, so the test checks the wire
itself: the ``header`` query parameter, connection_ack's connectionTimeoutMs,
start/start_ack/data/stop/complete, and errors carrying the start's id.
"""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import ClientConnection, connect

from client.api import HrClient, realtime_url
from client.errors import Unauthorized
from hrgraph_contract.settings import Settings
from localcognito.users import UserStore
from localserver.lambda_process import LambdaProcess
from localserver.limits import from_serverless
from resolvers import wiring
from resolvers.deadline import RequestScope
from tests.conftest import LiveServer, admin_token, serving

INSERT = "mutation($rows: [EmployeeInput]!) { insertEmployees(rows: $rows) { inserted } }"
SUBSCRIPTION = "subscription { onEmployeesInserted { table inserted insertedIds } }"


def _b64(value: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(value).encode()).decode()


def _auth(server: LiveServer, token: str | None = None) -> dict[str, str]:
    return {"host": server.base_url.removeprefix("http://"), "Authorization": token or server.token}


def _url(server: LiveServer, token: str | None = None) -> str:
    header = _b64(_auth(server, token))
    return f"{realtime_url(server.url)}?header={header}&payload={_b64({})}"


@pytest.fixture
def socket(live_server: LiveServer) -> Iterator[ClientConnection]:
    with connect(_url(live_server), subprotocols=["graphql-ws"]) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init"}))
        yield ws


def _receive(ws: ClientConnection) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(ws.recv(timeout=10))
    return message


def _start(ws: ClientConnection, ident: str, server: LiveServer, token: str | None = None) -> None:
    payload = {
        "data": json.dumps({"query": SUBSCRIPTION, "variables": {}}),
        "extensions": {"authorization": _auth(server, token)},
    }
    ws.send(json.dumps({"id": ident, "type": "start", "payload": payload}))


def test_realtime_url_follows_appsyncs_hosts() -> None:
    assert (
        realtime_url("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql")
        == "wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql"
    )
    assert (
        realtime_url("https://api.example.com/graphql") == "wss://api.example.com/graphql/realtime"
    )
    assert realtime_url("http://127.0.0.1:8000/graphql") == "ws://127.0.0.1:8000/graphql/realtime"


def test_a_subscription_is_acked_fed_and_completed(
    live_server: LiveServer, socket: ClientConnection
) -> None:
    ack = _receive(socket)
    assert ack == {"type": "connection_ack", "payload": {"connectionTimeoutMs": 300000}}
    _start(socket, "sub-1", live_server)
    assert _receive(socket) == {"type": "start_ack", "id": "sub-1"}
    inserted = httpx.post(
        live_server.url,
        headers={"Authorization": live_server.token},
        json={"query": INSERT, "variables": {"rows": [{"id": 1, "name": "Ada"}]}},
        timeout=10,
    )
    assert inserted.json()["data"]["insertEmployees"]["inserted"] == 1
    assert _receive(socket) == {
        "type": "data",
        "id": "sub-1",
        "payload": {
            "data": {
                "onEmployeesInserted": {
                    "table": "HIRED_EMPLOYEES",
                    "inserted": 1,
                    "insertedIds": [1],
                }
            }
        },
    }
    socket.send(json.dumps({"type": "stop", "id": "sub-1"}))
    assert _receive(socket) == {"type": "complete", "id": "sub-1"}


def test_a_start_without_authorization_is_an_error_with_its_id(
    live_server: LiveServer, socket: ClientConnection
) -> None:
    _receive(socket)  # connection_ack
    payload = {"data": json.dumps({"query": SUBSCRIPTION})}
    socket.send(json.dumps({"id": "s", "type": "start", "payload": payload}))
    error = _receive(socket)
    assert error["type"] == "error" and error["id"] == "s"
    assert error["payload"]["errors"][0]["errorType"] == "UnauthorizedException"


def test_a_query_is_refused_on_the_realtime_endpoint(
    live_server: LiveServer, socket: ClientConnection
) -> None:
    _receive(socket)
    payload = {
        "data": json.dumps({"query": "{ me { username } }"}),
        "extensions": {"authorization": _auth(live_server)},
    }
    socket.send(json.dumps({"id": "q", "type": "start", "payload": payload}))
    error = _receive(socket)
    assert (
        error["type"] == "error"
        and "only subscriptions" in error["payload"]["errors"][0]["message"]
    )


def test_a_user_outside_the_fields_groups_is_refused_the_subscription(
    live_server: LiveServer, socket: ClientConnection
) -> None:
    """No group, no subscription (the field allows Admins, Analysts, Viewers), as in AppSync."""
    UserStore.in_data_dir(live_server.settings.data_dir).add("lou", "lou-password", [])
    login = httpx.post(
        live_server.base_url + "/auth/login",
        json={"username": "lou", "password": "lou-password"},
        timeout=10,
    )
    loader = login.json()["AuthenticationResult"]["IdToken"]
    _receive(socket)
    _start(socket, "lou-1", live_server, loader)
    error = _receive(socket)
    assert error["type"] == "error" and error["id"] == "lou-1"
    assert error["payload"]["errors"][0]["errorType"] == "Unauthorized"


def test_a_bad_token_is_a_connection_error(live_server: LiveServer) -> None:
    with connect(_url(live_server, "not-a-token"), subprotocols=["graphql-ws"]) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init"}))
        refused = _receive(ws)
    assert refused["type"] == "connection_error"
    assert refused["payload"]["errors"][0]["errorType"] == "UnauthorizedException"


def test_only_the_graphql_ws_subprotocol_is_spoken(live_server: LiveServer) -> None:
    with pytest.raises(InvalidStatus), connect(_url(live_server)):
        pass


def test_the_client_says_unauthorized_for_a_refused_token(live_server: LiveServer) -> None:
    with HrClient(live_server.url, "not-a-token") as api, pytest.raises(Unauthorized):
        next(api.on_employees_inserted())


def test_a_stopped_iteration_closes_the_subscription(live_server: LiveServer) -> None:
    """The client's generator, closed by its caller, leaves no subscriber behind."""
    got: list[Any] = []

    def listen() -> None:
        with HrClient(live_server.url, live_server.token) as api:
            for result in api.on_employees_inserted():
                got.append(result)
                return

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    with HrClient(live_server.url, live_server.token) as api:
        for i in range(1, 50):
            if got:
                break
            api.insert("hired_employees", [{"id": 100 + i, "name": f"P{i}"}])
            time.sleep(0.2)
    thread.join(timeout=20)
    assert got and not thread.is_alive()


def test_keep_alives_follow_the_ack() -> None:
    """AppSync sends ``ka`` now and then; a client closes after connectionTimeoutMs without one."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from localserver.appsync_realtime import realtime_route
    from localserver.documents import Documents
    from localserver.limits import from_serverless
    from localserver.schema import appsync_schema

    class Anyone:
        def identify(self, headers: Any) -> Any:
            return None

        def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
            return True

    app = Starlette(
        routes=[
            realtime_route(
                appsync_schema(),
                Documents(appsync_schema(), from_serverless()),
                Anyone(),
                from_serverless(),
                keep_alive=0.05,
            ),
        ]
    )
    with (
        TestClient(app) as client,
        client.websocket_connect("/graphql/realtime", subprotocols=["graphql-ws"]) as ws,
    ):
        ws.send_json({"type": "connection_init"})
        assert ws.receive_json()["type"] == "connection_ack"
        assert ws.receive_json() == {"type": "ka"}
        assert ws.receive_json() == {"type": "ka"}


class _SlowToSubscribe(LambdaProcess):
    """The handler, half a second slow to answer a subscription's subscribe-time resolver."""

    async def invoke(self, event: Any, scope: RequestScope | None) -> Any:
        if isinstance(event, dict) and event["info"]["parentTypeName"] == "Subscription":
            await asyncio.sleep(0.5)
        return await super().invoke(event, scope)


def test_start_ack_comes_once_the_subscription_listens_so_nothing_after_it_is_missed(
    tmp_path: Path,
) -> None:
    """AppSync acks a start once the subscription is registered: a row inserted right after
    start_ack is pushed to it, however long the subscribe-time resolver took."""
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "data")})
    services = wiring.build(settings)
    handler = _SlowToSubscribe(settings, from_serverless(), services)
    with serving(settings, None, runner=handler) as url:
        server = LiveServer(url, settings, services, admin_token(settings))
        with connect(_url(server), subprotocols=["graphql-ws"]) as ws:  # type: ignore[list-item]
            ws.send(json.dumps({"type": "connection_init"}))
            assert _receive(ws)["type"] == "connection_ack"
            _start(ws, "sub-1", server)
            assert _receive(ws) == {"type": "start_ack", "id": "sub-1"}
            inserted = httpx.post(
                url,
                headers=server.headers,
                json={"query": INSERT, "variables": {"rows": [{"id": 7, "name": "Ada"}]}},
                timeout=10,
            )
            assert inserted.json()["data"]["insertEmployees"]["inserted"] == 1
            data = _receive(ws)
    assert data["type"] == "data" and data["id"] == "sub-1"
    assert data["payload"]["data"]["onEmployeesInserted"]["insertedIds"] == [7]
