"""The JobStore on the local data dir: one JSON file per job under DATA_DIR/jobs.

Files are written whole (a temporary sibling, fsync, rename) and readable by
the owner only (0600): a job names who ran it and what failed. Claims are
decided under a process-wide lock; one server process owns a data dir (as it
owns the DuckDB file).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
from datetime import datetime
from pathlib import Path

from resolvers.core.backup_job import BackupJob, JobStatus
from resolvers.core.errors import Unavailable

_ID = re.compile(r"^\d{8}T\d{9}Z-[0-9a-f]{8}$")
_LOCK = threading.Lock()


class FolderJobStore:
    """Implements the JobStore port as ``<id>.json`` files."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def create(self, job: BackupJob) -> None:
        with _LOCK:
            self._write(job)

    def get(self, job_id: str) -> BackupJob | None:
        path = self._path(job_id)
        if path is None:
            return None
        try:
            return BackupJob.from_item(json.loads(path.read_bytes()))
        except FileNotFoundError:
            return None
        except OSError as error:
            raise Unavailable(f"cannot read the jobs folder: {error.strerror}") from error

    def claim(self, job_id: str, started_at: datetime) -> BackupJob | None:
        with _LOCK:
            job = self.get(job_id)
            if job is None or job.status is not JobStatus.QUEUED:
                return None
            running = job.with_changes(status=JobStatus.RUNNING, started_at=started_at)
            self._write(running)
            return running

    def save(self, job: BackupJob) -> None:
        with _LOCK:
            self._write(job)

    def recent(self, limit: int, before: str | None = None) -> list[BackupJob]:
        if not self.folder.is_dir():
            return []
        ids = sorted(
            (p.stem for p in self.folder.glob("*.json") if _ID.match(p.stem)), reverse=True
        )
        found: list[BackupJob] = []
        for job_id in ids:
            if before is not None and job_id >= before:
                continue
            job = self.get(job_id)
            if job is not None:
                found.append(job)
            if len(found) == limit:
                break
        return found

    def fail_unfinished(self, reason: str, finished_at: datetime) -> int:
        """Mark every QUEUED or RUNNING job FAILED (a new server: their worker is gone)."""
        failed = 0
        for job in self.recent(10_000):
            if not job.status.finished:
                self.save(
                    job.with_changes(
                        status=JobStatus.FAILED,
                        finished_at=finished_at,
                        error=reason,
                        error_type="Unavailable",
                    )
                )
                failed += 1
        return failed

    def _path(self, job_id: str) -> Path | None:
        return self.folder / f"{job_id}.json" if _ID.match(job_id) else None

    def _write(self, job: BackupJob) -> None:
        final = self._path(job.id)
        if final is None:
            raise ValueError(f"not a job id: {job.id!r}")
        body = json.dumps(job.to_item(), indent=2).encode()
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            temporary = final.with_name(f".{final.name}.tmp-{secrets.token_hex(4)}")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(descriptor, "wb") as out:
                    out.write(body)
                    out.flush()
                    os.fsync(out.fileno())
                temporary.replace(final)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        except OSError as error:
            raise Unavailable(f"cannot write to the jobs folder: {error.strerror}") from error
