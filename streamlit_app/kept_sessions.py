"""Sign-ins that survive a reload: an opaque HttpOnly cookie naming a session kept on the server.

Why this and not the alternatives:

- The ID and refresh tokens never reach the browser. The cookie holds only a
  random handle (256 bits) to a session kept in this process's memory; the
  handle is useless elsewhere, is dropped server-side on sign-out, and dies
  after ``IDLE_SECONDS`` unused. JavaScript cannot read it (HttpOnly), other
  sites cannot send it (SameSite=Strict), and it never sits in a URL or in
  localStorage.
- Streamlit's script cannot set a cookie, and a cookie set from JavaScript
  cannot be HttpOnly, so the cookie comes from two small routes of our own on
  Streamlit's server (``st.App(routes=...)``, see streamlit_app/serve.py):
  ``/session/start`` trades a one-time ticket (60 s, single use, bound to the
  browser's Streamlit XSRF cookie when there is one) for the cookie, then
  redirects back to the page the person was on; ``/session/end`` clears it.
- ``st.login`` (OIDC) was the other road: it would make the local issuer a
  full OIDC provider (authorize page, code flow, discovery) for no gain in
  safety here, and Streamlit's identity cookie does not carry a refresh
  token, so sessions would end with the hour-long ID token.

A restart of the web app forgets every kept session (people sign in again);
nothing about a session is ever written to disk.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

COOKIE = "hrgraph_session"
XSRF_COOKIE = "_streamlit_xsrf"
IDLE_SECONDS = 12 * 3600
TICKET_SECONDS = 60
START_PATH = "/session/start"
END_PATH = "/session/end"


@dataclass
class Kept:
    """What a handle opens: the token source (refreshes itself) and who signed in."""

    tokens: Any
    username: str
    groups: list[str]
    last_used: float = field(default_factory=time.monotonic)


@dataclass
class _Ticket:
    handle: str
    binding: str | None
    expires: float


class SessionStore:
    """Kept sessions by handle, and the one-time tickets that hand a handle to a browser."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._kept: dict[str, Kept] = {}
        self._tickets: dict[str, _Ticket] = {}

    def keep(self, kept: Kept, binding: str | None) -> tuple[str, str]:
        """Keep a signed-in session: its handle, and the one-time ticket that sets its cookie."""
        handle = secrets.token_urlsafe(32)
        ticket = secrets.token_urlsafe(32)
        with self._lock:
            self._expire()
            kept.last_used = self._clock()
            self._kept[handle] = kept
            self._tickets[ticket] = _Ticket(handle, binding, self._clock() + TICKET_SECONDS)
        return handle, ticket

    def redeem(self, ticket: str, binding: str | None) -> str | None:
        """The handle for a ticket, once; None when unknown, spent, late or from another browser."""
        with self._lock:
            found = self._tickets.get(ticket)
            if found is None or found.expires < self._clock():
                return None
            if found.binding is not None and not secrets.compare_digest(
                found.binding, binding or ""
            ):
                return None  # not this browser's: left for the one it was made for
            del self._tickets[ticket]
            return found.handle

    def open(self, handle: str | None) -> Kept | None:
        """The kept session a cookie names, when it is still alive (and now freshly used)."""
        if not handle:
            return None
        with self._lock:
            self._expire()
            kept = self._kept.get(handle)
            if kept is not None:
                kept.last_used = self._clock()
            return kept

    def drop(self, handle: str | None) -> None:
        """Sign-out: the handle opens nothing from now on, whatever the browser keeps."""
        if handle:
            with self._lock:
                self._kept.pop(handle, None)

    def _expire(self) -> None:
        now = self._clock()
        for handle in [h for h, k in self._kept.items() if now - k.last_used > IDLE_SECONDS]:
            del self._kept[handle]
        for ticket in [t for t, v in self._tickets.items() if v.expires < now]:
            del self._tickets[ticket]


STORE = SessionStore()
"""The process's kept sessions (one web app process, one store)."""

_mounted = False


def mounted() -> bool:
    """Are the cookie routes served? (Not under `streamlit run app.py` alone, nor AppTest.)"""
    return _mounted


def safe_next(path: str | None) -> str:
    """Only a path on this site: no scheme, no host, no ``//evil.example``."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        return "/"
    return path


def start_url(ticket: str, next_path: str) -> str:
    return f"{START_PATH}?{urlencode({'ticket': ticket, 'next': safe_next(next_path)})}"


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


async def _start(request: Request) -> Response:
    handle = STORE.redeem(request.query_params.get("ticket", ""), request.cookies.get(XSRF_COOKIE))
    response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    if handle is not None:
        response.set_cookie(
            COOKIE,
            handle,
            max_age=IDLE_SECONDS,
            path="/",
            httponly=True,
            samesite="strict",
            secure=_secure(request),
        )
    return _no_store(response)


LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


def _secure(request: Request) -> bool:
    """Secure everywhere but on the laptop's own loopback.

    Behind the load balancer the request reaches Streamlit over plain http (TLS ends
    at the balancer), so the scheme cannot tell; a forwarded header would, but only a
    header the balancer itself set may be believed, and Streamlit cannot tell which.
    So the cookie is Secure unless the browser asked for a loopback host (``make run``
    over http://127.0.0.1).
    """
    return request.url.scheme == "https" or request.url.hostname not in LOOPBACK


async def _end(request: Request) -> Response:
    STORE.drop(request.cookies.get(COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return _no_store(response)


def routes() -> list[Route]:
    """The two routes, for ``st.App(routes=...)``; serving them switches kept sessions on."""
    global _mounted
    _mounted = True
    return [Route(START_PATH, _start, methods=["GET"]), Route(END_PATH, _end, methods=["GET"])]
