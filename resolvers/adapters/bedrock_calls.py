"""One Converse call within the question's deadline: timeouts, jittered retries, usage logged.

A question has one deadline (Settings.bedrock_deadline_seconds, under the
Lambda's 29 s). Each attempt gets a client whose botocore read and connect
timeouts are the time left, so no single call can outlive the question.
Throttling and model timeouts are retried with full jitter while time
remains; then, or on any other service error, the question is Unavailable.
Every reply's token usage, latency and stopReason are logged (powertools
Logger, structured) and recorded as metrics (resolvers/observability.py).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aws_lambda_powertools import Logger
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)

from resolvers import observability
from resolvers.core.errors import Unavailable

if TYPE_CHECKING:
    from mypy_boto3_bedrock_runtime import BedrockRuntimeClient

logger = Logger(service="hrgraph", child=True)

RETRIED_CODES = frozenset(
    {"ThrottlingException", "ServiceUnavailableException", "ModelNotReadyException",
     "ModelTimeoutException", "InternalServerException"}
)  # fmt: skip
"""Service errors worth another attempt while time remains; anything else is final."""
MIN_ATTEMPT_SECONDS = 1.0
"""Below this much time left, another attempt could not finish: give up instead."""
BASE_DELAY = 0.5
MAX_DELAY = 4.0

ClientFor = Callable[[float], "BedrockRuntimeClient"]
"""A Bedrock client whose read and connect timeouts fit in the given seconds."""


class Deadline:
    """Seconds left for one question, on an injectable monotonic clock."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._ends = clock() + seconds

    def remaining(self) -> float:
        return max(0.0, self._ends - self._clock())


@dataclass(frozen=True, slots=True)
class Pacing:
    """How to wait between attempts (injectable, so tests neither sleep nor guess)."""

    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[float, float], float] = random.uniform


def converse(
    client_for: ClientFor,
    request: dict[str, Any],
    deadline: Deadline,
    pacing: Pacing,
) -> dict[str, Any]:
    """One Converse reply, retrying what is worth retrying while the deadline allows."""
    attempt = 0
    while True:
        attempt += 1
        left = deadline.remaining()
        if left < MIN_ATTEMPT_SECONDS:
            observability.bedrock_unavailable()
            raise Unavailable("Bedrock did not answer within the question's deadline")
        started = time.perf_counter()
        try:
            response: dict[str, Any] = dict(client_for(left).converse(**request))
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", "") or "error")
            if code not in RETRIED_CODES:
                observability.bedrock_unavailable()
                raise Unavailable(f"Bedrock refused the request ({code})") from None
            _wait(code, attempt, deadline, pacing)
            continue
        except (ReadTimeoutError, ConnectTimeoutError, EndpointConnectionError) as error:
            _wait(type(error).__name__, attempt, deadline, pacing)
            continue
        except BotoCoreError as error:
            observability.bedrock_unavailable()
            raise Unavailable(f"Bedrock is unreachable ({type(error).__name__})") from None
        _record(response, time.perf_counter() - started, attempt)
        return response


def _wait(reason: str, attempt: int, deadline: Deadline, pacing: Pacing) -> None:
    """Full jitter: a random wait up to base * 2^(attempt-1), if one more attempt still fits."""
    delay = pacing.jitter(0.0, min(MAX_DELAY, BASE_DELAY * 2 ** (attempt - 1)))
    observability.bedrock_retried()
    logger.warning("bedrock retry", extra={"reason": reason, "attempt": attempt})
    if deadline.remaining() - delay < MIN_ATTEMPT_SECONDS:
        observability.bedrock_unavailable()
        raise Unavailable(
            f"Bedrock is busy ({reason}) and the question's deadline has passed; try again"
        )
    pacing.sleep(delay)


def _record(response: dict[str, Any], seconds: float, attempt: int) -> None:
    usage = response.get("usage") or {}
    latency_ms = int((response.get("metrics") or {}).get("latencyMs", seconds * 1000))
    stop = str(response.get("stopReason", "unknown"))
    logger.info(
        "bedrock reply",
        extra={
            "stop_reason": stop,
            "input_tokens": usage.get("inputTokens", 0),
            "output_tokens": usage.get("outputTokens", 0),
            "latency_ms": latency_ms,
            "attempt": attempt,
        },
    )
    observability.bedrock_reply(
        input_tokens=int(usage.get("inputTokens", 0)),
        output_tokens=int(usage.get("outputTokens", 0)),
        latency_ms=latency_ms,
        stop_reason=stop,
    )
