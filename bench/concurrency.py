"""Latency under concurrency: many clients at once, and quick requests beside a slow one.

    python -m bench.concurrency [--clients 32] [--seconds 8] [--repeat 2]

A local server (``hrgraph serve``) in its own process, as a user runs it, with
demo departments. In one run, side by side:

- 32 clients, each sending ``{ department(id: 1) { id department } }`` back to
  back for ``--seconds``: errors, p50, p99. Baseline: the same 32 clients on
  ``/health`` (the HTTP stack alone, no GraphQL, no handler, no DuckDB), and
  one client alone on the same query.
- one client sending the same query while another request runs ``runSql``
  over a query that runs to its 10 s timeout: p99 of the quick query.
  Baseline: the same client without the slow request.

The machine is shared (2 cores, other work on them): every scenario runs
``--repeat`` times, interleaved, and each figure is reported as min..max over
the runs (p99 is the figure of merit, so its spread is shown, not hidden).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.ingest import server_process

SIMPLE = "{ department(id: 1) { id department } }"
# 1000 departments joined four times over, filtered so that no statistic can skip the work:
# DuckDB runs it until the 10 s read-only SQL timeout interrupts it.
SLOW_SQL = (
    "SELECT COUNT(*) AS n FROM departments a, departments b, departments c, departments d "
    "WHERE (a.id * 31 + b.id * 17 + c.id * 7 + d.id) % 997 = 5"
)


@dataclass
class Latencies:
    name: str
    seconds: list[float]
    errors: int

    def quantile(self, q: float) -> float:
        ordered = sorted(self.seconds)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def p99(self) -> float:
        return self.quantile(0.99)


async def _client(
    http: httpx.AsyncClient, url: str, body: dict[str, object] | None, until: float
) -> tuple[list[float], int]:
    times: list[float] = []
    errors = 0
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            if body is None:
                response = await http.get(url)
                ok = response.status_code == 200
            else:
                response = await http.post(url, json=body)
                ok = response.status_code == 200 and "errors" not in response.json()
        except httpx.HTTPError:
            ok = False
        times.append(time.perf_counter() - started)
        errors += not ok
    return times, errors


def load(
    name: str, url: str, token: str, body: dict[str, object] | None, clients: int, seconds: float
) -> Latencies:
    async def run() -> Latencies:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(
            headers={"Authorization": token}, timeout=60, limits=limits
        ) as http:
            until = time.perf_counter() + seconds
            results = await asyncio.gather(
                *[_client(http, url, body, until) for _ in range(clients)]
            )
        return Latencies(
            name,
            [t for times, _ in results for t in times],
            sum(errors for _, errors in results),
        )

    return asyncio.run(run())


def beside_slow_query(url: str, token: str, seconds: float) -> Latencies:
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


def seed(url: str, token: str) -> None:
    rows = [{"id": i, "department": f"Department {i}"} for i in range(1, 1001)]
    body = {
        "query": "mutation($r: [DepartmentInput]!) { insertDepartments(rows: $r) { inserted } }",
        "variables": {"r": rows},
    }
    httpx.post(url, json=body, headers={"Authorization": token}, timeout=60).raise_for_status()


def _ms(values: list[float]) -> str:
    low, high = min(values) * 1000, max(values) * 1000
    return f"{low:7.1f}" if abs(high - low) < 0.05 else f"{low:7.1f}..{high:.1f}"


def report(runs: list[list[Latencies]]) -> None:
    print(f"{'scenario':<44} {'requests':>9} {'errors':>6} {'p50 ms':>16} {'p99 ms':>16}")
    for column in zip(*runs, strict=True):
        name = column[0].name
        requests = sum(len(m.seconds) for m in column)
        errors = sum(m.errors for m in column)
        p50 = _ms([m.p50 for m in column])
        p99 = _ms([m.p99 for m in column])
        print(f"{name:<44} {requests:>9} {errors:>6} {p50:>16} {p99:>16}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--repeat", type=int, default=2)
    options = parser.parse_args(argv)
    runs: list[list[Latencies]] = []
    with (
        tempfile.TemporaryDirectory(prefix="hrgraph-bench-") as tmp,
        server_process(Path(tmp)) as (url, token),
    ):
        seed(url, token)
        health = url.removesuffix("/graphql") + "/health"
        n, s = options.clients, options.seconds
        for _ in range(options.repeat):
            runs.append(
                [
                    load(f"baseline: {n} clients on /health", health, token, None, n, s),
                    load(f"{n} clients, simple query", url, token, {"query": SIMPLE}, n, s),
                    load("baseline: 1 client, simple query", url, token, {"query": SIMPLE}, 1, s),
                    beside_slow_query(url, token, s),
                ]
            )
    report(runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
