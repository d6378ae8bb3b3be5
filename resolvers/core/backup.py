"""Backups and restores that never lose data.

A backup streams one consistent snapshot of a table into an Avro file
(avro_format), hashing the bytes on their way to the store, and writes the
manifest only after the data file is complete: an interrupted backup leaves
nothing that looks valid.

A restore refuses before touching anything when the manifest is missing, of
another table or from a newer schema, or when the file's size or sha256
differ from the manifest. It then decodes the file into the warehouse's
staging table (hashing again, so a file changed since the check is caught),
judging every row on the way by the rules an insert applies
(``validation.stored_row_problems``: a bad id, an empty or overlong name, a
control character...; when the warehouse loads the file itself, as Redshift's
COPY does, the rows are judged in a pass of their own). Before the swap,
``admit`` refuses a backup with any such row (counted, the first few listed),
then ``_admit`` judges the staged rows (count, duplicate ids, references);
only then does the warehouse swap them in within one transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from resolvers.core import avro_format, cursor
from resolvers.core.avro_format import SCHEMA_VERSION, Codec, Row
from resolvers.core.errors import Conflict, NotFound, Unavailable, ValidationError
from resolvers.core.ports import BackupStore, Staged, Warehouse
from resolvers.core.tables import Table
from resolvers.core.validation import stored_row_problems

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
"""Called with (rows done, rows in all when known) as the work advances."""

CHUNK_ROWS = 10_000
"""Rows held in memory at once on either path."""

_READ_BYTES = 1024 * 1024

LISTED_ROWS = 5
"""Offending rows a refused restore names (all are counted)."""


_ID = re.compile(r"^\d{8}T\d{9}Z-(departments|jobs|hired_employees)-[0-9a-f]{6}$")


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup holds, written beside the data file as JSON (camelCase keys)."""

    id: str
    table: Table
    schema_version: int
    rows: int
    size_bytes: int
    sha256: str
    codec: Codec
    created_at: datetime
    created_by: str
    location: str

    def to_json(self) -> bytes:
        body = {
            "id": self.id,
            "table": self.table.value,
            "schemaVersion": self.schema_version,
            "rows": self.rows,
            "bytes": self.size_bytes,
            "sha256": self.sha256,
            "codec": self.codec.value,
            "createdAt": self.created_at.astimezone(UTC).isoformat(timespec="milliseconds"),
            "createdBy": self.created_by,
            "location": self.location,
            "format": "avro",
        }
        return json.dumps(body, indent=2).encode()

    @classmethod
    def from_json(cls, body: bytes) -> Manifest:
        try:
            raw: dict[str, Any] = json.loads(body)
            return cls(
                id=str(raw["id"]),
                table=Table(raw["table"]),
                schema_version=int(raw["schemaVersion"]),
                rows=int(raw["rows"]),
                size_bytes=int(raw["bytes"]),
                sha256=str(raw["sha256"]),
                codec=Codec(raw["codec"]),
                created_at=datetime.fromisoformat(raw["createdAt"]),
                created_by=str(raw.get("createdBy") or ""),
                location=str(raw.get("location") or ""),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValidationError("backupId", f"has an unreadable manifest: {error}") from None


@dataclass(frozen=True, slots=True)
class RestoreResult:
    table: Table
    backup_id: str
    rows_restored: int
    previous_rows: int


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A listed backup whose manifest cannot be read, and why."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class BackupPage:
    items: list[Manifest]
    next_token: str | None
    unreadable: list[Unreadable] = field(default_factory=list)
    """Backups of this page whose manifest cannot be read: shown apart, never dropped
    silently and never allowed to hide the readable ones."""


def new_backup_id(table: Table, now: datetime) -> str:
    """``20261125T031500123Z-<table>-<6 hex>``: sorts by creation time, unique per call."""
    moment = now.astimezone(UTC)
    stamp = moment.strftime("%Y%m%dT%H%M%S") + f"{moment.microsecond // 1000:03d}Z"
    return f"{stamp}-{table.value}-{secrets.token_hex(3)}"


def table_of_id(backup_id: str) -> Table | None:
    """The table a well-formed id names, None for anything else (never a path)."""
    match = _ID.match(backup_id)
    return Table(match.group(1)) if match else None


# -- backup ---------------------------------------------------------------------


def backup_table(
    warehouse: Warehouse,
    store: BackupStore,
    table: Table,
    *,
    created_by: str,
    codec: Codec = Codec.DEFLATE,
    now: datetime | None = None,
    chunk_rows: int = CHUNK_ROWS,
    progress: Progress | None = None,
) -> Manifest:
    """Write one consistent snapshot of ``table`` to the store; the manifest goes last."""
    moment = now or datetime.now(UTC)
    created_at = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    backup_id = new_backup_id(table, created_at)
    chunks = warehouse.snapshot(table, chunk_rows)
    if progress is not None:
        chunks = _reported(chunks, progress, warehouse.count(table))
    with store.write_data(backup_id) as raw:
        sink = _HashingWriter(raw)
        rows = avro_format.write(sink, table, codec, chunks)
    manifest = Manifest(
        id=backup_id,
        table=table,
        schema_version=SCHEMA_VERSION,
        rows=rows,
        size_bytes=sink.size,
        sha256=sink.hexdigest(),
        codec=codec,
        created_at=created_at,
        created_by=created_by,
        location=store.location(backup_id),
    )
    store.put_manifest(backup_id, manifest.to_json())
    return manifest


# -- restore --------------------------------------------------------------------


def restore_table(
    warehouse: Warehouse,
    store: BackupStore,
    table: Table,
    backup_id: str | None = None,
    *,
    force: bool = False,
    chunk_rows: int = CHUNK_ROWS,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace ``table`` with a verified backup (the latest of that table when no id)."""
    manifest = _manifest_to_restore(store, table, backup_id)
    _verify_file(store, manifest)
    rules = _RowRules(manifest)
    chunks: Iterable[list[Row]] = _verified_rows(store, manifest, chunk_rows, rules)
    if progress is not None:
        chunks = _reported(chunks, progress, manifest.rows)

    def admit(staged: Staged) -> None:
        nonlocal rules
        if not rules.complete:  # the warehouse read the file itself (Redshift COPY)
            rules = _RowRules(manifest)
            for _ in _verified_rows(store, manifest, chunk_rows, rules):
                pass
        rules.refuse_if_broken()
        _admit(manifest, staged, force)

    previous = warehouse.restore_swap(table, chunks, admit, store.location(manifest.id))
    return RestoreResult(table, manifest.id, manifest.rows, previous)


def _reported(chunks: Iterable[list[Row]], progress: Progress, total: int) -> Iterator[list[Row]]:
    """The same chunks, telling ``progress`` how many rows went by (generators close through)."""
    done = 0
    source = iter(chunks)
    try:
        for chunk in source:
            yield chunk
            done += len(chunk)
            progress(done, total)
    finally:
        close = getattr(source, "close", None)
        if close is not None:
            close()


def _manifest_to_restore(store: BackupStore, table: Table, backup_id: str | None) -> Manifest:
    if backup_id is None:
        latest = [i for i in store.list_ids() if table_of_id(i) is table]
        if not latest:
            raise NotFound(f"there is no backup of {table.value} to restore")
        backup_id = latest[-1]
    manifest = get_backup(store, backup_id)
    if manifest is None:
        raise NotFound(f"backup {backup_id!r} does not exist (or has no manifest)")
    if manifest.table is not table or manifest.id != backup_id:
        raise ValidationError(
            "backupId",
            f"backup {backup_id} is a backup of {manifest.table.value}, not {table.value}",
        )
    if manifest.schema_version > SCHEMA_VERSION:
        raise ValidationError(
            "backupId",
            f"backup {backup_id} has schema version {manifest.schema_version}; "
            f"this release reads up to {SCHEMA_VERSION}",
        )
    return manifest


def _verify_file(store: BackupStore, manifest: Manifest) -> None:
    """First pass: size and sha256 of the stored bytes, before anything is loaded."""
    with store.read_data(manifest.id) as raw:
        hashed = _HashingReader(raw)
        while hashed.read(_READ_BYTES):
            pass
    _check_digest(manifest, hashed)


def _verified_rows(
    store: BackupStore, manifest: Manifest, chunk_rows: int, rules: _RowRules | None = None
) -> Iterator[list[Row]]:
    """Second pass: decoded rows, each judged by the insert's row rules before it goes on
    to the staging table (the first bad row stops the load; the rest are judged only to
    be counted); ends with the digest check, so a swapped file fails."""
    rules = rules or _RowRules(manifest)
    with store.read_data(manifest.id) as raw:
        hashed = _HashingReader(raw)
        decoded = avro_format.read(hashed, manifest.table, chunk_rows)
        for chunk in decoded:
            rules.judge(chunk)
            if rules.broken:
                for rest in decoded:
                    rules.judge(rest)
                break
            yield chunk
        while hashed.read(_READ_BYTES):
            pass
    _check_digest(manifest, hashed)
    rules.complete = True
    rules.refuse_if_broken()


class _RowRules:
    """Judges a restore's rows as an insert would (validation.stored_row_problems),
    counting every offender and keeping the first few; read before the swap."""

    def __init__(self, manifest: Manifest) -> None:
        self._manifest = manifest
        self.complete = False
        self._seen = 0
        self._count = 0
        self._listed: list[dict[str, Any]] = []

    def judge(self, chunk: list[Row]) -> None:
        table, now = self._manifest.table, self._manifest.created_at
        for index, problem in stored_row_problems(table, chunk, now):
            self._count += 1
            if len(self._listed) < LISTED_ROWS:
                self._listed.append(
                    {
                        "index": self._seen + index,
                        "id": chunk[index].get("id"),
                        "field": problem.field,
                        "rule": problem.rule,
                        "message": problem.message,
                    }
                )
        self._seen += len(chunk)

    @property
    def broken(self) -> bool:
        return self._count > 0

    def refuse_if_broken(self) -> None:
        if not self._count:
            return
        sample = "; ".join(f"row {r['index']} (id {r['id']}): {r['message']}" for r in self._listed)
        error = ValidationError(
            "backupId",
            f"backup {self._manifest.id} holds {self._count} row(s) an insert would refuse: "
            f"{sample}",
        )
        error.info["rows"] = self._listed
        raise error


def _check_digest(manifest: Manifest, hashed: _HashingReader) -> None:
    if hashed.size != manifest.size_bytes:
        raise ValidationError(
            "backupId",
            f"backup {manifest.id} is damaged: {hashed.size} bytes, the manifest says "
            f"{manifest.size_bytes}",
        )
    if hashed.hexdigest() != manifest.sha256:
        raise ValidationError(
            "backupId", f"backup {manifest.id} is damaged: its sha256 differs from the manifest"
        )


def _admit(manifest: Manifest, staged: Staged, force: bool) -> None:
    """The last word before the swap: the staged rows must be the backup, whole and sound."""
    if staged.rows != manifest.rows:
        raise ValidationError(
            "backupId",
            f"backup {manifest.id} yielded {staged.rows} rows, the manifest says {manifest.rows}",
        )
    if staged.duplicate_ids:
        raise ValidationError(
            "backupId", f"backup {manifest.id} holds {staged.duplicate_ids} duplicate ids"
        )
    if force:
        return
    if staged.missing_references:
        sample = ", ".join(str(i) for i in sorted(staged.missing_references)[:10])
        raise Conflict(
            f"employees still reference {len(staged.missing_references)} "
            f"{manifest.table.value} missing from backup {manifest.id} (ids {sample}); "
            "pass force to restore anyway",
            info={"missingIds": sorted(staged.missing_references)[:100]},
        )
    if staged.unknown_references:
        raise Conflict(
            f"{staged.unknown_references} employees in backup {manifest.id} reference "
            "departments or jobs that do not exist; restore those first or pass force",
            info={"unknownReferences": staged.unknown_references},
        )


# -- listing --------------------------------------------------------------------


def manifest_to_restore(store: BackupStore, table: Table, backup_id: str | None) -> Manifest:
    """The manifest a restore would use, or the refusal it would start with (a job checks first)."""
    return _manifest_to_restore(store, table, backup_id)


def delete_backup(store: BackupStore, backup_id: str) -> Manifest:
    """Remove a backup; NotFound when there is none (an id is deleted once)."""
    manifest = get_backup(store, backup_id)
    if manifest is None:
        raise NotFound(f"backup {backup_id!r} does not exist")
    store.delete(backup_id)
    return manifest


def delete_unreadable_backup(store: BackupStore, backup_id: str) -> str:
    """Remove a backup whose manifest cannot be read (deleteBackup needs it to answer).

    Only such a backup: one with a readable manifest is refused (a Conflict that
    points to deleteBackup), so this door never removes a restorable backup
    without its manifest being shown. NotFound when there is no manifest at all.
    """
    body = store.get_manifest(backup_id) if table_of_id(backup_id) is not None else None
    if body is None:
        raise NotFound(f"backup {backup_id!r} does not exist")
    try:
        Manifest.from_json(body)
    except ValidationError:
        store.delete(backup_id)
        return backup_id
    raise Conflict(
        f"backup {backup_id!r} has a readable manifest; delete it with deleteBackup",
        info={"id": backup_id},
    )


def get_backup(store: BackupStore, backup_id: str) -> Manifest | None:
    if table_of_id(backup_id) is None:
        return None
    body = store.get_manifest(backup_id)
    return None if body is None else Manifest.from_json(body)


def list_backups(
    store: BackupStore,
    tokens: cursor.PageTokens,
    table: Table | None = None,
    limit: int | None = None,
    next_token: str | None = None,
) -> BackupPage:
    """Backups newest first, optionally of one table, a page at a time."""
    size = cursor.page_limit(limit)
    scope = f"backups:{table.value if table else ''}"
    before = _decode_token(tokens.decode(next_token, scope))
    ids = [
        i
        for i in reversed(store.list_ids())
        if (table is None or table_of_id(i) is table) and (before is None or i < before)
    ]
    page = ids[:size]
    items: list[Manifest] = []
    unreadable: list[Unreadable] = []
    for backup_id in page:
        try:
            manifest = get_backup(store, backup_id)
        except (ValidationError, Unavailable) as error:
            log.warning("unreadable backup manifest", extra={"backupId": backup_id})
            unreadable.append(Unreadable(backup_id, error.message))
            continue
        if manifest is not None:
            items.append(manifest)
    token = tokens.encode(scope, page[-1]) if len(ids) > size else None
    return BackupPage(items, token, unreadable)


def _decode_token(after: cursor.Position | None) -> str | None:
    if after is None:
        return None
    if not isinstance(after, str) or table_of_id(after) is None:
        raise ValidationError("nextToken", cursor.FORGED)
    return after


# -- streams --------------------------------------------------------------------


class _HashingWriter:
    """A write-only stream that hashes and counts the bytes it passes to the store."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self._sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._sha.update(data)
        self.size += len(data)
        self._target.write(data)
        return len(data)

    def flush(self) -> None:
        self._target.flush()

    def seekable(self) -> bool:
        """Never: fastavro must not try to append to an existing file."""
        return False

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


class _HashingReader:
    """A read-only stream that hashes and counts what its reader consumes."""

    def __init__(self, source: IO[bytes]) -> None:
        self._source = source
        self._sha = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self._sha.update(data)
        self.size += len(data)
        return data

    def hexdigest(self) -> str:
        return self._sha.hexdigest()


__all__: Sequence[str] = [
    "CHUNK_ROWS",
    "BackupPage",
    "Codec",
    "Manifest",
    "RestoreResult",
    "Unreadable",
    "backup_table",
    "delete_backup",
    "delete_unreadable_backup",
    "get_backup",
    "list_backups",
    "new_backup_id",
    "restore_table",
]
