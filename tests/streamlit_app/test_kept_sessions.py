"""Kept sessions: a one-time ticket sets an HttpOnly cookie that names a session on the server."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from starlette.applications import Starlette

from streamlit_app import kept_sessions
from streamlit_app.kept_sessions import Kept, SessionStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def kept() -> Kept:
    return Kept(tokens=lambda: "id-token", username="alice", groups=["Admins"])


def test_a_ticket_opens_its_session_once() -> None:
    store = SessionStore()
    handle, ticket = store.keep(kept(), binding=None)
    assert store.redeem(ticket, None) == handle
    assert store.redeem(ticket, None) is None  # spent
    opened = store.open(handle)
    assert opened is not None and opened.username == "alice"


def test_a_late_ticket_or_another_browsers_is_refused() -> None:
    clock = Clock()
    store = SessionStore(clock)
    _, late = store.keep(kept(), binding=None)
    clock.now += kept_sessions.TICKET_SECONDS + 1
    assert store.redeem(late, None) is None
    _, bound = store.keep(kept(), binding="browser-a")
    assert store.redeem(bound, "browser-b") is None


def test_sessions_die_when_idle_or_dropped() -> None:
    clock = Clock()
    store = SessionStore(clock)
    idle, _ = store.keep(kept(), binding=None)
    dropped, _ = store.keep(kept(), binding=None)
    store.drop(dropped)
    assert store.open(dropped) is None
    clock.now += kept_sessions.IDLE_SECONDS - 1
    assert store.open(idle) is not None  # use keeps it alive
    clock.now += kept_sessions.IDLE_SECONDS + 1
    assert store.open(idle) is None


@pytest.mark.parametrize(
    ("asked", "sent"),
    [
        ("/data", "/data"),
        ("/reports?year=2021", "/reports?year=2021"),
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
        ("data", "/"),
        ("/\\evil.example", "/"),
        (None, "/"),
    ],
)
def test_the_way_back_stays_on_this_site(asked: str | None, sent: str) -> None:
    assert kept_sessions.safe_next(asked) == sent


def test_the_routes_set_an_httponly_strict_cookie_then_clear_it() -> None:
    app = Starlette(routes=kept_sessions.routes())
    assert kept_sessions.mounted()
    handle, ticket = kept_sessions.STORE.keep(kept(), binding="xsrf-1")

    async def browse() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            url = kept_sessions.start_url(ticket, "/data")
            client.cookies.set(kept_sessions.XSRF_COOKIE, "other")
            foreign = await client.get(url)
            client.cookies.set(kept_sessions.XSRF_COOKIE, "xsrf-1")
            answered = [foreign, await client.get(url), await client.get(url)]
            client.cookies.set(kept_sessions.COOKIE, handle)
            return [*answered, await client.get(kept_sessions.END_PATH)]

    foreign, started, again, ended = asyncio.run(browse())
    assert "set-cookie" not in foreign.headers  # another browser cannot use (or spend) it
    assert started.status_code == 303
    assert started.headers["location"] == "/data"
    cookie = started.headers["set-cookie"]
    assert cookie.startswith(f"{kept_sessions.COOKIE}={handle};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    assert started.headers["cache-control"] == "no-store"
    assert "set-cookie" not in again.headers  # a ticket works once
    assert ended.status_code == 303
    assert f'{kept_sessions.COOKIE}=""' in ended.headers["set-cookie"]
    assert kept_sessions.STORE.open(handle) is None


@pytest.mark.parametrize(
    ("base_url", "secure"),
    [
        ("http://127.0.0.1:8501", False),
        ("http://localhost:8501", False),
        ("https://127.0.0.1", True),
        # Behind the load balancer: TLS ends there, Streamlit sees http and the site's name.
        ("http://hr.example.com", True),
        ("http://10.0.3.7:8501", True),
    ],
)
def test_the_cookie_is_secure_off_the_laptops_loopback(base_url: str, secure: bool) -> None:
    app = Starlette(routes=kept_sessions.routes())
    _, ticket = kept_sessions.STORE.keep(kept(), binding=None)

    async def start() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as client:
            return await client.get(kept_sessions.start_url(ticket, "/data"))

    cookie = asyncio.run(start()).headers["set-cookie"]
    assert ("; secure" in cookie.lower()) is secure
