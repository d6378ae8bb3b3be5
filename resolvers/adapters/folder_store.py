"""The BackupStore on a local folder (default: DATA_DIR/backups).

Every file appears whole or not at all: bytes go to a hidden temporary file
in the same folder, are flushed to disk, then renamed over the final name
(a rename within one file system is atomic). A crash leaves at most a
``.tmp-*`` file, which no listing ever shows.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from resolvers.adapters.download_links import LinkSigner
from resolvers.core.errors import NotFound, Unavailable

DATA_SUFFIX = ".avro"
MANIFEST_SUFFIX = ".manifest.json"


class FolderBackupStore:
    """Implements the BackupStore port as ``<id>.avro`` + ``<id>.manifest.json`` files."""

    def __init__(self, folder: str | Path, link_key: str | Path | None = None) -> None:
        self.folder = Path(folder)
        self.links = LinkSigner(link_key or self.folder.parent / "download.key")

    def location(self, backup_id: str) -> str:
        return str(self._path(backup_id, DATA_SUFFIX).resolve())

    @contextmanager
    def write_data(self, backup_id: str) -> Iterator[IO[bytes]]:
        with self._atomic(self._path(backup_id, DATA_SUFFIX)) as out:
            yield out

    @contextmanager
    def read_data(self, backup_id: str) -> Iterator[IO[bytes]]:
        path = self._path(backup_id, DATA_SUFFIX)
        try:
            source = path.open("rb")
        except FileNotFoundError:
            raise NotFound(f"backup {backup_id} has no data file") from None
        except OSError as error:
            raise Unavailable(f"cannot read the backup folder: {error.strerror}") from error
        with source:
            yield source

    def put_manifest(self, backup_id: str, body: bytes) -> None:
        with self._atomic(self._path(backup_id, MANIFEST_SUFFIX)) as out:
            out.write(body)

    def get_manifest(self, backup_id: str) -> bytes | None:
        try:
            return self._path(backup_id, MANIFEST_SUFFIX).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise Unavailable(f"cannot read the backup folder: {error.strerror}") from error

    def list_ids(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        names = (p.name for p in self.folder.iterdir())
        return sorted(n[: -len(MANIFEST_SUFFIX)] for n in names if n.endswith(MANIFEST_SUFFIX))

    def exists(self, backup_id: str) -> bool:
        return self._path(backup_id, MANIFEST_SUFFIX).is_file()

    def delete(self, backup_id: str) -> None:
        try:
            self._path(backup_id, MANIFEST_SUFFIX).unlink(missing_ok=True)
            self._path(backup_id, DATA_SUFFIX).unlink(missing_ok=True)
        except OSError as error:
            raise Unavailable(f"cannot delete from the backup folder: {error.strerror}") from error

    def download_url(self, backup_id: str, expires_seconds: int) -> str:
        """A relative link the local server serves (resolvers/adapters/download_links.py)."""
        return self.links.link(self._path(backup_id, DATA_SUFFIX).name, expires_seconds)

    def data_file(self, file_name: str) -> Path | None:
        """The data file a download link names, if it is one (never a path outside the folder)."""
        if not file_name.endswith(DATA_SUFFIX):
            return None
        try:
            path = self._path(file_name[: -len(DATA_SUFFIX)], DATA_SUFFIX)
        except NotFound:
            return None
        return path if path.is_file() else None

    def _path(self, backup_id: str, suffix: str) -> Path:
        if not backup_id or "/" in backup_id or "\\" in backup_id or backup_id.startswith("."):
            raise NotFound(f"backup {backup_id!r} does not exist")
        return self.folder / f"{backup_id}{suffix}"

    @contextmanager
    def _atomic(self, final: Path) -> Iterator[IO[bytes]]:
        """Write to a temporary sibling; rename over ``final`` only on success."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = final.with_name(f".{final.name}.tmp-{secrets.token_hex(4)}")
            out = temporary.open("xb")
        except OSError as error:
            raise Unavailable(f"cannot write to the backup folder: {error.strerror}") from error
        try:
            with out:
                yield out
                try:
                    out.flush()
                    os.fsync(out.fileno())
                    temporary.replace(final)
                    _sync_folder(self.folder)
                except OSError as error:
                    message = f"cannot write to the backup folder: {error.strerror}"
                    raise Unavailable(message) from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX: fsync the directory)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
