"""Subscriptions authenticate in connection_init, and the group rules apply to them too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from localserver.issuer import LocalIssuer
from tests.conftest import LiveServer

SUBSCRIBE = "subscription { onEmployeesInserted { inserted } }"


@contextmanager
def _open(server: LiveServer, payload: dict[str, Any]) -> Iterator[ClientConnection]:
    url = server.url.replace("http://", "ws://")
    with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        yield ws


@pytest.mark.parametrize(
    "payload", [{}, {"Authorization": "not-a-jwt"}], ids=["no token", "malformed token"]
)
def test_a_connection_without_a_valid_token_is_rejected(
    live_server: LiveServer, payload: dict[str, Any]
) -> None:
    with _open(live_server, payload) as ws, pytest.raises(ConnectionClosed) as closed:
        ws.recv(timeout=10)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403


def test_a_signed_in_user_without_a_group_cannot_subscribe(live_server: LiveServer) -> None:
    issuer = LocalIssuer.in_data_dir(live_server.settings.data_dir)
    issuer.users.add("nobody", "nobody-password", [])
    signed_in = issuer.login("nobody", "nobody-password")
    assert signed_in is not None
    with _open(live_server, {"Authorization": signed_in["IdToken"]}) as ws:
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
        answer = json.loads(ws.recv(timeout=10))
    errors = answer["payload"] if answer["type"] == "error" else answer["payload"]["errors"]
    assert [e["message"] for e in errors] == [
        "Not Authorized to access onEmployeesInserted on type Subscription"
    ]


def test_a_token_in_the_upgrade_request_also_works(live_server: LiveServer) -> None:
    url = live_server.url.replace("http://", "ws://")
    with connect(
        url,
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers=live_server.headers,
    ) as ws:
        ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
