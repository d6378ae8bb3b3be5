"""The fake Data API's database on PostgreSQL: Redshift's locks and snapshots, not a model of them.

Why a second engine beside the DuckDB one: Redshift's ``LOCK`` takes an ACCESS
EXCLUSIVE lock that makes every other session's reads of the table wait, and a
transaction's snapshot is fixed by its first query. Modelling that by hand is
where a fake lies; PostgreSQL does both the same way, as an independent engine:

- ``LOCK t1, t2`` is PostgreSQL's own LOCK (ACCESS EXCLUSIVE by default): a read
  or write of a locked table in another session waits until the lock's
  transaction ends, and a deadlock is detected and fails one side;
- transactions run at REPEATABLE READ, PostgreSQL's snapshot isolation: the
  snapshot is taken by the first query (LOCK does not take one), as on Redshift,
  so two anti-join inserts that overlap without LOCK both add the same id;
- PRIMARY KEY and UNIQUE are dropped from DDL (informational on Redshift); SQL
  Redshift refuses is refused before it runs (redshift_engine.translate), then
  sqlglot writes it as PostgreSQL;
- write-write conflicts (PostgreSQL's serialization failure) surface as
  Redshift's error 1023.

Use it where timing between sessions matters (tests of reads behind writes,
bench/redshift_locks.py); the DuckDB engine needs no server and stays the fast
default. ``PostgresCluster`` starts a throwaway cluster in a directory, listening
on a Unix socket only (no TCP port to clash on); as root it runs the server as
the ``postgres`` user, since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import subprocess
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql as pgsql
from sqlglot import exp

from hrgraph_testing.redshift_engine import (
    SERIALIZATION_ERROR,
    Column,
    Outcome,
    RedshiftSqlError,
    avro_rows,
    copy_source,
    translate,
)

_LOCK = re.compile(r"^\s*LOCK\s+(?:TABLE\s+)?(?P<tables>[\w\s,.\"]+?)\s*;?\s*$", re.IGNORECASE)
_COPY_AVRO = re.compile(
    r"^\s*COPY\s+(?P<table>\w+)\s+FROM\s+'(?P<source>s3://[^']+)'\s+"
    r"IAM_ROLE\s+'(?P<role>arn:[^']+)'\s+FORMAT\s+AS\s+AVRO\s+'auto'"
    r"(?:\s+TIMEFORMAT\s+'epochmillisecs')?\s*$",
    re.IGNORECASE,
)
_SERVER_USER = "postgres"
"""Who runs the server when we are root (Debian's package creates this user)."""

_TYPE_NAMES = {
    "int8": "int8",
    "int4": "int4",
    "int2": "int2",
    "float8": "float8",
    "float4": "float4",
    "numeric": "numeric",
    "bool": "bool",
    "varchar": "varchar",
    "text": "varchar",
    "bpchar": "bpchar",
    "timestamp": "timestamp",
    "timestamptz": "timestamptz",
    "date": "date",
}
"""PostgreSQL result types as Redshift's ColumnMetadata names them (text is varchar there)."""


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries here (Debian: ``apt-get install postgresql``)."""


def server_binaries() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3])
    )
    if not versions:
        raise PostgresMissing(
            "PostgreSQL is not installed: run `make postgres` (Debian's postgresql package)"
        )
    return versions[-1].parent


@dataclass
class PostgresCluster:
    """A throwaway PostgreSQL cluster under ``directory``, reachable by Unix socket only."""

    directory: Path
    port: int = 5432
    """Names the socket file only: the server listens on no TCP address."""
    user: str = "hrgraph"

    @classmethod
    def start(cls, directory: Path, port: int = 5432) -> PostgresCluster:
        cluster = cls(directory, port)
        directory.mkdir(parents=True, exist_ok=True)
        run_as = _run_as()
        if run_as is not None:
            os.chown(directory, run_as.pw_uid, run_as.pw_gid)
        bin_dir = server_binaries()
        data = directory / "data"
        cluster._run(
            [
                *(str(bin_dir / "initdb"), "-D", str(data), "-U", cluster.user),
                *("--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"),
            ]
        )
        settings = {
            "listen_addresses": "''",
            "unix_socket_directories": f"'{directory}'",
            "port": str(port),
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "timezone": "UTC",
            "max_connections": "200",
            "deadlock_timeout": "200ms",
            # Redshift joins by hashing (it has no indexes); PostgreSQL, on a freshly
            # filled temp table without statistics, would pick nested loops that grow
            # with the table's square and keep the LOCK for seconds.
            "enable_nestloop": "off",
        }
        options = " ".join(f"-c {name}={value}" for name, value in settings.items())
        cluster._run(
            [
                *(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(directory / "server.log")),
                *("-o", options, "-w", "start"),
            ]
        )
        return cluster

    def connect(self, schema: str = "") -> psycopg.Connection[Any]:
        """A connection to the cluster's one database; ``schema`` first on its search path."""
        return psycopg.connect(
            host=str(self.directory),
            port=self.port,
            user=self.user,
            dbname="postgres",
            autocommit=True,
            prepare_threshold=None,  # DISCARD ALL between sessions drops prepared statements
            options=f"-c search_path={schema}" if schema else "",
        )

    def create_schema(self) -> str:
        """A fresh, empty namespace: one per engine (one Redshift database), cheap to make."""
        name = f"hr_{uuid.uuid4().hex[:12]}"
        with self.connect() as connection:
            connection.execute(pgsql.SQL("CREATE SCHEMA {}").format(pgsql.Identifier(name)))
        return name

    def stop(self) -> None:
        pg_ctl = str(server_binaries() / "pg_ctl")
        self._run([pg_ctl, "-D", str(self.directory / "data"), "-m", "immediate", "stop"])

    def _run(self, argv: list[str]) -> None:
        run_as = _run_as()
        done = subprocess.run(  # noqa: S603 (fixed argv, no shell)
            argv,
            capture_output=True,
            text=True,
            user=run_as.pw_name if run_as else None,
            timeout=120,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{Path(argv[0]).name} failed: {done.stderr.strip()[-2000:]}")


def _run_as() -> pwd.struct_passwd | None:
    """PostgreSQL refuses to run as root: then run it as the ``postgres`` user."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(_SERVER_USER)
    except KeyError:
        raise PostgresMissing(f"running as root needs the {_SERVER_USER!r} user") from None


class PostgresRedshiftEngine:
    """One Redshift database as a fresh PostgreSQL schema; sessions reuse connections."""

    def __init__(
        self, cluster: PostgresCluster, object_reader: Callable[[str], bytes] | None = None
    ) -> None:
        self.cluster = cluster
        self.schema = cluster.create_schema()
        self.object_reader = object_reader
        """Fetches an s3:// object's bytes for COPY (e.g. through a moto S3 client)."""
        self.object_writer: Callable[[str, bytes], None] | None = None
        """Unused: UNLOAD runs on the DuckDB engine only (this one refuses it)."""
        self._idle: list[psycopg.Connection[Any]] = []
        self._guard = threading.Lock()

    def session(self) -> PostgresSession:
        with self._guard:
            connection = self._idle.pop() if self._idle else None
        return PostgresSession(self, connection or self.cluster.connect(self.schema))

    def release(self, connection: psycopg.Connection[Any]) -> None:
        """A session's end: its temp tables and settings go, as a Redshift session's do."""
        try:
            connection.execute("DISCARD ALL")
        except psycopg.Error:
            connection.close()
            return
        with self._guard:
            self._idle.append(connection)

    def close(self) -> None:
        with self._guard:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()


class PostgresSession:
    """A Redshift session: one connection, at most one open transaction, its LOCKs."""

    def __init__(self, engine: PostgresRedshiftEngine, connection: psycopg.Connection[Any]) -> None:
        self._engine = engine
        self._connection = connection
        self._in_transaction = False
        self._prepared: dict[str, str | RedshiftSqlError] = {}

    def prepare(self, sqls: Sequence[str], params: Mapping[str, str]) -> None:
        """Translate the batch before its transaction, so sqlglot's time holds no LOCK.

        Redshift parses a 100 KB statement in milliseconds; sqlglot may take most of a
        second, which inside the LOCK would make every read behind it wait for the fake.
        A statement that cannot be translated fails at its turn, as it would on Redshift.
        """
        for sql in sqls:
            if _LOCK.match(sql) or _COPY_AVRO.match(sql):
                continue
            try:
                self._prepared[sql] = _postgres(translate(sql, params))
            except RedshiftSqlError as refused:
                self._prepared[sql] = refused

    def begin(self) -> None:
        self._connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        self._in_transaction = True

    def run(self, sql: str, params: Mapping[str, str]) -> Outcome:
        """Run one Redshift statement (parameters are strings, as the Data API sends them)."""
        lock = _LOCK.match(sql)
        if lock:
            return self._execute(f"LOCK TABLE {lock['tables']}")
        copy = _COPY_AVRO.match(sql)
        if copy:
            return Outcome(rows_affected=self._copy_avro(copy["table"], copy["source"]))
        text = self._prepared.pop(sql, None) or _postgres(translate(sql, params))
        if isinstance(text, RedshiftSqlError):
            raise text
        return self._execute(text)

    def end(self, commit: bool) -> None:
        """End the transaction (if any): its LOCKs are released with it."""
        if not self._in_transaction:
            return
        self._in_transaction = False
        try:
            self._connection.execute("COMMIT" if commit else "ROLLBACK")
        except psycopg.errors.SerializationFailure as error:
            raise RedshiftSqlError(SERIALIZATION_ERROR.format(table="?")) from error
        except psycopg.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error

    def close(self) -> None:
        try:
            with contextlib.suppress(RedshiftSqlError):
                self.end(commit=False)
        finally:
            self._engine.release(self._connection)

    def _execute(self, text: str, values: Any = None) -> Outcome:
        try:
            cursor = self._connection.execute(text, values)
            if cursor.description is None:
                return Outcome(rows_affected=max(cursor.rowcount, 0))
            columns = [_column(c) for c in cursor.description]
            return Outcome(columns=columns, rows=[tuple(row) for row in cursor.fetchall()])
        except psycopg.errors.SerializationFailure as error:
            raise RedshiftSqlError(SERIALIZATION_ERROR.format(table="?")) from error
        except psycopg.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error

    def _copy_avro(self, table: str, source: str) -> int:
        """COPY ... FORMAT AS AVRO 'auto': fields matched to the table's columns by name."""
        data = copy_source(self._engine.object_reader, source)
        described = self._execute(f"SELECT * FROM {table} WHERE 1 = 0")
        columns = [c.name for c in described.columns or []]
        count = 0
        target = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
            pgsql.Identifier(table), pgsql.SQL(", ").join(map(pgsql.Identifier, columns))
        )
        try:
            with self._connection.cursor().copy(target) as copy:
                for row in avro_rows(data, columns):
                    copy.write_row(row)
                    count += 1
        except psycopg.Error as error:
            raise RedshiftSqlError(_error_text(error)) from error
        return count


_REDSHIFT_ONLY = (
    exp.DistKeyProperty,
    exp.DistStyleProperty,
    exp.SortKeyProperty,
    exp.BackupProperty,
    exp.EncodeColumnConstraint,
)
"""Physical-layout clauses PostgreSQL has no use for (they change no result)."""


def _postgres(statement: exp.Expr) -> str:
    """Redshift's statement as PostgreSQL: layout clauses stripped, then sqlglot transpiles."""
    if isinstance(statement, exp.Create):
        for node in list(statement.find_all(*_REDSHIFT_ONLY)):
            parent = node.parent
            node.pop()
            if isinstance(parent, exp.ColumnConstraint) and parent.args.get("kind") is None:
                parent.pop()
        properties = statement.args.get("properties")
        if isinstance(properties, exp.Properties) and not properties.expressions:
            properties.pop()
    return statement.sql(dialect="postgres")


def _column(description: Any) -> Column:
    type_name = _type_name(description.type_code)
    if type_name == "numeric":
        return Column(
            description.name, "numeric", description.precision or 0, description.scale or 0
        )
    return Column(description.name, type_name)


def _type_name(oid: int) -> str:
    info = psycopg.adapters.types.get(oid)
    return _TYPE_NAMES.get(info.name if info else "", "varchar")


def _error_text(error: psycopg.Error) -> str:
    message = error.diag.message_primary or str(error)
    if error.sqlstate == "23502":  # not_null_violation
        return f"ERROR: Cannot insert a NULL value into a NOT NULL column ({message})"
    return f"ERROR: {message}"
