"""The Account page tells a person how to get a token where they are signed in.

Locally the token comes from the local issuer; in Cognito mode (moto's
Cognito over real HTTP, the API verifying its tokens) it comes from Cognito,
and the page never sends anyone to a local issuer that is not there.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.client.cognito_server import MotoCognito, aws_env, moto_server
from tests.streamlit_app.app_pages.test_sign_in import pool
from tests.streamlit_app.conftest import APP, TIMEOUT, OpenPage, texts

__all__ = ["aws_env", "moto_server", "pool"]  # fixtures

PASSWORD = "Ann-chose-this-1"


def everything(app: AppTest) -> str:
    """The page's words, its code blocks (the curl line) included."""
    return texts(app) + "\n" + "\n".join(str(c.value) for c in app.code)


def test_locally_the_token_comes_from_the_local_issuer(open_page: OpenPage) -> None:
    app = open_page("Viewers", "account")
    assert not app.exception
    shown = everything(app)
    assert "Local issuer: http://127.0.0.1:" in shown and "/auth/login" in shown
    assert "hrgraph login viewers-0" in shown
    assert "paste the token in its sign-in box (or sign in there)" in shown
    assert "Cognito" not in shown


def test_in_cognito_mode_the_token_comes_from_cognito_and_no_local_issuer_is_named(
    pool: MotoCognito,
) -> None:
    pool.admin.admin_set_user_password(
        UserPoolId=pool.pool_id, Username="ann", Password=PASSWORD, Permanent=True
    )
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    app.text_input(key="username").input("ann")
    app.text_input(key="password").input(PASSWORD)
    app.button[0].click().run()
    assert "Signed in as **ann** (Analysts)" in texts(app)
    app.switch_page("app_pages/account.py").run()
    assert not app.exception
    shown = everything(app)
    assert "HRGRAPH_AUTH=cognito" in shown and "hrgraph login ann" in shown
    assert "export HRGRAPH_TOKEN=$(hrgraph token)" in shown
    assert "“ID token” box" in shown  # GraphiQL has no sign-in box in this mode
    assert "issuer" not in shown.lower()
    assert "/auth/login" not in shown and "sign in there" not in shown
