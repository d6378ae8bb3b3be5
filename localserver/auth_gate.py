"""The authenticating gate: AppSync's Cognito user pools mode, enforced on a laptop.

``identify`` turns the Authorization header (HTTP, or a real-time message's
authorization) into the identity AppSync hands a resolver, or raises
Unauthorized; ``allows`` applies the schema's group directives. Which key set
verifies tokens is the only difference between ``HRGRAPH_AUTH=local`` (the
local issuer, localcognito/) and ``HRGRAPH_AUTH=cognito`` (the pool's published JWKS).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from starlette.routing import BaseRoute

from hrgraph_contract.group_rules import GroupRules
from hrgraph_contract.settings import PREFIX, Settings, SettingsError
from localcognito.issuer import LocalIssuer, issuer_routes
from localcognito.tokens import (
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
from resolvers.core.errors import Unauthorized

SOURCE_IP_HEADER = "x-hrgraph-source-ip"
"""Set by the server from the socket's peer address, over any value a client sent."""


@dataclass
class TokenGate:
    """Verifies ID tokens and checks group rules per field."""

    verifier: TokenVerifier
    rules: GroupRules
    still_valid: Callable[[Mapping[str, Any]], bool] | None = None
    """Asked of every request's verified claims: the local issuer's revocation check
    (a removed or disabled user). None for Cognito, whose ID tokens cannot be revoked."""

    def __post_init__(self) -> None:
        # Every field asks (AppSync checks each one): the RSA check runs once per token.
        # A refused token raises, and lru_cache keeps no exception.
        self._verified = lru_cache(1024)(self.verifier.verify)

    def identify(self, headers: Mapping[str, str]) -> Any:
        """``headers`` with lower-case names, as Starlette and the real-time endpoint give them."""
        claims = self._verified(bearer_token(headers.get("authorization")))
        if claims["exp"] + self.verifier.leeway < time.time():  # expired since it was cached
            raise Unauthorized(EXPIRED)
        if self.still_valid is not None and not self.still_valid(claims):
            raise Unauthorized(REFUSED)
        return appsync_identity(claims, headers.get(SOURCE_IP_HEADER))

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
        return self.rules.allows(identity["groups"], type_name, field_name)


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
