"""What the deploy tests share: the project root and serverless.yml as data."""

from __future__ import annotations

import importlib.util
import subprocess
import venv
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


@pytest.fixture(scope="session")
def lambda_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtualenv with requirements/lambda.txt and nothing else (--no-deps, like the zip)."""
    env_dir = tmp_path_factory.mktemp("lambda-venv")
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            *(str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"),
            *("--no-deps", "-r", str(ROOT / "requirements" / "lambda.txt")),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return python
