"""Backups of Redshift by UNLOAD to Parquet, streamed to Avro: the fake Data API, moto's S3."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import fastavro
import pytest

from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters import redshift_backup
from resolvers.adapters.redshift_unload import UnloadStaging
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.adapters.s3_store import S3BackupStore
from resolvers.core import backup
from resolvers.core.errors import HrgraphError
from resolvers.core.tables import Department, Employee, Job, Table
from tests.aws_doubles import moto_bucket
from tests.resolvers.adapters.redshift_support import COPY_ROLE, data_api

BUCKET = "hrgraph-unload"
ROLE = COPY_ROLE


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with moto_bucket(monkeypatch, BUCKET) as client:
        yield client


def employees(count: int) -> list[Employee]:
    start = datetime(2021, 1, 1, 9, 0, 0, 123000, tzinfo=UTC)
    return [
        Employee(
            i,
            f"Émployée '{i}' \\",
            start + timedelta(minutes=i, milliseconds=i % 1000),
            (i % 12) + 1 if i % 7 else None,
            (i % 180) + 1 if i % 5 else None,
        )
        for i in range(1, count + 1)
    ]


def keys(s3: Any, prefix: str) -> list[str]:
    found = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return [item["Key"] for item in found]


@pytest.fixture
def unloading(s3: Any, tmp_path: Any) -> tuple[FakeRedshiftData, RedshiftWarehouse]:
    fake = FakeRedshiftData(s3_client=s3, page_size=50)
    fake.engine.unload_part_rows = 700  # several parts, on two "slices"
    staging = UnloadStaging(BUCKET, "staging/", ROLE, s3, scratch_dir=str(tmp_path))
    warehouse = RedshiftWarehouse(data_api(fake), copy_role_arn=ROLE, unload=staging)
    warehouse.create_tables()
    warehouse.insert_new(Table.DEPARTMENTS, [Department(i, f"D{i}") for i in range(1, 13)])
    warehouse.insert_new(Table.JOBS, [Job(i, f"J{i}") for i in range(1, 181)])
    return fake, warehouse


def test_a_backup_is_one_unload_streamed_to_avro_and_the_parts_are_deleted(
    s3: Any, unloading: tuple[FakeRedshiftData, RedshiftWarehouse]
) -> None:
    # GIVEN 3000 employees on Redshift
    fake, warehouse = unloading
    original = employees(3000)
    for start in range(0, len(original), 1000):
        outcome = warehouse.insert_new(Table.HIRED_EMPLOYEES, original[start : start + 1000])
        assert len(outcome.inserted) == 1000
    store = S3BackupStore(BUCKET, "backups/", client=s3)
    fake.history.clear()
    fake.calls.clear()
    # WHEN it is backed up
    made = backup.backup_table(
        warehouse, store, Table.HIRED_EMPLOYEES, created_by="t", chunk_rows=400
    )
    # THEN Redshift wrote Parquet parts itself in one statement, as the writer, with the role;
    unloads = [sql for _, sql in fake.history if sql.startswith("UNLOAD")]
    assert len(unloads) == 1
    assert f"TO 's3://{BUCKET}/staging/hired_employees-" in unloads[0]
    assert f"IAM_ROLE '{ROLE}' FORMAT AS PARQUET" in unloads[0]
    assert fake.calls["GetStatementResult"] == 0  # no row came through the Data API
    # the staging parts are gone, and the Avro file holds every row, milliseconds included
    assert keys(s3, "staging/") == []
    assert made.rows == 3000
    body = s3.get_object(Bucket=BUCKET, Key=f"backups/{made.id}.avro")["Body"].read()
    records = [cast(dict[str, Any], r) for r in fastavro.reader(io.BytesIO(body))]
    rows = sorted(records, key=lambda r: int(r["id"]))
    assert [r["id"] for r in rows] == list(range(1, 3001))
    assert [(r["datetime"], r["department_id"], r["job_id"]) for r in rows] == [
        (e.datetime, e.department_id, e.job_id) for e in original
    ]
    assert rows[0]["name"] == "Émployée '1' \\"


def test_an_unloaded_backup_restores_by_copy(
    s3: Any,
    unloading: tuple[FakeRedshiftData, RedshiftWarehouse],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(redshift_backup, "COPY_THRESHOLD_ROWS", 100)
    _, warehouse = unloading
    original = employees(1500)
    for start in range(0, len(original), 1000):
        warehouse.insert_new(Table.HIRED_EMPLOYEES, original[start : start + 1000])
    store = S3BackupStore(BUCKET, "backups/", client=s3)
    made = backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="t")
    warehouse.insert_new(Table.HIRED_EMPLOYEES, employees(1501)[-1:])

    result = backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id)

    assert (result.rows_restored, result.previous_rows) == (1500, 1501)
    restored = []
    after = 0
    while page := warehouse.page(Table.HIRED_EMPLOYEES, after, 1000):
        restored.extend(page)
        after = page[-1].id
    assert restored == original


def test_a_failed_unload_leaves_no_backup_and_no_parts(
    s3: Any, unloading: tuple[FakeRedshiftData, RedshiftWarehouse]
) -> None:
    fake, warehouse = unloading
    warehouse.insert_new(Table.HIRED_EMPLOYEES, employees(10))
    store = S3BackupStore(BUCKET, "backups/", client=s3)
    fake.fail_statements("ERROR: S3ServiceException: Access Denied", matching="UNLOAD")
    with pytest.raises(HrgraphError):
        backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="t")
    assert store.list_ids() == []
    assert keys(s3, "staging/") == [] and keys(s3, "backups/") == []
