"""The server with its Lambda handler in a process of its own, as ``hrgraph serve`` runs it.

Over real HTTP. What crosses between the two processes is AppSync's event and
the handler's answer, as JSON; these tests check that everything a user does
still works across that line (batched fields, subscriptions fed by a job in the
other process), that a request that ends stops its work over there, and that a
handler process that dies is replaced.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fastavro
import httpx
import pytest

from client.api import HrClient
from hrgraph_contract.settings import Settings
from localserver.lambda_process import encode, event_of, invocation, read_message
from resolvers.core.tables import Table
from tests.conftest import LiveServer, ProcessServer, serving_in_two_processes
from tests.localserver.test_concurrency import WAIT, post, slow_sql_then_hang_up

DEPARTMENTS = "mutation($rows: [DepartmentInput]!) { insertDepartments(rows: $rows) { inserted } }"
JOBS = "mutation($rows: [JobInput]!) { insertJobs(rows: $rows) { inserted } }"
EMPLOYEES = "mutation($rows: [EmployeeInput]!) { insertEmployees(rows: $rows) { inserted } }"
EMPLOYEES_REJECTED = (
    "mutation($rows: [EmployeeInput]!) "
    "{ insertEmployees(rows: $rows) { inserted rejected { index reason field message } } }"
)
PAGE = "{ employees(limit: 10) { items { id name department { department } job { job } } } }"


def cpu_seconds(pid: int) -> float:
    """User + system CPU the process has used so far (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


RAN = 0.5
"""CPU seconds the slow query burns in the handler's process before its caller hangs up."""


def busy_for(pid: int, seconds: float) -> float:
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return cpu_seconds(pid) - before


def seconds_to_burn(pid: int, cpu: float) -> float:
    """Wall seconds until the process has used ``cpu`` more CPU seconds (or WAIT passed)."""
    start, before = time.monotonic(), cpu_seconds(pid)
    while cpu_seconds(pid) - before < cpu and time.monotonic() - start < WAIT:
        time.sleep(0.05)
    return time.monotonic() - start


def test_writes_reads_and_batched_fields_cross_to_the_handler_and_back(
    process_server: ProcessServer,
) -> None:
    departments = [{"id": 1, "department": "Staff"}, {"id": 2, "department": "Supply"}]
    employees = [
        {
            "id": i,
            "name": f"Person {i}",
            "datetime": "2021-03-01T10:00:00Z",
            "departmentId": 1 + i % 2,
            "jobId": 7,
        }
        for i in range(1, 4)
    ]

    assert post(process_server, DEPARTMENTS, {"rows": departments})["data"] == {
        "insertDepartments": {"inserted": 2}
    }
    assert post(process_server, JOBS, {"rows": [{"id": 7, "job": "Engineer"}]})["data"] == {
        "insertJobs": {"inserted": 1}
    }
    assert post(process_server, EMPLOYEES, {"rows": employees})["data"] == {
        "insertEmployees": {"inserted": 3}
    }
    page = post(process_server, PAGE)

    assert "errors" not in page
    assert page["data"]["employees"]["items"] == [
        {
            "id": i,
            "name": f"Person {i}",
            "department": {"department": "Supply" if i % 2 else "Staff"},
            "job": {"job": "Engineer"},
        }
        for i in range(1, 4)
    ]


def test_a_backup_made_over_there_downloads_here_and_restores_over_there(
    process_server: ProcessServer,
) -> None:
    jobs = [{"id": i, "job": f"Job {i}"} for i in range(1, 6)]
    with HrClient(process_server.url, process_server.token) as api:
        api.insert(Table.JOBS, jobs)
        made = api.wait_for_job(api.backup_table(Table.JOBS), interval=0.05)
        assert made.status == "SUCCEEDED" and made.backup is not None
        link = api.backup_download(made.backup.id)
        api.delete_job(5)
        restored = api.wait_for_job(api.restore_table(Table.JOBS, force=True), interval=0.05)
        assert restored.status == "SUCCEEDED"
        after = [{"id": j.id, "job": j.job} for j in api.iter_jobs()]

    # The file the handler's job wrote is served by the server's download route ...
    answer = httpx.get(link.url, timeout=WAIT)
    assert answer.status_code == 200
    rows: list[dict[str, Any]] = list(fastavro.reader(io.BytesIO(answer.content)))  # type: ignore[arg-type]
    assert sorted(rows, key=lambda row: row["id"]) == jobs
    # ... and the restore, run by the handler's job, brought the deleted row back.
    assert after == jobs


async def test_requests_arriving_together_at_a_fresh_server_are_all_answered(
    process_server: ProcessServer,
) -> None:
    # The first invocations open the connection to the handler's process: all at once here.
    async with httpx.AsyncClient(headers=process_server.headers, timeout=WAIT) as client:
        answers = await asyncio.gather(
            *[
                client.post(process_server.url, json={"query": "{ me { username } }"})
                for _ in range(16)
            ]
        )

    assert [a.json() for a in answers] == [{"data": {"me": {"username": "admin"}}}] * 16


def test_a_handler_error_keeps_its_error_type_across_the_processes(
    process_server: ProcessServer,
) -> None:
    answer = post(
        process_server,
        "query($sql: String!) { runSql(sql: $sql) { rowCount } }",
        {"sql": "DELETE FROM departments"},
    )

    assert answer["data"] is None
    [error] = answer["errors"]
    assert error["errorType"] == "ValidationError"
    assert error["path"] == ["runSql"]
    assert "must be a query" in error["message"]


def test_an_abandoned_request_stops_its_query_in_the_handler_process(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {"HRGRAPH_DATA_DIR": str(tmp_path / "data"), "HRGRAPH_SQL_TIMEOUT_SECONDS": "3600"}
    )
    with serving_in_two_processes(settings) as server:
        rows = [{"id": i, "department": f"D{i}"} for i in range(1, 1001)]
        assert post(server, DEPARTMENTS, {"rows": rows})["data"]["insertDepartments"] == {
            "inserted": 1000
        }
        pid = server.handler.pid
        assert pid is not None
        with slow_sql_then_hang_up(server.url, server.token):
            # The query runs (it would for an hour) in the handler's process: it burns RAN
            # CPU seconds, however long a loaded machine makes that take.
            running = seconds_to_burn(pid, RAN)
            assert running < WAIT, "the slow query never ran"
        # The client is gone: the handler's process must go quiet, its query interrupted.
        # Quiet is judged against the query itself, under the same load: over as long as the
        # query took to burn RAN (2 s at least), the process burns under a tenth of RAN. A
        # query left running burns about RAN again; an idle process, next to nothing.
        window = max(2.0, running)
        assert _eventually(lambda: busy_for(pid, window) < RAN / 10), (
            "the abandoned query kept running"
        )
        assert post(server, "{ me { username } }")["data"] == {"me": {"username": "admin"}}


def test_a_handler_process_that_dies_is_replaced_by_the_next_request(
    process_server: ProcessServer,
) -> None:
    rows = [{"id": 1, "department": "Staff"}]
    assert post(process_server, DEPARTMENTS, {"rows": rows})["data"] is not None
    first = process_server.handler.pid
    assert first is not None

    os.kill(first, signal.SIGKILL)
    answers = [post(process_server, "{ department(id: 1) { department } }") for _ in range(2)]

    # A request that meets the dead process is refused as our failure, never left hanging;
    # by the next one at the latest a new process answers, over the same database.
    assert answers[-1] == {"data": {"department": {"department": "Staff"}}}
    for answer in answers[:-1]:
        assert answer == answers[-1] or answer["errors"][0]["errorType"] == "InternalFailure"
    assert process_server.handler.pid not in (None, first)


def _eventually(check: Any, within: float = WAIT) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
    return False


async def test_a_message_crosses_as_the_lambda_runtime_would_write_it_or_not_at_all() -> None:
    reader = asyncio.StreamReader()
    reader.feed_data(encode({"id": 1, "result": {"rows": [1, "x", None, 1.5], 7: True}}))
    reader.feed_eof()

    assert await read_message(reader) == {
        "id": 1,
        "result": {"rows": [1, "x", None, 1.5], "7": True},  # json.dumps writes keys as text
    }
    with pytest.raises(TypeError):  # json.dumps refuses a datetime: so does the wire
        encode({"id": 2, "result": datetime.now(UTC)})


async def test_a_batch_sent_as_both_argument_and_variable_crosses_once_and_arrives_twice() -> None:
    rows = [{"id": str(i), "name": f"Person {i}"} for i in range(1, 200)]

    def event(variables: dict[str, Any]) -> dict[str, Any]:
        info = {"fieldName": "insertEmployees", "variables": variables}
        return {"arguments": {"rows": rows}, "info": info}

    shared, apart = event({"batch": rows, "note": "x"}), event({"batch": list(rows), "note": "x"})
    reader = asyncio.StreamReader()
    once, twice = encode(invocation(1, shared, 5.0)), encode(invocation(2, apart, 5.0))
    reader.feed_data(once + twice)
    reader.feed_eof()

    assert len(once) < 0.6 * len(twice)  # the shared list went once; the copy, twice
    assert event_of(await read_message(reader)) == shared
    assert event_of(await read_message(reader)) == apart
    assert invocation(3, [shared], 5.0)["event"] == [shared]  # a BatchInvoke's list, as it is


LONE = "\ud800"
"""A lone surrogate: JSON may carry it (as an escape), UTF-8 cannot."""


def post_escaped(server: LiveServer, query: str, variables: dict[str, Any]) -> Any:
    """The body as JSON with every non-ASCII character escaped, the lone surrogate too."""
    body = json.dumps({"query": query, "variables": variables}).encode()
    headers = {**server.headers, "Content-Type": "application/json"}
    return httpx.post(server.url, content=body, headers=headers, timeout=WAIT).json()


@pytest.mark.parametrize("field", ["name", "datetime", "id"])
def test_a_lone_surrogate_costs_its_row_alone(live_server: LiveServer, field: str) -> None:
    rows: list[dict[str, Any]] = [{"id": i, "name": f"Person {i}"} for i in range(1, 1000)]
    rows.append({"id": 1000, "name": "Last", field: f"2021-01-01T00:00:00Z{LONE}"})
    answer = post_escaped(live_server, EMPLOYEES_REJECTED, {"rows": rows})
    result = answer["data"]["insertEmployees"]
    assert result["inserted"] == 999
    [rejected] = result["rejected"]
    assert (rejected["index"], rejected["reason"], rejected["field"]) == (999, "INVALID", field)
    assert "U+D800" in rejected["message"] or "positive integer" in rejected["message"]


@pytest.mark.parametrize(
    "query",
    [
        "query($t: String) { departments(nextToken: $t) { items { id } } }",
        "query($t: String!) { ask(question: $t) { sql } }",
        "query($t: String!) { runSql(sql: $t) { rowCount } }",
    ],
    ids=["nextToken", "ask", "runSql"],
)
def test_a_lone_surrogate_in_an_argument_is_a_validation_error(
    live_server: LiveServer, query: str
) -> None:
    answer = post_escaped(live_server, query, {"t": f"SELECT 1{LONE}"})
    # Refused naming the rule, or (ask) answered with a refusal in words: never a failure.
    assert {e["errorType"] for e in answer.get("errors", [])} <= {"ValidationError"}
    assert answer.get("errors") or answer["data"]
