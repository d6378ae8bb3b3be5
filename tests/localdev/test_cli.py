"""hrgraph-local: serve, seed and the local issuer's users, as a developer types them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from client.cli import app as client_app
from localcognito.users import UserStore
from localdev.cli import app
from tests.conftest import LiveServer

runner = CliRunner()


@pytest.fixture
def signed_out(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> LiveServer:
    """The live server's data dir, with no HRGRAPH_TOKEN."""
    monkeypatch.delenv("HRGRAPH_TOKEN")
    monkeypatch.setenv("HRGRAPH_URL", live_server.url)
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(live_server.settings.data_dir))
    return live_server


def test_users_add_list_remove(signed_out: LiveServer) -> None:
    added = runner.invoke(
        app,
        ["users", "add", "ann", "--group", "Analysts", "--group", "Viewers", "--password-stdin"],
        input="ann-password\n",
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["users", "list"])
    assert re.search(r"^ann\tAnalysts,Viewers\t", listed.output, re.MULTILINE)
    assert "ann-password" not in listed.output and "argon2" not in listed.output
    again = runner.invoke(app, ["users", "add", "ann", "--password-stdin"], input="x-password\n")
    assert again.exit_code == 1 and "already exists" in again.output
    assert runner.invoke(app, ["users", "remove", "ann"]).exit_code == 0
    assert "ann" not in runner.invoke(app, ["users", "list"]).output


def test_a_group_the_schema_does_not_name_is_refused(signed_out: LiveServer) -> None:
    result = runner.invoke(
        app, ["users", "add", "eve", "--group", "Root", "--password-stdin"], input="eve-password\n"
    )
    assert result.exit_code == 1
    assert "unknown group Root" in result.output


def test_ensure_admin_creates_one_admin_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(tmp_path / "data"))
    first = runner.invoke(app, ["users", "ensure-admin"])
    assert first.exit_code == 0, first.output
    password = re.search(r"password \(shown once\): (\S+)", first.output)
    assert password is not None
    assert "hrgraph login admin" in first.output
    second = runner.invoke(app, ["users", "ensure-admin"])
    assert second.exit_code == 0 and second.output == ""

    store = UserStore.in_data_dir(tmp_path / "data")
    assert store.authenticate("admin", password.group(1)) is not None


def test_ensure_admin_uses_the_given_password_and_never_prints_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HRGRAPH_ADMIN_PASSWORD", "chosen-admin-password")
    result = runner.invoke(app, ["users", "ensure-admin", "--username", "root"])
    assert result.exit_code == 0
    assert "chosen-admin-password" not in result.output
    user = UserStore.in_data_dir(tmp_path / "data").authenticate("root", "chosen-admin-password")
    assert user is not None and user.groups == ["Admins"]


def test_locally_the_issuer_sends_no_codes_an_admin_sets_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRGRAPH_AUTH", "local")
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(tmp_path))
    forgot = runner.invoke(client_app, ["password", "forgot", "ann"])
    assert forgot.exit_code == 1 and "hrgraph-local users passwd NAME" in forgot.output
    runner.invoke(app, ["users", "add", "ann", "--password-stdin"], input="first-password\n")
    changed = runner.invoke(
        app, ["users", "passwd", "ann", "--password-stdin"], input="second-password\n"
    )
    assert changed.exit_code == 0, changed.output
    store = UserStore.in_data_dir(tmp_path)
    assert store.authenticate("ann", "second-password") is not None
    assert store.authenticate("ann", "first-password") is None
