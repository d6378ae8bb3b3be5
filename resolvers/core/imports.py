"""Bulk import: a whole file loaded as a job, with the row rules of a batch, decided in SQL.

A person asks for an upload link (``new_source``, then the store's PUT URL),
uploads the file around the API (AppSync caps a request at 6 MB), and starts
``importTable``: ``submit_import`` checks what it can at once (the source is
one of ours and was uploaded, the format and options are known) and queues a
job of kind IMPORT. The worker (``run_import``) reads only the file's header
row here; the warehouse reads the rest itself (DuckDB ``read_csv`` /
``read_parquet``, Redshift ``COPY``) and decides every verdict in SQL
(sql/imports), so no row ever passes through Python.

What "absent datetime" means: a batch row without one is dated now (an API
caller entering a new hire), but a file is history, and dating its gaps today
invents hires (issue 22). So a file's row without a datetime is INVALID
unless the import asks for ``missingDatetime: NOW``.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from datetime import UTC, datetime
from typing import Literal

from resolvers.core.backup_job import BackupJob
from resolvers.core.errors import NotFound, ValidationError
from resolvers.core.ports import (
    ImportOutcome,
    ImportProgress,
    ImportRequest,
    UploadStore,
    Warehouse,
)
from resolvers.core.tables import COLUMNS, Table

FileFormat = Literal["CSV", "PARQUET"]
MissingDatetime = Literal["REJECT", "NOW"]
FORMATS: tuple[FileFormat, ...] = ("CSV", "PARQUET")
MISSING_DATETIME: tuple[MissingDatetime, ...] = ("REJECT", "NOW")

HEADER_BYTES = 64 * 1024
"""How much of a CSV is read to find its header row (the first non-blank row)."""

_SOURCE = re.compile(r"uploads/[0-9a-f]{32}/[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def new_source(filename: str) -> str:
    """A fresh, unguessable place for one upload, keeping a tidy form of the file's name."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    tidy = _UNSAFE.sub("_", base).lstrip("._-")[:100] or "upload.csv"
    return f"uploads/{secrets.token_hex(16)}/{tidy}"


def check_source(source: str) -> str:
    if not _SOURCE.fullmatch(source):
        raise ValidationError("source", "must be a source that importUploadUrl returned")
    return source


def rejects_source(source: str) -> str:
    """``uploads/<id>/hired_employees.csv`` -> ``uploads/<id>/hired_employees.rejected.csv``."""
    folder, _, name = source.rpartition("/")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return f"{folder}/{stem}.rejected.csv"


def format_of(source: str, asked: str | None) -> FileFormat:
    """The format asked for, else the file name's (.parquet), else CSV."""
    chosen = (asked or ("PARQUET" if source.lower().endswith(".parquet") else "CSV")).upper()
    if chosen not in FORMATS:
        raise ValidationError("format", f"must be CSV or PARQUET, got {asked!r}")
    return "PARQUET" if chosen == "PARQUET" else "CSV"


def missing_datetime_of(asked: str | None) -> MissingDatetime:
    chosen = (asked or "REJECT").upper()
    if chosen not in MISSING_DATETIME:
        raise ValidationError("missingDatetime", f"must be REJECT or NOW, got {asked!r}")
    return "NOW" if chosen == "NOW" else "REJECT"


def check_uploaded(uploads: UploadStore, source: str) -> None:
    if not uploads.upload_exists(check_source(source)):
        raise NotFound(f"nothing was uploaded to {source!r} (or the upload expired)")


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "").replace("_", "")


def header_columns(table: Table, head: bytes) -> tuple[str, ...] | None:
    """The table columns a CSV's header row names, in file order; None when it has none.

    The rule of ``hrgraph load`` (client/csvfile.py): the first non-blank row is a
    header when one of its cells reads ``id``; a header naming a column the table
    lacks is refused, naming it.
    """
    text = head.decode("utf-8-sig", errors="replace")
    aliases = {_normalise(column): column for column in COLUMNS[table]}
    for cells in csv.reader(io.StringIO(text)):
        if not cells or all(not c.strip() for c in cells):
            continue
        names = [_normalise(c) for c in cells]
        if "id" not in names:
            return None
        unknown = [c for c, n in zip(cells, names, strict=True) if n not in aliases]
        if unknown:
            raise ValidationError(
                "source",
                f"the header names {', '.join(repr(c) for c in unknown)}, which {table.value} "
                f"does not have (its columns: {', '.join(COLUMNS[table])})",
            )
        return tuple(aliases[n] for n in names)
    return None


def run_import(
    job: BackupJob, warehouse: Warehouse, uploads: UploadStore, progress: ImportProgress
) -> ImportOutcome:
    """The worker's side of an IMPORT job: read the header, let the warehouse do the rest."""
    source = check_source(job.source or "")
    file_format = format_of(source, job.file_format)
    header = None
    if file_format == "CSV":
        header = header_columns(job.table, uploads.upload_head(source, HEADER_BYTES))
    request = ImportRequest(
        table=job.table,
        location=uploads.upload_location(source),
        file_format=file_format,
        rejects_location=uploads.upload_location(rejects_source(source)),
        now=job.created_at.astimezone(UTC) if job.created_at else datetime.now(UTC),
        missing_datetime=missing_datetime_of(job.missing_datetime),
        header=header,
    )
    return warehouse.import_file(request, progress)


def outcome_item(outcome: ImportOutcome, source: str) -> dict[str, object]:
    """The job's record of what the import did (BackupJob.imported)."""
    return {
        "received": outcome.received,
        "inserted": outcome.inserted,
        "rejected": dict(outcome.rejected),
        "rejectsSource": rejects_source(source) if outcome.rejects_location else None,
    }
