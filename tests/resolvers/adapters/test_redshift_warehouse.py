"""The Redshift adapter on the fake Data API: verdicts, races, identities, limits.

The core's own suite also runs on this adapter (tests/conftest.py WAREHOUSES);
these tests cover what is particular to Redshift.
"""

from __future__ import annotations

import contextlib
import random
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hrgraph_contract.settings import Settings, SettingsError
from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers import wiring
from resolvers.adapters import sql_common
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse
from resolvers.core import ingest, reads
from resolvers.core.errors import Unavailable, ValidationError
from resolvers.core.ports import Deleted, StillReferenced
from resolvers.core.tables import Department, Employee, Table
from resolvers.core.validation import RowProblem, validate_row
from tests.aws_doubles import use_dummy_aws
from tests.resolvers.adapters.redshift_support import (
    READER,
    WRITER,
    calls_during,
    warehouse_on,
)
from tests.resolvers.adapters.test_redshift_literals import HOSTILE
from tests.resolvers.core.test_reads import TOKENS


@pytest.fixture
def fake() -> FakeRedshiftData:
    return FakeRedshiftData(readonly_users={READER.secret_arn})


def random_batches(seed: int) -> list[tuple[Table, list[dict[str, Any]]]]:
    """Batches that hit every verdict: new, in-batch duplicate, existing, unknown references."""
    rng = random.Random(seed)
    batches: list[tuple[Table, list[dict[str, Any]]]] = [
        (Table.DEPARTMENTS, [{"id": i, "department": f"D{i}"} for i in range(1, 6)]),
        (Table.JOBS, [{"id": i, "job": f"J{i}"} for i in range(1, 8)]),
    ]
    start = datetime(2021, 1, 1, tzinfo=UTC)
    for _ in range(4):
        rows: list[dict[str, Any]] = []
        for _ in range(rng.randrange(1, 120)):
            rows.append(
                {
                    "id": rng.randrange(1, 150),
                    "name": rng.choice([*HOSTILE, "", "Ann"]),
                    "datetime": (start + timedelta(days=rng.randrange(700))).isoformat(),
                    "departmentId": rng.choice([None, *range(1, 9)]),
                    "jobId": rng.choice([None, *range(1, 10)]),
                }
            )
        batches.append((Table.HIRED_EMPLOYEES, rows))
    batches.append((Table.DEPARTMENTS, [{"id": i, "department": f"E{i}"} for i in range(3, 9)]))
    moment = start.isoformat()
    known = [
        {"id": 1001, "name": "a", "datetime": moment, "departmentId": 1},
        {"id": 1002, "name": "b", "datetime": moment, "departmentId": 1, "jobId": 1},
    ]
    unknown = [  # every pairing of "the id exists" with unknown references
        {"id": 1001, "name": "a", "datetime": moment, "departmentId": 99},
        {"id": 1002, "name": "b", "datetime": moment, "departmentId": 99, "jobId": 99},
        {"id": 1003, "name": "c", "datetime": moment, "departmentId": 99, "jobId": 99},
        {"id": 1004, "name": "d", "datetime": moment, "jobId": 99},
    ]
    batches += [(Table.HIRED_EMPLOYEES, known), (Table.HIRED_EMPLOYEES, unknown)]
    return batches


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_verdicts_and_contents_equal_duckdbs_for_the_same_input(
    fake: FakeRedshiftData, tmp_path: Path, seed: int
) -> None:
    redshift, duck = warehouse_on(fake), DuckDBWarehouse(tmp_path / "same.duckdb")
    now = datetime(2024, 5, 1, tzinfo=UTC)
    reasons: set[ingest.RejectReason] = set()
    for table, rows in random_batches(seed):
        on_redshift = ingest.insert_batch(redshift, table, rows, now)
        on_duckdb = ingest.insert_batch(duck, table, rows, now)
        assert on_redshift == on_duckdb
        reasons |= {r.reason for r in on_duckdb.rejected}
        records = [validate_row(table, row, now) for row in rows]
        valid = [r for r in reversed(records) if not isinstance(r, RowProblem)]
        again = list({r.id: r for r in valid}.values())  # first of each id, as ingest keeps
        assert redshift.insert_new(table, again) == duck.insert_new(table, again)
    assert reasons == set(ingest.RejectReason), "the batches should reach every verdict"
    for table in Table:
        assert redshift.page(table, 0, 1000) == duck.page(table, 0, 1000)
    for year in (2021, 2022):
        assert redshift.hires_by_quarter(year) == duck.hires_by_quarter(year)
        assert redshift.departments_above_mean(year) == duck.departments_above_mean(year)
        assert redshift.hires_by_department(year) == duck.hires_by_department(year)
    assert redshift.hire_years() == duck.hire_years()


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_round_trip(fake: FakeRedshiftData, name: str) -> None:
    warehouse = warehouse_on(fake)
    warehouse.insert_new(Table.DEPARTMENTS, [Department(1, name)])
    assert warehouse.get(Table.DEPARTMENTS, 1) == Department(1, name)
    assert (
        reads.page(
            warehouse,
            TOKENS,
            Table.HIRED_EMPLOYEES,
            10,
            None,
            reads.employee_query(name_contains=name),
        ).items
        == []
    )
    moment = datetime(2021, 1, 1, tzinfo=UTC)
    warehouse.insert_new(Table.HIRED_EMPLOYEES, [Employee(2, name, moment, 1, None)])
    found = reads.page(
        warehouse, TOKENS, Table.HIRED_EMPLOYEES, 10, None, reads.employee_query(name_contains=name)
    )
    assert found.items == [Employee(2, name, moment, 1, None)]
    assert warehouse.replace(Employee(2, name + name, moment, None, None))
    assert warehouse.get(Table.HIRED_EMPLOYEES, 2) == Employee(2, name + name, moment, None, None)


def test_a_full_batch_of_long_multibyte_names_is_one_batch_call(fake: FakeRedshiftData) -> None:
    warehouse = warehouse_on(fake)
    moment = datetime(2022, 3, 4, 5, 6, 7, 123000, tzinfo=UTC)
    names = [("🙂'\\" * 85)[: 255 - len(str(i))] + str(i) for i in range(1000)]
    records = [Employee(i + 1, names[i], moment, None, None) for i in range(1000)]
    with calls_during(fake) as calls:
        outcome = warehouse.insert_new(Table.HIRED_EMPLOYEES, records)
    assert outcome.inserted == frozenset(r.id for r in records)
    assert calls["BatchExecuteStatement"] == 1
    assert "ExecuteStatement" not in calls
    assert warehouse.get_many(Table.HIRED_EMPLOYEES, [r.id for r in records]) == {
        r.id: r for r in records
    }


RACERS = 4


@pytest.mark.parametrize("locked", [True, False], ids=["with LOCK", "LOCK left out"])
def test_racing_writers_add_no_duplicates_only_because_of_the_lock(
    fake: FakeRedshiftData, monkeypatch: pytest.MonkeyPatch, locked: bool
) -> None:
    warehouse = warehouse_on(fake)
    if not locked:
        monkeypatch.setattr(sql_common, "lock_statement", lambda *tables: "SELECT 1")
    # Each writer waits (briefly) after its anti-join insert for the others to get there too:
    # without the LOCK they all decide on the same snapshot; with it they cannot get there.
    rendezvous = threading.Barrier(RACERS, timeout=0.5)

    def widen_the_race(sql: str) -> None:
        if sql.startswith("INSERT INTO departments"):
            with contextlib.suppress(threading.BrokenBarrierError):
                rendezvous.wait()

    fake.after_statement = widen_the_race
    outcomes: list[frozenset[int]] = []

    def write(k: int) -> None:
        batch = [Department(i, f"writer {k}") for i in range(k * 5 + 1, k * 5 + 21)]
        outcomes.append(warehouse.insert_new(Table.DEPARTMENTS, batch).inserted)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    fake.after_statement = None
    rows = warehouse.page(Table.DEPARTMENTS, 0, 1000)
    ids = [r.id for r in rows]
    duplicates = len(ids) - len(set(ids))
    if locked:
        assert duplicates == 0
        claimed = [i for inserted in outcomes for i in inserted]
        assert sorted(claimed) == sorted(set(ids))  # each id reported inserted exactly once
    else:
        assert duplicates > 0


def test_reports_and_queries_run_as_the_read_only_user(fake: FakeRedshiftData) -> None:
    warehouse = warehouse_on(fake, readonly=True)
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "D"}])
    fake.history.clear()
    warehouse.hires_by_quarter(2021)
    warehouse.departments_above_mean(2021)
    result = warehouse.query("SELECT id, department FROM departments WHERE id = :id", {"id": 1})
    assert result.columns == ["id", "department"]
    assert result.rows == [[1, "D"]]
    assert {identity for identity, _ in fake.history} == {READER.secret_arn}
    with pytest.raises(ValidationError, match="permission denied"):
        warehouse.query("DELETE FROM departments")
    fake.history.clear()
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 2, "department": "E"}])
    assert {identity for identity, _ in fake.history} == {WRITER.secret_arn}


def test_query_values_are_json_ready(fake: FakeRedshiftData) -> None:
    warehouse = warehouse_on(fake)
    result = warehouse.query(
        "SELECT CAST('2021-02-03 04:05:06' AS TIMESTAMP) AS at, CAST(1.25 AS NUMERIC(5, 2)) AS n"
    )
    assert result.rows == [["2021-02-03T04:05:06Z", 1.25]]


def test_a_new_database_gets_its_tables_on_first_use(fake: FakeRedshiftData) -> None:
    from tests.resolvers.adapters.redshift_support import data_api

    warehouse = RedshiftWarehouse(data_api(fake))
    assert warehouse.count(Table.JOBS) == 0
    report = ingest.insert_batch(warehouse, Table.JOBS, [{"id": 1, "job": "J"}])
    assert report.inserted_ids == [1]


def test_configuration_alone_selects_redshift(monkeypatch: pytest.MonkeyPatch) -> None:
    use_dummy_aws(monkeypatch)
    settings = Settings.from_env(
        {
            "HRGRAPH_WAREHOUSE": "redshift",
            "HRGRAPH_REDSHIFT_CLUSTER_ID": "hr-cluster",
            "HRGRAPH_REDSHIFT_DB_USER": "writer",
            "HRGRAPH_REDSHIFT_READONLY_DB_USER": "reader",
            "HRGRAPH_REDSHIFT_TIMEOUT_SECONDS": "12",
        }
    )
    warehouse = wiring.build(settings).warehouse
    assert isinstance(warehouse, RedshiftWarehouse)
    assert warehouse.writer.connection.request_fields() == {
        "Database": "dev",
        "ClusterIdentifier": "hr-cluster",
        "DbUser": "writer",
    }
    assert warehouse.reader.connection.db_user == "reader"
    assert warehouse.writer.policy.timeout == 12


@pytest.mark.parametrize(
    "environ",
    [
        {"HRGRAPH_REDSHIFT_CLUSTER_ID": "c1"},
        {"HRGRAPH_REDSHIFT_WORKGROUP": "wg", "HRGRAPH_REDSHIFT_DB_USER": "u"},
        {"HRGRAPH_REDSHIFT_WORKGROUP": "wg", "HRGRAPH_REDSHIFT_READONLY_DB_USER": "u"},
        {
            "HRGRAPH_REDSHIFT_CLUSTER_ID": "c1",
            "HRGRAPH_REDSHIFT_SECRET_ARN": "arn:s",
            "HRGRAPH_REDSHIFT_DB_USER": "u",
        },
    ],
)
def test_identities_the_data_api_refuses_fail_at_start(environ: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        Settings.from_env({"HRGRAPH_WAREHOUSE": "redshift", **environ})


def test_serverless_may_run_as_the_iam_identity() -> None:
    settings = Settings.from_env(
        {"HRGRAPH_WAREHOUSE": "redshift", "HRGRAPH_REDSHIFT_WORKGROUP": "wg"}
    )
    assert RedshiftWarehouse.from_settings(
        settings, FakeRedshiftData()
    ).writer.connection.request_fields() == {
        "Database": "dev",
        "WorkgroupName": "wg",
    }


@pytest.mark.parametrize("locked", [True, False], ids=["with LOCKs", "LOCKs left out"])
@pytest.mark.parametrize("first", ["insert", "delete"])
def test_an_employee_insert_racing_a_department_delete_leaves_no_orphan_only_by_the_locks(
    fake: FakeRedshiftData, monkeypatch: pytest.MonkeyPatch, first: str, locked: bool
) -> None:
    """The same interleaving with and without the LOCKs: only the LOCKs keep the orphan out.

    Without them each writer decides on a snapshot that misses the other's
    uncommitted change, so both succeed and an employee is left pointing at a
    deleted department; that is what shows the race really happens here.
    """
    warehouse = warehouse_on(fake)
    if not locked:
        monkeypatch.setattr(sql_common, "lock_statement", lambda *tables: "SELECT 1")
    warehouse.insert_new(Table.DEPARTMENTS, [Department(5, "doomed")])
    started = threading.Event()
    hold = {"insert": "INSERT INTO hired_employees", "delete": "DELETE FROM departments"}[first]

    def slow_first_writer(sql: str) -> None:
        if sql.startswith(hold) and not started.is_set():
            started.set()
            threading.Event().wait(0.2)  # the other writer arrives while this one holds its LOCKs

    fake.after_statement = slow_first_writer
    moment = datetime(2021, 1, 1, tzinfo=UTC)
    results: dict[str, Any] = {}

    def insert() -> None:
        results["insert"] = warehouse.insert_new(
            Table.HIRED_EMPLOYEES, [Employee(1, "x", moment, 5, None)]
        )

    def delete() -> None:
        results["delete"] = warehouse.delete(Table.DEPARTMENTS, 5)

    leader, follower = (insert, delete) if first == "insert" else (delete, insert)
    thread = threading.Thread(target=leader)
    thread.start()
    assert started.wait(10)
    follower()
    thread.join(10)
    employee = warehouse.get(Table.HIRED_EMPLOYEES, 1)
    department = warehouse.get(Table.DEPARTMENTS, 5)
    if not locked:
        assert results["insert"].inserted == {1}
        assert results["delete"] == Deleted(Department(5, "doomed"))
        assert isinstance(employee, Employee) and employee.department_id == 5
        assert department is None
    elif first == "insert":
        assert results["insert"].inserted == {1}
        assert results["delete"] == StillReferenced(1)
        assert employee is not None and department is not None
    else:
        assert results["delete"] == Deleted(Department(5, "doomed"))
        assert results["insert"].unknown_department == {1}
        assert employee is None and department is None


def test_a_callers_time_left_shortens_the_query_deadline(fake: FakeRedshiftData) -> None:
    warehouse = warehouse_on(fake)
    fake.stall_statements()
    with pytest.raises((ValidationError, Unavailable), match=r"within 2 seconds|2 seconds"):
        warehouse.query("SELECT 1 AS one", timeout_seconds=2)
    assert warehouse.reader.policy.timeout == 60.0  # the adapter's own deadline is untouched
