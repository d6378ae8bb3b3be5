"""Backups of Redshift at scale: UNLOAD to Parquet, streamed to Avro in constant memory.

Paging a table through GetStatementResult moves about 100 rows a call and is
bounded by the Data API's result size; a job of a million rows would take
hours. Instead the worker has Redshift write the snapshot itself:

1. ``UNLOAD ('SELECT ...') TO 's3://<bucket>/<staging prefix><run>/' IAM_ROLE ...
   FORMAT AS PARQUET MAXFILESIZE 64 MB`` as the writer user: one statement, so
   one consistent read (Redshift's snapshot of the table at that moment);
2. each part is downloaded to scratch disk (Parquet needs its footer, so a
   part cannot be read as a forward-only stream), read with pyarrow's
   ``iter_batches`` a chunk at a time, turned into the rows the core's Avro
   writer (fastavro) takes, and removed; memory holds one batch, disk one part;
3. the staging objects are deleted at the end, whether the backup succeeded
   or not (the bucket's lifecycle rule expires anything a crash left).

Restores are unchanged: ``COPY ... FORMAT AS AVRO`` (resolvers/adapters/redshift_backup.py).
"""

from __future__ import annotations

import logging
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from resolvers.adapters import sql_common as q
from resolvers.adapters import sqltext
from resolvers.adapters.redshift_data_client import DataApi
from resolvers.adapters.redshift_literals import quote_string
from resolvers.core.errors import Unavailable
from resolvers.core.ports import Row
from resolvers.core.tables import COLUMNS, Table

log = logging.getLogger(__name__)


@dataclass
class UnloadStaging:
    """Where UNLOAD writes parts (bucket, key prefix), the role it writes as, who reads them."""

    bucket: str
    prefix: str
    role_arn: str
    s3_client: Any = None
    scratch_dir: str | None = None
    """Where one part at a time is downloaded (default: the system's temp dir, /tmp in Lambda)."""

    def client(self) -> Any:
        if self.s3_client is None:
            import boto3

            self.s3_client = boto3.client("s3")
        return self.s3_client


def snapshot(
    api: DataApi, staging: UnloadStaging, table: Table, chunk_rows: int
) -> Iterator[list[Row]]:
    """The port's ``snapshot`` through UNLOAD: chunks of rows, datetimes as epoch milliseconds."""
    run = f"{staging.prefix}{table.value}-{uuid.uuid4().hex}/"
    select = sqltext.redshift("backup/snapshot_select", table=table.value, columns=q.columns(table))
    unload = sqltext.redshift(
        "backup/unload_parquet",
        select=quote_string(select),
        target=quote_string(f"s3://{staging.bucket}/{run}"),
        role=quote_string(staging.role_arn),
    )
    try:
        api.execute(unload)
        for key in _parts(staging, run):
            yield from _read_part(staging, key, table, chunk_rows)
    finally:
        _delete_quietly(staging, run)


def _parts(staging: UnloadStaging, run: str) -> list[str]:
    keys: list[str] = []
    try:
        pages = (
            staging.client()
            .get_paginator("list_objects_v2")
            .paginate(Bucket=staging.bucket, Prefix=run)
        )
        for page in pages:
            keys.extend(item["Key"] for item in page.get("Contents", []))
    except (BotoCoreError, ClientError) as error:
        raise Unavailable(f"cannot list the unloaded parts in S3: {error}") from error
    return sorted(k for k in keys if k.endswith(".parquet"))


def _read_part(
    staging: UnloadStaging, key: str, table: Table, chunk_rows: int
) -> Iterator[list[Row]]:
    import pyarrow.parquet as pq

    names = list(COLUMNS[table])
    with tempfile.TemporaryDirectory(dir=staging.scratch_dir, prefix="hrgraph-unload-") as folder:
        path = Path(folder) / "part.parquet"
        try:
            staging.client().download_file(staging.bucket, key, str(path))
        except (BotoCoreError, ClientError) as error:
            raise Unavailable(f"cannot read an unloaded part from S3: {error}") from error
        parquet = pq.ParquetFile(path)
        try:
            for batch in parquet.iter_batches(batch_size=chunk_rows, columns=names):
                yield _rows(batch, names)
        finally:
            parquet.close()


def _rows(batch: Any, names: list[str]) -> list[Row]:
    """A record batch as the core's rows; timestamps become epoch milliseconds (UTC)."""
    import pyarrow as pa

    columns = []
    for name in names:
        column = batch.column(name)
        if pa.types.is_timestamp(column.type):
            # Redshift keeps microseconds; backups keep milliseconds, as timestamp-millis does.
            column = column.cast(pa.timestamp("ms"), safe=False).cast(pa.int64())
        columns.append(column)
    rows: list[Row] = pa.RecordBatch.from_arrays(columns, names=names).to_pylist()
    return rows


def _delete_quietly(staging: UnloadStaging, run: str) -> None:
    """Best effort: a part left behind expires by the bucket's lifecycle rule (staging/, 1 day)."""
    try:
        client = staging.client()
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=staging.bucket, Prefix=run)
        for page in pages:
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if keys:
                client.delete_objects(
                    Bucket=staging.bucket, Delete={"Objects": keys, "Quiet": True}
                )
    except (BotoCoreError, ClientError):
        log.warning("could not delete the staging parts under %s; the lifecycle rule will", run)
