"""The BackupStore on a local folder (default: DATA_DIR/backups).

Every file appears whole or not at all: bytes go to a hidden temporary file
in the same folder, are flushed to disk, then renamed over the final name
(a rename within one file system is atomic). A crash leaves at most a
``.tmp-*`` file, which no listing ever shows and the next start removes: a
writer holds an exclusive ``flock`` on its temporary file, so only files no
live writer (in any process) holds are taken. Files are created 0600 in a
0700 folder: backups hold whole tables.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO

from resolvers.adapters.download_links import LinkSigner
from resolvers.core.errors import NotFound, Unavailable

log = logging.getLogger(__name__)

DATA_SUFFIX = ".avro"
MANIFEST_SUFFIX = ".manifest.json"


class FolderBackupStore:
    """Implements the BackupStore port as ``<id>.avro`` + ``<id>.manifest.json`` files."""

    def __init__(self, folder: str | Path, link_key: str | Path | None = None) -> None:
        self.folder = Path(folder)
        key = link_key or self.folder.parent / "download.key"
        self.links = LinkSigner(key)
        self.upload_links = LinkSigner(key, prefix="/")
        """Signs ``/uploads/<id>/<name>`` links, served by the local server (downloads.py)."""
        self.remove_leftovers()

    def remove_leftovers(self) -> int:
        """Delete temporary files of writes that died (a killed backup); how many went."""
        if not self.folder.is_dir():
            return 0
        removed = 0
        for path in self.folder.glob(".*.tmp-*"):
            with contextlib.suppress(OSError), path.open("rb") as held:
                try:
                    fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a live writer holds it
                path.unlink()
                removed += 1
        if removed:
            log.warning("removed %d leftover temporary backup file(s)", removed)
        return removed

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

    # -- uploads to import (the UploadStore port): beside the backup folder -----

    def upload_url(self, source: str, expires_seconds: int) -> str:
        return self.upload_links.link(source, expires_seconds, scope="PUT ")

    def upload_exists(self, source: str) -> bool:
        return self.upload_path(source).is_file()

    def upload_location(self, source: str) -> str:
        return str(self.upload_path(source).resolve())

    def upload_head(self, source: str, size: int) -> bytes:
        try:
            with self.upload_path(source).open("rb") as stream:
                return stream.read(size)
        except FileNotFoundError:
            raise NotFound(f"nothing was uploaded to {source!r}") from None

    def upload_download_url(self, source: str, expires_seconds: int) -> str | None:
        if not self.upload_exists(source):
            return None
        return self.upload_links.link(source, expires_seconds, scope="GET ")

    def upload_path(self, source: str) -> Path:
        """The file of ``uploads/<id>/<name>`` (never a path outside the uploads folder)."""
        parts = source.split("/")
        if (
            len(parts) != 3
            or parts[0] != "uploads"
            or any(not p or p.startswith(".") or "\\" in p for p in parts)
        ):
            raise NotFound(f"nothing was uploaded to {source!r}")
        return self.folder.parent / source

    def receive_upload(self, source: str) -> AbstractContextManager[IO[bytes]]:
        """A writable stream for an upload; the file appears whole when the block ends."""
        final = self.upload_path(source)
        final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return _atomic_file(final)

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
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise Unavailable(f"cannot write to the backup folder: {error.strerror}") from error
        with _atomic_file(final) as out:
            yield out


@contextmanager
def _atomic_file(final: Path) -> Iterator[IO[bytes]]:
    """Write to a hidden temporary sibling of ``final``; rename over it only on success."""
    folder = final.parent
    try:
        temporary = final.with_name(f".{final.name}.tmp-{secrets.token_hex(4)}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        out = os.fdopen(os.open(temporary, flags, 0o600), "wb")
        fcntl.flock(out, fcntl.LOCK_EX)  # marks it live for remove_leftovers
    except OSError as error:
        raise Unavailable(f"cannot write to the backup folder: {error.strerror}") from error
    try:
        with out:
            yield out
            try:
                out.flush()
                os.fsync(out.fileno())
                temporary.replace(final)
                _sync_folder(folder)
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
