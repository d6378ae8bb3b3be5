"""What the deploy tests share: the project root and serverless.yml as data."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _load_builder() -> ModuleType:
    """infra/lambda_package.py is a script, not a package: load it by path."""
    path = ROOT / "infra" / "lambda_package.py"
    spec = importlib.util.spec_from_file_location("lambda_package", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lambda_package = _load_builder()


@pytest.fixture(scope="session")
def serverless_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "serverless.yml").read_text())
    return config


@pytest.fixture(scope="session")
def appsync_resolvers(serverless_config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """serverless.yml's AppSync resolvers by "Type.field"."""
    resolvers: dict[str, dict[str, Any]] = serverless_config["appSync"]["resolvers"]
    return resolvers
