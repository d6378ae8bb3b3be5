"""Core values as the GraphQL contract spells them (camelCase, AWSDateTime strings)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from resolvers.core.backup import Manifest
from resolvers.core.backup_job import BackupJob
from resolvers.core.ingest import InsertReport
from resolvers.core.tables import Department, Employee, Job, Record


def aws_datetime(moment: datetime) -> str:
    """AWSDateTime: ISO-8601 in UTC with milliseconds and a Z."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_aws_datetime(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


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
    }
