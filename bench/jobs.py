"""A backup and a restore of many rows as jobs, in both doors' shapes, timing every request.

    .venv/bin/python -m bench.jobs [--rows 1000000] [--port 8400]

Local door: a real local server (uvicorn, DuckDB, the folder store, the worker
thread) over a temporary data dir seeded with ``--rows`` employees; the
client starts a backup, follows it with backupJob polls until SUCCEEDED, then
a restore of it, the way ``hrgraph backup``/``restore`` do. Every HTTP request
is timed (httpx event hooks).

Redshift on the fake: the same core jobs on the Redshift adapter over the fake
Data API with moto's S3 (backup by UNLOAD -> Parquet -> Avro, restore by COPY),
worked by the thread launcher; the submit calls are what a request would run.

Prints the slowest request against AppSync's 25 s budget for the Lambda, and
each job's duration. (Done-when of the AWS-jobs issue.)
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.backup import generated_employees, load
from client.api import HrClient
from hrgraph_contract.settings import Settings
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.backup_job import BackupJob
from resolvers.core.tables import Department, Job, Table

BUDGET_SECONDS = 25.0


class Timer:
    """Times every request an httpx client sends."""

    def __init__(self) -> None:
        self.started: dict[int, float] = {}
        self.spans: list[float] = []

    def request(self, request: httpx.Request) -> None:
        self.started[id(request)] = time.perf_counter()

    def response(self, response: httpx.Response) -> None:
        begun = self.started.pop(id(response.request), None)
        if begun is not None:
            self.spans.append(time.perf_counter() - begun)


def local_door(rows: int, port: int) -> None:
    from resolvers import wiring
    from tests.conftest import admin_token, serving

    with tempfile.TemporaryDirectory(prefix="hrgraph-jobs-bench-") as scratch:
        settings = Settings.from_env({"HRGRAPH_DATA_DIR": scratch})
        seeded = DuckDBWarehouse(settings.database_path)
        load(seeded, generated_employees(rows))
        seeded.close()
        token = admin_token(settings)
        services = wiring.build(settings)
        timer = Timer()
        with serving(settings, services) as url:
            del port  # serving() picks a free port; --port is kept for the CLI's sake
            hooks: dict[str, list[Any]] = {"request": [timer.request], "response": [timer.response]}
            transport = httpx.HTTPTransport()
            client = HrClient(url, token, transport=_Hooked(transport, hooks))
            with client as api:
                started = time.perf_counter()
                backed = api.wait_for_job(api.backup_table(Table.HIRED_EMPLOYEES), interval=0.5)
                backup_seconds = time.perf_counter() - started
                assert backed.status == "SUCCEEDED", backed
                assert backed.backup is not None and backed.backup.rows == rows
                started = time.perf_counter()
                restored = api.wait_for_job(
                    api.restore_table(Table.HIRED_EMPLOYEES, backed.backup.id), interval=0.5
                )
                restore_seconds = time.perf_counter() - started
                assert restored.status == "SUCCEEDED", restored
                assert restored.restore is not None and restored.restore.rows_restored == rows
    print(
        f"local door, {rows:,} rows: backup job {backup_seconds:.1f} s, restore job "
        f"{restore_seconds:.1f} s; {len(timer.spans)} requests, slowest "
        f"{max(timer.spans):.3f} s (budget {BUDGET_SECONDS:.0f} s)"
    )
    assert max(timer.spans) < BUDGET_SECONDS


class _Hooked(httpx.BaseTransport):
    """A transport that calls the timer around each request (HrClient takes a transport)."""

    def __init__(self, inner: httpx.BaseTransport, hooks: dict[str, list[Any]]) -> None:
        self.inner = inner
        self.hooks = hooks

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for hook in self.hooks["request"]:
            hook(request)
        response = self.inner.handle_request(request)
        response.request = request
        for hook in self.hooks["response"]:
            hook(response)
        return response


def redshift_fake(rows: int) -> None:
    import boto3
    import pyarrow as pa
    from moto import mock_aws

    from hrgraph_testing.redshift_data import FakeRedshiftData
    from resolvers.adapters.folder_jobs import FolderJobStore
    from resolvers.adapters.redshift_data_client import Connection, DataApi
    from resolvers.adapters.redshift_unload import UnloadStaging
    from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
    from resolvers.adapters.s3_store import S3BackupStore
    from resolvers.adapters.thread_launcher import ThreadLauncher
    from resolvers.core import jobs

    bucket, role = "hrgraph-bench", "arn:aws:iam::123456789012:role/redshift-copy"
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ.setdefault(name, "testing")
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    with mock_aws(), tempfile.TemporaryDirectory(prefix="hrgraph-jobs-bench-") as scratch:
        s3 = boto3.client("s3")
        s3.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        fake = FakeRedshiftData(s3_client=s3, page_size=100)
        api = DataApi(fake, Connection("dev", workgroup="hrgraph"), sleep=lambda _: None)
        staging = UnloadStaging(bucket, "staging/", role, s3, scratch_dir=scratch)
        warehouse = RedshiftWarehouse(api, copy_role_arn=role, unload=staging)
        warehouse.create_tables()
        warehouse.insert_new(Table.DEPARTMENTS, [Department(i, f"D{i}") for i in range(1, 13)])
        warehouse.insert_new(Table.JOBS, [Job(i, f"J{i}") for i in range(1, 184)])
        cursor = fake.engine.session()
        generated = generated_employees(rows)
        generated = generated.set_column(
            2, "datetime", generated.column("datetime").cast(pa.timestamp("us"))
        )
        cursor._cursor.register("generated", generated)
        cursor._cursor.execute("INSERT INTO hired_employees SELECT * FROM generated")
        cursor.close()
        backups = S3BackupStore(bucket, "backups/", client=s3)
        store = FolderJobStore(Path(scratch) / "jobs")
        launcher = ThreadLauncher(lambda job_id: jobs.run(job_id, store, warehouse, backups))
        spans: list[float] = []

        def submitted(submit: Any) -> BackupJob:
            begun = time.perf_counter()
            job: BackupJob = submit()
            spans.append(time.perf_counter() - begun)
            return job

        def until_done(job: BackupJob) -> tuple[BackupJob, float]:
            begun = time.perf_counter()
            while True:
                begun_read = time.perf_counter()
                current = jobs.get_job(store, job.id)
                spans.append(time.perf_counter() - begun_read)
                assert current is not None
                if current.status.finished:
                    return current, time.perf_counter() - begun
                time.sleep(0.5)

        made, backup_seconds = until_done(
            submitted(
                lambda: jobs.submit_backup(store, launcher, Table.HIRED_EMPLOYEES, created_by="b")
            )
        )
        assert made.error is None and made.rows_done == rows, made
        restored, restore_seconds = until_done(
            submitted(
                lambda: jobs.submit_restore(
                    store, launcher, backups, Table.HIRED_EMPLOYEES, made.backup_id, created_by="b"
                )
            )
        )
        assert restored.error is None and restored.restore is not None, restored
        launcher.shutdown()
    unloads = sum(1 for _, sql in fake.history if sql.startswith("UNLOAD"))
    copies = sum(1 for _, sql in fake.history if sql.startswith("COPY"))
    print(
        f"Redshift on the fake, {rows:,} rows: backup job {backup_seconds:.1f} s ({unloads} "
        f"UNLOAD, {fake.calls['GetStatementResult']} GetStatementResult), restore job "
        f"{restore_seconds:.1f} s ({copies} COPY); slowest request-side call "
        f"{max(spans):.3f} s (budget {BUDGET_SECONDS:.0f} s)"
    )
    assert max(spans) < BUDGET_SECONDS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument("--door", choices=["local", "redshift", "both"], default="both")
    args = parser.parse_args()
    if args.door in ("local", "both"):
        local_door(args.rows, args.port)
    if args.door in ("redshift", "both"):
        redshift_fake(args.rows)


if __name__ == "__main__":
    main()
