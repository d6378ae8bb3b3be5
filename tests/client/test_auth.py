"""The token provider: sign in, keep the tokens private, refresh once, then ask to sign in."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from client.auth import (
    CognitoProvider,
    CredentialsFile,
    LocalIssuerProvider,
    SignInFailed,
    SignInRequired,
    TokenProvider,
    issuer_base_url,
)
from hrgraph_contract.settings import Settings
from localcognito.users import UserStore
from tests.conftest import ADMIN_PASSWORD, LiveServer


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _provider(server: LiveServer, tmp_path: Path, clock: Clock, **env: str) -> TokenProvider:
    settings = Settings.from_env(
        {
            "HRGRAPH_URL": server.url,
            "HRGRAPH_CREDENTIALS_FILE": str(tmp_path / "config" / "credentials.json"),
            **env,
        }
    )
    return TokenProvider(settings, clock=clock)


def test_login_keeps_the_tokens_readable_by_the_user_only(
    live_server: LiveServer, tmp_path: Path
) -> None:
    provider = _provider(live_server, tmp_path, Clock())
    credentials = provider.login("admin", ADMIN_PASSWORD)
    path = tmp_path / "config" / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert provider.token() == credentials.id_token
    assert provider() == credentials.id_token  # HrClient's seam


def test_an_expired_token_is_refreshed_once_then_sign_in_is_asked(
    live_server: LiveServer, tmp_path: Path
) -> None:
    clock = Clock()
    provider = _provider(live_server, tmp_path, clock)
    UserStore.in_data_dir(live_server.settings.data_dir).add("ann", "ann-password", ["Analysts"])
    first = provider.login("ann", "ann-password")
    clock.now += first.expires_at  # long past expiry
    renewed = provider.token()
    assert renewed != first.id_token
    assert provider.store.load().id_token == renewed  # type: ignore[union-attr]
    UserStore.in_data_dir(live_server.settings.data_dir).remove("ann")
    clock.now += 10 * first.expires_at
    with pytest.raises(SignInRequired, match="hrgraph login"):
        provider.token()


def test_a_wrong_password_fails_clearly(live_server: LiveServer, tmp_path: Path) -> None:
    with pytest.raises(SignInFailed, match="Incorrect username or password"):
        _provider(live_server, tmp_path, Clock()).login("admin", "wrong-password")


def test_hrgraph_token_overrides_the_stored_login_and_is_never_refreshed(
    live_server: LiveServer, tmp_path: Path
) -> None:
    provider = _provider(live_server, tmp_path, Clock(), HRGRAPH_TOKEN="from-the-environment")
    assert provider.token() == "from-the-environment"
    with pytest.raises(SignInRequired, match="HRGRAPH_TOKEN"):
        provider.refresh()


def test_no_sign_in_means_sign_in_required(tmp_path: Path) -> None:
    settings = Settings.from_env({"HRGRAPH_CREDENTIALS_FILE": str(tmp_path / "none.json")})
    with pytest.raises(SignInRequired, match="not signed in"):
        TokenProvider(settings).token()


def test_a_corrupt_credentials_file_counts_as_signed_out(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    path.write_text("{not json", encoding="utf-8")
    assert CredentialsFile(path).load() is None


def test_the_issuer_lives_beside_the_graphql_endpoint() -> None:
    assert issuer_base_url("http://127.0.0.1:8000/graphql") == "http://127.0.0.1:8000"


def test_an_unreachable_server_fails_clearly() -> None:
    with pytest.raises(SignInFailed, match="cannot reach"):
        LocalIssuerProvider("http://127.0.0.1:9").sign_in("admin", "whatever-password")


@pytest.fixture
def cognito(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.setenv(name, "testing")
    with mock_aws():
        client = boto3.client("cognito-idp", region_name="eu-west-1")
        pool = client.create_user_pool(PoolName="hrgraph")["UserPool"]["Id"]
        app = client.create_user_pool_client(
            UserPoolId=pool,
            ClientName="cli",
            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        )["UserPoolClient"]["ClientId"]
        client.admin_create_user(UserPoolId=pool, Username="ann", MessageAction="SUPPRESS")
        client.admin_set_user_password(
            UserPoolId=pool, Username="ann", Password="Ann-password-1", Permanent=True
        )
        yield client, app


def test_cognito_sign_in_and_refresh(cognito: tuple[Any, str], tmp_path: Path) -> None:
    client, app = cognito
    clock = Clock()
    settings = Settings.from_env(
        {
            "HRGRAPH_AUTH": "cognito",
            "HRGRAPH_COGNITO_REGION": "eu-west-1",
            "HRGRAPH_COGNITO_USER_POOL_ID": "unused-by-the-client",
            "HRGRAPH_CREDENTIALS_FILE": str(tmp_path / "credentials.json"),
        }
    )
    provider = TokenProvider(settings, CognitoProvider("eu-west-1", app, client), clock=clock)
    first = provider.login("ann", "Ann-password-1")
    assert first.provider == "cognito" and first.endpoint == app
    clock.now += 2 * first.expires_at
    assert provider.token() != first.id_token  # REFRESH_TOKEN_AUTH gave a new one
    with pytest.raises(SignInFailed):
        provider.login("ann", "Wrong-password-1")


def test_a_token_the_server_refuses_is_refreshed_once_then_the_call_succeeds(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """E.g. the server restarted with new keys: the 401 triggers one refresh and a retry."""
    from dataclasses import replace

    from client.api import HrClient

    provider = _provider(live_server, tmp_path, Clock())
    credentials = provider.login("admin", ADMIN_PASSWORD)
    provider.store.save(replace(credentials, id_token="refused-by-the-server"))
    with HrClient(live_server.url, token_provider=provider) as api:
        assert api.me().username == "admin"
    assert provider.store.load().id_token != "refused-by-the-server"  # type: ignore[union-attr]


def test_a_refused_token_that_cannot_be_refreshed_asks_to_sign_in(
    live_server: LiveServer, tmp_path: Path
) -> None:
    from dataclasses import replace

    from client.api import HrClient

    provider = _provider(live_server, tmp_path, Clock())
    credentials = provider.login("admin", ADMIN_PASSWORD)
    provider.store.save(replace(credentials, id_token="refused", refresh_token="also-refused"))
    with (
        HrClient(live_server.url, token_provider=provider) as api,
        pytest.raises(SignInRequired, match="hrgraph login"),
    ):
        api.me()
