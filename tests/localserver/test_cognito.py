"""HRGRAPH_AUTH=cognito: tokens moto's Cognito issues go through the same verifier and gate.

moto plays the user pool (pool, app client, group, user, initiate_auth) and
serves the pool's JWKS at the URL Cognito publishes it; ``requests`` reaches
it there under mock_aws (urllib, which the real fetch uses, is not
intercepted, so the fetch function is the one thing swapped).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import boto3
import httpx
import pytest
import requests
from moto import mock_aws

from hrgraph_contract.settings import Settings
from localcognito.tokens import REFUSED, cognito_issuer
from localserver.auth_gate import authentication
from resolvers import wiring
from resolvers.core.errors import Unauthorized
from tests.aws_doubles import use_dummy_aws
from tests.conftest import serving

REGION = "eu-west-1"
PASSWORD = "Ann-password-123"


@dataclass
class Pool:
    client: Any
    pool_id: str
    client_id: str

    def sign_in(self, username: str = "ann") -> dict[str, Any]:
        answer = self.client.initiate_auth(
            AuthFlow="USER_PASSWORD_AUTH",
            ClientId=self.client_id,
            AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD},
        )
        result: dict[str, Any] = answer["AuthenticationResult"]
        return result


@pytest.fixture
def pool(monkeypatch: pytest.MonkeyPatch) -> Iterator[Pool]:
    use_dummy_aws(monkeypatch, REGION)
    with mock_aws():
        client = boto3.client("cognito-idp", region_name=REGION)
        pool_id = client.create_user_pool(PoolName="hrgraph")["UserPool"]["Id"]
        client_id = client.create_user_pool_client(
            UserPoolId=pool_id,
            ClientName="hrgraph-cli",
            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        )["UserPoolClient"]["ClientId"]
        client.create_group(UserPoolId=pool_id, GroupName="Analysts")
        for username in ("ann", "nog"):
            client.admin_create_user(
                UserPoolId=pool_id, Username=username, MessageAction="SUPPRESS"
            )
            client.admin_set_user_password(
                UserPoolId=pool_id, Username=username, Password=PASSWORD, Permanent=True
            )
        client.admin_add_user_to_group(UserPoolId=pool_id, Username="ann", GroupName="Analysts")
        yield Pool(client, pool_id, client_id)


def _settings(pool: Pool, tmp: Any, client_id: str | None = None) -> Settings:
    return Settings.from_env(
        {
            "HRGRAPH_DATA_DIR": str(tmp),
            "HRGRAPH_AUTH": "cognito",
            "HRGRAPH_COGNITO_REGION": REGION,
            "HRGRAPH_COGNITO_USER_POOL_ID": pool.pool_id,
            "HRGRAPH_COGNITO_CLIENT_ID": client_id or pool.client_id,
        }
    )


fetched: list[str] = []


def moto_jwks(url: str) -> Mapping[str, Any]:
    """The pool's JWKS from the URL Cognito publishes it at, answered by moto."""
    fetched.append(url)
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    document: Mapping[str, Any] = response.json()
    return document


def test_motos_id_token_verifies_through_the_same_path(pool: Pool, tmp_path: Any) -> None:
    auth = authentication(_settings(pool, tmp_path), fetch=moto_jwks)
    assert auth.routes == [] and auth.issuer is None  # no local issuer in Cognito mode
    identity = auth.gate.identify({"authorization": pool.sign_in()["IdToken"]})
    assert fetched[-1] == (
        f"https://cognito-idp.{REGION}.amazonaws.com/{pool.pool_id}/.well-known/jwks.json"
    )
    assert identity["issuer"] == cognito_issuer(REGION, pool.pool_id)
    assert identity["username"] == "ann"
    assert identity["groups"] == ["Analysts"]
    assert identity["claims"]["token_use"] == "id"
    assert auth.gate.allows(identity, "Query", "runSql")
    assert not auth.gate.allows(identity, "Mutation", "insertJobs")


def test_motos_access_token_is_refused_where_an_id_token_is_required(
    pool: Pool, tmp_path: Any
) -> None:
    gate = authentication(_settings(pool, tmp_path), fetch=moto_jwks).gate
    with pytest.raises(Unauthorized) as refused:
        gate.identify({"authorization": pool.sign_in()["AccessToken"]})
    assert refused.value.message == REFUSED


def test_a_token_for_another_app_client_is_refused(pool: Pool, tmp_path: Any) -> None:
    other = _settings(pool, tmp_path, client_id="another-app-client")
    gate = authentication(other, fetch=moto_jwks).gate
    with pytest.raises(Unauthorized):
        gate.identify({"authorization": pool.sign_in()["IdToken"]})


def test_cognito_mode_needs_the_app_client_id(pool: Pool, tmp_path: Any) -> None:
    settings = Settings.from_env(
        {
            "HRGRAPH_DATA_DIR": str(tmp_path),
            "HRGRAPH_AUTH": "cognito",
            "HRGRAPH_COGNITO_REGION": REGION,
            "HRGRAPH_COGNITO_USER_POOL_ID": pool.pool_id,
        }
    )
    with pytest.raises(ValueError, match="COGNITO_CLIENT_ID"):
        authentication(settings)


def test_the_local_server_serves_a_cognito_user_over_http(pool: Pool, tmp_path: Any) -> None:
    """The whole door: moto's ID token in the header, the group rules from the schema."""
    settings = _settings(pool, tmp_path)
    services = wiring.build(settings)
    gate = authentication(settings, fetch=moto_jwks).gate
    with serving(settings, services, gate=gate) as url:
        ann = pool.sign_in("ann")["IdToken"]
        nog = pool.sign_in("nog")["IdToken"]
        me = httpx.post(
            url, json={"query": "{ me { username groups } }"}, headers={"Authorization": ann}
        )
        assert me.json()["data"]["me"] == {"username": "ann", "groups": ["Analysts"]}
        refused = httpx.post(
            url, json={"query": "{ me { username } }"}, headers={"Authorization": nog}
        )
        assert refused.json()["errors"][0]["errorType"] == "Unauthorized"
        # Cognito mode serves no local issuer routes.
        assert httpx.post(url.removesuffix("/graphql") + "/auth/login", json={}).status_code == 404
