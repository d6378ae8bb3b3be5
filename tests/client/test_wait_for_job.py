"""HrClient.wait_for_job: every new state of a job reaches the caller (the progress bars' feed)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from client import imports
from client.api import POLL_FIRST_SECONDS, POLL_MOST_SECONDS, HrClient, job_failure
from client.errors import Conflict
from client.models import BackupJob, ReasonCount, RejectReason


def state(status: str, rows: int | None, progress: float | None, **more: Any) -> dict[str, Any]:
    return {
        "id": "20260101T000000000Z-0a1b2c3d",
        "kind": "RESTORE",
        "table": "DEPARTMENTS",
        "status": status,
        "progress": progress,
        "rowsDone": rows,
        "createdAt": "2026-01-01T00:00:00.000Z",
        "createdBy": "ana",
        "startedAt": None,
        "finishedAt": None,
        "error": None,
        "errorType": None,
        "backup": None,
        "restore": None,
        "importStage": None,
        **more,
    }


def scripted(states: list[dict[str, Any]]) -> httpx.MockTransport:
    answers = iter(states)

    def answer(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        assert sent["operationName"] == "backupJob"
        return httpx.Response(200, json={"data": {"backupJob": next(answers)}})

    return httpx.MockTransport(answer)


def test_each_new_state_is_reported_once_until_the_job_ends() -> None:
    first = BackupJob.from_json(state("QUEUED", 0, 0.0))
    polls = [
        state("RUNNING", 0, 0.0),
        state("RUNNING", 10_000, 0.4),
        state("RUNNING", 10_000, 0.4),  # unchanged: not reported again
        state("FAILED", 20_000, 0.8, error="employees still reference ...", errorType="Conflict"),
    ]
    seen: list[tuple[str, int | None, float | None]] = []
    with HrClient("http://api.test/graphql", "t", transport=scripted(polls)) as api:
        done = api.wait_for_job(
            first, lambda j: seen.append((j.status, j.rows_done, j.progress)), sleep=lambda _: None
        )
    assert seen == [
        ("QUEUED", 0, 0.0),
        ("RUNNING", 0, 0.0),
        ("RUNNING", 10_000, 0.4),
        ("FAILED", 20_000, 0.8),
    ]
    assert done.failed
    failure = job_failure(done)
    assert isinstance(failure, Conflict)
    assert str(failure) == (
        "Conflict: restore of departments (job 20260101T000000000Z-0a1b2c3d) failed: "
        "employees still reference ..."
    )


def test_a_job_that_vanishes_is_not_found() -> None:
    from client.errors import NotFound

    def gone(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"data": {"backupJob": None}})

    first = BackupJob.from_json(state("QUEUED", 0, 0.0))
    transport = httpx.MockTransport(gone)
    with (
        HrClient("http://api.test/graphql", "t", transport=transport) as api,
        pytest.raises(NotFound),
    ):
        api.wait_for_job(first, sleep=lambda _: None)


def test_an_import_is_polled_often_at_first_then_at_most_every_two_seconds() -> None:
    """A small import ends within a second; a long one should not cost two requests a second.
    An import is a BackupJob like any other: its outcome arrives in the generated types."""
    first = BackupJob.from_json(state("QUEUED", 0, None, kind="IMPORT"))
    polls = [state("RUNNING", 0, None, kind="IMPORT") for _ in range(9)]
    outcome = {
        "source": "uploads/hired_employees/x.csv",
        "received": 5,
        "inserted": 3,
        "rejected": 2,
        "rejectedByReason": [{"reason": "INVALID", "count": 2}],
        "rejectsSource": "uploads/hired_employees/x.rejected.csv",
    }
    polls.append(
        state("SUCCEEDED", 5, 1.0, kind="IMPORT", importStage="INSERTED", importResult=outcome)
    )
    waits: list[float] = []
    with HrClient("http://api.test/graphql", "t", transport=scripted(polls)) as api:
        done = api.wait_for_job(first, sleep=waits.append)
    assert done.status == "SUCCEEDED" and imports.steps_done(done) == len(imports.STEPS)
    assert done.import_result is not None
    assert done.import_result.rejected_by_reason == [ReasonCount(RejectReason.INVALID, 2)]
    assert waits[0] == POLL_FIRST_SECONDS
    assert waits == sorted(waits) and waits[-1] == POLL_MOST_SECONDS


def test_a_backup_is_polled_on_the_same_schedule() -> None:
    first = BackupJob.from_json(state("QUEUED", 0, 0.0))
    polls = [state("RUNNING", i, None) for i in range(9)] + [state("SUCCEEDED", 9, 1.0)]
    waits: list[float] = []
    with HrClient("http://api.test/graphql", "t", transport=scripted(polls)) as api:
        api.wait_for_job(first, sleep=waits.append)
    assert waits[0] == POLL_FIRST_SECONDS
    assert waits == sorted(waits) and waits[-1] == POLL_MOST_SECONDS


def test_an_imports_steps_are_counted_from_its_import_stage() -> None:
    def at(status: str, stage: str | None) -> BackupJob:
        return BackupJob.from_json(state(status, 0, None, kind="IMPORT", importStage=stage))

    assert imports.steps_done(at("QUEUED", None)) == 0
    assert imports.steps_done(at("RUNNING", "STAGED")) == 1
    assert imports.steps_done(at("RUNNING", "CHECKED")) == 2
    assert imports.steps_done(at("FAILED", "CHECKED")) == 2
    assert imports.steps_done(at("SUCCEEDED", None)) == len(imports.STEPS)  # Redshift skips some
