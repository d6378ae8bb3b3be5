"""A moto Cognito server over real HTTP, reached the way the CLI reaches AWS.

``ThreadedMotoServer`` listens on a port of this worktree's range; boto3
honours ``AWS_ENDPOINT_URL``, so ``hrgraph`` commands call it exactly as they
would call Cognito. ``jwks`` fetches a pool's key set from it with the Host
header Cognito's URL carries, for the local server's token gate.
"""

from __future__ import annotations

import base64
import socket
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

import boto3
import httpx
import pytest
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor.totp import TOTP
from moto.server import ThreadedMotoServer

from tests.aws_doubles import use_dummy_aws

REGION = "eu-west-1"
PORTS = range(8340, 8360)
"""Ports of this worktree's range (8300-8399) for the moto server."""


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {PORTS}")


@dataclass
class MotoCognito:
    url: str
    pool_id: str
    client_id: str
    admin: Any
    """A boto3 cognito-idp client on the server (what the test itself checks with)."""

    def env(self) -> dict[str, str]:
        """The HRGRAPH_* settings of a Cognito deployment on this pool."""
        return {
            "HRGRAPH_AUTH": "cognito",
            "HRGRAPH_COGNITO_REGION": REGION,
            "HRGRAPH_COGNITO_USER_POOL_ID": self.pool_id,
            "HRGRAPH_COGNITO_CLIENT_ID": self.client_id,
        }

    def status(self, username: str) -> str:
        return str(
            self.admin.admin_get_user(UserPoolId=self.pool_id, Username=username)["UserStatus"]
        )

    def jwks(self, url: str) -> Mapping[str, Any]:
        """The key set at Cognito's JWKS URL, answered by the moto server."""
        parts = urlsplit(url)
        response = httpx.get(self.url + parts.path, headers={"Host": parts.netloc}, timeout=5)
        response.raise_for_status()
        document: Mapping[str, Any] = response.json()
        return document


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def make_pool(moto_server: str, mfa: Literal["OFF", "ON", "OPTIONAL"] = "OFF") -> MotoCognito:
    """A pool like serverless.yml's (invited users, groups, policy); ``mfa``: OFF, ON, OPTIONAL."""
    admin = boto3.client("cognito-idp", region_name=REGION, endpoint_url=moto_server)
    pool_id = admin.create_user_pool(
        PoolName="hrgraph",
        AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
        Policies={
            "PasswordPolicy": {
                "MinimumLength": 12,
                "RequireLowercase": True,
                "RequireUppercase": True,
                "RequireNumbers": True,
                "RequireSymbols": False,
            }
        },
    )["UserPool"]["Id"]
    if mfa != "OFF":
        admin.set_user_pool_mfa_config(
            UserPoolId=pool_id,
            SoftwareTokenMfaConfiguration={"Enabled": True},
            MfaConfiguration=mfa,
        )
    client_id = admin.create_user_pool_client(
        UserPoolId=pool_id,
        ClientName="hrgraph",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]["ClientId"]
    for group in ("Admins", "Analysts", "Viewers"):
        admin.create_group(UserPoolId=pool_id, GroupName=group)
    return MotoCognito(moto_server, pool_id, client_id, admin)


@pytest.fixture
def aws_env(moto_server: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every boto3 client of the process (the CLI's) goes to the moto server."""
    use_dummy_aws(monkeypatch, REGION)
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_server)
    monkeypatch.setenv("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")
    return moto_server


def totp_now(secret: str) -> str:
    """The code an authenticator app shows now (waits out the last seconds of a window)."""
    if time.time() % 30 > 26:
        time.sleep(30 - time.time() % 30 + 0.1)
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    totp = TOTP(key, 6, SHA1(), 30, enforce_key_length=False)  # noqa: S303 (TOTP is SHA-1)
    return totp.generate(time.time()).decode()
