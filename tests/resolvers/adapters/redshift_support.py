"""Shared set-up for the Redshift adapter tests: the fake Data API and an adapter on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from moto import mock_aws

from resolvers.adapters.fakes.redshift_data import FakeRedshiftData
from resolvers.adapters.redshift_data_client import Connection, DataApi, Policy
from resolvers.adapters.redshift_warehouse import RedshiftWarehouse

DUMMY_AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "eu-west-1",
}
"""Credentials that can reach nothing: boto3 clients are built, never used against AWS."""

COPY_ROLE = "arn:aws:iam::123456789012:role/redshift-copy"
"""The role Redshift assumes for COPY and UNLOAD (the fake checks it is passed)."""


@contextmanager
def moto_bucket(monkeypatch: pytest.MonkeyPatch, bucket: str) -> Iterator[Any]:
    """moto in place of S3, one bucket made, dummy credentials: nothing leaves the machine."""
    for name, value in DUMMY_AWS.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        client = boto3.client("s3")
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        yield client


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
