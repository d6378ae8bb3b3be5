"""End to end in a real headless Chromium (Debian's, driven by Playwright).

`streamlit run` and the local server run on free ports; a person's path
through the app: sign in, load a CSV with a bad row, read the rejected rows,
open the report chart, ask a question. Screenshots land in tests/artifacts/.
No browser is downloaded: `make test` installs Debian's chromium first, and a
missing browser fails this test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect, sync_playwright

from client.api import HrClient
from tests.conftest import LiveServer, free_port
from tests.streamlit_app.conftest import APP, PASSWORD, add_user

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
WAIT_MS = 30_000

pytestmark = pytest.mark.browser

CSV = (
    "1,Ada Lovelace,2021-02-01T09:00:00Z,1,1\r\n"
    "2,Alan Turing,2021-05-01T09:00:00Z,1,1\r\n"
    "3,,2021-06-01T09:00:00Z,1,1\r\n"
    "4,Grace Hopper,2021-08-01T09:00:00Z,2,1\r\n"
)


@pytest.fixture
def streamlit_url(live_server: LiveServer, tmp_path: Path) -> Iterator[str]:
    """`streamlit run streamlit_app/app.py` on a free port, talking to the live server."""
    port = free_port()
    environment = {
        **os.environ,
        "HRGRAPH_URL": live_server.url,
        "HRGRAPH_DATA_DIR": str(live_server.settings.data_dir),
    }
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/_stcore/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "streamlit.log").read_text())
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def page() -> Iterator[Page]:
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make browser` (make test does)"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        expect.set_options(timeout=WAIT_MS)
        try:
            yield page
        finally:
            page.screenshot(path=str(ARTIFACTS / "last.png"))
            browser.close()


def shot(page: Page, name: str, focus: Locator | None = None) -> None:
    """A screenshot; Streamlit scrolls inside its main block, so scroll ``focus`` into view."""
    if focus is not None:
        focus.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # let charts finish drawing
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_menu_item(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    expect(page.get_by_role("heading", name=title).first).to_be_visible()


def test_an_admin_loads_reads_reports_and_asks(
    live_server: LiveServer, streamlit_url: str, page: Page, tmp_path: Path
) -> None:
    with HrClient(live_server.url, live_server.token) as api:
        api.insert(
            "departments", [{"id": 1, "department": "Sales"}, {"id": 2, "department": "Research"}]
        )
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    add_user(live_server, "alice", "Admins")

    page.goto(streamlit_url)
    expect(page.get_by_text("Username", exact=True)).to_be_visible()
    shot(page, "00-sign-in")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Groups: Admins")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Account", exact=True)).to_be_visible()
    shot(page, "01-signed-in")

    csv_file = tmp_path / "hired_employees.csv"
    csv_file.write_text(CSV, encoding="utf-8")
    page.get_by_test_id("stSidebarNav").get_by_text("Load", exact=True).click()
    page.locator("input[type=file]").set_input_files(str(csv_file))
    page.get_by_role("button", name="Load 4 rows into hired_employees").click()
    expect(page.get_by_role("heading", name="Rejected rows")).to_be_visible()
    rejected = page.get_by_test_id("stDataFrame").last
    expect(rejected).to_be_visible()
    expect(page.get_by_role("button", name="Download rejected rows as CSV")).to_be_visible()
    shot(page, "02-load-rejected-rows", rejected)

    open_menu_item(page, "Reports")
    expect(page.get_by_text("Hires per quarter in 2021")).to_be_visible()
    charts = page.locator(".vega-embed")
    expect(charts).to_have_count(2)
    expect(charts.first.locator("canvas, svg").first).to_be_visible()
    shot(page, "03-reports-heatmap", charts.first)
    shot(page, "04-reports-above-mean", charts.last)

    page.get_by_test_id("stSidebarNav").get_by_text("Ask", exact=True).click()
    page.get_by_role("textbox", name="Question").fill("How many employees were hired in 2021?")
    page.get_by_role("button", name="Ask", exact=True).click()
    expect(page.get_by_test_id("stCode").first).to_be_visible()
    shot(page, "05-ask")
