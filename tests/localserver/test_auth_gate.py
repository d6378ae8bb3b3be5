"""RequireToken: what reaches the GraphQL view, and what never does."""

from __future__ import annotations

from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from localserver.auth_gate import SOURCE_IP_HEADER, RequireToken


class AcceptAnything:
    def identify(self, headers: Any, connection_params: Any = None) -> Any:
        return {"groups": ["Admins"]}


async def echo(request: Request) -> JSONResponse:
    return JSONResponse({"sourceIp": request.headers.getlist(SOURCE_IP_HEADER)})


async def test_the_source_ip_is_the_peers_never_the_clients_claim() -> None:
    app = RequireToken(
        Starlette(routes=[Route("/graphql", echo, methods=["POST"])]), AcceptAnything()
    )
    transport = httpx.ASGITransport(app, client=("192.0.2.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://local") as client:
        answer = await client.post("/graphql", headers={SOURCE_IP_HEADER: "203.0.113.66"})
    assert answer.json() == {"sourceIp": ["192.0.2.7"]}
