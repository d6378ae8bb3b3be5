"""client/imports.py against the live local server: the rejects file's head, read bounded,
and the link to the whole of it (what the web app uses instead of holding the file)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from client import imports
from client.api import HrClient
from client.models import BackupJob
from tests.conftest import LiveServer


@pytest.fixture
def api(live_server: LiveServer) -> Iterator[HrClient]:
    with HrClient(live_server.url, live_server.token) as client:
        yield client


def imported(api: HrClient, folder: Path, content: bytes) -> BackupJob:
    """``content`` imported into departments; the finished job."""
    path = folder / "departments.csv"
    path.write_bytes(content)
    source = imports.upload(api, "departments", path)
    finished = api.wait_for_job(imports.start(api, "departments", source), interval=0.05)
    assert finished.status == "SUCCEEDED", finished.error
    return finished


def whole_file(api: HrClient, job: BackupJob, folder: Path) -> bytes:
    saved = imports.fetch_rejects(api, job, folder / "all.rejected.csv")
    assert saved is not None
    return saved.read_bytes()


def records(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode(), newline="")))


def duplicates(count: int, name: str = "Again") -> bytes:
    """Department 1, then ``count`` more rows with id 1: each a DUPLICATE_IN_BATCH reject."""
    rows = [["1", "Sales"]] + [["1", f"{name} {n}"] for n in range(count)]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def test_the_head_is_the_files_header_and_first_rows_byte_for_byte(
    api: HrClient, tmp_path: Path
) -> None:
    job = imported(api, tmp_path, duplicates(50))
    whole = whole_file(api, job, tmp_path)
    head = imports.rejects_head(api, job, rows=10, max_bytes=1 << 20)
    assert whole.startswith(head)
    assert records(head) == records(whole)[:11]


def test_the_byte_bound_ends_the_head_at_the_last_whole_row_within_it(
    api: HrClient, tmp_path: Path
) -> None:
    job = imported(api, tmp_path, duplicates(50))
    whole = whole_file(api, job, tmp_path)
    lines = whole.splitlines(keepends=True)
    bound = len(b"".join(lines[:3])) + len(lines[3]) // 2  # the header, two rows, half a third
    head = imports.rejects_head(api, job, rows=10, max_bytes=bound)
    assert head == b"".join(lines[:3])


def test_a_row_whose_cell_holds_a_newline_is_never_cut_in_two(
    api: HrClient, tmp_path: Path
) -> None:
    """csv counts the rows, not the lines: a row the byte bound ends inside is left out."""
    job = imported(api, tmp_path, duplicates(5, name="Two\nlines"))
    whole = whole_file(api, job, tmp_path)
    rows = records(whole)
    assert "Two\nlines 0" in rows[1]  # the rejects file keeps the cell as it was
    first_row_ends = whole.index(b"lines 0") + len(b"lines 0")
    head = imports.rejects_head(api, job, rows=10, max_bytes=first_row_ends - 4)
    assert records(head) == rows[:1]  # the header alone: the first row did not fit whole
    head = imports.rejects_head(api, job, rows=2, max_bytes=1 << 20)
    assert records(head) == rows[:3]


def test_the_link_serves_the_whole_file_and_a_clean_import_has_neither(
    api: HrClient, tmp_path: Path
) -> None:
    job = imported(api, tmp_path, duplicates(20))
    link = imports.rejects_link(api, job)
    assert link is not None and link.url.startswith("http")  # absolute: for a browser
    assert httpx.get(link.url).content == whole_file(api, job, tmp_path)

    clean = imported(api, tmp_path, b"7,Research\r\n")
    assert imports.rejects_link(api, clean) is None
    assert imports.rejects_head(api, clean, rows=10, max_bytes=1 << 20) == b""
