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
  payload.extensions.authorization: the headers again) -> ``start_ack``, then
  ``data`` messages; a refused start is an ``error`` with the id;
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
import inspect
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    get_operation_ast,
    subscribe,
)
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from localserver.auth_gate import SOURCE_IP_HEADER
from localserver.binding import Gate, RequestContext, appsync_error
from localserver.documents import Documents, Refused
from localserver.events import trace_id
from localserver.limits import Limits
from localserver.tokens import MISSING_HEADER
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
    if not isinstance(decoded, Mapping):
        return {}
    return {str(key): str(value) for key, value in decoded.items()}


def _error(error_type: str, message: str) -> dict[str, Any]:
    return {"errorType": error_type, "message": message}


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

    async def _send(self, message: dict[str, Any]) -> None:
        await self._ws.send_text(json.dumps(message, separators=(",", ":")))

    async def serve(self) -> None:
        headers = _headers(self._ws.query_params.get("header"))
        try:
            self._context(headers).identity()
        except HrgraphError as refused:
            # Answered to connection_init, which every client sends first, then closed.
            with contextlib.suppress(WebSocketDisconnect, ValueError, TimeoutError):
                await asyncio.wait_for(self._ws.receive_text(), timeout=10)
            await self._send(
                {
                    "type": "connection_error",
                    "payload": {"errors": [_error("UnauthorizedException", refused.message)]},
                }
            )
            await self._ws.close(code=1000)
            return
        try:
            while True:
                message = await self._receive()
                await self._handle(message if isinstance(message, dict) else {})
        except (WebSocketDisconnect, ValueError, RecursionError):
            pass
        finally:
            if self._keep_alive_task is not None:
                self._keep_alive_task.cancel()
            for task in self._running.values():
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
                await self._send({"type": "ka"})

    async def _handle(self, message: dict[str, Any]) -> None:
        kind = message.get("type")
        ident = str(message.get("id", ""))
        if kind == "connection_init":
            if self._keep_alive_task is None:  # ka messages follow the ack
                self._keep_alive_task = asyncio.create_task(self._keep_alive_loop())
            await self._send(
                {
                    "type": "connection_ack",
                    "payload": {"connectionTimeoutMs": CONNECTION_TIMEOUT_MS},
                }
            )
        elif kind == "start":
            await self._start(ident, message.get("payload"))
        elif kind == "stop":
            task = self._running.pop(ident, None)
            if task is not None:
                task.cancel()
            await self._send({"type": "complete", "id": ident})
        else:
            await self._send(
                {
                    "type": "error",
                    "payload": {
                        "errors": [_error("UnsupportedOperation", f"{kind} is not supported")]
                    },
                }
            )

    async def _refuse(self, ident: str, errors: list[dict[str, Any]]) -> None:
        await self._send({"type": "error", "id": ident, "payload": {"errors": errors}})

    async def _start(self, ident: str, payload: Any) -> None:
        if not ident or ident in self._running:
            await self._refuse(ident, [_error("ValidationError", "a start needs a new id")])
            return
        payload = payload if isinstance(payload, Mapping) else {}
        extensions = payload.get("extensions")
        authorization = extensions.get("authorization") if isinstance(extensions, Mapping) else None
        if not isinstance(authorization, Mapping):
            await self._refuse(ident, [_error("UnauthorizedException", MISSING_HEADER)])
            return
        context = self._context({str(k): str(v) for k, v in authorization.items()})
        try:
            identity = context.identity()
        except HrgraphError as refused:
            await self._refuse(ident, [_error("UnauthorizedException", refused.message)])
            return
        try:
            request = json.loads(str(payload.get("data")))
            if not isinstance(request, dict):
                raise TypeError("the request is not a JSON object")
            document = await self._documents.checked(request.get("query"))
        except (ValueError, TypeError, RecursionError) as bad:
            await self._refuse(ident, [_error("ValidationError", f"not a GraphQL request: {bad}")])
            return
        except Refused as refusal:
            await self._refuse(ident, [appsync_error(p) for p in refusal.errors])
            return
        operation = get_operation_ast(document, request.get("operationName"))
        if operation is None or operation.operation != OperationType.SUBSCRIPTION:
            problem = GraphQLError("only subscriptions go over the real-time endpoint")
            await self._refuse(ident, [appsync_error(problem)])
            return
        assert operation is not None  # a valid subscription names its operation
        denied = _denied_fields(self._gate, identity, operation)
        if denied:
            await self._refuse(ident, denied)
            return
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
            await self._refuse(ident, [appsync_error(e) for e in stream.errors or []])
            return
        await self._send({"type": "start_ack", "id": ident})
        self._running[ident] = asyncio.create_task(self._pump(ident, stream))

    async def _pump(self, ident: str, stream: AsyncIterator[ExecutionResult]) -> None:
        try:
            async for result in stream:
                payload: dict[str, Any] = {"data": result.data}
                if result.errors:
                    payload["errors"] = [appsync_error(e) for e in result.errors]
                await self._send({"type": "data", "id": ident, "payload": payload})
        except Exception as failure:  # the subscription's resolver refused it: an error, by id
            error = (
                failure
                if isinstance(failure, GraphQLError)
                else GraphQLError(str(failure), original_error=failure)
            )
            self._running.pop(ident, None)
            with contextlib.suppress(Exception):
                await self._refuse(ident, [appsync_error(error)])
        finally:
            aclose = getattr(stream, "aclose", None)
            if aclose is not None:
                await aclose()


def _denied_fields(
    gate: Gate, identity: Any, operation: OperationDefinitionNode
) -> list[dict[str, Any]]:
    """AppSync checks a subscription field's auth directives at subscribe time, before start_ack."""
    denied = []
    for selection in operation.selection_set.selections:
        if isinstance(selection, FieldNode) and not gate.allows(
            identity, "Subscription", selection.name.value
        ):
            name = selection.name.value
            denied.append(
                _error("Unauthorized", f"Not Authorized to access {name} on type Subscription")
            )
    return denied


def realtime_route(
    schema: GraphQLSchema,
    documents: Documents,
    gate: Gate,
    limits: Limits,
    keep_alive: float = KEEP_ALIVE_SECONDS,
) -> WebSocketRoute:
    """The route to add beside /graphql."""

    async def endpoint(websocket: WebSocket) -> None:
        if SUBPROTOCOL not in websocket.scope.get("subprotocols", []):
            await websocket.close(code=1002)  # AppSync's endpoint speaks only graphql-ws
            return
        await websocket.accept(subprotocol=SUBPROTOCOL)
        connection = RealtimeConnection(websocket, schema, documents, gate, limits, keep_alive)
        await connection.serve()

    return WebSocketRoute(PATH, endpoint)
