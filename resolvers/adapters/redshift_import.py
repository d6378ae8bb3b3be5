"""Bulk import on Redshift: COPY from S3, the rules in SQL, UNLOAD of the rejects.

ONE BatchExecuteStatement, so one session and one transaction, whatever the
file's size (the worker holds no row and sends a fixed number of statements):

1. LOCK the table (and, for employees, the tables they reference) in the
   batches' order (sql_common.LOCK_ORDER), first, as every writer does;
2. a TEMP staging table of text columns; ``COPY ... FORMAT AS CSV`` from the
   uploaded object (a bad value is a verdict, not a failed COPY);
3. sql/imports/judge_*.sql, repeated_employees.sql, rejected_*.sql: the same
   verdicts as DuckDB's;
4. the counts per reason; ``UNLOAD`` of the rejects beside the source
   (PARALLEL OFF: one object, ``<name>.rejected.csv000``, copied to its name);
5. the anti-join insert. Any failure rolls everything back.

Known limits, said here rather than hidden: Redshift numbers COPY's rows with
IDENTITY, which it documents as unique but not promised to follow the file's
order, so "the first occurrence wins" and the lines of the rejects file hold
for files COPY loads in order (one object, read by one slice, as a GZIP
upload is); lines COPY cannot split are its own errors (MAXERROR 0: the
import fails and says so). The LOCK is held for the whole import.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from resolvers.adapters import import_sql, sqltext
from resolvers.adapters import sql_common as q
from resolvers.adapters.redshift_data_client import DataApi, Done
from resolvers.adapters.redshift_literals import quote_string
from resolvers.core.backup_job import ImportStage
from resolvers.core.errors import Unavailable, ValidationError
from resolvers.core.ports import ImportOutcome, ImportProgress, ImportRequest
from resolvers.core.tables import COLUMNS, REFERENCES, Table

STAGED = "import_staged"
JUDGED = "import_judged"
REJECTED = "import_rejected"
REPEATED = "import_repeated"
UNLOADED_SUFFIX = "000"
"""UNLOAD ... PARALLEL OFF names its one object <prefix>000."""


def statements(request: ImportRequest, role_arn: str) -> list[str]:
    """The batch, in order; the counts are statement ``COUNTS`` and the insert the last."""
    table = request.table
    if request.file_format != "CSV":
        raise ValidationError("format", "Redshift imports read CSV; convert Parquet to CSV")
    in_file = request.header or COLUMNS[table]
    related = (table, *(REFERENCES.values() if table is Table.HIRED_EMPLOYEES else ()))
    now = request.now.replace(microsecond=request.now.microsecond // 1000 * 1000, tzinfo=None)
    judge = import_sql.judge(table, STAGED, JUDGED, "pos", _line(request))
    judge = judge.replace(":now", quote_string(now.isoformat(sep=" "))).replace(
        ":missing", quote_string(request.missing_datetime)
    )
    rejects = import_sql.rejects_file(table, REJECTED, STAGED, "pos") + " ORDER BY r.line"
    repeated = import_sql.repeated(table, JUDGED, REPEATED)
    return [
        q.lock_statement(*related),
        sqltext.redshift(
            "imports/create_staging",
            staged=STAGED,
            columns=", ".join(f"{c} VARCHAR(65535)" for c in COLUMNS[table]),
        ),
        sqltext.redshift(
            "imports/copy_csv",
            staged=STAGED,
            columns=", ".join(in_file),
            source=quote_string(request.location),
            role=quote_string(role_arn),
            header="IGNOREHEADER 1" if request.header is not None else "",
        ),
        judge,
        *([repeated] if repeated else []),
        import_sql.rejected(table, JUDGED, REJECTED, REPEATED),
        import_sql.rejected_counts(REJECTED),
        sqltext.redshift(
            "imports/unload_rejects",
            select=quote_string(rejects),
            target=quote_string(request.rejects_location),
            role=quote_string(role_arn),
        ),
        import_sql.insert_accepted(table, JUDGED, REJECTED),
    ]


COUNTS = -3
"""Index of the counts statement in ``statements`` (before the UNLOAD and the insert)."""


def _line(request: ImportRequest) -> str:
    return "pos + 1" if request.header is not None else "pos"


def import_file(
    api: DataApi, s3: Any, request: ImportRequest, role_arn: str, progress: ImportProgress
) -> ImportOutcome:
    """The Warehouse port's ``import_file`` on Redshift (see the module's docstring)."""
    if not role_arn:
        raise Unavailable("imports need HRGRAPH_REDSHIFT_COPY_ROLE_ARN (the role COPY reads with)")
    sqls = statements(request, role_arn)
    try:
        done = api.batch(sqls)
    except BaseException:
        # UNLOAD writes at once, outside the transaction: a batch that failed after it leaves
        # an object no outcome names, so it goes (the table itself was rolled back).
        _delete(s3, request.rejects_location + UNLOADED_SUFFIX)
        raise
    counts = {str(row[0]): int(row[1]) for row in _rows(done[COUNTS])}
    inserted = max(done[-1].result_rows, 0)
    received = inserted + sum(counts.values())
    location = None
    if counts:
        location = _place_rejects(s3, request.rejects_location)
    else:
        _delete(s3, request.rejects_location + UNLOADED_SUFFIX)
    progress(ImportStage.INSERTED, received)  # one batch: its steps are not seen apart
    return ImportOutcome(received, inserted, dict(sorted(counts.items())), location)


def _place_rejects(s3: Any, location: str) -> str:
    """UNLOAD's ``<name>000`` object copied to ``<name>`` (S3 copies it; no row passes here)."""
    bucket, key = _split(location)
    source = quote(f"{bucket}/{key}{UNLOADED_SUFFIX}")  # the model's form: "bucket/key", encoded
    s3.copy_object(Bucket=bucket, Key=key, CopySource=source)
    s3.delete_object(Bucket=bucket, Key=key + UNLOADED_SUFFIX)
    return location


def _delete(s3: Any, location: str) -> None:
    bucket, key = _split(location)
    s3.delete_object(Bucket=bucket, Key=key)


def _split(location: str) -> tuple[str, str]:
    match = re.fullmatch(r"s3://([^/]+)/(.+)", location)
    if not match:
        raise ValidationError("source", "a Redshift import reads and writes s3:// objects")
    return match.group(1), match.group(2)


def _rows(done: Done) -> list[tuple[Any, ...]]:
    return done.rows.rows if done.rows else []
