"""Backups and restores on Redshift: COPY from S3 for large ones, INSERTs for small, a guarded swap.

The core's backup suite runs on this adapter too (tests/resolvers/core/test_backup.py);
these tests cover the Redshift-only paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters import redshift_backup
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.adapters.redshift_data_client import Policy
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.adapters.s3_store import S3BackupStore
from resolvers.core import backup
from resolvers.core.errors import Conflict
from resolvers.core.ports import Staged
from resolvers.core.tables import Department, Employee, Job, Table
from tests.aws_doubles import moto_bucket
from tests.resolvers.adapters.redshift_support import (
    COPY_ROLE,
    calls_during,
    data_api,
)

BUCKET = "hrgraph-redshift-restore"
ROLE = COPY_ROLE


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with moto_bucket(monkeypatch, BUCKET) as client:
        yield client


def employees(count: int, start: int = 1) -> list[Employee]:
    moment = datetime(2021, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)
    return [
        Employee(i, f"Émployée '{i}' \\", moment, None, None) for i in range(start, start + count)
    ]


def test_a_large_backup_on_s3_is_restored_by_copy_with_the_role(
    s3: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(redshift_backup, "COPY_THRESHOLD_ROWS", 50)
    fake = FakeRedshiftData(s3_client=s3)
    warehouse = RedshiftWarehouse(data_api(fake), copy_role_arn=ROLE)
    warehouse.create_tables()
    original = employees(120)
    warehouse.insert_new(Table.HIRED_EMPLOYEES, original)
    store = S3BackupStore(BUCKET, "b/", client=s3)
    made = backup.backup_table(
        warehouse, store, Table.HIRED_EMPLOYEES, created_by="t", chunk_rows=30
    )
    warehouse.insert_new(Table.HIRED_EMPLOYEES, employees(5, start=500))
    fake.history.clear()
    backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id, chunk_rows=30)
    copies = [sql for _, sql in fake.history if sql.startswith("COPY")]
    assert len(copies) == 1
    assert ROLE in copies[0] and store.location(made.id) in copies[0]
    assert not any(sql.startswith("INSERT INTO restore_staging") for _, sql in fake.history)
    assert warehouse.page(Table.HIRED_EMPLOYEES, 0, 1000) == original


def test_a_small_backup_is_restored_by_inserts_even_with_a_copy_role(s3: Any) -> None:
    fake = FakeRedshiftData(s3_client=s3)
    warehouse = RedshiftWarehouse(data_api(fake), copy_role_arn=ROLE)
    warehouse.create_tables()
    original = employees(30)
    warehouse.insert_new(Table.HIRED_EMPLOYEES, original)
    store = S3BackupStore(BUCKET, "b/", client=s3)
    made = backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="t")
    warehouse.insert_new(Table.HIRED_EMPLOYEES, employees(5, start=500))
    fake.history.clear()
    backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id)
    assert not any(sql.startswith("COPY") for _, sql in fake.history)
    assert warehouse.page(Table.HIRED_EMPLOYEES, 0, 1000) == original


def test_references_that_change_during_the_check_stop_the_swap() -> None:
    fake = FakeRedshiftData()
    warehouse = RedshiftWarehouse(data_api(fake))
    warehouse.create_tables()
    warehouse.insert_new(Table.DEPARTMENTS, [Department(1, "kept")])
    store = MemoryBackupStore()
    made = backup.backup_table(warehouse, store, Table.DEPARTMENTS, created_by="t")
    warehouse.insert_new(Table.DEPARTMENTS, [Department(2, "added later")])

    def check_while_a_writer_slips_in(staged: Staged) -> None:
        assert staged.missing_references == frozenset()
        moment = datetime(2021, 1, 1, tzinfo=UTC)
        warehouse.insert_new(Table.HIRED_EMPLOYEES, [Employee(9, "new", moment, 2, None)])

    rows = backup._verified_rows(store, made, 100)
    with pytest.raises(Conflict):
        warehouse.restore_swap(Table.DEPARTMENTS, rows, check_while_a_writer_slips_in)
    assert warehouse.page(Table.DEPARTMENTS, 0, 10) == [
        Department(1, "kept"),
        Department(2, "added later"),
    ]
    assert redshift_backup.staging_tables(warehouse.writer, Table.DEPARTMENTS) == {}


def test_a_refused_restore_drops_its_staging_table() -> None:
    fake = FakeRedshiftData()
    warehouse = RedshiftWarehouse(data_api(fake))
    warehouse.create_tables()

    def refuse(staged: Staged) -> None:
        raise Conflict("no")

    with pytest.raises(Conflict):
        warehouse.restore_swap(Table.JOBS, [[{"id": 1, "job": "j"}]], refuse)
    assert redshift_backup.staging_tables(warehouse.writer, Table.JOBS) == {}
    assert warehouse.count(Table.JOBS) == 0


def test_two_restores_of_one_table_at_once_each_build_their_own_table() -> None:
    # GIVEN two backups of departments
    warehouse = RedshiftWarehouse(data_api(FakeRedshiftData()))
    warehouse.create_tables()
    store = MemoryBackupStore()
    warehouse.insert_new(Table.DEPARTMENTS, [Department(1, "first")])
    first = backup.backup_table(warehouse, store, Table.DEPARTMENTS, created_by="ana")
    warehouse.insert_new(Table.DEPARTMENTS, [Department(2, "second")])
    second = backup.backup_table(warehouse, store, Table.DEPARTMENTS, created_by="bo")
    seen: list[Staged] = []

    def the_other_restore_runs_meanwhile(staged: Staged) -> None:
        seen.append(staged)
        other = backup.restore_table(warehouse, store, Table.DEPARTMENTS, second.id)
        assert other.rows_restored == 2

    # WHEN one restore is loaded and checked while a second one of the same table runs whole
    rows = backup._verified_rows(store, first, 100)
    previous = warehouse.restore_swap(Table.DEPARTMENTS, rows, the_other_restore_runs_meanwhile)

    # THEN both succeed as if one had run after the other: the last swap wins, nothing mixed
    assert seen[0].rows == 1
    assert previous == 2  # what the other restore left
    assert warehouse.page(Table.DEPARTMENTS, 0, 10) == [Department(1, "first")]
    assert redshift_backup.staging_tables(warehouse.writer, Table.DEPARTMENTS) == {}


def test_a_restore_drops_old_leftover_staging_tables_but_not_a_running_restores() -> None:
    warehouse = RedshiftWarehouse(data_api(FakeRedshiftData()))
    warehouse.create_tables()
    now = datetime.now(UTC)
    crashed = [
        redshift_backup.staging_name(Table.JOBS, now - timedelta(hours=2, minutes=i))
        for i in range(redshift_backup.MAX_LEFTOVERS_DROPPED + 2)
    ]
    running = redshift_backup.staging_name(Table.JOBS, now - timedelta(minutes=5))
    other_table = redshift_backup.staging_name(Table.DEPARTMENTS, now - timedelta(hours=2))
    for name in [*crashed, running, other_table]:
        warehouse.writer.execute(redshift_backup.staging_table_ddl(Table.JOBS, name))

    warehouse.restore_swap(Table.JOBS, [[{"id": 1, "job": "j"}]], lambda staged: None)

    left = redshift_backup.staging_tables(warehouse.writer, Table.JOBS)
    # the oldest leftovers go first, at most MAX_LEFTOVERS_DROPPED of them per restore
    assert set(left) == {running, *crashed[:2]}
    assert redshift_backup.staging_tables(warehouse.writer, Table.DEPARTMENTS) == {
        other_table: pytest.approx(now - timedelta(hours=2), abs=timedelta(seconds=1))
    }
    assert warehouse.page(Table.JOBS, 0, 10) == [Job(1, "j")]


def test_data_api_calls_for_a_backup_grow_with_pages_not_rows() -> None:
    fake = FakeRedshiftData(page_size=100)
    warehouse = RedshiftWarehouse(data_api(fake))
    warehouse.create_tables()
    warehouse.insert_new(Table.HIRED_EMPLOYEES, employees(450))
    with calls_during(fake) as calls:
        chunks = list(warehouse.snapshot(Table.HIRED_EMPLOYEES, 200))
    assert [len(c) for c in chunks] == [200, 200, 50]
    moment = employees(1)[0].datetime
    assert chunks[0][0]["datetime"] == round(moment.timestamp() * 1000)  # epoch ms, UTC
    assert calls == {"ExecuteStatement": 1, "DescribeStatement": 3, "GetStatementResult": 5}


def test_rows_redshift_copies_itself_are_still_judged_before_the_swap(
    s3: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """COPY reads the file in Redshift, past the core's stream: the rows get a pass of their own."""
    import hashlib
    import io

    import fastavro

    from resolvers.core import avro_format
    from resolvers.core.avro_format import Codec
    from resolvers.core.errors import ValidationError

    monkeypatch.setattr(redshift_backup, "COPY_THRESHOLD_ROWS", 50)
    fake = FakeRedshiftData(s3_client=s3)
    warehouse = RedshiftWarehouse(data_api(fake), copy_role_arn=ROLE)
    warehouse.create_tables()
    warehouse.insert_new(Table.HIRED_EMPLOYEES, employees(3, start=900))
    moment = datetime(2021, 5, 6, tzinfo=UTC)
    rows = [
        {"id": -5 if i == 100 else i, "name": f"P{i}", "datetime": moment} for i in range(1, 121)
    ]
    buffer = io.BytesIO()
    fastavro.writer(buffer, avro_format.schema(Table.HIRED_EMPLOYEES), rows, codec="deflate")
    data = buffer.getvalue()
    store = S3BackupStore(BUCKET, "b/", client=s3)
    backup_id = backup.new_backup_id(Table.HIRED_EMPLOYEES, moment)
    with store.write_data(backup_id) as out:
        out.write(data)
    manifest = backup.Manifest(
        backup_id, Table.HIRED_EMPLOYEES, 1, len(rows), len(data),
        hashlib.sha256(data).hexdigest(), Codec.DEFLATE, moment, "t", store.location(backup_id),
    )  # fmt: skip
    store.put_manifest(backup_id, manifest.to_json())
    fake.history.clear()
    with pytest.raises(ValidationError, match=r"holds 1 row\(s\).*row 99 \(id -5\)"):
        backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, backup_id, chunk_rows=30)
    assert any(sql.startswith("COPY") for _, sql in fake.history)  # the COPY path was taken
    assert [e.id for e in warehouse.page(Table.HIRED_EMPLOYEES, 0, 1000)] == [900, 901, 902]


def test_a_restore_outside_any_request_swaps_whatever_a_statement_may_take() -> None:
    """SWAP_SECONDS is compared with the request's time left, not one statement's timeout
    (a local job runner has no request, and the API's statements get 25 s)."""
    fake = FakeRedshiftData()
    warehouse = RedshiftWarehouse(data_api(fake, policy=Policy(timeout=25.0)))
    warehouse.create_tables()
    warehouse.insert_new(Table.DEPARTMENTS, [Department(1, "kept")])
    store = MemoryBackupStore()
    made = backup.backup_table(warehouse, store, Table.DEPARTMENTS, created_by="t")
    warehouse.insert_new(Table.DEPARTMENTS, [Department(2, "added later")])

    backup.restore_table(warehouse, store, Table.DEPARTMENTS, made.id)

    assert warehouse.page(Table.DEPARTMENTS, 0, 10) == [Department(1, "kept")]
