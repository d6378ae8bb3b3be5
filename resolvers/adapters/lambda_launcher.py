"""The AWS JobLauncher: an asynchronous invocation of the worker Lambda.

Why an async invocation rather than Step Functions: a job is one step (back
up, or restore) that fits one Lambda run of up to 15 minutes; a state machine
would add a service, a role and a definition to keep in step for no branch or
wait it would use. The worker function ships the same zip as the API
function, with its own handler (resolvers/worker.py) and a 900 s timeout;
serverless.yml sets its ``maximumRetryAttempts: 0`` (an EventInvokeConfig), so
Lambda never silently runs a job again, and the store's claim refuses a second
run anyway. A worker that dies without a word is read as FAILED after its
deadline (resolvers/core/jobs.py).
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from resolvers.core.errors import Unavailable

EVENT_KEY = "hrgraphJobId"
"""The one key of the worker's event: which stored job to run."""


class LambdaLauncher:
    """Implements the JobLauncher port with Invoke(InvocationType="Event")."""

    def __init__(self, function_name: str, client: Any = None) -> None:
        if client is None:
            import boto3

            client = boto3.client("lambda")
        self.function_name = function_name
        self._lambda = client

    def launch(self, job_id: str) -> None:
        try:
            answer = self._lambda.invoke(
                FunctionName=self.function_name,
                InvocationType="Event",
                Payload=json.dumps({EVENT_KEY: job_id}).encode(),
            )
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code", "unknown")
            raise Unavailable(f"Lambda refused to start the worker ({code})") from error
        except BotoCoreError as error:
            raise Unavailable(f"Lambda cannot be reached: {error}") from error
        if answer.get("StatusCode") != 202:
            raise Unavailable(
                f"Lambda did not queue the worker (status {answer.get('StatusCode')})"
            )
