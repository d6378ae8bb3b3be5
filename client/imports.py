"""Bulk import from the client: upload a file around the API, start the job, follow it.

``hrgraph import FILE --table T`` (client/cli_imports.py) and the web app use
these. The file goes to storage with one HTTP PUT to the link
``importUploadUrl`` hands out (presigned S3 in AWS, signed by the local
server here), streamed from disk; ``importTable`` then returns a job at once,
followed here by polling ``backupJob`` (the same job query backups use),
often at first and less so as it runs. When rows were refused, the rejects
file is fetched next to the local file as ``<name>.rejected.csv`` (or into
memory, for the web app): line, reason, field, message, then the cells.

What progress there is to show, honestly: the upload's bytes, then the job's
steps (``importStage``: STAGED, CHECKED, INSERTED, with the rows each
counted). A step is one statement over the whole file, so there is no share
of it to tell; the CLI and the web app show steps, never an invented percentage.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin

import httpx

from client.api import POLL_FIRST_SECONDS, POLL_MOST_SECONDS, HrClient
from client.errors import ApiError, NotFound, from_http_status

CHUNK_BYTES = 1 << 20

STEPS = (
    ("STAGED", "File read into a staging table", "rows read"),
    ("CHECKED", "Every row checked against the row rules", "rows checked"),
    ("INSERTED", "Accepted rows inserted, rejects written", "rows decided"),
)
"""The job's steps (schema.graphql's ImportStage) in order: name, words for a person, and
what the rows the job reports with it are."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    source: str
    received: int
    inserted: int
    rejected: int
    by_reason: dict[str, int] = field(default_factory=dict)
    rejects_source: str | None = None


@dataclass(frozen=True, slots=True)
class ImportJob:
    """An IMPORT job as the API reports it (schema.graphql's BackupJob, kind IMPORT)."""

    id: str
    status: str
    progress: float | None
    rows_done: int | None
    error: str | None
    error_type: str | None
    result: ImportResult | None
    stage: str | None = None
    """The last step finished (STEPS); None before the first."""

    @property
    def finished(self) -> bool:
        return self.status in {"SUCCEEDED", "FAILED"}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportJob:
        found = data.get("importResult")
        result = None
        if found:
            result = ImportResult(
                source=str(found["source"]),
                received=int(found["received"]),
                inserted=int(found["inserted"]),
                rejected=int(found["rejected"]),
                by_reason={str(r["reason"]): int(r["count"]) for r in found["rejectedByReason"]},
                rejects_source=found.get("rejectsSource"),
            )
        progress, rows = data.get("progress"), data.get("rowsDone")
        return cls(
            id=str(data["id"]),
            status=str(data["status"]),
            progress=None if progress is None else float(progress),
            rows_done=None if rows is None else int(rows),
            error=data.get("error"),
            error_type=data.get("errorType"),
            result=result,
            stage=data.get("importStage"),
        )

    def steps_done(self) -> int:
        """How many of STEPS are finished (all of them once SUCCEEDED)."""
        if self.status == "SUCCEEDED":
            return len(STEPS)
        names = [name for name, _, _ in STEPS]
        return names.index(self.stage) + 1 if self.stage in names else 0


def upload(
    api: HrClient, table: str, path: Path, on_bytes: Callable[[int], None] | None = None
) -> str:
    """PUT the file to a fresh upload link, streamed from disk; the source to import."""
    with path.open("rb") as stream:
        return upload_stream(api, table, path.name, stream, path.stat().st_size, on_bytes)


def upload_stream(
    api: HrClient,
    table: str,
    filename: str,
    stream: IO[bytes],
    size: int,
    on_bytes: Callable[[int], None] | None = None,
) -> str:
    """PUT ``size`` bytes of ``stream`` to a fresh upload link, a MiB at a time (``on_bytes``
    after each); the source to import. The same code for S3's presigned URL and the local link."""
    link = api.execute("importUploadUrl", {"table": table, "filename": filename})
    url = urljoin(api.url, str(link["url"]))

    def chunks() -> Iterator[bytes]:
        while chunk := stream.read(CHUNK_BYTES):
            if on_bytes is not None:
                on_bytes(len(chunk))
            yield chunk

    try:
        answer = httpx.put(
            url, content=chunks(), headers={"Content-Length": str(size)}, timeout=300
        )
    except httpx.HTTPError as error:
        raise from_http_status(503, f"the upload failed: {error}") from None
    if answer.status_code >= 300:
        raise from_http_status(answer.status_code, f"the upload was refused: {answer.text[:200]}")
    return str(link["source"])


def start(
    api: HrClient,
    table: str,
    source: str,
    file_format: str | None = None,
    missing_datetime: str | None = None,
) -> ImportJob:
    variables = {
        "table": table,
        "source": source,
        "format": file_format,
        "missingDatetime": missing_datetime,
    }
    return ImportJob.from_json(api.execute("importTable", variables))


def job(api: HrClient, job_id: str) -> ImportJob:
    data = api.execute("backupJob", {"id": job_id})
    if not data:
        raise NotFound(f"job {job_id} no longer exists")
    return ImportJob.from_json(data)


def wait(
    api: HrClient,
    started: ImportJob,
    on_change: Callable[[ImportJob], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> ImportJob:
    """Poll until the job is SUCCEEDED or FAILED; ``on_change`` sees every new state
    (as often as HrClient.wait_for_job polls, whose schedule this shares)."""
    current = started
    if on_change is not None:
        on_change(current)
    interval = POLL_FIRST_SECONDS
    while not current.finished:
        sleep(interval)
        interval = min(interval * 1.5, POLL_MOST_SECONDS)
        found = job(api, current.id)
        if found != current and on_change is not None:
            on_change(found)
        current = found
    return current


def fetch_rejects(api: HrClient, finished: ImportJob, target: Path) -> Path | None:
    """Download the job's rejects file to ``target``; None when no row was refused."""
    if finished.result is None or not finished.result.rejects_source:
        return None
    with target.open("wb") as out:
        _download_rejects(api, finished.id, out)
    return target


def rejects_bytes(api: HrClient, finished: ImportJob) -> bytes:
    """The job's rejects file in memory (the web app offers it as a download); b"" if none."""
    if finished.result is None or not finished.result.rejects_source:
        return b""
    buffer = io.BytesIO()
    _download_rejects(api, finished.id, buffer)
    return buffer.getvalue()


def _download_rejects(api: HrClient, job_id: str, out: IO[bytes]) -> None:
    link = api.execute("importRejectsUrl", {"id": job_id})
    try:
        with httpx.stream("GET", urljoin(api.url, str(link["url"])), timeout=300) as answer:
            if answer.status_code >= 300:
                raise from_http_status(answer.status_code, "the rejects file could not be read")
            for chunk in answer.iter_bytes():
                out.write(chunk)
    except httpx.HTTPError as error:
        raise from_http_status(503, f"the rejects file could not be read: {error}") from None


__all__ = [
    "STEPS",
    "ApiError",
    "ImportJob",
    "ImportResult",
    "fetch_rejects",
    "job",
    "rejects_bytes",
    "start",
    "upload",
    "upload_stream",
    "wait",
]
