"""Subscriptions the AppSync way: a mutation's result is pushed to every subscription
whose @aws_subscribe(mutations: [...]) names that mutation."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from typing import Any

from graphql import GraphQLSchema, get_directive_values


def subscription_topics(schema: GraphQLSchema) -> dict[str, list[str]]:
    """mutation field → subscription fields that listen to it, read from the SDL."""
    topics: dict[str, list[str]] = defaultdict(list)
    subscription, directive = schema.subscription_type, schema.get_directive("aws_subscribe")
    if subscription is None or directive is None:
        return {}
    for name, field in subscription.fields.items():
        values = get_directive_values(directive, field.ast_node) if field.ast_node else None
        for mutation in (values or {}).get("mutations") or ():
            topics[mutation].append(name)
    return dict(topics)


class Broker:
    """Fan-out from mutations to the open subscriptions, on the server's event loop (a
    backup job's changes reach it there too, as messages from the handler's process).

    As in AppSync, a subscription's arguments filter what it receives: a message
    reaches it only when every argument given equals the same-named field of
    the mutation's result (``onBackupJobChanged(id: "j1")`` sees job j1 alone).
    """

    def __init__(self, schema: GraphQLSchema) -> None:
        self._topics = subscription_topics(schema)
        self._listeners: dict[str, dict[asyncio.Queue[Any], dict[str, Any]]] = defaultdict(dict)

    def publish(self, mutation: str, payload: Any) -> None:
        for subscription in self._topics.get(mutation, []):
            for queue, filters in self._listeners[subscription].items():
                if not filters or (
                    isinstance(payload, Mapping)
                    and all(payload.get(name) == value for name, value in filters.items())
                ):
                    queue.put_nowait(payload)

    async def listen(
        self,
        subscription: str,
        arguments: Mapping[str, Any] | None = None,
        joined: Callable[[], Awaitable[None]] | None = None,
    ) -> AsyncGenerator[Any, None]:
        """Messages from its first read on, once ``joined`` (AppSync's start_ack) is awaited."""
        queue: asyncio.Queue[Any] = asyncio.Queue()
        filters = {name: value for name, value in (arguments or {}).items() if value is not None}
        self._listeners[subscription][queue] = filters
        try:
            if joined is not None:
                await joined()
            while True:
                yield await queue.get()
        finally:
            del self._listeners[subscription][queue]
