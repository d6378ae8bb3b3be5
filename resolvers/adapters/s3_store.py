"""The BackupStore on S3: ``<prefix><id>.avro`` and ``<prefix><id>.manifest.json``.

- Streaming: the data file goes up as a multipart upload in 8 MiB parts while
  the backup is written, so memory holds one part, whatever the table's size;
  a backup smaller than one part is a single PutObject. A failed backup
  aborts its upload, and S3 shows nothing (an incomplete multipart upload is
  no object).
- Every PutObject and CreateMultipartUpload asks for server-side encryption.
- The manifest is put after the data object is complete; S3 puts are atomic.
- Any failure to reach S3 (credentials, network, throttling, a missing
  bucket) is ``Unavailable``; a missing object is ``NotFound``/None. S3 says
  "missing" (404) only to a caller holding s3:ListBucket on the bucket, which
  serverless.yml grants without a prefix condition; a 403 stays Unavailable
  (it may be a real denial), never a guessed NotFound.
- An object archived to S3 Glacier Flexible Retrieval or Deep Archive answers
  GetObject with InvalidObjectState: that is a ``Conflict`` saying so (the
  bucket's lifecycle moves backups only to classes read at once).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO, TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from resolvers.core.errors import Conflict, NotFound, Unavailable

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

DATA_SUFFIX = ".avro"
MANIFEST_SUFFIX = ".manifest.json"
PART_BYTES = 8 * 1024 * 1024
"""Above S3's 5 MiB minimum part size; 10,000 parts allow 80 GB per backup."""

_MISSING = {"NoSuchKey", "404", "NotFound"}


class S3BackupStore:
    """Implements the BackupStore port on one bucket and key prefix."""

    def __init__(
        self,
        bucket: str,
        prefix: str = "backups/",
        client: S3Client | None = None,
        encryption: str = "AES256",
    ) -> None:
        if client is None:
            import boto3

            client = boto3.client("s3")
        self.bucket = bucket
        self.prefix = prefix
        self.encryption = encryption
        self._s3 = client
        self._signer: Any = None

    def location(self, backup_id: str) -> str:
        return f"s3://{self.bucket}/{self._key(backup_id, DATA_SUFFIX)}"

    @contextmanager
    def write_data(self, backup_id: str) -> Iterator[IO[bytes]]:
        upload = _MultipartUpload(self, self._key(backup_id, DATA_SUFFIX))
        with _unavailable():
            try:
                yield upload  # type: ignore[misc]
                upload.complete()
            except BaseException:
                upload.abort()
                raise

    @contextmanager
    def read_data(self, backup_id: str) -> Iterator[IO[bytes]]:
        key = self._key(backup_id, DATA_SUFFIX)
        with _unavailable():
            try:
                body = self._s3.get_object(Bucket=self.bucket, Key=key)["Body"]
            except ClientError as error:
                if _code(error) in _MISSING:
                    raise NotFound(f"backup {backup_id} has no data file") from None
                if _code(error) == "InvalidObjectState":
                    raise _archived(backup_id, error) from None
                raise
            try:
                yield _Body(body)  # type: ignore[misc]
            finally:
                body.close()

    def put_manifest(self, backup_id: str, body: bytes) -> None:
        with _unavailable():
            self._s3.put_object(
                Bucket=self.bucket,
                Key=self._key(backup_id, MANIFEST_SUFFIX),
                Body=body,
                ContentType="application/json",
                ServerSideEncryption=self.encryption,  # type: ignore[arg-type]
            )

    def get_manifest(self, backup_id: str) -> bytes | None:
        with _unavailable():
            try:
                response = self._s3.get_object(
                    Bucket=self.bucket, Key=self._key(backup_id, MANIFEST_SUFFIX)
                )
            except ClientError as error:
                if _code(error) in _MISSING:
                    return None
                raise
            data: bytes = response["Body"].read()
            return data

    def list_ids(self) -> list[str]:
        ids: list[str] = []
        with _unavailable():
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix
            )
            for page in pages:
                for item in page.get("Contents", []):
                    name = item["Key"][len(self.prefix) :]
                    if name.endswith(MANIFEST_SUFFIX) and "/" not in name:
                        ids.append(name[: -len(MANIFEST_SUFFIX)])
        return sorted(ids)

    def exists(self, backup_id: str) -> bool:
        with _unavailable():
            try:
                self._s3.head_object(Bucket=self.bucket, Key=self._key(backup_id, MANIFEST_SUFFIX))
            except ClientError as error:
                if _code(error) in _MISSING:
                    return False
                raise
        return True

    def delete(self, backup_id: str) -> None:
        """Manifest first: from then on the backup is gone, even if the data delete fails.

        On the versioned bucket a delete leaves a delete marker; the old
        versions expire by the lifecycle rule.
        """
        with _unavailable():
            for suffix in (MANIFEST_SUFFIX, DATA_SUFFIX):
                self._s3.delete_object(Bucket=self.bucket, Key=self._key(backup_id, suffix))

    def download_url(self, backup_id: str, expires_seconds: int) -> str:
        """A presigned GetObject URL (signed locally with the caller's credentials, no call)."""
        key = self._key(backup_id, DATA_SUFFIX)
        with _unavailable():
            url: str = self._presigner().generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": key,
                    "ResponseContentDisposition": f'attachment; filename="{backup_id}.avro"',
                },
                ExpiresIn=expires_seconds,
            )
        return url

    # -- uploads to import (the UploadStore port), beside the backups -----------

    def upload_url(self, source: str, expires_seconds: int) -> str:
        """A presigned PutObject URL for ``source`` (the same bucket; SSE as every put)."""
        with _unavailable():
            url: str = self._presigner().generate_presigned_url(
                "put_object",
                Params={"Bucket": self.bucket, "Key": self._upload_key(source)},
                ExpiresIn=expires_seconds,
            )
        return url

    def upload_exists(self, source: str) -> bool:
        with _unavailable():
            try:
                self._s3.head_object(Bucket=self.bucket, Key=self._upload_key(source))
            except ClientError as error:
                if _code(error) in _MISSING:
                    return False
                raise
        return True

    def upload_location(self, source: str) -> str:
        return f"s3://{self.bucket}/{self._upload_key(source)}"

    def upload_head(self, source: str, size: int) -> bytes:
        """The first ``size`` bytes by a ranged GET: the worker never reads the whole file."""
        with _unavailable():
            try:
                answer = self._s3.get_object(
                    Bucket=self.bucket, Key=self._upload_key(source), Range=f"bytes=0-{size - 1}"
                )
            except ClientError as error:
                if _code(error) in _MISSING:
                    raise NotFound(f"nothing was uploaded to {source!r}") from None
                raise
            data: bytes = answer["Body"].read()
            return data

    def upload_download_url(self, source: str, expires_seconds: int) -> str | None:
        if not self.upload_exists(source):
            return None
        name = source.rsplit("/", 1)[-1]
        with _unavailable():
            url: str = self._presigner().generate_presigned_url(
                "get_object",
                Params={
                    "Bucket": self.bucket,
                    "Key": self._upload_key(source),
                    "ResponseContentDisposition": f'attachment; filename="{name}"',
                },
                ExpiresIn=expires_seconds,
            )
        return url

    def _upload_key(self, source: str) -> str:
        """Uploads sit under ``uploads/`` at the bucket's root, apart from the backups' prefix."""
        parts = source.split("/")
        if len(parts) != 3 or parts[0] != "uploads" or not all(parts):
            raise NotFound(f"nothing was uploaded to {source!r}")
        return source

    def _presigner(self) -> Any:
        """A client that signs with SigV4 (botocore presigns S3 with legacy SigV2 by default,
        which newer regions refuse), same region and credentials as the store's client."""
        if self._signer is None:
            import boto3
            from botocore.config import Config

            self._signer = boto3.client(
                "s3",
                region_name=self._s3.meta.region_name,
                config=Config(signature_version="s3v4", s3={"addressing_style": "virtual"}),
            )
        return self._signer

    def _key(self, backup_id: str, suffix: str) -> str:
        if not backup_id or "/" in backup_id:
            raise NotFound(f"backup {backup_id!r} does not exist")
        return f"{self.prefix}{backup_id}{suffix}"


class _Body:
    """The object's byte stream; a connection lost midway is Unavailable, not damage."""

    def __init__(self, body: Any) -> None:
        self._body = body

    def read(self, size: int = -1) -> bytes:
        with _unavailable():
            data: bytes = self._body.read(None if size < 0 else size)
            return data


class _MultipartUpload:
    """A write-only stream that uploads 8 MiB parts as they fill."""

    def __init__(self, store: S3BackupStore, key: str) -> None:
        self._store = store
        self._s3 = store._s3
        self._key = key
        self._buffer = bytearray()
        self._upload_id: str | None = None
        self._parts: list[dict[str, Any]] = []

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        while len(self._buffer) >= PART_BYTES:
            self._upload_part(bytes(self._buffer[:PART_BYTES]))
            del self._buffer[:PART_BYTES]
        return len(data)

    def flush(self) -> None:
        """Parts go up when full; nothing to do until then."""

    def seekable(self) -> bool:
        return False

    def complete(self) -> None:
        store = self._store
        if self._upload_id is None:
            self._s3.put_object(
                Bucket=store.bucket,
                Key=self._key,
                Body=bytes(self._buffer),
                ServerSideEncryption=store.encryption,  # type: ignore[arg-type]
            )
            return
        if self._buffer:
            self._upload_part(bytes(self._buffer))
            self._buffer.clear()
        self._s3.complete_multipart_upload(
            Bucket=store.bucket,
            Key=self._key,
            UploadId=self._upload_id,
            MultipartUpload={"Parts": self._parts},  # type: ignore[typeddict-item]
        )

    def abort(self) -> None:
        if self._upload_id is None:
            return
        # If even the abort fails, a lifecycle rule on the bucket removes the parts.
        with suppress(BotoCoreError, ClientError):
            self._s3.abort_multipart_upload(
                Bucket=self._store.bucket, Key=self._key, UploadId=self._upload_id
            )

    def _upload_part(self, data: bytes) -> None:
        if self._upload_id is None:
            created = self._s3.create_multipart_upload(
                Bucket=self._store.bucket,
                Key=self._key,
                ServerSideEncryption=self._store.encryption,  # type: ignore[arg-type]
            )
            self._upload_id = created["UploadId"]
        number = len(self._parts) + 1
        part = self._s3.upload_part(
            Bucket=self._store.bucket,
            Key=self._key,
            UploadId=self._upload_id,
            PartNumber=number,
            Body=data,
        )
        self._parts.append({"PartNumber": number, "ETag": part["ETag"]})


@contextmanager
def _unavailable() -> Iterator[None]:
    """S3 or the way to it failing becomes Unavailable; our own errors pass through."""
    try:
        yield
    except ClientError as error:
        raise Unavailable(f"S3 refused the request ({_code(error)})") from error
    except BotoCoreError as error:
        raise Unavailable(f"S3 cannot be reached: {error}") from error


def _archived(backup_id: str, error: ClientError) -> Conflict:
    storage = str(error.response.get("Error", {}).get("StorageClass") or "an archive class")
    return Conflict(
        f"backup {backup_id} is archived in S3 ({storage}) and cannot be read until it is "
        "restored to S3 (RestoreObject, hours); restore the object, then retry",
        info={"storageClass": storage},
    )


def _code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", "unknown"))
