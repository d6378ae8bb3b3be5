"""The fake Data API holds the adapter to Redshift's rules, so these pin the fake itself."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from botocore.exceptions import ClientError, ParamValidationError

from hrgraph_testing.redshift_data import FakeRedshiftData

TARGET = {"WorkgroupName": "hrgraph", "Database": "dev"}


def run(fake: FakeRedshiftData, sql: str, **extra: Any) -> dict[str, Any]:
    """Submit and describe until the statement ends; the final description."""
    statement = fake.execute_statement(Sql=sql, **TARGET, **extra)
    return finish(fake, statement["Id"])


def run_batch(fake: FakeRedshiftData, sqls: list[str]) -> dict[str, Any]:
    statement = fake.batch_execute_statement(Sqls=sqls, **TARGET)
    return finish(fake, statement["Id"])


def finish(fake: FakeRedshiftData, statement_id: str) -> dict[str, Any]:
    while True:
        description = fake.describe_statement(Id=statement_id)
        if description["Status"] in {"FINISHED", "FAILED", "ABORTED"}:
            return description


@pytest.fixture
def fake() -> FakeRedshiftData:
    return FakeRedshiftData(page_size=2)


def test_statements_walk_submitted_started_finished(fake: FakeRedshiftData) -> None:
    statement = fake.execute_statement(Sql="SELECT 1", **TARGET)
    walk = [fake.describe_statement(Id=statement["Id"])["Status"] for _ in range(4)]
    assert walk == ["SUBMITTED", "STARTED", "FINISHED", "FINISHED"]


@pytest.mark.parametrize(
    "request_",
    [
        {"Sql": "SELECT 1", "Database": "dev"},  # neither workgroup nor cluster
        {"Sql": "SELECT 1", **TARGET, "ClusterIdentifier": "c1", "DbUser": "u"},  # both
        {"Sql": "SELECT 1", **TARGET, "DbUser": "u"},  # DbUser on serverless
        {"Sql": "SELECT 1", "ClusterIdentifier": "c1", "Database": "dev"},  # no credentials
    ],
)
def test_connection_combinations_the_service_refuses(
    fake: FakeRedshiftData, request_: dict[str, Any]
) -> None:
    with pytest.raises(ClientError) as refused:
        fake.execute_statement(**request_)
    assert refused.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.parametrize(
    "request_",
    [
        {"Sql": 1, **TARGET},  # wrong type (botocore's validator)
        {**TARGET},  # Sql missing (botocore's validator)
        {"Sql": "SELECT :a", **TARGET, "Parameters": [{"name": "a", "value": ""}]},
        {"Sql": "SELECT 1", "WorkgroupName": "UPPER_case!", "Database": "dev"},  # pattern
    ],
)
def test_requests_are_checked_against_the_service_model(
    fake: FakeRedshiftData, request_: dict[str, Any]
) -> None:
    with pytest.raises((ParamValidationError, ClientError)):
        fake.execute_statement(**request_)


def test_a_batch_holds_at_most_40_statements(fake: FakeRedshiftData) -> None:
    with pytest.raises((ParamValidationError, ClientError)):
        fake.batch_execute_statement(Sqls=["SELECT 1"] * 41, **TARGET)
    assert run_batch(fake, ["SELECT 1"] * 40)["Status"] == "FINISHED"


def test_a_statement_is_at_most_100_kb(fake: FakeRedshiftData) -> None:
    padding = "x" * 100_000
    with pytest.raises(ClientError, match="100 KB"):
        fake.execute_statement(Sql=f"SELECT '{padding}'", **TARGET)


def test_unknown_statement_ids_are_not_found(fake: FakeRedshiftData) -> None:
    with pytest.raises(ClientError) as missing:
        fake.describe_statement(Id="00000000-0000-0000-0000-000000000000")
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO t (id) VALUES (1) ON CONFLICT DO NOTHING",
        "INSERT INTO t (id) VALUES (1) RETURNING id",
        "MERGE INTO t USING s ON t.id = s.id WHEN NOT MATCHED THEN INSERT (id) VALUES (s.id)",
        "INSERT INTO t (id) SELECT x FROM (VALUES (1), (2)) AS v(x)",
        "SELECT 1; SELECT 2",
    ],
)
def test_sql_redshift_cannot_run_fails(fake: FakeRedshiftData, sql: str) -> None:
    run(fake, "CREATE TABLE t (id BIGINT)")
    run(fake, "CREATE TABLE s (id BIGINT)")
    described = run(fake, sql)
    assert described["Status"] == "FAILED"
    assert described["Error"].startswith("ERROR:")


def test_a_merge_with_both_clauses_runs(fake: FakeRedshiftData) -> None:
    run(fake, "CREATE TABLE t (id BIGINT, n BIGINT)")
    run(fake, "CREATE TABLE s (id BIGINT, n BIGINT)")
    merge = (
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET n = s.n"
        " WHEN NOT MATCHED THEN INSERT (id, n) VALUES (s.id, s.n)"
    )
    assert run(fake, merge)["Status"] == "FINISHED"


def test_primary_keys_are_informational_but_not_null_is_enforced(fake: FakeRedshiftData) -> None:
    run(fake, "CREATE TABLE t (id BIGINT NOT NULL, PRIMARY KEY (id))")
    assert run(fake, "INSERT INTO t VALUES (1), (1)")["Status"] == "FINISHED"
    assert run(fake, "INSERT INTO t VALUES (NULL)")["Status"] == "FAILED"
    counted = run(fake, "SELECT COUNT(*) AS n FROM t")
    result = fake.get_statement_result(Id=counted["Id"])
    assert result["Records"] == [[{"longValue": 2}]]
    assert result["ColumnMetadata"][0]["typeName"] == "int8"


def test_parameters_bind_as_text_that_redshift_casts(fake: FakeRedshiftData) -> None:
    run(fake, "CREATE TABLE t (id BIGINT, at TIMESTAMP)")
    run(fake, "INSERT INTO t VALUES (5, '2021-01-01 00:00:00')")
    params = [{"name": "id", "value": "5"}, {"name": "since", "value": "2020-12-31 00:00:00"}]
    found = run(
        fake,
        "SELECT id FROM t WHERE id = :id AND at > CAST(:since AS TIMESTAMP)",
        Parameters=params,
    )
    assert fake.get_statement_result(Id=found["Id"])["Records"] == [[{"longValue": 5}]]
    assert run(fake, "SELECT id FROM t WHERE id = :missing")["Status"] == "FAILED"


def test_a_batch_is_one_session_and_one_transaction(fake: FakeRedshiftData) -> None:
    run(fake, "CREATE TABLE t (id BIGINT NOT NULL)")
    batch = run_batch(
        fake,
        [
            "CREATE TEMP TABLE staged AS SELECT id FROM t WHERE 1 = 0",
            "INSERT INTO staged VALUES (1), (2)",
            "INSERT INTO t SELECT id FROM staged",
            "SELECT id FROM staged ORDER BY id",
        ],
    )
    assert batch["Status"] == "FINISHED"
    sub = batch["SubStatements"][3]
    assert fake.get_statement_result(Id=sub["Id"])["Records"] == [
        [{"longValue": 1}],
        [{"longValue": 2}],
    ]
    assert run(fake, "SELECT * FROM staged")["Status"] == "FAILED"  # the temp table died
    failed = run_batch(fake, ["INSERT INTO t VALUES (3)", "INSERT INTO t VALUES (NULL)"])
    assert [s["Status"] for s in failed["SubStatements"]] == ["FINISHED", "FAILED"]
    counted = run(fake, "SELECT COUNT(*) FROM t")
    assert fake.get_statement_result(Id=counted["Id"])["Records"] == [[{"longValue": 2}]]


def test_a_batch_has_results_only_under_its_sub_statement_ids(fake: FakeRedshiftData) -> None:
    batch = run_batch(fake, ["SELECT 1"])
    with pytest.raises(ClientError):
        fake.get_statement_result(Id=batch["Id"])
    assert fake.get_statement_result(Id=f"{batch['Id']}:1")["Records"] == [[{"longValue": 1}]]


def test_results_come_in_pages_linked_by_next_token(fake: FakeRedshiftData) -> None:
    done = run(fake, "SELECT * FROM generate_series(1, 5) AS g(n) ORDER BY n")
    pages = [fake.get_statement_result(Id=done["Id"])]
    while "NextToken" in pages[-1]:
        pages.append(fake.get_statement_result(Id=done["Id"], NextToken=pages[-1]["NextToken"]))
    assert [len(p["Records"]) for p in pages] == [2, 2, 1]
    assert [r[0]["longValue"] for p in pages for r in p["Records"]] == [1, 2, 3, 4, 5]


def test_lock_holds_until_the_transaction_ends(fake: FakeRedshiftData) -> None:
    run(fake, "CREATE TABLE t (id BIGINT)")
    inside = threading.Event()
    events: list[str] = []

    def slow_first(sql: str) -> None:
        if sql == "INSERT INTO t VALUES (1)":
            inside.set()
            time.sleep(0.2)
            events.append("first batch ends")

    fake.after_statement = slow_first
    first = threading.Thread(target=run_batch, args=(fake, ["LOCK t", "INSERT INTO t VALUES (1)"]))
    first.start()
    assert inside.wait(60), "the first batch never took its lock"
    run_batch(fake, ["LOCK t", "INSERT INTO t VALUES (2)"])
    events.append("second batch ends")
    first.join()
    assert events == ["first batch ends", "second batch ends"]


def test_cancelling_a_statement_that_has_not_run_aborts_it(fake: FakeRedshiftData) -> None:
    run(fake, "CREATE TABLE t (id BIGINT)")
    fake.stall_statements()
    statement = fake.execute_statement(Sql="INSERT INTO t VALUES (1)", **TARGET)
    assert fake.describe_statement(Id=statement["Id"])["Status"] == "SUBMITTED"
    assert fake.cancel_statement(Id=statement["Id"]) == {"Status": True}
    assert fake.describe_statement(Id=statement["Id"])["Status"] == "ABORTED"
    counted = run(fake, "SELECT COUNT(*) FROM t")
    assert fake.get_statement_result(Id=counted["Id"])["Records"] == [[{"longValue": 0}]]


def test_a_read_only_user_cannot_write(fake: FakeRedshiftData) -> None:
    fake.readonly_users.add("reader")
    run(fake, "CREATE TABLE t (id BIGINT)")
    read = {"ClusterIdentifier": "c1", "Database": "dev", "DbUser": "reader"}
    statement = fake.execute_statement(Sql="INSERT INTO t VALUES (1)", **read)
    assert finish(fake, statement["Id"])["Status"] == "FAILED"
    statement = fake.execute_statement(Sql="SELECT COUNT(*) FROM t", **read)
    assert finish(fake, statement["Id"])["Status"] == "FINISHED"


def test_calls_are_counted_per_operation(fake: FakeRedshiftData) -> None:
    run(fake, "SELECT 1")
    assert fake.calls == {"ExecuteStatement": 1, "DescribeStatement": 3}
