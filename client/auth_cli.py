"""CLI commands for identity: sign in, print the token, reset a password, manage users.

    hrgraph login NAME [--password-stdin]      local issuer or Cognito (HRGRAPH_AUTH)
    hrgraph logout
    hrgraph token                              the current ID token (for curl, GraphiQL)
    hrgraph mfa [--code-stdin]                 turn on an authenticator app (Cognito)
    hrgraph password forgot NAME               Cognito emails a reset code
    hrgraph password reset NAME                the code and a new password
    hrgraph users add NAME --group Admins [--email ADDRESS] [--password-stdin]
    hrgraph users list | remove NAME [--delete] | passwd NAME      (Cognito)

A Cognito sign-in may ask more than the password: a new password the first
time (the admin's one is temporary), a 6-digit code when MFA is on, or to set
up an authenticator app. ``login`` asks each in turn; with --password-stdin
the answers are the next lines of stdin, in the order asked.

``users`` edits the Cognito user pool with the admin APIs (AWS credentials allowed
to administer it). The local issuer's users are the local server's:
``hrgraph-local users`` (localdev/cli.py), since this client imports no server code.
"""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from client.auth import LOCAL_RESET, SignInFailed, SignInRequired, TokenProvider
from client.cognito import CognitoProvider
from client.cognito_users import CognitoUsers, UserAdminFailed
from client.errors import ChallengeRequired
from client.models import Challenge, ChallengeKind
from hrgraph_contract.settings import Settings, SettingsError

users_app = typer.Typer(
    help=(
        "The Cognito pool's users (HRGRAPH_AUTH=cognito; needs AWS credentials that may "
        "administer it). The local issuer's: `hrgraph-local users`."
    ),
    no_args_is_help=True,
)
password_app = typer.Typer(
    help="A forgotten password: a code by email, then a new password (Cognito).",
    no_args_is_help=True,
)

MAX_CHALLENGES = 4
"""Cognito asks at most new password, MFA setup, MFA code; more means a loop."""


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as error:
        typer.secho(f"settings: {error}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2) from None


class Answers:
    """Where answers come from: hidden prompts, or stdin's lines in order (--password-stdin)."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def _line(self, what: str) -> str:
        line = sys.stdin.readline()
        if not line:
            raise _fail(f"stdin ended before the {what}")
        return line.rstrip("\r\n")

    def secret(self, prompt: str, confirm: bool = False) -> str:
        """A password: one stdin line, or typed twice unseen when ``confirm``."""
        if self.from_stdin:
            return self._line(prompt.rstrip(": ").lower())
        value = str(typer.prompt(prompt.rstrip(": "), hide_input=True))
        if confirm and str(typer.prompt("Repeat it", hide_input=True)) != value:
            raise _fail("the passwords differ")
        return value

    def text(self, prompt: str) -> str:
        if self.from_stdin:
            return self._line(prompt.rstrip(": ").lower())
        return str(typer.prompt(prompt.rstrip(": ")))


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
    bool,
    typer.Option(
        "--password-stdin",
        help=(
            "Read the password from the first line of stdin, and any further answer "
            "(new password, MFA code) from the next lines."
        ),
    ),
]


def _ask(challenge: Challenge, answers: Answers) -> str:
    """What the person answers to one challenge."""
    if challenge.kind is ChallengeKind.NEW_PASSWORD:
        typer.echo("Your password is temporary: choose your own now.")
        return answers.secret("New password: ", confirm=True)
    if challenge.kind is ChallengeKind.MFA_SETUP:
        typer.echo("Multi-factor sign-in is required. Add this key to an authenticator app")
        typer.echo(f"  key: {challenge.secret_code}")
        typer.echo(f"  or:  {challenge.otpauth_uri()}")
    return answers.text("6-digit code from your authenticator app: ")


def login(username: str, password_stdin: PasswordStdin = False) -> None:
    """Sign in and keep the tokens (0600) for every later command.

    With Cognito, also answers what it asks: a new password at the first
    sign-in, an MFA code, or an authenticator to set up.
    """
    provider = TokenProvider(_settings())
    answers = Answers(password_stdin)
    try:
        try:
            credentials = provider.login(username, answers.secret("Password: "))
        except ChallengeRequired as asked:
            challenge = asked.challenge
            for _ in range(MAX_CHALLENGES):
                try:
                    credentials = provider.respond(challenge, _ask(challenge, answers))
                    break
                except ChallengeRequired as next_step:
                    challenge = next_step.challenge
            else:
                raise SignInFailed("Cognito keeps asking; giving up") from None
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


def _cognito_provider(settings: Settings) -> CognitoProvider:
    if settings.auth != "cognito":
        raise _fail(LOCAL_RESET)
    try:
        return CognitoProvider(settings.cognito_region, settings.cognito_client_id)
    except SignInFailed as error:
        raise _fail(str(error)) from None


def mfa(
    answers_stdin: Annotated[
        bool, typer.Option("--code-stdin", help="Read the 6-digit code from stdin.")
    ] = False,
) -> None:
    """Turn on multi-factor sign-in for yourself (Cognito): an authenticator app's code.

    Signed in first (`hrgraph login`): prints a new key for an authenticator
    app, asks for the code it shows, then Cognito asks that code at every sign-in.
    """
    settings = _settings()
    provider = _cognito_provider(settings)
    tokens = TokenProvider(settings)
    try:
        tokens.token()  # refreshed if due, so the access token is fresh too
    except SignInRequired as error:
        raise _fail(str(error)) from None
    stored = tokens.store.load()
    if stored is None or not stored.access_token:
        raise _fail("not signed in; sign in with `hrgraph login NAME` first")
    try:
        key = provider.new_authenticator_key(stored.access_token)
        shown = Challenge(ChallengeKind.MFA_SETUP, stored.username, "", key)
        typer.echo("Add this key to an authenticator app")
        typer.echo(f"  key: {key}")
        typer.echo(f"  or:  {shown.otpauth_uri()}")
        provider.enable_mfa(stored.access_token, Answers(answers_stdin).text("6-digit code: "))
    except SignInFailed as error:
        raise _fail(f"MFA not turned on: {error}") from None
    typer.echo("MFA is on: every sign-in now asks for the app's code")


@password_app.command("forgot")
def password_forgot(username: str) -> None:
    """Have Cognito send a reset code to the user's verified email (ForgotPassword)."""
    provider = _cognito_provider(_settings())
    try:
        where = provider.forgot_password(username)
    except SignInFailed as error:
        raise _fail(f"reset refused: {error}") from None
    typer.echo(f"a reset code is on its way ({where}); then: hrgraph password reset {username}")


@password_app.command("reset")
def password_reset(username: str, password_stdin: PasswordStdin = False) -> None:
    """Set a new password with the emailed code (stdin: line 1 the code, line 2 the password)."""
    provider = _cognito_provider(_settings())
    answers = Answers(password_stdin)
    code = answers.text("Code from the email: ")
    new_password = answers.secret("New password: ", confirm=True)
    try:
        provider.confirm_forgot_password(username, code, new_password)
    except SignInFailed as error:
        raise _fail(f"reset refused: {error}") from None
    typer.echo(f"password changed; sign in with: hrgraph login {username}")


def _pool() -> CognitoUsers:
    """The Cognito pool's admin calls; the local issuer's users are hrgraph-local's."""
    settings = _settings()
    if settings.auth != "cognito":
        raise _fail(
            "with HRGRAPH_AUTH=local the users are the local server's: "
            "use `hrgraph-local users ...`"
        )
    return CognitoUsers(settings.cognito_region, settings.cognito_user_pool_id)


def _known_groups() -> frozenset[str]:
    from hrgraph_contract.group_rules import GroupRules

    return GroupRules.from_contract().groups()


def _temporary_password(from_stdin: bool) -> tuple[str, bool]:
    """The admin's temporary password: from stdin, or generated (True: print it once)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n"), False
    from client.cognito_users import temporary_password

    return temporary_password(), True


def _hand_over(username: str, password: str) -> None:
    """The one secret the CLI prints: the temporary password the admin must pass on."""
    typer.echo(f"  temporary password (shown once; hand it over): {password}")
    typer.echo(f"  {username} signs in with `hrgraph login {username}` and chooses their own")


@users_app.command("add")
def users_add(
    username: str,
    group: Annotated[
        list[str], typer.Option("--group", "-g", help="A group; repeat for several.")
    ] = [],  # noqa: B006 (typer reads the default)
    email: Annotated[
        str | None, typer.Option(help="A verified email, where forgotten-password codes go.")
    ] = None,
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin",
            help="Read the temporary password from stdin (else one is generated, printed once).",
        ),
    ] = False,
) -> None:
    """Add a user in a group (AdminCreateUser with a temporary password)."""
    known = _known_groups()
    unknown = sorted(set(group) - known)
    if unknown:
        raise _fail(
            f"unknown group {', '.join(unknown)}; the schema names {', '.join(sorted(known))}"
        )
    pool = _pool()
    groups = ", ".join(sorted(set(group))) or "no group"
    password, generated = _temporary_password(password_stdin)
    try:
        pool.add(username, password, group, email)
    except UserAdminFailed as error:
        raise _fail(str(error)) from None
    typer.echo(f"added {username} ({groups}) to the Cognito pool")
    if generated:
        _hand_over(username, password)


@users_app.command("list")
def users_list() -> None:
    """Users, their groups and status; never a password."""
    pool = _pool()
    try:
        users = pool.all(_known_groups())
    except UserAdminFailed as error:
        raise _fail(str(error)) from None
    for member in users:
        state = member.status if member.enabled else f"DISABLED ({member.status})"
        typer.echo(
            f"{member.username}\t{','.join(member.groups) or '-'}\t{state}\t{member.created_at}"
        )


@users_app.command("remove")
def users_remove(
    username: str,
    delete: Annotated[
        bool,
        typer.Option("--delete", help="Delete the account for good (by default only disabled)."),
    ] = False,
) -> None:
    """Sign a user out everywhere, then disable them.

    Not deleted, so the account (and its sub, which the logs name) stays for audit;
    --delete removes it too.
    """
    pool = _pool()
    try:
        pool.remove(username, delete=delete)
    except UserAdminFailed as error:
        raise _fail(str(error)) from None
    if not delete:
        typer.echo(f"signed {username} out everywhere and disabled the account (kept for audit)")
    else:
        typer.echo(f"removed {username}")


@users_app.command("passwd")
def users_passwd(username: str, password_stdin: PasswordStdin = False) -> None:
    """An admin sets a new temporary password (generated and printed once unless on stdin).

    The user replaces it at their next sign-in; their refresh tokens stop working.
    """
    pool = _pool()
    password, generated = _temporary_password(password_stdin)
    try:
        pool.set_temporary_password(username, password)
    except UserAdminFailed as error:
        raise _fail(str(error)) from None
    typer.echo(f"{username} has a new temporary password and is signed out everywhere")
    if generated:
        _hand_over(username, password)


def register(app: typer.Typer) -> None:
    """Add the identity commands to the hrgraph CLI."""
    app.command()(login)
    app.command()(logout)
    app.command()(token)
    app.command()(mfa)
    app.add_typer(users_app, name="users")
    app.add_typer(password_app, name="password")
