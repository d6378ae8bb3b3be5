"""``hrgraph-local``: the development-only commands, kept with the local server they serve.

    hrgraph-local serve [--host H] [--port P]   GraphQL and GraphiQL over the data dir
    hrgraph-local seed [--employees N]          create the database, demo data when empty
    hrgraph-local users add NAME --group Admins [--password-stdin]
    hrgraph-local users list | remove NAME | passwd NAME | disable NAME | enable NAME
    hrgraph-local users ensure-admin            a first admin when there is none (make run)

Why a command of its own: the ``hrgraph`` client talks to an API (AppSync or this
server) and imports no server package, so it installs and runs where DuckDB,
graphql-core and the local users file do not exist. These commands open the
database and the users file directly, on the laptop that runs the server. The
users file may be edited while the server runs; each change holds at once.

Exit codes as ``hrgraph``'s: 0 done, 1 refused or failed (one clear line), 2 a usage
or settings error.
"""

from __future__ import annotations

import getpass
import secrets
import sys
import time
from typing import Annotated

import typer

from hrgraph_contract.group_rules import GroupRules
from hrgraph_contract.settings import Settings, SettingsError
from localcognito.users import UserError, UserStore

app = typer.Typer(
    name="hrgraph-local",
    help="The local server's own commands: serve, seed, and the local issuer's users.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
users_app = typer.Typer(
    help="The local issuer's users (HRGRAPH_AUTH=local); Cognito's are `hrgraph users`.",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")

PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from stdin (else asked twice)."),
]


def _fail(message: str) -> typer.Exit:
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(1)


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        typer.secho(f"settings: {error}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from None


def _store(settings: Settings) -> UserStore:
    if settings.auth != "local":
        raise _fail("these are the local issuer's users; with Cognito use `hrgraph users`")
    return UserStore.in_data_dir(settings.data_dir)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat it: ") != password:
        raise _fail("the passwords differ")
    return password


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve GraphQL (and GraphiQL) at http://HOST:PORT/graphql over the data dir; never seeds."""
    from localdev.server import serve as run_server
    from resolvers.adapters.private_files import restrict_new_files

    settings = _settings()
    restrict_new_files()  # the database, its log, backups, keys: 0600 in a 0700 data dir
    run_server(settings, host, port)


@app.command()
def seed(
    employees: Annotated[int, typer.Option(min=0, help="Demo employees to generate.")] = 10_000,
    seed: Annotated[int, typer.Option(help="Random seed of the demo data.")] = 2024,
) -> None:
    """Create the local database from resolvers/sql/ DDL; fill it with demo data if empty."""
    from localdev import seed as seeding
    from resolvers.adapters.private_files import restrict_new_files

    settings = _settings()
    restrict_new_files()
    try:
        report = seeding.seed(settings, employees, seed)
    except (seeding.DatabaseLocked, ValueError) as error:
        raise _fail(f"seed: {error}") from None
    if not report.was_empty:
        counts = ", ".join(f"{t.value} {n}" for t, n in report.existing_rows.items())
        typer.echo(f"{report.database} already holds data ({counts}); not seeding.")
        return
    typer.echo(f"Seeded {report.database} with demo data:")
    for table in report.seeded:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(table.rejected.items()))
        rejected = f"; rejected {sum(table.rejected.values())} ({reasons})" if reasons else ""
        typer.echo(f"  {table.table.value}: {table.inserted} of {table.received} rows{rejected}")


@users_app.command("add")
def users_add(
    username: str,
    group: Annotated[
        list[str], typer.Option("--group", "-g", help="A group; repeat for several.")
    ] = [],  # noqa: B006 (typer reads the default)
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a user in the groups given (the ones schema.graphql names)."""
    known = GroupRules.from_contract().groups()
    unknown = sorted(set(group) - known)
    if unknown:
        raise _fail(
            f"unknown group {', '.join(unknown)}; the schema names {', '.join(sorted(known))}"
        )
    store = _store(_settings())
    try:
        user = store.add(username, _password(password_stdin), group)
    except UserError as error:
        raise _fail(str(error)) from None
    typer.echo(f"added {user.username} ({', '.join(user.groups) or 'no group'})")


@users_app.command("list")
def users_list() -> None:
    """Users and their groups; never a password or its hash."""
    for user in _store(_settings()).all():
        state = "\tdisabled" if user.disabled else ""
        typer.echo(f"{user.username}\t{','.join(user.groups) or '-'}\t{user.created_at}{state}")


@users_app.command("remove")
def users_remove(username: str) -> None:
    """Remove a user; every token they hold stops working at once."""
    try:
        _store(_settings()).remove(username)
    except UserError as error:
        raise _fail(str(error)) from None
    typer.echo(f"removed {username}")


@users_app.command("passwd")
def users_passwd(username: str, password_stdin: PasswordStdin = False) -> None:
    """An admin sets a user's password (asked twice); their old sessions end."""
    store = _store(_settings())
    try:
        store.set_password(username, _password(password_stdin), time.time())
    except UserError as error:
        raise _fail(str(error)) from None
    typer.echo(f"password of {username} changed; their old sessions have ended")


def _set_disabled(username: str, disabled: bool) -> None:
    try:
        _store(_settings()).set_disabled(username, disabled, time.time())
    except UserError as error:
        raise _fail(str(error)) from None
    typer.echo(f"{'disabled' if disabled else 'enabled'} {username}")


@users_app.command("disable")
def users_disable(username: str) -> None:
    """Disable a user: no sign-in, and every token they hold stops working at once."""
    _set_disabled(username, True)


@users_app.command("enable")
def users_enable(username: str) -> None:
    """Enable a disabled user again; they sign in anew (their old tokens stay refused)."""
    _set_disabled(username, False)


@users_app.command("ensure-admin")
def users_ensure_admin(username: str = "admin") -> None:
    """Create a first admin when there is none (used by `make run`); print how to sign in."""
    settings = _settings()
    store = _store(settings)
    if store.has_member_of("Admins"):
        return
    password = settings.admin_password or secrets.token_urlsafe(12)
    store.add(username, password, ["Admins"])
    typer.echo(f"Created the first admin: {username}")
    if not settings.admin_password:
        typer.echo(f"  password (shown once): {password}")
    typer.echo(f"  sign in:  hrgraph login {username}")
    typer.echo(
        '  then:     curl -H "Authorization: $(hrgraph token)" ...  (or paste it in GraphiQL)'
    )


def main() -> None:
    app()
