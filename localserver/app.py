"""The local stand-in for AppSync: schema.graphql over HTTP and AppSync's real-time protocol,
every field answered by the same Lambda handler that runs in AWS, errors in AppSync's shape.

A request meets the limits before the work they bound (localserver/limits.py),
its document is parsed and validated off the event loop (documents.py), and it
ends when it is answered, its client goes away, or 30 s pass, whichever comes
first: work still running for it is interrupted, not left to finish.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from graphql import (
    ExecutionResult,
    Executor,
    GraphQLError,
    GraphQLSchema,
    OperationType,
    execute_root_selection_set,
    get_operation_ast,
)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from hrgraph_contract.settings import Settings
from localserver import limits as appsync_limits
from localserver.appsync_realtime import realtime_route
from localserver.auth_gate import SOURCE_IP_HEADER
from localserver.binding import (
    TIMED_OUT,
    FieldError,
    Gate,
    RequestContext,
    appsync_error,
    awaitable,
    bind,
    routed_fields,
)
from localserver.broker import Broker
from localserver.documents import Documents, Refused
from localserver.events import trace_id
from localserver.lambda_process import LambdaProcess, json_bytes
from localserver.limits import Limits
from localserver.schema import DepthLimit, build_appsync_schema
from resolvers import handler as lambda_handler
from resolvers import wiring
from resolvers.core.errors import HrgraphError
from resolvers.deadline import RequestScope

WATCH_AFTER_SECONDS = 0.05  # a request's run before its client's leaving is watched
_WENT_AWAY = "the client went away"


def refused(status: int, kind: str, text: str, headers: dict[str, str] | None = None) -> Response:
    """A request refused before GraphQL ran, in AppSync's shape (no data, one error)."""
    body = {"errors": [{"errorType": kind, "message": text}]}
    return Response(json_bytes(body), status, headers, media_type="application/json")


@dataclass
class GraphQLEndpoint:
    """POST /graphql: one GraphQL request, answered as AppSync answers it."""

    _schema: GraphQLSchema
    _documents: Documents
    _gate: Gate
    _limits: Limits

    async def answer(self, request: Request) -> Response:
        # The peer's address, never a client's claim (X-Forwarded-For counts only from a
        # configured proxy: localdev/server.py); the token is checked before the body is read.
        peer = request.client.host if request.client else "127.0.0.1"
        headers: dict[str, str] = {}  # the first of a repeated header, as Starlette's
        for name, value in request.scope["headers"]:  # (read here: 5 us less per request)
            headers.setdefault(name.decode("latin-1"), value.decode("latin-1"))
        headers.update({SOURCE_IP_HEADER: peer, "x-amzn-trace-id": trace_id()})
        try:
            identity = self._gate.identify(headers)
        except HrgraphError as refusal:  # AppSync refuses such a request whole, with a 401
            unauthorized = "UnauthorizedException"
            return refused(401, unauthorized, refusal.message, {"x-amzn-ErrorType": unauthorized})
        limit = self._limits.request_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            return self._too_large("request")
        if headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return refused(415, "UnsupportedMediaTypeException", "Unsupported content type")
        first = await request.receive()  # most bodies come whole: Starlette's stream costs 1 us
        body = first.get("body", b"") + (await request.body() if first.get("more_body") else b"")
        if len(body) > limit:
            return self._too_large("request")
        decoded = _decode_json(body)
        if isinstance(decoded, str):
            return refused(400, "MalformedHttpRequestException", decoded)
        context = RequestContext(
            headers=headers,
            gate=self._gate,
            limits=self._limits,
            scope=RequestScope(self._limits.request_seconds),
            identity_checked=identity,
        )
        result = await self._until_done(request, context, decoded)
        if result is None:  # the client went away: nobody reads this
            return Response(status_code=499)
        answer: dict[str, Any] = {"data": result.data}
        if result.errors:
            answer["errors"] = [appsync_error(e) for e in result.errors]
        content = json_bytes(answer)
        if len(content) > self._limits.response_bytes:
            return self._too_large("response")
        errors = answer.get("errors", [])
        ran = [e for e in errors if e["path"] or e["errorType"] == "ExecutionTimeout"]
        status = 400 if result.data is None and errors and not ran else 200  # refused whole
        return Response(content, status, media_type="application/json")

    async def _until_done(
        self, request: Request, context: RequestContext, body: dict[str, Any]
    ) -> ExecutionResult | None:
        scope, task, ended = context.scope, asyncio.current_task(), list[str]()
        assert scope is not None and task is not None
        pending: list[asyncio.TimerHandle | asyncio.Task[None]] = []  # the timer, the watcher

        async def watch() -> None:  # the client leaving or the time limit, whichever first
            try:
                await asyncio.wait_for(_disconnected(request), scope.remaining_seconds())
                ended.append(_WENT_AWAY)
            except TimeoutError:
                ended.append("AppSync's 30 s request limit")
            scope.cancel(ended[0])  # its work is interrupted first, then the request
            task.cancel()

        # Only a request still running after a moment is watched (a task costs ~20 us).
        after = min(WATCH_AFTER_SECONDS, scope.remaining_seconds())
        loop = asyncio.get_running_loop()
        pending.append(loop.call_later(after, lambda: pending.append(loop.create_task(watch()))))
        try:
            return await self._run(context, body)
        except asyncio.CancelledError:
            if not ended:
                raise
            task.uncancel()
            if ended[0] == _WENT_AWAY:
                return None
            timeout = FieldError("ExecutionTimeout", TIMED_OUT)
            return ExecutionResult(None, [GraphQLError(TIMED_OUT, original_error=timeout)])
        finally:
            for each in pending:
                each.cancel()
            scope.cancel("the request was answered")

    async def _run(self, context: RequestContext, body: dict[str, Any]) -> ExecutionResult:
        variables, name = body.get("variables"), body.get("operationName") or None
        if variables is not None and not isinstance(variables, dict):
            return ExecutionResult(None, [GraphQLError("'variables' must be a JSON object.")])
        if name is not None and not isinstance(name, str):
            return ExecutionResult(None, [GraphQLError("'operationName' must be a string.")])
        try:
            document, depth = await self._documents.checked(body.get("query"))
        except Refused as refusal:
            return ExecutionResult(None, refusal.errors)
        operation = get_operation_ast(document, name)
        if operation is not None and operation.operation == OperationType.SUBSCRIPTION:
            message = "Subscriptions go over the real-time endpoint, /graphql/realtime."
            return ExecutionResult(None, [GraphQLError(message)])
        limit = self._limits.query_depth
        executor = Executor.build(  # execute's, less incremental delivery: 20% cheaper
            self._schema,
            document,
            context_value=context,
            raw_variable_values=variables,
            operation_name=name,
            middleware=[DepthLimit(limit)] if limit is not None and depth > limit else None,
            is_awaitable=awaitable,
        )
        if isinstance(executor, list):  # no such operation, or its variables were refused
            return ExecutionResult(None, executor)
        result = execute_root_selection_set(executor)
        return result if isinstance(result, ExecutionResult) else await result

    def _too_large(self, what: str) -> Response:
        limit = self._limits.request_bytes if what == "request" else self._limits.response_bytes
        most = "the most a Lambda resolver can receive or answer"
        message = f"The {what} is larger than {limit // (1024 * 1024)} MB, {most}"
        return refused(413, "PayloadTooLargeException", message)


def _decode_json(data: bytes) -> dict[str, Any] | str:
    """The body as a JSON object, or what is wrong with it."""
    if not data.strip():
        return "The request body is empty: send a JSON object with 'query'"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"The request body is not UTF-8 (byte {error.start})"
    try:
        decoded = json.loads(text)
    except RecursionError:
        return "The request body's JSON is nested too deeply"
    except json.JSONDecodeError as error:
        return f"The request body is not JSON: {error.msg} at line {error.lineno}"
    except ValueError:  # Python's 4,300-digit limit on integers
        return "The request body holds a number too long to read (over 4,300 digits)"
    if isinstance(decoded, list):
        return "The request body must be one JSON object: this API does not batch requests"
    if not isinstance(decoded, dict):
        return "The request body must be a JSON object with 'query'"
    return decoded


async def _disconnected(request: Request) -> None:
    """Returns when the client has gone away (the ASGI ``http.disconnect`` message)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


def appsync_app(
    settings: Settings,
    gate: Gate,
    services: wiring.Services | None = None,
    limits: Limits | None = None,
    runner: LambdaProcess | None = None,
    routes: Sequence[BaseRoute] = (),
) -> ASGIApp:
    """AppSync's doors, /graphql and /graphql/realtime, and ``routes`` beside them (the
    laptop's other stand-ins, localdev/server.py). The handler runs behind ``runner``; by
    default one the app starts and stops: the handler's own process, or, given
    ``services`` (tests), the same handler server in a thread here. ``limits`` default
    to serverless.yml's (tests shorten the 30 s to see the cut)."""
    limits = limits or appsync_limits.from_serverless()
    # The loop takes the GIL back from a thread checking a document within 1 ms, not 5.
    sys.setswitchinterval(0.001)
    schema = build_appsync_schema()
    broker = Broker(schema)
    owned = runner is None
    handler = runner or LambdaProcess(settings, limits, services)
    handler.publishing_to(broker.publish)
    bind(schema, handler, broker, *routed_fields(lambda_handler.app))
    documents = Documents(schema, limits)

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if owned:
            await asyncio.to_thread(handler.start)
        try:
            yield
        finally:
            if owned:
                handler.stop()

    endpoint = GraphQLEndpoint(schema, documents, gate, limits)
    app = Starlette(
        routes=[
            Route("/health", health),
            Route("/graphql", endpoint.answer, methods=["POST"]),
            realtime_route(schema, documents, gate, limits),
            *routes,
        ],
        lifespan=lifespan,
    )

    async def doors(scope: Scope, receive: Receive, send: Send) -> None:
        """POST /graphql straight to its endpoint (Starlette's layers cost it 15 us of 150)."""
        if scope["type"] == "http" and scope["path"] == "/graphql" and scope["method"] == "POST":
            response = await endpoint.answer(Request(scope, receive))
            await response(scope, receive, send)
        else:
            await app(scope, receive, send)

    return doors
