"""hrgraph login / token: what a person types, end to end against the live server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from client.cli import app
from localdev.cli import app as local_app
from tests.conftest import LiveServer

runner = CliRunner()


@pytest.fixture
def signed_out(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> LiveServer:
    """The live server, with no HRGRAPH_TOKEN: commands use what `hrgraph login` stored."""
    monkeypatch.delenv("HRGRAPH_TOKEN")
    monkeypatch.setenv("HRGRAPH_URL", live_server.url)
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(live_server.settings.data_dir))
    return live_server


def test_login_then_every_command_sends_the_token(signed_out: LiveServer, tmp_path: Path) -> None:
    assert runner.invoke(app, ["token"]).exit_code == 1  # not signed in yet
    runner.invoke(
        local_app,
        ["users", "add", "vic", "--group", "Viewers", "--password-stdin"],
        input="vic-pass-1\n",
    )
    login = runner.invoke(app, ["login", "vic", "--password-stdin"], input="vic-pass-1\n")
    assert login.exit_code == 0, login.output
    stored = json.loads((tmp_path / "credentials.json").read_text(encoding="utf-8"))
    token = runner.invoke(app, ["token"])
    assert token.output.strip() == stored["id_token"]
    report = runner.invoke(app, ["report", "quarterly", "--year", "2021", "--json"])
    assert report.exit_code == 0, report.output
    assert runner.invoke(app, ["logout"]).exit_code == 0
    after = runner.invoke(app, ["report", "quarterly", "--year", "2021", "--json"])
    assert after.exit_code == 1
    assert "hrgraph login" in after.output


def test_a_wrong_password_fails_with_one_clear_line(signed_out: LiveServer) -> None:
    result = runner.invoke(app, ["login", "admin", "--password-stdin"], input="nope-nope\n")
    assert result.exit_code == 1
    assert "Incorrect username or password." in result.output


def test_local_users_are_the_local_servers_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client manages Cognito's users only; locally it names the command that does."""
    monkeypatch.setenv("HRGRAPH_AUTH", "local")
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(tmp_path))
    result = runner.invoke(app, ["users", "list"])
    assert result.exit_code == 1
    assert "hrgraph-local users" in result.output
