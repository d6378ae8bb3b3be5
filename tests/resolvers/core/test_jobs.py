"""Backups and restores as jobs: returned at once, worked once, failures in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from resolvers.adapters.folder_store import FolderBackupStore
from resolvers.adapters.memory_jobs import ManualLauncher, MemoryJobStore
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.core import backup, imports, ingest, jobs
from resolvers.core.avro_format import Codec
from resolvers.core.backup_job import BackupJob, ImportStage, JobKind, JobStatus
from resolvers.core.errors import NotFound, Unavailable, ValidationError
from resolvers.core.ports import Warehouse
from resolvers.core.tables import Table
from tests.conftest import WAREHOUSES
from tests.resolvers.core.test_reads import TOKENS


class Bench:
    """The job ports on fakes, around one warehouse and one backup store."""

    def __init__(self, warehouse: Warehouse) -> None:
        self.warehouse = warehouse
        self.backups = MemoryBackupStore()
        self.store = MemoryJobStore()
        self.launcher = ManualLauncher(self.run)

    def run(self, job_id: str) -> BackupJob | None:
        return jobs.run(job_id, self.store, self.warehouse, self.backups)

    def backup(self, table: Table = Table.JOBS) -> BackupJob:
        return jobs.submit_backup(self.store, self.launcher, table, created_by="ana")

    def restore(self, table: Table, backup_id: str | None = None, force: bool = False) -> BackupJob:
        return jobs.submit_restore(
            self.store, self.launcher, self.backups, table, backup_id, created_by="ana", force=force
        )

    def finished(self, job: BackupJob) -> BackupJob:
        self.launcher.run_all()
        found = self.store.get(job.id)
        assert found is not None
        return found


@pytest.fixture
def bench(warehouse: Warehouse) -> Bench:
    return Bench(warehouse)


def _jobs(warehouse: Warehouse, *ids: int) -> None:
    rows = [{"id": i, "job": f"Job {i}"} for i in ids]
    assert ingest.insert_batch(warehouse, Table.JOBS, rows).inserted == len(ids)


def test_a_backup_job_returns_queued_before_any_work_then_succeeds(bench: Bench) -> None:
    # GIVEN three jobs
    _jobs(bench.warehouse, 1, 2, 3)
    # WHEN a backup is submitted
    job = bench.backup()
    # THEN the request gets a QUEUED job, and nothing is written yet
    assert (job.status, job.kind, job.table, job.created_by) == (
        JobStatus.QUEUED,
        JobKind.BACKUP,
        Table.JOBS,
        "ana",
    )
    assert bench.launcher.launched == [job.id]
    assert bench.backups.list_ids() == []
    # WHEN the worker runs it, THEN it SUCCEEDED with the backup it made
    done = bench.finished(job)
    assert done.status is JobStatus.SUCCEEDED
    assert (done.progress, done.rows_done) == (1.0, 3)
    assert done.started_at is not None and done.finished_at is not None
    assert done.backup is not None and done.backup["rows"] == 3
    assert bench.backups.list_ids() == [done.backup_id]


def test_a_restore_job_swaps_the_table_and_reports_what_it_replaced(bench: Bench) -> None:
    _jobs(bench.warehouse, 1, 2, 3)
    made = bench.finished(bench.backup())
    _jobs(bench.warehouse, 4)

    job = bench.restore(Table.JOBS)
    # The backup to restore is fixed when the job is made (the latest, named in the job).
    assert job.backup_id == made.backup_id
    assert bench.warehouse.count(Table.JOBS) == 4
    done = bench.finished(job)

    assert done.status is JobStatus.SUCCEEDED
    assert done.restore == {"rowsRestored": 3, "previousRows": 4}
    assert bench.warehouse.count(Table.JOBS) == 3


def test_an_unknown_backup_is_refused_at_once_and_no_job_is_made(bench: Bench) -> None:
    with pytest.raises(NotFound):
        bench.restore(Table.JOBS)
    with pytest.raises(NotFound):
        bench.restore(Table.JOBS, "20200101T000000000Z-jobs-abcdef")
    _jobs(bench.warehouse, 1)
    departments = bench.finished(bench.backup(Table.DEPARTMENTS))
    with pytest.raises(ValidationError, match="backup of departments, not jobs"):
        bench.restore(Table.JOBS, departments.backup_id)
    assert [j.kind for j in bench.store.recent(10)] == [JobKind.BACKUP]


def test_a_refused_restore_fails_its_job_with_the_reason_and_changes_nothing(bench: Bench) -> None:
    ingest.insert_batch(bench.warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "Sales"}])
    made = bench.finished(bench.backup(Table.DEPARTMENTS))
    ingest.insert_batch(bench.warehouse, Table.DEPARTMENTS, [{"id": 2, "department": "New"}])
    hire = {"id": 1, "name": "Ada", "datetime": "2021-01-01T00:00:00Z", "departmentId": 2}
    ingest.insert_batch(bench.warehouse, Table.HIRED_EMPLOYEES, [hire])

    done = bench.finished(bench.restore(Table.DEPARTMENTS, made.backup_id))

    assert done.status is JobStatus.FAILED
    assert done.error_type == "Conflict"
    assert done.error is not None and "pass force" in done.error
    assert done.restore is None
    assert bench.warehouse.count(Table.DEPARTMENTS) == 2
    forced = bench.finished(bench.restore(Table.DEPARTMENTS, made.backup_id, force=True))
    assert forced.status is JobStatus.SUCCEEDED


def test_a_store_that_fails_midway_fails_the_job_with_unavailable(bench: Bench) -> None:
    _jobs(bench.warehouse, 1)
    job = bench.backup()
    bench.backups.unavailable = True
    done = bench.finished(job)
    assert (done.status, done.error_type) == (JobStatus.FAILED, "Unavailable")
    assert done.error == "the backup store cannot be reached"


def test_a_bug_fails_the_job_without_its_traceback(
    bench: Bench, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("secret detail")

    monkeypatch.setattr(backup, "backup_table", broken)
    done = bench.finished(bench.backup())
    assert (done.status, done.error_type) == (JobStatus.FAILED, "InternalFailure")
    assert done.error is not None and "secret detail" not in done.error
    assert done.id in done.error


def test_a_worker_that_cannot_start_fails_the_job_and_the_request(bench: Bench) -> None:
    bench.launcher.unavailable = True
    with pytest.raises(Unavailable, match="could not be started"):
        bench.backup()
    (stored,) = bench.store.recent(10)
    assert stored.status is JobStatus.FAILED
    assert stored.error == "the job could not be started: the worker cannot be reached"


def test_a_job_runs_once_however_often_it_is_launched(bench: Bench) -> None:
    _jobs(bench.warehouse, 1)
    job = bench.backup()
    assert bench.run(job.id) is not None
    assert bench.run(job.id) is None  # a repeated invocation finds it claimed
    assert len(bench.backups.list_ids()) == 1


def test_progress_is_recorded_as_chunks_go_by(
    bench: Bench, monkeypatch: pytest.MonkeyPatch
) -> None:
    _jobs(bench.warehouse, *range(1, 26))
    seen: list[tuple[JobStatus, int | None, float | None]] = []
    save = bench.store.save

    def recording(job: BackupJob) -> None:
        seen.append((job.status, job.rows_done, job.progress))
        save(job)

    monkeypatch.setattr(bench.store, "save", recording)
    ticks = iter(range(0, 1000, 5))  # every reading of the clock is 5 s later
    job = bench.backup()
    original = backup.backup_table

    def small_chunks(*args: Any, **kwargs: Any) -> Any:
        return original(*args, chunk_rows=10, **kwargs)

    monkeypatch.setattr(backup, "backup_table", small_chunks)
    jobs.run(job.id, bench.store, bench.warehouse, bench.backups, clock=lambda: next(ticks))

    running = [(rows, share) for status, rows, share in seen if status is JobStatus.RUNNING]
    assert running == [(10, 0.4), (20, 0.8), (25, 0.99)]
    assert seen[-1] == (JobStatus.SUCCEEDED, 25, 1.0)


def test_a_job_whose_worker_died_reads_as_failed_after_the_deadline(bench: Bench) -> None:
    _jobs(bench.warehouse, 1)
    job = bench.backup()
    started = datetime(2026, 1, 1, tzinfo=UTC)
    bench.store.claim(job.id, started)
    soon = jobs.get_job(
        bench.store, job.id, deadline_seconds=60, now=started + timedelta(seconds=59)
    )
    assert soon is not None and soon.status is JobStatus.RUNNING
    later = jobs.get_job(
        bench.store, job.id, deadline_seconds=60, now=started + timedelta(seconds=61)
    )
    assert later is not None
    assert (later.status, later.error, later.error_type) == (
        JobStatus.FAILED,
        jobs.LOST,
        "Unavailable",
    )


def test_jobs_list_newest_first_a_page_at_a_time(bench: Bench) -> None:
    made = [
        jobs.submit_backup(
            bench.store,
            bench.launcher,
            Table.JOBS,
            created_by="ana",
            codec=Codec.SNAPPY,
            now=datetime(2026, 1, 1, 0, 0, second, tzinfo=UTC),
        )
        for second in range(5)
    ]
    first = jobs.list_jobs(bench.store, TOKENS, limit=2)
    assert [j.id for j in first.items] == [made[4].id, made[3].id]
    assert first.next_token is not None
    rest = jobs.list_jobs(bench.store, TOKENS, limit=3, next_token=first.next_token)
    assert [j.id for j in rest.items] == [made[2].id, made[1].id, made[0].id]
    assert rest.next_token is None
    body, signature = first.next_token.split(".")
    resigned = f"{body}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"
    for forged in ("forged", "Z\u0095", resigned):
        with pytest.raises(ValidationError, match="nextToken"):
            jobs.list_jobs(bench.store, TOKENS, next_token=forged)


def test_a_job_past_its_deadline_is_never_started_however_late_its_event_comes(
    bench: Bench,
) -> None:
    # GIVEN a restore queued 20 minutes ago, which users have seen as FAILED since minute 16
    _jobs(bench.warehouse, 1, 2)
    made = bench.finished(bench.backup())
    _jobs(bench.warehouse, 3)
    restore = bench.restore(Table.JOBS, made.backup_id)
    long_ago = restore.created_at - timedelta(minutes=20)
    bench.store.save(restore.with_changes(created_at=long_ago))
    shown = jobs.get_job(bench.store, restore.id)
    assert shown is not None and shown.status is JobStatus.FAILED
    # WHEN Lambda finally delivers its (throttled) event
    ran = jobs.run(restore.id, bench.store, bench.warehouse, bench.backups)
    # THEN the worker refuses it: the table is untouched and the job stays FAILED
    assert ran is not None and ran.status is JobStatus.FAILED
    assert ran.error == jobs.NEVER_STARTED
    assert bench.warehouse.count(Table.JOBS) == 3
    stored = bench.store.get(restore.id)
    assert stored is not None and stored.status is JobStatus.FAILED


def test_an_import_records_every_step_it_finishes_and_invents_no_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 25: a client following an import sees STAGED, CHECKED, INSERTED with their rows,
    even when all three finish within the second that throttles other progress writes."""
    # GIVEN a file of two jobs (one nameless) uploaded for import on DuckDB
    warehouse = WAREHOUSES["duckdb"](tmp_path)
    uploads = FolderBackupStore(tmp_path / "backups")
    source = imports.new_source("jobs.csv")
    path = uploads.upload_path(source)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"1,Engineer\r\n2,\r\n")
    store = MemoryJobStore()
    job = jobs.submit_import(store, ManualLauncher(), uploads, Table.JOBS, source, created_by="ana")
    seen: list[tuple[JobStatus, ImportStage | None, int | None, float | None]] = []
    save = store.save

    def recording(changed: BackupJob) -> None:
        seen.append((changed.status, changed.import_stage, changed.rows_done, changed.progress))
        save(changed)

    monkeypatch.setattr(store, "save", recording)
    # WHEN it runs on a clock that never moves
    jobs.run(job.id, store, warehouse, MemoryBackupStore(), clock=lambda: 0.0, uploads=uploads)
    # THEN every step was recorded with its rows, and no share until the end
    assert job.progress is None
    running = JobStatus.RUNNING
    assert seen == [
        (running, ImportStage.STAGED, 2, None),
        (running, ImportStage.CHECKED, 2, None),
        (running, ImportStage.INSERTED, 2, None),
        (JobStatus.SUCCEEDED, ImportStage.INSERTED, 2, 1.0),
    ]
