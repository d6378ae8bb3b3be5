"""The worker Lambda's entry point: one asynchronous invocation runs one stored job.

The event is ``{"hrgraphJobId": "<id>"}`` (resolvers/adapters/lambda_launcher.py).
Whatever happens, the job ends SUCCEEDED or FAILED in the store (core/jobs.run
records failures itself); the function returns normally, so Lambda has no
error to retry (and serverless.yml allows no retry anyway).

The job runs in a request scope cut from the invocation's remaining time: a
Redshift statement still running when it ends is cancelled (CancelStatement),
and a restore's swap is not submitted unless it can finish, so a worker that
Lambda stops at its timeout leaves nothing running that could commit after
the job reads FAILED.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from resolvers import deadline, observability
from resolvers.adapters.lambda_launcher import EVENT_KEY
from resolvers.wiring import services

logger = Logger(service="hrgraph")


@observability.traced
@logger.inject_lambda_context()
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    job_id = event.get(EVENT_KEY) if isinstance(event, dict) else None
    if not isinstance(job_id, str):
        logger.error("not a job event; nothing run", extra={"keys": sorted(event or {})})
        return {"jobId": None, "status": None}
    logger.append_keys(jobId=job_id)
    scope = deadline.for_lambda(context, deadline.WORKER_MARGIN_SECONDS)
    try:
        with deadline.entered(scope):
            finished = services().run_job(job_id)
        if finished is not None and finished.backup and finished.kind.value == "BACKUP":
            observability.backup_written(int(finished.backup.get("bytes", 0)))
    finally:
        observability.publish()
    status = finished.status.value if finished else None
    logger.info(
        "job ended", extra={"status": status, "errorType": finished and finished.error_type}
    )
    return {"jobId": job_id, "status": status}
