"""``hrgraph``: make demo data, load CSV files, read the reports, back up, ask, sign in.

Exit codes: 0 done, 1 the API (or the database) refused or failed (the
message names the errorType; never a traceback), 2 a usage or settings
error. Settings come from HRGRAPH_* variables through hrgraph_contract.settings;
``--url`` overrides HRGRAPH_URL for one command.

The local server's own commands (serve, seed, its users) are ``hrgraph-local``
(localdev/cli.py): this client talks to an API and imports no server package.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table as RichTable

from client import auth_cli, cli_backups, cli_imports, questions_cli
from client.cli_common import (
    JsonOption,
    MissingDatetimeOption,
    UndatedAlias,
    UrlOption,
    YearOption,
    api_client,
    err,
    missing_datetime,
    out,
    print_json,
)
from client.csvfile import CsvFormatError, count_lines
from client.loading import NOT_SENT, LoadSummary, Undated, load_csv
from client.models import MAX_BATCH_ROWS, Table

app = typer.Typer(
    name="hrgraph",
    help="HR data over GraphQL: load CSV files, read the reports, back up, ask.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
report_app = typer.Typer(help="The hiring reports.", no_args_is_help=True)
app.add_typer(report_app, name="report")
auth_cli.register(app)  # login, logout, token, users
app.add_typer(cli_backups.commands)  # backup, restore, backups, backup-delete, -download
app.add_typer(questions_cli.commands)  # ask, sql
app.add_typer(cli_imports.commands)  # import


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
    missing: MissingDatetimeOption = Undated.REJECT,
    undated: UndatedAlias = None,
    url: UrlOption = None,
) -> None:
    """Load a CSV file (header or not, LF or CRLF, BOM or not) in batches; keep rejected rows."""
    chosen = missing_datetime(missing, undated)
    with api_client(url) as api:
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
                    api, table, file, batch_size, lambda n: progress.advance(task, n), chosen
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


@report_app.command("quarterly")
def quarterly(year: YearOption, as_json: JsonOption = False, url: UrlOption = None) -> None:
    """Hires per quarter, per department and job."""
    with api_client(url) as api:
        rows = api.hires_by_quarter(year)
    if as_json:
        print_json([asdict(row) for row in rows])
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
    with api_client(url) as api:
        rows = api.departments_above_mean(year)
    if as_json:
        print_json([asdict(row) for row in rows])
        return
    mean = f"mean {rows[0].mean:.2f}" if rows else "no department above the mean"
    table = RichTable(title=f"Departments hiring above the mean, {year}", caption=mean)
    table.add_column("id", justify="right")
    table.add_column("department")
    table.add_column("hired", justify="right")
    for row in rows:
        table.add_row(str(row.id), row.department, str(row.hired))
    out.print(table)


def main() -> None:
    app()
