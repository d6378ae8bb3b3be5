"""The users file: argon2 hashes, 0600, and safe when two processes change it at once."""

from __future__ import annotations

import json
import multiprocessing
import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from localcognito.users import UserError, UserStore


def test_a_user_is_stored_with_an_argon2_hash_never_the_password(tmp_path: Path) -> None:
    store = UserStore.in_data_dir(tmp_path)
    store.add("ann", "ann-password", ["Analysts"])
    text = store.path.read_text(encoding="utf-8")
    assert "ann-password" not in text
    assert json.loads(text)["users"]["ann"]["password_hash"].startswith("$argon2id$")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.authenticate("ann", "ann-password") is not None
    assert store.authenticate("ann", "wrong-password") is None
    assert store.authenticate("nobody", "ann-password") is None


def test_add_list_remove(tmp_path: Path) -> None:
    store = UserStore.in_data_dir(tmp_path)
    store.add("vic", "vic-password", ["Viewers"])
    store.add("ann", "ann-password", ["Analysts", "Viewers"])
    assert [(u.username, u.groups) for u in store.all()] == [
        ("ann", ["Analysts", "Viewers"]),
        ("vic", ["Viewers"]),
    ]
    with pytest.raises(UserError, match="exists"):
        store.add("ann", "another-password", [])
    store.remove("ann")
    assert [u.username for u in store.all()] == ["vic"]
    with pytest.raises(UserError, match="no user"):
        store.remove("ann")


@pytest.mark.parametrize(
    ("username", "password"), [("", "long-enough"), ("has space", "long-enough"), ("ok", "short")]
)
def test_bad_usernames_and_short_passwords_are_refused(
    tmp_path: Path, username: str, password: str
) -> None:
    with pytest.raises(UserError):
        UserStore.in_data_dir(tmp_path).add(username, password, [])


FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""Cheap argon2 parameters: these tests are about the file, not the hash's cost."""


def _add_many(path: str, prefix: str, count: int) -> None:
    store = UserStore(Path(path), FAST)
    for index in range(count):
        store.add(f"{prefix}{index}", "password-1234", ["Viewers"])


def test_two_processes_adding_at_once_lose_no_user(tmp_path: Path) -> None:
    """What `hrgraph users add` does while the server (or another add) writes the file."""
    path = str(UserStore.in_data_dir(tmp_path).path)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_add_many, args=(path, p, 8)) for p in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    assert len(UserStore(Path(path)).all()) == 16
