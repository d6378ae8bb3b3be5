"""The authenticating gate: AppSync's Cognito user pools mode, enforced on a laptop.

``identify`` turns the Authorization header (HTTP) or the connection_init
payload (websocket) into the identity AppSync hands a resolver, or raises
Unauthorized; ``allows`` applies the schema's group directives. Which key set
verifies tokens is the only difference between ``HRGRAPH_AUTH=local`` (the
local issuer) and ``HRGRAPH_AUTH=cognito`` (the pool's published JWKS).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.routing import BaseRoute

from localserver.group_rules import GroupRules
from localserver.issuer import LocalIssuer, issuer_routes
from localserver.tokens import (
    EXPIRED,
    KeySet,
    TokenVerifier,
    appsync_identity,
    bearer_token,
    cognito_issuer,
    https_jwks,
)
from resolvers.core.errors import Unauthorized
from resolvers.settings import PREFIX, Settings, SettingsError

SOURCE_IP_HEADER = "x-hrgraph-source-ip"
"""Set by the server from the socket's peer address (never trusted from the client)."""


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
    cache_size: int = 1024
    _cache: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def identify(self, headers: Mapping[str, str], connection_params: Any = None) -> Any:
        authorization = _header(headers, "authorization")
        if authorization is None and isinstance(connection_params, Mapping):
            # graphql-ws clients put the header in connection_init's payload.
            nested = connection_params.get("headers")
            source = nested if isinstance(nested, Mapping) else connection_params
            authorization = _header(source, "authorization")
        token = bearer_token(authorization)
        claims = self._verified(token)
        return appsync_identity(claims, _header(headers, SOURCE_IP_HEADER))

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
        if not isinstance(identity, Mapping):
            return False
        return self.rules.allows(identity.get("groups"), type_name, field_name)

    def _verified(self, token: str) -> dict[str, Any]:
        """Claims of a token verified before and not yet expired, else verify it now."""
        with self._lock:
            claims = self._cache.get(token)
            if claims is not None:
                if claims["exp"] + self.verifier.leeway < time.time():
                    del self._cache[token]
                    raise Unauthorized(EXPIRED)
                self._cache.move_to_end(token)
                return claims
        claims = self.verifier.verify(token, token_use="id")
        with self._lock:
            self._cache[token] = claims
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return claims


@dataclass
class Authentication:
    """What the local server needs for auth: the gate, and the issuer's routes if local."""

    gate: TokenGate
    routes: list[BaseRoute]
    issuer: LocalIssuer | None = None


def authentication(settings: Settings, rules: GroupRules | None = None) -> Authentication:
    """The gate HRGRAPH_AUTH selects: the local issuer's keys, or a Cognito pool's JWKS."""
    rules = rules or GroupRules.from_schema_file()
    if settings.auth == "cognito":
        if not settings.cognito_client_id:
            raise SettingsError(
                f"{PREFIX}COGNITO_CLIENT_ID: required to verify Cognito tokens (their audience)"
            )
        issuer = cognito_issuer(settings.cognito_region, settings.cognito_user_pool_id)
        keys = KeySet(https_jwks(f"{issuer}/.well-known/jwks.json"))
        return Authentication(TokenGate(TokenVerifier(keys, issuer, settings.cognito_client_id), rules), [])
    local = LocalIssuer.in_data_dir(settings.data_dir, settings.token_ttl_seconds)
    return Authentication(TokenGate(local.verifier, rules), list(issuer_routes(local)), local)
