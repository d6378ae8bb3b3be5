"""Every AWS request the Lambda's code sends is valid for the botocore the zip ships.

The zip bundles boto3 and botocore (requirements/lambda.txt) because the runtime's
copy varies by region and date; an older one refuses BatchExecuteStatement's
ExecutionMode, and every write would then fail as Unavailable. So: a recorder
(tests/deploy/request_recorder.py) keeps every request of the adapter tests that
the dev botocore and the fake Data API accepted, and those requests are validated
again, by the bundled botocore itself, in the virtualenv that holds
requirements/lambda.txt alone.

The dev venv pins the same botocore, so the whole suite's validation (moto,
Stubber, the fake Data API's model checks) holds for the Lambda too; a pin that
drifts in one file fails the first test here. The recording covers the adapter
tests (tests/resolvers/adapters), where every AWS client of the Lambda is driven.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import botocore
import pytest

from tests.deploy import request_recorder
from tests.deploy.conftest import ROOT, lambda_package

BOTO = ("boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3")

VALIDATE = r"""
import json, pickle, sys
import botocore, botocore.session
from botocore.exceptions import ParamValidationError
from botocore.model import OperationNotFoundError
from botocore.validate import validate_parameters

requests = pickle.load(open(sys.argv[1], "rb"))
session = botocore.session.get_session()
problems = []
for service, operation, params in requests:
    try:
        shape = session.get_service_model(service).operation_model(operation).input_shape
        if shape is not None:
            validate_parameters(params, shape)
    except (ParamValidationError, OperationNotFoundError) as error:
        problems.append([service, operation, str(error).splitlines()[:3]])
print(json.dumps({"version": botocore.__version__, "file": botocore.__file__,
                  "problems": problems}))
"""

CANARY = (
    "redshift-data",
    "BatchExecuteStatement",
    {"Sqls": ["SELECT 1"], "Database": "dev", "ExecutionMode": "SOMETIMES", "Retries": 3},
)
"""A request no botocore accepts: proves the validator in the Lambda's venv can say no."""


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)", line)
        if match:
            pins[match[1].lower().replace("_", "-")] = match[2]
    return pins


def test_the_lambda_bundles_the_boto3_the_tests_run() -> None:
    lambda_pins = _pins(ROOT / "requirements" / "lambda.txt")
    dev_pins = _pins(ROOT / "requirements" / "dev.txt")
    assert {name: lambda_pins.get(name) for name in BOTO} == {
        name: dev_pins.get(name) for name in BOTO
    }
    assert botocore.__version__ == lambda_pins["botocore"]


EXERCISED = {
    ("redshift-data", "BatchExecuteStatement"),
    ("redshift-data", "ExecuteStatement"),
    ("redshift-data", "DescribeStatement"),
    ("redshift-data", "GetStatementResult"),
    ("redshift-data", "CancelStatement"),
    ("s3", "PutObject"),
    ("s3", "GetObject"),
    ("s3", "ListObjectsV2"),
    ("bedrock-runtime", "Converse"),
}
"""What the adapter tests must have sent for the validation to mean anything."""


def _operations(requests: list[tuple[str, str, Any]]) -> set[tuple[str, str]]:
    return {(service, operation) for service, operation, _ in requests}


@pytest.fixture(scope="session")
def recorded_requests(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, Any]]:
    """Every AWS request the adapter tests made: this session's, when it ran them (this
    test runs last), else those of a run of them in a process of their own."""
    in_session = request_recorder.recorded()
    if _operations(in_session) >= EXERCISED:
        return in_session
    record = tmp_path_factory.mktemp("requests") / "requests.pickle"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", request_recorder.RECORDED, "-q", "-x"),
            *("-p", "no:cacheprovider", f"--ignore={request_recorder.NOT_RECORDED}"),
        ],
        cwd=ROOT,
        env={**os.environ, "HRGRAPH_RECORD_REQUESTS": str(record)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    requests: list[tuple[str, str, Any]] = pickle.loads(record.read_bytes())  # noqa: S301 (ours)
    return requests


@pytest.mark.slow
def test_every_request_the_resolvers_send_is_valid_for_the_bundled_botocore(
    lambda_python: Path, recorded_requests: list[tuple[str, str, Any]], tmp_path: Path
) -> None:
    sent = _operations(recorded_requests)
    assert sent >= EXERCISED
    assert any(p.get("ExecutionMode") == "TRANSACTION" for _, _, p in recorded_requests)
    # The zip keeps botocore's models of these services only (infra/lambda_package.py).
    assert {service for service, _ in sent} <= lambda_package.BOTOCORE_SERVICES
    requests = tmp_path / "requests.pickle"
    requests.write_bytes(pickle.dumps([*recorded_requests, CANARY]))

    done = subprocess.run(
        [str(lambda_python), "-s", "-E", "-c", VALIDATE, str(requests)],
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["version"] == _pins(ROOT / "requirements" / "lambda.txt")["botocore"]
    assert Path(result["file"]).is_relative_to(lambda_python.parent.parent)
    assert [problem[:2] for problem in result["problems"]] == [
        ["redshift-data", "BatchExecuteStatement"]  # the canary, and nothing the code sent
    ]
