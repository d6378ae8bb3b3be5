"""What the API returns, as typed Python values, under the names callers import.

The models are generated from the contract (client/generated.py, by
infra/generate_client.py from hrgraph_contract/schema.graphql and
client/operations): field names are Python's (``department_id``), ``from_json``
reads the contract's camelCase, AWSDateTime becomes an aware datetime in UTC and
AWSJSON is decoded. Nothing here restates the schema; what is written by hand is
the Cognito sign-in's challenge, which is not GraphQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from client.generated import (
    Answer,
    Backup,
    BackupDownload,
    BackupJob,
    BackupJobPage,
    BackupPage,
    ChartHint,
    Department,
    DepartmentHires,
    DepartmentInput,
    DepartmentPage,
    Employee,
    EmployeeFilter,
    EmployeeInput,
    EmployeePage,
    EmployeePatch,
    ImportResult,
    ImportUpload,
    InsertResult,
    Job,
    JobInput,
    JobPage,
    Me,
    QuarterHires,
    QueryResult,
    ReasonCount,
    RejectedRow,
    RestoreResult,
    UnreadableBackup,
)
from client.model_base import FINISHED, Json, Page, format_datetime, parse_datetime
from hrgraph_contract import MAX_BATCH_ROWS, RejectReason, Table

__all__ = [
    "FINISHED",
    "MAX_BATCH_ROWS",
    "Answer",
    "Backup",
    "BackupDownload",
    "BackupJob",
    "BackupJobPage",
    "BackupPage",
    "Challenge",
    "ChallengeKind",
    "ChartHint",
    "Department",
    "DepartmentHires",
    "DepartmentInput",
    "DepartmentPage",
    "Employee",
    "EmployeeFilter",
    "EmployeeInput",
    "EmployeePage",
    "EmployeePatch",
    "ImportResult",
    "ImportUpload",
    "InsertResult",
    "Job",
    "JobInput",
    "JobPage",
    "Json",
    "Me",
    "Page",
    "QuarterHires",
    "QueryResult",
    "ReasonCount",
    "RejectReason",
    "RejectedRow",
    "RestoreResult",
    "Table",
    "UnreadableBackup",
    "format_datetime",
    "parse_datetime",
]


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
