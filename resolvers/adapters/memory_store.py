"""An in-memory BackupStore: the port's fake, public so any test can use it.

It keeps the port's promises like the real stores (a data file appears only
when its writer finishes, manifests list in id order) and lets tests break
things the real stores would only break by accident (``unavailable``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from resolvers.core.errors import NotFound, Unavailable


class MemoryBackupStore:
    """Implements the BackupStore port on two dicts."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}
        self.manifests: dict[str, bytes] = {}
        self.unavailable = False
        """Set True to make every call fail as an unreachable store does."""

    def location(self, backup_id: str) -> str:
        return f"memory://{backup_id}.avro"

    @contextmanager
    def write_data(self, backup_id: str) -> Iterator[IO[bytes]]:
        self._reachable()
        buffer = io.BytesIO()
        yield buffer
        self.data[backup_id] = buffer.getvalue()

    @contextmanager
    def read_data(self, backup_id: str) -> Iterator[IO[bytes]]:
        self._reachable()
        if backup_id not in self.data:
            raise NotFound(f"backup {backup_id} has no data file")
        yield io.BytesIO(self.data[backup_id])

    def put_manifest(self, backup_id: str, body: bytes) -> None:
        self._reachable()
        self.manifests[backup_id] = bytes(body)

    def get_manifest(self, backup_id: str) -> bytes | None:
        self._reachable()
        return self.manifests.get(backup_id)

    def list_ids(self) -> list[str]:
        self._reachable()
        return sorted(self.manifests)

    def exists(self, backup_id: str) -> bool:
        self._reachable()
        return backup_id in self.manifests

    def delete(self, backup_id: str) -> None:
        self._reachable()
        self.manifests.pop(backup_id, None)
        self.data.pop(backup_id, None)

    def download_url(self, backup_id: str, expires_seconds: int) -> str:
        self._reachable()
        return f"memory://{backup_id}.avro?expires={expires_seconds}"

    def _reachable(self) -> None:
        if self.unavailable:
            raise Unavailable("the backup store cannot be reached")
