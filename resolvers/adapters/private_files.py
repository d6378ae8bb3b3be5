"""Local state is its owner's alone: the data dir 0700, what it holds 0600.

The data dir holds the whole warehouse (DuckDB), backups of every table, the
token issuer's signing key, the page-token key and the users' password
hashes; none of it is for other accounts on the machine. A directory left
more open by an older release or by hand is tightened, not refused: the
files inside were never meant to be shared.
"""

from __future__ import annotations

import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) 0700, or tighten it to 0700 if it exists looser."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if path.stat().st_mode & 0o077:
        path.chmod(DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Tighten an existing file to 0600 (a missing one is left for its creator)."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(FILE_MODE)
    except FileNotFoundError:
        return


def private_tree(folder: Path) -> None:
    """Tighten a folder and every file directly in it (the data dir on start)."""
    private_dir(folder)
    for entry in folder.iterdir():
        if entry.is_file() and not entry.is_symlink():
            private_file(entry)


def restrict_new_files() -> None:
    """From now on this process creates files 0600 and folders 0700 (a server's umask),
    which also covers files others create for us (DuckDB's write-ahead log)."""
    os.umask(0o077)
