"""First sign-in, MFA, reset and user admin against Cognito, as a person types them.

Cognito is moto's, over real HTTP (tests/client/cognito_server.py): the CLI's
boto3 reaches it through AWS_ENDPOINT_URL, the way it reaches AWS. TOTP codes
are real (moto checks them when MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP is on),
computed from the key Cognito hands out, as an authenticator app would.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from botocore.exceptions import ClientError
from moto.cognitoidp.models import cognitoidp_backends
from typer.testing import CliRunner

from client.api import HrClient
from client.auth import CognitoProvider, TokenProvider
from client.cli import app
from client.cognito_users import CognitoUsers
from client.errors import ChallengeRequired, SignInFailed
from client.models import ChallengeKind
from hrgraph_contract.settings import Settings
from localserver.auth_gate import authentication
from resolvers import wiring
from tests.client.cognito_server import (
    REGION,
    MotoCognito,
    aws_env,
    make_pool,
    moto_server,
    totp_now,
)
from tests.conftest import serving

__all__ = ["aws_env", "moto_server"]  # fixtures

runner = CliRunner()
NEW_PASSWORD = "Ann-chose-this-1"
TEMPORARY = re.compile(r"temporary password \(shown once; hand it over\): (\S+)")


@pytest.fixture
def pool(aws_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MotoCognito:
    cognito = make_pool(aws_env)
    for name, value in cognito.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HRGRAPH_CREDENTIALS_FILE", str(tmp_path / "credentials.json"))
    monkeypatch.delenv("HRGRAPH_TOKEN", raising=False)
    return cognito


def _invite(username: str = "ann", *extra: str) -> str:
    """`hrgraph users add` as the admin types it; returns the temporary password printed."""
    added = runner.invoke(app, ["users", "add", username, "--group", "Analysts", *extra])
    assert added.exit_code == 0, added.output
    found = TEMPORARY.search(added.output)
    assert found, added.output
    return found.group(1)


def test_an_invited_user_signs_in_the_first_time_and_calls_the_api(
    pool: MotoCognito, tmp_path: Path
) -> None:
    """The issue's Done-when: invited by an admin, signs in with `hrgraph login`, calls the API."""
    temporary = _invite()
    assert pool.status("ann") == "FORCE_CHANGE_PASSWORD"

    login = runner.invoke(
        app, ["login", "ann", "--password-stdin"], input=f"{temporary}\n{NEW_PASSWORD}\n"
    )
    assert login.exit_code == 0, login.output
    assert "choose your own" in login.output and "signed in as ann" in login.output
    assert NEW_PASSWORD not in login.output and temporary not in login.output
    assert pool.status("ann") == "CONFIRMED"

    settings = Settings.from_env()
    stored = TokenProvider(settings).store.load()
    assert stored is not None and stored.id_token not in login.output
    gate = authentication(settings, fetch=pool.jwks).gate
    with (
        serving(settings, wiring.build(settings), gate=gate) as url,
        HrClient(url, token_provider=TokenProvider(settings)) as api,
    ):
        me = api.me()
    assert (me.username, list(me.groups)) == ("ann", ["Analysts"])

    # The temporary password is spent; the chosen one signs in without a question.
    again = runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{temporary}\n")
    assert again.exit_code == 1 and "Incorrect username or password" in again.output
    assert (
        runner.invoke(
            app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n"
        ).exit_code
        == 0
    )


def test_the_new_password_is_asked_twice_unseen(pool: MotoCognito) -> None:
    temporary = _invite()
    differ = runner.invoke(app, ["login", "ann"], input=f"{temporary}\n{NEW_PASSWORD}\nother-1A\n")
    assert differ.exit_code == 1 and "the passwords differ" in differ.output
    assert pool.status("ann") == "FORCE_CHANGE_PASSWORD"
    typed = runner.invoke(
        app, ["login", "ann"], input=f"{temporary}\n{NEW_PASSWORD}\n{NEW_PASSWORD}\n"
    )
    assert typed.exit_code == 0, typed.output
    assert NEW_PASSWORD not in typed.output  # hidden prompts echo nothing
    assert pool.status("ann") == "CONFIRMED"


def test_a_new_password_the_policy_refuses_names_the_rule(pool: MotoCognito) -> None:
    temporary = _invite()
    weak = runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{temporary}\nshort\n")
    assert weak.exit_code == 1
    assert "sign-in failed" in weak.output and "password" in weak.output.lower()
    assert pool.status("ann") == "FORCE_CHANGE_PASSWORD"


def test_stdin_that_ends_early_says_what_is_missing(pool: MotoCognito) -> None:
    temporary = _invite()
    short = runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{temporary}\n")
    assert short.exit_code == 1 and "stdin ended before the new password" in short.output


def test_mfa_setup_then_every_sign_in_asks_for_the_code(
    aws_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool that requires MFA: the first sign-in sets up an authenticator, later ones ask it."""
    pool = make_pool(aws_env, mfa="ON")
    for name, value in {
        **pool.env(),
        "HRGRAPH_CREDENTIALS_FILE": str(tmp_path / "credentials.json"),
    }.items():
        monkeypatch.setenv(name, value)
    temporary = _invite()
    provider = TokenProvider(Settings.from_env())
    with pytest.raises(ChallengeRequired) as first:
        provider.login("ann", temporary)
    assert first.value.challenge.kind is ChallengeKind.NEW_PASSWORD
    with pytest.raises(ChallengeRequired) as setup:
        provider.respond(first.value.challenge, NEW_PASSWORD)
    challenge = setup.value.challenge
    assert challenge.kind is ChallengeKind.MFA_SETUP and challenge.secret_code
    assert challenge.otpauth_uri().startswith("otpauth://totp/hrgraph:ann?secret=")
    with pytest.raises(SignInFailed, match="6 digits"):
        provider.respond(challenge, "12345")
    credentials = provider.respond(challenge, totp_now(challenge.secret_code))
    assert credentials.username == "ann" and provider.token() == credentials.id_token

    wrong = runner.invoke(
        app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n000000\n"
    )
    assert wrong.exit_code == 1 and "mismatch" in wrong.output.lower()
    code = totp_now(challenge.secret_code)
    login = runner.invoke(
        app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n{code}\n"
    )
    assert login.exit_code == 0, login.output


def test_a_forgotten_password_is_reset_with_the_emailed_code(pool: MotoCognito) -> None:
    temporary = _invite("ann", "--email", "ann@example.com")
    runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{temporary}\n{NEW_PASSWORD}\n")
    forgot = runner.invoke(app, ["password", "forgot", "ann"])
    assert forgot.exit_code == 0, forgot.output
    assert "a reset code is on its way (email" in forgot.output
    # The email's code: moto keeps it on the user (AWS would send it by email).
    user = cognitoidp_backends["123456789012"][REGION].user_pools[pool.pool_id]._get_user("ann")
    code = user.confirmation_code
    wrong = runner.invoke(
        app,
        ["password", "reset", "ann", "--password-stdin"],
        input="moto-confirmation-code:000000\nAnn-new-choice-2\n",
    )
    assert wrong.exit_code == 1 and "reset refused" in wrong.output
    reset = runner.invoke(
        app, ["password", "reset", "ann", "--password-stdin"], input=f"{code}\nAnn-new-choice-2\n"
    )
    assert reset.exit_code == 0, reset.output
    old = runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n")
    assert old.exit_code == 1
    new = runner.invoke(app, ["login", "ann", "--password-stdin"], input="Ann-new-choice-2\n")
    assert new.exit_code == 0, new.output


def test_users_list_remove_and_passwd_manage_the_pool(pool: MotoCognito) -> None:
    temporary = _invite()
    runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{temporary}\n{NEW_PASSWORD}\n")
    _invite("bob")
    listed = runner.invoke(app, ["users", "list"])
    assert listed.exit_code == 0, listed.output
    assert re.search(r"^ann\tAnalysts\tCONFIRMED\t", listed.output, re.MULTILINE)
    assert re.search(r"^bob\tAnalysts\tFORCE_CHANGE_PASSWORD\t", listed.output, re.MULTILINE)

    refresh = TokenProvider(Settings.from_env()).store.load()
    assert refresh is not None
    removed = runner.invoke(app, ["users", "remove", "ann"])
    assert removed.exit_code == 0 and "kept for audit" in removed.output
    assert re.search(
        r"^ann\tAnalysts\tDISABLED \(CONFIRMED\)",
        runner.invoke(app, ["users", "list"]).output,
        re.MULTILINE,
    )
    refused = runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n")
    assert refused.exit_code == 1 and "disabled" in refused.output.lower()
    with pytest.raises(ClientError):  # signed out everywhere: the refresh token is revoked
        pool.admin.initiate_auth(
            AuthFlow="REFRESH_TOKEN_AUTH",
            ClientId=pool.client_id,
            AuthParameters={"REFRESH_TOKEN": refresh.refresh_token},
        )

    passwd = runner.invoke(app, ["users", "passwd", "bob"])
    assert passwd.exit_code == 0 and TEMPORARY.search(passwd.output)
    assert pool.status("bob") == "FORCE_CHANGE_PASSWORD"

    deleted = runner.invoke(app, ["users", "remove", "ann", "--delete"])
    assert deleted.exit_code == 0
    assert "ann" not in runner.invoke(app, ["users", "list"]).output


def test_an_unknown_user_is_a_clear_failure(pool: MotoCognito) -> None:
    result = runner.invoke(app, ["users", "remove", "nobody"])
    assert result.exit_code == 1 and "User does not exist" in result.output


def test_mfa_turned_on_by_the_user_is_asked_at_every_sign_in(
    aws_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """serverless.yml's pool has MFA OPTIONAL: a user turns it on with `hrgraph mfa`."""
    pool = make_pool(aws_env, mfa="OPTIONAL")
    for name, value in {
        **pool.env(),
        "HRGRAPH_CREDENTIALS_FILE": str(tmp_path / "credentials.json"),
    }.items():
        monkeypatch.setenv(name, value)
    assert runner.invoke(app, ["mfa", "--code-stdin"], input="123456\n").exit_code == 1
    temporary = _invite()
    runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{temporary}\n{NEW_PASSWORD}\n")

    wrong = runner.invoke(app, ["mfa", "--code-stdin"], input="000000\n")
    assert wrong.exit_code == 1 and "MFA not turned on" in wrong.output
    assert "otpauth://totp/hrgraph:ann?secret=" in wrong.output

    # What the command does, step by step, with the code an authenticator computes from the key.
    settings = Settings.from_env()
    stored = TokenProvider(settings).store.load()
    assert stored is not None
    cognito = CognitoProvider(REGION, pool.client_id)
    key = cognito.new_authenticator_key(stored.access_token)
    cognito.enable_mfa(stored.access_token, totp_now(key))

    asked = runner.invoke(app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n")
    assert asked.exit_code == 1 and "stdin ended before the 6-digit code" in asked.output
    code = totp_now(key)
    login = runner.invoke(
        app, ["login", "ann", "--password-stdin"], input=f"{NEW_PASSWORD}\n{code}\n"
    )
    assert login.exit_code == 0, login.output


def _first_sign_in(pool: MotoCognito, username: str, group: str, tmp_path: Path) -> TokenProvider:
    """An invited user through their first sign-in, with their own credentials file."""
    CognitoUsers(REGION, pool.pool_id).add(username, "Temporary-pass-1", [group])
    settings = Settings.from_env(
        {**pool.env(), "HRGRAPH_CREDENTIALS_FILE": str(tmp_path / f"{username}.json")}
    )
    provider = TokenProvider(settings)
    with pytest.raises(ChallengeRequired) as asked:
        provider.login(username, "Temporary-pass-1")
    provider.respond(asked.value.challenge, f"{username.title()}-chose-this-1")
    return provider


def test_a_cognito_user_subscribes_over_appsyncs_realtime_protocol(
    pool: MotoCognito, tmp_path: Path
) -> None:
    """ann (Analysts) hears the batches ada (Admins) inserts, both with moto's ID tokens."""
    ann = _first_sign_in(pool, "ann", "Analysts", tmp_path)
    ada = _first_sign_in(pool, "ada", "Admins", tmp_path)
    settings = Settings.from_env()
    gate = authentication(settings, fetch=pool.jwks).gate
    heard: list[list[int]] = []
    failures: list[BaseException] = []
    with serving(settings, wiring.build(settings), gate=gate) as url:

        def listen() -> None:
            try:
                with HrClient(url, token_provider=ann) as api:
                    for result in api.on_employees_inserted():
                        heard.append(result.inserted_ids)
                        return
            except BaseException as failure:  # surfaced by the assertion below
                failures.append(failure)

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        sent: list[list[int]] = []
        with HrClient(url, token_provider=ada) as api:
            for i in range(1, 50):  # the listener may join late: insert until it hears one
                if heard or failures:
                    break
                sent.append(
                    api.insert("hired_employees", [{"id": i, "name": f"P{i}"}]).inserted_ids
                )
                time.sleep(0.2)
        listener.join(timeout=20)
    assert not failures
    assert heard and heard[0] in sent


def test_users_list_shows_every_page_of_a_large_pool(pool: MotoCognito) -> None:
    """ListUsers pages by PaginationToken (60 users a page), not NextToken."""
    users = CognitoUsers(REGION, pool.pool_id)
    names = [f"user{n:03d}" for n in range(75)]
    for name in names:
        users.add(name, "Temporary-pass-1", ["Viewers"] if name < "user070" else [])

    listed = runner.invoke(app, ["users", "list"])

    assert listed.exit_code == 0, listed.output
    shown = re.findall(r"^(user\d{3})\t(\S*)\t", listed.output, re.MULTILINE)
    assert [name for name, _ in shown] == names
    assert sum(groups == "Viewers" for _, groups in shown) == 70  # a group of more than a page
