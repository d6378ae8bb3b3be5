"""Tracing: X-Ray in Lambda, and no tracing work at all where it is off (the local door)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from resolvers import handler as lambda_handler
from resolvers import observability
from resolvers.wiring import Services

EVENTS = Path(__file__).resolve().parents[1] / "events"


class Recorder:
    """A tracing provider that writes down the subsegments opened and what they were given."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.annotations: dict[str, Any] = {}
        self.metadata: dict[str, Any] = {}

    @contextlib.contextmanager
    def in_subsegment(self, name: str) -> Iterator[Recorder]:
        self.opened.append(name)
        yield self

    def put_annotation(self, key: str, value: Any) -> None:
        self.annotations[key] = value

    def put_metadata(self, key: str, value: Any, namespace: str = "") -> None:
        self.metadata[key] = value


def test_outside_lambda_the_handler_opens_no_trace_segment(
    services: Services, lambda_context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN tracing off, as powertools decides outside Lambda (the local door, tests)
    assert observability.tracer.disabled
    recorder = Recorder()
    monkeypatch.setattr(observability.tracer, "provider", recorder)
    event = json.loads((EVENTS / "departments_bad_limit.json").read_text())
    event["arguments"] = {"limit": 10}
    # WHEN the handler answers a read
    answer = lambda_handler.handler(event, lambda_context)
    # THEN it answers, and no (dummy) X-Ray segment was opened for it
    assert answer["items"] == []
    assert recorder.opened == []


def test_in_lambda_an_entry_point_is_traced_without_its_response(
    monkeypatch: pytest.MonkeyPatch, lambda_context: Any
) -> None:
    # GIVEN tracing on, as in Lambda
    recorder = Recorder()
    monkeypatch.setattr(observability.tracer, "disabled", False)
    monkeypatch.setattr(observability.tracer, "provider", recorder)

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        return {"name": "Ana Pérez"}

    # WHEN an entry point wrapped by `traced` runs
    answer = observability.traced(handler)({}, lambda_context)
    # THEN its subsegment is opened and annotated, and the answer (people's names) is not recorded
    assert answer == {"name": "Ana Pérez"}
    assert recorder.opened == ["## handler"]
    assert recorder.annotations["Service"] == "hrgraph"
    assert "ColdStart" in recorder.annotations
    assert recorder.metadata == {}
