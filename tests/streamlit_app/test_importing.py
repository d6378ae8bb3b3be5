"""streamlit_app/importing.py: the rejects link the Load page keeps, renewed before it expires."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from client.api import HrClient
from client.models import BackupDownload
from streamlit_app import importing
from tests.client.test_imports import duplicates, imported


class NoCalls:
    """An API that must not be asked: a held link with life left needs no query."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the API was asked for {name}")


def test_a_held_link_is_kept_while_it_has_life_left_then_renewed(
    admin_api: HrClient, tmp_path: Path
) -> None:
    job = imported(admin_api, tmp_path, duplicates(3))
    fresh = importing.download_link(admin_api, job, None)
    assert fresh is not None and fresh.expires_at > datetime.now(UTC) + importing.LINK_MARGIN

    # a link with more than the margin left is the one shown, with no query made
    assert importing.download_link(NoCalls(), job, fresh) is fresh  # type: ignore[arg-type]

    # one about to expire is replaced by a fresh one, to the same file
    ending: BackupDownload = replace(
        fresh, expires_at=datetime.now(UTC) + importing.LINK_MARGIN - timedelta(seconds=1)
    )
    renewed = importing.download_link(admin_api, job, ending)
    assert renewed is not None and renewed is not ending
    assert renewed.expires_at > ending.expires_at
    assert renewed.file_name == fresh.file_name
