"""Bulk import from the client: upload a file around the API, start the job, follow it.

``hrgraph import FILE --table T`` (client/cli_imports.py) and the web app use
these. The file goes to storage with one HTTP PUT to the link
``importUploadUrl`` hands out (presigned S3 in AWS, signed by the local
server here), streamed from disk; ``importTable`` then returns a job at once,
followed here by polling ``backupJob`` (the same job query backups use).
When rows were refused, the rejects file is fetched next to the local file
as ``<name>.rejected.csv``: line, reason, field, message, then the cells.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import httpx

from client.errors import ApiError, NotFound, from_http_status

if TYPE_CHECKING:
    from client.api import HrClient

CHUNK_BYTES = 1 << 20


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
        )


def upload(
    api: HrClient, table: str, path: Path, on_bytes: Callable[[int], None] | None = None
) -> str:
    """PUT the file to a fresh upload link, streamed from disk; the source to import."""
    link = api.execute("importUploadUrl", {"table": table, "filename": path.name})
    url = urljoin(api.url, str(link["url"]))

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK_BYTES):
                if on_bytes is not None:
                    on_bytes(len(chunk))
                yield chunk

    size = str(path.stat().st_size)
    try:
        answer = httpx.put(url, content=chunks(), headers={"Content-Length": size}, timeout=300)
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
    interval: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
) -> ImportJob:
    """Poll until the job is SUCCEEDED or FAILED; ``on_change`` sees every new state."""
    current = started
    if on_change is not None:
        on_change(current)
    while not current.finished:
        sleep(interval)
        found = job(api, current.id)
        if found != current and on_change is not None:
            on_change(found)
        current = found
    return current


def fetch_rejects(api: HrClient, finished: ImportJob, target: Path) -> Path | None:
    """Download the job's rejects file to ``target``; None when no row was refused."""
    if finished.result is None or not finished.result.rejects_source:
        return None
    link = api.execute("importRejectsUrl", {"id": finished.id})
    try:
        with httpx.stream("GET", urljoin(api.url, str(link["url"])), timeout=300) as answer:
            if answer.status_code >= 300:
                raise from_http_status(answer.status_code, "the rejects file could not be read")
            with target.open("wb") as out:
                for chunk in answer.iter_bytes():
                    out.write(chunk)
    except httpx.HTTPError as error:
        raise from_http_status(503, f"the rejects file could not be read: {error}") from None
    return target


__all__ = ["ApiError", "ImportJob", "ImportResult", "fetch_rejects", "job", "start", "upload"]
