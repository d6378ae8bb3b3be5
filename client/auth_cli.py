"""CLI commands for identity: sign in, print the token, manage local users.

    hrgraph login NAME [--password-stdin]      local issuer or Cognito (HRGRAPH_AUTH)
    hrgraph logout
    hrgraph token                              the current ID token (for curl, GraphiQL)
    hrgraph users add NAME --group Admins [--password-stdin]
    hrgraph users list | remove NAME | disable NAME | enable NAME | ensure-admin

``users`` edits the local issuer's users file directly (safe while the
server runs); Cognito users are managed in Cognito.
"""

from __future__ import annotations

import getpass
import secrets
import sys
from typing import Annotated

import typer

from client.auth import SignInFailed, SignInRequired, TokenProvider
from resolvers.settings import Settings

users_app = typer.Typer(
    help="Local users of the token issuer (HRGRAPH_AUTH=local).", no_args_is_help=True
)


def _settings() -> Settings:
    return Settings.from_env()


def _password(from_stdin: bool, confirm: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Repeat it: ") != password:
        raise typer.BadParameter("the passwords differ")
    return password


def _fail(message: str) -> typer.Exit:
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(1)


PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")
]


def login(username: str, password_stdin: PasswordStdin = False) -> None:
    """Sign in and keep the tokens (0600) for every later command."""
    provider = TokenProvider(_settings())
    try:
        credentials = provider.login(username, _password(password_stdin, confirm=False))
    except SignInFailed as error:
        raise _fail(f"sign-in failed: {error}") from None
    typer.echo(f"signed in as {credentials.username}; tokens kept in {provider.store.path}")


def logout() -> None:
    """Forget the stored tokens."""
    TokenProvider(_settings()).logout()
    typer.echo("signed out")


def token() -> None:
    """Print the current ID token (refreshed if due): for curl's Authorization header."""
    try:
        typer.echo(TokenProvider(_settings()).token())
    except SignInRequired as error:
        raise _fail(str(error)) from None


def _local_store(settings: Settings):  # type: ignore[no-untyped-def]
    if settings.auth != "local":
        raise _fail("users are managed in Cognito when HRGRAPH_AUTH=cognito")
    from localserver.users import UserStore

    return UserStore.in_data_dir(settings.data_dir)


def _known_groups() -> frozenset[str]:
    from localserver.group_rules import GroupRules

    return GroupRules.from_schema_file().groups()


@users_app.command("add")
def users_add(
    username: str,
    group: Annotated[
        list[str], typer.Option("--group", "-g", help="A group; repeat for several.")
    ] = [],  # noqa: B006 (typer reads the default)
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a user (asks for the password twice unless --password-stdin)."""
    from localserver.users import UserError

    known = _known_groups()
    unknown = sorted(set(group) - known)
    if unknown:
        raise _fail(
            f"unknown group {', '.join(unknown)}; the schema names {', '.join(sorted(known))}"
        )
    store = _local_store(_settings())
    try:
        user = store.add(username, _password(password_stdin, confirm=True), group)
    except UserError as error:
        raise _fail(str(error)) from None
    typer.echo(f"added {user.username} ({', '.join(user.groups) or 'no group'})")


@users_app.command("list")
def users_list() -> None:
    """Users and their groups (never their password hashes)."""
    for user in _local_store(_settings()).all():
        state = "\tdisabled" if user.disabled else ""
        typer.echo(f"{user.username}\t{','.join(user.groups) or '-'}\t{user.created_at}{state}")


@users_app.command("remove")
def users_remove(username: str) -> None:
    """Remove a user; every token they hold stops working at once."""
    from localserver.users import UserError

    try:
        _local_store(_settings()).remove(username)
    except UserError as error:
        raise _fail(str(error)) from None
    typer.echo(f"removed {username}")


def _set_disabled(username: str, disabled: bool) -> None:
    import time

    from localserver.users import UserError

    try:
        _local_store(_settings()).set_disabled(username, disabled, int(time.time()))
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
    store = _local_store(settings)
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


def register(app: typer.Typer) -> None:
    """Add the identity commands to the hrgraph CLI."""
    app.command()(login)
    app.command()(logout)
    app.command()(token)
    app.add_typer(users_app, name="users")
