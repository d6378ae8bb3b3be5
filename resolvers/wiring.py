"""The composition root: settings pick the adapters the core runs on.

Adapters are imported only when chosen, so the Lambda package never loads
DuckDB and a laptop never needs boto3 credentials.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import cast

from hrgraph_contract.settings import Settings
from resolvers import observability
from resolvers.core import jobs as job_work
from resolvers.core.backup_job import BackupJob
from resolvers.core.cursor import PageTokens
from resolvers.core.ports import (
    BackupStore,
    JobEvents,
    JobLauncher,
    JobStore,
    QuestionEngine,
    UploadStore,
    Warehouse,
)


@dataclass
class Services:
    settings: Settings
    warehouse: Warehouse
    backups: BackupStore
    jobs: JobStore
    launcher: JobLauncher = field(repr=False)
    events: JobEvents = field(default=job_work.NO_EVENTS, repr=False)
    engine: QuestionEngine | None = field(default=None, repr=False)
    tokens: PageTokens | None = field(default=None, repr=False)
    uploads: UploadStore | None = field(default=None, repr=False)
    """Where files to import are uploaded: the backup store itself, when it takes uploads."""

    def run_job(self, job_id: str) -> BackupJob | None:
        """The worker's side of a job (a local thread, or the worker Lambda)."""
        return job_work.run(
            job_id,
            self.jobs,
            self.warehouse,
            self.backups,
            self.events,
            deadline_seconds=self.settings.job_deadline_seconds,
            uploads=self.uploads,
        )

    def questions(self) -> QuestionEngine:
        """The question engine Settings.questions names, built on first use."""
        if self.engine is None:
            self.engine = _question_engine(self.settings, self.warehouse)
        return self.engine

    def page_tokens(self) -> PageTokens:
        """Signs and checks nextTokens; the key is read once, on first use (a cold start)."""
        if self.tokens is None:
            with _key_lock:
                if self.tokens is None:
                    self.tokens = PageTokens(_page_token_key(self.settings))
        return self.tokens


def build(settings: Settings) -> Services:
    observability.configure(settings.metrics == "on")
    _private_local_state(settings)
    store = backup_store(settings)
    built = Services(
        settings=settings,
        warehouse=_warehouse(settings),
        backups=store,
        uploads=cast(UploadStore, store) if _takes_uploads(store) else None,
        jobs=_job_store(settings),
        launcher=_NOT_YET,
        events=_job_events(settings),
    )
    built.launcher = _job_launcher(settings, built)
    _private_local_state(settings)  # and the files the adapters just created
    return built


def _takes_uploads(store: object) -> bool:
    """The folder and S3 stores also keep uploads (UploadStore); a test's fake may not."""
    return all(callable(getattr(store, name, None)) for name in ("upload_url", "upload_location"))


def _private_local_state(settings: Settings) -> None:
    """The data dir (and its database and backup folder) are the owner's alone."""
    if settings.warehouse != "duckdb" and settings.backup_store != "folder":
        return  # the Lambda: nothing local but /tmp
    from resolvers.adapters.private_files import private_file, private_tree

    private_tree(settings.data_dir)
    if settings.warehouse == "duckdb":  # its own file, wherever it is: never its folder
        private_file(settings.database_path)
        private_file(settings.database_path.with_name(settings.database_path.name + ".wal"))
    inside = settings.backup_path.resolve().is_relative_to(settings.data_dir.resolve())
    if settings.backup_store == "folder" and inside and settings.backup_path.is_dir():
        private_tree(settings.backup_path)


class _NotYet:
    def launch(self, job_id: str) -> None:
        raise AssertionError("the launcher is set right after Services is built")


_NOT_YET = _NotYet()


def _job_store(settings: Settings) -> JobStore:
    if settings.job_store == "dynamodb":
        from resolvers.adapters.dynamodb_jobs import DynamoDBJobStore

        return DynamoDBJobStore(settings.job_table)
    from datetime import UTC, datetime

    from resolvers.adapters.folder_jobs import FolderJobStore

    store = FolderJobStore(settings.jobs_path)
    # A new process: no worker of an earlier one is alive to finish what it left.
    store.fail_unfinished(job_work.LOST, datetime.now(UTC))
    return store


def _job_events(settings: Settings) -> JobEvents:
    """AppSync's subscription in AWS; the local server feeds its own (lambda_process.py)."""
    if settings.appsync_url:
        from resolvers.adapters.appsync_events import AppSyncJobEvents

        return AppSyncJobEvents(settings.appsync_url)
    return job_work.NO_EVENTS


def _job_launcher(settings: Settings, built: Services) -> JobLauncher:
    if settings.job_runner == "lambda":
        from resolvers.adapters.lambda_launcher import LambdaLauncher

        return LambdaLauncher(settings.worker_function)
    from resolvers.adapters.thread_launcher import ThreadLauncher

    return ThreadLauncher(built.run_job)


def _warehouse(settings: Settings) -> Warehouse:
    if settings.warehouse == "duckdb":
        from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse

        return DuckDBWarehouse(
            settings.database_path,
            settings.sql_timeout_seconds,
            memory_limit=settings.duckdb_memory_limit,
            import_memory_limit=settings.duckdb_import_memory_limit,
            threads=settings.duckdb_threads,
        )
    from resolvers.adapters.redshift_warehouse import RedshiftWarehouse

    return RedshiftWarehouse.from_settings(settings)


def _question_engine(settings: Settings, warehouse: Warehouse) -> QuestionEngine:
    if settings.questions == "bedrock":
        from resolvers.adapters.bedrock_engine import BedrockEngine

        return BedrockEngine.from_settings(settings, warehouse)
    from resolvers.core.questions.offline import OfflineEngine

    return OfflineEngine(warehouse, settings.sql_row_limit)


def _page_token_key(settings: Settings) -> bytes:
    from resolvers.adapters import page_token_key

    if settings.page_token_secret_arn:
        return page_token_key.from_secrets_manager(settings.page_token_secret_arn)
    return page_token_key.from_data_dir(settings.data_dir)


def backup_store(settings: Settings) -> BackupStore:
    """The store Settings.backup_store names (the local server serves its download links)."""
    if settings.backup_store == "s3":
        from resolvers.adapters.s3_store import S3BackupStore

        return S3BackupStore(settings.backup_bucket, settings.backup_prefix)
    from resolvers.adapters.folder_store import FolderBackupStore

    return FolderBackupStore(settings.backup_path, settings.download_key_path)


_lock = threading.Lock()
_key_lock = threading.Lock()
_current: Services | None = None


def services() -> Services:
    """The process's services, built from the environment on first use (a Lambda cold start)."""
    global _current
    with _lock:
        if _current is None:
            _current = build(Settings.from_env())
        return _current


def use(replacement: Services | None) -> None:
    """Run the handler on given services (the local server, tests); None to rebuild from env."""
    global _current
    with _lock:
        _current = replacement
