"""What the API returns, as typed Python values (built from the GraphQL JSON).

Field names are Python's (``department_id``); ``from_json`` reads the
contract's camelCase. AWSDateTime strings become aware datetimes in UTC and
AWSJSON strings are decoded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Generic, TypedDict, TypeVar

# The contract's, re-exported for the client's callers.
from hrgraph_contract import MAX_BATCH_ROWS as MAX_BATCH_ROWS
from hrgraph_contract import RejectReason as RejectReason
from hrgraph_contract import Table as Table

T = TypeVar("T")
Json = Mapping[str, Any]


class EmployeePatch(TypedDict, total=False):
    """A correction: absent keys stay as they are, None clears an optional field."""

    name: str
    datetime: str | datetime
    departmentId: int | None
    jobId: int | None


class EmployeeFilter(TypedDict, total=False):
    departmentId: int
    jobId: int
    hiredFrom: str | datetime
    hiredTo: str | datetime
    nameContains: str


def parse_datetime(value: str) -> datetime:
    """AWSDateTime (``2021-11-07T02:48:42.000Z``) as an aware datetime in UTC."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_datetime(moment: datetime) -> str:
    """An aware datetime as AWSDateTime; a naive one is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _json_value(value: Any) -> Any:
    """AWSJSON arrives as a JSON string from AppSync; accept an already decoded value too."""
    return json.loads(value) if isinstance(value, str) else value


@dataclass(frozen=True, slots=True)
class Department:
    id: int
    department: str

    @classmethod
    def from_json(cls, data: Json) -> Department:
        return cls(id=int(data["id"]), department=str(data["department"]))


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    job: str

    @classmethod
    def from_json(cls, data: Json) -> Job:
        return cls(id=int(data["id"]), job=str(data["job"]))


@dataclass(frozen=True, slots=True)
class Employee:
    id: int
    name: str
    datetime: datetime
    department_id: int | None
    job_id: int | None
    department: Department | None = None
    """Filled when the operation selected it (``employee(id)`` does)."""
    job: Job | None = None

    @classmethod
    def from_json(cls, data: Json) -> Employee:
        department = data.get("department")
        job = data.get("job")
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            datetime=parse_datetime(str(data["datetime"])),
            department_id=_optional_int(data.get("departmentId")),
            job_id=_optional_int(data.get("jobId")),
            department=Department.from_json(department) if department else None,
            job=Job.from_json(job) if job else None,
        )


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_token: str | None


@dataclass(frozen=True, slots=True)
class RejectedRow:
    index: int
    """Position of the row in its batch, from 0."""
    id: str | None
    reason: RejectReason
    field: str | None
    message: str

    @classmethod
    def from_json(cls, data: Json) -> RejectedRow:
        raw_id = data.get("id")
        return cls(
            index=int(data["index"]),
            id=None if raw_id is None else str(raw_id),
            reason=RejectReason(data["reason"]),
            field=data.get("field"),
            message=str(data["message"]),
        )


@dataclass(frozen=True, slots=True)
class InsertResult:
    table: Table
    received: int
    inserted: int
    inserted_ids: list[int]
    rejected: list[RejectedRow]

    @classmethod
    def from_json(cls, data: Json) -> InsertResult:
        return cls(
            table=Table[str(data["table"])],
            received=int(data["received"]),
            inserted=int(data["inserted"]),
            inserted_ids=[int(i) for i in data.get("insertedIds") or []],
            rejected=[RejectedRow.from_json(r) for r in data["rejected"]],
        )


@dataclass(frozen=True, slots=True)
class QuarterHires:
    department: str
    job: str
    q1: int
    q2: int
    q3: int
    q4: int

    @classmethod
    def from_json(cls, data: Json) -> QuarterHires:
        return cls(
            department=str(data["department"]),
            job=str(data["job"]),
            q1=int(data["q1"]),
            q2=int(data["q2"]),
            q3=int(data["q3"]),
            q4=int(data["q4"]),
        )


@dataclass(frozen=True, slots=True)
class DepartmentHires:
    id: int
    department: str
    hired: int
    mean: float

    @classmethod
    def from_json(cls, data: Json) -> DepartmentHires:
        return cls(
            id=int(data["id"]),
            department=str(data["department"]),
            hired=int(data["hired"]),
            mean=float(data["mean"]),
        )


@dataclass(frozen=True, slots=True)
class Backup:
    id: str
    table: Table
    created_at: datetime
    created_by: str | None
    rows: int
    bytes: int
    sha256: str
    codec: str
    schema_version: int
    location: str

    @classmethod
    def from_json(cls, data: Json) -> Backup:
        return cls(
            id=str(data["id"]),
            table=Table[str(data["table"])],
            created_at=parse_datetime(str(data["createdAt"])),
            created_by=data.get("createdBy"),
            rows=int(data["rows"]),
            bytes=int(data["bytes"]),
            sha256=str(data["sha256"]),
            codec=str(data["codec"]),
            schema_version=int(data["schemaVersion"]),
            location=str(data["location"]),
        )


@dataclass(frozen=True, slots=True)
class UnreadableBackup:
    """A backup the server lists but cannot read the manifest of (it cannot be restored)."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class BackupPage(Page[Backup]):
    unreadable: list[UnreadableBackup] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: Json) -> BackupPage:
        return cls(
            [Backup.from_json(i) for i in data["items"]],
            data["nextToken"],
            [
                UnreadableBackup(str(u["id"]), str(u["reason"]))
                for u in data.get("unreadable") or []
            ],
        )


@dataclass(frozen=True, slots=True)
class RestoreResult:
    table: Table
    backup_id: str
    rows_restored: int
    previous_rows: int

    @classmethod
    def from_json(cls, data: Json) -> RestoreResult:
        return cls(
            table=Table[str(data["table"])],
            backup_id=str(data["backupId"]),
            rows_restored=int(data["rowsRestored"]),
            previous_rows=int(data["previousRows"]),
        )


FINISHED = frozenset({"SUCCEEDED", "FAILED"})


@dataclass(frozen=True, slots=True)
class BackupJob:
    """A backup or restore running outside the request (schema.graphql's BackupJob)."""

    id: str
    kind: str
    """BACKUP or RESTORE."""
    table: Table
    status: str
    """QUEUED, RUNNING, SUCCEEDED or FAILED."""
    progress: float | None
    rows_done: int | None
    created_at: datetime
    created_by: str | None
    started_at: datetime | None
    finished_at: datetime | None
    error: str | None
    error_type: str | None
    backup: Backup | None
    restore: RestoreResult | None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def failed(self) -> bool:
        return self.status == "FAILED"

    @classmethod
    def from_json(cls, data: Json) -> BackupJob:
        def moment(key: str) -> datetime | None:
            value = data.get(key)
            return parse_datetime(str(value)) if value else None

        progress = data.get("progress")
        rows = data.get("rowsDone")
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            table=Table[str(data["table"])],
            status=str(data["status"]),
            progress=None if progress is None else float(progress),
            rows_done=None if rows is None else int(rows),
            created_at=parse_datetime(str(data["createdAt"])),
            created_by=data.get("createdBy"),
            started_at=moment("startedAt"),
            finished_at=moment("finishedAt"),
            error=data.get("error"),
            error_type=data.get("errorType"),
            backup=Backup.from_json(data["backup"]) if data.get("backup") else None,
            restore=RestoreResult.from_json(data["restore"]) if data.get("restore") else None,
        )


@dataclass(frozen=True, slots=True)
class BackupDownload:
    url: str
    """Absolute: the client resolves the local server's relative links against its URL."""
    expires_at: datetime
    file_name: str


@dataclass(frozen=True, slots=True)
class ChartHint:
    kind: str
    x: str | None = None
    y: str | None = None
    series: str | None = None
    x_ordinal: bool = False
    """x holds ordered categories (years, quarters, months, weekdays)."""
    keep_order: bool = False
    """Draw the rows in the order given (a ranking or time)."""

    @classmethod
    def from_json(cls, data: Json) -> ChartHint:
        return cls(
            kind=str(data["kind"]),
            x=data.get("x"),
            y=data.get("y"),
            series=data.get("series"),
            x_ordinal=bool(data.get("xOrdinal", False)),
            keep_order=bool(data.get("keepOrder", False)),
        )


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    sql: str | None
    columns: list[str]
    rows: list[list[Any]]
    row_count: int
    explanation: str
    chart: ChartHint | None
    engine: str
    refused: bool
    suggestions: list[str] = field(default_factory=list)
    reading: str | None = None
    """The query that ran, restated in plain words (None when refused)."""
    truncated: bool = False

    @classmethod
    def from_json(cls, data: Json) -> Answer:
        chart = data.get("chart")
        return cls(
            question=str(data["question"]),
            sql=data.get("sql"),
            columns=[str(c) for c in data["columns"]],
            rows=_json_value(data["rows"]),
            row_count=int(data["rowCount"]),
            explanation=str(data["explanation"]),
            chart=ChartHint.from_json(chart) if chart else None,
            engine=str(data["engine"]),
            refused=bool(data["refused"]),
            suggestions=[str(s) for s in data.get("suggestions") or []],
            reading=data.get("reading"),
            truncated=bool(data.get("truncated", False)),
        )


@dataclass(frozen=True, slots=True)
class QueryResult:
    sql: str
    columns: list[str]
    rows: list[list[Any]]
    row_count: int
    truncated: bool

    @classmethod
    def from_json(cls, data: Json) -> QueryResult:
        return cls(
            sql=str(data["sql"]),
            columns=[str(c) for c in data["columns"]],
            rows=_json_value(data["rows"]),
            row_count=int(data["rowCount"]),
            truncated=bool(data["truncated"]),
        )


@dataclass(frozen=True, slots=True)
class Me:
    username: str
    groups: list[str]

    @classmethod
    def from_json(cls, data: Json) -> Me:
        return cls(username=str(data["username"]), groups=[str(g) for g in data["groups"]])


class ChallengeKind(StrEnum):
    """The Cognito sign-in challenges the client answers (their Cognito names)."""

    NEW_PASSWORD = "NEW_PASSWORD_REQUIRED"  # noqa: S105 (a challenge name)
    MFA_CODE = "SOFTWARE_TOKEN_MFA"
    MFA_SETUP = "MFA_SETUP"


_ASKS = {
    ChallengeKind.NEW_PASSWORD: "a new password (the current one is temporary)",
    ChallengeKind.MFA_CODE: "the 6-digit code of your authenticator app",
    ChallengeKind.MFA_SETUP: "an authenticator app to be set up (MFA is required)",
}


@dataclass(frozen=True)
class Challenge:
    """One step of a Cognito sign-in that needs an answer from the person signing in.

    ``session`` is Cognito's opaque proof of the steps so far (valid for a few
    minutes); ``secret_code`` is the TOTP key to enter in an authenticator app
    (MFA_SETUP only). Neither is printed by repr.
    """

    kind: ChallengeKind
    username: str
    """The name Cognito knows the user by (USER_ID_FOR_SRP when it gives one)."""
    session: str = field(repr=False)
    secret_code: str = field(default="", repr=False)

    @property
    def asks(self) -> str:
        return _ASKS[self.kind]

    def otpauth_uri(self, issuer: str = "hrgraph") -> str:
        """The key as an otpauth:// URI (what a QR code for an authenticator app holds)."""
        from urllib.parse import quote

        label = quote(f"{issuer}:{self.username}", safe=":@")
        return f"otpauth://totp/{label}?secret={self.secret_code}&issuer={quote(issuer)}"
