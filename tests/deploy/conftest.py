"""What the deploy tests share: the project root and serverless.yml as data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def serverless_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "serverless.yml").read_text())
    return config


@pytest.fixture(scope="session")
def appsync_resolvers(serverless_config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """serverless.yml's AppSync resolvers by "Type.field"."""
    resolvers: dict[str, dict[str, Any]] = serverless_config["appSync"]["resolvers"]
    return resolvers
