"""Backups and restores as jobs: made in the request, worked outside it.

``submit_backup``/``submit_restore`` check what can be checked at once (the
backup to restore exists and is of that table; the id is fixed now, so a
backup taken meanwhile cannot slip in), store a QUEUED job and hand its id
to the launcher; the request returns the job within milliseconds, far inside
AppSync's 30 s. ``run`` is the worker's side: claim the job (exactly once),
do the work with a progress callback, and record SUCCEEDED or FAILED with a
sentence a person can act on. A worker that dies without a word (a Lambda
timeout, an out-of-memory kill, a server stopped midway) is caught by
``get_job``: a job still RUNNING past the worker's deadline reads as FAILED.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from resolvers.core import backup, cursor, imports
from resolvers.core.avro_format import Codec
from resolvers.core.backup_job import BackupJob, ImportStage, JobKind, JobStatus, new_job_id
from resolvers.core.errors import HrgraphError, Unavailable, ValidationError
from resolvers.core.ports import (
    BackupStore,
    JobEvents,
    JobLauncher,
    JobStore,
    UploadStore,
    Warehouse,
)
from resolvers.core.tables import Table

log = logging.getLogger(__name__)

PROGRESS_EVERY_SECONDS = 1.0
"""At most one progress write per second: a store write per chunk would cost more than it tells."""

DEFAULT_DEADLINE_SECONDS = 960
"""A RUNNING job older than this is dead (the AWS worker's timeout is 900 s)."""

LOST = "the worker stopped without finishing (a timeout, an out-of-memory kill or a restart)"
NEVER_STARTED = "the job did not start within its deadline, and it will not run"


@dataclass(frozen=True, slots=True)
class JobPage:
    items: list[BackupJob]
    next_token: str | None


class _NoEvents:
    def changed(self, job: BackupJob) -> None:
        """Nobody listens."""


NO_EVENTS: JobEvents = _NoEvents()


def submit_backup(
    store: JobStore,
    launcher: JobLauncher,
    table: Table,
    *,
    created_by: str,
    codec: Codec = Codec.DEFLATE,
    now: datetime | None = None,
) -> BackupJob:
    job = _new(JobKind.BACKUP, table, created_by, now, codec=codec.value)
    return _launch(store, launcher, job)


def submit_restore(
    store: JobStore,
    launcher: JobLauncher,
    backups: BackupStore,
    table: Table,
    backup_id: str | None = None,
    *,
    created_by: str,
    force: bool = False,
    now: datetime | None = None,
) -> BackupJob:
    """Refuses at once (NotFound, ValidationError) what the restore would refuse first."""
    manifest = backup.manifest_to_restore(backups, table, backup_id)
    job = _new(
        JobKind.RESTORE,
        table,
        created_by,
        now,
        backup_id=manifest.id,
        force=force,
        backup=json.loads(manifest.to_json()),
    )
    return _launch(store, launcher, job)


def submit_import(
    store: JobStore,
    launcher: JobLauncher,
    uploads: UploadStore,
    table: Table,
    source: str,
    *,
    created_by: str,
    file_format: str | None = None,
    missing_datetime: str | None = None,
    now: datetime | None = None,
) -> BackupJob:
    """Refuses at once a source that is not ours or holds no upload, and unknown options."""
    chosen = imports.format_of(source, file_format)
    missing = imports.missing_datetime_of(missing_datetime)
    imports.check_uploaded(uploads, source)
    job = _new(
        JobKind.IMPORT,
        table,
        created_by,
        now,
        source=source,
        file_format=chosen,
        missing_datetime=missing,
    )
    # An import knows no share of its work until it ends (importStage says where it is).
    return _launch(store, launcher, job.with_changes(progress=None))


def _new(
    kind: JobKind, table: Table, created_by: str, now: datetime | None, **details: object
) -> BackupJob:
    moment = now or datetime.now(UTC)
    return BackupJob(
        id=new_job_id(moment),
        kind=kind,
        table=table,
        status=JobStatus.QUEUED,
        created_at=moment,
        created_by=created_by,
        progress=0.0,
        rows_done=0,
        **details,  # type: ignore[arg-type]
    )


def _launch(store: JobStore, launcher: JobLauncher, job: BackupJob) -> BackupJob:
    store.create(job)
    try:
        launcher.launch(job.id)
    except HrgraphError as error:
        failed = job.with_changes(
            status=JobStatus.FAILED,
            finished_at=datetime.now(UTC),
            error=f"the job could not be started: {error.message}",
            error_type=error.error_type,
        )
        store.save(failed)
        message = f"the {job.kind.value.lower()} could not be started: {error.message}"
        raise Unavailable(message) from error
    return job


def run(
    job_id: str,
    store: JobStore,
    warehouse: Warehouse,
    backups: BackupStore,
    events: JobEvents = NO_EVENTS,
    clock: Callable[[], float] = time.monotonic,
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    uploads: UploadStore | None = None,
) -> BackupJob | None:
    """Do a queued job's work; the finished job, or None when it was not this worker's to run.

    A job still QUEUED past its deadline has read FAILED to everyone since
    (``_as_seen``): it is recorded so and never started, however late its
    event arrives (Lambda keeps a throttled async event for up to
    maximumEventAge, serverless.yml).
    """
    now = datetime.now(UTC)
    queued = store.get(job_id)
    if queued is not None and queued.status is JobStatus.QUEUED:
        seen = _as_seen(queued, deadline_seconds, now)
        if seen.status is JobStatus.FAILED:
            log.warning("job %s is past its deadline; not started", job_id)
            store.save(seen.with_changes(finished_at=now))
            events.changed(seen)
            return seen
    job = store.claim(job_id, now)
    if job is None:
        log.warning("job %s was not queued; not run again", job_id)
        return None
    events.changed(job)
    reporter = _Progress(store, events, job, clock)
    try:
        if job.kind is JobKind.BACKUP:
            manifest = backup.backup_table(
                warehouse,
                backups,
                job.table,
                created_by=job.created_by,
                codec=Codec(job.codec or Codec.DEFLATE.value),
                progress=reporter.rows,
            )
            outcome = reporter.job.with_changes(
                backup_id=manifest.id,
                backup=json.loads(manifest.to_json()),
                rows_done=manifest.rows,
            )
        elif job.kind is JobKind.IMPORT:
            if uploads is None:
                raise Unavailable("this worker has no upload store to import from")
            done = imports.run_import(job, warehouse, uploads, reporter.stage)
            outcome = reporter.job.with_changes(
                rows_done=done.received,
                imported=imports.outcome_item(done, job.source or ""),
            )
        else:
            restored = backup.restore_table(
                warehouse,
                backups,
                job.table,
                job.backup_id,
                force=job.force,
                progress=reporter.rows,
            )
            outcome = reporter.job.with_changes(
                rows_done=restored.rows_restored,
                restore={
                    "rowsRestored": restored.rows_restored,
                    "previousRows": restored.previous_rows,
                },
            )
        finished = outcome.with_changes(
            status=JobStatus.SUCCEEDED, progress=1.0, finished_at=datetime.now(UTC)
        )
    except HrgraphError as error:
        finished = reporter.job.with_changes(
            status=JobStatus.FAILED,
            finished_at=datetime.now(UTC),
            error=error.message,
            error_type=error.error_type,
        )
    except Exception:
        log.exception("job %s failed unexpectedly", job_id)
        finished = reporter.job.with_changes(
            status=JobStatus.FAILED,
            finished_at=datetime.now(UTC),
            error=f"internal error (job {job_id}); the details are in the service logs",
            error_type="InternalFailure",
        )
    store.save(finished)
    events.changed(finished)
    return finished


class _Progress:
    """Receives rows-done counts from the core and writes them to the store now and then."""

    def __init__(
        self, store: JobStore, events: JobEvents, job: BackupJob, clock: Callable[[], float]
    ) -> None:
        self._store = store
        self._events = events
        self._clock = clock
        self._last = clock()
        self.job = job

    def rows(self, done: int, total: int | None) -> None:
        share = None if not total else min(done / total, 0.99)
        self._record(self.job.with_changes(rows_done=done, progress=share))

    def stage(self, stage: ImportStage, rows: int) -> None:
        """An import's step done, and the rows it counted: always recorded (a job has three,
        and a client waiting on one must not miss it); no share, for there is none to tell."""
        self._record(self.job.with_changes(import_stage=stage, rows_done=rows), at_once=True)

    def _record(self, job: BackupJob, at_once: bool = False) -> None:
        self.job = job
        now = self._clock()
        if at_once or now - self._last >= PROGRESS_EVERY_SECONDS:
            self._last = now
            try:
                self._store.save(self.job)
            except Unavailable:
                log.warning("could not record the progress of job %s", self.job.id)
                return
            self._events.changed(self.job)


def get_job(
    store: JobStore,
    job_id: str,
    *,
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    now: datetime | None = None,
) -> BackupJob | None:
    job = store.get(job_id)
    return None if job is None else _as_seen(job, deadline_seconds, now or datetime.now(UTC))


def list_jobs(
    store: JobStore,
    tokens: cursor.PageTokens,
    limit: int | None = None,
    next_token: str | None = None,
    *,
    deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
    now: datetime | None = None,
) -> JobPage:
    """Jobs newest first, a page at a time."""
    size = cursor.page_limit(limit)
    found = store.recent(size + 1, _job_id_after(tokens.decode(next_token, _SCOPE)))
    moment = now or datetime.now(UTC)
    items = [_as_seen(j, deadline_seconds, moment) for j in found[:size]]
    token = tokens.encode(_SCOPE, found[size - 1].id) if len(found) > size else None
    return JobPage(items, token)


_SCOPE = "backupJobs"
"""What a backupJobs nextToken is bound to (cursor.PageTokens signs it)."""


def _as_seen(job: BackupJob, deadline_seconds: float, now: datetime) -> BackupJob:
    """A job whose worker died reads as FAILED (the store is left alone: a read never writes)."""
    if job.status.finished:
        return job
    since = job.started_at or job.created_at
    if now - since > timedelta(seconds=deadline_seconds):
        error = NEVER_STARTED if job.status is JobStatus.QUEUED else LOST
        return job.with_changes(status=JobStatus.FAILED, error=error, error_type="Unavailable")
    return job


def _job_id_after(after: cursor.Position | None) -> str | None:
    if after is None:
        return None
    if not isinstance(after, str) or not _looks_like_job_id(after):
        raise ValidationError("nextToken", cursor.FORGED)
    return after


def _looks_like_job_id(text: str) -> bool:
    stamp, _, suffix = text.partition("-")
    return len(stamp) == 19 and stamp.endswith("Z") and len(suffix) == 8 and suffix.isalnum()
