"""Bulk import on DuckDB: the file read by DuckDB itself, every verdict decided in SQL.

1. ``read_csv`` (every column VARCHAR) or ``read_parquet`` (every column cast
   to text) fills a temp staging table; rows appear in file order, so the
   table's ``rowid`` numbers them. Lines DuckDB cannot split into the table's
   cells go to its rejects table and become INVALID rows of their own. In the
   same pass each employee row is tested against the fast rules
   (sql/imports/fast_employees.sql): a row that passes (most of a real file) is
   stored typed, the others as text (sql/duckdb/import_staged_employees.sql).
2. sql/imports/judge_*.sql (Redshift dialect, through sqlglot) decides the
   other rows' own verdicts (INVALID); a view gives every row with its verdict
   (sql/duckdb/import_candidates.sql: no row is copied for it), and
   repeated_employees.sql the ids held twice (DUPLICATE_IN_BATCH) — outside the
   write lock, so batches go on meanwhile.
3. Under the write lock, in ONE transaction: the table's verdicts
   (ALREADY_EXISTS, UNKNOWN_REFERENCE), the rejects file (written to a hidden
   name first), the anti-join insert; commit, then the rejects file takes its
   name. Any failure rolls back and removes the half-written file.

No row passes through Python: the adapter issues a fixed handful of statements
whatever the file's size. Memory: the warehouse runs imports under their own limit
(HRGRAPH_DUCKDB_IMPORT_MEMORY_LIMIT, 256 MB by default; see
DuckDBWarehouse._import_memory); past it the staging, verdict and insert tables spill to
disk, so ten million rows add under 300 MiB to the process (bench/imports.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import duckdb

from resolvers.adapters import import_sql, sqltext
from resolvers.core.backup_job import ImportStage
from resolvers.core.errors import Unavailable, ValidationError
from resolvers.core.ports import ImportOutcome, ImportProgress, ImportRequest
from resolvers.core.tables import COLUMNS, Table

STAGED = "import_staged"
JUDGED = "import_judged"
REJECTED = "import_rejected"
REPEATED = "import_repeated"
CANDIDATES = "import_candidates"
MALFORMED = "import_malformed"
MALFORMED_ROWS = "import_malformed_rows"
GAPS = "import_malformed_gaps"
_TEMP_TABLES = (
    STAGED,
    JUDGED,
    REPEATED,
    REJECTED,
    MALFORMED,
    f"{MALFORMED}_scan",
    MALFORMED_ROWS,
    GAPS,
)

Cursor = Callable[[], AbstractContextManager[duckdb.DuckDBPyConnection]]
Writing = Callable[[Table], AbstractContextManager[None]]


def import_file(
    cursor: Cursor, writing: Writing, request: ImportRequest, progress: ImportProgress
) -> ImportOutcome:
    """The Warehouse port's ``import_file`` on DuckDB (see the module's docstring)."""
    table = request.table
    with cursor() as db:
        try:
            read = _stage(db, request)
            progress(ImportStage.STAGED, read)
            params = {"now": _naive(request), "missing": request.missing_datetime}
            if table is Table.HIRED_EMPLOYEES:
                candidates = _judge_employees(db, request, params)
            else:
                judge = import_sql.judge(
                    table, STAGED, JUDGED, "rowid", _line(db, request, f"{STAGED}.rowid")
                )
                db.execute(sqltext.to_duckdb(judge))
                candidates = JUDGED
            repeated = import_sql.repeated(table, candidates, REPEATED)
            if repeated:
                db.execute(sqltext.to_duckdb(repeated))
            received = _one(
                db,
                f"SELECT (SELECT COUNT(*) FROM {candidates}) "
                f"+ (SELECT COUNT(*) FROM {MALFORMED_ROWS})",
            )
            progress(ImportStage.CHECKED, received)
            with writing(table):
                outcome = _decide_and_insert(db, request, received, candidates)
            progress(ImportStage.INSERTED, received)
            return outcome
        except duckdb.OutOfMemoryException as error:
            raise Unavailable(
                "the import needs more memory than HRGRAPH_DUCKDB_IMPORT_MEMORY_LIMIT allows "
                f"({_first_line(error)})"
            ) from None
        finally:
            db.execute(f"DROP VIEW IF EXISTS {CANDIDATES}")
            for name in _TEMP_TABLES:
                db.execute(f"DROP TABLE IF EXISTS {name}")


def _judge_employees(
    db: duckdb.DuckDBPyConnection, request: ImportRequest, params: dict[str, str]
) -> str:
    """Judge the staged employee rows that missed the fast rules (the fast ones need no
    judgement: they were typed as the file was read); the name of the view of them all."""
    slow = f"(SELECT rowid AS pos, * FROM {STAGED} WHERE NOT fast) AS slow"
    judge = import_sql.judge(
        Table.HIRED_EMPLOYEES, slow, JUDGED, "pos", _line(db, request, "pos"), fast="FALSE"
    )
    db.execute(sqltext.to_duckdb(judge), params)
    db.execute(
        sqltext.raw("duckdb/import_candidates").format(
            candidates=CANDIDATES,
            staged=STAGED,
            judged=JUDGED,
            line=_line(db, request, f"{STAGED}.rowid"),
        )
    )
    return CANDIDATES


def _line(db: duckdb.DuckDBPyConnection, request: ImportRequest, position: str) -> str:
    """SQL for a staged row's line from ``position``, the staging table's rowid (from 0):
    after the header, plus the malformed lines before it (DuckDB numbers those itself; they
    are not staged). Exact for files whose rows each take one line and hold no blank line."""
    first = 2 if request.header is not None else 1
    if not _one(db, f"SELECT COUNT(*) FROM {MALFORMED_ROWS}"):
        return f"{position} + {first}"
    db.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {GAPS} AS SELECT line - {first - 1} "
        f"- ROW_NUMBER() OVER (ORDER BY line) AS gap FROM {MALFORMED_ROWS}"
    )
    return f"{position} + {first} + (SELECT COUNT(*) FROM {GAPS} AS g WHERE g.gap <= {position})"


def _naive(request: ImportRequest) -> str:
    moment = request.now.replace(microsecond=request.now.microsecond // 1000 * 1000)
    return moment.replace(tzinfo=None).isoformat(sep=" ")


def _literal(text: str) -> str:
    """A DuckDB string literal (standard SQL: only quotes are doubled)."""
    return "'" + text.replace("'", "''") + "'"


def _stage(db: duckdb.DuckDBPyConnection, request: ImportRequest) -> int:
    """Read the file into STAGED (and malformed lines into MALFORMED_ROWS); rows read."""
    table = request.table
    columns = COLUMNS[table]
    path = _literal(request.location)
    flags, outer = "", "*"
    if table is Table.HIRED_EMPLOYEES:
        # The fast rules tested once, as the file is read; those rows are typed there too.
        select_fast = sqltext.to_duckdb(f"SELECT {import_sql.fast_employees()} AS fast")
        flags = ", COALESCE(" + select_fast.removeprefix("SELECT ").removesuffix(" AS fast")
        flags += ", FALSE) AS fast"
        outer = sqltext.raw("duckdb/import_staged_employees")
    try:
        if request.file_format == "PARQUET":
            present = {
                str(row[0]).lower()
                for row in db.execute(f"DESCRIBE SELECT * FROM read_parquet({path})").fetchall()
            }
            select = ", ".join(
                f"CAST({c} AS VARCHAR) AS {c}" if c in present else f"CAST(NULL AS VARCHAR) AS {c}"
                for c in columns
            )
            db.execute(
                sqltext.raw("duckdb/import_read_parquet").format(
                    staged=STAGED, select_columns=select, path=path, flags=flags, outer=outer
                )
            )
            db.execute(
                f"CREATE TEMP TABLE {MALFORMED_ROWS} (line BIGINT, message VARCHAR, cells VARCHAR)"
            )
        else:
            in_file = request.header or columns
            select = ", ".join(
                c if c in in_file else f"CAST(NULL AS VARCHAR) AS {c}" for c in columns
            )
            db.execute(
                sqltext.raw("duckdb/import_read_csv").format(
                    staged=STAGED,
                    select_columns=select,
                    flags=flags,
                    outer=outer,
                    path=path,
                    header="true" if request.header is not None else "false",
                    columns=", ".join(f"'{c}': 'VARCHAR'" for c in in_file),
                    new_line=_literal(_line_ending(Path(request.location))),
                    malformed=MALFORMED,
                )
            )
            db.execute(
                sqltext.raw("duckdb/import_malformed").format(
                    malformed_rows=MALFORMED_ROWS, malformed=MALFORMED, expected=len(in_file)
                )
            )
    except duckdb.OutOfMemoryException:
        raise  # the limit's fault, not the file's (import_file says so)
    except duckdb.IOException as error:
        raise ValidationError("source", f"cannot be read: {_first_line(error)}") from None
    except duckdb.Error as error:
        kind = request.file_format
        raise ValidationError(
            "source", f"is not a readable {kind} file: {_first_line(error)}"
        ) from None
    row = db.execute(
        f"SELECT (SELECT COUNT(*) FROM {STAGED}) + (SELECT COUNT(*) FROM {MALFORMED_ROWS})"
    ).fetchone()
    return int(row[0]) if row else 0


def _decide_and_insert(
    db: duckdb.DuckDBPyConnection, request: ImportRequest, received: int, candidates: str
) -> ImportOutcome:
    """``candidates``: every row with its own verdict (the judged table, or for employees
    the view of the fast rows and the judged ones)."""
    table = request.table
    final = Path(request.rejects_location)
    hidden = final.with_name(f".{final.name}.tmp-{secrets.token_hex(4)}")
    db.begin()
    try:
        db.execute(sqltext.to_duckdb(import_sql.rejected(table, candidates, REJECTED, REPEATED)))
        counts = {
            str(reason): int(count)
            for reason, count in db.execute(
                sqltext.to_duckdb(import_sql.rejected_counts(REJECTED))
            ).fetchall()
        }
        malformed = _one(db, f"SELECT COUNT(*) FROM {MALFORMED_ROWS}")
        if malformed:
            counts["INVALID"] = counts.get("INVALID", 0) + malformed
        if counts:
            _write_rejects(db, table, hidden)
        else:
            final.unlink(missing_ok=True)  # a stale file from an earlier run would mislead
        insert = sqltext.raw("duckdb/import_insert_accepted").format(
            table=table.value,
            columns=", ".join(COLUMNS[table]),
            judged=candidates,
            rejected=REJECTED,
        )
        inserted = _one(db, insert)
        db.commit()
    except BaseException:
        db.rollback()
        hidden.unlink(missing_ok=True)
        raise
    if counts:
        hidden.replace(final)
    return ImportOutcome(
        received=received,
        inserted=inserted,
        rejected=dict(sorted(counts.items())),
        rejects_location=str(final) if counts else None,
    )


def _write_rejects(db: duckdb.DuckDBPyConnection, table: Table, path: Path) -> None:
    """The refused rows, by line: line, reason, field, message, then the row's cells."""
    columns = COLUMNS[table]
    if table is Table.HIRED_EMPLOYEES:
        judged = sqltext.raw("duckdb/import_rejects_employees").format(
            rejected=REJECTED, staged=STAGED
        )
    else:
        judged = sqltext.to_duckdb(import_sql.rejects_file(table, REJECTED, STAGED, "rowid"))
    padding = ", ".join("NULL" for _ in columns[1:])
    malformed = (
        f"SELECT line, 'INVALID', 'cells', message, cells{', ' + padding if padding else ''} "
        f"FROM {MALFORMED_ROWS}"
    )
    header = ", ".join(("line", "reason", "field", "message", *columns))
    db.execute(
        f"COPY (SELECT * FROM ({judged} UNION ALL {malformed}) AS r({header}) ORDER BY line) "
        f"TO {_literal(str(path))} (HEADER, DELIMITER ',')"
    )


def _line_ending(path: Path) -> str:
    """CRLF or LF as read_csv spells them: CRLF when the file's start holds one (a lone LF
    may sit inside a quoted cell of a CRLF file), else LF."""
    with path.open("rb") as stream:
        head = stream.read(1 << 16)
    return r"\r\n" if b"\r\n" in head else r"\n"


def _one(db: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = db.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
