"""A large file on the Load page: one upload and one import job instead of batches.

Where the line falls (``IMPORT_ABOVE_ROWS``): up to 10,000 rows the batch
path serves a person best. It is at most ten requests of 1000 rows, checks
every row on the page before sending, and gives per-row verdicts to fix in
place and send again. Beyond that the batches' cost grows with the file (in
AWS each is an AppSync request, a Lambda and a Data API transaction, a second
or so, so 100,000 rows would take minutes and a stopped load leaves some
batches in), and the page's own check reads every row in Python. The import
costs the same few steps however long the file is (one PUT to a
presigned S3 URL in AWS or a signed local link here, then COPY or
``read_csv`` and the row rules in SQL, in one transaction), so above the
line it is the faster and the safer path. Measured on the local server
(hrgraph load against hrgraph import, demo data, 1% faulty): 10,000 rows take
1.0 s in batches and 1.1 s as a job, 50,000 rows 5.3 s and 1.6 s; so locally
the two meet about here, and in AWS the batches cost more. A line count is
cheap (bytes counted, nothing parsed), so the page chooses before reading any row.

What is shown while it runs is what is known: the bytes uploaded, then the
job's steps as the server reports them (``client.imports.STEPS``), each with
the rows it counted. A step is one statement over the whole file, so there is
no share of it to show, and the page shows none.

What the page keeps of the rejects is bounded, whatever the file's size: a
10-million-row file with a few percent bad rows writes a rejects file of
hundreds of MB, and a web app several people share would hold one per session
for as long as the session lives. So the page reads only the file's head (the
first ``FIRST_REJECTS`` rows within ``FIRST_REJECTS_BYTES``, by a ranged GET),
takes the total from the job's result, and offers the whole file as a link
the browser follows itself: a presigned S3 GET in AWS, the local server's
signed link here (``importRejectsUrl``), the way the Backups page offers a
backup. Streamlit's ``st.download_button`` was the other road, but it turns
whatever it is given (bytes, a file, a callable's result) into bytes kept in
the server's memory. A link lives ``HRGRAPH_DOWNLOAD_SECONDS`` (300 s by
default), so the page keeps one and renews it while the page is open
(``download_link``).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from client import imports
from client.api import HrClient
from client.loading import Undated
from client.models import BackupDownload, BackupJob, ImportResult, Table

IMPORT_ABOVE_ROWS = 10_000
"""Files with more lines than this go as one import job (see the module's docstring)."""

HEAD_BYTES = 64 * 1024
"""How much of a large file the page reads to preview it and guess its table."""

DONE, UNDER_WAY, TO_COME = (
    ":material/check_circle:",
    ":material/hourglass_top:",
    ":material/radio_button_unchecked:",
)
"""Streamlit's own icon font: the marks draw without an emoji font (Debian's chromium has none)."""

FIRST_REJECTS = 1000
"""Rejected rows shown on the page; the download holds every one."""

FIRST_REJECTS_BYTES = 2 * 2**20
"""The most of the rejects file the page reads (fewer rows are shown if it ends first):
1000 rows of ordinary width take about 100 kB, so only rows with huge cells meet it."""

LINK_CHECK_SECONDS = 30
"""How often the open page looks at its download link's remaining life."""

LINK_MARGIN = timedelta(seconds=2 * LINK_CHECK_SECONDS)
"""A link with less life than this left is renewed: a shown link works for a check at least."""


def line_count(content: bytes) -> int:
    """Lines in the file (a last line without its newline counts): the rows, give or take a
    header or a quoted newline, which is all the choice of path needs."""
    if not content:
        return 0
    return content.count(b"\n") + (0 if content.endswith(b"\n") else 1)


def is_large(content: bytes) -> bool:
    return line_count(content) > IMPORT_ABOVE_ROWS


def head(content: bytes) -> bytes:
    """The file's first whole lines within HEAD_BYTES, to preview without reading the rest."""
    if len(content) <= HEAD_BYTES:
        return content
    cut = content.rfind(b"\n", 0, HEAD_BYTES)
    return content[: cut + 1] if cut >= 0 else content[:HEAD_BYTES]


@dataclass(frozen=True)
class Imported:
    """What an import did, as the page shows it after the run that made it."""

    job: BackupJob
    first_rejects: bytes
    """The rejects file's head (its header and first rows), never the whole file."""
    upload_seconds: float
    job_seconds: float

    @property
    def result(self) -> ImportResult:
        assert self.job.import_result is not None, "a SUCCEEDED import job says what it did"
        return self.job.import_result


def run(
    api: HrClient,
    table: Table,
    file_name: str,
    content: bytes,
    undated: Undated,
    on_bytes: Callable[[int], None],
    on_change: Callable[[BackupJob], None],
) -> Imported:
    """Upload, start, follow to the end, read the rejects file's head: the CLI's ``import``."""
    began = time.monotonic()
    source = imports.upload_stream(
        api, table.name, file_name, io.BytesIO(content), len(content), on_bytes
    )
    uploaded = time.monotonic()
    started = imports.start(api, table, source, None, undated.name)
    finished = api.wait_for_job(started, on_change)
    rejects = b""
    if finished.status == "SUCCEEDED":
        rejects = imports.rejects_head(api, finished, FIRST_REJECTS, FIRST_REJECTS_BYTES)
    return Imported(finished, rejects, uploaded - began, time.monotonic() - uploaded)


def download_link(
    api: HrClient, job: BackupJob, held: BackupDownload | None
) -> BackupDownload | None:
    """The link to the whole rejects file: ``held`` while it has ``LINK_MARGIN`` of life left,
    else a fresh one (None when no row was refused)."""
    if held is not None and held.expires_at - datetime.now(UTC) > LINK_MARGIN:
        return held
    return imports.rejects_link(api, job)


def steps_markdown(job: BackupJob, seen_rows: dict[str, int]) -> str:
    """The job's steps as a checklist: done (with the rows the job counted when it said so),
    under way, or still to come. ``seen_rows`` keeps each step's count across polls."""
    if job.import_stage is not None and job.rows_done is not None:
        seen_rows.setdefault(job.import_stage, job.rows_done)
    done = imports.steps_done(job)
    lines = []
    for number, (name, words, counted) in enumerate(imports.STEPS):
        rows = f" — {seen_rows[name]:,} {counted}" if name in seen_rows else ""
        if number < done:
            lines.append(f"- {DONE} {words}{rows}")
        elif number == done and job.status == "RUNNING":
            lines.append(f"- {UNDER_WAY} {words}…")
        elif job.status == "QUEUED" and number == 0:
            lines.append(f"- {UNDER_WAY} Waiting for the server to start the job")
        else:
            lines.append(f"- {TO_COME} {words}")
    return "\n".join(lines)


def reason_rows(result: ImportResult) -> list[dict[str, object]]:
    """Rejected rows per reason, most first, for the summary table."""
    ranked = sorted(result.rejected_by_reason, key=lambda counted: -counted.count)
    return [{"reason": str(counted.reason), "rows": counted.count} for counted in ranked]
