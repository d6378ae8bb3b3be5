"""onBackupJobChanged on the local server: a backup's changes reach its subscribers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from gql import Client, GraphQLRequest, gql
from gql.transport.appsync_auth import AppSyncJWTAuthentication
from gql.transport.appsync_websockets import AppSyncWebsocketsTransport
from gql.transport.httpx import HTTPXAsyncTransport
from graphql import build_schema

from client.api import realtime_url
from localserver.broker import Broker
from tests.conftest import LiveServer, ProcessServer

CHANGES = gql(
    "subscription($id: ID) { onBackupJobChanged(id: $id) { id kind table status rowsDone } }"
)
BACKUP = "mutation { backupTable(table: DEPARTMENTS) { id status } }"
INSERT = "mutation($rows: [DepartmentInput]!) { insertDepartments(rows: $rows) { inserted } }"


@pytest.fixture(params=["handler in a thread", "handler in its own process"])
def server(request: pytest.FixtureRequest) -> LiveServer | ProcessServer:
    """Both ways the handler runs: in tests' threads, and beside the server as ``serve`` runs it
    (the job runs in the handler's process, the subscription is held by the server's)."""
    fixture = "live_server" if request.param == "handler in a thread" else "process_server"
    served: LiveServer | ProcessServer = request.getfixturevalue(fixture)
    return served


def websocket(server: LiveServer | ProcessServer) -> AppSyncWebsocketsTransport:
    """AppSync's real-time protocol, as the client speaks it to either door."""
    auth = AppSyncJWTAuthentication(host=urlsplit(server.url).netloc, jwt=server.token)
    return AppSyncWebsocketsTransport(url=realtime_url(server.url), auth=auth)


async def _until(
    condition: Callable[[], bool], seconds: float, *watched: asyncio.Task[None]
) -> bool:
    """Whether ``condition`` holds within ``seconds``; a watched task that ends first raises
    its error here (a subscription refused) instead of the wait running out."""
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        for task in watched:
            if task.done():
                task.result()
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


async def test_a_backup_is_followed_to_its_end_and_other_jobs_stay_quiet(
    server: LiveServer | ProcessServer,
) -> None:
    seen: list[dict[str, Any]] = []
    elsewhere: list[dict[str, Any]] = []

    async def follow_every_job() -> None:
        async with Client(transport=websocket(server)) as session:
            async for result in session.subscribe(CHANGES):
                seen.append(result["onBackupJobChanged"])

    async def follow_another_job() -> None:
        async with Client(transport=websocket(server)) as session:
            request = GraphQLRequest(CHANGES, variable_values={"id": "no-such-job"})
            async for result in session.subscribe(request):
                elsewhere.append(result["onBackupJobChanged"])

    other = asyncio.create_task(follow_another_job())
    every = asyncio.create_task(follow_every_job())
    http = HTTPXAsyncTransport(url=server.url, headers=server.headers)
    async with Client(transport=http) as session:
        rows = [{"id": i, "department": f"Department {i}"} for i in range(1, 51)]
        await session.execute(GraphQLRequest(INSERT, variable_values={"rows": rows}))
        # gql drops start_ack, and the server joins the broker only after it anyway: back up
        # (a probe job each time) until one's change reaches the catch-all, so it is live.
        probes: set[str] = set()
        for _ in range(100):
            probes.add((await session.execute(gql(BACKUP)))["backupTable"]["id"])
            if await _until(lambda: bool(seen), 0.3, every, other):
                break
        else:
            pytest.fail("no probe job's change reached the catch-all subscription")
        started = (await session.execute(gql(BACKUP)))["backupTable"]

    def ended() -> list[dict[str, Any]]:
        return [
            change
            for change in seen
            if change["id"] == started["id"] and change["status"] in ("SUCCEEDED", "FAILED")
        ]

    assert await _until(lambda: bool(ended()), 30, every, other), seen
    await asyncio.sleep(0.2)  # time for a wrongly routed change to reach the other job's
    every.cancel()
    other.cancel()

    assert {change["id"] for change in seen} - probes == {started["id"]}
    assert ended() == [
        {
            "id": started["id"],
            "kind": "BACKUP",
            "table": "DEPARTMENTS",
            "status": "SUCCEEDED",
            "rowsDone": 50,
        }
    ]
    assert elsewhere == []


async def test_a_subscription_filters_on_its_arguments_as_appsync_does() -> None:
    schema = build_schema(
        """
        type Job { id: ID! status: String }
        type Query { job: Job }
        type Mutation { publishJob(id: ID!): Job }
        type Subscription { onJob(id: ID): Job @aws_subscribe(mutations: ["publishJob"]) }
        directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
        """
    )
    broker = Broker(schema)
    one, every = broker.listen("onJob", {"id": "j1"}), broker.listen("onJob", {"id": None})
    first_one, first_every = asyncio.ensure_future(anext(one)), asyncio.ensure_future(anext(every))
    await asyncio.sleep(0)
    broker.publish("publishJob", {"id": "j2", "status": "RUNNING"})
    await asyncio.sleep(0)
    assert first_every.done() and not first_one.done()
    broker.publish("publishJob", {"id": "j1", "status": "SUCCEEDED"})
    assert await asyncio.wait_for(first_one, 5) == {"id": "j1", "status": "SUCCEEDED"}
    assert first_every.result() == {"id": "j2", "status": "RUNNING"}
    await one.aclose()
    await every.aclose()
