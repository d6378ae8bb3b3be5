"""Shared set-up for the Redshift adapter tests: the fake Data API and an adapter on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters.redshift_data_client import Connection, DataApi, Policy
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse

COPY_ROLE = "arn:aws:iam::123456789012:role/redshift-copy"
"""The role Redshift assumes for COPY and UNLOAD (the fake checks it is passed)."""


WRITER = Connection("dev", workgroup="hrgraph", secret_arn="arn:aws:secretsmanager:writer")
READER = Connection("dev", workgroup="hrgraph", secret_arn="arn:aws:secretsmanager:reader")


@dataclass
class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    now: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


def data_api(
    fake: FakeRedshiftData,
    connection: Connection = WRITER,
    time: FakeTime | None = None,
    policy: Policy | None = None,
) -> DataApi:
    time = time or FakeTime()
    return DataApi(
        fake,
        connection,
        policy or Policy(),
        sleep=time.sleep,
        clock=time.clock,
        jitter=lambda: 0.5,
    )


def warehouse_on(fake: FakeRedshiftData, *, readonly: bool = False) -> RedshiftWarehouse:
    reader = data_api(fake, READER) if readonly else None
    warehouse = RedshiftWarehouse(data_api(fake), reader)
    warehouse.create_tables()
    return warehouse


@contextmanager
def calls_during(fake: FakeRedshiftData) -> Iterator[dict[str, int]]:
    """``with calls_during(fake) as calls``: the Data API calls made inside the block."""
    before = dict(fake.calls)
    counted: dict[str, int] = {}
    yield counted
    counted.update(
        {op: n - before.get(op, 0) for op, n in fake.calls.items() if n - before.get(op, 0)}
    )
