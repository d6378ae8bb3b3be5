"""Reads and reports behind 1000-row inserts on Redshift's LOCK (the fake Data API on PostgreSQL).

    .venv/bin/python -m bench.redshift_locks [--batches 6] [--readers 2] [--rows 1000]

Every employee batch LOCKs departments, jobs and hired_employees (ACCESS
EXCLUSIVE) for its whole transaction, so a read of any of them waits. On a
throwaway PostgreSQL cluster (same locks, same snapshot rules) this measures:

- the lock hold time of one insert batch: from LOCK granted to COMMIT done, split
  into staging (temp table + VALUES), verdicts (the SELECTs) and the insert;
- each read's latency alone (baseline, same run) and while a writer inserts
  batches back to back, split by whether the read overlapped a held LOCK (a
  read that met none is slowed by CPU contention only: 2 cores, one writer).

Absolute times are PostgreSQL's on this machine, not Redshift's: Redshift runs each
statement of a batch in tens of milliseconds at least (compilation, leader node),
so its hold time is longer; the structure (what is inside the lock) is the same.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.rows import START, employees, redshift_warehouse
from hrgraph_testing.postgres_engine import (
    PostgresCluster,
    PostgresRedshiftEngine,
    PostgresSession,
)
from hrgraph_testing.redshift_data import FakeRedshiftData
from hrgraph_testing.redshift_engine import Outcome
from resolvers.core import ingest, reads, reports
from resolvers.core.cursor import PageTokens
from resolvers.core.tables import Table

TOKENS = PageTokens(b"bench key, thirty-two bytes long")


@dataclass
class Hold:
    """One transaction that took LOCK: when each phase ended, from LOCK granted."""

    locked_at: float
    phases: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    total: float = 0.0


class TimedSession:
    """Times each statement of a session and the span its LOCKs are held."""

    def __init__(self, inner: PostgresSession, holds: list[Hold]) -> None:
        self._inner, self._holds = inner, holds
        self._hold: Hold | None = None

    def prepare(self, sqls: Sequence[str], params: Mapping[str, str]) -> None:
        self._inner.prepare(sqls, params)

    def begin(self) -> None:
        self._inner.begin()

    def run(self, sql: str, params: Mapping[str, str]) -> Outcome:
        started = time.perf_counter()
        outcome = self._inner.run(sql, params)
        ended = time.perf_counter()
        if sql.lstrip().upper().startswith("LOCK"):
            self._hold = Hold(ended)
        elif self._hold is not None:
            self._hold.phases[_phase(sql)] += ended - started
        return outcome

    def end(self, commit: bool) -> None:
        started = time.perf_counter()
        self._inner.end(commit)
        if self._hold is not None:
            ended = time.perf_counter()
            self._hold.phases["commit"] += ended - started
            self._hold.total = ended - self._hold.locked_at
            self._holds.append(self._hold)
            self._hold = None

    def close(self) -> None:
        self._inner.close()


class TimedEngine:
    def __init__(self, inner: PostgresRedshiftEngine) -> None:
        self.inner, self.holds, self.object_reader = inner, list[Hold](), None

    def session(self) -> TimedSession:
        return TimedSession(self.inner.session(), self.holds)


def _phase(sql: str) -> str:
    head = sql.lstrip().upper()
    if head.startswith(("CREATE TEMP", "INSERT INTO STAGED_BATCH")):
        return "staging"
    if head.startswith("SELECT"):
        return "verdicts"
    return "insert"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=6, help="insert batches under load")
    parser.add_argument("--readers", type=int, default=2, help="concurrent reader threads")
    parser.add_argument("--rows", type=int, default=1000, help="rows per insert batch")
    args = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="hrgraph-bench-pg-"))
    cluster = PostgresCluster.start(directory)
    try:
        run(cluster, args.batches, args.readers, args.rows)
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


def run(cluster: PostgresCluster, batches: int, readers: int, rows: int) -> None:
    engine = TimedEngine(PostgresRedshiftEngine(cluster))
    fake = FakeRedshiftData(engine)  # type: ignore[arg-type]  # a timing wrapper, same shape
    warehouse = redshift_warehouse(fake)
    next_id = 1
    for _ in range(10):  # 10 batches to start from
        ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(next_id, rows))
        next_id += rows
    operations: dict[str, Callable[[], object]] = {
        "read one employee": lambda: reads.get(warehouse, Table.HIRED_EMPLOYEES, 7),
        "read a page of 100": lambda: reads.page(
            warehouse, TOKENS, Table.HIRED_EMPLOYEES, 100, None
        ),
        "read a department": lambda: reads.get(warehouse, Table.DEPARTMENTS, 3),
        "report: hires by quarter": lambda: reports.hires_by_quarter(warehouse, START.year),
        "report: departments above mean": lambda: reports.departments_above_mean(
            warehouse, START.year
        ),
    }

    def read_loop(until: Callable[[], bool], into: dict[str, list[tuple[float, float]]]) -> None:
        while not until():
            for name, operation in operations.items():
                began = time.perf_counter()
                operation()
                into[name].append((began, time.perf_counter()))

    # Baseline: the same readers with no writer, for as many rounds as under load.
    alone: dict[str, list[tuple[float, float]]] = defaultdict(list)
    rounds = 0

    def enough() -> bool:
        return len(alone["read one employee"]) >= max(rounds, 20)

    engine.holds.clear()
    alone_insert = []
    for _ in range(3):
        began = time.perf_counter()
        ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(next_id, rows))
        alone_insert.append(time.perf_counter() - began)
        next_id += rows
    holds_alone = list(engine.holds)

    loaded: dict[str, list[tuple[float, float]]] = defaultdict(list)
    writing = threading.Event()
    writing.set()
    under_load_insert: list[float] = []

    def write() -> None:
        nonlocal next_id
        for _ in range(batches):
            began = time.perf_counter()
            ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(next_id, rows))
            under_load_insert.append(time.perf_counter() - began)
            next_id += rows
        writing.clear()

    engine.holds.clear()
    threads = [threading.Thread(target=write)] + [
        threading.Thread(target=read_loop, args=(lambda: not writing.is_set(), loaded))
        for _ in range(readers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    holds_loaded = list(engine.holds)
    rounds = len(loaded["read one employee"])
    read_loop(enough, alone)

    print(f"{rows}-row employee inserts; {readers} readers; PostgreSQL {cluster_version(cluster)}")
    print("\nlock hold time of one insert (LOCK granted -> COMMIT done), ms")
    for label, holds in (("alone", holds_alone), ("under reads", holds_loaded)):
        phases = {p: statistics.mean(h.phases[p] for h in holds) * 1e3 for p in _PHASES}
        split = "  ".join(f"{p} {v:.1f}" for p, v in phases.items())
        print(
            f"  {label:<12} median {statistics.median(h.total for h in holds) * 1e3:7.1f}"
            f"  max {max(h.total for h in holds) * 1e3:7.1f}   ({split})"
        )
    print(
        f"  insert call, alone {statistics.median(alone_insert) * 1e3:.1f} ms; "
        f"under reads {statistics.median(under_load_insert) * 1e3:.1f} ms (median)"
    )
    spans = [(h.locked_at, h.locked_at + h.total) for h in holds_loaded]

    def blocked(read: tuple[float, float]) -> bool:
        return any(read[0] < end and start < read[1] for start, end in spans)

    print(
        f"\n{'read (median ms)':<32}{'alone':>8}{'no LOCK met':>13}{'LOCK met':>10}"
        f"{'met/alone':>11}{'p95 met':>9}{'n met':>7}"
    )
    for name in operations:
        base = statistics.median(_seconds(alone[name]))
        free = _seconds([r for r in loaded[name] if not blocked(r)]) or [float("nan")]
        met_count = sum(1 for r in loaded[name] if blocked(r))
        met = _seconds([r for r in loaded[name] if blocked(r)]) or [float("nan")]
        print(
            f"{name:<32}{base * 1e3:>8.1f}{statistics.median(free) * 1e3:>13.1f}"
            f"{statistics.median(met) * 1e3:>10.1f}{statistics.median(met) / base:>11.1f}"
            f"{_percentile(met, 0.95) * 1e3:>9.1f}{met_count:>7}"
        )
    print(f"({rounds} rounds under load, {len(alone['read one employee'])} alone)")
    engine.inner.close()


_PHASES = ("staging", "verdicts", "insert", "commit")


def _seconds(reads: list[tuple[float, float]]) -> list[float]:
    return [end - start for start, end in reads]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cluster_version(cluster: PostgresCluster) -> str:
    with cluster.connect() as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "?"


if __name__ == "__main__":
    main()
