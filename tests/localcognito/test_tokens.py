"""TokenVerifier: what a token must be to pass, and the message each failure gets."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from localcognito.issuer import IssuerIdentity, LocalIssuer
from localcognito.tokens import (
    EXPIRED,
    LEEWAY_SECONDS,
    MISSING_HEADER,
    REFUSED,
    UNPARSABLE,
    KeySet,
    TokenVerifier,
    appsync_identity,
    bearer_token,
    fetch_jwks,
)
from resolvers.core.errors import Unauthorized
from tests.localserver.auth_helpers import bad_tokens, id_claims, signed


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> LocalIssuer:
    local = LocalIssuer.in_data_dir(tmp_path_factory.mktemp("tokens"))
    local.users.add("ann", "ann-password", ["Analysts"])
    return local


def _tokens(issuer: LocalIssuer) -> dict[str, Any]:
    signed_in = issuer.login("ann", "ann-password")
    assert signed_in is not None
    return signed_in


def test_an_issued_id_token_verifies_with_cognito_shaped_claims(issuer: LocalIssuer) -> None:
    claims = issuer.verifier.verify(_tokens(issuer)["IdToken"])
    assert claims["token_use"] == "id"
    assert claims["cognito:username"] == "ann"
    assert claims["cognito:groups"] == ["Analysts"]
    assert claims["aud"] == issuer.identity.client_id
    assert claims["iss"] == issuer.identity.issuer
    assert claims["exp"] - int(claims["iat"]) == issuer.ttl
    assert claims["auth_time"] == int(claims["iat"])


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("malformed token", UNPARSABLE),
        ("alg none", REFUSED),
        ("HS256 with the public key", REFUSED),
        ("wrong key", REFUSED),
        ("expired", EXPIRED),
        ("wrong issuer", REFUSED),
        ("wrong audience", REFUSED),
        ("access token", REFUSED),
    ],
)
def test_each_bad_token_is_refused(issuer: LocalIssuer, case: str, message: str) -> None:
    token = bad_tokens(issuer.identity, _tokens(issuer)["AccessToken"])[case]
    assert token is not None
    with pytest.raises(Unauthorized) as refused:
        issuer.verifier.verify(token)
    assert refused.value.message == message


def test_a_token_for_several_audiences_is_refused(issuer: LocalIssuer) -> None:
    audiences = [issuer.identity.client_id, "another-client"]
    token = signed(issuer.identity, id_claims(issuer.identity, aud=audiences))
    with pytest.raises(Unauthorized):
        issuer.verifier.verify(token)


def test_a_refresh_token_is_not_an_id_token(issuer: LocalIssuer) -> None:
    with pytest.raises(Unauthorized):
        issuer.verifier.verify(_tokens(issuer)["RefreshToken"])


def test_an_access_token_verifies_where_one_is_asked_for(issuer: LocalIssuer) -> None:
    claims = issuer.verifier.verify(_tokens(issuer)["AccessToken"], kind="access")
    assert claims["client_id"] == issuer.identity.client_id
    assert claims["username"] == "ann"


def test_clock_skew_within_the_leeway_is_tolerated(issuer: LocalIssuer) -> None:
    now = int(time.time())
    just_expired = signed(
        issuer.identity, id_claims(issuer.identity, exp=now - LEEWAY_SECONDS // 2)
    )
    assert issuer.verifier.verify(just_expired)["cognito:username"] == "forger"
    not_yet = signed(issuer.identity, id_claims(issuer.identity, nbf=now + 3 * LEEWAY_SECONDS))
    with pytest.raises(Unauthorized):
        issuer.verifier.verify(not_yet)


def test_a_token_missing_a_required_claim_is_refused(issuer: LocalIssuer) -> None:
    for claim in ("exp", "iat", "sub", "token_use", "aud", "iss"):
        token = signed(issuer.identity, id_claims(issuer.identity, **{claim: None}))
        with pytest.raises(Unauthorized):
            issuer.verifier.verify(token)


def test_an_unknown_kid_reloads_the_key_set_at_most_once_a_minute(tmp_path: Path) -> None:
    identity = IssuerIdentity.load_or_create(tmp_path)
    loads: list[int] = []

    def load() -> dict[str, Any]:
        loads.append(1)
        return identity.jwks

    keys = KeySet(load)
    verifier = TokenVerifier(keys, identity.issuer, identity.client_id)
    token = signed(identity, id_claims(identity))
    verifier.verify(token)
    for _ in range(3):
        with pytest.raises(Unauthorized):
            keys.key("some-other-kid")
    assert len(loads) == 1
    assert verifier.verify(token)["sub"] == id_claims(identity)["sub"]


def test_jwks_is_only_fetched_over_https() -> None:
    with pytest.raises(ValueError, match="https"):
        fetch_jwks("http://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json")


@pytest.mark.parametrize(
    ("header", "token"), [("abc", "abc"), ("Bearer abc", "abc"), ("bearer  abc ", "abc")]
)
def test_the_header_holds_the_raw_token_or_a_bearer_prefix(header: str, token: str) -> None:
    assert bearer_token(header) == token


@pytest.mark.parametrize("header", [None, "", "   "])
def test_a_missing_header_gets_appsyncs_message(header: str | None) -> None:
    with pytest.raises(Unauthorized) as refused:
        bearer_token(header)
    assert refused.value.message == MISSING_HEADER


def test_the_identity_has_appsyncs_cognito_shape(issuer: LocalIssuer) -> None:
    claims = issuer.verifier.verify(_tokens(issuer)["IdToken"])
    identity = appsync_identity(claims, "10.1.2.3")
    assert identity == {
        "sub": claims["sub"],
        "issuer": issuer.identity.issuer,
        "username": "ann",
        "claims": claims,
        "sourceIp": ["10.1.2.3"],
        "defaultAuthStrategy": "ALLOW",
        "groups": ["Analysts"],
    }
    assert appsync_identity({**claims, "cognito:groups": []}, None)["groups"] is None
