"""The worker's publish: one SigV4-signed POST of publishBackupJob over real HTTP."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import boto3
import pytest
from graphql import GraphQLObjectType, parse, validate

from localserver.schema import appsync_schema
from resolvers.adapters.appsync_events import DOCUMENT, AppSyncJobEvents
from resolvers.core.backup_job import BackupJob, JobKind, JobStatus
from resolvers.core.tables import Table


class Recorder(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], dict[str, Any]]] = []
    answer: dict[str, Any] = {"data": {"publishBackupJob": {"id": "x"}}}

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.received.append((dict(self.headers.items()), json.loads(body)))
        payload = json.dumps(Recorder.answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def appsync() -> Iterator[str]:
    Recorder.received = []
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/graphql"
    server.shutdown()


def job() -> BackupJob:
    from datetime import UTC, datetime

    return BackupJob(
        id="20260101T000000000Z-0a1b2c3d",
        kind=JobKind.BACKUP,
        table=Table.JOBS,
        status=JobStatus.RUNNING,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        created_by="ana",
    )


def session() -> boto3.Session:
    return boto3.Session(
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        aws_session_token="token",
        region_name="eu-west-1",
    )


def test_a_change_is_published_signed_for_appsync_with_the_workers_credentials(
    appsync: str,
) -> None:
    AppSyncJobEvents(appsync, session=session()).changed(job())
    ((headers, body),) = Recorder.received
    assert body == {"query": DOCUMENT, "variables": {"id": "20260101T000000000Z-0a1b2c3d"}}
    authorization = headers["Authorization"]
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    assert "/eu-west-1/appsync/aws4_request" in authorization
    assert headers["X-Amz-Security-Token"] == "token"


def test_a_refused_or_unreachable_publish_never_stops_the_job(
    appsync: str, caplog: pytest.LogCaptureFixture
) -> None:
    Recorder.answer = {"errors": [{"errorType": "UnauthorizedException"}]}
    AppSyncJobEvents(appsync, session=session()).changed(job())
    AppSyncJobEvents("http://127.0.0.1:9/graphql", session=session(), timeout=1).changed(job())
    messages = [r.getMessage() for r in caplog.records]
    assert any("AppSync refused" in m for m in messages)
    assert any("could not publish" in m for m in messages)


def test_the_document_is_valid_and_selects_every_field_subscribers_get() -> None:
    schema = appsync_schema()
    document = parse(DOCUMENT)
    assert validate(schema, document) == []
    selected = {
        f.name.value
        for f in document.definitions[0].selection_set.selections[0].selection_set.selections  # type: ignore[attr-defined]
    }
    backup_job = schema.type_map["BackupJob"]
    assert isinstance(backup_job, GraphQLObjectType)
    assert selected == set(backup_job.fields)
