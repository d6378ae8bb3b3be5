"""Forging and sending tokens for the auth tests: the cases a verifier must refuse."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from localcognito.issuer import IssuerIdentity


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def id_claims(identity: IssuerIdentity, **overrides: Any) -> dict[str, Any]:
    """Claims of a valid local ID token for user ``forger`` (Admins), changed by overrides."""
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": "5f0c1a8e-0000-4000-8000-000000000001",
        "iss": identity.issuer,
        "aud": identity.client_id,
        "token_use": "id",
        "cognito:username": "forger",
        "cognito:groups": ["Admins"],
        "iat": now,
        "auth_time": now,
        "exp": now + 600,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def signed(identity: IssuerIdentity, claims: dict[str, Any], key: Any = None) -> str:
    """RS256 with the issuer's kid, signed by the issuer's key or another one."""
    return jwt.encode(
        claims,
        key or identity.private_key,
        algorithm="RS256",
        headers={"kid": identity.public_jwk["kid"]},
    )


def unsigned(identity: IssuerIdentity) -> str:
    """alg: none, as in the classic bypass."""
    header = {"alg": "none", "typ": "JWT", "kid": identity.public_jwk["kid"]}
    body = id_claims(identity)
    return f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(body).encode())}."


def hs256_with_public_key(identity: IssuerIdentity) -> str:
    """HS256 keyed with the public key's PEM: the algorithm-confusion attack."""
    pem = identity.private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = {"alg": "HS256", "typ": "JWT", "kid": identity.public_jwk["kid"]}
    signing_input = (
        f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(id_claims(identity)).encode())}"
    )
    signature = hmac.new(pem, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


def bad_tokens(identity: IssuerIdentity, access_token: str) -> dict[str, str | None]:
    """Every refused case, by name (None: no Authorization header at all)."""
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = int(time.time())
    return {
        "no token": None,
        "malformed token": "not-a-jwt",
        "alg none": unsigned(identity),
        "HS256 with the public key": hs256_with_public_key(identity),
        "wrong key": signed(identity, id_claims(identity), key=other_key),
        "expired": signed(identity, id_claims(identity, iat=now - 7200, exp=now - 3600)),
        "wrong issuer": signed(identity, id_claims(identity, iss="urn:hrgraph:local:other")),
        "wrong audience": signed(identity, id_claims(identity, aud="another-client")),
        "access token": access_token,
    }


def graphql(
    url: str, query: str, token: str | None, variables: dict[str, Any] | None = None
) -> httpx.Response:
    headers = {} if token is None else {"Authorization": token}
    return httpx.post(
        url, json={"query": query, "variables": variables or {}}, headers=headers, timeout=30
    )
