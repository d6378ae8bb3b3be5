"""onBackupJobChanged on the local server: a backup's changes reach its subscribers, and a
subscription to one job gets that job's alone."""

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
from resolvers.adapters.memory_jobs import ManualLauncher
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


async def test_a_backup_is_followed_to_its_end(server: LiveServer | ProcessServer) -> None:
    """A catch-all subscriber follows a backup, whichever process runs the handler. (That a
    subscriber to one job gets none of another's is proven below, where the jobs can be held
    until its subscription is live.)"""
    seen: list[dict[str, Any]] = []

    async def follow_every_job() -> None:
        async with Client(transport=websocket(server)) as session:
            async for result in session.subscribe(CHANGES):
                seen.append(result["onBackupJobChanged"])

    every = asyncio.create_task(follow_every_job())
    http = HTTPXAsyncTransport(url=server.url, headers=server.headers)
    async with Client(transport=http) as session:
        rows = [{"id": i, "department": f"Department {i}"} for i in range(1, 51)]
        await session.execute(GraphQLRequest(INSERT, variable_values={"rows": rows}))
        # gql does not tell when start_ack came (the server sends it once the subscription
        # listens): back up (a probe job each time) until one's change reaches the catch-all.
        probes: set[str] = set()
        for _ in range(100):
            probes.add((await session.execute(gql(BACKUP)))["backupTable"]["id"])
            if await _until(lambda: bool(seen), 0.3, every):
                break
        else:
            pytest.fail("no probe job's change reached the catch-all subscription")
        started = (await session.execute(gql(BACKUP)))["backupTable"]

    assert await _until(lambda: bool(_ended(seen, started["id"])), 30, every), seen
    every.cancel()

    assert {change["id"] for change in seen} - probes == {started["id"]}
    assert _ended(seen, started["id"]) == [
        {
            "id": started["id"],
            "kind": "BACKUP",
            "table": "DEPARTMENTS",
            "status": "SUCCEEDED",
            "rowsDone": 50,
        }
    ]


async def test_a_subscriber_to_one_job_gets_its_changes_and_none_of_another_job(
    live_server: LiveServer,
) -> None:
    """Two backups; one subscriber follows one by id over /graphql/realtime, as a page does.

    A filter is only shown to work on a subscription known to be live, and gql does not
    tell when one is (it keeps start_ack, which says so, to itself). So the
    jobs are held (ManualLauncher, the JobLauncher double) while the server's own JobEvents
    re-announce each job's stored state (what the worker's publishBackupJob does in AWS),
    the other job's first, until the followed job's reaches its subscriber and the other's
    reaches a catch-all one. Then both run to their end through the same path as any job,
    the other first: when the followed job's end arrives, every change of the other has
    passed the broker before it. Needs the handler in this process (its services); the
    filter is the server's broker's whichever process runs the handler.
    """
    services = live_server.services
    held = ManualLauncher(services.run_job)
    services.launcher = held
    http = HTTPXAsyncTransport(url=live_server.url, headers=live_server.headers)
    async with Client(transport=http) as session:
        rows = [{"id": i, "department": f"Department {i}"} for i in range(1, 51)]
        await session.execute(GraphQLRequest(INSERT, variable_values={"rows": rows}))
        other = (await session.execute(gql(BACKUP)))["backupTable"]["id"]
        followed = (await session.execute(gql(BACKUP)))["backupTable"]["id"]
    assert held.launched == [other, followed]  # made and queued, neither run yet

    mine: list[dict[str, Any]] = []
    every: list[dict[str, Any]] = []

    async def follow(into: list[dict[str, Any]], job_id: str | None) -> None:
        async with Client(transport=websocket(live_server)) as session:
            request = GraphQLRequest(CHANGES, variable_values={"id": job_id})
            async for result in session.subscribe(request):
                into.append(result["onBackupJobChanged"])

    one = asyncio.create_task(follow(mine, followed))
    all_jobs = asyncio.create_task(follow(every, None))

    def live() -> bool:
        return bool(mine) and any(change["id"] == other for change in every)

    for _ in range(100):
        for job_id in (other, followed):
            job = services.jobs.get(job_id)
            assert job is not None
            services.events.changed(job)
        if await _until(live, 0.3, one, all_jobs):
            break
    else:
        pytest.fail("the job's announcements did not reach both subscriptions")

    await asyncio.to_thread(held.run_all)  # the other job, then the followed one
    assert await _until(lambda: bool(_ended(mine, followed)), 30, one, all_jobs), mine
    assert await _until(lambda: bool(_ended(every, other)), 30, one, all_jobs), every
    one.cancel()
    all_jobs.cancel()

    def lives(changes: list[dict[str, Any]], job_id: str) -> list[str]:
        """A job's statuses in the order first seen (a slow backup adds RUNNING progress)."""
        return list(dict.fromkeys(c["status"] for c in changes if c["id"] == job_id))

    assert lives(every, other) == ["QUEUED", "RUNNING", "SUCCEEDED"]  # it ran, published
    assert {change["id"] for change in mine} == {followed}
    assert lives(mine, followed) == ["QUEUED", "RUNNING", "SUCCEEDED"]
    assert mine[-1]["rowsDone"] == 50


def _ended(changes: list[dict[str, Any]], job_id: str) -> list[dict[str, Any]]:
    """The changes that say job ``job_id`` has ended."""
    return [
        change
        for change in changes
        if change["id"] == job_id and change["status"] in ("SUCCEEDED", "FAILED")
    ]


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
