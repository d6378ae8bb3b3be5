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

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)

from client import imports
from client.cli_common import MissingDatetimeOption, UrlOption, api_client, err, out
from client.loading import Undated, rejected_path
from client.models import Table

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
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task(f"Uploading {file.name}", total=file.stat().st_size)
            source = imports.upload(api, table.name, file, lambda n: bar.advance(task, n))
        job = imports.start(
            api,
            table.name,
            source,
            file_format.upper() if file_format else None,
            missing.name,
        )
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rows]} rows · {task.fields[status]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task(f"Importing {table.value}", total=1.0, rows="0", status="queued")

            def show(current: imports.ImportJob) -> None:
                bar.update(
                    task,
                    completed=current.progress or 0.0,
                    rows=f"{current.rows_done or 0:,}",
                    status=current.status.lower(),
                )

            finished = imports.wait(api, job, show)
        if finished.status == "FAILED":
            err.print(f"[red]{finished.error_type}[/]: {finished.error}")
            raise typer.Exit(1)
        saved = imports.fetch_rejects(api, finished, rejected_path(file))
    _print_result(table, finished, saved, time.monotonic() - started)


def _print_result(
    table: Table, finished: imports.ImportJob, saved: Path | None, seconds: float
) -> None:
    result = finished.result
    assert result is not None, "a SUCCEEDED import job says what it did"
    rate = result.received / seconds if seconds > 0 else 0.0
    out.print(
        f"{table.value}: received {result.received:,}, inserted {result.inserted:,}, "
        f"rejected {result.rejected:,} in {seconds:.1f}s ({rate:,.0f} rows/s)"
    )
    for reason, count in result.by_reason.items():
        out.print(f"  {reason}: {count:,}")
    if saved is not None:
        out.print(f"Rejected rows with reasons: {saved}")
