"""Uploads to import on S3: a presigned PUT that an S3 server (moto's, over real HTTP) takes.

moto's server does not check signatures, so what the URL grants is botocore's to sign; these
tests hold what is ours: the operation (PutObject), the key, the lifetime, and the reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import httpx
import pytest
from botocore.config import Config

from resolvers.adapters.s3_store import S3BackupStore
from resolvers.core import imports
from resolvers.core.errors import NotFound
from tests.aws_doubles import use_dummy_aws
from tests.client.cognito_server import moto_server  # noqa: F401  (the fixture)

BUCKET = "hrgraph-uploads"


@pytest.fixture
def store(moto_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[S3BackupStore]:  # noqa: F811
    use_dummy_aws(monkeypatch)
    options: dict[str, Any] = {"region_name": "eu-west-1", "endpoint_url": moto_server}
    client = boto3.client("s3", **options)
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    made = S3BackupStore(BUCKET, "backups/", client=client)
    # Path-style URLs: the server is 127.0.0.1, not <bucket>.s3.amazonaws.com.
    config = Config(signature_version="s3v4", s3={"addressing_style": "path"})
    made._signer = boto3.client("s3", config=config, **options)
    yield made
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_a_file_put_to_the_presigned_url_is_there_to_import(store: S3BackupStore) -> None:
    source = imports.new_source("hired employees.csv")
    assert not store.upload_exists(source)
    url = store.upload_url(source, 60)
    assert "X-Amz-Expires=60" in url and "X-Amz-Signature=" in url
    answer = httpx.put(url, content=b"id,name\r\n1,Ann\r\n", timeout=10)
    assert answer.status_code == 200, answer.text
    assert store.upload_exists(source)
    assert store.upload_head(source, 8) == b"id,name\r"
    assert store.upload_location(source) == f"s3://{BUCKET}/{source}"


def test_a_source_outside_uploads_is_refused(store: S3BackupStore) -> None:
    with pytest.raises(NotFound):
        store.upload_url("backups/x.avro", 60)
