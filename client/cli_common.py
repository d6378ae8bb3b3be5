"""What every ``hrgraph`` command module shares: the consoles, the options, the API client.

A module of its own so that the command modules (cli.py, cli_backups.py,
questions_cli.py) import it and not one another: cli.py assembles them, nothing
imports cli.py back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from client.auth import TokenProvider
from client.errors import ApiError
from client.loading import Undated
from hrgraph_contract.settings import Settings, SettingsError

if TYPE_CHECKING:
    from client.api import HrClient

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

UrlOption = Annotated[
    str | None, typer.Option("--url", help="GraphQL endpoint (default: HRGRAPH_URL).")
]
YearOption = Annotated[int, typer.Option("--year", help="Calendar year of the hires.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
MissingDatetimeOption = Annotated[
    Undated,
    typer.Option(
        "--missing-datetime",
        case_sensitive=False,
        help="Employee rows with no datetime: reject them (INVALID), or date them now (UTC).",
    ),
]
"""One flag for one rule in ``load`` and ``import`` (the API's ``missingDatetime``)."""
UndatedAlias = Annotated[
    Undated | None,
    typer.Option(
        "--undated", hidden=True, case_sensitive=False, help="Old name: --missing-datetime."
    ),
]
"""``load --undated``, the flag's first name: still read, with a word that it is deprecated."""


def missing_datetime(chosen: Undated, old_name: Undated | None) -> Undated:
    """The choice of ``--missing-datetime``, or of its deprecated spelling ``--undated``."""
    if old_name is None:
        return chosen
    err.print("[yellow]--undated is deprecated[/]: it is --missing-datetime now (the same rule)")
    return old_name


def settings() -> Settings:
    """The HRGRAPH_* settings, or exit 2 naming the variable that is wrong."""
    try:
        return Settings.from_env()
    except SettingsError as error:
        err.print(f"[red]settings:[/] {error}")
        raise typer.Exit(2) from None


@contextmanager
def api_client(url: str | None) -> Iterator[HrClient]:
    """A client for the command; API errors end it with exit code 1 and one clear line."""
    from client.api import HrClient

    chosen = settings()
    try:
        provider = TokenProvider(replace(chosen, url=url) if url else chosen)
        with HrClient(url or chosen.url, token_provider=provider) as api:
            yield api
    except ApiError as error:
        err.print(f"[red]{error.error_type}[/]: {error.message}")
        raise typer.Exit(1) from None


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))
