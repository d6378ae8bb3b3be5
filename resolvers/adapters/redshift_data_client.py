"""Running statements through the Redshift Data API: submit, poll, page, decode.

The Data API is asynchronous: a call submits SQL and returns an id; the
statement is then polled with DescribeStatement until it ends, and its rows
are fetched page by page with GetStatementResult. This module owns that loop
and its failure modes, so the warehouse adapter deals in rows and verdicts:

- throttling and ActiveStatementsExceeded are retried with jittered backoff;
- every statement's deadline is the policy's timeout cut to the time the
  request has left (resolvers/deadline.py: in Lambda, the invocation's
  remaining time less a margin); with too little left nothing is submitted;
- a statement still running at its deadline, or when the request is
  cancelled, is cancelled (CancelStatement) and described once more: the Data
  API runs a statement on its own, whatever becomes of the caller, so a
  statement left running could commit after the caller reported failure. If
  it finished before the cancel landed, its result stands (Unavailable
  otherwise);
- FAILED and ABORTED become Unavailable, except serialization conflicts
  (error 1023), which are resubmitted a bounded number of times and then
  reported as Conflict;
- typed cells are decoded by ColumnMetadata typeName into the Python values
  DuckDB returns (int, float, Decimal, datetime, str, bool, None).

Sleep, clock and randomness are injected so tests never wait.
"""

from __future__ import annotations

import logging
import math
import random
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from botocore.exceptions import BotoCoreError, ClientError

from resolvers import deadline
from resolvers.adapters.redshift_literals import bind
from resolvers.core.errors import Conflict, Unavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRYABLE_CODES = frozenset(
    {
        "ThrottlingException",
        "Throttling",
        "TooManyRequestsException",
        "ActiveStatementsExceededException",
        "ActiveSessionsExceededException",
        "ActiveWaitingRequestsExceededException",
        "InternalServerException",
    }
)
SERIALIZATION_MARKERS = ("1023", "Serializable isolation violation")


@dataclass(frozen=True, slots=True)
class Connection:
    """Where statements run and as whom: a workgroup or a cluster, a secret or a db user."""

    database: str
    workgroup: str = ""
    cluster_id: str = ""
    secret_arn: str = ""
    db_user: str = ""

    def request_fields(self) -> dict[str, str]:
        fields = {
            "Database": self.database,
            "WorkgroupName": self.workgroup,
            "ClusterIdentifier": self.cluster_id,
            "SecretArn": self.secret_arn,
            "DbUser": self.db_user,
        }
        return {name: value for name, value in fields.items() if value}


@dataclass(frozen=True, slots=True)
class Rows:
    """A result set, decoded."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class Done:
    """What one statement did: rows affected (ResultRows) and its rows, if it returns any."""

    result_rows: int
    rows: Rows | None = None


class StatementFailed(Unavailable):
    """Redshift ran the statement and it failed; ``detail`` is Redshift's error text."""

    def __init__(self, detail: str) -> None:
        super().__init__("the warehouse could not run a statement")
        self.detail = detail

    @property
    def missing_relation(self) -> bool:
        return "does not exist" in self.detail and "relation" in self.detail


class DeadlineExceeded(Unavailable):
    """The statement was still running at the deadline; it has been cancelled."""


@dataclass
class Policy:
    """Timing of polls and retries (seconds)."""

    timeout: float = 60.0
    min_statement: float = 1.0
    """A statement is not submitted with less time than this left (it could not finish)."""
    first_poll: float = 0.05
    max_poll: float = 2.0
    request_attempts: int = 6
    conflict_attempts: int = 4
    backoff_base: float = 0.1
    backoff_cap: float = 5.0


@dataclass
class DataApi:
    """One database identity on the Data API (the writer, or the read-only user)."""

    client: Any
    """A boto3 ``redshift-data`` client, or anything with the same five methods."""
    connection: Connection
    policy: Policy = field(default_factory=Policy)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    jitter: Callable[[], float] = random.random

    # -- statements -----------------------------------------------------------

    def execute(self, sql: str, params: Mapping[str, Any] | None = None) -> Done:
        """One statement in its own transaction; ``:name`` parameters bound by the Data API."""
        statement_id, description = self._submit_and_wait(sql, params)
        return self._done(statement_id, description)

    def stream(self, sql: str, params: Mapping[str, Any] | None = None) -> Iterator[Rows]:
        """One query's result page by page: memory holds one page, the query is one snapshot."""
        statement_id, _ = self._submit_and_wait(sql, params)
        yield from self._pages(statement_id)

    def _submit_and_wait(
        self, sql: str, params: Mapping[str, Any] | None
    ) -> tuple[str, dict[str, Any]]:
        text, parameters = bind(sql, params)
        request: dict[str, Any] = {"Sql": text, **self.connection.request_fields()}
        if parameters:
            request["Parameters"] = parameters

        def attempt() -> tuple[str, dict[str, Any]]:
            seconds = self._seconds_for_a_statement()
            submitted = self._call("execute_statement", **request, ClientToken=_token())
            return str(submitted["Id"]), self._wait(submitted["Id"], seconds)

        return self._retrying_conflicts(attempt)

    def batch(self, sqls: Sequence[str]) -> list[Done]:
        """Statements in ONE transaction and session (BatchExecuteStatement, TRANSACTION mode).

        Values must already be literals in the SQL: the Data API binds one set of
        parameters for the whole batch, which statements like LOCK cannot take.
        """
        request: dict[str, Any] = {
            "Sqls": list(sqls),
            "ExecutionMode": "TRANSACTION",
            **self.connection.request_fields(),
        }

        def attempt() -> list[Done]:
            seconds = self._seconds_for_a_statement()
            submitted = self._call("batch_execute_statement", **request, ClientToken=_token())
            description = self._wait(submitted["Id"], seconds)
            return [self._done(sub["Id"], sub) for sub in description.get("SubStatements", [])]

        done: list[Done] = self._retrying_conflicts(attempt)
        return done

    # -- polling --------------------------------------------------------------

    def seconds_left(self) -> float:
        """What a statement submitted now may take: the policy's timeout, cut to the request's."""
        return deadline.remaining_seconds(self.policy.timeout)

    def _seconds_for_a_statement(self) -> float:
        seconds = self.seconds_left()
        if seconds < self.policy.min_statement:
            raise DeadlineExceeded(
                "the request's time ran out before the warehouse could be asked; nothing was run"
            )
        return seconds

    def _wait(self, statement_id: str, seconds: float) -> dict[str, Any]:
        ends = self.clock() + seconds
        delay = self.policy.first_poll
        scope = deadline.current()
        while True:
            self.sleep(delay)
            description = self._call("describe_statement", Id=statement_id)
            status = description["Status"]
            if status == "FINISHED":
                return description
            if status in {"FAILED", "ABORTED"}:
                detail = description.get("Error") or status
                log.warning("Redshift statement %s %s: %s", statement_id, status, detail)
                raise StatementFailed(detail)
            if self.clock() >= ends or (scope is not None and scope.cancelled is not None):
                finished = self._cancel(statement_id)
                if finished is not None:
                    return finished
                raise DeadlineExceeded(f"the warehouse did not answer within {seconds:.3g} seconds")
            delay = min(delay * 2, self.policy.max_poll, max(ends - self.clock(), 0.0))

    def _cancel(self, statement_id: str) -> dict[str, Any] | None:
        """Cancel a statement; its description if it FINISHED before the cancel landed.

        CancelStatement refuses a statement that has already ended (a
        ValidationException), so the statement is described again to learn
        which way it went: a swap that committed in that instant did happen.
        """
        try:
            self._call("cancel_statement", cleanup=True, Id=statement_id)
        except Unavailable:
            log.warning("could not cancel Redshift statement %s", statement_id)
        try:
            description = self._call("describe_statement", cleanup=True, Id=statement_id)
        except Unavailable:
            return None
        return description if description["Status"] == "FINISHED" else None

    def _retrying_conflicts(self, attempt: Callable[[], T]) -> T:
        for number in range(1, self.policy.conflict_attempts + 1):
            try:
                return attempt()
            except StatementFailed as failure:
                if not any(marker in failure.detail for marker in SERIALIZATION_MARKERS):
                    raise
                if number == self.policy.conflict_attempts:
                    raise Conflict(
                        "a concurrent write to the same table won; retry the request"
                    ) from failure
                self._back_off(number)
        raise AssertionError("unreachable")

    # -- results --------------------------------------------------------------

    def _done(self, statement_id: str, description: Mapping[str, Any]) -> Done:
        rows = self._rows(statement_id) if description.get("HasResultSet") else None
        return Done(int(description.get("ResultRows", -1)), rows)

    def _rows(self, statement_id: str) -> Rows:
        columns: list[str] = []
        rows: list[tuple[Any, ...]] = []
        for page in self._pages(statement_id):
            columns = columns or page.columns
            rows += page.rows
        return Rows(columns, rows)

    def _pages(self, statement_id: str) -> Iterator[Rows]:
        metadata: list[dict[str, Any]] = []
        request: dict[str, Any] = {"Id": statement_id}
        while True:
            page = self._call("get_statement_result", **request)
            metadata = metadata or page.get("ColumnMetadata", [])
            types = [c.get("typeName", "") for c in metadata]
            yield Rows(
                [c.get("name", "") for c in metadata],
                [
                    tuple(decode_cell(c, t) for c, t in zip(record, types, strict=True))
                    for record in page.get("Records", [])
                ],
            )
            if not page.get("NextToken"):
                return
            request["NextToken"] = page["NextToken"]

    # -- requests -------------------------------------------------------------

    def _call(self, method: str, *, cleanup: bool = False, **request: Any) -> dict[str, Any]:
        """One API call; throttling and capacity errors retried with full jitter.

        A retry waits only while the request has time left, except ``cleanup``
        calls (a cancel), which run in the margin kept back for them.
        """
        for number in range(1, self.policy.request_attempts + 1):
            try:
                response: dict[str, Any] = getattr(self.client, method)(**request)
                return response
            except ClientError as error:
                code = error.response.get("Error", {}).get("Code", "")
                if code not in RETRYABLE_CODES or number == self.policy.request_attempts:
                    log.warning("Redshift Data API %s failed: %s", method, error)
                    raise Unavailable(f"the warehouse is unavailable ({code})") from error
                self._back_off(number, cleanup=cleanup)
            except BotoCoreError as error:
                log.warning("Redshift Data API %s failed: %s", method, error)
                raise Unavailable("the warehouse is unreachable") from error
        raise AssertionError("unreachable")

    def _back_off(self, attempt: int, *, cleanup: bool = False) -> None:
        ceiling = min(self.policy.backoff_cap, self.policy.backoff_base * 2**attempt)
        delay = ceiling * self.jitter()
        if not cleanup and deadline.remaining_seconds(math.inf) < delay + self.policy.min_statement:
            raise DeadlineExceeded("the warehouse is busy and the request's time ran out")
        self.sleep(delay)


def _token() -> str:
    """One idempotency token per submission: a retried request cannot run the SQL twice."""
    return str(uuid.uuid4())


# -- typed cells ---------------------------------------------------------------


def _timestamp(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _boolean(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).lower() in {"t", "true", "1"}


_DECODERS: dict[str, Callable[[Any], Any]] = {
    "int2": int,
    "int4": int,
    "int8": int,
    "integer": int,
    "bigint": int,
    "smallint": int,
    "float4": float,
    "float8": float,
    "float": float,
    "numeric": lambda v: Decimal(str(v)),
    "decimal": lambda v: Decimal(str(v)),
    "bool": _boolean,
    "boolean": _boolean,
    "timestamp": _timestamp,
    "timestamptz": _timestamp,
    "date": lambda v: date.fromisoformat(str(v)),
}


def decode_cell(field_value: Mapping[str, Any], type_name: str) -> Any:
    """One Data API Field as the Python value DuckDB would return for the same column."""
    if field_value.get("isNull"):
        return None
    for member in ("longValue", "doubleValue", "booleanValue", "stringValue", "blobValue"):
        if member in field_value:
            raw = field_value[member]
            break
    else:
        return None
    decoder = _DECODERS.get(type_name.lower())
    return raw if decoder is None else decoder(raw)
