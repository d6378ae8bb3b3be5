"""Attach the Lambda handler to every field it has a route for, as AppSync resolvers do.

Each routed field becomes: check the caller's group (the Gate), build the
AppSync event, invoke the handler, and apply what our APPSYNC_JS response
handler applies in AWS: an error envelope becomes a GraphQL error with its
errorType. Fields the handler batches (Employee.department) are invoked with
a list of events, like AppSync's BatchInvoke.

Invocations run at once, each in a worker thread of its own (the handler keeps
its current event per thread: resolvers/routing.py), under the request's
``RequestScope``: a resolver that would run past ``resolverCountLimit`` answers
AppSync's ``ResolverExecutionLimitReached`` instead, and work still running when
the request ends is interrupted (resolvers/deadline.py).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphql import GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema
from strawberry.dataloader import DataLoader

from localserver.broker import Broker
from localserver.events import LambdaContext, appsync_event
from localserver.gate import Gate
from localserver.job_events import BrokerJobEvents, Publish
from localserver.limits import Limits
from resolvers import deadline, wiring
from resolvers.core.jobs import NO_EVENTS
from resolvers.deadline import RequestScope
from resolvers.envelope import unwrap_error
from resolvers.settings import Settings

Handler = Callable[[Any, Any], Any]

TIMED_OUT = "Execution timed out."
"""AppSync's message when a request runs past its 30 seconds."""


class FieldError(Exception):
    """A field's error as AppSync reports it: message, errorType, errorInfo."""

    def __init__(self, error_type: str, message: str, info: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.info = dict(info) if info else None


@dataclass
class RequestContext:
    """Per request (or websocket connection): who calls, with which headers, until when."""

    headers: Mapping[str, str]
    gate: Gate
    limits: Limits
    scope: RequestScope | None = None
    """None on a websocket: each subscribe-time invocation gets a request's time of its own."""
    connection_params: Any = None
    loaders: dict[str, DataLoader[Any, Any]] = field(default_factory=dict)
    resolvers_run: int = 0
    _identity: Any = None

    def identity(self) -> Any:
        """The caller, verified once per HTTP request as AppSync does.

        Every field asks (each is authorized on its own); a websocket's context
        lives as long as its connection, so it asks the gate each time, and a
        token that expires or is revoked mid-connection stops working.
        """
        if self.scope is None:
            return self.gate.identify(self.headers, self.connection_params)
        if self._identity is None:
            self._identity = self.gate.identify(self.headers, self.connection_params)
        return self._identity

    def remember_identity(self, identity: Any) -> None:
        """The identity the request's middleware verified (None: verify on first ask)."""
        if self.scope is not None:
            self._identity = identity

    def count_resolver(self) -> None:
        """One more resolver run; past the API's resolverCountLimit, AppSync's refusal."""
        self.resolvers_run += 1
        if self.resolvers_run > self.limits.resolver_count:
            raise FieldError(
                "ResolverExecutionLimitReached",
                f"Resolver execution limit reached: this API runs at most "
                f"{self.limits.resolver_count} resolvers per request",
            )


class Invoker:
    """Runs the handler in a worker thread per invocation, as many at once as arrive.

    A request that ends (answered, abandoned, cut at 30 s) stops waiting for
    its invocations at once (``abandon_on_cancel``); their warehouse work is
    interrupted through the request's scope.
    """

    def __init__(self, handler: Handler, limits: Limits, threads: int = 40) -> None:
        self._handler = handler
        self._limits = limits
        self._threads = ThreadPoolExecutor(threads, thread_name_prefix="hrgraph-invoke")

    async def invoke(self, event: Any, scope: RequestScope | None) -> Any:
        scope = invocation_scope(scope, self._limits)
        # Cancelling the await abandons the thread's result; the scope interrupts its work.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads, self._invoke, event, scope)

    def _invoke(self, event: Any, scope: RequestScope) -> Any:
        return run_handler(self._handler, event, scope, lambda_budget(scope, self._limits))


class Invokes(Protocol):
    """How a field's event reaches the handler: a thread here (Invoker), or the
    handler's own process (localserver/lambda_process.py)."""

    async def invoke(self, event: Any, scope: RequestScope | None) -> Any: ...


def invocation_scope(scope: RequestScope | None, limits: Limits) -> RequestScope:
    """The request's scope (a subscribe-time invocation gets a request's time of its own);
    one whose time is up gets AppSync's timeout instead of an invocation."""
    if scope is None:
        scope = RequestScope(limits.request_seconds)
    if scope.expired:
        raise FieldError("ExecutionTimeout", TIMED_OUT)
    return scope


def lambda_budget(scope: RequestScope, limits: Limits) -> float:
    """Seconds an invocation may run: the request's time left, at most the Lambda's timeout."""
    return min(scope.remaining_seconds(), limits.lambda_seconds)


def follow_log_level(log_level: str) -> None:
    """The handler's loggers (powertools' "hrgraph" and its children, each with a level of its
    own) log at the server's level, HRGRAPH_LOG_LEVEL, unless POWERTOOLS_LOG_LEVEL, the
    Lambda's own setting, is given: else ``hrgraph serve`` at "warning" still printed a line
    for every batch. Called once the handler's modules are imported."""
    if "POWERTOOLS_LOG_LEVEL" in os.environ:
        return
    for name, found in logging.root.manager.loggerDict.items():
        if isinstance(found, logging.Logger) and (name == "hrgraph" or name.startswith("hrgraph.")):
            found.setLevel(log_level.upper())


def handler_services(
    settings: Settings, publish: Publish, services: wiring.Services | None = None
) -> wiring.Services:
    """The handler's services, in use in the process that runs it (the server's, or its own):
    its loggers at the server's level, and backup jobs' changes published to the server's
    broker through ``publish``, as there is no AppSync here to publish through."""
    follow_log_level(settings.log_level)
    built = services or wiring.build(settings)
    wiring.use(built)
    if built.events is NO_EVENTS:
        built.events = BrokerJobEvents(publish)
    return built


def run_handler(handler: Handler, event: Any, scope: RequestScope, budget: float) -> Any:
    """One invocation with ``budget`` seconds, its warehouse work under the request's scope."""
    context = LambdaContext(deadline=time.monotonic() + budget)
    with deadline.entered(scope):
        return handler(event, context)


def routed_fields(app: Any) -> tuple[set[str], set[str]]:
    """("Type.field" with a single resolver, "Type.field" with a batch resolver)."""
    single = set(app._resolver_registry.resolvers)
    batch = set(app._batch_resolver_registry.resolvers)
    return single, batch


def bind(
    schema: GraphQLSchema,
    invoker: Invokes,
    broker: Broker,
    single: set[str],
    batch: set[str],
) -> None:
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


def _event(source: Any, info: GraphQLResolveInfo[Any], arguments: dict[str, Any]) -> dict[str, Any]:
    context: RequestContext = info.context
    context.count_resolver()
    identity = context.identity()
    if not context.gate.allows(identity, info.parent_type.name, info.field_name):
        raise FieldError(
            "Unauthorized",
            f"Not Authorized to access {info.field_name} on type {info.parent_type.name}",
        )
    return appsync_event(info, arguments, source, identity, context.headers)


def _unwrap(result: Any) -> Any:
    error = unwrap_error(result)
    if error is not None:
        raise FieldError(error["errorType"], error["message"], error.get("errorInfo"))
    return result


def _resolver(invoker: Invokes, broker: Broker) -> Callable[..., Any]:
    async def resolve(source: Any, info: GraphQLResolveInfo[Any], /, **arguments: Any) -> Any:
        context: RequestContext = info.context
        result = _unwrap(await invoker.invoke(_event(source, info, arguments), context.scope))
        if info.parent_type.name == "Mutation" and result is not None:
            broker.publish(info.field_name, result)
        return result

    return resolve


def _batch_resolver(invoker: Invokes) -> Callable[..., Any]:
    async def resolve(source: Any, info: GraphQLResolveInfo[Any], /, **arguments: Any) -> Any:
        context: RequestContext = info.context
        route = f"{info.parent_type.name}.{info.field_name}"
        loader = context.loaders.get(route)
        if loader is None:
            loader = DataLoader(load_fn=_batch_invoke(invoker, context.scope), cache=False)
            context.loaders[route] = loader
        return await loader.load(_Pending(_event(source, info, arguments)))

    return resolve


@dataclass(eq=False)
class _Pending:
    """A queued event; compared by identity so DataLoader can key on it."""

    event: dict[str, Any]


def _batch_invoke(invoker: Invokes, scope: RequestScope | None) -> Callable[[list[_Pending]], Any]:
    async def load(pending: list[_Pending]) -> list[Any]:
        result = await invoker.invoke([p.event for p in pending], scope)
        try:
            items = _unwrap(result)
        except FieldError as error:
            return [error] * len(pending)
        return [_unwrap_or_error(item) for item in items]

    return load


def _unwrap_or_error(item: Any) -> Any:
    try:
        return _unwrap(item)
    except FieldError as error:
        return error


def _subscriber(
    invoker: Invokes, broker: Broker, *, routed: bool
) -> Callable[..., AsyncIterator[Any]]:
    async def subscribe(
        source: Any, info: GraphQLResolveInfo[Any], **arguments: Any
    ) -> AsyncIterator[Any]:
        # AppSync runs a subscription's resolver once, at subscribe time: an error refuses it.
        event = _event(source, info, arguments)
        if routed:
            _unwrap(await invoker.invoke(event, None))
        async for payload in broker.listen(info.field_name, arguments):
            yield payload

    return subscribe


def _payload(payload: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
    return payload
