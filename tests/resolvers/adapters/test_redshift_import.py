"""Bulk import on Redshift through the fake Data API: COPY from moto's S3, the same verdicts.

The fake performs COPY ... FORMAT AS CSV from S3 and UNLOAD ... FORMAT AS CSV to it (as it
performs UNLOAD to Parquet for backups), and checks every request against botocore's model.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters import redshift_import
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.redshift_data_client import StatementFailed
from resolvers.adapters.redshift_unload import UnloadStaging
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core import ingest
from resolvers.core.backup_job import ImportStage
from resolvers.core.ports import ImportProgress, ImportRequest
from resolvers.core.tables import Table
from tests.aws_doubles import moto_bucket
from tests.resolvers.adapters.redshift_support import COPY_ROLE, data_api

BUCKET = "hrgraph-imports"
NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
ROWS = (
    "1,Ann,2021-01-01T00:00:00Z,1,2\r\n"
    "2,,2021-01-01T00:00:00Z,1,2\r\n"
    "1,Again,2021-01-02T00:00:00Z,,\r\n"
    "3,Cy,2021-02-30,,\r\n"
    "4,Di,,1,\r\n"
    "5,Old,2021-01-01,,\r\n"
    "6,Nobody,2021-03-01T10:00+05:30,9,2\r\n"
    "7,\tTab,2021-03-01,,\r\n"
)


@pytest.fixture
def s3(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with moto_bucket(monkeypatch, BUCKET) as client:
        yield client


def _seed(warehouse: Any) -> None:
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": "1", "department": "Sales"}])
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": "2", "job": "Dev"}])
    ingest.insert_batch(
        warehouse, Table.HIRED_EMPLOYEES, [{"id": "5", "name": "Old", "datetime": "2020-01-01"}]
    )


def _redshift(s3: Any, fake: FakeRedshiftData) -> RedshiftWarehouse:
    warehouse = RedshiftWarehouse(
        data_api(fake), copy_role_arn=COPY_ROLE, unload=UnloadStaging(BUCKET, "s/", COPY_ROLE, s3)
    )
    warehouse.create_tables()
    _seed(warehouse)
    return warehouse


def _import(
    s3: Any,
    fake: FakeRedshiftData,
    body: str,
    missing: str = "REJECT",
    progress: ImportProgress = lambda stage, rows: None,
) -> Any:
    s3.put_object(Bucket=BUCKET, Key="uploads/abc/e.csv", Body=body.encode())
    request = ImportRequest(
        Table.HIRED_EMPLOYEES,
        f"s3://{BUCKET}/uploads/abc/e.csv",
        "CSV",
        f"s3://{BUCKET}/uploads/abc/e.rejected.csv",
        NOW,
        missing_datetime="NOW" if missing == "NOW" else "REJECT",
    )
    return _redshift(s3, fake).import_file(request, progress)


def test_redshift_gives_the_verdicts_and_rejects_duckdb_gives(s3: Any, tmp_path: Path) -> None:
    # GIVEN the same file and the same tables on both warehouses
    fake = FakeRedshiftData(s3_client=s3)
    outcome = _import(s3, fake, ROWS)
    local = DuckDBWarehouse(":memory:")
    _seed(local)
    path = tmp_path / "e.csv"
    path.write_text(ROWS, encoding="utf-8", newline="")
    expected = local.import_file(
        ImportRequest(Table.HIRED_EMPLOYEES, str(path), "CSV", str(tmp_path / "r.csv"), NOW),
        lambda share, rows: None,
    )
    # THEN the counts, the table and the rejects file agree
    assert (outcome.received, outcome.inserted, outcome.rejected) == (
        expected.received,
        expected.inserted,
        expected.rejected,
    )
    body = s3.get_object(Bucket=BUCKET, Key="uploads/abc/e.rejected.csv")["Body"].read()
    got = list(csv.reader(io.StringIO(body.decode())))
    want = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert got == want
    rows = fake.engine._db.execute("SELECT id FROM hired_employees ORDER BY id").fetchall()
    assert rows == local.connection.execute("SELECT id FROM hired_employees ORDER BY id").fetchall()


def test_each_warehouse_tells_the_steps_it_can_see(s3: Any, tmp_path: Path) -> None:
    """DuckDB runs its steps apart and tells each; Redshift's one batch tells only the end."""
    on_redshift: list[tuple[ImportStage, int]] = []
    outcome = _import(s3, FakeRedshiftData(s3_client=s3), ROWS, progress=_told(on_redshift))
    on_duckdb: list[tuple[ImportStage, int]] = []
    local = DuckDBWarehouse(":memory:")
    _seed(local)
    path = tmp_path / "e.csv"
    path.write_text(ROWS, encoding="utf-8", newline="")
    request = ImportRequest(Table.HIRED_EMPLOYEES, str(path), "CSV", str(tmp_path / "r.csv"), NOW)
    local.import_file(request, _told(on_duckdb))
    rows = outcome.received
    assert on_redshift == [(ImportStage.INSERTED, rows)]
    assert on_duckdb == [
        (ImportStage.STAGED, rows),
        (ImportStage.CHECKED, rows),
        (ImportStage.INSERTED, rows),
    ]


def _told(into: list[tuple[ImportStage, int]]) -> ImportProgress:
    return lambda stage, rows: into.append((stage, rows))


def test_the_worker_sends_one_batch_however_many_rows() -> None:
    assert statements_for_import(50, None) == statements_for_import(2_000, None)


def statements_for_import(rows: int, folder: Path | None) -> int:
    """Statements the adapter sends for a generated file of ``rows`` employees (bench too)."""
    body = "".join(f"{i},Employee {i},2021-01-01T00:00:00Z,1,2\r\n" for i in range(10, rows + 10))
    with pytest.MonkeyPatch.context() as patch, moto_bucket(patch, BUCKET) as client:
        fake = FakeRedshiftData(s3_client=client)
        warehouse = _redshift(client, fake)
        before = len(fake.history)
        client.put_object(Bucket=BUCKET, Key="uploads/abc/e.csv", Body=body.encode())
        request = ImportRequest(
            Table.HIRED_EMPLOYEES,
            f"s3://{BUCKET}/uploads/abc/e.csv",
            "CSV",
            f"s3://{BUCKET}/uploads/abc/e.rejected.csv",
            NOW,
        )
        outcome = warehouse.import_file(request, lambda share, done: None)
        assert outcome.inserted == rows
        return len(fake.history) - before


def test_a_failed_import_leaves_the_table_and_no_rejects(s3: Any) -> None:
    # GIVEN an import whose insert fails, after its UNLOAD of the rejects ran
    fake = FakeRedshiftData(s3_client=s3)
    warehouse = _redshift(s3, fake)
    s3.put_object(Bucket=BUCKET, Key="uploads/abc/e.csv", Body=ROWS.encode())
    fake.fail_statements("ERROR: disk full", matching="INSERT INTO hired_employees")
    request = ImportRequest(
        Table.HIRED_EMPLOYEES,
        f"s3://{BUCKET}/uploads/abc/e.csv",
        "CSV",
        f"s3://{BUCKET}/uploads/abc/e.rejected.csv",
        NOW,
    )
    with pytest.raises(StatementFailed):
        warehouse.import_file(request, lambda share, rows: None)
    # THEN the table is as it was, and no rejects object is left
    assert fake.engine._db.execute("SELECT COUNT(*) FROM hired_employees").fetchone() == (1,)
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix="uploads/abc/e.rejected")
    assert not listed.get("Contents")


def test_the_batch_holds_at_most_40_statements_and_locks_first() -> None:
    request = ImportRequest(
        Table.HIRED_EMPLOYEES, "s3://b/uploads/a/e.csv", "CSV", "s3://b/uploads/a/r.csv", NOW
    )
    sqls = redshift_import.statements(request, COPY_ROLE)
    assert len(sqls) <= 40
    assert sqls[0] == "LOCK hired_employees, departments, jobs"
