"""Fields over backups: take one, restore one (as jobs), list, delete (an unreadable one
too), download. Admins only.

backupTable and restoreTable return a BackupJob at once; the work runs outside
the request (resolvers/core/jobs.py), so no request comes near AppSync's 30 s.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from aws_lambda_powertools import Logger

from resolvers.core import backup, jobs
from resolvers.core.avro_format import Codec
from resolvers.core.errors import NotFound
from resolvers.core.tables import Table
from resolvers.routes.identity import caller
from resolvers.routes.present import aws_datetime, backup_fields, backup_job
from resolvers.routing import ThreadSafeRouter as Router
from resolvers.wiring import services

router = Router()
logger = Logger(service="hrgraph", child=True)


@router.resolver(type_name="Mutation", field_name="backupTable")
def backup_table(table: str, codec: str | None = None) -> dict[str, Any]:
    """Queues the backup and returns its job at once; a worker writes the file."""
    chosen = Table.from_graphql(table)
    user = caller(router.current_event).username
    built = services()
    job = jobs.submit_backup(
        built.jobs, built.launcher, chosen, created_by=user, codec=Codec.from_graphql(codec)
    )
    logger.info("backup queued", extra={"user": user, "table": chosen.value, "jobId": job.id})
    return backup_job(job)


@router.resolver(type_name="Mutation", field_name="restoreTable")
def restore_table(
    table: str, backupId: str | None = None, force: bool | None = None
) -> dict[str, Any]:
    """Checks the backup, queues the restore and returns its job at once."""
    chosen = Table.from_graphql(table)
    user = caller(router.current_event).username
    built = services()
    job = jobs.submit_restore(
        built.jobs,
        built.launcher,
        built.backups,
        chosen,
        backupId,
        created_by=user,
        force=bool(force),
    )
    logger.info(
        "restore queued",
        extra={
            "user": user,
            "table": chosen.value,
            "backupId": job.backup_id,
            "force": bool(force),
            "jobId": job.id,
        },
    )
    return backup_job(job)


@router.resolver(type_name="Mutation", field_name="deleteBackup")
def delete_backup(id: str) -> dict[str, Any] | None:
    user = caller(router.current_event).username
    manifest = backup.delete_backup(services().backups, id)
    logger.info("backup deleted", extra={"user": user, "backupId": id})
    return backup_fields(manifest)


@router.resolver(type_name="Mutation", field_name="deleteUnreadableBackup")
def delete_unreadable_backup(id: str) -> str:
    """The way out for a backup listed as unreadable: deleteBackup needs its manifest."""
    user = caller(router.current_event).username
    deleted = backup.delete_unreadable_backup(services().backups, id)
    logger.info("unreadable backup deleted", extra={"user": user, "backupId": id})
    return deleted


@router.resolver(type_name="Query", field_name="backupDownloadUrl")
def backup_download_url(id: str) -> dict[str, Any]:
    """A short-lived link to the Avro file: presigned S3 in AWS, signed by the local server here."""
    built = services()
    if backup.get_backup(built.backups, id) is None:
        raise NotFound(f"backup {id!r} does not exist")
    seconds = built.settings.download_seconds
    expires = datetime.now(UTC) + timedelta(seconds=seconds)
    url = built.backups.download_url(id, seconds)
    user = caller(router.current_event).username
    logger.info("backup download link issued", extra={"user": user, "backupId": id})
    return {"url": url, "expiresAt": aws_datetime(expires), "fileName": f"{id}.avro"}


@router.resolver(type_name="Query", field_name="backups")
def backups(
    table: str | None = None, limit: int | None = None, nextToken: str | None = None
) -> dict[str, Any]:
    chosen = Table.from_graphql(table) if table else None
    built = services()
    page = backup.list_backups(built.backups, built.page_tokens(), chosen, limit, nextToken)
    return {
        "items": [backup_fields(m) for m in page.items],
        "unreadable": [{"id": u.id, "reason": u.reason} for u in page.unreadable],
        "nextToken": page.next_token,
    }


@router.resolver(type_name="Query", field_name="backup")
def backup_by_id(id: str) -> dict[str, Any] | None:
    return backup_fields(backup.get_backup(services().backups, id))
