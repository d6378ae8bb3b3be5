"""``hrgraph``: serve, seed, make demo data, load CSV files and read the reports from a terminal.

Exit codes: 0 done, 1 the API (or the database) refused or failed (the
message names the errorType; never a traceback), 2 a usage or settings
error. Settings come from HRGRAPH_* variables through resolvers.settings;
``--url`` overrides HRGRAPH_URL for one command.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table as RichTable

from client import auth_cli
from client.auth import TokenProvider
from client.csvfile import CsvFormatError, count_lines
from client.errors import ApiError
from client.loading import NOT_SENT, LoadSummary, load_csv
from client.models import MAX_BATCH_ROWS, Table
from resolvers.settings import Settings, SettingsError

if TYPE_CHECKING:
    from client.api import HrClient

app = typer.Typer(
    name="hrgraph",
    help="HR data over GraphQL: serve it locally, load CSV files, read the reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
report_app = typer.Typer(help="The hiring reports.", no_args_is_help=True)
app.add_typer(report_app, name="report")
auth_cli.register(app)  # login, logout, token, users

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

UrlOption = Annotated[
    str | None, typer.Option("--url", help="GraphQL endpoint (default: HRGRAPH_URL).")
]
YearOption = Annotated[int, typer.Option("--year", help="Calendar year of the hires.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        err.print(f"[red]settings:[/] {error}")
        raise typer.Exit(2) from None


@contextmanager
def _api(url: str | None) -> Iterator[HrClient]:
    """A client for the command; API errors end it with exit code 1 and one clear line."""
    from client.api import HrClient

    settings = _settings()
    try:
        provider = TokenProvider(replace(settings, url=url) if url else settings)
        with HrClient(url or settings.url, token_provider=provider) as api:
            yield api
    except ApiError as error:
        err.print(f"[red]{error.error_type}[/]: {error.message}")
        raise typer.Exit(1) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve GraphQL (and GraphiQL) at http://HOST:PORT/graphql over the data dir; never seeds."""
    from resolvers.adapters.private_files import restrict_new_files

    settings = _settings()
    restrict_new_files()  # the database, its log, backups, keys: 0600 in a 0700 data dir
    from localserver.app import serve as run_server

    run_server(settings, host, port)


@app.command()
def seed(
    employees: Annotated[int, typer.Option(min=0, help="Demo employees to generate.")] = 10_000,
    seed: Annotated[int, typer.Option(help="Random seed of the demo data.")] = 2024,
) -> None:
    """Create the local database from sql/ DDL and fill it with demo data if it is empty."""
    from client import seed as seeding
    from resolvers.adapters.private_files import restrict_new_files

    settings = _settings()
    restrict_new_files()
    try:
        report = seeding.seed(settings, employees, seed)
    except (seeding.DatabaseLocked, ValueError) as error:
        err.print(f"[red]seed:[/] {error}")
        raise typer.Exit(1) from None
    if not report.was_empty:
        counts = ", ".join(f"{t.value} {n}" for t, n in report.existing_rows.items())
        out.print(f"{report.database} already holds data ({counts}); not seeding.")
        return
    out.print(f"Seeded {report.database} with demo data:")
    for table in report.seeded:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(table.rejected.items()))
        rejected = f"; rejected {sum(table.rejected.values())} ({reasons})" if reasons else ""
        out.print(f"  {table.table.value}: {table.inserted} of {table.received} rows{rejected}")


@app.command("demo-data")
def demo_data(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the three CSV files.")],
    employees: Annotated[int, typer.Option(min=0, help="Employee rows to generate.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed: same seed, same files.")] = 1,
) -> None:
    """Write departments.csv, jobs.csv and hired_employees.csv in the historic format."""
    from client.demo_data import write_dataset

    files = write_dataset(out_dir, employees, seed)
    out.print(
        f"Wrote {files.departments}, {files.jobs} and {files.hired_employees} "
        f"({files.employee_rows} employees, a few faulty on purpose)."
    )


@app.command()
def load(
    table: Annotated[Table, typer.Argument(help="Which table the file holds.")],
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="CSV file.")
    ],
    batch_size: Annotated[
        int, typer.Option(min=1, max=MAX_BATCH_ROWS, help="Rows per request.")
    ] = MAX_BATCH_ROWS,
    url: UrlOption = None,
) -> None:
    """Load a CSV file (header or not, LF or CRLF, BOM or not) in batches; keep rejected rows."""
    with _api(url) as api:
        progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        with progress:
            task = progress.add_task(f"{table.value}", total=count_lines(file))
            try:
                summary = load_csv(
                    api, table, file, batch_size, lambda n: progress.advance(task, n)
                )
            except CsvFormatError as error:
                err.print(f"[red]{error}[/]")
                raise typer.Exit(2) from None
    _print_summary(summary)


def _print_summary(summary: LoadSummary) -> None:
    out.print(
        f"{summary.table.value}: received {summary.received}, inserted {summary.inserted}, "
        f"rejected {summary.rejected_total} in {summary.seconds:.1f}s "
        f"({summary.rows_per_second:,.0f} rows/s)"
    )
    for reason, count in sorted(summary.rejected.items()):
        out.print(f"  {reason.value}: {count}")
    for error_type, count in sorted(summary.failed.items()):
        how = "never sent" if error_type == NOT_SENT else "in batches refused whole"
        out.print(f"  {error_type}: {count} ({how})")
    if summary.rejected_file:
        out.print(f"Rejected rows with reasons: {summary.rejected_file}")
    if summary.stopped is not None:
        err.print(f"[red]stopped early: {summary.stopped}[/]")
        raise typer.Exit(1)


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))


@report_app.command("quarterly")
def quarterly(year: YearOption, as_json: JsonOption = False, url: UrlOption = None) -> None:
    """Hires per quarter, per department and job."""
    with _api(url) as api:
        rows = api.hires_by_quarter(year)
    if as_json:
        _print_json([asdict(row) for row in rows])
        return
    table = RichTable(title=f"Hires by quarter, {year}")
    for name in ("department", "job"):
        table.add_column(name)
    for name in ("Q1", "Q2", "Q3", "Q4"):
        table.add_column(name, justify="right")
    for row in rows:
        table.add_row(row.department, row.job, *(str(q) for q in (row.q1, row.q2, row.q3, row.q4)))
    out.print(table)


@report_app.command("above-mean")
def above_mean(year: YearOption, as_json: JsonOption = False, url: UrlOption = None) -> None:
    """Departments that hired more than the mean of all departments that year."""
    with _api(url) as api:
        rows = api.departments_above_mean(year)
    if as_json:
        _print_json([asdict(row) for row in rows])
        return
    mean = f"mean {rows[0].mean:.2f}" if rows else "no department above the mean"
    table = RichTable(title=f"Departments hiring above the mean, {year}", caption=mean)
    table.add_column("id", justify="right")
    table.add_column("department")
    table.add_column("hired", justify="right")
    for row in rows:
        table.add_row(str(row.id), row.department, str(row.hired))
    out.print(table)


# Command modules that register on ``app`` (import them after it exists).
from client import (  # noqa: E402
    cli_backups,  # noqa: F401  (backup, restore, backups)
    cli_imports,  # noqa: F401  (import)
    questions_cli,  # noqa: F401  (ask, sql)
)


def main() -> None:
    app()
