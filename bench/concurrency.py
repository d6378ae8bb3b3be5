"""Latency under concurrency: many clients at once, and quick requests beside a slow one.

    python -m bench.concurrency [--clients 32] [--seconds 8] [--repeat 2] [--no-peer]

The load comes from ``wrk`` (Debian's package; ``make bench`` installs it), a
C load generator in its own process, as the field measures HTTP servers: a
Python client on the same 2 cores would spend more CPU sending than the
server spends answering, and measure itself. The server is ``hrgraph-local serve``
in its own process, as a user runs it, with demo departments. In one run, side
by side:

- 32 connections, each sending ``{ department(id: 1) { id department } }``
  back to back for ``--seconds``: errors, requests/s, p50, p99. Baselines: the
  same 32 connections on ``/health`` (the HTTP stack alone: no GraphQL, no
  handler, no DuckDB), and one connection alone on the same query.
- the same 32 connections on ``{ employee(id: 1) { id name datetime } }``:
  a wider record, with a datetime to present. Records read by id are served
  from the warehouse's memory after their first read, until a write to their
  table (resolvers/adapters/reference_cache.py); before employees were kept
  too, this row carried a DuckDB point query (about 0.9 ms of CPU) in every
  request.
- one connection sending the same query while another request runs
  ``runSql`` over a query that runs to its 10 s timeout: p99 of the quick
  query. Baseline: the same connection without the slow request.
- the peer (issue 21): PostGraphile 4 on PostgreSQL 15 with the same rows
  (bench/peer.py says how it is set up), right after hrgraph on each query, at
  the same connections, and the ratios hrgraph ÷ PostGraphile of p50 and p99,
  run by run. Without PostGraphile or PostgreSQL the bench says how to get them
  and measures hrgraph alone.
- beside each of these, the CPU (user + system) the server's processes spent
  per request, read from /proc: hrgraph's server and its handler's process;
  PostGraphile's Node process and PostgreSQL's. At 32 connections on a busy
  machine the median is mostly queue, and the queue follows this cost.

Before the measured runs, 2 s of each query at ``--clients`` connections go
unmeasured: a fresh server fills its caches (parsed documents, the handler's
first calls) in its first requests, and the first run's p99 would show them.
An error is any answer that is not HTTP 200 or whose body holds ``"errors"``
(wrk's Lua ``response`` hook reads every body). The machine is shared: every
scenario runs ``--repeat`` times, interleaved, and each figure is reported as
min..max over the runs (p99 is the figure of merit, so its spread is shown), with each run's load
average beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench import peer
from bench.ingest import server_process

SIMPLE = "{ department(id: 1) { id department } }"
EMPLOYEE = "{ employee(id: 1) { id name datetime } }"
# 1000 departments joined four times over, filtered so that no statistic can skip the work:
# DuckDB runs it until the 10 s read-only SQL timeout interrupts it.
SLOW_SQL = (
    "SELECT COUNT(*) AS n FROM departments a, departments b, departments c, departments d "
    "WHERE (a.id * 31 + b.id * 17 + c.id * 7 + d.id) % 997 = 5"
)

# wrk's script: the request, an error count read from every answer, and one line of
# results (latencies in microseconds) that this module parses.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) errors = 0 end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
end
function done(summary, latency, requests)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  for _, thread in ipairs(threads) do failed = failed + thread:get("errors") end
  io.write(string.format("HRGRAPH %d %d %d %d\\n", summary.requests, failed,
    latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass
class Latencies:
    name: str
    requests: int
    errors: int
    seconds: float
    p50: float
    p99: float
    cpu_ms: float | None = None
    """CPU per request of the server's processes (user + system), None where not counted."""

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is not installed: `make bench` installs it (apt-get install wrk)")
    return found


def load(
    name: str,
    url: str,
    token: str | None,
    body: dict[str, object] | None,
    clients: int,
    seconds: int,
    servers: Sequence[int] = (),
) -> Latencies:
    """``clients`` connections sending back to back for ``seconds`` (GET when no body),
    and the CPU the process trees of ``servers`` spent meanwhile."""
    with tempfile.TemporaryDirectory(prefix="hrgraph-wrk-") as tmp:
        script = Path(tmp, "load.lua")
        request = ""
        if body is not None:
            request = (
                'wrk.method = "POST"\n'
                f"wrk.body = {json.dumps(json.dumps(body))}\n"
                'wrk.headers["Content-Type"] = "application/json"\n'
            )
        if token is not None:
            request += f'wrk.headers["Authorization"] = {json.dumps(token)}\n'
        script.write_text(request + WRK_SCRIPT)
        command = [
            wrk_binary(), "-t1", f"-c{clients}", f"-d{seconds}s", "--timeout", "60s",
            "-s", str(script), url,
        ]  # fmt: skip
        before = cpu_by_process(servers)
        finished = subprocess.run(command, capture_output=True, text=True, check=True)
        after = cpu_by_process(servers)
    output = finished.stdout
    line = next((line for line in output.splitlines() if line.startswith("HRGRAPH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no results:\n{output}{finished.stderr}")
    requests, errors, p50, p99 = (int(value) for value in line.split()[1:])
    cpu = sum(spent - before.get(pid, 0.0) for pid, spent in after.items())
    cpu_ms = cpu * 1000 / requests if after and requests else None
    return Latencies(name, requests, errors, seconds, p50 / 1e6, p99 / 1e6, cpu_ms)


def cpu_by_process(roots: Sequence[int]) -> dict[int, float]:
    """CPU seconds (user + system) so far of each process in the trees under ``roots``, from
    Linux's /proc (nothing elsewhere). On a busy machine a median at 32 connections is
    mostly queue, and the queue follows what each request costs: this shows the cost."""
    proc = Path("/proc")
    if not roots or not proc.is_dir():
        return {}
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    spent: dict[int, float] = {}
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:  # after the command's name: state, parent, ... utime (12th), stime (13th)
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # it ended meanwhile
            parents[int(entry.name)] = int(fields[1])
            spent[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    tree = set(roots) & spent.keys()
    while more := {pid for pid, parent in parents.items() if parent in tree} - tree:
        tree |= more
    return {pid: spent[pid] for pid in tree}


def beside_slow_query(url: str, token: str, seconds: int) -> Latencies:
    """The simple query, one client, while another request runs a query to its timeout."""
    slow_done = threading.Event()

    def slow() -> None:
        body = {
            "query": "query($s: String!) { runSql(sql: $s) { rowCount } }",
            "variables": {"s": SLOW_SQL},
        }
        httpx.post(url, json=body, headers={"Authorization": token}, timeout=120)
        slow_done.set()

    thread = threading.Thread(target=slow, daemon=True)
    thread.start()
    time.sleep(0.5)  # the slow query is running
    measured = load("beside a 10 s query", url, token, {"query": SIMPLE}, 1, seconds)
    thread.join(timeout=120)
    if not slow_done.is_set():
        measured.errors += 1
    return measured


def departments() -> list[tuple[int, str]]:
    return [(i, f"Department {i}") for i in range(1, 1001)]


def employees() -> list[tuple[int, str, str, int]]:
    return [(i, f"Person {i}", "2021-06-01T09:00:00Z", i) for i in range(1, 1001)]


def seed(url: str, token: str) -> None:
    """The rows the peer's tables hold too: 1,000 departments, 1,000 people."""
    rows = [{"id": i, "department": name} for i, name in departments()]
    body = {
        "query": "mutation($r: [DepartmentInput]!) { insertDepartments(rows: $r) { inserted } }",
        "variables": {"r": rows},
    }
    httpx.post(url, json=body, headers={"Authorization": token}, timeout=60).raise_for_status()
    people = [
        {"id": i, "name": name, "datetime": hired, "departmentId": department}
        for i, name, hired, department in employees()
    ]
    body = {
        "query": "mutation($r: [EmployeeInput]!) { insertEmployees(rows: $r) { inserted } }",
        "variables": {"r": people},
    }
    httpx.post(url, json=body, headers={"Authorization": token}, timeout=60).raise_for_status()


def _range(values: list[float], scale: float = 1.0, digits: int = 1) -> str:
    low, high = min(values) * scale, max(values) * scale
    if round(low, digits) == round(high, digits):
        return f"{low:.{digits}f}"
    return f"{low:.{digits}f}..{high:.{digits}f}"


def report(runs: list[list[Latencies]], loads: list[float], pairs: list[tuple[int, int]]) -> None:
    """The table (min..max over runs), then hrgraph ÷ peer in each run for each pair of rows:
    the two sides of a ratio ran seconds apart, so the ratio says more than the ranges."""
    print(
        f"{'scenario':<46} {'requests':>9} {'errors':>6} {'req/s':>11} "
        f"{'p50 ms':>13} {'p99 ms':>13} {'CPU ms/req':>11}"
    )
    for column in zip(*runs, strict=True):
        name = column[0].name
        requests = sum(m.requests for m in column)
        errors = sum(m.errors for m in column)
        rate = _range([m.per_second for m in column], digits=0)
        p50 = _range([m.p50 for m in column], 1000)
        p99 = _range([m.p99 for m in column], 1000)
        counted = [m.cpu_ms for m in column if m.cpu_ms is not None]
        cpu = _range(counted, digits=2) if counted else "-"
        print(f"{name:<46} {requests:>9} {errors:>6} {rate:>11} {p50:>13} {p99:>13} {cpu:>11}")
    print("hrgraph ÷ PostGraphile, each run (below 1: hrgraph faster):")
    for ours, theirs in pairs:
        p50 = ", ".join(f"{run[ours].p50 / run[theirs].p50:.2f}" for run in runs)
        p99 = ", ".join(f"{run[ours].p99 / run[theirs].p99:.2f}" for run in runs)
        name = runs[0][ours].name.removesuffix(": hrgraph")
        print(f"  {name:<24} p50 {p50:<20} p99 {p99}")
    print("load average (1 min) at each run's start: " + ", ".join(f"{x:.1f}" for x in loads))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-peer", action="store_true", help="measure hrgraph alone")
    options = parser.parse_args(argv)
    absent = "--no-peer" if options.no_peer else peer.missing()
    if absent is not None:
        print(f"{peer.NAME} skipped: {absent}")
    runs: list[list[Latencies]] = []
    loads: list[float] = []
    with ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="hrgraph-bench-"))
        url, token, server = stack.enter_context(server_process(Path(tmp)))
        seed(url, token)
        them = None
        if absent is None:
            them = stack.enter_context(peer.peer_server(departments(), employees()))
        ourselves = [server]
        health = url.removesuffix("/graphql") + "/health"
        n, s = options.clients, options.seconds
        ours = {"department": SIMPLE, "employee": EMPLOYEE}
        theirs = {"department": peer.DEPARTMENT, "employee": peer.EMPLOYEE}
        for query in ours.values():  # unmeasured: a fresh server's caches fill first
            load("warm-up", url, token, {"query": query}, n, 2)
        if them is not None:
            for query in theirs.values():
                load("warm-up", them.url, None, {"query": query}, n, 2)
        pairs: list[tuple[int, int]] = []
        for _ in range(options.repeat):
            loads.append(os.getloadavg()[0])
            base = f"baseline: {n} clients on /health"
            run = [load(base, health, token, None, n, s, ourselves)]
            pairs = []
            for clients, what in ((n, "department"), (n, "employee"), (1, "department")):
                label = f"{clients} client{'s' if clients > 1 else ''}, {what}"
                mine: dict[str, object] = {"query": ours[what]}
                run.append(load(f"{label}: hrgraph", url, token, mine, clients, s, ourselves))
                if them is not None:
                    peers: dict[str, object] = {"query": theirs[what]}
                    named = f"{label}: {peer.NAME}"
                    run.append(load(named, them.url, None, peers, clients, s, them.processes))
                    pairs.append((len(run) - 2, len(run) - 1))
            run.append(beside_slow_query(url, token, s))
            runs.append(run)
    report(runs, loads, pairs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
