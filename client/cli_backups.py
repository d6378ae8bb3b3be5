"""``hrgraph backup``, ``restore``, ``backups``, ``backup-delete`` and ``backup-download``.

A backup or restore is a job on the server: the command starts it (the
request returns at once), then follows it with a progress bar on stderr
until it is SUCCEEDED or FAILED, and says what failed with its errorType
(exit 1). ``restore`` names the exact backup it will use (the latest of the
table unless --backup-id) and asks before replacing the table, unless --yes;
the id it confirmed is the id it sends, so a backup taken in between cannot
slip in. ``backup-delete`` also deletes a backup ``backups`` names as
unreadable (deleteUnreadableBackup), after asking the same way.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import httpx
import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from client.api import HrClient, job_failure
from client.cli_common import JsonOption, UrlOption, api_client, err, out
from client.errors import ValidationError
from client.models import Backup, BackupJob, Table

CodecOption = Annotated[
    str, typer.Option("--codec", help="Avro block codec: deflate (default) or snappy.")
]

commands = typer.Typer()
"""Merged into the hrgraph app by client/cli.py (no import back into cli.py)."""


def _describe(backup: Backup) -> str:
    when = backup.created_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    who = f" by {backup.created_by}" if backup.created_by else ""
    return f"{backup.id} ({backup.rows:,} rows, {_size(backup.bytes)}, {when}{who})"


def _size(count: int) -> str:
    size = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def follow(api: HrClient, job: BackupJob, label: str, total: int | None) -> BackupJob:
    """Show the job's progress until it ends; a FAILED job exits 1 with its errorType."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rows]} rows · {task.fields[status]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=1.0, rows="0", status=job.status.lower())

        def show(current: BackupJob) -> None:
            share = current.progress
            if share is None and total and current.rows_done is not None:
                share = min(current.rows_done / total, 1.0)
            bar.update(
                task,
                completed=share or 0.0,
                rows=f"{current.rows_done or 0:,}",
                status=current.status.lower(),
            )

        finished = api.wait_for_job(job, show)
    if finished.failed:
        failure = job_failure(finished)
        err.print(f"[red]{failure.error_type}[/]: {failure.message}")
        raise typer.Exit(1)
    return finished


@commands.command("backup")
def backup_command(
    table: Annotated[Table, typer.Argument(help="The table to back up.")],
    codec: CodecOption = "deflate",
    url: UrlOption = None,
) -> None:
    """Write one consistent snapshot of a table to an Avro backup (Admins only)."""
    if codec.lower() not in {"deflate", "snappy"}:
        err.print(f"[red]--codec[/]: deflate or snappy, not {codec!r}")
        raise typer.Exit(2)
    with api_client(url) as api:
        started = time.monotonic()
        job = api.backup_table(table, codec)
        done = follow(api, job, f"Backing up {table.value}", None)
        seconds = time.monotonic() - started
    made = done.backup
    assert made is not None, "a SUCCEEDED backup job names its backup"
    rate = made.rows / seconds if seconds > 0 else 0.0
    out.print(f"Backed up {table.value}: {_describe(made)} in {seconds:.1f}s ({rate:,.0f} rows/s)")
    out.print(f"  sha256 {made.sha256}  {made.codec.lower()}  {made.location}")


@commands.command("restore")
def restore_command(
    table: Annotated[Table, typer.Argument(help="The table to replace.")],
    backup_id: Annotated[
        str | None,
        typer.Option("--backup-id", help="Which backup (default: the latest of the table)."),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Replace without asking.")] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Restore departments/jobs even if employees reference missing ids."
        ),
    ] = False,
    url: UrlOption = None,
) -> None:
    """Replace every row of a table with a verified backup, all at once (Admins only)."""
    with api_client(url) as api:
        chosen = api.backup(backup_id) if backup_id else next(iter(api.iter_backups(table)), None)
        if chosen is None:
            missing = f"backup {backup_id}" if backup_id else f"a backup of {table.value}"
            err.print(f"[red]NotFound[/]: there is no {missing}")
            raise typer.Exit(1)
        question = f"Replace every row of {table.value} with backup {_describe(chosen)}?"
        if not yes and not typer.confirm(question, default=False, err=True):
            err.print("Nothing changed.")
            raise typer.Exit(1)
        started = time.monotonic()
        job = api.restore_table(table, chosen.id, force or None)
        done = follow(api, job, f"Restoring {table.value}", chosen.rows)
        seconds = time.monotonic() - started
    result = done.restore
    assert result is not None, "a SUCCEEDED restore job names what it restored"
    out.print(
        f"Restored {table.value} from {result.backup_id}: {result.rows_restored:,} rows "
        f"(was {result.previous_rows:,}) in {seconds:.1f}s"
    )


@commands.command("backups")
def backups_command(
    table: Annotated[Table | None, typer.Argument(help="Only this table's backups.")] = None,
    as_json: JsonOption = False,
    url: UrlOption = None,
) -> None:
    """List backups, newest first; backups whose manifest cannot be read are named apart."""
    with api_client(url) as api:
        listed = api.all_backups(table)
    found, unreadable = listed.items, listed.unreadable
    if as_json:
        typer.echo(json.dumps([asdict(b) for b in found], indent=2, default=str))
        for u in unreadable:
            err.print(f"unreadable backup {u.id}: {u.reason}")
        return
    listing = RichTable(title="Backups, newest first")
    for name in ("id", "table", "created", "by", "rows", "size", "codec"):
        listing.add_column(name, justify="right" if name in {"rows", "size"} else "left")
    for b in found:
        listing.add_row(
            b.id,
            b.table.value,
            b.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            b.created_by or "",
            f"{b.rows:,}",
            _size(b.bytes),
            b.codec.lower(),
        )
    out.print(listing)
    for u in unreadable:
        err.print(f"[yellow]unreadable backup {u.id}: {u.reason}[/]")


@commands.command("backup-delete")
def backup_delete_command(
    backup_id: Annotated[str, typer.Argument(help="The backup to delete.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
    url: UrlOption = None,
) -> None:
    """Delete a backup for good (Admins only), one listed as unreadable too; asks first
    unless --yes."""
    with api_client(url) as api:
        try:
            chosen = api.backup(backup_id)
        except ValidationError as error:  # its manifest cannot be read: nothing to describe
            question = f"Backup {backup_id} is damaged ({error.message}). Delete it for good?"
            if not yes and not typer.confirm(question, default=False, err=True):
                err.print("Nothing deleted.")
                raise typer.Exit(1) from None
            gone_id = api.delete_unreadable_backup(backup_id)
            out.print(f"Deleted damaged backup {gone_id}.")
            return
        if chosen is None:
            err.print(f"[red]NotFound[/]: there is no backup {backup_id}")
            raise typer.Exit(1)
        question = f"Delete backup {_describe(chosen)} for good?"
        if not yes and not typer.confirm(question, default=False, err=True):
            err.print("Nothing deleted.")
            raise typer.Exit(1)
        gone = api.delete_backup(chosen.id)
    out.print(f"Deleted backup {gone.id} of {gone.table.value}.")


@commands.command("backup-download")
def backup_download_command(
    backup_id: Annotated[str, typer.Argument(help="The backup to download.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write (default: <id>.avro).")
    ] = None,
    url: UrlOption = None,
) -> None:
    """Download a backup's Avro file (Admins only) through a short-lived link."""
    with api_client(url) as api:
        link = api.backup_download(backup_id)
    target = output or Path(link.file_name)
    partial = target.with_name(f".{target.name}.part")
    try:
        with httpx.stream("GET", link.url, timeout=60.0, follow_redirects=False) as answer:
            if answer.status_code != 200:
                err.print(f"[red]Unavailable[/]: the download answered HTTP {answer.status_code}")
                raise typer.Exit(1)
            with partial.open("wb") as sink:
                for block in answer.iter_bytes():
                    sink.write(block)
        partial.replace(target)
    except httpx.HTTPError as error:
        partial.unlink(missing_ok=True)
        err.print(f"[red]Unavailable[/]: the download failed: {error}")
        raise typer.Exit(1) from None
    out.print(f"Wrote {target} ({_size(target.stat().st_size)}).")
