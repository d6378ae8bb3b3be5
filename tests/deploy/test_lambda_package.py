"""The Lambda package holds what the handler needs and nothing a laptop brings.

The handler is imported in a fresh virtual environment that holds requirements/lambda.txt
alone (installed with --no-deps, as the zip is: boto3 and botocore included), from a copy
of hrgraph_contract/ and resolvers/ (with its sql/) alone: if any module on the way imports
DuckDB, pyarrow, strawberry or another dev dependency, this fails here rather than in AWS.
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


def test_test_doubles_are_not_in_the_lambda_source_tree(tmp_path: Path) -> None:
    """The fakes live in hrgraph_testing/, beside the code the zip takes, not inside it.

    The zip once kept them out only by a directory name; now no rule is needed (and
    import-linter holds that resolvers/ never imports hrgraph_testing).
    """
    deps = tmp_path / "deps"
    deps.mkdir()

    names = lambda_package.build_zip(tmp_path / "lambda.zip", deps)

    assert not [n for n in names if n.startswith("hrgraph_testing/") or "/fakes/" in n]
    assert not (lambda_package.ROOT / "resolvers" / "adapters" / "fakes").exists()


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
    assert tops == {"hrgraph_contract", "resolvers", "fastavro"}
    assert "hrgraph_contract/__init__.py" in names  # core imports the shared enums
    assert "resolvers/handler.py" in names
    assert any(name.startswith("resolvers/sql/ddl/") for name in names)
    assert not [n for n in names if "__pycache__" in n or n.startswith("resolvers/appsync/")]


def test_the_zip_is_the_same_for_the_same_inputs(tmp_path: Path) -> None:
    deps = tmp_path / "deps"
    deps.mkdir()
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"

    python = lambda_package.find_target_python()
    lambda_package.build_zip(first, deps, python=python)
    lambda_package.build_zip(second, deps, python=python)

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


def test_the_zip_carries_bytecode_the_runtimes_python_uses_as_is(tmp_path: Path) -> None:
    """/var/task is read-only: without bytecode in the zip, every cold start compiles again."""
    python = lambda_package.find_target_python()
    assert python is not None, "a CPython 3.12 (the Lambda runtime's) is needed to build the zip"
    deps = tmp_path / "deps"
    (deps / "fastavro").mkdir(parents=True)
    (deps / "fastavro" / "__init__.py").write_text("VALUE = 1\n")
    output = tmp_path / "lambda.zip"

    names = lambda_package.build_zip(output, deps, python=python)

    modules = [n for n in names if n.endswith(".py")]
    compiled = {n for n in names if n.endswith(".pyc")}
    for module in modules:
        folder, _, file = module.rpartition("/")
        assert f"{folder}/__pycache__/{file[:-3]}.cpython-312.pyc" in compiled, module
    probe = (
        "import importlib.util, marshal, sys, zipfile\n"
        "pyc = zipfile.ZipFile(sys.argv[1]).read('resolvers/__pycache__/handler.cpython-312.pyc')\n"
        "print(pyc[:4] == importlib.util.MAGIC_NUMBER, int.from_bytes(pyc[4:8], 'little'),\n"
        "      marshal.loads(pyc[16:]).co_filename)\n"
    )
    done = subprocess.run(
        [str(python), "-c", probe, str(output)], capture_output=True, text=True, check=True
    )
    # The runtime's magic number; flags 1: hash-based and never checked against the source,
    # whose timestamps the zip fixes; tracebacks name the files where Lambda puts them.
    assert done.stdout.split() == ["True", "1", "/var/task/resolvers/handler.py"]
