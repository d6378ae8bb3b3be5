"""A browser session's tokens: the ID token until it is due, then one refresh, then sign in."""

from __future__ import annotations

from typing import Any

import pytest

from client.auth import SignInFailed, SignInRequired
from streamlit_app.session import REFRESH_MARGIN_SECONDS, SessionTokens


class FakeProvider:
    """An identity provider that counts refreshes and can be told to refuse them."""

    name = "fake"
    endpoint = "memory"

    def __init__(self) -> None:
        self.refreshed: list[str] = []
        self.refuse = False

    def sign_in(self, username: str, password: str) -> dict[str, Any]:
        return {"IdToken": "id-1", "ExpiresIn": 3600, "RefreshToken": "refresh-1"}

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        if self.refuse:
            raise SignInFailed("refresh token revoked")
        self.refreshed.append(refresh_token)
        return {"IdToken": f"id-{len(self.refreshed) + 1}", "ExpiresIn": 3600}

    def answer(self, challenge: Any, response: str) -> dict[str, Any]:
        raise SignInFailed("this fake asks no questions")


class Clock:
    now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_token_is_reused_until_it_is_nearly_expired_then_refreshed() -> None:
    provider, clock = FakeProvider(), Clock()
    tokens = SessionTokens(provider, provider.sign_in("ada", "pw"), clock)
    assert tokens() == "id-1"
    clock.now += 3600 - REFRESH_MARGIN_SECONDS - 1
    assert tokens() == "id-1"
    assert provider.refreshed == []
    clock.now += 2
    assert tokens() == "id-2"
    assert provider.refreshed == ["refresh-1"]  # the refresh token is kept across refreshes
    clock.now += 3600
    assert tokens() == "id-3"
    assert provider.refreshed == ["refresh-1", "refresh-1"]


def test_a_refused_refresh_asks_for_a_new_sign_in() -> None:
    provider, clock = FakeProvider(), Clock()
    tokens = SessionTokens(provider, provider.sign_in("ada", "pw"), clock)
    provider.refuse = True
    clock.now += 3600
    with pytest.raises(SignInRequired, match="session has ended"):
        tokens()
