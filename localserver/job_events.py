"""A job's changes, pushed to the local server's onBackupJobChanged subscribers.

In AWS the worker calls ``publishBackupJob(id)`` on AppSync and AppSync pushes
the stored job to every ``onBackupJobChanged`` subscription
(resolvers/adapters/appsync_events.py). Locally the job runs in a thread of
the server itself, so its changes go straight to the server's broker, shaped
as ``publishBackupJob`` answers them: a web page or CLI follows a backup the
same way against either door.
"""

from __future__ import annotations

from localserver.broker import Broker
from resolvers.core.backup_job import BackupJob
from resolvers.routes.present import backup_job


class BrokerJobEvents:
    """Implements the JobEvents port on the local server's broker."""

    def __init__(self, broker: Broker) -> None:
        self._broker = broker

    def changed(self, job: BackupJob) -> None:
        self._broker.publish("publishBackupJob", backup_job(job))
