"""The local token issuer: Cognito's sign-in, on a laptop, with no AWS account.

It signs RS256 tokens shaped like Cognito's (ID, access and refresh) with a
key pair generated on first run and kept in DATA_DIR/auth (0600), publishes
the public key as a JWKS, and serves the three routes a client needs:

    POST /auth/login             {username, password}  -> AuthenticationResult
    POST /auth/refresh           {refreshToken}        -> AuthenticationResult (no new refresh)
    GET  /.well-known/jwks.json

Failures answer like Cognito's InitiateAuth (HTTP 400,
``{"__type": "NotAuthorizedException", "message": ...}``); unknown user and
wrong password are indistinguishable, in text and in time (argon2 runs in
both cases). Password checks run one at a time, a bounded line waiting;
repeated failures lock out one username at one address (the socket's peer:
X-Forwarded-For counts only from a configured proxy, localdev/server.py).
Passwords and tokens are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
import threading
import time
import uuid
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from localcognito.tokens import ALGORITHM, KeySet, TokenVerifier
from localcognito.users import User, UserStore
from resolvers.adapters.private_files import private_tree
from resolvers.core.errors import Unauthorized

logger = logging.getLogger("hrgraph.localcognito.issuer")

REFRESH_TTL_SECONDS = 30 * 24 * 3600
"""Cognito's default refresh token validity."""


@dataclass(frozen=True)
class IssuerIdentity:
    """The local "user pool": its id, app client id and signing key, fixed per data dir."""

    pool_id: str
    client_id: str
    private_key: rsa.RSAPrivateKey

    @property
    def issuer(self) -> str:
        return f"urn:hrgraph:local:{self.pool_id}"

    @property
    def public_jwk(self) -> dict[str, str]:
        public = RSAAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True)
        jwk = {name: public[name] for name in ("e", "kty", "n")}
        # RFC 7638 thumbprint as kid: stable, and changes with the key.
        canonical = json.dumps(jwk, separators=(",", ":"), sort_keys=True).encode()
        kid = base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode()
        return {**jwk, "alg": ALGORITHM, "kid": kid, "use": "sig"}

    @property
    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.public_jwk]}

    @classmethod
    def load_or_create(cls, data_dir: Path) -> IssuerIdentity:
        """Read DATA_DIR/auth/{issuer.json,signing-key.pem}; create them (0600) the first time."""
        folder = data_dir / "auth"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        key_path, meta_path = folder / "signing-key.pem", folder / "issuer.json"
        if not key_path.exists():
            _create_exclusive(key_path, _new_private_key_pem())
        if not meta_path.exists():
            meta = {"poolId": f"local_{secrets.token_hex(6)}", "clientId": secrets.token_hex(13)}
            _create_exclusive(meta_path, json.dumps(meta).encode())
        _require_private(key_path)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{key_path}: not an RSA private key")
        return cls(pool_id=meta["poolId"], client_id=meta["clientId"], private_key=key)


def _new_private_key_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _create_exclusive(path: Path, content: bytes) -> None:
    """Create a 0600 file unless another process just did (first run of two processes)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)


def _require_private(path: Path) -> None:
    if path.stat().st_mode & 0o077:
        raise PermissionError(f"{path}: readable by others; run `chmod 600 {path}`")


class LocalIssuer:
    """Signs tokens for the users in the store; verifies its own through TokenVerifier."""

    def __init__(self, identity: IssuerIdentity, users: UserStore, ttl_seconds: int) -> None:
        self.identity = identity
        self.users = users
        self.ttl = ttl_seconds
        jwks = identity.jwks
        self.verifier = TokenVerifier(KeySet(lambda: jwks), identity.issuer, identity.client_id)
        self._kid = identity.public_jwk["kid"]

    @classmethod
    def in_data_dir(cls, data_dir: Path, ttl_seconds: int = 3600) -> LocalIssuer:
        """The issuer of a data dir, its auth folder (keys, users) tightened to 0700/0600:
        a file an older release or a hand left readable by others is closed at every start."""
        if (data_dir / "auth").is_dir():
            private_tree(data_dir / "auth")
        return cls(
            IssuerIdentity.load_or_create(data_dir), UserStore.in_data_dir(data_dir), ttl_seconds
        )

    def _sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(
            claims, self.identity.private_key, algorithm=ALGORITHM, headers={"kid": self._kid}
        )

    def tokens_for(self, user: User, now: float, auth_time: int, refresh: bool) -> dict[str, Any]:
        """Cognito's AuthenticationResult for a signed-in user. ``iat`` keeps its fraction
        (a JWT NumericDate may): a password change revokes to the microsecond."""
        origin = str(uuid.uuid4())
        common = {
            "sub": user.sub,
            "iss": self.identity.issuer,
            "iat": now,
            "exp": int(now) + self.ttl,
            "auth_time": auth_time,
            "origin_jti": origin,
        }
        groups = {"cognito:groups": list(user.groups)} if user.groups else {}
        id_token = self._sign(
            {
                **common,
                **groups,
                "aud": self.identity.client_id,
                "token_use": "id",
                "cognito:username": user.username,
                "jti": str(uuid.uuid4()),
            }
        )
        access_token = self._sign(
            {
                **common,
                **groups,
                "client_id": self.identity.client_id,
                "token_use": "access",
                "scope": "aws.cognito.signin.user.admin",
                "username": user.username,
                "jti": str(uuid.uuid4()),
            }
        )
        result: dict[str, Any] = {
            "AccessToken": access_token,
            "ExpiresIn": self.ttl,
            "TokenType": "Bearer",
            "IdToken": id_token,
        }
        if refresh:
            result["RefreshToken"] = self._sign(
                {
                    **common,
                    "exp": int(now) + REFRESH_TTL_SECONDS,
                    "aud": self.identity.client_id,
                    "token_use": "refresh",
                    "jti": str(uuid.uuid4()),
                }
            )
        return result

    def still_valid(self, claims: Mapping[str, Any]) -> bool:
        """Is the token's user still there, enabled, and the token newer than any revocation?

        The server asks for every request, so removing or disabling a user
        takes effect at once rather than when their ID token expires.
        """
        return self.users.still_valid(str(claims.get("sub")), float(claims.get("iat", 0)))

    def login(self, username: str, password: str) -> dict[str, Any] | None:
        user = self.users.authenticate(username, password)
        if user is None:
            return None
        now = time.time()
        return self.tokens_for(user, now, auth_time=int(now), refresh=True)

    def refresh(self, refresh_token: str) -> dict[str, Any] | None:
        """New ID and access tokens with the user's current groups; None when refused."""
        try:
            claims = self.verifier.verify(refresh_token, kind="refresh")
        except Unauthorized:
            return None
        user = self.users.by_sub(str(claims["sub"]))
        if user is None or not user.accepts(float(claims["iat"])):
            return None
        return self.tokens_for(user, time.time(), auth_time=int(claims["auth_time"]), refresh=False)


class Throttle:
    """At most ``limit`` failures per key in a sliding window; then refuse until they age out."""

    def __init__(self, limit: int = 5, window_seconds: float = 300.0, max_keys: int = 10_000):
        self.limit = limit
        self.window = window_seconds
        self.max_keys = max_keys
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and now - failures[0] > self.window:
            failures.popleft()
        return failures

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            return any(len(self._recent(key, now)) >= self.limit for key in keys)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)
            if len(self._failures) > self.max_keys:
                # A spray of usernames must not grow memory without bound: forget aged-out keys.
                for key in list(self._failures):
                    if not self._recent(key, now):
                        del self._failures[key]

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


MAX_WAITING_SIGN_INS = 16
"""Sign-ins queued for a password check; past this, Cognito's TooManyRequestsException."""


def _refused(message: str) -> JSONResponse:
    return JSONResponse({"__type": "NotAuthorizedException", "message": message}, status_code=400)


def _bad_request(message: str) -> JSONResponse:
    return JSONResponse({"__type": "InvalidParameterException", "message": message}, 400)


async def _json_fields(request: Request, *names: str) -> list[str] | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    values = [body.get(name) for name in names]
    if not all(isinstance(value, str) and value for value in values):
        return None
    return [str(value) for value in values]


def issuer_routes(issuer: LocalIssuer, throttle: Throttle | None = None) -> list[Route]:
    """The issuer's HTTP routes, to mount beside /graphql."""
    throttle = throttle or Throttle()
    hashing = anyio.CapacityLimiter(1)

    async def login(request: Request) -> JSONResponse:
        fields = await _json_fields(request, "username", "password")
        if fields is None:
            return _bad_request("Expected a JSON object with username and password.")
        username, password = fields
        client = request.client.host if request.client else "unknown"
        # One user at one address: a stranger elsewhere cannot lock the user out, nor can
        # one user's mistakes lock out the others behind the same address.
        key = f"{username}@{client}"
        if throttle.blocked(key):
            logger.warning("sign-in throttled", extra={"user": username, "client": client})
            return _refused("Password attempts exceeded")
        if hashing.statistics().tasks_waiting >= MAX_WAITING_SIGN_INS:
            return JSONResponse(
                {"__type": "TooManyRequestsException", "message": "Too many sign-ins at once."},
                status_code=400,
            )
        # argon2 is slow by design and takes every core it is given: one check at a time,
        # off the event loop, so a spray of sign-ins waits in line instead of starving queries.
        result = await anyio.to_thread.run_sync(issuer.login, username, password, limiter=hashing)
        if result is None:
            throttle.failed(key)
            logger.info("sign-in refused", extra={"user": username, "client": client})
            return _refused("Incorrect username or password.")
        throttle.succeeded(key)
        logger.info("signed in", extra={"user": username, "client": client})
        return JSONResponse({"AuthenticationResult": result, "ChallengeParameters": {}})

    async def refresh(request: Request) -> JSONResponse:
        fields = await _json_fields(request, "refreshToken")
        if fields is None:
            return _bad_request("Expected a JSON object with refreshToken.")
        result = issuer.refresh(fields[0])
        if result is None:
            return _refused("Invalid Refresh Token")
        return JSONResponse({"AuthenticationResult": result, "ChallengeParameters": {}})

    async def jwks(request: Request) -> JSONResponse:
        return JSONResponse(issuer.identity.jwks)

    return [
        Route("/auth/login", login, methods=["POST"]),
        Route("/auth/refresh", refresh, methods=["POST"]),
        Route("/.well-known/jwks.json", jwks, methods=["GET"]),
    ]
