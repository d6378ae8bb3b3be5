"""powertools' AppSyncResolver and Router, with the current event kept per thread.

Why: powertools keeps the event being resolved on the resolver object and on
the ``Router`` *class* (``Router.current_event = ...`` in ``resolve``), so two
invocations running at once in one process read each other's event — the
caller's identity among them. A Lambda container runs one event at a time and
never notices; the local server answers many requests at once (one worker
thread per invocation), so it would. Here ``current_event``,
``current_batch_event``, ``lambda_context`` and ``context`` are properties
over one ``threading.local``: each thread sees only the event it resolves.
Every route and the handler use these classes instead of powertools' own.
"""

from __future__ import annotations

import threading
from typing import Any, Generic, TypeVar

from aws_lambda_powertools.event_handler import AppSyncResolver
from aws_lambda_powertools.event_handler.graphql_appsync.router import Router

T = TypeVar("T")


class _Invocation(threading.local):
    """What powertools remembers about the invocation running in this thread."""

    def __init__(self) -> None:
        self.current_event: Any = None
        self.current_batch_event: Any = []
        self.lambda_context: Any = None
        self.context: Any = {}


_invocation = _Invocation()


class _PerThread(Generic[T]):
    """A data descriptor that reads and writes ``_invocation.<name>`` instead of the object."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: object, owner: type | None = None) -> T:
        value: T = getattr(_invocation, self._name)
        return value

    def __set__(self, instance: object, value: T) -> None:
        setattr(_invocation, self._name, value)


class ThreadSafeRouter(Router):
    current_event: Any = _PerThread()
    current_batch_event: Any = _PerThread()
    lambda_context: Any = _PerThread()
    context: Any = _PerThread()


class ThreadSafeResolver(AppSyncResolver):
    current_event: Any = _PerThread()
    current_batch_event: Any = _PerThread()
    lambda_context: Any = _PerThread()
    context: Any = _PerThread()
