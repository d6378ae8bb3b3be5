"""The app under AppTest, against a live local server with real sign-in.

Users are added to the server's own users file (its data dir), and every
session signs in through the local issuer as the app does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from client.api import HrClient
from hrgraph_contract.settings import Settings
from localserver.users import UserStore
from streamlit_app import session
from tests.conftest import LiveServer

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
