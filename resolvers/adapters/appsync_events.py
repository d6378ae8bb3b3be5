"""JobEvents in AWS: the worker calls ``publishBackupJob(id)`` on AppSync, signed with its role.

AppSync pushes a mutation's result to the subscriptions that name it
(``onBackupJobChanged @aws_subscribe(mutations: ["publishBackupJob"])``), and a
subscriber receives only the fields the mutation selected, so the document
below selects every field of BackupJob (a test holds it to the schema). The
field is ``@aws_iam`` alone: Cognito users cannot call it, and the worker's
role may call nothing else (serverless.yml, ``PublishJobChanges``). The
resolver answers the job as stored, so the message is the store's truth.

Publishing is best effort: a failure is logged and the job goes on; clients
that poll ``backupJob`` see the same state.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from typing import Any

from resolvers.core.backup_job import BackupJob

log = logging.getLogger(__name__)

_BACKUP = "id table createdAt createdBy rows bytes sha256 codec schemaVersion location"
DOCUMENT = (
    "mutation publishBackupJob($id: ID!) { publishBackupJob(id: $id) { "
    "id kind table status progress rowsDone createdAt createdBy startedAt finishedAt "
    f"error errorType backup {{ {_BACKUP} }} "
    "restore { table backupId rowsRestored previousRows } "
    "importResult { source received inserted rejected rejectedByReason { reason count } "
    "rejectsSource } importStage } }"
)


class AppSyncJobEvents:
    """Implements the JobEvents port with one SigV4-signed POST per change."""

    def __init__(
        self, url: str, region: str | None = None, session: Any = None, timeout: float = 5.0
    ) -> None:
        if session is None:
            import boto3

            session = boto3.Session()
        self.url = url
        self.region = region or session.region_name
        self.timeout = timeout
        self._session = session

    def changed(self, job: BackupJob) -> None:
        try:
            answer = self._post({"query": DOCUMENT, "variables": {"id": job.id}})
        except OSError as error:
            log.warning("could not publish job %s: %s", job.id, error)
            return
        if answer.get("errors"):
            log.warning("AppSync refused to publish job %s: %s", job.id, answer["errors"])

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest

        body = json.dumps(payload).encode()
        request = AWSRequest(
            method="POST", url=self.url, data=body, headers={"Content-Type": "application/json"}
        )
        credentials = self._session.get_credentials().get_frozen_credentials()
        SigV4Auth(credentials, "appsync", self.region).add_auth(request)
        sent = urllib.request.Request(  # noqa: S310 (an https URL from our own settings)
            self.url, data=body, headers=dict(request.headers.items()), method="POST"
        )
        with urllib.request.urlopen(sent, timeout=self.timeout) as response:  # noqa: S310
            answer: dict[str, Any] = json.loads(response.read() or b"{}")
            return answer
