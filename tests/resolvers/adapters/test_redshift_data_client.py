"""The Data API loop: polling, deadlines, retries, paging and typed cells (against the fake)."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers import deadline
from resolvers.adapters.redshift_data_client import Policy, StatementFailed, decode_cell
from resolvers.core.errors import Conflict, Unavailable
from tests.resolvers.adapters.redshift_support import FakeTime, calls_during, data_api

CONFLICT = "ERROR: 1023 DETAIL: Serializable isolation violation on table - 100, transactions ..."


@pytest.fixture
def fake() -> FakeRedshiftData:
    return FakeRedshiftData(page_size=3)


def test_a_statement_is_polled_until_it_finishes_with_growing_waits(fake: FakeRedshiftData) -> None:
    time = FakeTime()
    with calls_during(fake) as calls:
        done = data_api(fake, time=time).execute("SELECT 1 AS one")
    assert done.rows is not None
    assert done.rows.rows == [(1,)]
    assert calls == {"ExecuteStatement": 1, "DescribeStatement": 3, "GetStatementResult": 1}
    assert time.sleeps == sorted(time.sleeps)
    assert time.sleeps[-1] > time.sleeps[0]


def test_results_are_read_page_by_page_to_the_end(fake: FakeRedshiftData) -> None:
    api = data_api(fake)
    api.execute("CREATE TABLE numbers (n BIGINT)")
    api.execute("INSERT INTO numbers SELECT * FROM generate_series(1, 10)")
    with calls_during(fake) as calls:
        done = api.execute("SELECT n FROM numbers ORDER BY n")
    assert done.rows is not None
    assert [row[0] for row in done.rows.rows] == list(range(1, 11))
    assert calls["GetStatementResult"] == 4  # pages of 3


def test_a_statement_past_its_deadline_is_cancelled_and_reported_unavailable(
    fake: FakeRedshiftData,
) -> None:
    api = data_api(fake, policy=Policy(timeout=5.0))
    api.execute("CREATE TABLE t (n BIGINT)")
    fake.stall_statements()
    with calls_during(fake) as calls, pytest.raises(Unavailable, match="5 seconds"):
        api.execute("INSERT INTO t VALUES (1)")
    assert calls["CancelStatement"] == 1
    assert api.execute("SELECT COUNT(*) FROM t").rows.rows == [(0,)]  # type: ignore[union-attr]


def test_a_statement_gets_only_the_time_its_request_has_left(fake: FakeRedshiftData) -> None:
    # GIVEN a request (a Lambda invocation) with 3 s left and a statement timeout of 25 s
    time = FakeTime()
    api = data_api(fake, time=time, policy=Policy(timeout=25.0))
    api.execute("CREATE TABLE t (n BIGINT)")
    fake.stall_statements()
    with deadline.entered(deadline.RequestScope(3.0, clock=time.clock)):
        started = time.now
        # WHEN a statement stalls
        with calls_during(fake) as calls, pytest.raises(Unavailable):
            api.execute("INSERT INTO t VALUES (1)")
    # THEN it is cancelled when the request's time is up, not the statement's
    assert time.now - started <= 3.0
    assert calls["CancelStatement"] == 1
    assert api.execute("SELECT COUNT(*) FROM t").rows.rows == [(0,)]  # type: ignore[union-attr]


def test_two_slow_statements_together_end_within_the_request(fake: FakeRedshiftData) -> None:
    """Each statement used to get its own 25 s: two of them outlived AppSync's 30 s."""
    time = FakeTime()
    api = data_api(fake, time=time, policy=Policy(timeout=15.0))
    fake.stall_statements(2)
    with deadline.entered(deadline.RequestScope(20.0, clock=time.clock)):
        for _ in range(2):
            with contextlib.suppress(Unavailable):
                api.execute("SELECT 1")
    # the first is cut at its own 15 s, the second at the request's 5 s left
    assert time.now <= 20.0
    assert fake.calls["CancelStatement"] == 2


def test_nothing_is_submitted_once_the_request_has_no_time_left(fake: FakeRedshiftData) -> None:
    time = FakeTime()
    scope = deadline.RequestScope(0.5, clock=time.clock)
    refused = pytest.raises(Unavailable, match="nothing was run")
    with deadline.entered(scope), calls_during(fake) as calls, refused:
        data_api(fake, time=time).batch(["SELECT 1"])
    assert calls == {}


class FinishesAsCancelled(FakeRedshiftData):
    """A statement that ends in the instant between the deadline and the cancel."""

    def cancel_statement(self, **request: Any) -> dict[str, Any]:
        statement, _ = self._find("CancelStatement", request["Id"])
        statement.stalled = False
        self.describe_statement(Id=request["Id"])  # runs it to the end
        return super().cancel_statement(**request)  # ValidationException: already FINISHED


def test_a_statement_that_finished_as_it_was_cancelled_keeps_its_result() -> None:
    fake = FinishesAsCancelled()
    api = data_api(fake, policy=Policy(timeout=5.0))
    api.execute("CREATE TABLE t (n BIGINT)")
    fake.stall_statements()
    done = api.execute("INSERT INTO t VALUES (1)")
    assert done.result_rows == 1  # it committed: saying it failed would be a lie
    assert api.execute("SELECT COUNT(*) FROM t").rows.rows == [(1,)]  # type: ignore[union-attr]


def test_a_cancelled_request_cancels_its_running_statement(fake: FakeRedshiftData) -> None:
    """The local server cancels a scope when its client goes away."""
    scope = deadline.RequestScope(60.0)
    time = FakeTime()

    def sleep_then_give_up(seconds: float) -> None:
        time.sleep(seconds)
        scope.cancel("the client went away")

    api = replace(data_api(fake, time=time), sleep=sleep_then_give_up)
    fake.stall_statements()
    with deadline.entered(scope), pytest.raises(Unavailable):
        api.execute("SELECT 1")
    assert fake.calls["CancelStatement"] == 1
    assert time.now < 1.0  # at the next poll, not at the statement's 60 s


@pytest.mark.parametrize(
    "code", ["ThrottlingException", "ActiveStatementsExceededException", "InternalServerException"]
)
def test_throttling_and_capacity_errors_are_retried_with_jitter(
    fake: FakeRedshiftData, code: str
) -> None:
    time = FakeTime()
    fake.fail_requests("ExecuteStatement", code, times=2)
    fake.fail_requests("DescribeStatement", code, times=1)
    done = data_api(fake, time=time).execute("SELECT 2")
    assert done.rows is not None
    assert done.rows.rows == [(2,)]
    assert fake.calls["ExecuteStatement"] == 3


def test_retries_end_and_the_warehouse_is_reported_unavailable(fake: FakeRedshiftData) -> None:
    fake.fail_requests("ExecuteStatement", "ThrottlingException", times=50)
    with pytest.raises(Unavailable, match="ThrottlingException"):
        data_api(fake).execute("SELECT 1")
    assert fake.calls["ExecuteStatement"] == Policy().request_attempts


def test_errors_that_retrying_cannot_fix_are_not_retried(fake: FakeRedshiftData) -> None:
    fake.fail_requests("ExecuteStatement", "AccessDeniedException")
    with pytest.raises(Unavailable, match="AccessDeniedException"):
        data_api(fake).execute("SELECT 1")
    assert fake.calls["ExecuteStatement"] == 1


def test_a_failed_statement_is_unavailable_with_redshifts_error_kept(
    fake: FakeRedshiftData,
) -> None:
    with pytest.raises(StatementFailed) as failed:
        data_api(fake).execute("SELECT * FROM no_such_table")
    assert 'relation "no_such_table" does not exist' in failed.value.detail
    assert isinstance(failed.value, Unavailable)
    assert "no_such_table" not in failed.value.message  # nothing internal reaches a client


def test_serialization_conflicts_are_resubmitted(fake: FakeRedshiftData) -> None:
    api = data_api(fake)
    api.execute("CREATE TABLE t (n BIGINT)")
    fake.fail_statements(CONFLICT, times=Policy().conflict_attempts - 1, matching="INSERT")
    api.batch(["LOCK t", "INSERT INTO t VALUES (1)"])
    assert api.execute("SELECT n FROM t").rows.rows == [(1,)]  # type: ignore[union-attr]


def test_persistent_serialization_conflicts_become_conflict(fake: FakeRedshiftData) -> None:
    api = data_api(fake)
    api.execute("CREATE TABLE t (n BIGINT)")
    fake.fail_statements(CONFLICT, times=10, matching="INSERT")
    with pytest.raises(Conflict):
        api.execute("INSERT INTO t VALUES (1)")
    assert fake.calls["ExecuteStatement"] == 1 + Policy().conflict_attempts


def test_a_failing_batch_leaves_nothing_behind(fake: FakeRedshiftData) -> None:
    api = data_api(fake)
    api.execute("CREATE TABLE t (n BIGINT NOT NULL)")
    with pytest.raises(StatementFailed):
        api.batch(["INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (NULL)"])
    assert api.execute("SELECT COUNT(*) FROM t").rows.rows == [(0,)]  # type: ignore[union-attr]


def test_typed_cells_decode_to_the_values_duckdb_returns(fake: FakeRedshiftData) -> None:
    sql = (
        "SELECT CAST(7 AS BIGINT) AS i8, CAST(7 AS INTEGER) AS i4,"
        " CAST(1.5 AS DOUBLE PRECISION) AS f8,"
        " CAST(12.30 AS NUMERIC(10, 2)) AS num, CAST('2021-07-27 16:02:08.25' AS TIMESTAMP) AS ts,"
        " CAST('2021-07-27' AS DATE) AS d, 'text' AS s, TRUE AS b, CAST(NULL AS BIGINT) AS nothing,"
        " EXTRACT(QUARTER FROM CAST('2021-07-27' AS TIMESTAMP)) AS q"
    )
    done = data_api(fake).execute(sql)
    assert done.rows is not None
    assert done.rows.rows == [
        (
            7,
            7,
            1.5,
            Decimal("12.30"),
            datetime(2021, 7, 27, 16, 2, 8, 250000),
            date(2021, 7, 27),
            "text",
            True,
            None,
            3,
        )
    ]
    assert [type(v) for v in done.rows.rows[0][:4]] == [int, int, float, Decimal]


@pytest.mark.parametrize(
    ("field", "type_name", "value"),
    [
        ({"longValue": 5}, "int8", 5),
        ({"doubleValue": 2.5}, "float8", 2.5),
        ({"stringValue": "3.10"}, "numeric", Decimal("3.10")),
        ({"stringValue": "2021-01-02 03:04:05"}, "timestamp", datetime(2021, 1, 2, 3, 4, 5)),
        (
            {"stringValue": "2021-01-02 03:04:05.5"},
            "timestamp",
            datetime(2021, 1, 2, 3, 4, 5, 500000),
        ),
        ({"booleanValue": False}, "bool", False),
        ({"stringValue": "x"}, "varchar", "x"),
        ({"isNull": True}, "int8", None),
    ],
)
def test_cells_from_the_real_service_decode(
    field: dict[str, object], type_name: str, value: object
) -> None:
    assert decode_cell(field, type_name) == value
