"""A backup, restore or import that runs outside the request: what it is and where it stands.

Named ``BackupJob`` (also in schema.graphql), not ``Job``: ``Job`` is already a
row of the jobs table (a job title), in the core and in the contract.

A job moves QUEUED -> RUNNING -> SUCCEEDED | FAILED, and never back: a store
lets exactly one worker claim a queued job, so a retried or repeated
invocation cannot run the work twice. The record is a plain dict on the way
to a store (``to_item``/``from_item``), the same for a JSON file and DynamoDB.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from resolvers.core.tables import Table


class JobKind(StrEnum):
    BACKUP = "BACKUP"
    RESTORE = "RESTORE"
    IMPORT = "IMPORT"


class ImportStage(StrEnum):
    """The last step an IMPORT job finished. Each step is one set-based statement over the
    whole file, so an import reports its steps (and the rows each counted), not a share."""

    STAGED = "STAGED"
    """The file is in the staging table (rows: the rows read)."""
    CHECKED = "CHECKED"
    """Every row's own verdict is decided (rows: the rows judged)."""
    INSERTED = "INSERTED"
    """The accepted rows are in and the rejects file is written (rows: the rows judged)."""


class JobStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.SUCCEEDED, JobStatus.FAILED)


@dataclass(frozen=True, slots=True)
class BackupJob:
    id: str
    kind: JobKind
    table: Table
    status: JobStatus
    created_at: datetime
    created_by: str
    codec: str | None = None
    """BACKUP: the Avro codec asked for."""
    backup_id: str | None = None
    """RESTORE: the backup chosen when the job was made; BACKUP: the backup made."""
    force: bool = False
    progress: float | None = None
    rows_done: int | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    error: str | None = None
    error_type: str | None = None
    backup: dict[str, Any] | None = None
    """The manifest (as its JSON) of the backup made, or of the one being restored."""
    restore: dict[str, Any] | None = None
    """RESTORE, once done: {"rowsRestored": n, "previousRows": m}."""
    source: str | None = None
    """IMPORT: the uploaded file (the key importUploadUrl named)."""
    file_format: str | None = None
    """IMPORT: CSV or PARQUET."""
    missing_datetime: str | None = None
    """IMPORT of employees: REJECT (the default for files) or NOW."""
    imported: dict[str, Any] | None = None
    """IMPORT, once done: {"received", "inserted", "rejected": {reason: n}, "rejectsFile"}."""
    import_stage: ImportStage | None = None
    """IMPORT: the last step finished; None before the first."""

    def with_changes(self, **changes: Any) -> BackupJob:
        return replace(self, **changes)

    def to_item(self) -> dict[str, Any]:
        """JSON-ready; datetimes as ISO-8601 strings, absent values left out."""
        item: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "table": self.table.value,
            "status": self.status.value,
            "createdAt": _iso(self.created_at),
            "createdBy": self.created_by,
            "codec": self.codec,
            "backupId": self.backup_id,
            "force": self.force,
            "progress": self.progress,
            "rowsDone": self.rows_done,
            "startedAt": _iso(self.started_at),
            "finishedAt": _iso(self.finished_at),
            "error": self.error,
            "errorType": self.error_type,
            "backup": self.backup,
            "restore": self.restore,
            "source": self.source,
            "fileFormat": self.file_format,
            "missingDatetime": self.missing_datetime,
            "imported": self.imported,
            "importStage": self.import_stage.value if self.import_stage else None,
        }
        return {k: v for k, v in item.items() if v is not None}

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> BackupJob:
        return cls(
            id=str(item["id"]),
            kind=JobKind(item["kind"]),
            table=Table(item["table"]),
            status=JobStatus(item["status"]),
            created_at=_parse(item["createdAt"]) or datetime.now(UTC),
            created_by=str(item.get("createdBy") or ""),
            codec=item.get("codec"),
            backup_id=item.get("backupId"),
            force=bool(item.get("force", False)),
            progress=None if item.get("progress") is None else float(item["progress"]),
            rows_done=None if item.get("rowsDone") is None else int(item["rowsDone"]),
            started_at=_parse(item.get("startedAt")),
            finished_at=_parse(item.get("finishedAt")),
            error=item.get("error"),
            error_type=item.get("errorType"),
            backup=item.get("backup"),
            restore=item.get("restore"),
            source=item.get("source"),
            file_format=item.get("fileFormat"),
            missing_datetime=item.get("missingDatetime"),
            imported=item.get("imported"),
            import_stage=ImportStage(item["importStage"]) if item.get("importStage") else None,
        )


def new_job_id(now: datetime) -> str:
    """``20261128T090000123Z-1a2b3c4d``: sorts by creation time, unique per call."""
    moment = now.astimezone(UTC)
    stamp = moment.strftime("%Y%m%dT%H%M%S") + f"{moment.microsecond // 1000:03d}Z"
    return f"{stamp}-{secrets.token_hex(4)}"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _parse(text: Any) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))
