"""The local stand-in for AppSync: schema.graphql over HTTP and graphql-ws, every field
answered by the same Lambda handler that runs in AWS, errors in AppSync's shape."""

from __future__ import annotations

import asyncio
import gc
import json
from functools import lru_cache
from typing import Any

import uvicorn
from cross_web import HTTPException
from graphql import GraphQLError, OperationDefinitionNode, parse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from localserver import fast_literals, graphiql
from localserver import limits as appsync_limits
from localserver.appsync_realtime import realtime_route
from localserver.auth_gate import (
    IDENTITY_KEY,
    RequireToken,
    authentication,
    protect_unrouted_fields,
)
from localserver.binding import (
    TIMED_OUT,
    FieldError,
    Invoker,
    Invokes,
    RequestContext,
    bind,
    handler_services,
    routed_fields,
)
from localserver.broker import Broker
from localserver.downloads import download_routes
from localserver.events import trace_id
from localserver.gate import Gate
from localserver.lambda_process import LambdaProcess
from localserver.limits import Limits
from localserver.schema import QueryDepthExceeded, SdlSchema, appsync_schema
from resolvers import handler as lambda_handler
from resolvers import wiring
from resolvers.core.errors import HrgraphError
from resolvers.deadline import RequestScope
from resolvers.settings import Settings


def appsync_error(error: GraphQLError) -> dict[str, Any]:
    """One error as AppSync writes it: errorType and errorInfo at top level, no traceback."""
    original = error.original_error
    if isinstance(original, (FieldError, QueryDepthExceeded)):
        error_type, message, info = original.error_type, original.message, original.info
    elif isinstance(original, HrgraphError):
        error_type, message, info = original.error_type, original.message, original.info or None
    elif original is None or error.path is None:
        # Before any field ran: the document, its operation or its variables (coercion,
        # AWS scalars) were refused. A client's mistake, answered as AppSync answers it.
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


def request_refused(status: int, error_type: str, message: str) -> JSONResponse:
    """A request refused before GraphQL ran, in AppSync's shape (no data, one error)."""
    return JSONResponse(
        {"errors": [{"errorType": error_type, "message": message}]}, status_code=status
    )


_HTTP_ERROR_TYPES = {413: "PayloadTooLargeException", 415: "UnsupportedMediaTypeException"}


class AppSyncView(GraphQL[RequestContext, None]):
    """strawberry's view, answering as AppSync does: every refusal is JSON in AppSync's shape,
    a request's errors before any field ran are HTTP 400, and a request ends at 30 s."""

    def __init__(self, schema: SdlSchema, gate: Gate, limits: Limits) -> None:
        super().__init__(schema, graphql_ide=None, allow_queries_via_get=False)
        self._gate = gate
        self._limits = limits
        self._graphql = schema._schema

    async def get_context(self, request: Request | WebSocket, response: Any) -> RequestContext:
        # AWS's front door adds one trace header per request; every field's event carries it.
        headers = {**request.headers, "x-amzn-trace-id": trace_id()}
        scope = (
            None if isinstance(request, WebSocket) else RequestScope(self._limits.request_seconds)
        )
        context = RequestContext(headers=headers, gate=self._gate, limits=self._limits, scope=scope)
        if scope is not None:
            # RequireToken verified this request's token a moment ago: one check per request.
            context.remember_identity(request.scope.get(IDENTITY_KEY))
        return context

    async def run(self, request: Any, context: Any = None, root_value: Any = None) -> Any:
        if isinstance(request, WebSocket):
            return await super().run(request)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._limits.request_bytes:
            return self._too_large("request")
        try:
            return await super().run(request)
        except HTTPException as refused:
            error_type = _HTTP_ERROR_TYPES.get(refused.status_code, "MalformedHttpRequestException")
            return request_refused(refused.status_code, error_type, refused.reason)

    def _too_large(self, what: str) -> JSONResponse:
        limit = self._limits.request_bytes if what == "request" else self._limits.response_bytes
        return request_refused(
            413,
            "PayloadTooLargeException",
            f"The {what} is larger than {limit // (1024 * 1024)} MB, "
            "the most a Lambda resolver can receive or answer",
        )

    def decode_json(self, data: str | bytes) -> object:
        """The body as JSON, or a 4xx naming what is wrong with it."""
        if len(data) > self._limits.request_bytes:
            raise HTTPException(413, "The request body is larger than the Lambda payload quota")
        if not data.strip():
            raise HTTPException(400, "The request body is empty: send a JSON object with 'query'")
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
        except UnicodeDecodeError as error:
            raise HTTPException(
                400, f"The request body is not UTF-8 (byte {error.start})"
            ) from None
        try:
            decoded = json.loads(text)
        except RecursionError:
            raise HTTPException(400, "The request body's JSON is nested too deeply") from None
        except json.JSONDecodeError as error:
            raise HTTPException(
                400, f"The request body is not JSON: {error.msg} at line {error.lineno}"
            ) from None
        if not isinstance(decoded, (dict, list)):
            raise HTTPException(400, "The request body must be a JSON object with 'query'")
        return decoded

    async def execute_operation(
        self,
        request: Request,
        request_adapter: Any,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: RequestContext,
        root_value: Any,
        sub_response: Any,
    ) -> Any:
        """Run the operation until it is answered, the client goes away, or 30 s pass.

        Whichever comes first ends the request's scope: work still running for it
        (a slow query, another alias's invocation) is interrupted, not left to finish.
        """
        scope = context.scope or RequestScope(self._limits.request_seconds)
        if not isinstance(request_data, list):
            if request_data.operation_name == "":
                request_data.operation_name = None
            lifted = fast_literals.lift(self._graphql, request_data.query, request_data.variables)
            if lifted is not None:
                request_data.query, request_data.variables = lifted
            if request_data.operation_name is None and _operations(request_data.query) > 1:
                # strawberry would quietly run the first; GraphQL requires a choice.
                message = "Must provide operation name if query contains multiple operations."
                return ExecutionResult(data=None, errors=[GraphQLError(message)])
        operation = asyncio.ensure_future(
            super().execute_operation(
                request, request_adapter, request_data, context, root_value, sub_response
            )
        )
        disconnect = asyncio.ensure_future(_disconnected(request))
        result: Any = None
        try:
            done, _ = await asyncio.wait(
                (operation, disconnect),
                timeout=scope.remaining_seconds(),
                return_when=asyncio.FIRST_COMPLETED,
            )
            if operation in done:
                result = operation.result()
            elif disconnect in done:
                scope.cancel("the client went away")
            else:
                scope.cancel("AppSync's 30 s request limit")
                result = ExecutionResult(
                    data=None,
                    errors=[
                        GraphQLError(
                            TIMED_OUT, original_error=FieldError("ExecutionTimeout", TIMED_OUT)
                        )
                    ],
                )
        finally:
            scope.cancel("the request was answered")
            for task in (operation, disconnect):
                task.cancel()
        if result is None:  # the client went away: nobody reads this
            result = ExecutionResult(data=None, errors=[])
        return result

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

    def create_response(self, response_data: Any, sub_response: Any) -> Response:
        """HTTP 400 when the request was refused before any field ran; 413 when too large."""
        if isinstance(response_data, dict) and _refused_before_execution(response_data):
            sub_response.status_code = 400
        response = super().create_response(response_data, sub_response)
        if len(response.body) > self._limits.response_bytes:
            return self._too_large("response")
        return response


async def _disconnected(request: Request) -> None:
    """Returns when the client has gone away (the ASGI ``http.disconnect`` message)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


@lru_cache(maxsize=256)
def _operations(query: str | None) -> int:
    """How many operations a document defines (0 when it does not parse: strawberry says why)."""
    if not query:
        return 0
    try:
        document = parse(query)
    except GraphQLError:
        return 0
    return sum(isinstance(d, OperationDefinitionNode) for d in document.definitions)


def _refused_before_execution(response: dict[str, Any]) -> bool:
    errors = response.get("errors") or []
    timed_out = any(e.get("errorType") == "ExecutionTimeout" for e in errors)
    return (
        response.get("data") is None
        and bool(errors)
        and not timed_out
        and all(e.get("path") is None for e in errors)
    )


def create_app(
    settings: Settings,
    services: wiring.Services | None = None,
    gate: Gate | None = None,
    limits: Limits | None = None,
    handler_process: LambdaProcess | None = None,
) -> Starlette:
    """The app; ``gate`` defaults to the one HRGRAPH_AUTH selects (tests may hand in another),
    ``limits`` to serverless.yml's (tests shorten the 30 s to see the cut).

    The handler runs in threads of this process, over ``services``, unless a
    ``handler_process`` is given (what ``hrgraph serve`` does): then the
    warehouse is that process's, and this one keeps only the backup folder,
    to serve download links.
    """
    limits = limits or appsync_limits.from_serverless()
    schema = appsync_schema()
    single, batch = routed_fields(lambda_handler.app)
    broker = Broker(schema)
    invoker: Invokes
    if handler_process is None:
        handler_services(settings, broker.publish, services)
        invoker = Invoker(lambda_handler.handler, limits)
        backups = lambda: wiring.services().backups  # noqa: E731
    else:
        handler_process.publishing_to(broker.publish)
        invoker = handler_process
        store = wiring.backup_store(settings)
        backups = lambda: store  # noqa: E731
    bind(schema, invoker, broker, single, batch)
    protect_unrouted_fields(schema)
    auth_routes: list[BaseRoute] = []
    if gate is None:
        auth = authentication(settings)
        gate, auth_routes = auth.gate, auth.routes
    view = AppSyncView(SdlSchema(schema, limits), gate, limits)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/health", health),
            *graphiql.routes(
                sign_in=any(getattr(r, "path", "") == "/auth/login" for r in auth_routes)
            ),
            Route("/graphql", view, methods=["POST"]),
            WebSocketRoute("/graphql", view),
            realtime_route(schema, gate, limits),  # AppSync's real-time protocol (one client path)
            *auth_routes,
            *download_routes(backups),
        ],
        middleware=[Middleware(RequireToken, gate=gate)],
    )


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """The server, with the Lambda handler and its DuckDB in a process of their own."""
    with LambdaProcess(settings, appsync_limits.from_serverless()) as handler_process:
        app = create_app(settings, handler_process=handler_process)
        settle_heap()
        uvicorn.run(app, host=host, port=port, log_level=settings.log_level)


def settle_heap() -> None:
    """Keep the garbage collector's full passes from stalling every request at once.

    Under 32 busy clients CPython ran a full collection every 2-3 s, each
    scanning the whole heap (schema, SQL parser, Arrow ...) for 135-170 ms while
    every request waited: most of the p99. Objects built at start-up live as
    long as the server, so they are frozen out of the scans, and the
    thresholds are raised so that the young generation is collected in fewer,
    larger passes; a full pass now comes after some ten million allocations.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
