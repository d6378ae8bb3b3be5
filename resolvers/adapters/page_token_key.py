"""Where the page-token key comes from: Secrets Manager in AWS, a private file locally.

The key signs every ``nextToken`` (resolvers/core/cursor.py). In AWS every
Lambda instance must hold the same key, so it lives in Secrets Manager
(Settings.page_token_secret_arn) and is read once per cold start; on a laptop
it is generated into DATA_DIR on first run, readable by its owner only.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from resolvers.core.cursor import MIN_KEY_BYTES
from resolvers.core.errors import Unavailable

FILE_NAME = "page-token.key"


def from_secrets_manager(secret_arn: str, client: Any = None) -> bytes:
    """The secret's string as the key; ``client`` is a boto3 secretsmanager client (tests: moto)."""
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    client = client or boto3.client("secretsmanager")
    try:
        value = client.get_secret_value(SecretId=secret_arn)
    except (BotoCoreError, ClientError) as error:
        raise Unavailable(f"cannot read the page-token key from Secrets Manager: {error}") from None
    key = str(value.get("SecretString") or "").encode()
    if len(key) < MIN_KEY_BYTES:
        raise Unavailable(f"the page-token secret must hold at least {MIN_KEY_BYTES} characters")
    return key


def from_data_dir(data_dir: Path) -> bytes:
    """DATA_DIR/page-token.key, created 0600 the first time (by one process only)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = data_dir / FILE_NAME
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(MIN_KEY_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
    if path.stat().st_mode & 0o077:
        raise PermissionError(f"{path}: readable by others; run `chmod 600 {path}`")
    key = path.read_bytes().strip()
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"{path}: too short for a page-token key; delete it to make a new one")
    return key
