"""The signed-in user of one browser session: their client, name and groups.

Tokens live in this session's memory only (never in the CLI's credentials
file: two people on one app server must not share a sign-in). They come from
the same identity providers the CLI uses (client/auth.py: the local issuer or
Cognito) and are refreshed through them when due.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from client.api import HrClient
from client.auth import IdentityProvider, SignInFailed, SignInRequired, provider_for
from client.errors import ApiError, ConnectionFailed, Unauthorized
from resolvers.settings import Settings

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
    return SignedIn(client, me.username, list(me.groups))


def current() -> SignedIn | None:
    value = st.session_state.get(KEY)
    return value if isinstance(value, SignedIn) else None


def remember(signed_in: SignedIn) -> None:
    st.session_state[KEY] = signed_in


def sign_out() -> None:
    signed_in = st.session_state.pop(KEY, None)
    if isinstance(signed_in, SignedIn):
        signed_in.client.close()


def require() -> SignedIn:
    """The signed-in user; a page that is opened without one says so and stops."""
    signed_in = current()
    if signed_in is None:
        st.info("Sign in first.")
        st.stop()
    return signed_in


def explain(error: BaseException) -> str:
    """One line a person can act on, for any failure of an API call."""
    if isinstance(error, SignInRequired | Unauthorized):
        return f"{error} — sign in again on the Sign in page."
    if isinstance(error, ConnectionFailed):
        return f"The API does not answer ({error.message}). Is the server running?"
    if isinstance(error, ApiError):
        return str(error)
    return f"{type(error).__name__}: {error}"


CALL_ERRORS: tuple[type[BaseException], ...] = (ApiError, SignInRequired)
"""What an API call from a page may raise that the page shows instead of crashing."""
