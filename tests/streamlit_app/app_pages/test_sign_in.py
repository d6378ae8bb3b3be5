"""The sign-in page against Cognito: first sign-in, MFA setup and a forgotten password.

Cognito is moto's over real HTTP (tests/client/cognito_server.py); the API
is the local server in Cognito mode, verifying moto's tokens with the pool's
JWKS, so a person who gets through the forms is one the API knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from moto.cognitoidp.models import cognitoidp_backends
from streamlit.testing.v1 import AppTest

from client.cognito_users import CognitoUsers
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
from tests.streamlit_app.conftest import APP, TIMEOUT, texts

__all__ = ["aws_env", "moto_server"]  # fixtures

TEMPORARY = "Temporary-pass-1"
CHOSEN = "Ann-chose-this-1"


@contextmanager
def _serve(pool: MotoCognito, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The API in Cognito mode on this pool, the app's settings on it, ann invited."""
    for name, value in {**pool.env(), "HRGRAPH_DATA_DIR": str(tmp_path)}.items():
        monkeypatch.setenv(name, value)
    settings = Settings.from_env()
    gate = authentication(settings, fetch=pool.jwks).gate
    with serving(settings, wiring.build(settings), gate=gate) as url:
        monkeypatch.setenv("HRGRAPH_URL", url)
        CognitoUsers(REGION, pool.pool_id).add("ann", TEMPORARY, ["Analysts"], "ann@example.com")
        yield


@pytest.fixture
def pool(aws_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MotoCognito]:
    cognito = make_pool(aws_env)
    with _serve(cognito, tmp_path, monkeypatch):
        yield cognito


@pytest.fixture
def mfa_pool(
    aws_env: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MotoCognito]:
    cognito = make_pool(aws_env, mfa="ON")
    with _serve(cognito, tmp_path, monkeypatch):
        yield cognito


def _password_form(password: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    app.text_input(key="username").input("ann")
    app.text_input(key="password").input(password)
    return app.button[0].click().run()


def test_a_first_sign_in_asks_for_a_new_password_twice(pool: MotoCognito) -> None:
    app = _password_form(TEMPORARY)
    assert not app.exception
    assert "Your password is temporary" in texts(app)
    app.text_input(key="new_password").input(CHOSEN)
    app.text_input(key="new_password_again").input("something-else-1A")
    app.button[0].click().run()
    assert "the same" in app.error[0].value
    assert pool.status("ann") == "FORCE_CHANGE_PASSWORD"
    app.text_input(key="new_password_again").input(CHOSEN)
    app.button[0].click().run()
    assert not app.exception
    assert "Signed in as **ann** (Analysts)" in texts(app)
    assert pool.status("ann") == "CONFIRMED"


def test_mfa_setup_shows_the_key_and_takes_the_code(mfa_pool: MotoCognito) -> None:
    app = _password_form(TEMPORARY)
    app.text_input(key="new_password").input(CHOSEN)
    app.text_input(key="new_password_again").input(CHOSEN)
    app.button[0].click().run()
    assert "add this key to an authenticator app" in texts(app)
    key = app.code[0].value
    app.text_input(key="mfa_code").input("000000")
    app.button[0].click().run()
    assert "Refused" in app.error[0].value  # still on the code form, can try again
    app.text_input(key="mfa_code").input(totp_now(key))
    app.button[0].click().run()
    assert not app.exception
    assert "Signed in as **ann** (Analysts)" in texts(app)


def test_a_forgotten_password_is_reset_on_the_page(pool: MotoCognito) -> None:
    pool.admin.admin_set_user_password(  # ann chose a password once, then forgot it
        UserPoolId=pool.pool_id, Username="ann", Password="Forgotten-pass-1", Permanent=True
    )
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    app.text_input(key="forgot_username").input("ann")
    app.button[1].click().run()  # "Email me a code" (the sign-in button is the first)
    assert "A code is on its way (email" in texts(app)
    user = cognitoidp_backends["123456789012"][REGION].user_pools[pool.pool_id]._get_user("ann")
    app.text_input(key="reset_username").input("ann")
    app.text_input(key="reset_code").input(str(user.confirmation_code))
    app.text_input(key="reset_password").input(CHOSEN)
    app.text_input(key="reset_password_again").input(CHOSEN)
    app.button[2].click().run()
    assert "Password changed" in texts(app)
    signed_in = _password_form(CHOSEN)
    assert "Signed in as **ann** (Analysts)" in texts(signed_in)
