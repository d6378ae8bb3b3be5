"""Backups and restores on Redshift through the Data API.

Snapshot: ONE ``SELECT ... ORDER BY id`` is one consistent read; its result is
read page by page (NextToken), so memory holds a page, never the table.

Restore: a Data API batch is one session, and loading a backup can take many
calls, so the new table is built beside the live one and swapped in by name:

1. create a staging table of the restore's own
   (``restore_staging_<table>_<UTC stamp>_<random>``) from the table's DDL
   (resolvers/sql/ddl, renamed), so it keeps NOT NULL, DISTSTYLE and SORTKEY once it is
   the table; in the same batch drop staging tables of this table older than
   LEFTOVER_AFTER (a crashed worker's), at most MAX_LEFTOVERS_DROPPED of them;
2. load it: a large backup on S3 by ``COPY ... FORMAT AS AVRO 'auto'`` with
   the configured IAM role (Redshift reads the file itself); otherwise the
   decoded rows by multi-row INSERTs, up to 40 statements per batch;
3. measure it (rows, duplicate ids, references) and let the core's check
   decide;
4. swap in ONE short batch: LOCK, count the old rows, check that the facts are
   what the check saw (else the batch fails and rolls back: a batch cannot
   branch), rename the live table away and the staging table in, drop the old.

Two restores of one table at once (two users, or a retry while the first still runs)
never share a staging table: each loads and measures its own, and their swaps queue
on the LOCK, so the table ends as if they had run one after the other (the last
swap wins) and each job tells the row counts it saw under the lock. Refusing the
second restore instead would need an atomic per-table claim in every job store,
with its own expiry for dead workers; a lock held for the whole load would make
readers wait for the whole copy (below).

Readers are kept waiting only for step 4. Redshift's LOCK (and ALTER TABLE) is
ACCESS EXCLUSIVE: every read of the table queues behind it, so a swap that
deleted and inserted every row under the LOCK made reports wait for the whole
copy (bench/restore_wait.py measures it). The renames are catalog changes.
The new table belongs to the app user, as the old one did, and the read-only
user reads it through resolvers/sql/grants/readonly_user.sql's ALTER DEFAULT PRIVILEGES.

Time: the swap is submitted only when the request (the worker's invocation)
has SWAP_SECONDS left, and every statement is cancelled at the deadline
(redshift_data_client.py): a worker that Lambda stops leaves the table as it
was. Any failure before the swap leaves the table as it was; the staging table
is dropped on the way out, and a later restore drops one a killed worker left.
"""

from __future__ import annotations

import logging
import math
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from itertools import chain
from typing import Any

import sqlglot
from sqlglot import exp

from resolvers import deadline
from resolvers.adapters import sql_common as q
from resolvers.adapters import sqltext
from resolvers.adapters.redshift_data_client import DataApi, Done, StatementFailed
from resolvers.adapters.redshift_literals import literal, quote_string, values_statements
from resolvers.core.errors import Conflict, HrgraphError, Unavailable
from resolvers.core.ports import Row, Staged
from resolvers.core.tables import COLUMNS, REFERENCES, Table

log = logging.getLogger(__name__)

MAX_BATCH_STATEMENTS = 40
SWAP_SECONDS = 60.0
"""Time the swap's batch may need: its LOCK waits for readers already running (a report or
runSql, each cut at 25 s by the API) and writers' batches, then renames. Not submitted with
less left: a swap still running when the worker stops could commit after the job reads FAILED.
"""
CHANGED_MARKER = "hrgraph: references changed"
"""The text resolvers/sql/restore/swap_guard.sql fails with when the references moved."""
COPY_THRESHOLD_ROWS = 20_000
"""Backups larger than this load by COPY when the file is on S3 and a COPY role is set."""

LEFTOVER_AFTER = timedelta(hours=1)
"""A staging table older than this is a dead restore's: a restore runs only in a worker,
and Lambda stops every invocation within 15 minutes (statements are cancelled with it)."""
MAX_LEFTOVERS_DROPPED = 10
"""Leftovers one restore drops, at most: its first batch stays small whatever piled up."""
STAGING_PREFIX = "restore_staging_"
_STAMP = "%Y%m%dT%H%M%SZ"

_EPOCH = datetime(1970, 1, 1)
_REFERENCING_COLUMN = {Table.DEPARTMENTS: "department_id", Table.JOBS: "job_id"}


def snapshot(api: DataApi, table: Table, chunk_rows: int) -> Iterator[list[Row]]:
    sql = sqltext.redshift("queries/snapshot_table", table=table.value, columns=q.columns(table))
    names = COLUMNS[table]
    chunk: list[Row] = []
    for page in api.stream(sql):
        for values in page.rows:
            chunk.append({name: _avro_value(v) for name, v in zip(names, values, strict=True)})
            if len(chunk) == chunk_rows:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def restore_swap(
    api: DataApi,
    table: Table,
    chunks: Iterable[Sequence[Row]],
    check: Callable[[Staged], None],
    location: str | None,
    copy_role_arn: str,
) -> int:
    now = datetime.now(UTC)
    staging = staging_name(table, now)
    drop = sqltext.redshift("restore/drop_staging", staging=staging)
    leftovers = [
        sqltext.redshift("restore/drop_staging", staging=name)
        for name in _leftovers(api, table, now)
    ]
    api.batch([*leftovers, staging_table_ddl(table, staging)])
    try:
        _load(api, table, staging, chunks, location, copy_role_arn)
        facts = _measure(api, table, staging)
        check(facts)
        return _swap(api, table, staging, facts)  # the staging table becomes the table
    except BaseException:
        _drop_quietly(api, drop)
        raise


def staging_name(table: Table, now: datetime) -> str:
    """A name no other restore uses: when it was made (for the leftover sweep), and chance."""
    return f"{STAGING_PREFIX}{table.value}_{now.strftime(_STAMP).lower()}_{secrets.token_hex(4)}"


def staging_tables(api: DataApi, table: Table) -> dict[str, datetime]:
    """The staging tables restores of ``table`` have made and not dropped, with their time."""
    pattern = re.compile(rf"{STAGING_PREFIX}{table.value}_(\d{{8}}t\d{{6}}z)_[0-9a-f]{{8}}")
    prefix = quote_string(f"{STAGING_PREFIX}{table.value}_%")
    found: dict[str, datetime] = {}
    for page in api.stream(sqltext.redshift("restore/staging_tables", prefix=prefix)):
        for name, *_ in page.rows:
            matched = pattern.fullmatch(str(name))
            if matched:
                stamp = datetime.strptime(matched[1].upper(), _STAMP).replace(tzinfo=UTC)
                found[str(name)] = stamp
    return found


def _leftovers(api: DataApi, table: Table, now: datetime) -> list[str]:
    """Staging tables of restores that cannot still be running, oldest first, a bounded few."""
    made = staging_tables(api, table)
    dead = sorted((n for n, at in made.items() if now - at > LEFTOVER_AFTER), key=made.__getitem__)
    if len(dead) > MAX_LEFTOVERS_DROPPED:
        log.warning("%d leftover restore staging tables of %s", len(dead), table.value)
    return dead[:MAX_LEFTOVERS_DROPPED]


def staging_table_ddl(table: Table, staging: str) -> str:
    """The table's own CREATE TABLE (resolvers/sql/ddl), naming the staging table instead."""
    create = sqlglot.parse_one(sqltext.redshift(f"ddl/{table.value}"), read="redshift")
    name = create.find(exp.Table)
    assert name is not None
    name.set("this", exp.to_identifier(staging))
    return create.sql(dialect="redshift")


def _drop_quietly(api: DataApi, drop: str) -> None:
    """Best effort on the way out: a later restore drops a leftover anyway."""
    try:
        api.execute(drop)
    except HrgraphError:
        log.warning("could not drop a restore's staging table; the next restore will")


def _load(
    api: DataApi,
    table: Table,
    staging: str,
    chunks: Iterable[Sequence[Row]],
    location: str | None,
    copy_role_arn: str,
) -> None:
    pending = iter(chunks)
    if location and location.startswith("s3://") and copy_role_arn:
        head = _take_rows(pending, COPY_THRESHOLD_ROWS + 1)
        if sum(len(c) for c in head) > COPY_THRESHOLD_ROWS:
            close = getattr(pending, "close", None)
            if close is not None:
                close()  # the core verified the file first; Redshift reads it itself
            copy = sqltext.redshift(
                "restore/copy_avro",
                staging=staging,
                source=quote_string(location),
                role=quote_string(copy_role_arn),
            )
            api.execute(copy)
            return
        pending = chain(head, pending)
    head_sql = sqltext.redshift("queries/insert_values", table=staging, columns=q.columns(table))
    names = COLUMNS[table]
    for chunk in pending:
        statements = values_statements(head_sql, ([row.get(n) for n in names] for row in chunk))
        for start in range(0, len(statements), MAX_BATCH_STATEMENTS):
            api.batch(statements[start : start + MAX_BATCH_STATEMENTS])


def _take_rows(chunks: Iterator[Sequence[Row]], rows: int) -> list[Sequence[Row]]:
    """Chunks from the front until they hold at least ``rows`` rows (or the end)."""
    taken: list[Sequence[Row]] = []
    count = 0
    for chunk in chunks:
        taken.append(chunk)
        count += len(chunk)
        if count >= rows:
            break
    return taken


def _measure(api: DataApi, table: Table, staging: str) -> Staged:
    sqls = [
        sqltext.redshift("restore/staged_counts", staging=staging),
        *_reference_queries(table, staging),
    ]
    done = api.batch(sqls)
    rows, distinct = _first(done[0])
    missing: frozenset[int] = frozenset()
    unknown: set[int] = set()
    if table in _REFERENCING_COLUMN:
        missing = _ids(done[1])
    elif table is Table.HIRED_EMPLOYEES:
        for result in done[1:]:
            unknown |= _ids(result)
    return Staged(int(rows), int(rows) - int(distinct), missing, len(unknown))


def _swap(api: DataApi, table: Table, staging: str, facts: Staged) -> int:
    retired = f"restore_retired_{table.value}"
    # The table and every table on the other end of a reference, in the global lock order.
    related = {table, Table.HIRED_EMPLOYEES}
    if table is Table.HIRED_EMPLOYEES:
        related |= set(REFERENCES.values())
    left = deadline.remaining_seconds(math.inf)  # the request's time: no scope, no limit
    if left < SWAP_SECONDS:
        raise Unavailable(
            f"the restore stopped before its swap: {left:.0f} s were left and the swap may need "
            f"{SWAP_SECONDS:.0f} s; the table was not changed"
        )
    guard = sqltext.redshift("restore/swap_guard", unchanged=_unchanged(table, staging, facts))
    try:
        done = api.batch(
            [
                q.lock_statement(*related),
                sqltext.redshift("queries/count_rows", table=table.value),
                guard,
                sqltext.redshift("restore/rename_table", table=table.value, new_name=retired),
                sqltext.redshift("restore/rename_table", table=staging, new_name=table.value),
                sqltext.redshift("restore/drop_staging", staging=retired),
            ]
        )
    except StatementFailed as failure:
        if CHANGED_MARKER not in failure.detail:
            raise
        raise Conflict(
            f"references to {table.value} changed while the restore was checked; nothing was "
            "restored, retry"
        ) from None
    return int(_first(done[1])[0])


def _reference_queries(table: Table, staging: str) -> list[str]:
    column = _REFERENCING_COLUMN.get(table)
    if column:
        return [sqltext.redshift("restore/missing_referenced_ids", staging=staging, column=column)]
    if table is Table.HIRED_EMPLOYEES:
        return [
            sqltext.redshift(
                "queries/staged_unknown_references", staging=staging, column=c, target=t.value
            )
            for c, t in REFERENCES.items()
        ]
    return []


def _unchanged(table: Table, staging: str, facts: Staged) -> str:
    """SQL that is true when the reference facts are still those measured."""
    queries = _reference_queries(table, staging)
    if not queries:
        return "1 = 1"
    if table is Table.HIRED_EMPLOYEES:
        union = " UNION ".join(queries)
        return f"(SELECT COUNT(*) FROM ({union}) AS u) = {literal(facts.unknown_references)}"
    (missing,) = queries
    count = f"(SELECT COUNT(*) FROM ({missing}) AS m) = {literal(len(facts.missing_references))}"
    if not facts.missing_references:
        return count
    ids = ", ".join(literal(i) for i in sorted(facts.missing_references))
    column = _REFERENCING_COLUMN[table]
    outside = f"NOT EXISTS (SELECT 1 FROM ({missing}) AS m WHERE m.{column} NOT IN ({ids}))"
    return f"{count} AND {outside}"


def _avro_value(value: Any) -> Any:
    """Warehouse values as the backup's rows hold them: timestamps as epoch milliseconds."""
    if isinstance(value, datetime):
        moment = value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
        return (moment - _EPOCH) // timedelta(milliseconds=1)
    return value


def _first(done: Done) -> tuple[Any, ...]:
    return done.rows.rows[0] if done.rows and done.rows.rows else ()


def _ids(done: Done) -> frozenset[int]:
    return frozenset(int(row[0]) for row in (done.rows.rows if done.rows else []))
