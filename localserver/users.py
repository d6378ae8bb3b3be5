"""The local issuer's users: a JSON file beside the database, safe for two processes.

DuckDB lets one process write its file, and ``hrgraph users add`` must work
while the server runs, so users live in their own small file: every change
takes an exclusive ``flock`` on a lock file, reads, modifies and replaces the
file atomically (write to a temporary file, fsync, ``os.replace``). Readers
never see half a file. Passwords are kept only as argon2id hashes.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{1,128}$")
"""Cognito's default username alphabet, minus whitespace."""

MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash(uuid.uuid4().hex)
"""Verified against when the user does not exist, so both failures cost the same time."""


class UserError(ValueError):
    """A user operation that cannot be done (exists, unknown, weak password...)."""


@dataclass(frozen=True)
class User:
    username: str
    sub: str
    groups: list[str]
    password_hash: str = field(repr=False)
    created_at: str
    tokens_valid_after: int = 0
    """Refresh tokens issued before this Unix time are refused (set by a password change)."""

    def public(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "sub": self.sub,
            "groups": list(self.groups),
            "createdAt": self.created_at,
        }


class UserStore:
    """Users of the local issuer, in ``users.json`` under the data dir."""

    def __init__(self, path: Path, hasher: PasswordHasher | None = None) -> None:
        """``hasher``: argon2id with its library defaults unless given (tests pass a cheap one)."""
        self.path = path
        self._hasher = hasher or _hasher
        self._lock_path = path.with_name(path.name + ".lock")

    @classmethod
    def in_data_dir(cls, data_dir: Path, hasher: PasswordHasher | None = None) -> UserStore:
        return cls(data_dir / "auth" / "users.json", hasher)

    # -- reading ---------------------------------------------------------------

    def all(self) -> list[User]:
        return sorted(self._read().values(), key=lambda user: user.username)

    def get(self, username: str) -> User | None:
        return self._read().get(username)

    def by_sub(self, sub: str) -> User | None:
        return next((user for user in self._read().values() if user.sub == sub), None)

    def has_member_of(self, group: str) -> bool:
        return any(group in user.groups for user in self._read().values())

    def authenticate(self, username: str, password: str) -> User | None:
        """The user when the password matches; None otherwise, in about the same time."""
        user = self.get(username)
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        return user

    # -- writing ---------------------------------------------------------------

    def add(self, username: str, password: str, groups: list[str]) -> User:
        check_username(username)
        check_password(password)
        with self._locked() as users:
            if username in users:
                raise UserError(f"user {username!r} already exists")
            user = User(
                username=username,
                sub=str(uuid.uuid4()),
                groups=sorted(set(groups)),
                password_hash=self._hasher.hash(password),
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            users[username] = user
        return user

    def remove(self, username: str) -> None:
        with self._locked() as users:
            if users.pop(username, None) is None:
                raise UserError(f"no user {username!r}")

    def set_password(self, username: str, password: str, now: int) -> None:
        """Change a password and revoke the refresh tokens issued before."""
        check_password(password)
        with self._locked() as users:
            user = users.get(username)
            if user is None:
                raise UserError(f"no user {username!r}")
            users[username] = replace(
                user, password_hash=self._hasher.hash(password), tokens_valid_after=now
            )

    # -- the file --------------------------------------------------------------

    def _read(self) -> dict[str, User]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {name: User(**entry) for name, entry in raw.get("users", {}).items()}

    @contextmanager
    def _locked(self) -> Iterator[dict[str, User]]:
        """Exclusive read-modify-write; the change is written only if the block succeeds."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with self._lock_path.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                users = self._read()
                yield users
                self._write(users)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, users: dict[str, User]) -> None:
        document = {"version": 1, "users": {name: asdict(user) for name, user in users.items()}}
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".users-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(document, handle, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            Path(temporary).chmod(0o600)
            Path(temporary).replace(self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def check_username(username: str) -> None:
    if not USERNAME.match(username):
        raise UserError("username: 1 to 128 letters, digits or . _ @ + -")


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
