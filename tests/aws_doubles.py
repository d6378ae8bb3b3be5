"""Credentials that can reach nothing: every boto3 client a test builds meets moto or a Stubber."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import boto3
import pytest
from moto import mock_aws

DUMMY_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
}


def use_dummy_aws(monkeypatch: pytest.MonkeyPatch, region: str = "eu-west-1") -> None:
    """This test's boto3 clients get the dummy credentials and ``region``."""
    for name, value in {**DUMMY_CREDENTIALS, "AWS_DEFAULT_REGION": region}.items():
        monkeypatch.setenv(name, value)


@contextmanager
def moto_bucket(monkeypatch: pytest.MonkeyPatch, bucket: str) -> Iterator[Any]:
    """moto in place of S3, one bucket made: nothing leaves the machine. Yields the client."""
    use_dummy_aws(monkeypatch)
    with mock_aws():
        client = boto3.client("s3")
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        yield client
