"""serverless.yml runs backups and restores as jobs, and keeps S3 answers and backups usable.

What only AWS can show is read from the template here: the worker's async
invocation never retries, job state is a TTL'd DynamoDB table the role may
only read and write item by item, a missing backup is a 404 (not a 403), and
no backup is moved to an archive class that cannot be read at once.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from hrgraph_contract.settings import Settings
from tests.deploy.conftest import lambda_package
from tests.deploy.test_lambda_environment import lambda_environment


def statements(config: dict[str, Any], role: str = "ApiRole") -> dict[str, dict[str, Any]]:
    """The policy statements of one function's role (serverless.yml resources), by Sid."""
    (policy,) = config["resources"]["Resources"][role]["Properties"]["Policies"]
    return {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}


def resources(config: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = config["resources"]["Resources"]
    return found


def test_the_api_queues_jobs_for_the_worker_in_dynamodb(serverless_config: dict[str, Any]) -> None:
    settings = Settings.from_env(lambda_environment(serverless_config))
    assert (settings.job_store, settings.job_runner) == ("dynamodb", "lambda")
    environment = serverless_config["provider"]["environment"]
    assert environment["HRGRAPH_JOB_TABLE"] == {"Ref": "JobsTable"}
    # The API invokes the function the worker entry names.
    worker = serverless_config["functions"]["worker"]
    assert environment["HRGRAPH_WORKER_FUNCTION"] == worker["name"] == "${self:custom.workerName}"


def test_the_worker_never_retries_and_outlives_any_request(
    serverless_config: dict[str, Any],
) -> None:
    worker = serverless_config["functions"]["worker"]
    assert worker["maximumRetryAttempts"] == 0
    assert worker["timeout"] == 900
    assert worker["package"] == serverless_config["functions"]["api"]["package"]
    module, _, function = worker["handler"].replace("/", ".").rpartition(".")
    assert callable(getattr(importlib.import_module(module), function))
    # Statements of a job may run long, but inside the worker's own timeout.
    deadline = float(worker["environment"]["HRGRAPH_REDSHIFT_TIMEOUT_SECONDS"])
    assert 25 < deadline < worker["timeout"]
    # A job still RUNNING past the worker's timeout reads as FAILED.
    assert Settings().job_deadline_seconds > worker["timeout"]


def test_a_job_shown_as_failed_is_never_started_by_a_late_event(
    serverless_config: dict[str, Any],
) -> None:
    """Lambda keeps a throttled async event up to maximumEventAge; a QUEUED job reads FAILED
    after the job deadline, so an event must not outlive the deadline (the claim refuses it
    anyway: tests/resolvers/core/test_jobs.py)."""
    worker = serverless_config["functions"]["worker"]
    deadline = Settings.from_env(lambda_environment(serverless_config)).job_deadline_seconds
    assert 60 <= worker["maximumEventAge"] <= deadline - 60


def test_the_api_may_start_only_the_worker(serverless_config: dict[str, Any]) -> None:
    start = statements(serverless_config)["StartJobWorkers"]
    assert start["Action"] == "lambda:InvokeFunction"
    arn = "".join(p if isinstance(p, str) else "" for p in start["Resource"]["Fn::Join"][1])
    assert arn.endswith(":function:${self:custom.workerName}")


def test_job_state_is_item_by_item_on_one_table_with_a_ttl(
    serverless_config: dict[str, Any],
) -> None:
    keep = statements(serverless_config)["KeepJobState"]
    assert sorted(keep["Action"]) == ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
    assert keep["Resource"] == {"Fn::GetAtt": ["JobsTable", "Arn"]}
    table = resources(serverless_config)["JobsTable"]["Properties"]
    assert table["TimeToLiveSpecification"] == {"AttributeName": "expiresAt", "Enabled": True}
    assert table["SSESpecification"] == {"SSEEnabled": True}


def test_a_missing_backup_is_a_404_because_listing_is_not_prefix_conditioned(
    serverless_config: dict[str, Any],
) -> None:
    """S3 checks s3:ListBucket on the bucket, with no prefix, to choose 404 over 403."""
    listing = statements(serverless_config)["ListBackups"]
    assert listing["Action"] == "s3:ListBucket"
    assert listing["Resource"] == {"Fn::GetAtt": ["BackupBucket", "Arn"]}
    assert "Condition" not in listing


def test_backups_never_move_to_a_class_that_must_be_restored_first(
    serverless_config: dict[str, Any],
) -> None:
    bucket = resources(serverless_config)["BackupBucket"]["Properties"]
    rules = bucket["LifecycleConfiguration"]["Rules"]
    classes = {t["StorageClass"] for r in rules for t in r.get("Transitions", [])}
    assert classes <= {"STANDARD_IA", "GLACIER_IR", "INTELLIGENT_TIERING"}
    staging = next(r for r in rules if r.get("Prefix") == "staging/")
    assert staging["ExpirationInDays"] == 1


def test_the_zip_keeps_pyarrows_parquet_and_drops_what_it_never_loads(tmp_path: Path) -> None:
    deps = tmp_path / "deps" / "pyarrow"
    for name in (
        "__init__.py",
        "parquet/core.py",
        "libarrow.so.2600",
        "libparquet.so.2600",
        "libarrow_substrait.so.2600",  # lib.so links it: kept
        "libarrow_flight.so.2600",
        "_flight.cpython-312-aarch64-linux-gnu.so",
        "libarrow_python_flight.so",
        "libarrow_s3.so.2600",
        "_s3fs.cpython-312-aarch64-linux-gnu.so",
        "include/arrow/api.h",
        "lib.pyx",
        "tests/test_io.py",
    ):
        (deps / name).parent.mkdir(parents=True, exist_ok=True)
        (deps / name).write_bytes(b"x")
    names = lambda_package.build_zip(tmp_path / "out.zip", tmp_path / "deps")
    shipped = {n for n in names if n.startswith("pyarrow/")}
    assert shipped == {
        "pyarrow/__init__.py",
        "pyarrow/parquet/core.py",
        "pyarrow/libarrow.so.2600",
        "pyarrow/libparquet.so.2600",
        "pyarrow/libarrow_substrait.so.2600",
    }


def test_the_worker_may_call_only_the_iam_publish_field(serverless_config: dict[str, Any]) -> None:
    publish = statements(serverless_config, "WorkerRole")["PublishJobChanges"]
    assert publish["Action"] == "appsync:GraphQL"
    parts = publish["Resource"]["Fn::Join"][1]
    assert parts == [
        {"Fn::GetAtt": ["GraphQlApi", "Arn"]},
        "/types/Mutation/fields/publishBackupJob",
    ]
    worker = serverless_config["functions"]["worker"]
    assert worker["environment"]["HRGRAPH_APPSYNC_URL"] == {
        "Fn::GetAtt": ["GraphQlApi", "GraphQLUrl"]
    }
