"""The request a piece of work belongs to: its deadline, and how to stop its work early.

Why this exists: a request can end before its work does — the client goes
away, or the 30 s AppSync cut (25 s for the Lambda) arrives. Work still
running for it must stop at once, not hold a warehouse cursor for seconds
more. The door that owns the request (the local server, or the Lambda
handler from its context's remaining time) opens a ``RequestScope``; an
adapter that starts interruptible work registers how to interrupt it
(``scope.on_cancel(cursor.interrupt)``) for as long as the work runs; when
the scope is cancelled every registered interrupt fires.

It is plain Python (a context variable, a lock, a monotonic clock), so the
core may read ``remaining_seconds()`` too without knowing who set it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from resolvers.core.errors import Unavailable

Interrupt = Callable[[], None]


class RequestScope:
    """One request's deadline and the interrupts of its running work."""

    def __init__(
        self,
        seconds: float,
        reason: str = "the request's deadline passed",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self.deadline = clock() + seconds
        self._lock = threading.Lock()
        self._interrupts: dict[int, Interrupt] = {}
        self._next = 0
        self.cancelled: str | None = None
        self._reason = reason

    def remaining_seconds(self) -> float:
        return max(0.0, self.deadline - self._clock())

    @property
    def expired(self) -> bool:
        return self.cancelled is not None or self._clock() >= self.deadline

    @contextmanager
    def on_cancel(self, interrupt: Interrupt) -> Iterator[None]:
        """Call ``interrupt`` if the scope is cancelled while the block runs.

        Work of a scope already cancelled does not start (Unavailable). An
        interrupt can arrive in the gap before the work's statement starts,
        and DuckDB forgets an interrupt of an idle cursor; so a cancelled
        scope keeps interrupting what is still registered until it is gone.
        """
        with self._lock:
            if self.cancelled is not None:
                raise Unavailable(f"stopped: {self.cancelled}")
            key = self._next
            self._next += 1
            self._interrupts[key] = interrupt
        try:
            yield
        finally:
            with self._lock:
                self._interrupts.pop(key, None)

    def cancel(self, reason: str) -> None:
        """Stop every piece of work still registered; later work is refused."""
        with self._lock:
            first = self.cancelled is None
            if first:
                self.cancelled = reason
            pending = bool(self._interrupts)
        if first and pending:
            self._interrupt_all()
            threading.Thread(target=self._keep_interrupting, daemon=True).start()

    def _interrupt_all(self) -> bool:
        with self._lock:
            interrupts = list(self._interrupts.values())
        for interrupt in interrupts:
            interrupt()
        return bool(interrupts)

    def _keep_interrupting(self) -> None:
        while self._interrupt_all():
            time.sleep(_REINTERRUPT_SECONDS)


_REINTERRUPT_SECONDS = 0.05


class LambdaContext(Protocol):
    def get_remaining_time_in_millis(self) -> int: ...


REQUEST_SECONDS = 25.0
"""The API's ceiling: AppSync ends a Lambda resolver's request at 30 s, counted from before
the function runs (a cold start's init, the network), while the Lambda's own remaining time
starts later. 25 s leaves those their 5 s (DESIGN.md: "the Lambda within 25 s")."""
API_MARGIN_SECONDS = 2.0
"""Kept back from an API invocation's remaining time: one CancelStatement and the answer."""
WORKER_MARGIN_SECONDS = 20.0
"""Kept back from the worker's remaining time: cancel what runs, wait for Redshift to say it
stopped, record the job FAILED in DynamoDB and publish that, each call with its own timeouts."""


def for_lambda(
    context: LambdaContext, margin_seconds: float, ceiling_seconds: float | None = None
) -> RequestScope:
    """The scope of one Lambda invocation: its remaining time less a margin (and a ceiling).

    ``get_remaining_time_in_millis`` is the invocation's own clock (the
    function's timeout less what has run); Lambda stops the process at zero
    without a word, so work must end ``margin_seconds`` before that to stop
    what it started in Redshift and say so.
    """
    seconds = context.get_remaining_time_in_millis() / 1000 - margin_seconds
    if ceiling_seconds is not None:
        seconds = min(seconds, ceiling_seconds)
    return RequestScope(max(0.0, seconds), "the Lambda invocation's time ran out")


_current: ContextVar[RequestScope | None] = ContextVar("hrgraph_request_scope", default=None)


def current() -> RequestScope | None:
    """The scope of the request this code runs for, None outside any request."""
    return _current.get()


@contextmanager
def entered(scope: RequestScope | None) -> Iterator[RequestScope | None]:
    """Make ``scope`` current for the block (in this thread or task)."""
    token = _current.set(scope)
    try:
        yield scope
    finally:
        _current.reset(token)


@contextmanager
def interruptible(interrupt: Interrupt) -> Iterator[None]:
    """Register ``interrupt`` with the current request's scope, if there is one."""
    scope = _current.get()
    if scope is None:
        yield
        return
    with scope.on_cancel(interrupt):
        yield


def remaining_seconds(default: float) -> float:
    """Seconds left for the current request, or ``default`` outside any request."""
    scope = _current.get()
    return default if scope is None else min(default, scope.remaining_seconds())
