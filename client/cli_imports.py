"""``hrgraph import FILE --table T``: a whole file loaded by the server as one job.

Where ``hrgraph load`` sends 1000-row batches through the API, ``import``
uploads the file around it (one streamed PUT), starts an IMPORT job, and
follows it with a progress bar until it ends; then it prints the rows
received, inserted and refused per reason, and saves the rejects file beside
the input (``<name>.rejected.csv``). The rules are a batch's, but a row
without a datetime is refused unless ``--missing-datetime now`` (the flag
``hrgraph load`` takes for the same rule).
"""

from __future__ import annotations

import csv
import time
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)

from client import imports
from client.cli_common import MissingDatetimeOption, UrlOption, api_client, err, out
from client.loading import Undated, rejected_path
from client.models import BackupJob, Table

if TYPE_CHECKING:
    from client.api import HrClient

FIRST_REJECTS = 5
"""Rejected rows printed after the counts (all of them are in the rejects file)."""

commands = typer.Typer()
"""Merged into the hrgraph app by client/cli.py (no import back into cli.py)."""


@commands.command("import")
def import_command(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV or Parquet.")
    ],
    table: Annotated[Table, typer.Option("--table", help="Which table the file holds.")],
    file_format: Annotated[
        str | None, typer.Option("--format", help="csv or parquet (default: from the name).")
    ] = None,
    missing: MissingDatetimeOption = Undated.REJECT,
    url: UrlOption = None,
) -> None:
    """Import a large file as one server job, with a batch's row rules (Admins only)."""
    if file_format is not None and file_format.lower() not in {"csv", "parquet"}:
        err.print(f"[red]--format[/]: csv or parquet, not {file_format!r}")
        raise typer.Exit(2)
    started = time.monotonic()
    with api_client(url) as api:
        source = _upload(api, table, file)
        job = imports.start(
            api,
            table,
            source,
            file_format.upper() if file_format else None,
            missing.name,
        )
        finished = _follow(api, table, job)
        if finished.status == "FAILED":
            err.print(f"[red]{finished.error_type}[/]: {finished.error}")
            raise typer.Exit(1)
        saved = imports.fetch_rejects(api, finished, rejected_path(file))
    _print_result(table, finished, saved, time.monotonic() - started)


def _upload(api: HrClient, table: Table, file: Path) -> str:
    """The file's bytes to the upload link, with a bar in bytes; then one line that stays."""
    size, began = file.stat().st_size, time.monotonic()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(binary_units=True),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(f"Uploading {file.name}", total=size)
        source = imports.upload(api, table.name, file, lambda n: bar.advance(task, n))
    err.print(f"✓ Uploaded {file.name}: {size / 2**20:,.1f} MiB in {time.monotonic() - began:.1f}s")
    return source


def _follow(api: HrClient, table: Table, job: BackupJob) -> BackupJob:
    """The job's steps as it reports them: a line per step finished (with the rows it counted
    when the job said so), a spinner on the one under way. No percentage: there is none."""
    printed = [0]
    began = time.monotonic()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(f"queued on the server, for {table.value}…")

        def show(current: BackupJob) -> None:
            done = imports.steps_done(current)
            for number in range(printed[0], done):
                name, words, rows = imports.STEPS[number]
                counted = ""
                if name == current.import_stage and current.rows_done is not None:
                    counted = f": {current.rows_done:,} {rows}"
                bar.console.print(f"✓ {words}{counted} ({time.monotonic() - began:.1f}s)")
            printed[0] = max(printed[0], done)
            if done < len(imports.STEPS) and not current.finished:
                words = imports.STEPS[done][1].lower()
                doing = f"step {done + 1} of {len(imports.STEPS)}: {words}…"
                if current.status == "QUEUED":
                    doing = f"queued on the server, for {table.value}…"
                bar.update(task, description=doing)

        return api.wait_for_job(job, show)


def _print_result(table: Table, finished: BackupJob, saved: Path | None, seconds: float) -> None:
    result = finished.import_result
    assert result is not None, "a SUCCEEDED import job says what it did"
    rate = result.received / seconds if seconds > 0 else 0.0
    out.print(
        f"{table.value}: received {result.received:,}, inserted {result.inserted:,}, "
        f"rejected {result.rejected:,} in {seconds:.1f}s ({rate:,.0f} rows/s)"
    )
    for counted in result.rejected_by_reason:
        out.print(f"  {counted.reason}: {counted.count:,}")
    if saved is not None:
        out.print(f"Rejected rows with reasons: {saved}")
        _print_first_rejects(saved)


def _print_first_rejects(saved: Path) -> None:
    """The first rows of the rejects file (line, reason, field, message), read, not loaded."""
    with saved.open(encoding="utf-8", newline="") as stream:
        rows = list(islice(csv.reader(stream), 1, FIRST_REJECTS + 1))
    out.print(f"First {len(rows)}:")
    for line, reason, field, message, *_ in rows:
        out.print(f"  line {line}: {reason} {field or '-'}: {escape(message)}")
