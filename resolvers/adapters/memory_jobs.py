"""In-memory JobStore and a JobLauncher that runs nothing until told: the ports' fakes.

Public, like MemoryBackupStore, so any test can follow a job without a
folder, a thread or DynamoDB. ``ManualLauncher`` records launched ids and
runs them when the test says so (``run_all``), which makes "the request
returned before the work" observable.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from resolvers.core.backup_job import BackupJob, JobStatus
from resolvers.core.errors import Unavailable


class MemoryJobStore:
    """Implements the JobStore port on a dict."""

    def __init__(self) -> None:
        self.jobs: dict[str, BackupJob] = {}
        self._lock = threading.Lock()

    def create(self, job: BackupJob) -> None:
        with self._lock:
            self.jobs[job.id] = job

    def get(self, job_id: str) -> BackupJob | None:
        with self._lock:
            return self.jobs.get(job_id)

    def claim(self, job_id: str, started_at: datetime) -> BackupJob | None:
        with self._lock:
            job = self.jobs.get(job_id)
            if job is None or job.status is not JobStatus.QUEUED:
                return None
            running = job.with_changes(status=JobStatus.RUNNING, started_at=started_at)
            self.jobs[job_id] = running
            return running

    def save(self, job: BackupJob) -> None:
        with self._lock:
            self.jobs[job.id] = job

    def recent(self, limit: int, before: str | None = None) -> list[BackupJob]:
        with self._lock:
            ids = sorted((i for i in self.jobs if before is None or i < before), reverse=True)
            return [self.jobs[i] for i in ids[:limit]]


class ManualLauncher:
    """Implements the JobLauncher port by remembering ids; ``run_all`` does the work."""

    def __init__(self, run: Callable[[str], object] | None = None) -> None:
        self.launched: list[str] = []
        self.unavailable = False
        self.run = run

    def launch(self, job_id: str) -> None:
        if self.unavailable:
            raise Unavailable("the worker cannot be reached")
        self.launched.append(job_id)

    def run_all(self) -> None:
        assert self.run is not None, "give ManualLauncher the function that runs a job"
        while self.launched:
            self.run(self.launched.pop(0))
