"""Core values as the GraphQL contract spells them (camelCase, AWSDateTime strings)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

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
