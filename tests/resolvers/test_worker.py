"""The worker Lambda: one async event runs one stored job, and never raises for a failed job."""

from __future__ import annotations

import json
from typing import Any

from resolvers import worker
from resolvers.adapters.lambda_launcher import EVENT_KEY
from resolvers.adapters.memory_jobs import ManualLauncher
from resolvers.core import ingest, jobs
from resolvers.core.backup_job import JobStatus
from resolvers.core.tables import Table
from resolvers.wiring import Services


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
