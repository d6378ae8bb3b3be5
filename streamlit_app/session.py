"""The signed-in user of one browser session: their client, name and groups.

Tokens live in the web app's memory only (never in the CLI's credentials
file: two people on one app server must not share a sign-in). They come from
the same identity providers the CLI uses (client/auth.py: the local issuer or
Cognito) and are refreshed through them when due. When the app is served
with its cookie routes (streamlit_app/serve.py), a sign-in is also kept
under an HttpOnly cookie's opaque handle, so a reload finds it again
(streamlit_app/kept_sessions.py says why it is done this way).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from client.api import HrClient
from client.auth import IdentityProvider, SignInFailed, SignInRequired, provider_for
from client.errors import ApiError
from hrgraph_contract.settings import Settings
from streamlit_app import kept_sessions

KEY = "hrgraph.session"
REFRESH_MARGIN_SECONDS = 60


class SessionTokens:
    """HrClient's token provider for one browser session: the ID token, refreshed when due."""

    def __init__(
        self,
        provider: IdentityProvider,
        result: dict[str, Any],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._provider = provider
        self._clock = clock
        self._refresh_token = str(result.get("RefreshToken") or "")
        self._take(result)

    def _take(self, result: dict[str, Any]) -> None:
        self._id_token = str(result["IdToken"])
        self._expires_at = self._clock() + int(result["ExpiresIn"])

    def __call__(self) -> str:
        if self._expires_at - REFRESH_MARGIN_SECONDS > self._clock():
            return self._id_token
        if not self._refresh_token:
            raise SignInRequired("the session has ended")
        try:
            self._take(self._provider.refresh(self._refresh_token))
        except SignInFailed as error:
            raise SignInRequired(f"the session has ended ({error})") from None
        return self._id_token


@dataclass
class SignedIn:
    """What session state holds once someone has signed in."""

    client: HrClient
    username: str
    groups: list[str] = field(default_factory=list)
    id_token_source: Callable[[], str | None] | None = None
    """Where the client's token comes from (kept with the session; None: the client's own)."""

    def token(self) -> str | None:
        """The current ID token (refreshed when due), for GraphiQL and curl on the Account page."""
        return (self.id_token_source or self.client.token_provider)()


def settings() -> Settings:
    """The one settings object (HRGRAPH_URL names the API)."""
    return Settings.from_env()


def sign_in(username: str, password: str, config: Settings | None = None) -> SignedIn:
    """Sign in with the configured provider and ask the API who we are (groups included).

    Raises SignInFailed for a refused password or an unreachable issuer
    (ChallengeRequired when Cognito asks more: streamlit_app/sign_in_steps.py),
    and the client's ApiError when the API will not answer ``me``.
    """
    config = config or settings()
    provider = provider_for(config)
    return signed_in_with(provider, provider.sign_in(username, password), config)


def signed_in_with(
    provider: IdentityProvider, result: dict[str, Any], config: Settings
) -> SignedIn:
    """The session for the tokens a sign-in yielded (also after a challenge was answered)."""
    tokens = SessionTokens(provider, result)
    client = HrClient(config.url, token_provider=tokens)
    try:
        me = client.me()
    except BaseException:
        client.close()
        raise
    return SignedIn(client, me.username, list(me.groups), tokens)


ENDED = "hrgraph.session.ended"
"""Set when the API refused this session's token: the app then asks for a sign-in again."""
HANDLE = "hrgraph.session.handle"
HANDOFF = "hrgraph.session.handoff"
"""A pending redirect for the browser: set the session cookie, or clear it."""


def current() -> SignedIn | None:
    """Who is signed in here: this tab's session, else the one the session cookie names."""
    if st.session_state.get(ENDED):
        return None
    value = st.session_state.get(KEY)
    if isinstance(value, SignedIn):
        return value
    if not kept_sessions.mounted():
        return None
    handle = st.context.cookies.get(kept_sessions.COOKIE)
    kept = kept_sessions.STORE.open(handle)
    if kept is None:
        return None
    client = HrClient(settings().url, token_provider=kept.tokens)
    signed_in = SignedIn(client, kept.username, list(kept.groups), kept.tokens)
    st.session_state[KEY] = signed_in
    st.session_state[HANDLE] = handle
    return signed_in


def remember(signed_in: SignedIn) -> None:
    """This tab is signed in; with the cookie routes, the browser will be too (after a reload)."""
    st.session_state.pop(ENDED, None)
    st.session_state[KEY] = signed_in
    if kept_sessions.mounted():
        tokens = signed_in.id_token_source or signed_in.client.token_provider
        kept = kept_sessions.Kept(tokens, signed_in.username, list(signed_in.groups))
        binding = st.context.cookies.get(kept_sessions.XSRF_COOKIE)
        handle, ticket = kept_sessions.STORE.keep(kept, binding)
        st.session_state[HANDLE] = handle
        st.session_state[HANDOFF] = ("start", ticket)


def end(reason: str = "") -> None:
    """The API no longer accepts this session (the user was disabled or removed, the sign-in
    expired): forget it here and in the kept sessions, so this tab and a reload both show
    the sign-in form, with a word on why, instead of pages that can only fail."""
    st.session_state[ENDED] = reason or "Your sign-in has ended."
    signed_in = st.session_state.pop(KEY, None)
    kept_sessions.STORE.drop(st.session_state.pop(HANDLE, None))
    if isinstance(signed_in, SignedIn):
        signed_in.client.close()


def ended() -> str | None:
    """Why the last session ended, to say above the sign-in form (None: it did not)."""
    reason = st.session_state.get(ENDED)
    return reason if isinstance(reason, str) else None


def forget_page_state() -> None:
    """Everything pages keep in this tab, except who is signed in (for "Start afresh")."""
    keep = {KEY, HANDLE, HANDOFF, ENDED, "app.runs"}
    for key in [k for k in st.session_state if k not in keep]:
        del st.session_state[key]


def sign_out() -> None:
    """Explicit sign-out: the kept session dies on the server, and the cookie is cleared."""
    st.session_state.pop(ENDED, None)
    signed_in = st.session_state.pop(KEY, None)
    kept_sessions.STORE.drop(st.session_state.pop(HANDLE, None))
    if isinstance(signed_in, SignedIn):
        signed_in.client.close()
    if kept_sessions.mounted():
        st.session_state[HANDOFF] = ("end", "")


def wrote() -> None:
    """After any write from this app (a load, a correction, a delete, a restore).

    Pages cache counts and name pickers for a minute; a person who has just
    written must never read the old numbers, so every cache is dropped.
    """
    st.cache_data.clear()


def require() -> SignedIn:
    """The signed-in user; a page that is opened without one says so and stops."""
    signed_in = current()
    if signed_in is None:
        st.info("Sign in first.")
        st.stop()
    return signed_in


CALL_ERRORS: tuple[type[BaseException], ...] = (ApiError, SignInRequired)
"""What an API call from a page may raise that the page shows instead of crashing."""
