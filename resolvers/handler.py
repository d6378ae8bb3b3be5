"""The Lambda entry point: AppSync (or the local server) calls ``handler`` for every field.

This file is the table of contents: one router per capability, and the one
place where errors become GraphQL errors (see resolvers/envelope.py for why
errors are returned rather than raised).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from resolvers import deadline, observability
from resolvers.core.errors import HrgraphError
from resolvers.envelope import error_envelope, unwrap_error
from resolvers.routes import (
    backups,
    identity,
    imports,
    jobs,
    questions,
    reports,
    tables,
)
from resolvers.routing import ThreadSafeResolver

logger = Logger(service="hrgraph")
app = ThreadSafeResolver()
app.include_router(identity.router)
app.include_router(tables.router)
app.include_router(reports.router)
app.include_router(backups.router)
app.include_router(jobs.router)
app.include_router(imports.router)
app.include_router(questions.router)


@app.exception_handler(HrgraphError)
def domain_error(error: HrgraphError) -> dict[str, Any]:
    logger.info("request refused", extra={"errorType": error.error_type, "reason": error.message})
    return error_envelope(error.error_type, error.message, error.info)


@app.exception_handler(Exception)
def unexpected_error(error: Exception) -> dict[str, Any]:
    """Log the traceback here; the client gets a reference, never the traceback."""
    logger.exception("unexpected error")
    request_id = getattr(app.lambda_context, "aws_request_id", "unknown")
    message = f"internal error (request {request_id}); the details are in the service logs"
    return error_envelope("InternalFailure", message, {"requestId": request_id})


@observability.traced
@logger.inject_lambda_context
def handler(event: dict[str, Any] | list[dict[str, Any]], context: LambdaContext) -> Any:
    _keys_of_this_invocation(event, context)
    with deadline.entered(deadline.current() or _scope_of(context)):
        try:
            result = app.resolve(event, context)
        finally:
            observability.publish()
    return _each_item_answered(event, result)


def _keys_of_this_invocation(event: Any, context: LambdaContext) -> None:
    """The invocation's request id and correlation id on its own log lines.

    powertools keeps them in process-wide keys: right in Lambda, one invocation
    per process at a time, but the local server runs many at once in threads,
    and one's lines carried another's ids. Keys set per thread win over them.
    The process-wide correlation id is set too, as ``inject_lambda_context``'s
    ``correlation_id_path`` would (``logger.get_correlation_id()`` reads it).
    """
    correlation_id = _trace_header(event)
    logger.set_correlation_id(correlation_id)
    logger.thread_safe_append_keys(
        function_request_id=context.aws_request_id, correlation_id=correlation_id
    )


def _trace_header(event: Any) -> str | None:
    """AppSync's X-Ray trace header, the correlation id: what powertools'
    ``correlation_paths.APPSYNC_RESOLVER`` (``request.headers."x-amzn-trace-id"``) names,
    read with plain lookups. Asked through JMESPath (the decorator, then again for the
    per-thread key), the same value cost a quarter of the handler's time on a read by id.
    A BatchInvoke's list of events has none, as JMESPath finds none there."""
    request = event.get("request") if isinstance(event, dict) else None
    headers = request.get("headers") if isinstance(request, dict) else None
    value = headers.get("x-amzn-trace-id") if isinstance(headers, dict) else None
    return value if isinstance(value, str) else None


def _scope_of(context: LambdaContext) -> deadline.RequestScope:
    """In Lambda the deadline is the invocation's remaining time, within AppSync's (the local
    server sets its own): every Redshift statement and Bedrock call of the request fits in it."""
    return deadline.for_lambda(context, deadline.API_MARGIN_SECONDS, deadline.REQUEST_SECONDS)


def _each_item_answered(event: Any, result: Any) -> Any:
    """A BatchInvoke must answer a list: an error of the whole batch becomes each item's error."""
    if isinstance(event, list) and unwrap_error(result) is not None:
        return [result] * len(event)
    return result
