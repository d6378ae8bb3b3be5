"""Tracer and Metrics: what the service measures, in one place.

Metrics go to CloudWatch as EMF lines on stdout (the Lambda's log stream), in
namespace ``hrgraph``. Routes record the numbers they know (rows inserted and
rejected, backup bytes, refused questions); the handler publishes them once per
invocation, only when HRGRAPH_METRICS=on (set in serverless.yml). On a laptop
and in tests they are dropped, so nothing prints EMF and nothing warns.

Tracing turns itself off outside Lambda (powertools checks for the Lambda
runtime), so the local server pays nothing for it.
"""

from __future__ import annotations

from aws_lambda_powertools import Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit

NAMESPACE = "hrgraph"

tracer = Tracer(service="hrgraph")
metrics = Metrics(namespace=NAMESPACE, service="hrgraph")


def rows_inserted(inserted: int, rejected: int) -> None:
    metrics.add_metric(name="InsertedRows", unit=MetricUnit.Count, value=inserted)
    metrics.add_metric(name="RejectedRows", unit=MetricUnit.Count, value=rejected)


def backup_written(size_bytes: int) -> None:
    metrics.add_metric(name="BackupBytes", unit=MetricUnit.Bytes, value=size_bytes)


def question_refused() -> None:
    metrics.add_metric(name="QuestionsRefused", unit=MetricUnit.Count, value=1)


def publish() -> None:
    """End of an invocation: emit the recorded metrics (or drop them when disabled)."""
    if not metrics.metric_set:
        return
    from resolvers.wiring import services  # routes that recorded metrics have built it

    if services().settings.metrics == "on":
        metrics.flush_metrics()
    else:
        metrics.clear_metrics()
