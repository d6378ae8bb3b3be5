"""The database behind the fake Data API: Redshift SQL run for real on DuckDB.

What it keeps from Redshift, because the adapter's correctness depends on it:

- Constraints are informational: PRIMARY KEY and UNIQUE are dropped from DDL,
  NOT NULL stays. Only the adapter's SQL keeps ids unique.
- Snapshot isolation: every session is its own DuckDB connection with its own
  transaction; a transaction sees the table as of its first query, so two
  anti-join inserts that overlap both insert the same id.
- ``LOCK t1, t2`` takes real exclusive locks (in the order written), held by the
  session until its transaction ends; a second LOCK on the same table waits.
- SQL Redshift cannot run fails like it would: ON CONFLICT, RETURNING, a MERGE
  without both WHEN clauses, VALUES used as a table.
- Results are typed like Redshift's (int8, float8, numeric, timestamp, ...).
- Write-write conflicts surface as Redshift's error 1023.

What it does not model is listed in the package docstring (fakes/__init__.py).
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Protocol

import duckdb
import fastavro
import pyarrow as pa
import sqlglot
from sqlglot import exp

SERIALIZATION_ERROR = (
    "ERROR: 1023 DETAIL: Serializable isolation violation on table - {table}, "
    "transactions forming the cycle are: (fake)"
)

_COPY_AVRO = re.compile(
    r"^\s*COPY\s+(?P<table>\w+)\s+FROM\s+'(?P<source>s3://[^']+)'\s+"
    r"IAM_ROLE\s+'(?P<role>arn:[^']+)'\s+FORMAT\s+AS\s+AVRO\s+'auto'"
    r"(?:\s+TIMEFORMAT\s+'epochmillisecs')?\s*$",
    re.IGNORECASE,
)
_UNLOAD_PARQUET = re.compile(
    r"^\s*UNLOAD\s*\(\s*'(?P<select>(?:[^'\\]|''|\\.)*)'\s*\)\s+TO\s+'(?P<target>s3://[^']+)'\s+"
    r"IAM_ROLE\s+'(?P<role>arn:[^']+)'\s+FORMAT\s+(?:AS\s+)?PARQUET"
    r"(?:\s+MAXFILESIZE\s+(?:AS\s+)?(?P<size>\d+)\s*MB)?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_COPY_CSV = re.compile(
    r"^\s*COPY\s+(?P<table>\w+)\s*\((?P<columns>[\w\s,]+)\)\s+FROM\s+'(?P<source>s3://[^']+)'\s+"
    r"IAM_ROLE\s+'(?P<role>arn:[^']+)'\s+FORMAT\s+AS\s+CSV(?P<header>\s+IGNOREHEADER\s+1)?"
    r"\s+EMPTYASNULL\s*$",
    re.IGNORECASE,
)
_UNLOAD_CSV = re.compile(
    r"^\s*UNLOAD\s*\(\s*'(?P<select>(?:[^'\\]|''|\\.)*)'\s*\)\s+TO\s+'(?P<target>s3://[^']+)'\s+"
    r"IAM_ROLE\s+'(?P<role>arn:[^']+)'\s+FORMAT\s+AS\s+CSV\s+HEADER\s+PARALLEL\s+OFF"
    r"\s+ALLOWOVERWRITE\s*$",
    re.IGNORECASE | re.DOTALL,
)
_IDENTITY = re.compile(r"\s+IDENTITY\s*\(\s*1\s*,\s*1\s*\)", re.IGNORECASE)
UNLOAD_SLICES = 2
"""Parts are written per slice, as a two-slice cluster would (0000_part_00, 0001_part_00 ...)."""
_LOCK = re.compile(r"^\s*LOCK\s+(?:TABLE\s+)?(?P<tables>[\w\s,.\"]+?)\s*;?\s*$", re.IGNORECASE)


class RedshiftSqlError(Exception):
    """A statement failed the way Redshift would fail it; ``str()`` is Redshift's error text."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type_name: str
    """Redshift's ColumnMetadata typeName (int8, varchar, timestamp, ...)."""
    precision: int = 0
    scale: int = 0


@dataclass(slots=True)
class Outcome:
    """One statement's effect: rows changed, or a result set."""

    rows_affected: int = 0
    columns: list[Column] | None = None
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def has_result_set(self) -> bool:
        return self.columns is not None


class DatabaseSession(Protocol):
    """One Redshift session as the fake Data API drives it."""

    def prepare(self, sqls: Sequence[str], params: Mapping[str, str]) -> None:
        """Called with the whole batch before it begins: work the fake may do ahead."""

    def begin(self) -> None: ...
    def run(self, sql: str, params: Mapping[str, str]) -> Outcome: ...
    def end(self, commit: bool) -> None: ...
    def close(self) -> None: ...


class DatabaseEngine(Protocol):
    """What runs the fake's SQL: DuckDB here, or PostgreSQL (postgres_engine.py)."""

    object_reader: Callable[[str], bytes] | None
    object_writer: Callable[[str, bytes], None] | None

    def session(self) -> DatabaseSession: ...


class FakeRedshiftEngine:
    """One database shared by every session of the fake (one Redshift database)."""

    def __init__(
        self, path: str = ":memory:", object_reader: Callable[[str], bytes] | None = None
    ) -> None:
        self._db = duckdb.connect(path)
        self.object_reader = object_reader
        """Fetches an s3:// object's bytes for COPY (e.g. through a moto S3 client)."""
        self.object_writer: Callable[[str, bytes], None] | None = None
        """Stores an s3:// object for UNLOAD (e.g. through a moto S3 client)."""
        self.unload_part_rows = 250_000
        """Rows per Parquet part (stands in for MAXFILESIZE)."""
        self._guard = threading.Lock()
        self._table_locks: dict[str, threading.Lock] = {}

    def session(self) -> Session:
        with self._guard:
            return Session(self, self._db.cursor())

    def table_lock(self, table: str) -> threading.Lock:
        with self._guard:
            return self._table_locks.setdefault(table.lower(), threading.Lock())

    def close(self) -> None:
        self._db.close()


class Session:
    """A Redshift session: one connection, at most one open transaction, its LOCKs."""

    def __init__(self, engine: FakeRedshiftEngine, cursor: duckdb.DuckDBPyConnection) -> None:
        self._engine = engine
        self._cursor = cursor
        self._held: list[threading.Lock] = []
        self._in_transaction = False

    def prepare(self, sqls: Sequence[str], params: Mapping[str, str]) -> None:
        """Nothing ahead here: DuckDB takes no LOCK that the fake's own time could prolong."""

    def begin(self) -> None:
        self._cursor.begin()
        self._in_transaction = True

    def run(self, sql: str, params: Mapping[str, str]) -> Outcome:
        """Run one Redshift statement (parameters are strings, as the Data API sends them)."""
        tables = _lock_targets(sql)
        if tables is not None:
            for table in tables:
                self._take(table)
            return Outcome()
        copy = _COPY_AVRO.match(sql)
        if copy:
            return Outcome(rows_affected=self._copy_avro(copy["table"], copy["source"]))
        copy_csv = _COPY_CSV.match(sql)
        if copy_csv:
            return Outcome(rows_affected=self._copy_csv(copy_csv))
        unload_csv = _UNLOAD_CSV.match(sql)
        if unload_csv:
            select = unload_csv["select"].replace("''", "'").replace("\\\\", "\\")
            return Outcome(rows_affected=self._unload_csv(select, unload_csv["target"], params))
        if sql.lstrip().upper().startswith("CREATE") and _IDENTITY.search(sql):
            sql = _IDENTITY.sub("", sql)  # the fake's COPY numbers the rows itself (see _copy_csv)
        unload = _UNLOAD_PARQUET.match(sql)
        if unload:
            select = unload["select"].replace("''", "'").replace("\\\\", "\\")
            return Outcome(rows_affected=self._unload_parquet(select, unload["target"], params))
        statement = translate(sql, params)
        try:
            result = self._cursor.execute(statement.sql(dialect="duckdb"))
            rows = result.fetchall()
            description = result.description or []
        except duckdb.TransactionException as error:
            raise RedshiftSqlError(_conflict_text(statement, error)) from error
        except duckdb.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error
        if _returns_rows(statement):
            return Outcome(columns=[_column(d[0], str(d[1])) for d in description], rows=rows)
        changed = rows[0][0] if rows and isinstance(statement, exp.DML) else 0
        return Outcome(rows_affected=int(changed or 0))

    def end(self, commit: bool) -> None:
        """End the transaction (if any) and release every LOCK the session holds."""
        try:
            if self._in_transaction:
                self._in_transaction = False
                if commit:
                    try:
                        self._cursor.commit()
                    except duckdb.Error as error:
                        self._cursor.rollback()
                        raise RedshiftSqlError(SERIALIZATION_ERROR.format(table="?")) from error
                else:
                    self._cursor.rollback()
        finally:
            while self._held:
                self._held.pop().release()

    def close(self) -> None:
        try:
            self.end(commit=False)
        finally:
            self._cursor.close()

    def _copy_avro(self, table: str, source: str) -> int:
        """COPY ... FORMAT AS AVRO 'auto': fields matched to the table's columns by name."""
        data = copy_source(self._engine.object_reader, source)
        columns = [row[0] for row in self._cursor.execute(f"DESCRIBE {table}").fetchall()]
        records = [dict(zip(columns, row, strict=True)) for row in avro_rows(data, columns)]
        if not records:
            return 0
        self._cursor.register("copied_avro", pa.Table.from_pylist(records))
        try:
            names = ", ".join(columns)
            self._cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM copied_avro")
        except duckdb.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error
        finally:
            self._cursor.unregister("copied_avro")
        return len(records)

    def _copy_csv(self, copy: re.Match[str]) -> int:
        """COPY ... FORMAT AS CSV [IGNOREHEADER 1] EMPTYASNULL into the named columns, text as
        read; a ``pos`` column of the table (IDENTITY on Redshift) numbers rows in file order."""
        import tempfile

        data = copy_source(self._engine.object_reader, copy["source"])
        table = copy["table"]
        names = [c.strip() for c in copy["columns"].split(",")]
        columns = [row[0] for row in self._cursor.execute(f"DESCRIBE {table}").fetchall()]
        ending = r"\r\n" if b"\r\n" in data[: 1 << 16] else r"\n"
        with tempfile.NamedTemporaryFile(suffix=".csv") as local:
            local.write(data)
            local.flush()
            spec = ", ".join(f"'{n}': 'VARCHAR'" for n in names)
            read = (
                f"SELECT * FROM read_csv('{local.name}', header = {bool(copy['header'])}, "
                f"columns = {{{spec}}}, auto_detect = false, delim = ',', quote = '\"', "
                f"escape = '\"', new_line = '{ending}')"
            )
            numbered = "row_number() OVER () AS pos, " if "pos" in columns else ""
            try:
                before = self._cursor.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
                self._cursor.execute(
                    f"INSERT INTO {table} ({'pos, ' if numbered else ''}{', '.join(names)}) "
                    f"SELECT {numbered}{', '.join(names)} FROM ({read})"
                )
                after = self._cursor.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            except duckdb.Error as error:
                raise RedshiftSqlError(
                    f"ERROR: Load into table '{table}' failed: {error}"
                ) from error
        return int(after[0] if after else 0) - int(before[0] if before else 0)

    def _unload_csv(self, select: str, target: str, params: Mapping[str, str]) -> int:
        """UNLOAD ... FORMAT AS CSV HEADER PARALLEL OFF: one object, ``<target>000``."""
        import csv

        writer = self._engine.object_writer
        if writer is None:
            raise RedshiftSqlError("ERROR: the fake has no S3 to UNLOAD to (object_writer)")
        statement = translate(select, params)
        try:
            result = self._cursor.execute(statement.sql(dialect="duckdb"))
            header = [d[0] for d in result.description or []]
            rows = result.fetchall()
        except duckdb.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error
        text = io.StringIO()
        out = csv.writer(text, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
        try:
            writer(f"{target}000", text.getvalue().encode())
        except Exception as error:
            raise RedshiftSqlError(f"ERROR: S3ServiceException: {error}") from error
        return len(rows)

    def _unload_parquet(self, select: str, target: str, params: Mapping[str, str]) -> int:
        """UNLOAD ... FORMAT AS PARQUET: parts <target>NNNN_part_MM.parquet, one read."""
        import pyarrow.parquet as pq

        writer = self._engine.object_writer
        if writer is None:
            raise RedshiftSqlError("ERROR: the fake has no S3 to UNLOAD to (object_writer)")
        statement = translate(select, params)
        if not isinstance(statement, exp.Select):
            raise RedshiftSqlError("ERROR: UNLOAD takes one SELECT")
        rows = 0
        try:
            query = self._cursor.sql(statement.sql(dialect="duckdb"))
            for number, batch in enumerate(query.to_arrow_reader(self._engine.unload_part_rows)):
                part = io.BytesIO()
                pq.write_table(pa.Table.from_batches([batch]), part)
                slice_, serial = number % UNLOAD_SLICES, number // UNLOAD_SLICES
                try:
                    writer(f"{target}{slice_:04d}_part_{serial:02d}.parquet", part.getvalue())
                except Exception as error:
                    raise RedshiftSqlError(f"ERROR: S3ServiceException: {error}") from error
                rows += batch.num_rows
        except duckdb.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error
        return rows

    def _take(self, table: str) -> None:
        lock = self._engine.table_lock(table)
        if lock in self._held:
            return
        lock.acquire()
        self._held.append(lock)


def translate(sql: str, params: Mapping[str, str]) -> exp.Expr:
    """Parse Redshift SQL, refuse what Redshift refuses, bind parameters, drop PK/UNIQUE."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="redshift") if s is not None]
    except sqlglot.errors.ParseError as error:
        raise RedshiftSqlError(f"ERROR: syntax error ({error})") from error
    if len(statements) != 1:
        raise RedshiftSqlError("ERROR: cannot insert multiple commands into a prepared statement")
    statement = statements[0]
    refuse_unsupported(statement)
    return _without_keys(_bind(statement, params))


def refuse_unsupported(statement: exp.Expr) -> None:
    """Redshift has no ON CONFLICT, no RETURNING, no insert-only MERGE, no VALUES as a table."""
    if statement.find(exp.OnConflict):
        raise RedshiftSqlError('ERROR: syntax error at or near "ON CONFLICT"')
    if statement.find(exp.Returning) or statement.args.get("returning"):
        raise RedshiftSqlError('ERROR: syntax error at or near "RETURNING"')
    for values in statement.find_all(exp.Values):
        if not isinstance(values.parent, exp.Insert):
            raise RedshiftSqlError("ERROR: VALUES lists are not supported as a table source")
    if isinstance(statement, exp.Merge):
        whens = statement.args.get("whens")
        matched = {bool(w.args.get("matched")) for w in (whens.expressions if whens else [])}
        if matched != {True, False}:
            raise RedshiftSqlError(
                "ERROR: MERGE needs a WHEN MATCHED and a WHEN NOT MATCHED clause"
            )
    if isinstance(statement, exp.Command):
        raise RedshiftSqlError(f"ERROR: the fake does not run {statement.sql()[:40]!r}")


def _bind(statement: exp.Expr, params: Mapping[str, str]) -> exp.Expr:
    """Parameters arrive as text; Redshift treats them like untyped string literals."""
    missing: list[str] = []

    def replace(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Placeholder) and node.this:
            name = str(node.this)
            if name not in params:
                missing.append(name)
                return node
            return exp.Literal.string(params[name])
        return node

    if not any(True for _ in statement.find_all(exp.Placeholder)):
        return statement
    bound = statement.transform(replace, copy=False)  # the tree is ours: parsed just now
    if missing:
        raise RedshiftSqlError(f"ERROR: parameter :{missing[0]} has no value")
    return bound


def _without_keys(statement: exp.Expr) -> exp.Expr:
    if not isinstance(statement, exp.Create):
        return statement

    def drop(node: exp.Expr) -> exp.Expr | None:
        informational = (
            exp.PrimaryKey,
            exp.PrimaryKeyColumnConstraint,
            exp.UniqueColumnConstraint,
        )
        if isinstance(node, informational):
            return None
        if isinstance(node, exp.ColumnConstraint) and isinstance(node.kind, informational):
            return None
        return node

    kept: exp.Expr | None = statement.transform(drop, copy=False)
    assert kept is not None
    return kept


def copy_source(reader: Callable[[str], bytes] | None, source: str) -> bytes:
    """The S3 object a COPY names, or the error Redshift gives when it cannot be read."""
    if reader is None:
        raise RedshiftSqlError("ERROR: the fake has no S3 to COPY from (object_reader)")
    try:
        return reader(source)
    except Exception as error:
        raise RedshiftSqlError(f"ERROR: S3ServiceException: {error}") from error


def avro_rows(data: bytes, columns: Sequence[str]) -> Iterator[list[Any]]:
    """COPY ... FORMAT AS AVRO 'auto': each record's fields matched to ``columns`` by name
    (any case), datetimes as naive UTC as a TIMESTAMP column holds them."""
    for record in fastavro.reader(io.BytesIO(data)):
        assert isinstance(record, dict)
        fields = {str(k).lower(): v for k, v in record.items()}
        yield [_naive_utc(fields.get(c)) for c in columns]


def _naive_utc(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _lock_targets(sql: str) -> list[str] | None:
    match = _LOCK.match(sql)
    if not match:
        return None
    return [t.strip().strip('"') for t in match["tables"].split(",") if t.strip()]


def _returns_rows(statement: exp.Expr) -> bool:
    return isinstance(statement, exp.Query)


_TYPE_NAMES: dict[str, str] = {
    "BIGINT": "int8",
    "HUGEINT": "int8",
    "INTEGER": "int4",
    "SMALLINT": "int2",
    "DOUBLE": "float8",
    "FLOAT": "float4",
    "VARCHAR": "varchar",
    "BOOLEAN": "bool",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
    "DATE": "date",
}
"""DuckDB result types as Redshift names them (SUM of integers is int8 on Redshift)."""


def _column(name: str, duckdb_type: str) -> Column:
    if duckdb_type.startswith("DECIMAL"):
        precision, scale = (int(p) for p in duckdb_type[8:-1].split(","))
        return Column(name, "numeric", precision, scale)
    return Column(name, _TYPE_NAMES.get(duckdb_type, "varchar"))


def cell(value: Any, column: Column) -> dict[str, Any]:
    """One value as the Data API's typed Field."""
    if value is None:
        return {"isNull": True}
    kind = column.type_name
    if kind in {"int8", "int4", "int2"}:
        return {"longValue": int(value)}
    if kind in {"float8", "float4"}:
        return {"doubleValue": float(value)}
    if kind == "bool":
        return {"booleanValue": bool(value)}
    if kind == "numeric":
        return {"stringValue": str(Decimal(value))}
    if kind in {"timestamp", "timestamptz"} and isinstance(value, datetime):
        return {"stringValue": _timestamp_text(value)}
    if kind == "date" and isinstance(value, date):
        return {"stringValue": value.isoformat()}
    return {"stringValue": str(value)}


def _timestamp_text(moment: datetime) -> str:
    """Redshift's rendering: '2021-07-27 16:02:08', fractions without trailing zeros."""
    text = moment.strftime("%Y-%m-%d %H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}".rstrip("0")
    if moment.tzinfo is not None:
        offset = moment.utcoffset()
        hours = int(offset.total_seconds() // 3600) if offset else 0
        text += f"{hours:+03d}"
    return text


def _error_text(error: duckdb.Error) -> str:
    message = str(error)
    missing = re.search(r"Table with name (\w+) does not exist", message)
    if missing:
        return f'ERROR: relation "{missing[1]}" does not exist'
    if "NOT NULL constraint failed" in message:
        return f"ERROR: Cannot insert a NULL value into a NOT NULL column ({message})"
    return f"ERROR: {message}"


def _conflict_text(statement: exp.Expr, error: duckdb.Error) -> str:
    if "onflict" in str(error):
        table = statement.find(exp.Table)
        return SERIALIZATION_ERROR.format(table=table.name if table else "?")
    return _error_text(error)


StatementHook = Callable[[str], None]
"""Called with each statement's SQL after it ran, inside its transaction (tests widen races)."""
