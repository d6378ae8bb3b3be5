"""The worker is started by an asynchronous Invoke, checked against botocore's Lambda model."""

from __future__ import annotations

import json
from collections.abc import Iterator

import boto3
import pytest
from botocore.stub import Stubber

from resolvers.adapters.lambda_launcher import EVENT_KEY, LambdaLauncher
from resolvers.core.errors import Unavailable

FUNCTION = "hrgraph-dev-worker"


@pytest.fixture
def stubbed() -> Iterator[tuple[LambdaLauncher, Stubber]]:
    client = boto3.client(
        "lambda", region_name="eu-west-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    with Stubber(client) as stubber:
        yield LambdaLauncher(FUNCTION, client), stubber
        stubber.assert_no_pending_responses()


def test_a_job_starts_as_an_event_invocation_naming_only_its_id(
    stubbed: tuple[LambdaLauncher, Stubber],
) -> None:
    launcher, stubber = stubbed
    payload = json.dumps({EVENT_KEY: "20260101T000000000Z-0a1b2c3d"}).encode()
    stubber.add_response(
        "invoke",
        {"StatusCode": 202},
        {"FunctionName": FUNCTION, "InvocationType": "Event", "Payload": payload},
    )
    launcher.launch("20260101T000000000Z-0a1b2c3d")


def test_a_refused_invocation_is_unavailable(stubbed: tuple[LambdaLauncher, Stubber]) -> None:
    launcher, stubber = stubbed
    stubber.add_client_error("invoke", "TooManyRequestsException", http_status_code=429)
    with pytest.raises(Unavailable, match="TooManyRequestsException"):
        launcher.launch("20260101T000000000Z-0a1b2c3d")
