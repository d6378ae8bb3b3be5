"""The one settings object: every HRGRAPH_* environment variable, typed and checked.

Nothing else in the project reads os.environ. A bad value fails at start-up
with a message naming the variable and what it accepts.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

PREFIX = "HRGRAPH_"


class SettingsError(ValueError):
    """A variable holds a value the service cannot run with."""


def _choice(*allowed: str) -> Any:
    def parse(name: str, raw: str) -> str:
        value = raw.strip().lower()
        if value not in allowed:
            raise SettingsError(f"{PREFIX}{name}: must be one of {', '.join(allowed)}, got {raw!r}")
        return value

    return parse


def _int(minimum: int, maximum: int) -> Any:
    def parse(name: str, raw: str) -> int:
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{PREFIX}{name}: must be an integer, got {raw!r}") from None
        if not minimum <= value <= maximum:
            raise SettingsError(f"{PREFIX}{name}: must be between {minimum} and {maximum}")
        return value

    return parse


def _float(name: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{PREFIX}{name}: must be a number, got {raw!r}") from None


def _text(name: str, raw: str) -> str:
    return raw.strip()


def _path(name: str, raw: str) -> Path:
    return Path(raw).expanduser()


def _setting(default: Any, parse: Any = _text, doc: str = "") -> Any:
    return field(default=default, metadata={"parse": parse, "doc": doc})


@dataclass(frozen=True)
class Settings:
    """Defaults run everything on a laptop: DuckDB, a backup folder, local tokens."""

    # Where local state lives: the database, backups, users and signing keys.
    data_dir: Path = _setting(Path(".hrgraph"), _path, "Local state: database, backups, keys")
    url: str = _setting("http://127.0.0.1:8000/graphql", doc="API address the client and CLI use")
    token: str = _setting("", doc="ID token for the client/CLI (overrides the stored login)")
    log_level: str = _setting("info", _choice("debug", "info", "warning", "error"), "Log level")
    metrics: str = _setting("off", _choice("on", "off"), "CloudWatch metrics (EMF on stdout)")

    warehouse: str = _setting("duckdb", _choice("duckdb", "redshift"), "Warehouse adapter")
    duckdb_path: str = _setting("", doc="DuckDB file (default: DATA_DIR/hrgraph.duckdb)")
    redshift_workgroup: str = _setting("", doc="Redshift Serverless workgroup name")
    redshift_cluster_id: str = _setting("", doc="Provisioned Redshift cluster id")
    redshift_database: str = _setting("dev", doc="Redshift database")
    redshift_secret_arn: str = _setting("", doc="Secrets Manager ARN of the writing user")
    redshift_db_user: str = _setting("", doc="Database user for temporary credentials")
    redshift_readonly_secret_arn: str = _setting("", doc="Secret of the read-only user")
    redshift_readonly_db_user: str = _setting("", doc="Read-only database user")
    redshift_copy_role_arn: str = _setting("", doc="IAM role Redshift assumes for COPY from S3")
    redshift_timeout_seconds: float = _setting(
        60.0, _float, "Deadline for one statement (never past the request's own time left)"
    )

    backup_store: str = _setting("folder", _choice("folder", "s3"), "Where backups go")
    backup_dir: str = _setting("", doc="Backup folder (default: DATA_DIR/backups)")
    backup_bucket: str = _setting("", doc="S3 bucket for backups")
    backup_prefix: str = _setting("backups/", doc="S3 key prefix for backups")
    unload_prefix: str = _setting(
        "staging/", doc="S3 key prefix where Redshift UNLOADs a backup's Parquet parts"
    )
    download_seconds: int = _setting(
        300, _int(10, 3600), "Lifetime of a signed link (backups, import uploads, rejects)"
    )

    job_store: str = _setting("folder", _choice("folder", "dynamodb"), "Where job state lives")
    job_table: str = _setting("", doc="DynamoDB table of jobs (HRGRAPH_JOB_STORE=dynamodb)")
    job_runner: str = _setting(
        "thread", _choice("thread", "lambda"), "Who runs backups and restores outside requests"
    )
    worker_function: str = _setting("", doc="Worker Lambda invoked per job (JOB_RUNNER=lambda)")
    appsync_url: str = _setting(
        "", doc="GraphQL endpoint the job worker publishes job changes to (AWS only)"
    )
    job_deadline_seconds: float = _setting(
        960.0,
        _float,
        "A job RUNNING (or QUEUED) longer than this reads as FAILED and is never started",
    )

    questions: str = _setting("offline", _choice("offline", "bedrock"), "Question engine")
    bedrock_model_id: str = _setting(
        "us.anthropic.claude-haiku-4-5-20251001-v1:0", doc="Bedrock model or inference profile"
    )
    bedrock_deadline_seconds: float = _setting(
        25.0,
        _float,
        "One question's deadline on the Bedrock path (model and warehouse calls get the time left)",
    )
    sql_row_limit: int = _setting(1000, _int(1, 100_000), "Row cap of read-only SQL")
    sql_timeout_seconds: float = _setting(10.0, _float, "Deadline for one read-only query")
    duckdb_memory_limit: str = _setting(
        "1GB", doc="DuckDB's memory limit: a query needing more fails instead of growing"
    )
    duckdb_import_memory_limit: str = _setting(
        "256MB",
        doc="DuckDB's memory limit while a bulk import runs (it spills past it; the limit is"
        " the database's, so queries meanwhile share it)",
    )
    duckdb_threads: int = _setting(2, _int(1, 64), "DuckDB's threads: what one query may use")
    page_token_secret_arn: str = _setting(
        "", doc="Secrets Manager ARN of the key that signs page tokens (default: DATA_DIR file)"
    )

    auth: str = _setting("local", _choice("local", "cognito"), "Who issues tokens")
    cognito_region: str = _setting("", doc="Region of the Cognito user pool")
    cognito_user_pool_id: str = _setting("", doc="Cognito user pool id")
    cognito_client_id: str = _setting("", doc="Cognito app client id (token audience)")
    token_ttl_seconds: int = _setting(3600, _int(60, 86_400), "Lifetime of local ID tokens")
    credentials_file: Path = _setting(
        Path("~/.config/hrgraph/credentials.json"), _path, "Where `hrgraph login` keeps tokens"
    )
    trusted_proxies: str = _setting(
        "",
        doc="Proxy addresses whose X-Forwarded-For the local server believes (default: none)",
    )
    admin_password: str = _setting(
        "", doc="First local admin's password for `make run` (default: generated, printed once)"
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for spec in fields(cls):
            raw = environ.get(PREFIX + spec.name.upper())
            if raw is not None and raw != "":
                values[spec.name] = spec.metadata["parse"](spec.name.upper(), raw)
        settings = cls(**values)
        settings.check()
        return settings

    def check(self) -> None:
        """Combinations that cannot work, reported before anything starts."""
        if self.warehouse == "redshift" and not (
            self.redshift_workgroup or self.redshift_cluster_id
        ):
            raise SettingsError(
                f"{PREFIX}REDSHIFT_WORKGROUP or {PREFIX}REDSHIFT_CLUSTER_ID: "
                "one is required when HRGRAPH_WAREHOUSE=redshift"
            )
        if self.warehouse == "redshift":
            self._check_redshift_identity()
        if not 1.0 <= self.bedrock_deadline_seconds <= 28.0:
            raise SettingsError(
                f"{PREFIX}BEDROCK_DEADLINE_SECONDS: must be between 1 and 28 "
                "(AppSync gives a Lambda resolver 30 s)"
            )
        if self.backup_store == "s3" and not self.backup_bucket:
            raise SettingsError(f"{PREFIX}BACKUP_BUCKET: required when HRGRAPH_BACKUP_STORE=s3")
        if self.job_store == "dynamodb" and not self.job_table:
            raise SettingsError(f"{PREFIX}JOB_TABLE: required when HRGRAPH_JOB_STORE=dynamodb")
        if self.job_runner == "lambda" and not self.worker_function:
            raise SettingsError(f"{PREFIX}WORKER_FUNCTION: required when HRGRAPH_JOB_RUNNER=lambda")
        if self.auth == "cognito" and not (self.cognito_region and self.cognito_user_pool_id):
            raise SettingsError(
                f"{PREFIX}COGNITO_REGION and {PREFIX}COGNITO_USER_POOL_ID: "
                "required when HRGRAPH_AUTH=cognito"
            )

    def _check_redshift_identity(self) -> None:
        """What the Data API refuses: a secret and a user, DbUser on Serverless, a bare cluster.

        (Both a workgroup and a cluster id are not refused here: serverless.yml
        sets both variables and one resolves empty at deploy time.)
        """
        for secret, user in (
            ("REDSHIFT_SECRET_ARN", "REDSHIFT_DB_USER"),
            ("REDSHIFT_READONLY_SECRET_ARN", "REDSHIFT_READONLY_DB_USER"),
        ):
            has_secret, has_user = (bool(getattr(self, n.lower())) for n in (secret, user))
            if has_secret and has_user:
                raise SettingsError(f"{PREFIX}{secret} and {PREFIX}{user}: set only one")
            if has_user and self.redshift_workgroup:
                raise SettingsError(
                    f"{PREFIX}{user}: Redshift Serverless takes no database user; "
                    f"use {PREFIX}{secret} (or neither, for the IAM identity)"
                )
        if self.redshift_cluster_id and not (self.redshift_secret_arn or self.redshift_db_user):
            raise SettingsError(
                f"{PREFIX}REDSHIFT_SECRET_ARN or {PREFIX}REDSHIFT_DB_USER: "
                "a provisioned cluster needs one"
            )

    @property
    def database_path(self) -> Path:
        return Path(self.duckdb_path) if self.duckdb_path else self.data_dir / "hrgraph.duckdb"

    @property
    def jobs_path(self) -> Path:
        return self.data_dir / "jobs"

    @property
    def download_key_path(self) -> Path:
        return self.data_dir / "download.key"

    @property
    def backup_path(self) -> Path:
        return Path(self.backup_dir) if self.backup_dir else self.data_dir / "backups"

    @classmethod
    def documentation(cls) -> list[tuple[str, str, str]]:
        """(variable, default, meaning) rows for the README table."""
        return [
            (PREFIX + spec.name.upper(), str(spec.default), spec.metadata["doc"])
            for spec in fields(cls)
        ]


def markdown_table() -> str:
    """The README's settings table, generated so that it cannot drift from the code."""
    lines = ["| variable | default | what it sets |", "|---|---|---|"]
    for variable, default, doc in Settings.documentation():
        shown = f"`{default}`" if default else ""
        lines.append(f"| `{variable}` | {shown} | {doc} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
