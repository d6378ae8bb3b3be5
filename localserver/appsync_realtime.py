"""AppSync's real-time protocol on the local server, so one client path serves both doors.

AppSync does not speak graphql-ws's ``connection_init`` payload auth: its
real-time endpoint (``wss://ID.appsync-realtime-api.REGION.amazonaws.com/graphql``,
or ``/graphql/realtime`` on a custom domain) takes the subprotocol
``graphql-ws`` with its own messages, as AWS documents them in "Building a
real-time WebSocket client":

- the handshake carries the authorization headers as base64 JSON in the
  ``header`` query parameter (and ``payload=e30=``, base64 of ``{}``);
- ``connection_init`` -> ``connection_ack`` with ``connectionTimeoutMs``,
  then a ``ka`` (keep-alive) now and then;
- ``start`` (id, payload.data: the request as a JSON string,
  payload.extensions.authorization: the headers again) -> ``start_ack`` once
  the subscription listens, then ``data``; a refused start is an ``error`` with the id;
- ``stop`` -> ``complete``.

The local server serves it at ``/graphql/realtime`` (the custom-domain path),
on the same bound schema, gate and document limits as ``/graphql``: the token
is verified at the handshake and again for each start (AppSync authorizes each
subscription on its own), and the field's group rules apply.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import inspect
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any, cast

from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    OperationType,
    get_operation_ast,
    subscribe,
)
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from localcognito.tokens import MISSING_HEADER
from localserver.auth_gate import SOURCE_IP_HEADER
from localserver.binding import Gate, RequestContext, appsync_error
from localserver.documents import Documents, Refused
from localserver.events import trace_id
from localserver.limits import Limits
from resolvers.core.errors import HrgraphError

PATH = "/graphql/realtime"
SUBPROTOCOL = "graphql-ws"
CONNECTION_TIMEOUT_MS = 300_000
"""What AppSync announces in connection_ack: the longest wait between two ``ka``."""
KEEP_ALIVE_SECONDS = 60.0
"""How often AppSync sends ``ka`` (about a minute)."""


def _headers(encoded: str | None) -> dict[str, str]:
    """The ``header`` query parameter: base64 of a JSON object of header names to values."""
    if not encoded:
        return {}
    try:
        decoded = json.loads(base64.b64decode(encoded + "=" * (-len(encoded) % 4)))
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in decoded.items()} if isinstance(decoded, Mapping) else {}


def _errors(error_type: str, message: str) -> list[dict[str, Any]]:
    return [{"errorType": error_type, "message": message}]


class _Refused(Exception):
    """A start refused, with the errors its ``error`` message carries."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(errors)
        self.errors = errors


class RealtimeConnection:
    """One websocket: its subscriptions by id, its keep-alive, its caller's address."""

    def __init__(
        self,
        websocket: WebSocket,
        schema: GraphQLSchema,
        documents: Documents,
        gate: Gate,
        limits: Limits,
        keep_alive: float,
    ) -> None:
        self._ws = websocket
        self._schema = schema
        self._documents = documents
        self._gate = gate
        self._limits = limits
        self._keep_alive = keep_alive
        self._peer = websocket.client.host if websocket.client else "127.0.0.1"
        self._running: dict[str, asyncio.Task[None]] = {}
        self._keep_alive_task: asyncio.Task[None] | None = None

    def _context(self, headers: Mapping[str, str]) -> RequestContext:
        # Names in lower case, as HTTP's; the peer address over any a client sent.
        trusted = {k.lower(): v for k, v in headers.items()}
        trusted.update({SOURCE_IP_HEADER: self._peer, "x-amzn-trace-id": trace_id()})
        return RequestContext(headers=trusted, gate=self._gate, limits=self._limits)

    async def _send(self, kind: str, ident: str | None = None, **payload: Any) -> None:
        message: dict[str, Any] = {"type": kind}
        if ident is not None:
            message["id"] = ident
        if payload:
            message["payload"] = payload
        await self._ws.send_text(json.dumps(message, separators=(",", ":")))

    async def serve(self) -> None:
        try:
            self._context(_headers(self._ws.query_params.get("header"))).identity()
        except HrgraphError as refused:
            # Answered to connection_init, which every client sends first, then closed.
            with contextlib.suppress(WebSocketDisconnect, ValueError, TimeoutError):
                await asyncio.wait_for(self._ws.receive_text(), timeout=10)
            errors = _errors("UnauthorizedException", refused.message)
            await self._send("connection_error", errors=errors)
            await self._ws.close(code=1000)
            return
        try:
            while True:
                message = await self._receive()
                await self._handle(message if isinstance(message, dict) else {})
        except (WebSocketDisconnect, ValueError, RecursionError):
            pass
        finally:
            for task in [self._keep_alive_task, *self._running.values()]:
                if task is not None:
                    task.cancel()

    async def _receive(self) -> Any:
        """The next message; one larger than a request may be is refused unread (the
        connection closes), and a big one is decoded off the event loop."""
        text = await self._ws.receive_text()
        if len(text) > self._limits.request_bytes:
            await self._ws.close(code=1009)  # "message too big"
            raise WebSocketDisconnect(1009)
        return json.loads(text) if len(text) < 65536 else await asyncio.to_thread(json.loads, text)

    async def _keep_alive_loop(self) -> None:
        with contextlib.suppress(Exception):
            while True:
                await asyncio.sleep(self._keep_alive)
                await self._send("ka")

    async def _handle(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        ident = str(message.get("id", ""))
        if kind == "connection_init":
            if self._keep_alive_task is None:  # ka messages follow the ack
                self._keep_alive_task = asyncio.create_task(self._keep_alive_loop())
            await self._send("connection_ack", connectionTimeoutMs=CONNECTION_TIMEOUT_MS)
        elif kind == "start":
            try:
                stream = await self._subscribe(ident, message.get("payload"))
            except _Refused as refusal:
                await self._send("error", ident, errors=refusal.errors)
                return
            self._running[ident] = asyncio.create_task(self._pump(ident, stream))
        elif kind == "stop":
            task = self._running.pop(ident, None)
            if task is not None:
                task.cancel()
            await self._send("complete", ident)
        else:
            errors = _errors("UnsupportedOperation", f"{kind} is not supported")
            await self._send("error", errors=errors)

    async def _subscribe(self, ident: str, payload: Any) -> AsyncIterator[ExecutionResult]:
        """The start's subscription, checked as AppSync checks it before ``start_ack``:
        the token again, the document, and each field's auth directives."""
        if not ident or ident in self._running:
            raise _Refused(_errors("ValidationError", "a start needs a new id"))
        payload = payload if isinstance(payload, Mapping) else {}
        extensions = payload.get("extensions")
        authorization = extensions.get("authorization") if isinstance(extensions, Mapping) else None
        if not isinstance(authorization, Mapping):
            raise _Refused(_errors("UnauthorizedException", MISSING_HEADER))
        context = self._context({str(k): str(v) for k, v in authorization.items()})
        context.joined = functools.partial(self._send, "start_ack", ident)
        try:
            identity = context.identity()
        except HrgraphError as refused:
            raise _Refused(_errors("UnauthorizedException", refused.message)) from None
        try:
            request = json.loads(str(payload.get("data")))
            if not isinstance(request, dict):
                raise TypeError("the request is not a JSON object")
            document = (await self._documents.checked(request.get("query"))).document
        except (ValueError, TypeError, RecursionError) as bad:
            raise _Refused(_errors("ValidationError", f"not a GraphQL request: {bad}")) from None
        except Refused as refusal:
            raise _Refused([appsync_error(p) for p in refusal.errors]) from None
        operation = get_operation_ast(document, request.get("operationName"))
        if operation is None or operation.operation != OperationType.SUBSCRIPTION:
            problem = GraphQLError("only subscriptions go over the real-time endpoint")
            raise _Refused([appsync_error(problem)])
        denied = [
            f"Not Authorized to access {node.name.value} on type Subscription"
            for node in operation.selection_set.selections
            if isinstance(node, FieldNode)
            and not self._gate.allows(identity, "Subscription", node.name.value)
        ]
        if denied:
            raise _Refused([{"errorType": "Unauthorized", "message": m} for m in denied])
        stream: Any = subscribe(
            self._schema,
            document,
            variable_values=request.get("variables"),
            operation_name=request.get("operationName"),
            context_value=context,
        )
        if inspect.isawaitable(stream):
            stream = await stream
        if isinstance(stream, ExecutionResult):
            raise _Refused([appsync_error(e) for e in stream.errors or []])
        return cast(AsyncIterator[ExecutionResult], stream)

    async def _pump(self, ident: str, stream: AsyncIterator[ExecutionResult]) -> None:
        try:
            async for result in stream:
                payload: dict[str, Any] = {"data": result.data}
                if result.errors:
                    payload["errors"] = [appsync_error(e) for e in result.errors]
                await self._send("data", ident, **payload)
        except Exception as failure:  # the subscription's resolver refused it: an error, by id
            error = (
                failure
                if isinstance(failure, GraphQLError)
                else GraphQLError(str(failure), original_error=failure)
            )
            self._running.pop(ident, None)
            with contextlib.suppress(Exception):
                await self._send("error", ident, errors=[appsync_error(error)])
        finally:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                await aclose()


def realtime_route(
    schema: GraphQLSchema,
    documents: Documents,
    gate: Gate,
    limits: Limits,
    keep_alive: float = KEEP_ALIVE_SECONDS,
) -> WebSocketRoute:
    async def endpoint(websocket: WebSocket) -> None:
        if SUBPROTOCOL not in websocket.scope.get("subprotocols", []):
            await websocket.close(code=1002)  # AppSync's endpoint speaks only graphql-ws
            return
        await websocket.accept(subprotocol=SUBPROTOCOL)
        connection = RealtimeConnection(websocket, schema, documents, gate, limits, keep_alive)
        await connection.serve()

    return WebSocketRoute(PATH, endpoint)
