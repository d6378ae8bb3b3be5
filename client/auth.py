"""Signing in and keeping the ID token fresh, for the client and the CLI.

``TokenProvider`` is what HrClient asks for a token before each request. It
answers, in order: HRGRAPH_TOKEN (scripts; never refreshed), else the tokens
``hrgraph login`` stored (0600, in the user's config dir), refreshed once
when expired. When nothing works it raises ``SignInRequired`` with the one
thing to do: run ``hrgraph login``.

Two ways to sign in, same tokens: the local issuer (POST /auth/login on the
local server) and Cognito (``initiate_auth`` USER_PASSWORD_AUTH, refreshed
with REFRESH_TOKEN_AUTH; client/cognito.py). Cognito may answer a sign-in
with a challenge (a new password, an MFA code): ``login`` raises
``ChallengeRequired`` and ``respond`` answers it, until tokens come back. The
local issuer asks no questions. The token travels raw in the Authorization
header, as AppSync expects.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx

from client.cognito import CognitoProvider
from client.errors import ChallengeRequired, SignInFailed, Unauthorized
from client.models import Challenge
from hrgraph_contract.settings import Settings

__all__ = [
    "ChallengeRequired",
    "CognitoProvider",
    "Credentials",
    "CredentialsFile",
    "IdentityProvider",
    "LocalIssuerProvider",
    "SignInFailed",
    "SignInRequired",
    "TokenProvider",
    "issuer_base_url",
    "provider_for",
]

LOCAL_RESET = (
    "the local issuer sends no reset codes: an admin sets a new password with "
    "`hrgraph-local users passwd NAME`"
)

REFRESH_MARGIN_SECONDS = 60
"""Refresh this long before expiry, so a token does not die in flight."""


class SignInRequired(Unauthorized):
    """No usable token: the user must sign in (again)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"{reason}; sign in again with `hrgraph login USERNAME`")


@dataclass(frozen=True)
class Credentials:
    """What a sign-in yields, as stored in the credentials file."""

    username: str
    id_token: str
    access_token: str
    refresh_token: str
    expires_at: float
    provider: str
    """"local" or "cognito": which provider refreshes these tokens."""
    endpoint: str
    """The local issuer's base URL, or the Cognito app client id."""


class IdentityProvider(Protocol):
    """Where tokens come from: the local issuer or Cognito."""

    name: str
    endpoint: str

    def sign_in(self, username: str, password: str) -> dict[str, Any]:
        """Cognito's AuthenticationResult."""
        ...

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        """A new AuthenticationResult (without a RefreshToken)."""
        ...

    def answer(self, challenge: Challenge, response: str) -> dict[str, Any]:
        """The AuthenticationResult once a challenge is answered (or the next challenge)."""
        ...


def issuer_base_url(graphql_url: str) -> str:
    """http://host:port/graphql -> http://host:port (where the local issuer's routes live)."""
    parts = urlsplit(graphql_url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


class LocalIssuerProvider:
    name = "local"

    def __init__(self, base_url: str, http: httpx.Client | None = None) -> None:
        self.endpoint = base_url.rstrip("/")
        self._http = http or httpx.Client(timeout=30.0)

    def _post(self, path: str, body: dict[str, str]) -> dict[str, Any]:
        try:
            response = self._http.post(self.endpoint + path, json=body)
        except httpx.HTTPError as error:
            raise SignInFailed(f"cannot reach the local server at {self.endpoint}") from error
        payload = response.json() if response.content else {}
        if response.status_code != 200:
            raise SignInFailed(payload.get("message") or f"HTTP {response.status_code}")
        result: dict[str, Any] = payload["AuthenticationResult"]
        return result

    def sign_in(self, username: str, password: str) -> dict[str, Any]:
        return self._post("/auth/login", {"username": username, "password": password})

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        return self._post("/auth/refresh", {"refreshToken": refresh_token})

    def answer(self, challenge: Challenge, response: str) -> dict[str, Any]:
        raise SignInFailed("the local issuer asks no questions after the password")


def provider_for(settings: Settings, http: httpx.Client | None = None) -> IdentityProvider:
    if settings.auth == "cognito":
        return CognitoProvider(settings.cognito_region, settings.cognito_client_id)
    return LocalIssuerProvider(issuer_base_url(settings.url), http)


class CredentialsFile:
    """The stored sign-in: JSON, 0600, in a 0700 folder, replaced atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path.expanduser()

    def load(self) -> Credentials | None:
        try:
            return Credentials(**json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (ValueError, TypeError):
            return None  # unreadable: treated as signed out

    def save(self, credentials: Credentials) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".credentials-")
        try:
            os.fchmod(descriptor, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(asdict(credentials), handle)
            Path(temporary).replace(self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


class TokenProvider:
    """The token for the next request; refreshes once, then asks for a new sign-in."""

    def __init__(
        self,
        settings: Settings,
        provider: IdentityProvider | None = None,
        store: CredentialsFile | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._settings = settings
        self._provider = provider
        self.store = store or CredentialsFile(settings.credentials_file)
        self._clock = clock

    @property
    def provider(self) -> IdentityProvider:
        if self._provider is None:
            self._provider = provider_for(self._settings)
        return self._provider

    def login(self, username: str, password: str) -> Credentials:
        """Sign in and store the tokens; ChallengeRequired when Cognito asks for more."""
        return self._keep(username, self.provider.sign_in(username, password))

    def respond(self, challenge: Challenge, response: str) -> Credentials:
        """Answer a challenge ``login`` (or an earlier ``respond``) raised; store the tokens."""
        return self._keep(challenge.username, self.provider.answer(challenge, response))

    def _keep(self, username: str, result: dict[str, Any]) -> Credentials:
        credentials = self._credentials(username, result, result.get("RefreshToken", ""))
        self.store.save(credentials)
        return credentials

    def logout(self) -> None:
        self.store.clear()

    def __call__(self) -> str:
        """HrClient's token seam: called before every request."""
        return self.token()

    def token(self) -> str:
        """A token believed valid: HRGRAPH_TOKEN, or the stored one (refreshed when due)."""
        if self._settings.token:
            return self._settings.token
        credentials = self.store.load()
        if credentials is None:
            raise SignInRequired("not signed in")
        if credentials.expires_at - REFRESH_MARGIN_SECONDS > self._clock():
            return credentials.id_token
        return self.refresh()

    def refresh(self) -> str:
        """Trade the refresh token for a new ID token; SignInRequired when that fails.

        Called when the stored token is due, and by the client once after a 401.
        """
        if self._settings.token:
            raise SignInRequired("HRGRAPH_TOKEN was refused (expired or invalid)")
        credentials = self.store.load()
        if credentials is None or not credentials.refresh_token:
            raise SignInRequired("not signed in")
        if (credentials.provider, credentials.endpoint) != (
            self.provider.name,
            self.provider.endpoint,
        ):
            raise SignInRequired("the stored sign-in is for another server")
        try:
            result = self.provider.refresh(credentials.refresh_token)
        except SignInFailed as error:
            raise SignInRequired(f"the session has ended ({error})") from None
        renewed = self._credentials(credentials.username, result, credentials.refresh_token)
        self.store.save(renewed)
        return renewed.id_token

    def _credentials(self, username: str, result: dict[str, Any], refresh: str) -> Credentials:
        return Credentials(
            username=username,
            id_token=result["IdToken"],
            access_token=result["AccessToken"],
            refresh_token=result.get("RefreshToken") or refresh,
            expires_at=self._clock() + int(result["ExpiresIn"]),
            provider=self.provider.name,
            endpoint=self.provider.endpoint,
        )
