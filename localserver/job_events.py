"""A job's changes, pushed to the local server's onBackupJobChanged subscribers.

In AWS the worker calls ``publishBackupJob(id)`` on AppSync and AppSync pushes
the stored job to every ``onBackupJobChanged`` subscription
(resolvers/adapters/appsync_events.py). Locally the job runs beside the
handler — in a thread of the server's process, or in the handler's own process
under ``hrgraph serve`` — and its changes reach the server's broker, shaped as
``publishBackupJob`` answers them: a web page or CLI follows a backup the same
way against either door.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from resolvers.core.backup_job import BackupJob
from resolvers.routes.present import backup_job

Publish = Callable[[str, Any], None]
"""(mutation, payload) to the broker: ``Broker.publish``, or a message to the server's."""


class BrokerJobEvents:
    """Implements the JobEvents port by publishing to the local server's broker."""

    def __init__(self, publish: Publish) -> None:
        self._publish = publish

    def changed(self, job: BackupJob) -> None:
        self._publish("publishBackupJob", backup_job(job))
