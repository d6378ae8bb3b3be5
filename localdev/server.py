"""What ``hrgraph-local serve`` runs: the AppSync stand-in (localserver/) and, beside it on
the same port, the laptop's other doors: the local Cognito's sign-in routes
(localcognito/, with HRGRAPH_AUTH=local), S3's presigned links over the data dir
(downloads.py), and GraphiQL (graphiql.py)."""

from __future__ import annotations

import uvicorn
from starlette.routing import BaseRoute
from starlette.types import ASGIApp

from hrgraph_contract.settings import Settings
from localdev import graphiql
from localdev.downloads import download_routes
from localserver.app import appsync_app
from localserver.auth_gate import authentication
from localserver.binding import Gate
from localserver.lambda_process import LambdaProcess, settle_heap
from localserver.limits import Limits
from resolvers import wiring


def create_app(
    settings: Settings,
    services: wiring.Services | None = None,
    gate: Gate | None = None,
    limits: Limits | None = None,
    runner: LambdaProcess | None = None,
) -> ASGIApp:
    """The whole local server; ``gate`` defaults to the one HRGRAPH_AUTH selects (tests
    hand in their own), the rest as ``appsync_app`` takes them."""
    auth_routes: list[BaseRoute] = []
    if gate is None:
        auth = authentication(settings)
        gate, auth_routes = auth.gate, auth.routes
    store = services.backups if services is not None else wiring.backup_store(settings)
    routes = [
        *graphiql.routes(sign_in=bool(auth_routes)),
        *auth_routes,
        *download_routes(lambda: store),
    ]
    return appsync_app(settings, gate, services, limits, runner, routes)


def server_config(
    app: ASGIApp, settings: Settings, host: str = "127.0.0.1", port: int = 8000
) -> uvicorn.Config:
    """How uvicorn serves the app: forwarding headers (X-Forwarded-For) are believed only
    from the proxies HRGRAPH_TRUSTED_PROXIES names, never from any client."""
    proxies = settings.trusted_proxies
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=settings.log_level,
        # Above info nothing is logged per request: uvicorn then skips building its lines.
        access_log=settings.log_level in ("debug", "info"),
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """The server, with the Lambda handler and its DuckDB in a process of their own."""
    app = create_app(settings)
    settle_heap()
    uvicorn.Server(server_config(app, settings, host, port)).run()
