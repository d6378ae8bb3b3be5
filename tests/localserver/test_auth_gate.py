"""The gate at /graphql: what reaches GraphQL, and what the identity says of the caller."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from hrgraph_contract.settings import Settings
from localserver.app import appsync_app
from localserver.lambda_process import LambdaProcess
from localserver.limits import from_serverless
from resolvers.core.errors import Unauthorized


class Recording:
    """A gate that notes the headers it was shown, then refuses."""

    def __init__(self) -> None:
        self.seen: list[dict[str, str]] = []

    def identify(self, headers: Any) -> Any:
        self.seen.append(dict(headers))
        raise Unauthorized("no")

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
        return False


async def test_the_source_ip_is_the_peers_never_the_clients_claim(tmp_path: Path) -> None:
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path)})
    gate = Recording()
    runner = LambdaProcess(settings, from_serverless())  # never started: nothing gets through
    app = appsync_app(settings, gate, runner=runner)
    transport = httpx.ASGITransport(app, client=("192.0.2.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://local") as client:
        answer = await client.post(
            "/graphql",
            headers={"X-HRGraph-Source-IP": "203.0.113.66", "X-Forwarded-For": "203.0.113.66"},
            json={"query": "{ rowCount }"},
        )
    runner.stop()
    assert answer.status_code == 401
    assert answer.headers["x-amzn-errortype"] == "UnauthorizedException"
    assert answer.json() == {"errors": [{"errorType": "UnauthorizedException", "message": "no"}]}
    assert [seen["x-hrgraph-source-ip"] for seen in gate.seen] == ["192.0.2.7"]


async def test_only_a_post_reaches_graphql_and_a_repeated_header_counts_its_first(
    tmp_path: Path,
) -> None:
    # POST /graphql skips Starlette's router: the other methods and routes still go through it.
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path)})
    gate = Recording()
    runner = LambdaProcess(settings, from_serverless())  # never started: nothing gets through
    app = appsync_app(settings, gate, runner=runner)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app), base_url="http://local"
    ) as client:
        health = await client.get("/health")
        wrong_method = await client.get("/graphql")
        answer = await client.post(
            "/graphql",
            headers=[("X-Team", "first"), ("X-Team", "second")],
            json={"query": "{ rowCount }"},
        )
    runner.stop()
    assert health.json() == {"status": "ok"}
    assert wrong_method.status_code == 405
    assert answer.status_code == 401
    assert [seen["x-team"] for seen in gate.seen] == ["first"]  # as Starlette's Headers read it
