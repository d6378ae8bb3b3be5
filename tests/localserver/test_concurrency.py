"""One slow request stalls no one, and a request that ends takes its DuckDB work with it.

Over real HTTP against a live server. Nothing here asserts a duration: each
test asserts an order of events (the quick request is answered while the slow
query is still running; the slow query ends because its request ended), with
generous bounds only on how long a test waits for an event. The bystander that
other tests run beside an attack judges the event loop by its CPU time, which a
loaded machine does not stretch, and its own waits only by a wide bound.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from hrgraph_contract.settings import Settings
from localserver import documents
from localserver.limits import Limits, from_serverless
from resolvers import wiring
from tests.conftest import LOOP_THREAD, LiveServer, ProcessServer, admin_token, serving

# 1000 departments joined with themselves four times: 10^12 rows to look at, in constant memory.
SLOW_SQL = (
    "SELECT COUNT(*) AS n FROM departments a, departments b, departments c, departments d "
    "WHERE (a.id * 31 + b.id * 17 + c.id * 7 + d.id) % 997 = 5"
)
WAIT = 120.0
"""How long a test waits for an event before it calls the event missing (not a timing)."""

STALL = 5.0
"""The longest another client's simple query may wait while an attack runs: a bound on
starvation (the attacks stalled others for 7 to 70 s, far more on a loaded machine), not a
timing of our speed. It is wide, so that a loaded machine (load 10 on 2 cores made an
unharmed bystander wait 1.08 s) does not fail it: work on the event loop is judged by
``LOOP_WORK``, in CPU seconds, which a busy machine does not stretch."""

LOOP_WORK = 0.25
"""CPU seconds the event loop may spend on an attack, beyond answering the bystander.
The attacks that froze the server cost the loop seconds (parsing 15,000 aliases there
took 70 s); refused, an attack costs the loop a few milliseconds, and its checks run in a
worker thread."""

BASELINE = 20
"""The bystander's answers before an attack: what one answer costs the loop, measured in
the same test."""

ANSWER_SLACK = 2.0
"""During an attack one bystander answer may cost the loop up to this many times what it did
before (caches shared with the attack's threads): a long attack meets a thousand answers."""


BYSTANDER = """
import json, sys, time
import httpx
url, token, stop = sys.argv[1], sys.argv[2], sys.argv[3]
import os
with httpx.Client(headers={"Authorization": token}, timeout=120) as client:
    while not os.path.exists(stop):
        start = time.perf_counter()
        answer = client.post(url, json={"query": "{ me { username } }"}).json()
        print(json.dumps([time.perf_counter() - start, answer]), flush=True)
        time.sleep(0.02)
"""
"""The bystander's loop, in a process of its own: it must not share an interpreter lock
with the server it measures."""


def loop_cpu(server: LiveServer | ProcessServer) -> float:
    """CPU seconds the server's event loop thread has used (it runs in this process)."""
    name = LOOP_THREAD.format(port=urlparse(server.url).port)
    [loop] = [thread for thread in threading.enumerate() if thread.name == name]
    assert loop.ident is not None
    return time.clock_gettime(time.pthread_getcpuclockid(loop.ident))


@dataclass
class Bystander:
    """Another client, asking ``{ me { username } }`` over and over while an attack runs."""

    waits: list[float] = field(default_factory=list)
    answers: list[Any] = field(default_factory=list)
    per_answer: float = 0.0
    """The loop's CPU seconds for one bystander answer, before the attack."""
    loop_cpu: float = 0.0
    """The loop's CPU seconds from the attack's start to the bystander's last answer."""

    @property
    def loop_work(self) -> float:
        """The loop's CPU seconds on anything but the bystander's answers: the attack."""
        return self.loop_cpu - ANSWER_SLACK * self.per_answer * len(self.answers)

    def assert_never_starved(self) -> None:
        assert len(self.waits) >= 3, "the bystander was not answered during the attack"
        assert all(a == {"data": {"me": {"username": "admin"}}} for a in self.answers)
        assert self.loop_work < LOOP_WORK, (
            f"the event loop spent {self.loop_work:.2f} CPU s on the attack "
            f"({self.loop_cpu:.2f} s, {len(self.answers)} bystander answers at "
            f"{self.per_answer * 1000:.1f} ms each)"
        )
        assert max(self.waits) < STALL, f"a bystander waited {max(self.waits):.2f} s"


@contextmanager
def bystander(server: LiveServer | ProcessServer) -> Iterator[Bystander]:
    """Runs a bystander for as long as the block (and at least three of its queries) last.

    Before the block it is answered ``BASELINE`` times, which says what an answer costs the
    event loop; what the loop spends beyond its answers during the block is the attack's.
    """
    seen = Bystander()
    with tempfile.TemporaryDirectory() as folder:
        stop = Path(folder) / "stop"
        process = subprocess.Popen(
            [sys.executable, "-c", BYSTANDER, server.url, server.token, str(stop)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        process.stdout.readline()  # answered once before the loop is measured
        before = loop_cpu(server)
        for _ in range(BASELINE):
            process.stdout.readline()
        started = loop_cpu(server)
        seen.per_answer = (started - before) / BASELINE
        try:
            yield seen
        finally:
            lines: list[str] = []
            while len(lines) < 3:
                lines.append(process.stdout.readline())
            stop.touch()
            rest = process.stdout.read()  # to its end: the bystander stops at the flag
            process.wait(WAIT)
            seen.loop_cpu = loop_cpu(server) - started
            for line in [*lines, *rest.splitlines()]:
                if line.strip():
                    wait, answer = json.loads(line)
                    seen.waits.append(wait)
                    seen.answers.append(answer)


@dataclass
class QuerySpy:
    """Wraps the warehouse's read-only ``query``: when it starts, and how it ended."""

    started: threading.Event = field(default_factory=threading.Event)
    ended: threading.Event = field(default_factory=threading.Event)
    outcome: list[BaseException | None] = field(default_factory=list)

    def wrap(self, query: Callable[..., Any]) -> Callable[..., Any]:
        def spied(*args: Any, **kwargs: Any) -> Any:
            self.started.set()
            try:
                result = query(*args, **kwargs)
            except BaseException as error:
                self.outcome.append(error)
                raise
            else:
                self.outcome.append(None)
                return result
            finally:
                self.ended.set()

        return spied


@contextmanager
def slow_server_on(
    tmp_path: Path, limits: Limits | None = None
) -> Iterator[tuple[LiveServer, QuerySpy]]:
    """A server whose read-only SQL never times out by itself, with 1000 departments."""
    settings = Settings.from_env(
        {"HRGRAPH_DATA_DIR": str(tmp_path / "data"), "HRGRAPH_SQL_TIMEOUT_SECONDS": "3600"}
    )
    token = admin_token(settings)
    services = wiring.build(settings)
    spy = QuerySpy()
    services.warehouse.query = spy.wrap(services.warehouse.query)  # type: ignore[method-assign]
    with serving(settings, services, limits=limits) as url:
        server = LiveServer(url, settings, services, token)
        rows = [{"id": i, "department": f"D{i}"} for i in range(1, 1001)]
        mutation = (
            "mutation($rows: [DepartmentInput]!) { insertDepartments(rows: $rows) { inserted } }"
        )
        inserted = post(server, mutation, {"rows": rows})
        assert inserted == {"data": {"insertDepartments": {"inserted": 1000}}}
        yield server, spy


@pytest.fixture
def slow_server(tmp_path: Path) -> Iterator[tuple[LiveServer, QuerySpy]]:
    with slow_server_on(tmp_path) as served:
        yield served


def post(
    server: LiveServer | ProcessServer, query: str, variables: Any = None, timeout: float = WAIT
) -> Any:
    body = {"query": query, "variables": variables or {}}
    return httpx.post(server.url, json=body, headers=server.headers, timeout=timeout).json()


@contextmanager
def slow_sql_then_hang_up(url: str, token: str) -> Iterator[None]:
    """Send runSql over SLOW_SQL on a raw socket, and close it unanswered when the block ends."""
    target = urlparse(url)
    body = (
        '{"query": "query($sql: String!) { runSql(sql: $sql) { rowCount } }", '
        f'"variables": {{"sql": "{SLOW_SQL}"}}}}'
    ).encode()
    request = (
        f"POST {target.path} HTTP/1.1\r\nHost: {target.netloc}\r\n"
        f"Authorization: {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    with socket.create_connection((target.hostname, target.port)) as client:
        client.sendall(request)
        yield


def test_a_slow_query_does_not_delay_another_users_request(
    slow_server: tuple[LiveServer, QuerySpy],
) -> None:
    server, spy = slow_server
    # Its caller hangs up at the end, so that the server stops without waiting for it.
    with slow_sql_then_hang_up(server.url, server.token):
        assert spy.started.wait(WAIT), "the slow query never started"

        me = post(server, "{ me { username } }")

        assert me == {"data": {"me": {"username": "admin"}}}
        assert not spy.ended.is_set(), "the quick request waited for the slow query"


def test_an_abandoned_request_has_its_duckdb_work_interrupted(
    slow_server: tuple[LiveServer, QuerySpy],
) -> None:
    server, spy = slow_server
    with slow_sql_then_hang_up(server.url, server.token):
        assert spy.started.wait(WAIT), "the slow query never started"
        assert not spy.ended.is_set()
    # The client is gone: the query must end now, interrupted, long before its own timeout.
    assert spy.ended.wait(WAIT), "the abandoned query kept running"
    [outcome] = spy.outcome
    assert outcome is not None
    assert getattr(outcome, "error_type", None) == "Unavailable"
    assert "the client went away" in str(outcome)
    # ... and the server is free for the next caller.
    assert post(server, "{ me { username } }") == {"data": {"me": {"username": "admin"}}}


def test_a_request_past_its_deadline_gets_appsync_timeout_and_its_work_stops(
    tmp_path: Path,
) -> None:
    # AppSync's 30 s, shortened so that the test need not wait for it.
    limits = replace(from_serverless(), request_seconds=3.0)
    with slow_server_on(tmp_path, limits) as (server, spy):
        query = "query($sql: String!) { runSql(sql: $sql) { rowCount } }"
        response = httpx.post(
            server.url,
            json={"query": query, "variables": {"sql": SLOW_SQL}},
            headers=server.headers,
            timeout=WAIT,
        )
        assert spy.ended.wait(WAIT)
    assert response.status_code == 200
    assert response.json() == {
        "data": None,
        "errors": [
            {
                "path": None,
                "data": None,
                "errorType": "ExecutionTimeout",
                "errorInfo": None,
                "locations": [],
                "message": "Execution timed out.",
            }
        ],
    }
    [outcome] = spy.outcome
    assert "30 s request limit" in str(outcome)


def test_a_document_being_validated_does_not_delay_another_users_request(
    live_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Validation is quadratic in a selection's fields: a big document can take seconds.
    # Here it takes as long as the test holds it, so only the order of events matters.
    quick = "{ me { username } }"
    assert post(live_server, quick) == {"data": {"me": {"username": "admin"}}}  # now known
    started, release = threading.Event(), threading.Event()
    real = documents.validate

    def held(*args: Any) -> Any:
        started.set()
        release.wait(WAIT)
        return real(*args)

    monkeypatch.setattr(documents, "validate", held)
    big = "{ " + " ".join(f"d{i}: department(id: 1) {{ id }}" for i in range(300)) + " }"
    answers: list[Any] = []
    thread = threading.Thread(target=lambda: answers.append(post(live_server, big)), daemon=True)
    thread.start()
    try:
        assert started.wait(WAIT), "the big document was never validated"
        me = post(live_server, quick)
        assert me == {"data": {"me": {"username": "admin"}}}
        assert not release.is_set() and thread.is_alive(), "the big document finished first"
    finally:
        release.set()
    thread.join(WAIT)
    assert answers and answers[0]["data"]["d0"] is None  # no department 1: null, no error
