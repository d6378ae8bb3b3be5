"""The app under AppTest, against a live local server with real sign-in.

Users are added to the server's own users file (its data dir), and every
session signs in through the local issuer as the app does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect, sync_playwright
from streamlit.testing.v1 import AppTest

from client.api import HrClient
from hrgraph_contract.settings import Settings
from localcognito.users import UserStore
from resolvers import wiring
from resolvers.core.tables import Table
from streamlit_app import session
from tests.conftest import LiveServer, admin_token, free_port, serving

APP = Path(__file__).resolve().parents[2] / "streamlit_app" / "app.py"
PASSWORD = "correct-horse-battery"
TIMEOUT = 30


def add_user(server: LiveServer, username: str, group: str) -> None:
    UserStore.in_data_dir(server.settings.data_dir).add(username, PASSWORD, [group])


@pytest.fixture
def server(live_server: LiveServer, monkeypatch: pytest.MonkeyPatch) -> LiveServer:
    """The live server, with the app's settings (HRGRAPH_URL) pointing at it."""
    monkeypatch.setenv("HRGRAPH_URL", live_server.url)
    monkeypatch.setenv("HRGRAPH_DATA_DIR", str(live_server.settings.data_dir))
    return live_server


@pytest.fixture
def admin_api(server: LiveServer) -> Iterator[HrClient]:
    with HrClient(server.url, server.token) as api:
        yield api


OpenPage = Callable[..., AppTest]


@pytest.fixture
def open_page(server: LiveServer) -> Iterator[OpenPage]:
    """open_page(group, "reports"): the app with a user of that group signed in, on that page."""
    opened: list[session.SignedIn] = []

    def open_(group: str, page: str) -> AppTest:
        username = f"{group.lower()}-{len(opened)}"
        add_user(server, username, group)
        signed_in = session.sign_in(username, PASSWORD, Settings.from_env())
        opened.append(signed_in)
        app = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        app.session_state[session.KEY] = signed_in
        app.run()
        return app.switch_page(f"app_pages/{page}.py").run()

    yield open_
    for signed_in in opened:
        signed_in.client.close()


def texts(app: AppTest) -> str:
    """Everything the page wrote, as one string to search."""
    parts = [m.value for m in app.markdown] + [e.value for e in app.error]
    parts += [w.value for w in app.warning] + [i.value for i in app.info]
    parts += [s.value for s in app.success] + [c.value for c in app.caption]
    parts += [t.value for t in app.title] + [h.value for h in app.header]
    return "\n".join(str(p) for p in parts)


@dataclass
class ServedApp:
    """A local server and `streamlit run streamlit_app/serve.py` against it, shared by a module."""

    url: str
    ui: str
    token: str
    settings: Settings
    services: wiring.Services
    tmp: Path

    def add_user(self, username: str, group: str) -> None:
        store = UserStore.in_data_dir(self.settings.data_dir)
        if store.get(username) is None:
            store.add(username, PASSWORD, [group])

    def empty_tables(self) -> None:
        """Every table emptied in place (employees first: they name departments and jobs)."""
        for table in (Table.HIRED_EMPLOYEES, Table.JOBS, Table.DEPARTMENTS):
            self.services.warehouse.restore_swap(table, [], lambda staged: None)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedApp]:
    """One server and one served app for a module of browser tests (each costs seconds)."""
    tmp = tmp_path_factory.mktemp("served")
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp / "server-data")})
    token = admin_token(settings)
    services = wiring.build(settings)
    with serving(settings, services) as url, streamlit_serving(url, settings, tmp) as ui:
        yield ServedApp(url, ui, token, settings, services, tmp)


@contextmanager
def streamlit_serving(url: str, settings: Settings, tmp: Path) -> Iterator[str]:
    """`streamlit run streamlit_app/serve.py` on a free port, talking to ``url``."""
    port = free_port()
    environment = {
        **os.environ,
        "HRGRAPH_URL": url,
        "HRGRAPH_DATA_DIR": str(settings.data_dir),
    }
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP.with_name("serve.py")),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    with until_healthy(command, port, environment, tmp / f"streamlit-{port}.log") as base:
        yield base


@contextmanager
def until_healthy(
    command: list[str],
    port: int,
    environment: dict[str, str],
    log_path: Path,
    cwd: Path | None = None,
    seconds: float = 60,
) -> Iterator[str]:
    """A `streamlit run` process, its URL once /_stcore/health answers; its log if it never does.

    Stopped on the way out, whatever the test did.
    """
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=cwd, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + seconds
            while True:
                try:
                    if httpx.get(f"{base}/_stcore/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log_path.read_text())
                time.sleep(0.2)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Debian's chromium, once per module (a launch costs seconds on a busy machine)."""
    from tests.streamlit_app.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, WAIT_MS

    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make browser` (make test does)"
    ARTIFACTS.mkdir(exist_ok=True)
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def empty_tables(served: ServedApp) -> None:
    """A browser test that starts from empty tables (the module shares one server)."""
    served.empty_tables()
