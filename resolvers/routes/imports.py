"""Fields over bulk imports: an upload link, the import job, its rejects file. Admins only.

importTable returns a BackupJob of kind IMPORT at once; the worker runs it
(resolvers/core/jobs.py), so a file of millions of rows never meets AppSync's
30 s or 6 MB: the file goes straight to storage through importUploadUrl.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from aws_lambda_powertools import Logger

from resolvers.core import imports, jobs
from resolvers.core.errors import NotFound, Unavailable
from resolvers.core.ports import UploadStore
from resolvers.core.tables import Table
from resolvers.routes.identity import caller
from resolvers.routes.present import aws_datetime, backup_job
from resolvers.routing import ThreadSafeRouter as Router
from resolvers.wiring import Services, services

router = Router()
logger = Logger(service="hrgraph", child=True)


def _uploads(built: Services) -> UploadStore:
    if built.uploads is None:
        raise Unavailable("this deployment has no storage for uploads")
    return built.uploads


@router.resolver(type_name="Query", field_name="importUploadUrl")
def import_upload_url(table: str, filename: str) -> dict[str, Any]:
    """A fresh source and a link that takes one PUT of the file, for a few minutes."""
    Table.from_graphql(table)
    built = services()
    source = imports.new_source(filename)
    seconds = built.settings.download_seconds
    url = _uploads(built).upload_url(source, seconds)
    user = caller(router.current_event).username
    logger.info("import upload link issued", extra={"user": user, "source": source})
    expires = datetime.now(UTC) + timedelta(seconds=seconds)
    return {"url": url, "source": source, "expiresAt": aws_datetime(expires)}


@router.resolver(type_name="Mutation", field_name="importTable")
def import_table(
    table: str,
    source: str,
    format: str | None = None,
    missingDatetime: str | None = None,
) -> dict[str, Any]:
    """Checks the upload, queues the import and returns its job at once."""
    chosen = Table.from_graphql(table)
    user = caller(router.current_event).username
    built = services()
    job = jobs.submit_import(
        built.jobs,
        built.launcher,
        _uploads(built),
        chosen,
        source,
        created_by=user,
        file_format=format,
        missing_datetime=missingDatetime,
    )
    logger.info(
        "import queued",
        extra={"user": user, "table": chosen.value, "source": source, "jobId": job.id},
    )
    return backup_job(job)


@router.resolver(type_name="Query", field_name="importRejectsUrl")
def import_rejects_url(id: str) -> dict[str, Any]:
    """A short-lived link to the rejects file an import job wrote."""
    built = services()
    job = jobs.get_job(built.jobs, id, deadline_seconds=built.settings.job_deadline_seconds)
    rejects = (job.imported or {}).get("rejectsSource") if job is not None else None
    seconds = built.settings.download_seconds
    url = _uploads(built).upload_download_url(str(rejects), seconds) if rejects else None
    if url is None:
        raise NotFound(f"job {id!r} has no rejects file")
    expires = datetime.now(UTC) + timedelta(seconds=seconds)
    return {
        "url": url,
        "expiresAt": aws_datetime(expires),
        "fileName": str(rejects).rsplit("/", 1)[-1],
    }
