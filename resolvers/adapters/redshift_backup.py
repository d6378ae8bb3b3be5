"""Backups and restores on Redshift through the Data API.

Snapshot: ONE ``SELECT ... ORDER BY id`` is one consistent read; its result is
read page by page (NextToken), so memory holds a page, never the table.

Restore: a Data API batch is one session, and loading a backup can take many
calls, so rows are staged in a real table (``restore_staging_<table>``):

1. drop a leftover staging table, create it empty;
2. load it: a large backup on S3 by ``COPY ... FORMAT AS AVRO 'auto'`` with
   the configured IAM role (Redshift reads the file itself); otherwise the
   decoded rows by multi-row INSERTs, up to 40 statements per batch;
3. measure it (rows, duplicate ids, references) and let the core's check
   decide;
4. swap in ONE batch: LOCK, measure again, DELETE and INSERT ... SELECT both
   guarded by "the facts are what the check saw", DROP the staging table.
   A batch cannot branch; if a writer changed the references in between, both
   halves do nothing and the restore reports a Conflict.

Any failure before the swap leaves the table as it was; the staging table is
dropped on the way out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from itertools import chain
from typing import Any

import sqlglot
from sqlglot import exp

from resolvers.adapters import sql_common as q
from resolvers.adapters import sqltext
from resolvers.adapters.redshift_data_client import DataApi, Done
from resolvers.adapters.redshift_literals import literal, quote_string, values_statements
from resolvers.core.errors import Conflict, HrgraphError
from resolvers.core.ports import Row, Staged
from resolvers.core.tables import COLUMNS, REFERENCES, Table

log = logging.getLogger(__name__)

MAX_BATCH_STATEMENTS = 40
COPY_THRESHOLD_ROWS = 20_000
"""Backups larger than this load by COPY when the file is on S3 and a COPY role is set."""

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
    staging = f"restore_staging_{table.value}"
    names = {"table": table.value, "columns": q.columns(table), "staging": staging}
    drop = sqltext.redshift("restore/drop_staging", staging=staging)
    api.batch([drop, sqltext.redshift("restore/create_staging_table", **names)])
    try:
        _load(api, table, staging, chunks, location, copy_role_arn)
        facts = _measure(api, table, staging)
        check(facts)
        return _swap(api, table, names, facts)  # drops the staging table itself
    except BaseException:
        _drop_quietly(api, drop)
        raise


def _drop_quietly(api: DataApi, drop: str) -> None:
    """Best effort on the way out: the next restore drops a leftover anyway."""
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


def _swap(api: DataApi, table: Table, names: dict[str, str], facts: Staged) -> int:
    unchanged = _unchanged(table, names["staging"], facts)
    # The table and every table on the other end of a reference, in the global lock order.
    related = {table, Table.HIRED_EMPLOYEES}
    if table is Table.HIRED_EMPLOYEES:
        related |= set(REFERENCES.values())
    delete = _guarded(sqltext.redshift("restore/delete_all", **names), unchanged)
    insert = _guarded(sqltext.redshift("restore/insert_from_staging", **names), unchanged)
    done = api.batch(
        [
            q.lock_statement(*related),
            sqltext.redshift("restore/unchanged", unchanged=unchanged),
            delete,
            insert,
            sqltext.redshift("restore/drop_staging", staging=names["staging"]),
        ]
    )
    if not _first(done[1])[0]:
        raise Conflict(
            f"references to {table.value} changed while the restore was checked; nothing was "
            "restored, retry"
        )
    return max(done[2].result_rows, 0)


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


def _guarded(sql: str, condition: str) -> str:
    statement = sqlglot.parse_one(sql, read="redshift")
    target = statement.expression if isinstance(statement, exp.Insert) else statement
    assert isinstance(target, exp.Select | exp.Delete)
    target.where(condition, dialect="redshift", copy=False)
    return sqltext.render_redshift(statement)


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
