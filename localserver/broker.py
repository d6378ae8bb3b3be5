"""Subscriptions the AppSync way: a mutation's result is pushed to every subscription
whose @aws_subscribe(mutations: [...]) names that mutation."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator
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
    """In-process fan-out from mutations to the open subscriptions."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self._topics = subscription_topics(schema)
        self._queues: dict[str, set[asyncio.Queue[Any]]] = defaultdict(set)

    def publish(self, mutation: str, payload: Any) -> None:
        for subscription in self._topics.get(mutation, []):
            for queue in self._queues[subscription]:
                queue.put_nowait(payload)

    async def listen(self, subscription: str) -> AsyncIterator[Any]:
        queue: asyncio.Queue[Any] = asyncio.Queue()
        self._queues[subscription].add(queue)
        try:
            while True:
                yield await queue.get()
        finally:
            self._queues[subscription].discard(queue)
