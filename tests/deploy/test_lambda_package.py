"""The Lambda package holds what the handler needs and nothing a laptop brings.

The handler is imported in a fresh virtual environment that holds requirements/lambda.txt
alone (installed with --no-deps, as the zip is: boto3 and botocore included), from a copy
of resolvers/ and sql/ alone: if any module on the way imports DuckDB, pyarrow,
strawberry or another dev dependency, this fails here rather than in AWS.
"""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.deploy.conftest import lambda_package

# Modules that exist for the laptop only: the composition root imports them when chosen.
LOCAL_ONLY = {
    "resolvers.adapters.duckdb_warehouse",
    "resolvers.adapters.duckdb_import",  # the DuckDB half of imports, used by the one above
    # The public test doubles (the fake Data API runs its SQL on DuckDB).
    "resolvers.adapters.fakes.redshift_data",
    "resolvers.adapters.fakes.redshift_engine",
}

PROBE = r"""
import importlib, json, pkgutil, sys
import aws_xray_sdk  # the Tracer's dependency must be declared, not found by luck
from resolvers.handler import handler

class Context:
    function_name = "hrgraph"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:hrgraph"
    aws_request_id = "probe"

    def get_remaining_time_in_millis(self):
        return 29000

event = {
    "arguments": {},
    "identity": {"username": "ada", "groups": ["Viewers"], "claims": {}},
    "source": None,
    "info": {"fieldName": "me", "parentTypeName": "Query", "variables": {},
             "selectionSetList": ["username", "groups"], "selectionSetGraphQL": ""},
    "request": {"headers": {"x-amzn-trace-id": "Root=1-probe"}},
    "prev": None,
    "stash": {},
}
answer = handler(event, Context())
failures = {}
import resolvers
for module in pkgutil.walk_packages(resolvers.__path__, "resolvers."):
    if module.name in set(sys.argv[1:]):
        continue
    try:
        importlib.import_module(module.name)
    except Exception as error:
        failures[module.name] = repr(error)
print(json.dumps({"answer": answer, "failures": failures}))
"""


@pytest.mark.slow
def test_the_handler_answers_with_only_the_lambda_requirements(
    lambda_python: Path, tmp_path: Path
) -> None:
    # Exactly the code the Lambda zip holds (its dependencies come from the venv).
    no_deps = tmp_path / "no-deps"
    no_deps.mkdir()
    lambda_package.build_zip(tmp_path / "code.zip", no_deps)
    task_root = tmp_path / "task"
    zipfile.ZipFile(tmp_path / "code.zip").extractall(task_root)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "HRGRAPH_WAREHOUSE": "redshift",
        "HRGRAPH_REDSHIFT_WORKGROUP": "nowhere",
        "HRGRAPH_DATA_DIR": str(tmp_path / "data"),
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "POWERTOOLS_SERVICE_NAME": "hrgraph",
    }

    done = subprocess.run(
        [str(lambda_python), "-s", "-E", "-c", PROBE, *sorted(LOCAL_ONLY)],
        cwd=task_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["answer"] == {"username": "ada", "groups": ["Viewers"]}
    assert result["failures"] == {}, "modules that need more than lambda.txt"


def test_test_doubles_stay_out_of_the_zip(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for name in ("resolvers/handler.py", "resolvers/adapters/fakes/engine.py", "sql/a.sql"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text("")
    deps = tmp_path / "deps"
    deps.mkdir()

    names = lambda_package.build_zip(tmp_path / "lambda.zip", deps, root=project)

    assert sorted(names) == ["resolvers/handler.py", "sql/a.sql"]


def test_the_zip_holds_code_and_dependencies_only(tmp_path: Path) -> None:
    deps = tmp_path / "deps"
    (deps / "fastavro").mkdir(parents=True)
    (deps / "fastavro" / "__init__.py").write_text("")
    (deps / "fastavro" / "__pycache__").mkdir()
    (deps / "fastavro" / "__pycache__" / "x.cpython-312.pyc").write_bytes(b"")
    (deps / "bin").mkdir()
    (deps / "bin" / "fastavro").write_text("#!/bin/sh")
    output = tmp_path / "lambda.zip"

    lambda_package.build_zip(output, deps)

    names = zipfile.ZipFile(output).namelist()
    tops = {name.split("/")[0] for name in names}
    assert tops == {"resolvers", "sql", "fastavro"}
    assert "resolvers/handler.py" in names
    assert any(name.startswith("sql/ddl/") for name in names)
    assert not [n for n in names if "__pycache__" in n or n.startswith("resolvers/appsync/")]


def test_the_zip_is_the_same_for_the_same_inputs(tmp_path: Path) -> None:
    deps = tmp_path / "deps"
    deps.mkdir()
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"

    lambda_package.build_zip(first, deps)
    lambda_package.build_zip(second, deps)

    assert first.read_bytes() == second.read_bytes()


def test_the_zip_keeps_the_botocore_models_of_the_services_it_calls(tmp_path: Path) -> None:
    deps = tmp_path / "deps"
    for name in (
        "botocore/data/endpoints.json",
        "botocore/data/redshift-data/2019-12-20/service-2.json.gz",
        "botocore/data/ec2/2016-11-15/service-2.json.gz",
        "botocore/client.py",
    ):
        (deps / name).parent.mkdir(parents=True, exist_ok=True)
        (deps / name).write_text("{}")

    names = lambda_package.build_zip(tmp_path / "lambda.zip", deps)

    kept = sorted(n for n in names if n.startswith("botocore/"))
    assert kept == [
        "botocore/client.py",
        "botocore/data/endpoints.json",
        "botocore/data/redshift-data/2019-12-20/service-2.json.gz",
    ]
