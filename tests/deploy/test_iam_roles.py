"""Each Lambda has its own role, and each role holds only what that function's code calls.

``CALLS`` says, for every IAM action a role may hold, which code needs it: the
module and the call in it (checked to be there), and which function runs that
code. A role holding an action its function's code never calls, or missing one
it calls, fails here; so does a call the table names that the code no longer
makes. The rendered CloudFormation (`serverless package`) is checked too: each
function runs as its own role, and no shared role is left.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.deploy.conftest import ROOT
from tests.deploy.test_templates import packaged  # noqa: F401 (the fixture)

API, WORKER = "api", "worker"
BOTH = frozenset({API, WORKER})
ROLES = {API: "ApiRole", WORKER: "WorkerRole"}

CALLS: dict[tuple[str, str], tuple[frozenset[str], str, str]] = {
    # (action, statement Sid): (functions, module that calls, the call in it)
    ("logs:CreateLogStream", "WriteOwnLogs"): (BOTH, "", "the Lambda runtime"),
    ("logs:PutLogEvents", "WriteOwnLogs"): (BOTH, "", "the Lambda runtime"),
    ("xray:PutTraceSegments", "SendTraces"): (BOTH, "", "tracing: lambda: true"),
    ("xray:PutTelemetryRecords", "SendTraces"): (BOTH, "", "tracing: lambda: true"),
    **{
        (f"redshift-data:{op}", sid): (BOTH, "resolvers/adapters/redshift_data_client.py", call)
        for op, sid, call in (
            ("ExecuteStatement", "RunStatementsOnTheWarehouse", '"execute_statement"'),
            ("BatchExecuteStatement", "RunStatementsOnTheWarehouse", '"batch_execute_statement"'),
            ("DescribeStatement", "ReadOwnStatements", '"describe_statement"'),
            ("GetStatementResult", "ReadOwnStatements", '"get_statement_result"'),
            ("CancelStatement", "ReadOwnStatements", '"cancel_statement"'),
        )
    },
    # The Data API reads SecretArn with the caller's rights (Connection.request_fields).
    ("secretsmanager:GetSecretValue", "ActAsBothDatabaseUsers"): (
        frozenset({API}), "resolvers/adapters/redshift_warehouse.py", "redshift_readonly_secret_arn"
    ),
    ("secretsmanager:GetSecretValue", "ActAsTheAppUser"): (
        frozenset({WORKER}), "resolvers/adapters/redshift_warehouse.py", "redshift_secret_arn"
    ),
    ("secretsmanager:GetSecretValue", "ReadThePageTokenKey"): (
        frozenset({API}), "resolvers/adapters/page_token_key.py", "get_secret_value("
    ),
    ("bedrock:InvokeModel", "AskTheOneModel"): (
        frozenset({API}), "resolvers/adapters/bedrock_calls.py", ".converse("
    ),
    ("s3:GetObject", "ReadAndDeleteBackups"): (
        frozenset({API}), "resolvers/adapters/s3_store.py", "get_object("
    ),
    ("s3:DeleteObject", "ReadAndDeleteBackups"): (
        frozenset({API}), "resolvers/adapters/s3_store.py", "delete_object("
    ),
    ("s3:ListBucket", "ListBackups"): (
        frozenset({API}), "resolvers/adapters/s3_store.py", '"list_objects_v2"'
    ),
    ("s3:GetObject", "WriteAndReadBackups"): (
        frozenset({WORKER}), "resolvers/adapters/s3_store.py", "get_object("
    ),
    ("s3:PutObject", "WriteAndReadBackups"): (
        frozenset({WORKER}), "resolvers/adapters/s3_store.py", "upload_part("
    ),
    ("s3:AbortMultipartUpload", "WriteAndReadBackups"): (
        frozenset({WORKER}), "resolvers/adapters/s3_store.py", "abort_multipart_upload("
    ),
    ("s3:GetObject", "ReadAndDeleteUnloadedParts"): (
        frozenset({WORKER}), "resolvers/adapters/redshift_unload.py", ".download_file("
    ),
    ("s3:DeleteObject", "ReadAndDeleteUnloadedParts"): (
        frozenset({WORKER}), "resolvers/adapters/redshift_unload.py", "delete_objects("
    ),
    ("s3:ListBucket", "ListBackupsAndParts"): (
        frozenset({WORKER}), "resolvers/adapters/redshift_unload.py", '"list_objects_v2"'
    ),
    ("dynamodb:GetItem", "KeepJobState"): (
        BOTH, "resolvers/adapters/dynamodb_jobs.py", "get_item("
    ),
    ("dynamodb:PutItem", "KeepJobState"): (
        BOTH, "resolvers/adapters/dynamodb_jobs.py", "put_item("
    ),
    # backupJobs lists jobs: a request, never a job.
    ("dynamodb:Query", "KeepJobState"): (
        frozenset({API}), "resolvers/adapters/dynamodb_jobs.py", "get_paginator(\"query\")"
    ),
    ("lambda:InvokeFunction", "StartJobWorkers"): (
        frozenset({API}), "resolvers/adapters/lambda_launcher.py", ".invoke("
    ),
    # Only the worker has HRGRAPH_APPSYNC_URL (test_the_api_publishes_nothing below).
    ("appsync:GraphQL", "PublishJobChanges"): (
        frozenset({WORKER}), "resolvers/adapters/appsync_events.py", "SigV4Auth("
    ),
    # Imports: the API presigns the upload's PUT and the rejects' GET, and checks the upload
    # (HeadObject needs GetObject); the worker reads the header row and places the rejects.
    ("s3:PutObject", "UploadsToImport"): (
        frozenset({API}), "resolvers/adapters/s3_store.py", '"put_object"'
    ),
    ("s3:GetObject", "UploadsToImport"): (
        frozenset({API}), "resolvers/adapters/s3_store.py", "head_object("
    ),
    ("s3:GetObject", "ReadUploadsAndPlaceRejects"): (
        frozenset({WORKER}), "resolvers/adapters/s3_store.py", 'Range=f"bytes='
    ),
    ("s3:PutObject", "ReadUploadsAndPlaceRejects"): (
        frozenset({WORKER}), "resolvers/adapters/redshift_import.py", "copy_object("
    ),
    ("s3:DeleteObject", "ReadUploadsAndPlaceRejects"): (
        frozenset({WORKER}), "resolvers/adapters/redshift_import.py", "delete_object("
    ),
}  # fmt: skip


def role_statements(config: dict[str, Any], function: str) -> list[dict[str, Any]]:
    properties = config["resources"]["Resources"][ROLES[function]]["Properties"]
    (policy,) = properties["Policies"]
    statements: list[dict[str, Any]] = policy["PolicyDocument"]["Statement"]
    return statements


def actions(statement: dict[str, Any]) -> list[str]:
    found = statement["Action"]
    return [found] if isinstance(found, str) else list(found)


def test_each_role_holds_exactly_what_its_functions_code_calls(
    serverless_config: dict[str, Any],
) -> None:
    for function in (API, WORKER):
        held = {
            (action, statement["Sid"])
            for statement in role_statements(serverless_config, function)
            for action in actions(statement)
        }
        needed = {key for key, (who, _, _) in CALLS.items() if function in who}
        assert held == needed, function
        assert all(s["Effect"] == "Allow" for s in role_statements(serverless_config, function))


def test_every_call_the_table_names_is_in_the_code() -> None:
    for (action, _), (_, module, call) in CALLS.items():
        if module:
            assert call in (ROOT / module).read_text(), f"{action}: {module} has no {call}"


def test_the_internet_facing_function_cannot_write_backups_or_publish() -> None:
    # Its one PutObject signs import uploads, and holds for uploads/* only (serverless.yml).
    api = {
        action
        for (action, sid), (who, _, _) in CALLS.items()
        if API in who and sid != "UploadsToImport"
    }
    assert not api & {"s3:PutObject", "appsync:GraphQL"}
    worker = {action for (action, _), (who, _, _) in CALLS.items() if WORKER in who}
    assert not worker & {"bedrock:InvokeModel", "lambda:InvokeFunction", "dynamodb:Query"}


def test_the_api_publishes_nothing(serverless_config: dict[str, Any]) -> None:
    """Job changes are published by the worker alone (wiring: HRGRAPH_APPSYNC_URL)."""
    assert "HRGRAPH_APPSYNC_URL" not in serverless_config["provider"]["environment"]
    assert "HRGRAPH_APPSYNC_URL" in serverless_config["functions"]["worker"]["environment"]


def test_each_function_runs_as_its_own_role(serverless_config: dict[str, Any]) -> None:
    assert "iam" not in serverless_config["provider"]  # no shared role
    for function, role in ROLES.items():
        assert serverless_config["functions"][function]["role"] == role


def test_the_rendered_stack_gives_each_function_its_role(packaged: Path) -> None:  # noqa: F811
    template = json.loads((packaged / "cloudformation-template-update-stack.json").read_text())
    resources = template["Resources"]
    roles = {name for name, r in resources.items() if r["Type"] == "AWS::IAM::Role"}
    functions = {
        r["Properties"]["Handler"]: r["Properties"]["Role"]
        for r in resources.values()
        if r["Type"] == "AWS::Lambda::Function"
    }
    assert functions == {
        "resolvers/handler.handler": {"Fn::GetAtt": ["ApiRole", "Arn"]},
        "resolvers/worker.handler": {"Fn::GetAtt": ["WorkerRole", "Arn"]},
    }
    assert "IamRoleLambdaExecution" not in roles
