"""bench/questions.py --engine bedrock: refuses clearly without an account, never crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import questions
from resolvers.adapters.bedrock_engine import BedrockEngine
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.errors import Unavailable
from resolvers.core.ports import Answer

AWS_VARIABLES = (
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_WEB_IDENTITY_TOKEN_FILE",
)  # fmt: skip


@pytest.fixture
def no_account(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in AWS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # never ask an instance for keys


def test_without_credentials_the_bedrock_bench_stops_with_what_to_set(no_account: None) -> None:
    with pytest.raises(SystemExit, match="needs AWS credentials and a region"):
        questions.bedrock_engine(DuckDBWarehouse(":memory:"))


def test_with_credentials_the_bench_scores_the_bedrock_engine(
    no_account: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    engine = questions.bedrock_engine(DuckDBWarehouse(":memory:"))
    assert isinstance(engine._inner, BedrockEngine)  # type: ignore[attr-defined]
    assert engine._inner.today() == questions.CLOCK.date()  # type: ignore[attr-defined]


def test_a_question_bedrock_cannot_answer_in_time_scores_as_refused() -> None:
    class Throttled:
        def answer(self, question: str) -> Answer:
            raise Unavailable("Bedrock is busy (ThrottlingException)")

    answer = questions._RefusingWhenUnavailable(Throttled()).answer("How many hires?")
    assert answer.refused and "ThrottlingException" in answer.explanation
