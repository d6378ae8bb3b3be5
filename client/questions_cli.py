"""``hrgraph ask "..."`` and ``hrgraph sql "..."``: questions and read-only SQL from a terminal.

Added to the main app by client/cli.py (``app.add_typer(commands)``).
Both print a table by default, or with ``--json`` an object holding
``sql``, ``columns``, ``rows`` and the rest of the answer.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.table import Table as RichTable

from client.cli_common import JsonOption, UrlOption, api_client, out, print_json

commands = typer.Typer()
"""Merged into the hrgraph app by client/cli.py (no import back into cli.py)."""


def _rows_table(columns: list[str], rows: list[list[Any]], title: str | None = None) -> RichTable:
    table = RichTable(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row))
    return table


@commands.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in plain English.")],
    as_json: JsonOption = False,
    url: UrlOption = None,
) -> None:
    """Ask a question about the hires; prints the answer, the SQL behind it and why."""
    with api_client(url) as api:
        answer = api.ask(question)
    if as_json:
        print_json(asdict(answer))
        return
    if answer.refused:
        out.print(f"[yellow]Not answered:[/] {answer.explanation}")
        if answer.suggestions:
            out.print("Questions I can answer:")
            for suggestion in answer.suggestions:
                out.print(f"  - {suggestion}")
        return
    out.print(_rows_table(answer.columns, answer.rows, answer.explanation))
    out.print(f"[dim]{answer.engine} engine, {answer.row_count} row(s). SQL: {answer.sql}[/]")


@commands.command()
def sql(
    statement: Annotated[str, typer.Argument(help="One read-only SELECT over the three tables.")],
    as_json: JsonOption = False,
    url: UrlOption = None,
) -> None:
    """Run one read-only SELECT (guarded, capped) and print its rows."""
    with api_client(url) as api:
        result = api.run_sql(statement)
    if as_json:
        print_json(asdict(result))
        return
    out.print(_rows_table(result.columns, result.rows))
    cut = " (cut at the row limit)" if result.truncated else ""
    out.print(f"[dim]{result.row_count} row(s){cut}. Ran: {result.sql}[/]")
