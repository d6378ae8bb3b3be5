"""Token verification: one code path for Cognito's tokens and the local issuer's.

AppSync verifies the caller's Cognito token before any resolver runs; the
local server must refuse exactly the tokens AppSync refuses, so every token
goes through ``TokenVerifier.verify``: signature against a JWKS key chosen by
``kid``, ``alg`` pinned to RS256 (never taken from the token), exp/nbf/iat
with a small leeway, issuer, audience (the app client id) and ``token_use``.
Nothing here decodes a token without verifying it. The two identity sources
differ only in where the key set comes from (``KeySet`` with a loader).

Failures raise ``Unauthorized`` with the message AppSync gives for the same
case, so a client sees one text whichever door it knocks on.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jwt

from resolvers.core.errors import Unauthorized

ALGORITHM = "RS256"
LEEWAY_SECONDS = 30
"""Clock skew tolerated on exp/nbf/iat; small, so an expired token stays expired."""

MISSING_HEADER = "Valid authorization header not provided."
UNPARSABLE = "Unable to parse JWT token."
EXPIRED = "Token has expired."
REFUSED = "You are not authorized to make this call."

JwksLoader = Callable[[], Mapping[str, Any]]


class KeySet:
    """Public keys by ``kid``, loaded once and reloaded (rate-limited) on an unknown kid.

    Reloading on an unknown kid follows key rotation without restarting; the
    rate limit stops a stream of forged kids from hammering the JWKS endpoint.
    """

    def __init__(self, load: JwksLoader, min_reload_seconds: float = 60.0) -> None:
        self._load = load
        self._min_reload = min_reload_seconds
        self._keys: dict[str, jwt.PyJWK] = {}
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def key(self, kid: str) -> jwt.PyJWK:
        with self._lock:
            if kid not in self._keys and time.monotonic() - self._loaded_at >= self._min_reload:
                self._reload()
            found = self._keys.get(kid)
        if found is None:
            raise Unauthorized(REFUSED)
        return found

    def _reload(self) -> None:
        self._loaded_at = time.monotonic()
        try:
            document = self._load()
        except Exception as error:
            raise Unauthorized(REFUSED) from error
        keys: dict[str, jwt.PyJWK] = {}
        for entry in document.get("keys", []):
            # Only RSA signing keys for RS256 are ever usable; anything else is skipped.
            if entry.get("kty") != "RSA" or entry.get("use", "sig") != "sig" or "kid" not in entry:
                continue
            keys[str(entry["kid"])] = jwt.PyJWK(dict(entry), algorithm=ALGORITHM)
        self._keys = keys


JwksFetcher = Callable[[str], Mapping[str, Any]]


def fetch_jwks(url: str, timeout: float = 5.0) -> Mapping[str, Any]:
    """A JWKS document fetched over HTTPS (Cognito's published keys)."""
    if not url.startswith("https://"):
        raise ValueError(f"JWKS must be fetched over https, got {url!r}")
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (https only)
        document: Mapping[str, Any] = json.loads(response.read())
    return document


def cognito_issuer(region: str, user_pool_id: str) -> str:
    return f"https://cognito-idp.{region}.amazonaws.com/{user_pool_id}"


@dataclass(frozen=True)
class TokenVerifier:
    """Checks one token for one issuer and app client; returns its verified claims."""

    keys: KeySet
    issuer: str
    client_id: str
    leeway: int = LEEWAY_SECONDS

    def verify(self, token: str, kind: str = "id") -> dict[str, Any]:
        """The claims of a valid token whose ``token_use`` is ``kind``; Unauthorized otherwise."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise Unauthorized(UNPARSABLE) from None
        # The header only picks the key; the algorithm is ours, whatever it claims.
        if header.get("alg") != ALGORITHM or not isinstance(header.get("kid"), str):
            raise Unauthorized(REFUSED)
        key = self.keys.key(header["kid"])
        audience_claim = "client_id" if kind == "access" else "aud"
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=[ALGORITHM],
                issuer=self.issuer,
                audience=self.client_id if audience_claim == "aud" else None,
                leeway=self.leeway,
                options={
                    "require": ["exp", "iat", "iss", "sub", "token_use"],
                    "verify_aud": audience_claim == "aud",
                },
            )
        except jwt.ExpiredSignatureError:
            raise Unauthorized(EXPIRED) from None
        except jwt.PyJWTError:
            raise Unauthorized(REFUSED) from None
        if claims.get("token_use") != kind:
            raise Unauthorized(REFUSED)
        # Exactly our client: Cognito never issues a list audience, so none is accepted.
        if claims.get(audience_claim) != self.client_id:
            raise Unauthorized(REFUSED)
        return claims


def bearer_token(authorization: str | None) -> str:
    """The raw token from an Authorization header; a ``Bearer `` prefix is accepted locally.

    AppSync wants the raw token (it answers "Unable to parse JWT token." to a
    Bearer prefix); the local server is lenient here because curl users type it.
    """
    if authorization is None or not authorization.strip():
        raise Unauthorized(MISSING_HEADER)
    value = authorization.strip()
    scheme, _, rest = value.partition(" ")
    if rest and scheme.lower() == "bearer":
        value = rest.strip()
    return value


def appsync_identity(claims: Mapping[str, Any], source_ip: str | None) -> dict[str, Any]:
    """The ``identity`` AppSync puts in a resolver's event for a Cognito user pools caller."""
    groups = claims.get("cognito:groups")
    return {
        "sub": claims["sub"],
        "issuer": claims["iss"],
        "username": claims.get("cognito:username") or claims.get("username") or claims["sub"],
        "claims": dict(claims),
        "sourceIp": [source_ip or "127.0.0.1"],
        "defaultAuthStrategy": "ALLOW",
        "groups": list(groups) if groups else None,
    }
