"""The Lambda handler behind a Unix socket: the one way it runs, as Lambda runs beside AppSync.

``hrgraph-local serve`` runs it in a process of its own, so the event loop (HTTP,
tokens, GraphQL) and DuckDB (which lets go of the interpreter lock and takes
it back several times per query) each get a core: a point read that cost 0.6 ms
alone cost 2.5 ms beside the loop. What crosses is what crosses in AWS:
AppSync's event and the handler's answer, as length-prefixed JSON:

- server → handler: ``{"id", "event", "budget"}`` (seconds it may run), with
  ``"same"`` when a batch's rows were sent once for two places (``invocation``),
  and ``{"cancel": id, "reason"}`` when its request ends first;
- handler → server: ``{"id", "result"}`` or ``{"id", "failure"}``, and
  ``{"publish", "payload"}`` when a backup job changes.

A handler process that dies fails the invocations in flight; the next one
starts a new process (a Lambda's next cold start).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import json
import logging
import multiprocessing
import os
import queue
import shutil
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing.synchronize import Event as Synchronized
from pathlib import Path
from typing import Any

import orjson
import uvloop

from hrgraph_contract.settings import Settings
from localserver.binding import TIMED_OUT, FieldError, follow_log_level
from localserver.events import LambdaContext
from localserver.limits import Limits
from resolvers import deadline, wiring
from resolvers.core.backup_job import BackupJob
from resolvers.core.jobs import NO_EVENTS
from resolvers.deadline import RequestScope
from resolvers.routes.present import backup_job

_HEADER = struct.Struct("!I")
_WORKERS = 40  # invocations the handler runs at once (a slow query holds one)
_START_SECONDS = 60.0
_log = logging.getLogger("hrgraph.lambda_process")


Ready = threading.Event | Synchronized  # set once the handler listens: a thread's, a process's
Publish = Callable[[str, Any], None]  # (mutation, payload) to the server's broker


class BrokerJobEvents:
    """The JobEvents port, locally: a job's changes go to the server's broker, shaped as
    ``publishBackupJob`` answers them in AWS (resolvers/adapters/appsync_events.py), so a
    page or the CLI follows a backup the same way against either door."""

    def __init__(self, publish: Publish) -> None:
        self._publish = publish

    def changed(self, job: BackupJob) -> None:
        self._publish("publishBackupJob", backup_job(job))


_STRICT = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)
"""Refuse what the Lambda runtime's json.dumps refuses (a datetime, a dataclass) rather
than write it as orjson would; keys that are not strings become strings, as json does."""


def json_bytes(value: Any, option: int = 0) -> bytes:
    """orjson, because a 1000-row insert's event took 2.5 ms to write and 2.2 ms to read
    with the json module. A lone surrogate (``"\\ud800"``, which JSON may carry and a
    client may send) is not UTF-8, and orjson refuses it: such a value is written by the
    json module, escaped, as the Lambda runtime would, so the handler sees the value and
    refuses that row alone (and a response carrying it is never a 500)."""
    try:
        return orjson.dumps(value, option=option)
    except TypeError as error:
        if "surrogates" not in str(error):
            raise
        return json.dumps(value, separators=(",", ":"), allow_nan=False).encode()


def encode(message: dict[str, Any]) -> bytes:
    """One message on the wire: its length, then its JSON."""
    body = json_bytes(message, _STRICT)
    return _HEADER.pack(len(body)) + body


def _decode(body: bytes) -> Any:
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)  # a lone surrogate, escaped: see json_bytes


def invocation(call: int, event: Any, budget: float) -> dict[str, Any]:
    """The message that invokes the handler with ``event``, its repeats sent once.

    AppSync's event holds a batch's rows twice, as ``arguments`` and as ``info.variables``;
    when both are the same list (as the server's coercion leaves a batch of strings), the
    variable goes as the name of the argument that holds it, and ``event_of`` puts it back:
    a 1000-row insert's message is half as long, to write and above all to read.
    """
    message: dict[str, Any] = {"id": call, "event": event, "budget": budget}
    if not isinstance(event, dict):  # a BatchInvoke's list of events
        return message
    info, arguments = event["info"], event["arguments"]  # as events.appsync_event builds it
    variables = info["variables"]
    same = {
        variable: argument
        for variable, value in variables.items()
        if isinstance(value, list) and value
        for argument, given in arguments.items()
        if given is value
    }
    if same:
        slim = {name: None if name in same else value for name, value in variables.items()}
        message["event"] = {**event, "info": {**info, "variables": slim}}
        message["same"] = same
    return message


def event_of(message: dict[str, Any]) -> Any:
    """The event ``invocation`` sent, whole again."""
    event = message["event"]
    for variable, argument in message.get("same", {}).items():
        event["info"]["variables"][variable] = event["arguments"][argument]
    return event


async def read_message(reader: asyncio.StreamReader) -> dict[str, Any]:
    (size,) = _HEADER.unpack(await reader.readexactly(_HEADER.size))
    decoded: dict[str, Any] = _decode(await reader.readexactly(size))
    return decoded


class Outbox:
    """A connection's outgoing messages, sent once per turn of the loop (its thread alone):
    each write is a system call that wakes the other process, and under load many
    invocations start (or end) in the same turn."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self._parts: list[bytes] = []

    def put(self, data: bytes) -> None:
        if not self._parts:
            asyncio.get_running_loop().call_soon(self._flush)
        self._parts.append(data)

    def _flush(self) -> None:
        data = b"".join(self._parts)
        self._parts.clear()
        if not self.writer.is_closing():
            self.writer.write(data)


class LambdaProcess:
    """The one way the handler runs: behind a Unix socket, invoked with AppSync's JSON, in a
    process of its own; given ``services`` (tests, to watch the warehouse), in a thread of
    this one: the same socket, messages and code, so tests see what crosses in a serve."""

    def __init__(
        self, settings: Settings, limits: Limits, services: wiring.Services | None = None
    ) -> None:
        self._settings = settings
        self._limits = limits
        self._services = services
        self._folder = Path(tempfile.mkdtemp(prefix="hrgraph-lambda-"))  # 0700
        self._socket = str(self._folder / "handler.sock")
        self._running: multiprocessing.process.BaseProcess | threading.Thread | None = None
        self._stop: Callable[[], None] = lambda: None
        self._outbox: Outbox | None = None
        self._connecting = asyncio.Lock()
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._ids = itertools.count(1)
        self._publish: Publish = lambda field, payload: None
        self._reading: asyncio.Future[None] | None = None  # held: the loop keeps weak refs

    def publishing_to(self, publish: Publish) -> None:
        self._publish = publish

    @property
    def pid(self) -> int | None:
        return getattr(self._running, "pid", None)

    def start(self) -> None:
        """Start the handler and wait until it listens (its cold start)."""
        running: multiprocessing.process.BaseProcess | threading.Thread
        if self._services is None:
            context = multiprocessing.get_context("spawn")
            ready: Ready = context.Event()
            args = (self._settings, self._socket, ready, os.getpid())
            running = context.Process(target=_handler_main, args=args, daemon=True)
            stop = running.terminate
        else:
            from resolvers import handler as lambda_handler

            ready = threading.Event()
            server = _HandlerServer(lambda_handler.handler, self._socket, os.getppid())
            handler_services(self._settings, server.publish, self._services)
            running = threading.Thread(target=asyncio.run, args=(server.run(ready),), daemon=True)
            stop = server.stop
        running.name = "hrgraph-lambda"
        running.start()
        if not ready.wait(_START_SECONDS) or not running.is_alive():
            stop()
            raise RuntimeError("the Lambda handler did not start (see its log above)")
        self._running, self._stop = running, stop

    def stop(self) -> None:
        if self._running is not None and self._running.is_alive():
            self._stop()
            self._running.join(5)
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> LambdaProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def invoke(self, event: Any, scope: RequestScope | None) -> Any:
        """The handler's answer to ``event`` within the request's time left, at most the
        Lambda's timeout (a subscribe-time invocation gets a request's time of its own)."""
        scope = scope or RequestScope(self._limits.request_seconds)
        if scope.expired:
            raise FieldError("ExecutionTimeout", TIMED_OUT)
        outbox = self._outbox
        if outbox is None or outbox.writer.is_closing():
            outbox = await self._connected()
        loop = asyncio.get_running_loop()
        call = next(self._ids)
        answer: asyncio.Future[Any] = loop.create_future()
        self._pending[call] = answer
        budget = min(scope.remaining_seconds(), self._limits.lambda_seconds)
        cancelled: list[bool] = []

        def cancel() -> None:  # from whichever thread cancels the scope
            if not cancelled:  # (a race sends a second cancel: the handler ignores it)
                cancelled.append(True)
                message = {"cancel": call, "reason": scope.cancelled or "the request ended"}
                loop.call_soon_threadsafe(self._send, message)

        try:
            with scope.on_cancel(cancel):
                outbox.put(encode(invocation(call, event, budget)))
                return await answer
        except asyncio.CancelledError:
            cancel()
            raise
        finally:
            self._pending.pop(call, None)

    def _send(self, message: dict[str, Any]) -> None:
        if self._outbox is not None and not self._outbox.writer.is_closing():
            self._outbox.put(encode(message))

    async def _connected(self) -> Outbox:
        """The one connection to the handler's process, opened (and the process started
        again if it died) by the first invocation that needs it; the others wait for it."""
        async with self._connecting:
            if self._outbox is not None and not self._outbox.writer.is_closing():
                return self._outbox
            if self._running is None or not self._running.is_alive():
                _log.warning("starting the Lambda handler's process (cold start)")
                await asyncio.get_running_loop().run_in_executor(None, self.start)
            reader, writer = await asyncio.open_unix_connection(self._socket)
            self._outbox = Outbox(writer)
            self._reading = asyncio.ensure_future(self._read_answers(reader, self._outbox))
            return self._outbox

    async def _read_answers(self, reader: asyncio.StreamReader, outbox: Outbox) -> None:
        try:
            while True:
                message = await read_message(reader)
                if "publish" in message:
                    self._publish(message["publish"], message["payload"])
                    continue
                answer = self._pending.get(message["id"])
                if answer is None or answer.done():
                    continue  # abandoned: its request has ended
                if "failure" in message:
                    answer.set_exception(RuntimeError(message["failure"]))
                else:
                    answer.set_result(message["result"])
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            outbox.writer.close()
            if self._outbox is outbox:
                self._outbox = None
            for answer in list(self._pending.values()):
                if not answer.done():
                    answer.set_exception(RuntimeError("the Lambda handler's process stopped"))


# -- the handler's process ----------------------------------------------------


def handler_services(
    settings: Settings, publish: Publish, services: wiring.Services | None = None
) -> wiring.Services:
    """The handler's services, in use where it runs: its loggers at the server's level, and
    backup jobs' changes published to the server's broker (there is no AppSync to do it)."""
    follow_log_level(settings.log_level)
    built = services or wiring.build(settings)
    wiring.use(built)
    if built.events is NO_EVENTS:
        built.events = BrokerJobEvents(publish)
    return built


def settle_heap() -> None:
    """Keep the garbage collector's full passes from stalling every request at once: under
    32 clients one ran every 2-3 s for 135-170 ms. What start-up built lives as long as the
    server, so it is frozen out of the scans; young collections come in fewer, larger passes."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _handler_main(settings: Settings, socket_path: str, ready: Ready, parent: int) -> None:
    """The Lambda's side: one handler, its own DuckDB, its job threads; serves one server."""
    from resolvers import handler as lambda_handler

    server = _HandlerServer(lambda_handler.handler, socket_path, parent)
    handler_services(settings, server.publish)  # a job's changes: to the server, by message
    settle_heap()
    # uvloop, as the server's uvicorn: each invocation takes a few turns of the loop.
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(server.run(ready))


_Job = tuple[int, dict[str, Any], RequestScope, Outbox]  # id, message, scope, answer's way


class _HandlerServer:
    def __init__(self, handler: Callable[[Any, Any], Any], socket_path: str, parent: int) -> None:
        self._handler = handler
        self._socket = socket_path
        self._parent = parent
        self._work: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._scopes: dict[int, RequestScope] = {}
        self._outboxes: set[Outbox] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._done: asyncio.Event | None = None

    def stop(self) -> None:
        """From another thread: stop serving (the thread's way to end, as a process ends)."""
        if self._loop is not None and self._done is not None:
            self._loop.call_soon_threadsafe(self._done.set)

    async def run(self, ready: Ready) -> None:
        self._loop = asyncio.get_running_loop()
        self._done = asyncio.Event()
        for number in range(_WORKERS):
            name = f"hrgraph-lambda-{number}"
            threading.Thread(target=self._work_on, name=name, daemon=True).start()
        server = await asyncio.start_unix_server(self._serve, self._socket)
        ready.set()
        try:
            async with server:
                while not self._done.is_set() and os.getppid() == self._parent:
                    with contextlib.suppress(TimeoutError):  # look again: the server may
                        await asyncio.wait_for(self._done.wait(), 1.0)  # die without a word
        finally:
            for _ in range(_WORKERS):
                self._work.put(None)

    def publish(self, mutation: str, payload: Any) -> None:
        """To the server's broker, from any thread (a job's thread publishes its changes)."""
        if self._loop is not None:
            message = encode({"publish": mutation, "payload": payload})
            self._loop.call_soon_threadsafe(self._broadcast, message)

    def _broadcast(self, data: bytes) -> None:
        for outbox in self._outboxes:
            outbox.put(data)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One connection: each answer goes back on the connection its invocation came on."""
        outbox = Outbox(writer)
        self._outboxes.add(outbox)
        try:
            while True:
                message = await read_message(reader)
                if "cancel" in message:
                    scope = self._scopes.get(message["cancel"])
                    if scope is not None:
                        scope.cancel(message["reason"])
                else:
                    call = message["id"]
                    self._scopes[call] = scope = RequestScope(message["budget"])
                    self._work.put((call, message, scope, outbox))
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            self._outboxes.discard(outbox)
            if not self._outboxes and self._done is not None:
                self._done.set()  # its server is gone: so is this process

    def _work_on(self) -> None:
        """A worker thread: invocations in turn (each blocks its thread), answers to the
        loop to send; cheaper for the loop than an executor's futures and a task each."""
        loop = self._loop
        assert loop is not None
        while (job := self._work.get()) is not None:
            call, message, scope, outbox = job
            data = self._answer(call, message, scope)
            self._scopes.pop(call, None)
            with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
                loop.call_soon_threadsafe(outbox.put, data)

    def _answer(self, call: int, message: dict[str, Any], scope: RequestScope) -> bytes:
        try:
            context = LambdaContext(deadline=time.monotonic() + message["budget"])
            with deadline.entered(scope):
                result = self._handler(event_of(message), context)
            return encode({"id": call, "result": result})
        except Exception as error:  # a bug of ours: the server answers InternalFailure
            _log.exception("the handler failed")
            return encode({"id": call, "failure": f"{type(error).__name__}: {error}"})
