"""What the browser test modules share: pages, sign-in, uploads.

The served app (``served``), Chromium (``chromium``) and ``empty_tables`` are fixtures in
conftest.py, one served app and one browser per module.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from tests.streamlit_app.conftest import ServedApp
from tests.streamlit_app.test_browser import (
    DESKTOP,
    PHONE,
    new_page,
    open_menu_item,
    shot,
)
from tests.streamlit_app.test_browser import sign_in as sign_in_at

__all__ = ["DESKTOP", "PHONE", "ServedApp", "new_page", "open_menu_item", "shot"]


def sign_in(page: Page, ui: str, username: str, path: str = "") -> None:
    """Sign in at ``ui + path``; the page asked for opens once signed in."""
    sign_in_at(page, ui + path, username)


def upload(page: Page, path: Path, content: str | None = None) -> None:
    """Choose ``path`` in the Load page's uploader (written first when ``content`` is given)."""
    if content is not None:
        path.write_text(content, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(path))
