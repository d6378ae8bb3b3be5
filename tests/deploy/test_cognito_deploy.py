"""serverless.yml's Cognito pool: safe defaults a first week would otherwise find missing."""

from __future__ import annotations

from typing import Any

from tests.deploy.conftest import ROOT


def pool_part(config: dict[str, Any], name: str) -> dict[str, Any]:
    properties: dict[str, Any] = config["resources"]["Resources"][name]["Properties"]
    return properties


def test_a_first_sign_in_has_time_to_set_up_mfa(serverless_config: dict[str, Any]) -> None:
    """AuthSessionValidity (minutes, 3..15) bounds a sign-in's steps; Cognito's default is 3."""
    client = pool_part(serverless_config, "UserPoolClient")
    assert 10 <= client["AuthSessionValidity"] <= 15


def test_removing_the_stack_cannot_delete_every_user(serverless_config: dict[str, Any]) -> None:
    assert pool_part(serverless_config, "UserPool")["DeletionProtection"] == "ACTIVE"


def test_only_the_sign_in_flows_the_clients_use_are_allowed(
    serverless_config: dict[str, Any],
) -> None:
    flows = set(pool_part(serverless_config, "UserPoolClient")["ExplicitAuthFlows"])
    assert flows == {"ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
    used = {
        flow
        for path in (ROOT / "client").rglob("*.py")
        for flow in ("USER_PASSWORD_AUTH", "REFRESH_TOKEN_AUTH", "USER_SRP_AUTH")
        if f'"{flow}"' in path.read_text()
    }
    assert {f"ALLOW_{flow}" for flow in used} == flows
