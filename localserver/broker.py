"""Subscriptions the AppSync way: a mutation's result is pushed to every subscription
whose @aws_subscribe(mutations: [...]) names that mutation."""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import AsyncGenerator, Mapping
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema, ValueNode
from graphql.language import ListValueNode, StringValueNode


def subscription_topics(schema: GraphQLSchema) -> dict[str, list[str]]:
    """mutation field → subscription fields that listen to it, read from the SDL."""
    topics: dict[str, list[str]] = defaultdict(list)
    subscription = schema.subscription_type
    if not isinstance(subscription, GraphQLObjectType):
        return {}
    for name, field in subscription.fields.items():
        node = field.ast_node
        for directive in node.directives if node else ():
            if directive.name.value != "aws_subscribe":
                continue
            for argument in directive.arguments:
                for mutation in _strings(argument.value):
                    topics[mutation].append(name)
    return dict(topics)


def _strings(value: ValueNode) -> list[str]:
    if isinstance(value, ListValueNode):
        return [v.value for v in value.values if isinstance(v, StringValueNode)]
    return [value.value] if isinstance(value, StringValueNode) else []


class Broker:
    """In-process fan-out from mutations to the open subscriptions.

    A publisher may be a resolver on the event loop or a job's worker thread;
    each subscription's queue is fed on the loop that listens to it. As in
    AppSync, a subscription's arguments filter what it receives: a message
    reaches it only when every argument given equals the same-named field of
    the mutation's result (``onBackupJobChanged(id: "j1")`` sees job j1 alone).
    """

    def __init__(self, schema: GraphQLSchema) -> None:
        self._topics = subscription_topics(schema)
        self._lock = threading.Lock()
        self._listeners: dict[str, set[_Listener]] = defaultdict(set)

    def publish(self, mutation: str, payload: Any) -> None:
        for subscription in self._topics.get(mutation, []):
            with self._lock:
                listeners = list(self._listeners[subscription])
            for listener in listeners:
                if listener.wants(payload):
                    listener.deliver(payload)

    async def listen(
        self, subscription: str, arguments: Mapping[str, Any] | None = None
    ) -> AsyncGenerator[Any, None]:
        listener = _Listener(asyncio.get_running_loop(), dict(arguments or {}))
        with self._lock:
            self._listeners[subscription].add(listener)
        try:
            while True:
                yield await listener.queue.get()
        finally:
            with self._lock:
                self._listeners[subscription].discard(listener)


class _Listener:
    def __init__(self, loop: asyncio.AbstractEventLoop, arguments: dict[str, Any]) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[Any] = asyncio.Queue()
        self.filters = {name: value for name, value in arguments.items() if value is not None}

    def wants(self, payload: Any) -> bool:
        if not self.filters:
            return True
        if not isinstance(payload, Mapping):
            return False
        return all(payload.get(name) == value for name, value in self.filters.items())

    def deliver(self, payload: Any) -> None:
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            self.queue.put_nowait(payload)
        elif not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.queue.put_nowait, payload)
