"""The JobStore on DynamoDB: one item per job, in one partition, sorted by id.

Table layout (serverless.yml, ``JobsTable``): partition key ``pk`` (always
``"jobs"``), sort key ``id`` (ids sort by creation time), so "newest first" is
one Query with ScanIndexForward=false and a page is a key range. Jobs are
few (people start them by hand), far below one partition's limits.

- ``body`` holds the job as JSON (the same record as the local store's files);
  ``status`` sits beside it so a claim is one conditional PutItem
  (``status = QUEUED``): of two workers, exactly one wins.
- ``expiresAt`` (epoch seconds) is the table's TTL attribute: DynamoDB
  deletes a job some time after ``retention_days``.
- The Lambda's role may only GetItem, PutItem and Query this table.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from resolvers.core.backup_job import BackupJob, JobStatus
from resolvers.core.errors import Unavailable

PARTITION = "jobs"


class DynamoDBJobStore:
    """Implements the JobStore port on one DynamoDB table."""

    def __init__(self, table_name: str, client: Any = None, retention_days: int = 30) -> None:
        if client is None:
            import boto3

            client = boto3.client("dynamodb")
        self.table_name = table_name
        self.retention = timedelta(days=retention_days)
        self._db = client

    def create(self, job: BackupJob) -> None:
        with _unavailable():
            self._db.put_item(
                TableName=self.table_name,
                Item=self._item(job),
                ConditionExpression="attribute_not_exists(id)",
            )

    def get(self, job_id: str) -> BackupJob | None:
        with _unavailable():
            answer = self._db.get_item(
                TableName=self.table_name,
                Key={"pk": {"S": PARTITION}, "id": {"S": job_id}},
                ConsistentRead=True,
            )
        item = answer.get("Item")
        return None if item is None else _job(item)

    def claim(self, job_id: str, started_at: datetime) -> BackupJob | None:
        job = self.get(job_id)
        if job is None or job.status is not JobStatus.QUEUED:
            return None
        running = job.with_changes(status=JobStatus.RUNNING, started_at=started_at)
        try:
            with _unavailable(passing="ConditionalCheckFailedException"):
                self._db.put_item(
                    TableName=self.table_name,
                    Item=self._item(running),
                    ConditionExpression="#status = :queued",
                    ExpressionAttributeNames={"#status": "status"},
                    ExpressionAttributeValues={":queued": {"S": JobStatus.QUEUED.value}},
                )
        except ClientError:
            return None  # another worker claimed it first
        return running

    def save(self, job: BackupJob) -> None:
        with _unavailable():
            self._db.put_item(TableName=self.table_name, Item=self._item(job))

    def recent(self, limit: int, before: str | None = None) -> list[BackupJob]:
        condition = "pk = :pk"
        values: dict[str, Any] = {":pk": {"S": PARTITION}}
        if before is not None:
            condition += " AND id < :before"
            values[":before"] = {"S": before}
        found: list[BackupJob] = []
        with _unavailable():
            # boto3's paginator follows LastEvaluatedKey (a page also ends at 1 MB).
            pages = self._db.get_paginator("query").paginate(
                TableName=self.table_name,
                KeyConditionExpression=condition,
                ExpressionAttributeValues=values,
                ScanIndexForward=False,
                ConsistentRead=True,
                PaginationConfig={"MaxItems": limit, "PageSize": limit},
            )
            for page in pages:
                found.extend(_job(item) for item in page.get("Items", []))
        return found[:limit]

    def _item(self, job: BackupJob) -> dict[str, Any]:
        expires = int((job.created_at + self.retention).timestamp())
        return {
            "pk": {"S": PARTITION},
            "id": {"S": job.id},
            "status": {"S": job.status.value},
            "body": {"S": json.dumps(job.to_item())},
            "expiresAt": {"N": str(expires)},
        }


def _job(item: dict[str, Any]) -> BackupJob:
    return BackupJob.from_item(json.loads(item["body"]["S"]))


@contextmanager
def _unavailable(passing: str | None = None) -> Iterator[None]:
    """DynamoDB or the way to it failing is Unavailable; ``passing`` codes are re-raised."""
    try:
        yield
    except ClientError as error:
        code = str(error.response.get("Error", {}).get("Code", "unknown"))
        if code == passing:
            raise
        raise Unavailable(f"DynamoDB refused the request ({code})") from error
    except BotoCoreError as error:
        raise Unavailable(f"DynamoDB cannot be reached: {error}") from error
