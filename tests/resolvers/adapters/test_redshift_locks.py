"""Reads behind writes on Redshift: the fake on PostgreSQL, where LOCK makes reads wait.

Every write batch takes LOCK (ACCESS EXCLUSIVE), so on Redshift a read of a
locked table waits for the writer's transaction to end. The DuckDB engine does
not model that; the PostgreSQL engine has the same locks and snapshots for real.
What a user cares about: a read behind a batch waits rather than failing, and
sees the batch whole or not at all, never half of it.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hrgraph_testing.postgres_engine import PostgresCluster, PostgresRedshiftEngine
from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters import redshift_backup
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.adapters.redshift_data_client import Done
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core import backup, ingest
from resolvers.core.tables import Department, Table
from tests.resolvers.adapters.redshift_support import warehouse_on

BATCH = 1000
DEPARTMENTS, JOBS = 12, 49
START = datetime(2021, 1, 1, tzinfo=UTC)
STAGING = re.compile(r"\s*(CREATE TEMP TABLE|INSERT INTO) staged_batch\b")


@pytest.fixture
def engine(postgres_cluster: PostgresCluster) -> Iterator[PostgresRedshiftEngine]:
    engine = PostgresRedshiftEngine(postgres_cluster)
    yield engine
    engine.close()


@pytest.fixture
def fake(engine: PostgresRedshiftEngine) -> FakeRedshiftData:
    return FakeRedshiftData(engine)


def until_a_session_waits_for_a_lock(engine: PostgresRedshiftEngine) -> bool:
    """True once some session of this engine waits for a lock another one holds."""
    deadline = time.monotonic() + 30
    with engine.cluster.connect() as connection:
        while time.monotonic() < deadline:
            row = connection.execute(
                "SELECT count(*) FROM pg_locks AS l JOIN pg_class AS c ON c.oid = l.relation"
                " JOIN pg_namespace AS n ON n.oid = c.relnamespace"
                " WHERE NOT l.granted AND n.nspname = %s",
                [engine.schema],
            ).fetchone()
            if row and row[0]:
                return True
            time.sleep(0.01)
    return False


def employees(first: int, count: int = BATCH) -> list[dict[str, Any]]:
    """Hires in 2021, each with a department and a job: every one counts in the reports."""
    return [
        {
            "id": i,
            "name": f"Person {i}",
            "datetime": (START + timedelta(minutes=i)).isoformat(),
            "departmentId": i % DEPARTMENTS + 1,
            "jobId": i % JOBS + 1,
        }
        for i in range(first, first + count)
    ]


def seeded(fake: FakeRedshiftData) -> RedshiftWarehouse:
    warehouse = warehouse_on(fake)
    departments = [{"id": i, "department": f"D{i}"} for i in range(1, DEPARTMENTS + 1)]
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, departments)
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": i, "job": f"J{i}"} for i in range(1, 50)])
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(1))
    return warehouse


def hold_the_lock_after(
    fake: FakeRedshiftData, prefix: str
) -> tuple[threading.Event, threading.Event]:
    """The writer stops inside its transaction, LOCKs held, after its statement ``prefix``."""
    holding, release = threading.Event(), threading.Event()

    def pause(sql: str) -> None:
        if sql.startswith(prefix) and not holding.is_set():
            holding.set()
            release.wait(30)

    fake.after_statement = pause
    return holding, release


def test_a_read_waits_behind_a_batch_and_sees_it_whole(
    fake: FakeRedshiftData, engine: PostgresRedshiftEngine
) -> None:
    warehouse = seeded(fake)
    holding, release = hold_the_lock_after(fake, "INSERT INTO hired_employees")
    writer = threading.Thread(
        target=ingest.insert_batch,
        args=(warehouse, Table.HIRED_EMPLOYEES, employees(BATCH + 1)),
    )
    writer.start()
    assert holding.wait(30)
    seen: dict[str, Any] = {}
    reader = threading.Thread(target=lambda: seen.update(n=warehouse.count(Table.HIRED_EMPLOYEES)))

    reader.start()
    waited = until_a_session_waits_for_a_lock(engine)
    still_waiting = reader.is_alive()
    release.set()
    writer.join(30)
    reader.join(30)

    assert waited and still_waiting, "the read went past another session's LOCK"
    assert seen["n"] in {BATCH, 2 * BATCH}  # the batch whole, or not at all
    assert warehouse.count(Table.HIRED_EMPLOYEES) == 2 * BATCH


def test_reads_of_tables_the_batch_did_not_lock_do_not_wait(fake: FakeRedshiftData) -> None:
    warehouse = seeded(fake)
    holding, release = hold_the_lock_after(fake, "INSERT INTO departments")
    writer = threading.Thread(
        target=warehouse.insert_new, args=(Table.DEPARTMENTS, [Department(99, "new")])
    )
    writer.start()
    assert holding.wait(30)
    try:
        assert warehouse.count(Table.JOBS) == JOBS  # answers while departments is locked
    finally:
        release.set()
        writer.join(30)


def test_reads_and_reports_under_1000_row_inserts_see_whole_batches(
    fake: FakeRedshiftData,
) -> None:
    warehouse = seeded(fake)
    batches = 3
    totals = {BATCH * k for k in range(1, batches + 2)}
    done = threading.Event()
    problems: list[str] = []
    reads = {"count": 0, "report": 0, "page": 0}

    def write() -> None:
        try:
            for k in range(1, batches + 1):
                report = ingest.insert_batch(
                    warehouse, Table.HIRED_EMPLOYEES, employees(k * BATCH + 1)
                )
                if len(report.inserted_ids) != BATCH:
                    problems.append(f"batch {k} inserted {len(report.inserted_ids)}")
                time.sleep(0.02)  # let the readers in between batches too
        finally:
            done.set()

    def read() -> None:
        while not done.is_set():
            count = warehouse.count(Table.HIRED_EMPLOYEES)
            if count not in totals:
                problems.append(f"count saw {count} rows: part of a batch")
            hires = sum(q.q1 + q.q2 + q.q3 + q.q4 for q in warehouse.hires_by_quarter(START.year))
            if hires not in totals:
                problems.append(f"the report counted {hires} hires: part of a batch")
            page = [r.id for r in warehouse.page(Table.HIRED_EMPLOYEES, 2 * BATCH, 100)]
            if page not in ([], list(range(2 * BATCH + 1, 2 * BATCH + 101))):
                problems.append(f"a page held {len(page)} rows of the second batch")
            reads["count"] += 1
            reads["report"] += 1
            reads["page"] += 1

    readers = [threading.Thread(target=read) for _ in range(2)]
    writer = threading.Thread(target=write)
    for thread in [*readers, writer]:
        thread.start()
    for thread in [writer, *readers]:
        thread.join(120)

    assert problems == []
    assert reads["count"] > 0
    assert warehouse.count(Table.HIRED_EMPLOYEES) == BATCH * (batches + 1)


def test_staging_before_the_lock_would_let_racing_writers_duplicate(
    fake: FakeRedshiftData, engine: PostgresRedshiftEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why the staging stays after LOCK: its first statement would fix the snapshot.

    Redshift (like PostgreSQL) takes a transaction's snapshot at its first query or
    CREATE TABLE, not at LOCK. Staged first, a writer that then waits for the LOCK
    decides on a snapshot from before the other writer's commit.
    """
    warehouse = warehouse_on(fake)
    batch = warehouse.writer.batch

    def staged_first(sqls: Sequence[str]) -> list[Done]:
        lock, staging = sqls[0], [s for s in sqls[1:] if STAGING.match(s)]
        rest = [s for s in sqls[1:] if s not in staging]
        done = batch([*staging, lock, *rest])
        return [done[len(staging)], *done[: len(staging)], *done[len(staging) + 1 :]]

    monkeypatch.setattr(warehouse.writer, "batch", staged_first)
    holding, release = hold_the_lock_after(fake, "INSERT INTO departments")
    first = threading.Thread(
        target=warehouse.insert_new, args=(Table.DEPARTMENTS, [Department(1, "first")])
    )
    first.start()
    assert holding.wait(30)
    racer = threading.Thread(
        target=warehouse.insert_new, args=(Table.DEPARTMENTS, [Department(1, "second")])
    )
    racer.start()
    assert until_a_session_waits_for_a_lock(engine)  # the second, staging, has its snapshot
    release.set()
    first.join(30)
    racer.join(30)

    ids = [r.id for r in warehouse.page(Table.DEPARTMENTS, 0, 100)]
    assert ids == [1, 1]  # both decided on a snapshot without the other's row


def test_a_report_behind_a_restore_waits_for_the_renames_only_and_reads_the_new_table(
    fake: FakeRedshiftData, engine: PostgresRedshiftEngine
) -> None:
    """Under the swap's LOCK no row is copied; a report queued behind it reads the restored rows."""
    warehouse = seeded(fake)
    store = MemoryBackupStore()
    made = backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="t")
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(BATCH + 1))
    under_lock: list[str] = []
    holding, release = threading.Event(), threading.Event()

    def hold_after_the_swaps_lock(sql: str) -> None:
        if holding.is_set():
            under_lock.append(sql)
        elif sql.startswith("LOCK"):  # the restore's only LOCK is its swap's
            holding.set()
            release.wait(30)

    fake.after_statement = hold_after_the_swaps_lock
    restorer = threading.Thread(
        target=backup.restore_table, args=(warehouse, store, Table.HIRED_EMPLOYEES, made.id)
    )
    restorer.start()
    assert holding.wait(30)
    seen: dict[str, Any] = {}
    reader = threading.Thread(target=lambda: seen.update(n=warehouse.count(Table.HIRED_EMPLOYEES)))
    reader.start()
    waited = until_a_session_waits_for_a_lock(engine)
    release.set()
    restorer.join(60)
    reader.join(60)

    assert waited, "the report went past the swap's LOCK"
    assert seen["n"] == BATCH  # the restored table, whole, under its own name
    assert not [sql for sql in under_lock if sql.startswith(("INSERT", "DELETE", "COPY"))]
    assert warehouse.count(Table.HIRED_EMPLOYEES) == BATCH


def test_two_restores_swapping_at_once_queue_on_the_lock_and_both_succeed(
    fake: FakeRedshiftData, engine: PostgresRedshiftEngine
) -> None:
    """Two restores of one table at once: each loads its own staging table, and the second
    swap waits for the first's LOCK, then renames the table the first put in place."""
    warehouse = seeded(fake)
    store = MemoryBackupStore()
    older = backup.backup_table(warehouse, store, Table.DEPARTMENTS, created_by="ana")
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 99, "department": "Later"}])
    newer = backup.backup_table(warehouse, store, Table.DEPARTMENTS, created_by="bo")
    outcomes: dict[str, Any] = {}
    checked, go_on = threading.Event(), threading.Event()

    def wait_before_swapping(staged: Any) -> None:
        checked.set()
        go_on.wait(30)

    def restore(name: str, made: Any, check: Any) -> None:
        rows = backup._verified_rows(store, made, 100)
        try:
            outcomes[name] = warehouse.restore_swap(Table.DEPARTMENTS, rows, check)
        except Exception as error:  # the assertion below names it
            outcomes[name] = error

    # GIVEN one restore loaded and checked, about to swap
    second = threading.Thread(target=restore, args=("second", newer, wait_before_swapping))
    second.start()
    assert checked.wait(30)
    # WHEN another restore of the same table runs and holds its swap's LOCK ...
    holding, release = hold_the_lock_after(fake, "LOCK")
    first = threading.Thread(target=restore, args=("first", older, lambda staged: None))
    first.start()
    assert holding.wait(30)
    # ... while the first one's swap starts and queues behind it
    go_on.set()
    waited = until_a_session_waits_for_a_lock(engine)
    release.set()
    first.join(60)
    second.join(60)

    # THEN both swapped, one after the other: the last swap's rows are the table's
    assert waited, "the second swap did not wait for the first's LOCK"
    assert outcomes == {"first": DEPARTMENTS + 1, "second": DEPARTMENTS}
    assert [d.id for d in warehouse.page(Table.DEPARTMENTS, 0, 100)] == [
        *range(1, DEPARTMENTS + 1),
        99,
    ]
    assert redshift_backup.staging_tables(warehouse.writer, Table.DEPARTMENTS) == {}
