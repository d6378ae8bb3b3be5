"""Core values as the GraphQL contract spells them (camelCase, AWSDateTime strings)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from resolvers.core.backup import Manifest
from resolvers.core.backup_job import BackupJob
from resolvers.core.errors import ValidationError
from resolvers.core.ingest import InsertReport
from resolvers.core.tables import Department, Employee, Job, Record


def aws_datetime(moment: datetime) -> str:
    """AWSDateTime: ISO-8601 in UTC with milliseconds and a Z."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_aws_datetime(value: str | None, field: str) -> datetime | None:
    """An AWSDateTime argument by the row rules' datetime rule: even a value AppSync lets
    through (0001-01-01T00:00:00+05:30) is a ValidationError naming ``field``, never a crash."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
        return (moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment).astimezone(UTC)
    except ValueError:
        raise ValidationError(field, f"must be an ISO-8601 date-time, got {value[:40]!r}") from None
    except OverflowError:
        raise ValidationError(
            field, "must fall between years 1 and 9999 once converted to UTC"
        ) from None


def record(value: Record | None) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, Department):
        return {"id": value.id, "department": value.department}
    if isinstance(value, Job):
        return {"id": value.id, "job": value.job}
    assert isinstance(value, Employee)
    return {
        "id": value.id,
        "name": value.name,
        "datetime": aws_datetime(value.datetime),
        "departmentId": value.department_id,
        "jobId": value.job_id,
    }


def insert_report(report: InsertReport) -> dict[str, Any]:
    return {
        "table": report.table.name,
        "received": report.received,
        "inserted": report.inserted,
        "insertedIds": report.inserted_ids,
        "rejected": [
            {
                "index": r.index,
                "id": r.id,
                "reason": r.reason.value,
                "field": r.field,
                "message": r.message,
            }
            for r in report.rejected
        ],
    }


def backup_fields(manifest: Manifest | None) -> dict[str, Any] | None:
    if manifest is None:
        return None
    return {
        "id": manifest.id,
        "table": manifest.table.name,
        "createdAt": aws_datetime(manifest.created_at),
        "createdBy": manifest.created_by or None,
        "rows": manifest.rows,
        "bytes": float(manifest.size_bytes),
        "sha256": manifest.sha256,
        "codec": manifest.codec.name,
        "schemaVersion": manifest.schema_version,
        "location": manifest.location,
    }


def backup_job(job: BackupJob) -> dict[str, Any]:
    """A job as the BackupJob type spells it."""
    manifest = Manifest.from_json(json.dumps(job.backup).encode()) if job.backup else None
    restore = None
    if job.restore is not None and job.backup_id is not None:
        restore = {
            "table": job.table.name,
            "backupId": job.backup_id,
            "rowsRestored": int(job.restore["rowsRestored"]),
            "previousRows": int(job.restore["previousRows"]),
        }
    return {
        "id": job.id,
        "kind": job.kind.value,
        "table": job.table.name,
        "status": job.status.value,
        "progress": job.progress,
        "rowsDone": job.rows_done,
        "createdAt": aws_datetime(job.created_at),
        "createdBy": job.created_by or None,
        "startedAt": aws_datetime(job.started_at) if job.started_at else None,
        "finishedAt": aws_datetime(job.finished_at) if job.finished_at else None,
        "error": job.error,
        "errorType": job.error_type,
        "backup": backup_fields(manifest),
        "restore": restore,
        "importResult": import_result(job),
        "importStage": job.import_stage.value if job.import_stage else None,
    }


def import_result(job: BackupJob) -> dict[str, Any] | None:
    """An IMPORT job's outcome as ImportResult spells it (counts may come back as Decimal)."""
    done = job.imported
    if done is None or job.source is None:
        return None
    by_reason = {str(k): int(v) for k, v in dict(done.get("rejected") or {}).items()}
    return {
        "source": job.source,
        "received": int(done["received"]),
        "inserted": int(done["inserted"]),
        "rejected": sum(by_reason.values()),
        "rejectedByReason": [
            {"reason": reason, "count": count}
            for reason, count in sorted(by_reason.items(), key=lambda item: (-item[1], item[0]))
        ],
        "rejectsSource": done.get("rejectsSource"),
    }
