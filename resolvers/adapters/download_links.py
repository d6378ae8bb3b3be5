"""Short-lived download links for backups kept in a folder, served by the local server.

In AWS a link is a presigned S3 URL; locally the file sits in the backup folder,
so the local server serves it (localdev/downloads.py) to whoever brings a
link this module signed: ``/downloads/backups/<id>.avro?expires=<epoch>&signature=<hmac>``.
The HMAC-SHA256 key is 32 random bytes in the data dir (0600), made on first use;
a link names one file and dies at ``expires``. The path is relative: the client
resolves it against the API's address.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path
from urllib.parse import quote, urlencode

PREFIX = "/downloads/backups/"


class LinkSigner:
    """Signs links under ``prefix``; ``scope`` (an HTTP method, say) is signed too, so a link
    made for one use (uploading a file) cannot serve another (reading it)."""

    def __init__(self, key_file: str | Path, prefix: str = PREFIX) -> None:
        self.key_file = Path(key_file)
        self.prefix = prefix

    def link(
        self, file_name: str, expires_seconds: int, now: float | None = None, scope: str = ""
    ) -> str:
        expires = int((now if now is not None else time.time()) + expires_seconds)
        signature = self._sign(scope + file_name, expires)
        query = urlencode({"expires": expires, "signature": signature})
        return f"{self.prefix}{quote(file_name)}?{query}"

    def verify(
        self,
        file_name: str,
        expires: str,
        signature: str,
        now: float | None = None,
        scope: str = "",
    ) -> bool:
        """True for a link this key signed for this file (and scope) that has not expired."""
        try:
            deadline = int(expires)
        except ValueError:
            return False
        if deadline < (now if now is not None else time.time()):
            return False
        return hmac.compare_digest(self._sign(scope + file_name, deadline), signature)

    def _sign(self, file_name: str, expires: int) -> str:
        message = f"{file_name}\n{expires}".encode()
        return hmac.new(self._key(), message, hashlib.sha256).hexdigest()

    def _key(self) -> bytes:
        try:
            return self.key_file.read_bytes()
        except FileNotFoundError:
            pass
        self.key_file.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        try:
            descriptor = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another thread made it first
            return self.key_file.read_bytes()
        with os.fdopen(descriptor, "wb") as out:
            out.write(key)
        return key
