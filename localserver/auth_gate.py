"""The authenticating gate: AppSync's Cognito user pools mode, enforced on a laptop.

``identify`` turns the Authorization header (HTTP, or a real-time message's
authorization) into the identity AppSync hands a resolver, or raises
Unauthorized; ``allows`` applies the schema's group directives. Which key set
verifies tokens is the only difference between ``HRGRAPH_AUTH=local`` (the
local issuer) and ``HRGRAPH_AUTH=cognito`` (the pool's published JWKS).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from hrgraph_contract.group_rules import GroupRules
from hrgraph_contract.settings import PREFIX, Settings, SettingsError
from localserver.issuer import LocalIssuer, issuer_routes
from localserver.lru import Lru
from localserver.tokens import (
    EXPIRED,
    REFUSED,
    JwksFetcher,
    KeySet,
    TokenVerifier,
    appsync_identity,
    bearer_token,
    cognito_issuer,
    fetch_jwks,
)
from resolvers.core.errors import HrgraphError, Unauthorized

SOURCE_IP_HEADER = "x-hrgraph-source-ip"
"""Set by the server from the socket's peer address (never trusted from the client)."""

IDENTITY_KEY = "hrgraph.identity"
"""Where the middleware leaves the request's verified identity in the ASGI scope."""


def _header(headers: Mapping[str, Any], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return str(value)
    return None


@dataclass
class TokenGate:
    """Verifies ID tokens (cached until they expire) and checks group rules per field."""

    verifier: TokenVerifier
    rules: GroupRules
    still_valid: Callable[[Mapping[str, Any]], bool] | None = None
    """Asked of every request's verified claims: the local issuer's revocation check
    (a removed or disabled user). None for Cognito, whose ID tokens cannot be revoked."""
    cache_size: int = 1024
    _cache: Lru[dict[str, Any]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._cache = Lru(self.cache_size)

    def identify(self, headers: Mapping[str, str]) -> Any:
        token = bearer_token(_header(headers, "authorization"))
        return self._identity(token, _header(headers, SOURCE_IP_HEADER))

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
        if not isinstance(identity, Mapping):
            return False
        return self.rules.allows(identity.get("groups"), type_name, field_name)

    def _identity(self, token: str, source_ip: str | None) -> dict[str, Any]:
        """The identity of a token verified before and not yet expired, else verify it now.

        Every field asks (AppSync checks each one), so the RSA check runs once per token;
        the revocation check runs every time (it reads the users file only when it changed).
        """
        key = (token, source_ip)
        identity = self._cache.get(key)
        if identity is not None and identity["claims"]["exp"] + self.verifier.leeway < time.time():
            self._cache.discard(key)
            raise Unauthorized(EXPIRED)
        if identity is None:
            identity = appsync_identity(self.verifier.verify(token, kind="id"), source_ip)
            self._cache.put(key, identity)
        if self.still_valid is not None and not self.still_valid(identity["claims"]):
            raise Unauthorized(REFUSED)
        return identity


@dataclass
class Authentication:
    """What the local server needs for auth: the gate, and the issuer's routes if local."""

    gate: TokenGate
    routes: list[BaseRoute]
    issuer: LocalIssuer | None = None


def authentication(
    settings: Settings, rules: GroupRules | None = None, fetch: JwksFetcher = fetch_jwks
) -> Authentication:
    """The gate HRGRAPH_AUTH selects: the local issuer's keys, or a Cognito pool's JWKS.

    ``fetch`` gets the pool's JWKS document from its URL (tests hand in moto's).
    """
    rules = rules or GroupRules.from_contract()
    if settings.auth == "cognito":
        if not settings.cognito_client_id:
            raise SettingsError(
                f"{PREFIX}COGNITO_CLIENT_ID: required to verify Cognito tokens (their audience)"
            )
        issuer = cognito_issuer(settings.cognito_region, settings.cognito_user_pool_id)
        url = f"{issuer}/.well-known/jwks.json"
        keys = KeySet(lambda: fetch(url))
        return Authentication(
            TokenGate(TokenVerifier(keys, issuer, settings.cognito_client_id), rules), []
        )
    local = LocalIssuer.in_data_dir(settings.data_dir, settings.token_ttl_seconds)
    gate = TokenGate(local.verifier, rules, still_valid=local.still_valid)
    return Authentication(gate, list(issuer_routes(local)), local)


class RequireToken:
    """ASGI middleware: a GraphQL request without a valid token never reaches execution.

    AppSync answers such a request as a whole with HTTP 401 and
    ``{"errors": [{"errorType": "UnauthorizedException", "message": ...}]}``;
    GraphiQL's page (GET) stays open, as the AppSync console does. It also
    records the socket's peer address for the identity's ``sourceIp``,
    replacing any value a client sent under that header name.
    """

    def __init__(self, app: ASGIApp, gate: Any, path: str = "/graphql") -> None:
        self.app = app
        self.gate = gate
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope["path"].rstrip("/") != self.path:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        peer = (client[0] if client else "127.0.0.1").encode()
        name = SOURCE_IP_HEADER.encode()
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != name]
        scope = {**scope, "headers": [*headers, (name, peer)]}
        if scope["type"] == "http" and scope["method"] == "POST":
            request = Request(scope)
            try:
                scope[IDENTITY_KEY] = self.gate.identify(request.headers)
            except HrgraphError as refused:
                response = JSONResponse(
                    {
                        "errors": [
                            {"errorType": "UnauthorizedException", "message": refused.message}
                        ]
                    },
                    status_code=401,
                    headers={"x-amzn-ErrorType": "UnauthorizedException"},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
