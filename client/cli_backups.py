"""``hrgraph backup``, ``hrgraph restore`` and ``hrgraph backups``: the backup commands.

A backup or restore is one GraphQL call that the server works through as a
stream; the terminal shows a spinner with the elapsed time meanwhile, then
the rows, size and rate. ``restore`` names the exact backup it will use (the
latest of the table unless --backup-id) and asks before replacing the table,
unless --yes; the id it confirmed is the id it sends, so a backup taken in
between cannot slip in.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table as RichTable

from client.cli import JsonOption, UrlOption, _api, app, err, out
from client.models import Backup, Table

CodecOption = Annotated[
    str, typer.Option("--codec", help="Avro block codec: deflate (default) or snappy.")
]


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


@app.command("backup")
def backup_command(
    table: Annotated[Table, typer.Argument(help="The table to back up.")],
    codec: CodecOption = "deflate",
    url: UrlOption = None,
) -> None:
    """Write one consistent snapshot of a table to an Avro backup (Admins only)."""
    if codec.lower() not in {"deflate", "snappy"}:
        err.print(f"[red]--codec[/]: deflate or snappy, not {codec!r}")
        raise typer.Exit(2)
    with _api(url) as api:
        started = time.monotonic()
        with err.status(f"Backing up {table.value} ..."):
            made = api.backup_table(table, codec)
        seconds = time.monotonic() - started
    rate = made.rows / seconds if seconds > 0 else 0.0
    out.print(f"Backed up {table.value}: {_describe(made)} in {seconds:.1f}s ({rate:,.0f} rows/s)")
    out.print(f"  sha256 {made.sha256}  {made.codec.lower()}  {made.location}")


@app.command("restore")
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
    with _api(url) as api:
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
        with err.status(f"Restoring {table.value} from {chosen.id} ..."):
            result = api.restore_table(table, chosen.id, force or None)
        seconds = time.monotonic() - started
    out.print(
        f"Restored {table.value} from {result.backup_id}: {result.rows_restored:,} rows "
        f"(was {result.previous_rows:,}) in {seconds:.1f}s"
    )


@app.command("backups")
def backups_command(
    table: Annotated[Table | None, typer.Argument(help="Only this table's backups.")] = None,
    as_json: JsonOption = False,
    url: UrlOption = None,
) -> None:
    """List backups, newest first; backups whose manifest cannot be read are named apart."""
    with _api(url) as api:
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
