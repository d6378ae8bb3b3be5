"""The core's ports: what it needs from the outside world, as small Protocols.

Adapters (resolvers/adapters) implement them for DuckDB, Redshift, a folder,
S3, Bedrock; fakes in tests implement the same Protocols.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any, Literal, Protocol

from resolvers.core.backup_job import BackupJob, ImportStage
from resolvers.core.tables import Record, Table


@dataclass(frozen=True, slots=True)
class InsertOutcome:
    """What the warehouse did with a batch of valid, id-unique records, decided atomically."""

    inserted: frozenset[int]
    already_exists: frozenset[int] = frozenset()
    unknown_department: frozenset[int] = frozenset()
    unknown_job: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class EmployeeQuery:
    """Filters for browsing employees; None means no constraint."""

    department_id: int | None = None
    job_id: int | None = None
    hired_from: datetime | None = None
    hired_to: datetime | None = None
    name_contains: str | None = None

    def fingerprint(self) -> str:
        return repr(
            (
                self.department_id,
                self.job_id,
                self.hired_from and self.hired_from.isoformat(),
                self.hired_to and self.hired_to.isoformat(),
                self.name_contains,
            )
        )


@dataclass(frozen=True, slots=True)
class Deleted:
    record: Record


@dataclass(frozen=True, slots=True)
class StillReferenced:
    employees: int


@dataclass(frozen=True, slots=True)
class QuarterHires:
    department: str
    job: str
    q1: int
    q2: int
    q3: int
    q4: int


@dataclass(frozen=True, slots=True)
class DepartmentHires:
    id: int
    department: str
    hired: int
    mean: float


@dataclass(frozen=True, slots=True)
class QueryRows:
    """A read-only query's result: column names and rows of JSON-ready values."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


QueryParams = Mapping[str, str | int | float | None]
"""Values bound to a statement's :named parameters (Redshift Data API spelling)."""


Row = dict[str, Any]
"""One table row for backups: lowercase column name -> value (int, str or None; see below)."""


@dataclass(frozen=True, slots=True)
class Staged:
    """Facts about a restore's staging table, measured after loading and before the swap.

    The core decides from them whether the swap may go ahead (row count equals
    the manifest's, no duplicate id, references still satisfied unless forced).
    """

    rows: int
    duplicate_ids: int
    missing_references: frozenset[int] = frozenset()
    """Departments/jobs: ids that hired_employees reference but the staging table lacks."""
    unknown_references: int = 0
    """Employees: staged rows whose department_id or job_id exists in no live row."""


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """A file to import into one table, with the same row rules as a batch (core/imports.py)."""

    table: Table
    location: str
    """Where the warehouse reads the file: a path (DuckDB) or an s3:// URI (Redshift COPY)."""
    file_format: Literal["CSV", "PARQUET"]
    rejects_location: str
    """Where the rejects file goes, beside the source (path or s3:// URI)."""
    now: datetime
    """What an absent datetime means when ``missing_datetime`` is NOW (aware, UTC)."""
    missing_datetime: Literal["REJECT", "NOW"] = "REJECT"
    header: tuple[str, ...] | None = None
    """CSV: the table columns the file's header names, in file order; None: no header row."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import did, decided and committed in one transaction (or not at all)."""

    received: int
    inserted: int
    rejected: dict[str, int] = field(default_factory=dict)
    """Rows refused, per reason (INVALID, DUPLICATE_IN_BATCH, ALREADY_EXISTS, UNKNOWN_REFERENCE)."""
    rejects_location: str | None = None
    """The rejects file written, or None when every row went in."""


ImportProgress = Callable[[ImportStage, int], None]
"""Told (the step just finished, the rows it counted) after each of an import's steps; an
adapter that runs several steps as one request (Redshift's batch) tells only the last."""


class Warehouse(Protocol):
    """Where the three tables live (DuckDB locally, Redshift in AWS)."""

    def insert_new(self, table: Table, records: Sequence[Record]) -> InsertOutcome:
        """Insert the records whose id is new and whose references exist, in one transaction.

        Must hold against concurrent writers: no id may end up twice in the table.
        """
        ...

    def get(self, table: Table, id: int) -> Record | None: ...

    def get_many(self, table: Table, ids: Sequence[int]) -> dict[int, Record]: ...

    def page(
        self, table: Table, after_id: int, limit: int, where: EmployeeQuery | None = None
    ) -> list[Record]:
        """Up to ``limit`` records with id > after_id, by id; ``where`` only for employees."""
        ...

    def replace(self, record: Record) -> bool:
        """Overwrite the record with the same id; False when there is none."""
        ...

    def delete(self, table: Table, id: int) -> Deleted | StillReferenced | None:
        """Delete one record unless employees still reference it; None when absent."""
        ...

    def count(self, table: Table, where: EmployeeQuery | None = None) -> int:
        """Rows of the table; ``where`` filters employees as ``page`` does."""
        ...

    def hires_by_quarter(self, year: int) -> list[QuarterHires]: ...

    def departments_above_mean(self, year: int) -> list[DepartmentHires]: ...

    def hires_by_department(self, year: int) -> list[DepartmentHires]: ...

    def hire_years(self) -> list[int]: ...

    def query(
        self, sql: str, params: QueryParams | None = None, timeout_seconds: float | None = None
    ) -> QueryRows:
        """Run one read-only SELECT that resolvers/core/sql_guard.py has already passed.

        ``timeout_seconds`` (a question's time left, say) can only shorten the
        adapter's own deadline, never lengthen it.

        ``sql`` is Redshift dialect as the guard re-rendered it: one statement, a
        LIMIT in place, values as ``:name`` parameters bound from ``params``.
        The guard is the first wall, not the only one; an adapter must run the
        statement where it cannot write even if the guard let a write through:

        - DuckDB: a fresh cursor, ``BEGIN TRANSACTION READ ONLY`` (DuckDB itself
          refuses any write), always rolled back, DuckDB's own parser must see
          exactly one SELECT, Python replacement scans off, interrupted after
          Settings.sql_timeout_seconds.
        - Redshift: ExecuteStatement as the read-only database user
          (Settings.redshift_readonly_secret_arn / redshift_readonly_db_user;
          that user holds SELECT on the three tables and nothing else, and has
          ``statement_timeout`` set), Parameters from ``params`` (None goes into
          the SQL text as NULL; values as strings), never as the writing user.
          An error the database reports about the statement (syntax, unknown
          column, timeout) is ValidationError("sql", <the database's message>);
          the service being unreachable is Unavailable.

        Rows come back JSON-ready: ints, floats (DECIMAL and NUMERIC too), str,
        bool, None; timestamps as ISO-8601 strings ending in Z, dates as
        YYYY-MM-DD (resolvers/adapters/sql_common.json_value does this).
        """
        ...

    def import_file(self, request: ImportRequest, progress: ImportProgress) -> ImportOutcome:
        """Load a whole file with the verdicts ``ingest.insert_batch`` gives one batch of it.

        Set-based, never row by row in Python: the file goes into a staging table
        whose columns are all text (a bad value is a verdict, not a failed load),
        SQL from sql/imports decides INVALID and DUPLICATE_IN_BATCH (the first
        valid occurrence in the file wins), then, under the batches' LOCK order
        and in ONE transaction, ALREADY_EXISTS, UNKNOWN_REFERENCE and the
        anti-join insert, and the rejects file is written. Any failure leaves
        the table as it was and no rejects file.
        """
        ...

    # -- backups (resolvers/core/backup.py) -----------------------------------

    def snapshot(self, table: Table, chunk_rows: int) -> Iterator[list[Row]]:
        """Every row of ``table`` as of ONE consistent read, ``chunk_rows`` at a time.

        Any row order will do (restores do not depend on it); sort only where it
        costs the caller no memory (DuckDB would buffer the whole table to sort).

        All chunks come from one read transaction (or one statement): rows
        committed by other writers after the first chunk was produced must not
        appear, and none present then may be missing. Columns are those of
        ``tables.COLUMNS`` with the same names; ``datetime`` is an int of
        milliseconds since the Unix epoch in UTC (Avro timestamp-millis), NULL is
        None. Memory must stay bounded by a chunk: stream, never fetch all.
        The generator releases its transaction when exhausted or closed.
        Redshift: one SELECT ... ORDER BY id read page by page (NextToken) is a
        single statement's snapshot; convert typed cells to the values above.
        """
        ...

    def restore_swap(
        self,
        table: Table,
        chunks: Iterable[Sequence[Row]],
        check: Callable[[Staged], None],
        location: str | None = None,
    ) -> int:
        """Replace every row of ``table`` with the given rows, atomically; returns the old count.

        Steps: load ``chunks`` (rows as from ``avro_format.read``: ``datetime`` an
        aware UTC datetime) into a staging table; measure ``Staged`` on it
        (missing_references for departments/jobs, unknown_references for
        employees, against the live tables); call ``check(staged)``, which raises
        to refuse; then in ONE transaction delete all rows of ``table`` and insert
        the staged ones. Any exception, including one raised while iterating
        ``chunks`` or by ``check``, leaves ``table`` exactly as it was. A process
        killed at any moment leaves either all old rows or all new rows.
        Writers of this warehouse must not change the tables between the
        measurement and the swap (hold the write lock, or LOCK the tables).

        ``location`` names the verified Avro file (``s3://bucket/key`` or a path)
        when the store has one; an adapter may load it directly instead of
        iterating ``chunks`` (Redshift: ``COPY staging FROM 's3://...'
        IAM_ROLE ... FORMAT AS AVRO 'auto' TIMEFORMAT 'epochmillisecs'`` into a
        staging table, then ``check``, then one BatchExecuteStatement: LOCK,
        DELETE (not TRUNCATE, which commits), INSERT ... SELECT, DROP staging).
        """
        ...


class BackupStore(Protocol):
    """Where backup files live: a folder locally, S3 in AWS.

    A backup is two objects under one id: the Avro data file and a JSON
    manifest. The manifest is written last, so a backup interrupted midway
    has no manifest and does not exist for ``list_ids``/``get_manifest``.
    Failures to reach the storage raise ``errors.Unavailable``.
    """

    def location(self, backup_id: str) -> str:
        """Where the data file is, for people and for Redshift COPY (path or s3:// URI)."""
        ...

    def write_data(self, backup_id: str) -> AbstractContextManager[IO[bytes]]:
        """A writable stream for the data file.

        The file becomes visible only when the block exits without an error;
        on an error whatever was written is discarded.
        """
        ...

    def read_data(self, backup_id: str) -> AbstractContextManager[IO[bytes]]:
        """A readable stream of the data file; ``errors.NotFound`` when it is missing."""
        ...

    def put_manifest(self, backup_id: str, body: bytes) -> None:
        """Store the manifest atomically (all or nothing)."""
        ...

    def get_manifest(self, backup_id: str) -> bytes | None:
        """The manifest's bytes, or None when there is none."""
        ...

    def list_ids(self) -> list[str]:
        """Ids of every backup that has a manifest, ascending (ids sort by time)."""
        ...

    def exists(self, backup_id: str) -> bool:
        """True when the backup has a manifest."""
        ...

    def delete(self, backup_id: str) -> None:
        """Remove the manifest first (the backup stops existing), then the data file."""
        ...

    def download_url(self, backup_id: str, expires_seconds: int) -> str:
        """A URL that serves the data file for ``expires_seconds`` to whoever holds it."""
        ...


class UploadStore(Protocol):
    """Where files to import are uploaded: the backup folder locally, the backup bucket in AWS.

    A source is ``uploads/<random>/<file name>``, made by ``new_source``; the
    rejects file of an import goes beside it. Failures to reach the storage
    raise ``errors.Unavailable``.
    """

    def upload_url(self, source: str, expires_seconds: int) -> str:
        """A URL that takes one HTTP PUT of the file's bytes for ``expires_seconds``."""
        ...

    def upload_exists(self, source: str) -> bool: ...

    def upload_location(self, source: str) -> str:
        """Where the warehouse reads it: a path (DuckDB) or an s3:// URI (Redshift COPY)."""
        ...

    def upload_head(self, source: str, size: int) -> bytes:
        """The file's first ``size`` bytes (a CSV's header row), never the whole file."""
        ...

    def upload_download_url(self, source: str, expires_seconds: int) -> str | None:
        """A URL serving an uploaded file (a rejects file) for a while; None when absent."""
        ...


class JobStore(Protocol):
    """Where background jobs' state lives: a folder locally, DynamoDB in AWS.

    Failures to reach the store raise ``errors.Unavailable``.
    """

    def create(self, job: BackupJob) -> None:
        """Store a new job (its id is new)."""
        ...

    def get(self, job_id: str) -> BackupJob | None: ...

    def claim(self, job_id: str, started_at: datetime) -> BackupJob | None:
        """QUEUED -> RUNNING, atomically; the running job, or None when it was not queued.

        Two workers handed the same job: exactly one gets it.
        """
        ...

    def save(self, job: BackupJob) -> None:
        """Overwrite a claimed job's state (progress, the outcome)."""
        ...

    def recent(self, limit: int, before: str | None = None) -> list[BackupJob]:
        """Up to ``limit`` jobs newest first (ids sort by time), only ids < ``before``."""
        ...


class JobLauncher(Protocol):
    """Starts a stored job's work outside the request that made it.

    Locally a thread of the server process; in AWS an asynchronous
    invocation of the worker Lambda. Raises ``errors.Unavailable`` when the
    work cannot be started (the caller then marks the job FAILED).
    """

    def launch(self, job_id: str) -> None: ...


class JobEvents(Protocol):
    """Tells subscribers (onBackupJobChanged) that a job changed; best effort."""

    def changed(self, job: BackupJob) -> None: ...


ChartKind = Literal["BAR", "LINE", "HEATMAP", "TABLE"]


@dataclass(frozen=True, slots=True)
class ChartHint:
    """How to draw an answer: which column goes where. Declarative, never code."""

    kind: ChartKind
    x: str | None = None
    y: str | None = None
    series: str | None = None
    x_ordinal: bool = False
    """x holds ordered categories (years, quarters, months, weekdays): evenly spaced, never 1.5."""
    keep_order: bool = False
    """Draw the rows in the order given (a ranking, or time), not sorted by label."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A question answered (or refused) by a QuestionEngine."""

    question: str
    engine: Literal["OFFLINE", "BEDROCK"]
    sql: str | None = None
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    explanation: str = ""
    chart: ChartHint | None = None
    refused: bool = False
    suggestions: list[str] = field(default_factory=list)
    truncated: bool = False
    reading: str | None = None
    """The query that ran, restated in plain words (None when refused)."""


class QuestionEngine(Protocol):
    """Turns a question in plain English into read-only SQL, runs it, and explains it.

    Every statement an engine runs goes through resolvers/core/sql_guard.py;
    an engine that cannot answer says so (Answer.refused) rather than guess.
    """

    def answer(self, question: str) -> Answer: ...
