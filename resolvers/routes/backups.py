"""Fields over backups: take one, restore one, list them. Admins only (schema.graphql)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger

from resolvers import observability
from resolvers.core import backup
from resolvers.core.avro_format import Codec
from resolvers.core.tables import Table
from resolvers.routes.identity import caller
from resolvers.routes.present import aws_datetime
from resolvers.routing import ThreadSafeRouter as Router
from resolvers.wiring import services

router = Router()
logger = Logger(service="hrgraph", child=True)


def _backup(manifest: backup.Manifest | None) -> dict[str, Any] | None:
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


@router.resolver(type_name="Mutation", field_name="backupTable")
def backup_table(table: str, codec: str | None = None) -> dict[str, Any] | None:
    chosen = Table.from_graphql(table)
    user = caller(router.current_event).username
    logger.info("backup started", extra={"user": user, "table": chosen.value})
    built = services()
    manifest = backup.backup_table(
        built.warehouse, built.backups, chosen, created_by=user, codec=Codec.from_graphql(codec)
    )
    observability.backup_written(manifest.size_bytes)
    logger.info(
        "backup written",
        extra={"user": user, "table": chosen.value, "backupId": manifest.id, "rows": manifest.rows},
    )
    return _backup(manifest)


@router.resolver(type_name="Mutation", field_name="restoreTable")
def restore_table(
    table: str, backupId: str | None = None, force: bool | None = None
) -> dict[str, Any]:
    chosen = Table.from_graphql(table)
    user = caller(router.current_event).username
    logger.info(
        "restore started",
        extra={"user": user, "table": chosen.value, "backupId": backupId, "force": bool(force)},
    )
    built = services()
    result = backup.restore_table(
        built.warehouse, built.backups, chosen, backupId, force=bool(force)
    )
    logger.info(
        "table restored",
        extra={
            "user": user,
            "table": chosen.value,
            "backupId": result.backup_id,
            "rowsRestored": result.rows_restored,
            "previousRows": result.previous_rows,
        },
    )
    return {
        "table": result.table.name,
        "backupId": result.backup_id,
        "rowsRestored": result.rows_restored,
        "previousRows": result.previous_rows,
    }


@router.resolver(type_name="Query", field_name="backups")
def backups(
    table: str | None = None, limit: int | None = None, nextToken: str | None = None
) -> dict[str, Any]:
    chosen = Table.from_graphql(table) if table else None
    page = backup.list_backups(services().backups, chosen, limit, nextToken)
    return {"items": [_backup(m) for m in page.items], "nextToken": page.next_token}


@router.resolver(type_name="Query", field_name="backup")
def backup_by_id(id: str) -> dict[str, Any] | None:
    return _backup(backup.get_backup(services().backups, id))
