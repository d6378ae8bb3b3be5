"""Lambda concurrency matches what Redshift lets the functions open."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.deploy.conftest import ROOT
from tests.deploy.test_templates import packaged  # noqa: F401 (the fixture)


def reserved(config: dict[str, Any], function: str) -> int:
    value = str(config["functions"][function]["reservedConcurrency"])
    param = re.fullmatch(r"\$\{param:(\w+)\}", value)
    return int(config["params"]["default"][param[1]] if param else value)


def readonly_connection_limit() -> int:
    grants = (ROOT / "resolvers" / "sql" / "grants" / "readonly_user.sql").read_text()
    found = re.search(r"CREATE USER hrgraph_readonly .*CONNECTION LIMIT (\d+)", grants)
    assert found, "the read-only user has a CONNECTION LIMIT"
    return int(found[1])


def test_the_api_never_needs_more_connections_than_the_read_only_user_has(
    serverless_config: dict[str, Any],
) -> None:
    """One invocation runs one statement at a time: concurrency bounds the connections."""
    assert reserved(serverless_config, "api") == readonly_connection_limit()


def test_the_worker_has_concurrency_of_its_own(serverless_config: dict[str, Any]) -> None:
    assert 1 <= reserved(serverless_config, "worker") <= 5


def test_the_rendered_functions_reserve_their_concurrency(packaged: Path) -> None:  # noqa: F811
    template = json.loads((packaged / "cloudformation-template-update-stack.json").read_text())
    functions = {
        r["Properties"]["Handler"]: r["Properties"].get("ReservedConcurrentExecutions")
        for r in template["Resources"].values()
        if r["Type"] == "AWS::Lambda::Function"
    }
    assert functions == {
        "resolvers/handler.handler": readonly_connection_limit(),
        "resolvers/worker.handler": 2,
    }
