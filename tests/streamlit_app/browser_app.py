"""What the browser test modules share: pages, signed-in pages, uploads.

The served app (``served``), Chromium (``chromium``) and ``empty_tables`` are fixtures in
conftest.py, one served app and one browser per module.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.streamlit_app.conftest import ServedApp
from tests.streamlit_app.test_browser import (
    DESKTOP,
    PHONE,
    boxes,
    new_page,
    open_menu_item,
    run_ended,
    shot,
    sign_in,
)

__all__ = [
    "DESKTOP",
    "PHONE",
    "ServedApp",
    "boxes",
    "new_page",
    "open_menu_item",
    "run_ended",
    "shot",
]


def signed_in_page(
    served: ServedApp,
    chromium: Browser,
    viewport: dict[str, int],
    username: str,
    group: str,
    path: str = "",
) -> Page:
    """A new page at ``viewport``, ``username`` (added to ``group`` if new) signed in at ``path``.

    The page asked for opens once signed in.
    """
    served.add_user(username, group)
    page = new_page(chromium, viewport)
    sign_in(page, served.ui + path, username)
    return page


def upload(page: Page, path: Path, content: str | None = None) -> None:
    """Choose ``path`` in the Load page's uploader (written first when ``content`` is given)."""
    if content is not None:
        path.write_text(content, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(path))
