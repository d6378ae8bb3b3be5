"""Attach the Lambda handler to every field it has a route for, as AppSync resolvers do.

Each routed field becomes: count it toward the resolver limit (by its cost),
check the caller's group (the Gate), build the AppSync event, invoke the
handler, and apply what our APPSYNC_JS response handler applies in AWS: an
error envelope becomes a GraphQL error with its errorType. Fields the handler
batches (Employee.department) are invoked with a list of events, like
AppSync's BatchInvoke. A request keeps a few invocations in flight at most, so
a thousand aliases wait their turn behind their own request, not in front of
everyone else's.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import CoroutineType
from typing import Any, Protocol, TypeGuard

from graphql import (
    GraphQLError,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    default_field_resolver,
)

from localserver.broker import Broker
from localserver.events import appsync_event
from localserver.limits import Limits
from resolvers.core.errors import HrgraphError
from resolvers.deadline import RequestScope
from resolvers.envelope import unwrap_error

TIMED_OUT = "Execution timed out."
"""AppSync's message when a request runs past its 30 seconds."""


class FieldError(Exception):
    """A field's error as AppSync reports it: message, errorType, errorInfo."""

    def __init__(self, error_type: str, message: str, info: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.info = dict(info) if info else None


def appsync_error(error: GraphQLError) -> dict[str, Any]:
    """One error as AppSync writes it: errorType and errorInfo at top level, no traceback."""
    original = error.original_error
    if isinstance(original, (FieldError, HrgraphError)):
        error_type, message, info = original.error_type, original.message, original.info or None
    elif original is None or error.path is None:
        # Before any field ran: the document, its operation or its variables were refused.
        error_type, message, info = "ValidationError", error.message, None
    else:
        logging.getLogger("hrgraph.localserver").error("unexpected error", exc_info=original)
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


class Gate(Protocol):
    """Who calls, and may they resolve this field: AppSync's token check and group
    directives (localserver/auth_gate.py's TokenGate; tests hand in their own)."""

    def identify(self, headers: Mapping[str, str]) -> Any:
        """The caller's AppSync identity; resolvers.core.errors.Unauthorized when refused."""
        ...

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool: ...


class Invokes(Protocol):
    """How an event reaches the handler (localserver/lambda_process.py's runner)."""

    async def invoke(self, event: Any, scope: RequestScope | None) -> Any: ...


@dataclass(slots=True)
class RequestContext:
    """Per request (or real-time subscription): who calls, with which headers, until when."""

    headers: Mapping[str, str]
    gate: Gate
    limits: Limits
    scope: RequestScope | None = None
    """None on a subscription: its subscribe-time invocation gets a request's time of its own."""
    identity_checked: Any = None
    joined: Callable[[], Awaitable[None]] | None = None
    """A subscription's start_ack, sent once it listens (so nothing after it is missed)."""
    cost: int = 0
    batches: dict[str, _Batch] = field(default_factory=dict)
    in_flight: asyncio.Semaphore | None = None

    def identity(self) -> Any:
        """The caller, verified once per request (every field asks, as AppSync checks each)."""
        if self.identity_checked is None:
            self.identity_checked = self.gate.identify(self.headers)
        return self.identity_checked

    def count_resolver(self, route: str) -> None:
        """One more resolver run, by its cost; past resolverCountLimit, AppSync's refusal."""
        self.cost += self.limits.cost(route)
        if self.cost > self.limits.resolver_count:
            raise FieldError(
                "ResolverExecutionLimitReached",
                f"Resolver execution limit reached: this API runs at most "
                f"{self.limits.resolver_count} resolvers per request",
            )

    async def invoke(self, invoker: Invokes, event: Any) -> Any:
        if self.in_flight is None:
            self.in_flight = asyncio.Semaphore(self.limits.invocations_per_request)
        async with self.in_flight:
            return await invoker.invoke(event, self.scope)


def follow_log_level(log_level: str) -> None:
    """The handler's loggers (powertools' "hrgraph" and its children) log at the server's
    level, unless POWERTOOLS_LOG_LEVEL, the Lambda's own setting, is given."""
    if "POWERTOOLS_LOG_LEVEL" in os.environ:
        return
    for name, found in logging.root.manager.loggerDict.items():
        if isinstance(found, logging.Logger) and (name == "hrgraph" or name.startswith("hrgraph.")):
            found.setLevel(log_level.upper())


def routed_fields(app: Any) -> tuple[set[str], set[str]]:
    """("Type.field" with a single resolver, "Type.field" with a batch resolver)."""
    return set(app._resolver_registry.resolvers), set(app._batch_resolver_registry.resolvers)


def bind(
    schema: GraphQLSchema, invoker: Invokes, broker: Broker, single: set[str], batch: set[str]
) -> None:
    """Every object field gets its resolver: the handler's route, or the group check alone."""
    for type_name, graphql_type in schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType) or type_name.startswith("__"):
            continue
        for field_name, graphql_field in graphql_type.fields.items():
            route = f"{type_name}.{field_name}"
            if type_name == "Subscription":
                graphql_field.subscribe = _subscriber(invoker, broker, routed=route in single)
                graphql_field.resolve = _payload
            elif route in single:
                graphql_field.resolve = _resolver(invoker, broker)
            elif route in batch:
                graphql_field.resolve = _batch_resolver(invoker)
            else:
                graphql_field.resolve = _guarded


def _allowed(info: GraphQLResolveInfo[Any]) -> Any:
    context: RequestContext = info.context
    identity = context.identity()
    if not context.gate.allows(identity, info.parent_type.name, info.field_name):
        raise FieldError(
            "Unauthorized",
            f"Not Authorized to access {info.field_name} on type {info.parent_type.name}",
        )
    return identity


def _guarded(source: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
    """A field the handler does not resolve: its group rule, then the source's value (a
    handler's dict, from JSON, is read directly: graphql-core's resolver costs 8% of a page)."""
    _allowed(info)
    if type(source) is dict:
        return source.get(info.field_name)
    return default_field_resolver(source, info, **arguments)


def awaitable(value: Any) -> TypeGuard[Awaitable[Any]]:
    """graphql-core's is_awaitable, exact here (coroutines, futures): 4% of a 100-row page."""
    return type(value) is CoroutineType or isinstance(value, asyncio.Future)


def _event(source: Any, info: GraphQLResolveInfo[Any], arguments: dict[str, Any]) -> dict[str, Any]:
    context: RequestContext = info.context
    context.count_resolver(f"{info.parent_type.name}.{info.field_name}")
    identity = _allowed(info)
    return appsync_event(info, arguments, source, identity, context.headers)


def _unwrap(result: Any) -> Any:
    error = unwrap_error(result)
    if error is not None:
        raise FieldError(error["errorType"], error["message"], error.get("errorInfo"))
    return result


def _resolver(invoker: Invokes, broker: Broker) -> Callable[..., Any]:
    async def resolve(source: Any, info: GraphQLResolveInfo[Any], /, **arguments: Any) -> Any:
        context: RequestContext = info.context
        result = _unwrap(await context.invoke(invoker, _event(source, info, arguments)))
        if info.parent_type.name == "Mutation" and result is not None:
            broker.publish(info.field_name, result)
        return result

    return resolve


class _Batch:
    """The events of one batched field gathered in one turn of the loop: one BatchInvoke."""

    def __init__(self, invoker: Invokes, context: RequestContext) -> None:
        self._invoker = invoker
        self._context = context
        self._waiting: list[tuple[dict[str, Any], asyncio.Future[Any]]] = []

    def load(self, event: dict[str, Any]) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        if not self._waiting:
            loop.call_soon(lambda: asyncio.ensure_future(self._dispatch()))
        answer: asyncio.Future[Any] = loop.create_future()
        self._waiting.append((event, answer))
        return answer

    async def _dispatch(self) -> None:
        waiting, self._waiting = self._waiting, []
        try:
            items = _unwrap(await self._context.invoke(self._invoker, [e for e, _ in waiting]))
            if not isinstance(items, list) or len(items) != len(waiting):
                raise RuntimeError("the handler's batch answer does not match its events")
        except Exception as error:
            items = [error] * len(waiting)
        for (_, answer), item in zip(waiting, items, strict=True):
            if answer.done():
                continue
            try:
                if isinstance(item, Exception):
                    raise item
                answer.set_result(_unwrap(item))
            except Exception as error:
                answer.set_exception(error)


def _batch_resolver(invoker: Invokes) -> Callable[..., Any]:
    async def resolve(source: Any, info: GraphQLResolveInfo[Any], /, **arguments: Any) -> Any:
        context: RequestContext = info.context
        route = f"{info.parent_type.name}.{info.field_name}"
        batch = context.batches.setdefault(route, _Batch(invoker, context))
        return await batch.load(_event(source, info, arguments))

    return resolve


def _subscriber(
    invoker: Invokes, broker: Broker, *, routed: bool
) -> Callable[..., AsyncIterator[Any]]:
    async def subscribe(
        source: Any, info: GraphQLResolveInfo[Any], **arguments: Any
    ) -> AsyncIterator[Any]:
        # AppSync runs a subscription's resolver once, at subscribe time: an error refuses it.
        event = _event(source, info, arguments)
        if routed:
            _unwrap(await info.context.invoke(invoker, event))
        async for payload in broker.listen(info.field_name, arguments, info.context.joined):
            yield payload

    return subscribe


def _payload(payload: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
    return payload
