"""serverless.yml gives the Lambda settings the settings object accepts, for the cloud door."""

from __future__ import annotations

from typing import Any

from hrgraph_contract.settings import PREFIX, Settings


def lambda_environment(serverless_config: dict[str, Any]) -> dict[str, str]:
    """The HRGRAPH_* variables, with values CloudFormation resolves at deploy time stood in."""
    environment: dict[str, Any] = serverless_config["provider"]["environment"]
    return {
        name: value if isinstance(value, str) else f"<{name} at deploy time>"
        for name, value in environment.items()
        if name.startswith(PREFIX)
    }


def test_every_variable_names_a_setting(serverless_config: dict[str, Any]) -> None:
    known = {variable for variable, _, _ in Settings.documentation()}

    unknown = set(lambda_environment(serverless_config)) - known

    assert not unknown, f"not in hrgraph_contract/settings.py: {sorted(unknown)}"


def test_the_lambda_runs_on_the_aws_adapters(serverless_config: dict[str, Any]) -> None:
    settings = Settings.from_env(lambda_environment(serverless_config))

    assert settings.warehouse == "redshift"
    assert settings.backup_store == "s3"
    assert settings.questions == "bedrock"
    assert settings.auth == "cognito"
    assert settings.metrics == "on"
    assert settings.data_dir.parts[:2] == ("/", "tmp")  # the only writable place in Lambda


def test_the_warehouse_deadline_fits_the_lambda_and_appsync(
    serverless_config: dict[str, Any],
) -> None:
    settings = Settings.from_env(lambda_environment(serverless_config))
    lambda_timeout = serverless_config["provider"]["timeout"]

    # AppSync waits 30 s for a Lambda resolver.
    assert settings.redshift_timeout_seconds < lambda_timeout <= 30
    assert settings.sql_timeout_seconds < lambda_timeout
