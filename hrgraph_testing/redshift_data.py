"""A fake boto3 ``redshift-data`` client that runs the SQL for real (on DuckDB).

Use it wherever a ``boto3.client("redshift-data")`` goes::

    fake = FakeRedshiftData()
    warehouse = RedshiftWarehouse(DataApi(fake, Connection("dev", workgroup="hr")))

What it checks, as strictly as the service:

- every request against botocore's own service model (shapes, types, required
  members), plus what botocore leaves to the service: string patterns and
  maximum lengths, at most 40 statements a batch, at most 100 KB of SQL a
  statement, non-empty parameter values, exactly one of cluster or workgroup;
- every response against the model's output shape, so the adapter is tested
  on responses of the real form.

How it behaves: a statement is SUBMITTED, then each DescribeStatement moves it
one step (SUBMITTED, STARTED, then FINISHED or FAILED, running the SQL at that
last step); a batch runs in one session and, in TRANSACTION mode, one
transaction; results come as typed cells in pages of ``page_size`` records
with NextToken. ``calls`` counts requests per API operation.

Faults for tests: :meth:`fail_requests` (throttling, ActiveStatementsExceeded),
:meth:`fail_statements` (e.g. a serialization conflict, error 1023),
:meth:`stall_statements` (never finishes until cancelled), ``after_statement``
(a hook run inside the transaction after each statement, to widen races).
COPY ... FORMAT AS AVRO 'auto' reads s3:// objects through ``s3_client`` (moto's);
UNLOAD ('SELECT ...') TO 's3://...' ... FORMAT AS PARQUET writes Parquet parts
(``NNNN_part_MM.parquet``, ``engine.unload_part_rows`` rows each) through it, and
reports the rows unloaded as the statement's ResultRows.
"""

from __future__ import annotations

import base64
import re
import threading
import uuid
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import botocore.session
from botocore.exceptions import ClientError, ParamValidationError
from botocore.model import ListShape, Shape, StructureShape
from botocore.validate import validate_parameters

from hrgraph_testing.redshift_engine import (
    DatabaseEngine,
    FakeRedshiftEngine,
    Outcome,
    RedshiftSqlError,
    StatementHook,
    cell,
)

MAX_SQL_BYTES = 100_000
MAX_BATCH_STATEMENTS = 40
PENDING = ("SUBMITTED", "STARTED")
"""Statuses a statement reports, one per DescribeStatement, before it ends."""

_WRITES = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE|MERGE|CREATE|DROP|ALTER|TRUNCATE|COPY|LOCK|GRANT)\b",
    re.IGNORECASE,
)

_MODEL = botocore.session.get_session().get_service_model("redshift-data")


@dataclass(slots=True)
class _Sub:
    id: str
    sql: str
    status: str = "SUBMITTED"
    error: str = ""
    outcome: Outcome | None = None
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def result_rows(self) -> int:
        if self.outcome is None:
            return -1
        if self.outcome.has_result_set:
            return len(self.outcome.rows)
        return self.outcome.rows_affected


@dataclass(slots=True)
class _Statement:
    id: str
    request: dict[str, Any]
    subs: list[_Sub]
    batch: bool
    transaction: bool
    params: dict[str, str]
    status: str = "SUBMITTED"
    polls: int = 0
    error: str = ""
    stalled: bool = False
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))


class FakeRedshiftData:
    """Stands in for ``boto3.client("redshift-data")``: the five calls a warehouse adapter makes."""

    def __init__(
        self,
        engine: DatabaseEngine | None = None,
        *,
        page_size: int = 100,
        readonly_users: Collection[str] = (),
        after_statement: StatementHook | None = None,
        s3_client: Any = None,
    ) -> None:
        self.engine: Any = engine or FakeRedshiftEngine()
        """Either engine; the DuckDB one also runs UNLOAD (object_writer, unload_part_rows)."""
        if s3_client is not None:
            self.engine.object_reader = lambda uri: _read_s3(s3_client, uri)
            self.engine.object_writer = lambda uri, body: _write_s3(s3_client, uri, body)
        self.page_size = page_size
        self.readonly_users = set(readonly_users)
        """SecretArn or DbUser values whose statements may only read (GRANT SELECT only)."""
        self.after_statement = after_statement
        self.calls: Counter[str] = Counter()
        self.history: list[tuple[str, str]] = []
        """(identity, SQL) of every statement run, in order."""
        self._statements: dict[str, _Statement] = {}
        self._guard = threading.RLock()
        self._request_faults: list[tuple[str, str, str]] = []
        self._statement_faults: list[tuple[str, str]] = []
        self._stalls = 0

    # -- faults -------------------------------------------------------------

    def fail_requests(self, operation: str, code: str, times: int = 1, message: str = "") -> None:
        """The next ``times`` calls of ``operation`` (e.g. "ExecuteStatement") raise ``code``."""
        with self._guard:
            self._request_faults += [(operation, code, message or code)] * times

    def fail_statements(self, error: str, times: int = 1, matching: str = "") -> None:
        """The next ``times`` statements whose SQL contains ``matching`` FAIL with ``error``."""
        with self._guard:
            self._statement_faults += [(matching, error)] * times

    def stall_statements(self, times: int = 1) -> None:
        """The next ``times`` statements stay STARTED until cancelled."""
        with self._guard:
            self._stalls += times

    # -- the API ------------------------------------------------------------

    def execute_statement(self, **request: Any) -> dict[str, Any]:
        self._accept("ExecuteStatement", request)
        self._check_sql(request["Sql"])
        statement = self._submit(request, [request["Sql"]], batch=False, transaction=True)
        return self._respond("ExecuteStatement", self._submitted(statement))

    def batch_execute_statement(self, **request: Any) -> dict[str, Any]:
        self._accept("BatchExecuteStatement", request)
        sqls: list[str] = request["Sqls"]
        if len(sqls) > MAX_BATCH_STATEMENTS:
            raise _client_error(
                "BatchExecuteStatement",
                "ValidationException",
                f"Sqls holds {len(sqls)} statements; at most {MAX_BATCH_STATEMENTS} are allowed",
            )
        for sql in sqls:
            self._check_sql(sql)
        transaction = request.get("ExecutionMode", "TRANSACTION") == "TRANSACTION"
        statement = self._submit(request, sqls, batch=True, transaction=transaction)
        return self._respond("BatchExecuteStatement", self._submitted(statement))

    def describe_statement(self, **request: Any) -> dict[str, Any]:
        self._accept("DescribeStatement", request)
        statement, sub = self._find("DescribeStatement", request["Id"])
        self._advance(statement)
        with self._guard:
            if sub is not None:
                return self._respond("DescribeStatement", self._describe_sub(statement, sub))
            return self._respond("DescribeStatement", self._describe(statement))

    def get_statement_result(self, **request: Any) -> dict[str, Any]:
        operation = "GetStatementResult"
        self._accept(operation, request)
        statement, sub = self._find(operation, request["Id"])
        if sub is None:
            if statement.batch:
                raise _client_error(
                    operation,
                    "ValidationException",
                    "A batch has no result of its own: use the sub-statement ids (Id:N)",
                )
            sub = statement.subs[0]
        if sub.status != "FINISHED":
            raise _client_error(operation, "ValidationException", "Query has not finished")
        outcome = sub.outcome
        if outcome is None or outcome.columns is None:
            raise _client_error(operation, "ValidationException", "Query does not have result")
        start = _page_start(operation, sub.id, request.get("NextToken"))
        rows = outcome.rows[start : start + self.page_size]
        response: dict[str, Any] = {
            "Records": [
                [cell(v, c) for v, c in zip(row, outcome.columns, strict=True)] for row in rows
            ],
            "ColumnMetadata": [_metadata(c) for c in outcome.columns],
            "TotalNumRows": len(outcome.rows),
        }
        if start + self.page_size < len(outcome.rows):
            response["NextToken"] = _token(sub.id, start + self.page_size)
        return self._respond(operation, response)

    def cancel_statement(self, **request: Any) -> dict[str, Any]:
        self._accept("CancelStatement", request)
        statement, _ = self._find("CancelStatement", request["Id"])
        with self._guard:
            if statement.status in {"FINISHED", "FAILED", "ABORTED"}:
                raise _client_error(
                    "CancelStatement",
                    "ValidationException",
                    f"Could not cancel a query that is already in {statement.status} state",
                )
            if statement.status == "RUNNING":
                return self._respond("CancelStatement", {"Status": False})
            statement.status = "ABORTED"
            statement.error = "Query cancelled on user's request"
            for sub in statement.subs:
                sub.status = "ABORTED"
            return self._respond("CancelStatement", {"Status": True})

    # -- requests -----------------------------------------------------------

    def _accept(self, operation: str, request: dict[str, Any]) -> None:
        """Count the call, then validate it as botocore and the service would."""
        with self._guard:
            self.calls[operation] += 1
            for index, (name, code, message) in enumerate(self._request_faults):
                if name == operation:
                    del self._request_faults[index]
                    raise _client_error(operation, code, message)
        shape = _MODEL.operation_model(operation).input_shape
        assert shape is not None
        validate_parameters(request, shape)
        problems = _constraint_problems(shape, request, operation)
        if problems:
            raise ParamValidationError(report="\n".join(problems))
        if "Sql" in request or "Sqls" in request:
            _check_target(operation, request)
            if request.get("SessionId") or request.get("SessionKeepAliveSeconds"):
                raise _client_error(operation, "ValidationException", "sessions: not modelled")
            for parameter in request.get("Parameters", []):
                if parameter["value"] == "":
                    raise _client_error(
                        operation, "ValidationException", "parameter values must not be empty"
                    )

    def _check_sql(self, sql: str) -> None:
        if len(sql.encode()) > MAX_SQL_BYTES:
            raise _client_error(
                "ExecuteStatement",
                "ValidationException",
                f"the SQL statement is {len(sql.encode())} bytes; the limit is 100 KB",
            )

    def _submit(
        self, request: dict[str, Any], sqls: list[str], *, batch: bool, transaction: bool
    ) -> _Statement:
        statement_id = str(uuid.uuid4())
        subs = [
            _Sub(f"{statement_id}:{n}" if batch else statement_id, sql)
            for n, sql in enumerate(sqls, start=1)
        ]
        params = {p["name"]: p["value"] for p in request.get("Parameters", [])}
        statement = _Statement(statement_id, dict(request), subs, batch, transaction, params)
        with self._guard:
            if self._stalls:
                self._stalls -= 1
                statement.stalled = True
            self._statements[statement_id] = statement
        return statement

    def _find(self, operation: str, statement_id: str) -> tuple[_Statement, _Sub | None]:
        parent, _, number = statement_id.partition(":")
        with self._guard:
            statement = self._statements.get(parent)
        if statement is None:
            raise _client_error(operation, "ResourceNotFoundException", "Query does not exist.")
        if not number:
            return statement, None
        if not statement.batch or not 1 <= int(number) <= len(statement.subs):
            raise _client_error(operation, "ResourceNotFoundException", "Query does not exist.")
        return statement, statement.subs[int(number) - 1]

    # -- running ------------------------------------------------------------

    def _advance(self, statement: _Statement) -> None:
        """One DescribeStatement's worth of progress; the SQL runs when the statement ends."""
        with self._guard:
            if statement.status not in PENDING:
                return
            if statement.polls < len(PENDING) or statement.stalled:
                statement.status = PENDING[min(statement.polls, len(PENDING) - 1)]
                statement.polls += 1
                return
            statement.status = "RUNNING"
        self._run(statement)

    def _run(self, statement: _Statement) -> None:
        identity = str(statement.request.get("SecretArn") or statement.request.get("DbUser") or "")
        session = self.engine.session()
        current: _Sub | None = None
        try:
            session.prepare([sub.sql for sub in statement.subs], statement.params)
            if statement.transaction:
                session.begin()
            for sub in statement.subs:
                current = sub
                with self._guard:
                    self.history.append((identity, sub.sql))
                sub.status = "STARTED"
                self._inject_failure(sub.sql)
                if identity in self.readonly_users and _WRITES.match(sub.sql):
                    raise RedshiftSqlError(f"ERROR: permission denied for user {identity}")
                if not statement.transaction:
                    session.begin()
                sub.outcome = session.run(sub.sql, statement.params)
                if self.after_statement is not None:
                    self.after_statement(sub.sql)
                if not statement.transaction:
                    session.end(commit=True)
                sub.status = "FINISHED"
                sub.updated_at = datetime.now(UTC)
            current = None
            session.end(commit=True)
            final, error = "FINISHED", ""
        except RedshiftSqlError as failure:
            session.end(commit=False)
            final, error = "FAILED", str(failure)
            if current is not None:
                current.status, current.error = "FAILED", error
            for sub in statement.subs:
                if sub.status in PENDING:
                    sub.status = "ABORTED"
        finally:
            session.close()
        with self._guard:
            statement.status, statement.error = final, error
            statement.updated_at = datetime.now(UTC)

    def _inject_failure(self, sql: str) -> None:
        with self._guard:
            for index, (matching, error) in enumerate(self._statement_faults):
                if matching in sql:
                    del self._statement_faults[index]
                    raise RedshiftSqlError(error)

    # -- responses ----------------------------------------------------------

    def _submitted(self, statement: _Statement) -> dict[str, Any]:
        return {"Id": statement.id, "CreatedAt": statement.created_at, **_target(statement)}

    def _describe(self, statement: _Statement) -> dict[str, Any]:
        status = "STARTED" if statement.status == "RUNNING" else statement.status
        response: dict[str, Any] = {
            "Id": statement.id,
            "Status": status,
            "CreatedAt": statement.created_at,
            "UpdatedAt": statement.updated_at,
            "Duration": _nanoseconds(statement.created_at, statement.updated_at),
            "HasResultSet": any(s.outcome and s.outcome.has_result_set for s in statement.subs),
            "QueryString": statement.subs[0].sql if not statement.batch else "",
            "RedshiftPid": 1073741824,
            "ResultRows": -1 if statement.batch else statement.subs[0].result_rows(),
            "ResultSize": 0,
            **_target(statement),
        }
        if statement.error:
            response["Error"] = statement.error
        if statement.params:
            response["QueryParameters"] = statement.request["Parameters"]
        if statement.batch:
            response["SubStatements"] = [self._sub_data(statement, s) for s in statement.subs]
        return response

    def _describe_sub(self, statement: _Statement, sub: _Sub) -> dict[str, Any]:
        return {**self._describe(statement), **self._sub_data(statement, sub)}

    def _sub_data(self, statement: _Statement, sub: _Sub) -> dict[str, Any]:
        data: dict[str, Any] = {
            "Id": sub.id,
            "Status": sub.status if statement.status not in PENDING else statement.status,
            "CreatedAt": statement.created_at,
            "UpdatedAt": sub.updated_at,
            "QueryString": sub.sql,
            "HasResultSet": bool(sub.outcome and sub.outcome.has_result_set),
            "ResultRows": sub.result_rows(),
            "ResultSize": 0,
        }
        if sub.error:
            data["Error"] = sub.error
        return data

    def _respond(self, operation: str, response: dict[str, Any]) -> dict[str, Any]:
        """Responses are checked against the model too: the adapter sees the real form."""
        shape = _MODEL.operation_model(operation).output_shape
        if shape is not None:
            allowed = set(shape.members)
            response = {k: v for k, v in response.items() if k in allowed}
            validate_parameters(response, shape)
        return response


# -- validation the botocore validator leaves to the service -----------------


def _constraint_problems(shape: Shape, value: Any, path: str) -> list[str]:
    problems: list[str] = []
    if isinstance(shape, StructureShape) and isinstance(value, Mapping):
        for name, member in shape.members.items():
            if name in value:
                problems += _constraint_problems(member, value[name], f"{path}.{name}")
    elif isinstance(shape, ListShape) and isinstance(value, list):
        maximum = shape.metadata.get("max")
        if maximum is not None and len(value) > maximum:
            problems.append(f"{path}: at most {maximum} items, got {len(value)}")
        for index, item in enumerate(value):
            problems += _constraint_problems(shape.member, item, f"{path}[{index}]")
    elif shape.type_name == "string" and isinstance(value, str):
        maximum = shape.metadata.get("max")
        if maximum is not None and len(value) > maximum:
            problems.append(f"{path}: at most {maximum} characters")
        pattern = shape.metadata.get("pattern")
        if pattern and not re.fullmatch(pattern, value):
            problems.append(f"{path}: {value!r} does not match {pattern}")
        enum = shape.metadata.get("enum")
        if enum and value not in enum:
            problems.append(f"{path}: {value!r} is not one of {enum}")
    elif shape.type_name in {"integer", "long"} and isinstance(value, int):
        maximum = shape.metadata.get("max")
        if maximum is not None and value > maximum:
            problems.append(f"{path}: at most {maximum}")
    return problems


def _check_target(operation: str, request: Mapping[str, Any]) -> None:
    cluster, workgroup = request.get("ClusterIdentifier"), request.get("WorkgroupName")
    if bool(cluster) == bool(workgroup):
        raise _client_error(
            operation, "ValidationException", "give either ClusterIdentifier or WorkgroupName"
        )
    if workgroup and request.get("DbUser"):
        raise _client_error(operation, "ValidationException", "DbUser needs a provisioned cluster")
    if request.get("SecretArn") and request.get("DbUser"):
        raise _client_error(operation, "ValidationException", "give SecretArn or DbUser, not both")
    if cluster and not (request.get("SecretArn") or request.get("DbUser")):
        raise _client_error(operation, "ValidationException", "a cluster needs SecretArn or DbUser")
    if not request.get("Database"):
        raise _client_error(operation, "ValidationException", "Database is required")


def _target(statement: _Statement) -> dict[str, Any]:
    keys = ("ClusterIdentifier", "WorkgroupName", "Database", "SecretArn", "DbUser")
    return {k: statement.request[k] for k in keys if statement.request.get(k)}


def _metadata(column: Any) -> dict[str, Any]:
    return {
        "name": column.name,
        "label": column.name,
        "typeName": column.type_name,
        "precision": column.precision,
        "scale": column.scale,
        "nullable": 1,
        "isSigned": column.type_name in {"int2", "int4", "int8", "float4", "float8", "numeric"},
    }


def _token(sub_id: str, offset: int) -> str:
    return base64.urlsafe_b64encode(f"{sub_id}|{offset}".encode()).decode()


def _page_start(operation: str, sub_id: str, token: str | None) -> int:
    if token is None:
        return 0
    try:
        owner, offset = base64.urlsafe_b64decode(token.encode()).decode().rsplit("|", 1)
        if owner == sub_id:
            return int(offset)
    except ValueError:
        pass
    raise _client_error(operation, "ValidationException", "invalid NextToken")


def _nanoseconds(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() * 1e9)


def _read_s3(s3_client: Any, uri: str) -> bytes:
    """COPY's source, read through an S3 client (moto's in tests)."""
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    body: bytes = s3_client.get_object(Bucket=bucket, Key=key)["Body"].read()
    return body


def _write_s3(s3_client: Any, uri: str, body: bytes) -> None:
    """UNLOAD's parts, put through an S3 client (moto's in tests)."""
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    s3_client.put_object(Bucket=bucket, Key=key, Body=body, ServerSideEncryption="AES256")


def _client_error(operation: str, code: str, message: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": message}}, operation)
