"""The local stand-in for AppSync: schema.graphql over HTTP and graphql-ws, every field
answered by the same Lambda handler that runs in AWS, errors in AppSync's shape."""

from __future__ import annotations

from typing import Any

import uvicorn
from graphql import GraphQLError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from localserver.auth_gate import RequireToken, authentication, protect_unrouted_fields
from localserver.binding import FieldError, Invoker, RequestContext, bind, routed_fields
from localserver.broker import Broker
from localserver.downloads import download_routes
from localserver.events import trace_id
from localserver.gate import Gate
from localserver.schema import SdlSchema, appsync_schema
from resolvers import handler as lambda_handler
from resolvers import wiring
from resolvers.core.errors import HrgraphError
from resolvers.settings import Settings


def appsync_error(error: GraphQLError) -> dict[str, Any]:
    """One error as AppSync writes it: errorType and errorInfo at top level, no traceback."""
    original = error.original_error
    if isinstance(original, FieldError):
        error_type, message, info = original.error_type, original.message, original.info
    elif isinstance(original, HrgraphError):
        error_type, message, info = original.error_type, original.message, original.info or None
    elif original is None:
        # Parse and validation errors of the document itself.
        error_type, message, info = "ValidationError", error.message, None
    else:
        error_type, message, info = "InternalFailure", "internal error in the local server", None
    return {
        "path": error.path,
        "data": None,
        "errorType": error_type,
        "errorInfo": info,
        "locations": [
            {"line": loc.line, "column": loc.column, "sourceName": None}
            for loc in error.locations or []
        ],
        "message": message,
    }


class AppSyncView(GraphQL[RequestContext, None]):
    def __init__(self, schema: SdlSchema, gate: Gate) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=False)
        self._gate = gate

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        # AWS's front door adds one trace header per request; every field's event carries it.
        headers = {**request.headers, "x-amzn-trace-id": trace_id()}
        return RequestContext(headers=headers, gate=self._gate)

    async def on_ws_connect(self, context: RequestContext) -> Any:
        """A websocket must authenticate in connection_init (or its upgrade request)."""
        try:
            context.identity()
        except HrgraphError as refused:
            raise ConnectionRejectionError({"errorType": "UnauthorizedException"}) from refused
        return await super().on_ws_connect(context)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            response["errors"] = [appsync_error(e) for e in result.errors]
        return response


def create_app(
    settings: Settings,
    services: wiring.Services | None = None,
    gate: Gate | None = None,
) -> Starlette:
    """The app; ``gate`` defaults to the one HRGRAPH_AUTH selects (OpenGate() only in tests)."""
    wiring.use(services or wiring.build(settings))
    schema = appsync_schema()
    single, batch = routed_fields(lambda_handler.app)
    bind(schema, Invoker(lambda_handler.handler), Broker(schema), single, batch)
    protect_unrouted_fields(schema)
    auth_routes: list[BaseRoute] = []
    if gate is None:
        auth = authentication(settings)
        gate, auth_routes = auth.gate, auth.routes
    view = AppSyncView(SdlSchema(schema), gate)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/health", health),
            Route("/graphql", view, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", view),
            *auth_routes,
            *download_routes(lambda: wiring.services().backups),
        ],
        middleware=[Middleware(RequireToken, gate=gate)],
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level)
