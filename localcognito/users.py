"""The local issuer's users: a JSON file beside the database, safe for two processes.

DuckDB lets one process write its file, and ``hrgraph-local users add`` must work
while the server runs, so users live in their own small file: every change
takes an exclusive ``flock`` on a lock file, reads, modifies and replaces the
file atomically (write to a temporary file, fsync, ``os.replace``). Readers
never see half a file. Passwords are kept only as argon2id hashes.

Removing or disabling a user revokes their tokens at once: the server asks
``still_valid`` for every request's token, and a removed user's ``sub`` is
gone, a disabled one is refused, and a password change (``set_password``)
refuses tokens issued before it. The file is re-read only when it changed.
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
    tokens_valid_after: float = 0
    """Tokens issued at or before this Unix time are refused (set by a password change),
    to the microsecond: a token signed in the same second, before the change, is refused."""
    disabled: bool = False
    """A disabled user cannot sign in, and every token they hold is refused."""

    def accepts(self, issued_at: float) -> bool:
        """Does a token issued at ``issued_at`` (its ``iat``) still speak for this user?"""
        return not self.disabled and issued_at > self.tokens_valid_after


_Users = tuple[tuple[int, int, int] | None, dict[str, User], dict[str, User]]
"""The file's version, its users by name, the same by sub."""


class UserStore:
    """Users of the local issuer, in ``users.json`` under the data dir."""

    def __init__(self, path: Path, hasher: PasswordHasher | None = None) -> None:
        """``hasher``: argon2id with its library defaults unless given (tests pass a cheap one)."""
        self.path = path
        self._hasher = hasher or _hasher
        self._lock_path = path.with_name(path.name + ".lock")
        self._cache: _Users | None = None

    @classmethod
    def in_data_dir(cls, data_dir: Path, hasher: PasswordHasher | None = None) -> UserStore:
        return cls(data_dir / "auth" / "users.json", hasher)

    # -- reading ---------------------------------------------------------------

    def all(self) -> list[User]:
        return sorted(self._current()[1].values(), key=lambda user: user.username)

    def get(self, username: str) -> User | None:
        return self._current()[1].get(username)

    def by_sub(self, sub: str) -> User | None:
        return self._current()[2].get(sub)

    def has_member_of(self, group: str) -> bool:
        return any(group in user.groups for user in self._current()[1].values())

    def authenticate(self, username: str, password: str) -> User | None:
        """The enabled user whose password matches; None otherwise, in about the same time."""
        user = self.get(username)
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        return None if user is None or user.disabled else user

    def still_valid(self, sub: str, issued_at: float) -> bool:
        """May a token of ``sub`` issued at ``issued_at`` still be used (not removed/disabled)?"""
        user = self.by_sub(sub)
        return user is not None and user.accepts(issued_at)

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
        """Delete the user; their tokens stop working at once (their ``sub`` is gone)."""
        with self._locked() as users:
            if users.pop(username, None) is None:
                raise UserError(f"no user {username!r}")

    def set_disabled(self, username: str, disabled: bool, now: float) -> None:
        """Disable (every token refused, no sign-in) or enable again; an enabled user
        signs in anew: tokens from before the change stay refused."""
        with self._locked() as users:
            user = users.get(username)
            if user is None:
                raise UserError(f"no user {username!r}")
            users[username] = replace(
                user, disabled=disabled, tokens_valid_after=max(user.tokens_valid_after, now)
            )

    def set_password(self, username: str, password: str, now: float) -> None:
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

    def _current(self) -> _Users:
        """The file as cached, re-read only when it changed (every request asks ``still_valid``,
        so a change by another process, the CLI's, counts from the next request on)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None, {}, {}
        version = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if self._cache is not None and self._cache[0] == version:
            return self._cache
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None, {}, {}
        users = {name: User(**entry) for name, entry in raw.get("users", {}).items()}
        self._cache = (version, users, {user.sub: user for user in users.values()})
        return self._cache

    @contextmanager
    def _locked(self) -> Iterator[dict[str, User]]:
        """Exclusive read-modify-write; the change is written only if the block succeeds."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(self._lock_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                users = dict(self._current()[1])  # a copy to change: the cache stays
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
