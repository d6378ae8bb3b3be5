"""Tracer and Metrics: what the service measures, in one place.

Metrics go to CloudWatch as EMF lines on stdout (the Lambda's log stream), in
namespace ``hrgraph``. Routes record the numbers they know (rows inserted and
rejected, backup bytes, refused questions); the handler publishes them once per
invocation, only when HRGRAPH_METRICS=on (set in serverless.yml). On a laptop
and in tests they are dropped, so nothing prints EMF and nothing warns.

Tracing turns itself off outside Lambda (powertools checks for the Lambda
runtime), and ``traced`` then leaves the entry points undecorated, so the local
server pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools import Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit

NAMESPACE = "hrgraph"

tracer = Tracer(service="hrgraph")
metrics = Metrics(namespace=NAMESPACE, service="hrgraph")


def traced(handler: Callable[..., Any]) -> Callable[..., Any]:
    """A Lambda entry point in X-Ray where tracing is on (in Lambda); as it is elsewhere.

    With tracing off, powertools' ``capture_lambda_handler`` still opens a dummy
    segment and subsegment per invocation (ids drawn from ``os.urandom``): 53 of the
    149 µs the handler spent on a department read by id in the local door, which
    calls it for every field (bench/concurrency.py). Responses stay out of X-Ray:
    they hold people's names.
    """
    if tracer.disabled:
        return handler
    return tracer.capture_lambda_handler(handler, capture_response=False)


def rows_inserted(inserted: int, rejected: int) -> None:
    metrics.add_metric(name="InsertedRows", unit=MetricUnit.Count, value=inserted)
    metrics.add_metric(name="RejectedRows", unit=MetricUnit.Count, value=rejected)


def backup_written(size_bytes: int) -> None:
    metrics.add_metric(name="BackupBytes", unit=MetricUnit.Bytes, value=size_bytes)


def question_refused() -> None:
    metrics.add_metric(name="QuestionsRefused", unit=MetricUnit.Count, value=1)


_emit = False
"""HRGRAPH_METRICS=on: set by resolvers.wiring when it builds the services (this module
imports no wiring, so the two do not import each other)."""


def configure(emit: bool) -> None:
    global _emit
    _emit = emit


def publish() -> None:
    """End of an invocation: emit the recorded metrics (or drop them when disabled)."""
    if not metrics.metric_set:
        return
    if _emit:
        metrics.flush_metrics()
    else:
        metrics.clear_metrics()


STOP_REASONS = frozenset(
    {"end_turn", "tool_use", "max_tokens", "stop_sequence", "guardrail_intervened",
     "content_filtered", "malformed_model_output", "malformed_tool_use",
     "model_context_window_exceeded"}
)  # fmt: skip
"""Converse's stopReason values; anything else is counted as BedrockStopOther."""


def bedrock_reply(input_tokens: int, output_tokens: int, latency_ms: int, stop_reason: str) -> None:
    """One Converse reply: its tokens and latency, and a count per stopReason."""
    metrics.add_metric(name="BedrockInputTokens", unit=MetricUnit.Count, value=input_tokens)
    metrics.add_metric(name="BedrockOutputTokens", unit=MetricUnit.Count, value=output_tokens)
    metrics.add_metric(name="BedrockLatency", unit=MetricUnit.Milliseconds, value=latency_ms)
    known = stop_reason if stop_reason in STOP_REASONS else "other"
    reason = "".join(part.capitalize() for part in known.split("_"))
    metrics.add_metric(name=f"BedrockStop{reason}", unit=MetricUnit.Count, value=1)


def bedrock_retried() -> None:
    metrics.add_metric(name="BedrockRetries", unit=MetricUnit.Count, value=1)


def bedrock_unavailable() -> None:
    metrics.add_metric(name="BedrockUnavailable", unit=MetricUnit.Count, value=1)
