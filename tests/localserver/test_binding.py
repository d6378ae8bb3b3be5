"""How the local server runs the Lambda handler: what it inherits from the server's settings."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from graphql.pyutils import is_awaitable

from localserver.binding import awaitable, follow_log_level
from resolvers import handler  # noqa: F401  (its loggers exist once it is imported)

tables_logger = logging.getLogger("hrgraph.resolvers.routes.tables")
"""A route's logger: powertools gives each child logger a level of its own."""


@pytest.fixture
def handler_log_level(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("POWERTOOLS_LOG_LEVEL", raising=False)
    before = {name: logging.getLogger(name).level for name in ("hrgraph", tables_logger.name)}
    yield
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.usefixtures("handler_log_level")
def test_the_handler_logs_at_the_servers_level() -> None:
    follow_log_level("warning")
    # A route's "batch inserted" line (INFO) is no longer written; its warnings are.
    assert not tables_logger.isEnabledFor(logging.INFO)
    assert tables_logger.isEnabledFor(logging.WARNING)
    follow_log_level("debug")
    assert tables_logger.isEnabledFor(logging.DEBUG)


@pytest.mark.usefixtures("handler_log_level")
def test_the_lambdas_own_log_level_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    follow_log_level("info")
    monkeypatch.setenv("POWERTOOLS_LOG_LEVEL", "DEBUG")
    follow_log_level("error")
    assert tables_logger.isEnabledFor(logging.INFO)


async def test_execution_awaits_what_graphql_core_would_await_and_nothing_else() -> None:
    """The door's exact is_awaitable agrees with graphql-core's own check on everything a
    resolver here or graphql-core itself hands it: a disagreement is a field answered with a
    coroutine's repr, or never awaited."""

    async def answer() -> int:
        return 1

    async def stream() -> AsyncIterator[int]:
        yield 1

    loop = asyncio.get_running_loop()
    task = loop.create_task(answer())
    gathered = asyncio.gather(answer())
    coroutine = answer()
    values: list[Any] = [coroutine, task, gathered, loop.create_future(), stream()]
    values += [{"id": 1}, [{"id": 1}], "text", 1, 1.5, None, True, answer, object()]
    assert [awaitable(v) for v in values] == [is_awaitable(v) for v in values]
    assert [awaitable(v) for v in values[:4]] == [True] * 4
    await asyncio.gather(coroutine, task, gathered)
