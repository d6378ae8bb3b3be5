"""The menu: signed out, only Sign in; signed in, the pages of the user's groups."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from client.api import HrClient
from tests.conftest import LiveServer
from tests.streamlit_app.conftest import APP, PASSWORD, TIMEOUT, OpenPage, add_user, texts


def test_signed_out_the_app_offers_only_sign_in(server: LiveServer) -> None:
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not app.exception
    assert "Sign in to hrgraph" in texts(app)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("app_pages/data.py")


def test_signing_in_shows_who_and_which_groups(server: LiveServer) -> None:
    add_user(server, "vera", "Viewers")
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    app.text_input(key="username").input("vera")
    app.text_input(key="password").input(PASSWORD)
    app.button[0].click().run()
    shown = texts(app)
    assert not app.exception
    assert "vera" in shown
    assert "groups: Viewers" in shown  # the Account page is where a sign-in lands
    app.switch_page("app_pages/reports.py").run()
    assert "Reports" in texts(app)


def test_a_wrong_password_is_refused_on_the_form(server: LiveServer) -> None:
    add_user(server, "vera", "Viewers")
    app = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    app.text_input(key="username").input("vera")
    app.text_input(key="password").input("not-the-password")
    app.button[0].click().run()
    assert app.error
    assert "Sign-in refused" in app.error[0].value
    assert "Sign in to hrgraph" in texts(app)


@pytest.mark.parametrize(
    ("group", "hidden"),
    [("Viewers", ["ask", "load", "backups"]), ("Analysts", ["load", "backups"])],
)
def test_pages_a_group_cannot_use_are_not_there(
    open_page: OpenPage, group: str, hidden: list[str]
) -> None:
    app = open_page(group, "data")
    for page in hidden:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(f"app_pages/{page}.py")


def test_signing_out_returns_to_the_sign_in_form(open_page: OpenPage) -> None:
    app = open_page("Viewers", "account")
    app.button(key="sign_out").click().run()
    assert "Sign in to hrgraph" in texts(app)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page("app_pages/data.py")


def test_an_error_no_page_expected_is_said_in_words_never_as_a_traceback(
    open_page: OpenPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22: no traceback reaches the page; the page can start afresh."""

    def broken(self: HrClient, sql: str) -> None:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(HrClient, "run_sql", broken)
    app = open_page("Analysts", "ask")
    (run,) = [b for b in app.button if b.label == "Run"]
    run.click().run()
    assert not app.exception  # Streamlit's traceback box
    shown = texts(app)
    assert "stopped on an error of ours" in shown and "a bug of ours" not in shown
    app.button(key="app.afresh").click().run()
    assert not app.exception and "stopped on an error" not in texts(app)


def test_streamlit_shows_no_error_details_however_the_app_is_launched() -> None:
    """From the repository (config.toml) and as installed (python -m streamlit_app)."""
    import tomllib

    from streamlit_app.__main__ import command

    config = tomllib.loads((APP.parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
    assert "--client.showErrorDetails=none" in command([])
    assert command(["--client.showErrorDetails=full"])[-1] == "--client.showErrorDetails=full"
