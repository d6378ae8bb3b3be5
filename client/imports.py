"""Bulk import from the client: upload a file around the API, start the job, follow it.

``hrgraph import FILE --table T`` (client/cli_imports.py) and the web app use
these. The file goes to storage with one HTTP PUT to the link
``importUploadUrl`` hands out (presigned S3 in AWS, signed by the local
server here), streamed from disk; ``importTable`` then returns a job at once:
the generated BackupJob, kind IMPORT (one type, query and wait for every job),
followed with ``HrClient.wait_for_job``. What is written here by hand is what
the schema does not say: the steps' words, the upload and the rejects file.
When rows were refused, the CLI fetches the rejects file next to the local file as
``<name>.rejected.csv``, streamed: line, reason, field, message, then the cells.
The web app never holds the whole file (a 10-million-row import with a few
percent bad rows writes hundreds of MB): it reads only the file's head
(``rejects_head``, a bounded ranged GET) and hands the browser a fresh link to
the rest (``rejects_link``), which the browser fetches from storage itself.

What progress there is to show, honestly: the upload's bytes, then the job's
steps (``importStage``: STAGED, CHECKED, INSERTED, with the rows each
counted). A step is one statement over the whole file, so there is no share
of it to tell; the CLI and the web app show steps, never an invented percentage.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO
from urllib.parse import urljoin

import httpx

from client.api import HrClient
from client.errors import ApiError, from_http_status
from client.models import BackupDownload, BackupJob, Table

CHUNK_BYTES = 1 << 20

STEPS = (
    ("STAGED", "File read into a staging table", "rows read"),
    ("CHECKED", "Every row checked against the row rules", "rows checked"),
    ("INSERTED", "Accepted rows inserted, rejects written", "rows decided"),
)
"""The job's steps (schema.graphql's ImportStage) in order: name, words for a person, and
what the rows the job reports with it are."""


def steps_done(job: BackupJob) -> int:
    """How many of STEPS an IMPORT job has finished (all of them once SUCCEEDED)."""
    if job.status == "SUCCEEDED":
        return len(STEPS)
    names = [name for name, _, _ in STEPS]
    return names.index(job.import_stage) + 1 if job.import_stage in names else 0


def upload(
    api: HrClient, table: Table | str, path: Path, on_bytes: Callable[[int], None] | None = None
) -> str:
    """PUT the file to a fresh upload link, streamed from disk; the source to import."""
    with path.open("rb") as stream:
        return upload_stream(api, table, path.name, stream, path.stat().st_size, on_bytes)


def upload_stream(
    api: HrClient,
    table: Table | str,
    filename: str,
    stream: IO[bytes],
    size: int,
    on_bytes: Callable[[int], None] | None = None,
) -> str:
    """PUT ``size`` bytes of ``stream`` to a fresh upload link, a MiB at a time (``on_bytes``
    after each); the source to import. The same code for S3's presigned URL and the local link."""
    link = api.import_upload_url(Table.parse(table), filename)
    url = urljoin(api.url, link.url)

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
    return link.source


def start(
    api: HrClient,
    table: Table | str,
    source: str,
    file_format: str | None = None,
    missing_datetime: str | None = None,
) -> BackupJob:
    """Start the IMPORT job; it comes back at once, to follow with ``HrClient.wait_for_job``."""
    return api.import_table(Table.parse(table), source, file_format, missing_datetime)


def fetch_rejects(api: HrClient, finished: BackupJob, target: Path) -> Path | None:
    """Download the job's rejects file to ``target``; None when no row was refused."""
    if finished.import_result is None or not finished.import_result.rejects_source:
        return None
    with target.open("wb") as out:
        _download_rejects(api, finished.id, out)
    return target


def rejects_head(api: HrClient, finished: BackupJob, rows: int, max_bytes: int) -> bytes:
    """The rejects file's header and first ``rows`` records, byte for byte as the file has them;
    b"" if none. Read from the start only: a ranged GET of at most ``max_bytes`` (S3 and the
    local server honour it; a server that ignores it is still read no further), so what is held
    is bounded however large the file. Fewer records come back when ``max_bytes`` ends first;
    a record cut by the bound is left out whole."""
    if finished.import_result is None or not finished.import_result.rejects_source:
        return b""
    link = api.import_rejects_url(finished.id)
    ranged = {"Range": f"bytes=0-{max_bytes - 1}"}
    try:
        with httpx.stream("GET", urljoin(api.url, link.url), headers=ranged, timeout=60) as answer:
            if answer.status_code >= 300:
                raise from_http_status(answer.status_code, "the rejects file could not be read")
            return _first_records(answer.iter_bytes(), rows + 1, max_bytes)
    except httpx.HTTPError as error:
        raise from_http_status(503, f"the rejects file could not be read: {error}") from None


def rejects_link(api: HrClient, finished: BackupJob) -> BackupDownload | None:
    """A fresh link to the whole rejects file, for a browser to fetch itself (an absolute URL:
    a presigned S3 GET in AWS, the local server's signed link here); None when no row was
    refused. Anyone holding it can read the file until ``expires_at``."""
    if finished.import_result is None or not finished.import_result.rejects_source:
        return None
    link = api.import_rejects_url(finished.id)
    return replace(link, url=urljoin(api.url, link.url))


def _first_records(chunks: Iterable[bytes], records: int, max_bytes: int) -> bytes:
    """The bytes of the first ``records`` CSV records of a stream read no further than
    ``max_bytes``. Records are counted by csv itself (a quoted cell may hold a newline), and a
    record the bound cuts short is dropped rather than shown cut."""
    taken: list[bytes] = []
    cut = ended = False

    def lines() -> Iterator[str]:
        nonlocal cut, ended
        pending, read = b"", 0
        for chunk in chunks:
            chunk = chunk[: max_bytes - read]
            read += len(chunk)
            *whole, pending = (pending + chunk).split(b"\n")
            for line in whole:
                taken.append(line + b"\n")
                yield taken[-1].decode("utf-8")
            if read >= max_bytes:
                cut = True  # the pending bytes begin a line that goes on past the bound
                break
        else:
            if pending:
                taken.append(pending)
                yield pending.decode("utf-8")
        ended = True

    kept = 0
    for count, _ in enumerate(csv.reader(lines()), start=1):
        if cut and ended:
            break  # csv asked for a line past the bound in mid-record: that record is cut
        kept = len(taken)
        if count == records:
            break
    return b"".join(taken[:kept])


def _download_rejects(api: HrClient, job_id: str, out: IO[bytes]) -> None:
    link = api.import_rejects_url(job_id)
    try:
        with httpx.stream("GET", urljoin(api.url, link.url), timeout=300) as answer:
            if answer.status_code >= 300:
                raise from_http_status(answer.status_code, "the rejects file could not be read")
            for chunk in answer.iter_bytes():
                out.write(chunk)
    except httpx.HTTPError as error:
        raise from_http_status(503, f"the rejects file could not be read: {error}") from None


__all__ = [
    "STEPS",
    "ApiError",
    "fetch_rejects",
    "rejects_head",
    "rejects_link",
    "start",
    "steps_done",
    "upload",
    "upload_stream",
]
