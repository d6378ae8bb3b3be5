"""onEmployeesInserted: a subscriber sees each accepted batch as it lands (graphql-ws)."""

from __future__ import annotations

import asyncio
from typing import Any

from gql import Client, GraphQLRequest, gql
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

from tests.conftest import LiveServer

SUBSCRIBE = gql("subscription { onEmployeesInserted { table inserted insertedIds } }")
INSERT = (
    "mutation($rows: [EmployeeInput]!) { insertEmployees(rows: $rows) { inserted insertedIds } }"
)


def insert(*rows: dict[str, Any]) -> GraphQLRequest:
    return GraphQLRequest(INSERT, variable_values={"rows": list(rows)})


async def test_a_subscriber_sees_each_batch_land(live_server: LiveServer) -> None:
    ws_url = live_server.url.replace("http://", "ws://")
    received: list[Any] = []

    async def listen() -> None:
        transport = WebsocketsTransport(
            url=ws_url,
            subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
            init_payload={"Authorization": live_server.token},
        )
        async with Client(transport=transport) as session:
            async for result in session.subscribe(SUBSCRIBE):
                received.append(result["onEmployeesInserted"])
                if len(received) == 2:
                    return

    listener = asyncio.create_task(listen())
    await asyncio.sleep(0.5)  # let the subscription register
    http = HTTPXAsyncTransport(url=live_server.url, headers=live_server.headers)
    async with Client(transport=http) as session:
        await session.execute(insert({"id": 1, "name": "A"}, {"id": 2, "name": "B"}))
        await session.execute(insert({"id": 3, "name": "C"}))
    await asyncio.wait_for(listener, timeout=10)
    assert received == [
        {"table": "HIRED_EMPLOYEES", "inserted": 2, "insertedIds": [1, 2]},
        {"table": "HIRED_EMPLOYEES", "inserted": 1, "insertedIds": [3]},
    ]
