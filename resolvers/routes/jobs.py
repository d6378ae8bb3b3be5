"""Fields over background jobs: follow one, list them, and the worker's publish hook.

``publishBackupJob`` is the one field only IAM may call (schema.graphql:
``@aws_iam`` alone): the worker calls it, signed with its role, after every
change, and AppSync pushes the result to ``onBackupJobChanged`` subscribers.
It takes only the id and answers the stored job, so a caller cannot publish
a made-up state.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.graphql_appsync.router import Router

from resolvers.core import jobs
from resolvers.core.errors import NotFound
from resolvers.routes.present import backup_job
from resolvers.wiring import services

router = Router()


@router.resolver(type_name="Query", field_name="backupJob")
def backup_job_by_id(id: str) -> dict[str, Any] | None:
    built = services()
    job = jobs.get_job(built.jobs, id, deadline_seconds=built.settings.job_deadline_seconds)
    return None if job is None else backup_job(job)


@router.resolver(type_name="Query", field_name="backupJobs")
def backup_jobs(limit: int | None = None, nextToken: str | None = None) -> dict[str, Any]:
    built = services()
    page = jobs.list_jobs(
        built.jobs, limit, nextToken, deadline_seconds=built.settings.job_deadline_seconds
    )
    return {"items": [backup_job(j) for j in page.items], "nextToken": page.next_token}


@router.resolver(type_name="Mutation", field_name="publishBackupJob")
def publish_backup_job(id: str) -> dict[str, Any]:
    built = services()
    job = jobs.get_job(built.jobs, id, deadline_seconds=built.settings.job_deadline_seconds)
    if job is None:
        raise NotFound(f"job {id!r} does not exist")
    return backup_job(job)


@router.resolver(type_name="Subscription", field_name="onBackupJobChanged")
def on_backup_job_changed(id: str | None = None) -> None:
    """Accepts the subscription; AppSync filters messages by ``id`` when one is given."""
    return
