"""One contract for every JobStore (folder, DynamoDB under moto, the in-memory fake).

The DynamoDB table is made from serverless.yml's own JobsTable definition, so
the adapter is tested against the keys and TTL that deploy.
"""

from __future__ import annotations

import json
import stat
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from moto import mock_aws

from resolvers.adapters.dynamodb_jobs import DynamoDBJobStore
from resolvers.adapters.folder_jobs import FolderJobStore
from resolvers.adapters.memory_jobs import MemoryJobStore
from resolvers.core.backup_job import BackupJob, JobKind, JobStatus, new_job_id
from resolvers.core.errors import Unavailable
from resolvers.core.ports import JobStore
from resolvers.core.tables import Table
from tests.aws_doubles import use_dummy_aws
from tests.deploy.conftest import ROOT

TABLE = "hrgraph-jobs-test"
START = datetime(2026, 1, 1, tzinfo=UTC)


def jobs_table_definition() -> dict[str, Any]:
    resources = yaml.safe_load((ROOT / "serverless.yml").read_text())["resources"]["Resources"]
    properties: dict[str, Any] = resources["JobsTable"]["Properties"]
    return properties


class OneRequestAtATime:
    """A boto3 client whose calls run one at a time, as DynamoDB applies writes to an item.

    DynamoDB evaluates a conditional PutItem atomically; moto checks the
    condition and then writes, with no lock between, so two threads can both
    pass. Serialising each call (not each claim: a claim's GetItem and PutItem
    still interleave with other workers') gives moto DynamoDB's guarantee and
    leaves the adapter's condition as the only thing that stops a second winner.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._client, name)
        if not callable(found):
            return found

        def one_at_a_time(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return found(*args, **kwargs)

        return one_at_a_time


@pytest.fixture
def dynamodb(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    use_dummy_aws(monkeypatch)
    with mock_aws():
        client = boto3.client("dynamodb")
        spec = jobs_table_definition()
        client.create_table(
            TableName=TABLE,
            BillingMode=spec["BillingMode"],
            AttributeDefinitions=spec["AttributeDefinitions"],
            KeySchema=spec["KeySchema"],
        )
        client.update_time_to_live(
            TableName=TABLE, TimeToLiveSpecification=spec["TimeToLiveSpecification"]
        )
        yield OneRequestAtATime(client)


@pytest.fixture(params=["folder", "dynamodb", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> JobStore:
    if request.param == "folder":
        return FolderJobStore(tmp_path / "jobs")
    if request.param == "dynamodb":
        return DynamoDBJobStore(TABLE, request.getfixturevalue("dynamodb"))
    return MemoryJobStore()


def job(second: int = 0, **changes: Any) -> BackupJob:
    moment = START + timedelta(seconds=second)
    made = BackupJob(
        id=new_job_id(moment),
        kind=JobKind.BACKUP,
        table=Table.HIRED_EMPLOYEES,
        status=JobStatus.QUEUED,
        created_at=moment,
        created_by="ana",
        codec="snappy",
        progress=0.0,
        rows_done=0,
    )
    return made.with_changes(**changes)


def test_a_job_reads_back_as_it_was_stored(store: JobStore) -> None:
    made = job(backup={"id": "b", "rows": 3}, force=True)
    store.create(made)
    assert store.get(made.id) == made
    assert store.get(job(1).id) is None


def test_a_queued_job_is_claimed_exactly_once(store: JobStore) -> None:
    made = job()
    store.create(made)
    started = START + timedelta(seconds=5)
    claimed = store.claim(made.id, started)
    assert claimed is not None
    assert (claimed.status, claimed.started_at) == (JobStatus.RUNNING, started)
    assert store.claim(made.id, started) is None
    assert store.claim(job(9).id, started) is None  # no such job


def test_of_many_workers_racing_for_a_job_one_wins(store: JobStore) -> None:
    made = job()
    store.create(made)
    won: list[BackupJob] = []
    barrier = threading.Barrier(4)

    def race() -> None:
        barrier.wait()
        claimed = store.claim(made.id, START)
        if claimed is not None:
            won.append(claimed)

    threads = [threading.Thread(target=race) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1


def test_saved_progress_and_outcome_replace_the_job(store: JobStore) -> None:
    made = job()
    store.create(made)
    running = store.claim(made.id, START)
    assert running is not None
    done = running.with_changes(
        status=JobStatus.FAILED, error="backup x is damaged", error_type="ValidationError"
    )
    store.save(done)
    assert store.get(made.id) == done


def test_recent_jobs_come_newest_first_and_page_by_id(store: JobStore) -> None:
    made = [job(second) for second in range(7)]
    for item in made:
        store.create(item)
    newest = [m.id for m in reversed(made)]
    assert [j.id for j in store.recent(3)] == newest[:3]
    assert [j.id for j in store.recent(10, before=newest[2])] == newest[3:]
    assert store.recent(10, before=made[0].id) == []


def test_folder_jobs_are_private_files(tmp_path: Path) -> None:
    store = FolderJobStore(tmp_path / "jobs")
    made = job()
    store.create(made)
    (written,) = (tmp_path / "jobs").iterdir()
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert json.loads(written.read_text())["createdBy"] == "ana"


def test_a_new_local_server_fails_what_an_old_one_left_running(tmp_path: Path) -> None:
    store = FolderJobStore(tmp_path / "jobs")
    left, done = job(1), job(2, status=JobStatus.SUCCEEDED)
    store.create(left)
    store.create(done)
    assert store.fail_unfinished("the server stopped", START) == 1
    failed = store.get(left.id)
    assert failed is not None
    assert (failed.status, failed.error) == (JobStatus.FAILED, "the server stopped")
    assert store.get(done.id) == done


def test_dynamodb_items_expire_by_ttl_after_the_retention(dynamodb: Any) -> None:
    store = DynamoDBJobStore(TABLE, dynamodb, retention_days=30)
    made = job()
    store.create(made)
    item = dynamodb.get_item(TableName=TABLE, Key={"pk": {"S": "jobs"}, "id": {"S": made.id}})
    ttl = jobs_table_definition()["TimeToLiveSpecification"]["AttributeName"]
    assert int(item["Item"][ttl]["N"]) == int((START + timedelta(days=30)).timestamp())


def test_dynamodb_out_of_reach_is_unavailable(dynamodb: Any) -> None:
    store = DynamoDBJobStore("no-such-table", dynamodb)
    with pytest.raises(Unavailable, match="ResourceNotFoundException"):
        store.get(job().id)


def test_dynamodb_a_worker_that_read_the_job_queued_still_loses_to_the_first_claim(
    dynamodb: Any,
) -> None:
    """The race the threads above hit only sometimes, made certain: the second
    worker's read happened before the first worker's claim landed."""
    store = DynamoDBJobStore(TABLE, dynamodb)
    made = job()
    store.create(made)
    stale = dynamodb.get_item(
        TableName=TABLE, Key={"pk": {"S": "jobs"}, "id": {"S": made.id}}, ConsistentRead=True
    )
    assert store.claim(made.id, START) is not None

    class ReadBeforeTheClaim:
        def __getattr__(self, name: str) -> Any:
            if name == "get_item":
                return lambda **_: stale
            return getattr(dynamodb, name)

    late = DynamoDBJobStore(TABLE, ReadBeforeTheClaim())
    assert late.claim(made.id, START + timedelta(seconds=1)) is None
    assert store.get(made.id) == made.with_changes(status=JobStatus.RUNNING, started_at=START)
