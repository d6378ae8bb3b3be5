"""The worker Lambda: one async event runs one stored job, and never raises for a failed job."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from hrgraph_contract.settings import Settings
from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers import deadline, wiring, worker
from resolvers.adapters import redshift_backup
from resolvers.adapters.lambda_launcher import EVENT_KEY
from resolvers.adapters.memory_jobs import ManualLauncher, MemoryJobStore
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.adapters.redshift_data_client import Policy
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core import backup, ingest, jobs
from resolvers.core.backup_job import JobStatus
from resolvers.core.tables import Job, Table
from resolvers.wiring import Services
from tests.resolvers.adapters.redshift_support import FakeTime, data_api


def test_an_event_runs_its_job_to_the_end(services: Services, lambda_context: Any) -> None:
    # GIVEN a job queued by the API, whose launcher (in AWS: an async Invoke) did not run it
    services.launcher = ManualLauncher()
    ingest.insert_batch(services.warehouse, Table.JOBS, [{"id": 1, "job": "Engineer"}])
    job = jobs.submit_backup(services.jobs, services.launcher, Table.JOBS, created_by="ana")
    # WHEN Lambda delivers the event the launcher sent
    event = json.loads(json.dumps({EVENT_KEY: job.id}))
    answer = worker.handler(event, lambda_context)
    # THEN the job ran, once
    assert answer == {"jobId": job.id, "status": "SUCCEEDED"}
    assert worker.handler(event, lambda_context) == {"jobId": job.id, "status": None}
    stored = services.jobs.get(job.id)
    assert stored is not None and stored.status is JobStatus.SUCCEEDED
    assert len(services.backups.list_ids()) == 1


def test_a_failing_job_is_recorded_and_the_invocation_still_succeeds(
    services: Services, lambda_context: Any
) -> None:
    services.launcher = ManualLauncher()
    ingest.insert_batch(services.warehouse, Table.JOBS, [{"id": 1, "job": "Engineer"}])
    made = jobs.run(
        jobs.submit_backup(services.jobs, services.launcher, Table.JOBS, created_by="a").id,
        services.jobs,
        services.warehouse,
        services.backups,
    )
    assert made is not None and made.backup_id is not None
    restore = jobs.submit_restore(
        services.jobs,
        services.launcher,
        services.backups,
        Table.JOBS,
        made.backup_id,
        created_by="ana",
    )
    (services.backups.folder / f"{made.backup_id}.avro").write_bytes(b"not avro")  # type: ignore[attr-defined]

    answer = worker.handler({EVENT_KEY: restore.id}, lambda_context)

    assert answer == {"jobId": restore.id, "status": "FAILED"}
    stored = services.jobs.get(restore.id)
    assert stored is not None and stored.error_type == "ValidationError"
    assert stored.error is not None and "damaged" in stored.error


def test_an_event_without_a_job_runs_nothing(services: Services, lambda_context: Any) -> None:
    assert worker.handler({"something": "else"}, lambda_context) == {"jobId": None, "status": None}


class StallsTheRestoresLoad(FakeRedshiftData):
    """The fake Data API, where the batch that loads a restore's rows may never finish by itself,
    or may first wait for something else (``before_load``) to run to its end."""

    stall_load = False
    before_load: Callable[[], None] | None = None

    def batch_execute_statement(self, **request: Any) -> dict[str, Any]:
        loads = any(sql.startswith("INSERT INTO restore_staging") for sql in request["Sqls"])
        if loads and self.stall_load:
            self.stall_statements()
        if loads and self.before_load is not None:
            meanwhile, self.before_load = self.before_load, None
            meanwhile()
        return super().batch_execute_statement(**request)


@dataclass
class Remaining:
    """A Lambda context with ``seconds`` left of the invocation."""

    seconds: float
    aws_request_id: str = "worker-request"
    function_name: str = "hrgraph-ci-worker"
    memory_limit_in_mb: int = 1769
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:hrgraph-ci-worker"

    def get_remaining_time_in_millis(self) -> int:
        return int(self.seconds * 1000)


@pytest.fixture
def on_redshift(settings: Settings) -> Iterator[tuple[Services, StallsTheRestoresLoad, FakeTime]]:
    """Services on the fake Data API (the worker's policy: 840 s a statement), jobs in memory."""
    fake, time = StallsTheRestoresLoad(), FakeTime()
    warehouse = RedshiftWarehouse(data_api(fake, time=time, policy=Policy(timeout=840.0)))
    warehouse.create_tables()
    built = Services(settings, warehouse, MemoryBackupStore(), MemoryJobStore(), ManualLauncher())
    wiring.use(built)
    yield built, fake, time
    wiring.use(None)


def restore_queued(services: Services) -> tuple[str, list[Job]]:
    """A restore of jobs queued for the worker; the table meanwhile holds one more row."""
    ingest.insert_batch(services.warehouse, Table.JOBS, [{"id": 1, "job": "Engineer"}])
    made = backup.backup_table(services.warehouse, services.backups, Table.JOBS, created_by="a")
    ingest.insert_batch(services.warehouse, Table.JOBS, [{"id": 2, "job": "Added later"}])
    before = services.warehouse.page(Table.JOBS, 0, 10)
    job = jobs.submit_restore(
        services.jobs, services.launcher, services.backups, Table.JOBS, made.id, created_by="a"
    )
    return job.id, before  # type: ignore[return-value]


def test_a_worker_whose_time_runs_out_cancels_its_statement_and_leaves_the_table(
    on_redshift: tuple[Services, StallsTheRestoresLoad, FakeTime],
) -> None:
    services, fake, time = on_redshift
    job_id, before = restore_queued(services)
    started = time.now
    fake.stall_load = True

    # WHEN the worker has 50 s left and the restore's load stalls in Redshift
    answer = worker.handler({EVENT_KEY: job_id}, Remaining(50.0))

    # THEN the load is cancelled inside the invocation (not at the statement's 840 s) ...
    assert answer == {"jobId": job_id, "status": "FAILED"}
    assert fake.calls["CancelStatement"] == 1
    assert time.now - started < 50.0 - deadline.WORKER_MARGIN_SECONDS + 5
    # ... and the table is as it was, with no staging table left behind
    assert services.warehouse.page(Table.JOBS, 0, 10) == before
    assert not any("RENAME" in sql for _, sql in fake.history)
    assert redshift_backup.staging_tables(services.warehouse.writer, Table.JOBS) == {}  # type: ignore[attr-defined]


def test_a_worker_does_not_start_a_swap_it_may_not_finish(
    on_redshift: tuple[Services, StallsTheRestoresLoad, FakeTime],
) -> None:
    services, fake, _ = on_redshift
    job_id, before = restore_queued(services)

    # WHEN the worker reaches the swap with less time left than a swap may need
    seconds = deadline.WORKER_MARGIN_SECONDS + redshift_backup.SWAP_SECONDS - 5
    answer = worker.handler({EVENT_KEY: job_id}, Remaining(seconds))

    # THEN the swap is never submitted and the job says why
    assert answer == {"jobId": job_id, "status": "FAILED"}
    stored = services.jobs.get(job_id)
    assert stored is not None and stored.error is not None
    assert "the table was not changed" in stored.error
    assert not any("RENAME" in sql for _, sql in fake.history)
    assert services.warehouse.page(Table.JOBS, 0, 10) == before


def test_a_worker_with_time_restores_by_renaming(
    on_redshift: tuple[Services, StallsTheRestoresLoad, FakeTime],
) -> None:
    services, _, _ = on_redshift
    job_id, _ = restore_queued(services)

    answer = worker.handler({EVENT_KEY: job_id}, Remaining(900.0))

    assert answer == {"jobId": job_id, "status": "SUCCEEDED"}
    assert services.warehouse.page(Table.JOBS, 0, 10) == [Job(1, "Engineer")]


def test_two_restores_of_one_table_running_at_once_both_succeed(
    on_redshift: tuple[Services, StallsTheRestoresLoad, FakeTime],
) -> None:
    # GIVEN two restore jobs of one table (two users, or a retry of the first)
    services, fake, _ = on_redshift
    first, _ = restore_queued(services)
    second, _ = restore_queued(services)
    answers: list[dict[str, Any]] = []
    # WHEN the second job's worker runs whole while the first's is loading its rows
    fake.before_load = lambda: answers.append(worker.handler({EVENT_KEY: second}, Remaining(900)))
    answers.insert(0, worker.handler({EVENT_KEY: first}, Remaining(900.0)))

    # THEN neither spoiled the other's staging table: both succeed, the last swap wins
    assert answers == [
        {"jobId": first, "status": "SUCCEEDED"},
        {"jobId": second, "status": "SUCCEEDED"},
    ]
    assert services.warehouse.page(Table.JOBS, 0, 10) == [Job(1, "Engineer")]
    assert redshift_backup.staging_tables(services.warehouse.writer, Table.JOBS) == {}  # type: ignore[attr-defined]
