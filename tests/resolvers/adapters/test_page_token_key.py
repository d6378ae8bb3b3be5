"""The page-token key: one secret read once per cold start in AWS, a private file locally."""

from __future__ import annotations

import stat
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

from hrgraph_contract.settings import Settings
from resolvers import wiring
from resolvers.adapters import page_token_key
from resolvers.core import reads
from resolvers.core.errors import Unavailable, ValidationError
from resolvers.core.tables import Table
from tests.aws_doubles import use_dummy_aws

REGION = "eu-west-1"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> None:
    use_dummy_aws(monkeypatch, REGION)


def test_in_aws_the_key_is_the_secret_read_once_per_cold_start(
    aws: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with mock_aws():
        client = boto3.client("secretsmanager", region_name=REGION)
        arn = client.create_secret(Name="hrgraph/test/page-token-key", SecretString="k" * 64)["ARN"]
        reads_of_the_secret: list[str] = []
        real = page_token_key.from_secrets_manager

        def counted(secret_arn: str, client: object = None) -> bytes:
            reads_of_the_secret.append(secret_arn)
            return real(secret_arn, client)

        monkeypatch.setattr(page_token_key, "from_secrets_manager", counted)
        settings = Settings.from_env(
            {"HRGRAPH_DATA_DIR": str(tmp_path / "data"), "HRGRAPH_PAGE_TOKEN_SECRET_ARN": arn}
        )
        services = wiring.build(settings)
        tokens = services.page_tokens()
        assert tokens.key == b"k" * 64
        assert services.page_tokens() is tokens
        assert reads_of_the_secret == [arn]
        assert not (tmp_path / "data" / page_token_key.FILE_NAME).exists()
        # Another instance (another cold start) with the same secret accepts the token.
        token = tokens.encode("jobs", 2)
        assert wiring.build(settings).page_tokens().decode_id(token, "jobs") == 2


def test_a_missing_secret_is_unavailable(aws: None) -> None:
    with mock_aws():
        client = boto3.client("secretsmanager", region_name=REGION)
        with pytest.raises(Unavailable, match="page-token key"):
            page_token_key.from_secrets_manager(
                f"arn:aws:secretsmanager:{REGION}:123456789012:secret:nope", client
            )


def test_a_too_short_secret_is_refused(aws: None) -> None:
    with mock_aws():
        client = boto3.client("secretsmanager", region_name=REGION)
        arn = client.create_secret(Name="short", SecretString="tiny")["ARN"]
        with pytest.raises(Unavailable, match="at least 32"):
            page_token_key.from_secrets_manager(arn, client)


def test_locally_the_key_is_generated_once_into_a_private_file(tmp_path: Path) -> None:
    key = page_token_key.from_data_dir(tmp_path / "data")
    path = tmp_path / "data" / page_token_key.FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(key) >= 32
    assert page_token_key.from_data_dir(tmp_path / "data") == key  # kept across restarts
    path.chmod(0o644)
    with pytest.raises(PermissionError, match="chmod 600"):
        page_token_key.from_data_dir(tmp_path / "data")


def test_a_token_from_another_data_dir_is_refused(tmp_path: Path) -> None:
    first = wiring.build(Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "a")}))
    second = wiring.build(Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path / "b")}))
    token = first.page_tokens().encode("jobs", 5)
    with pytest.raises(ValidationError, match="nextToken"):
        reads.page(second.warehouse, second.page_tokens(), Table.JOBS, 10, token)
