"""CloudFormation that AWS would accept: cfn-lint over infra/ and over what
`serverless package` (osls, offline, dummy credentials) renders from serverless.yml."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from hrgraph_contract.settings import Settings
from tests.deploy.conftest import ROOT, lambda_package

CFN_LINT = Path(sys.executable).with_name("cfn-lint")
SERVERLESS = ROOT / "node_modules" / ".bin" / "serverless"
OFFLINE_AWS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
    "SLS_TELEMETRY_DISABLED": "1",
    "SLS_NOTIFICATIONS_MODE": "off",
}


def cfn_lint(*templates: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CFN_LINT), *map(str, templates)], capture_output=True, text=True, timeout=300
    )


def test_every_infra_template_is_lint_clean() -> None:
    templates = sorted((ROOT / "infra").glob("*.yml"))
    assert {t.name for t in templates} >= {"redshift.yml", "streamlit.yml"}

    linted = cfn_lint(*templates)

    assert linted.returncode == 0, linted.stdout + linted.stderr


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`serverless package` into a temporary folder, with a code-only Lambda zip."""
    if not SERVERLESS.exists() or shutil.which("node") is None:
        pytest.skip("node_modules is not installed (make package / make test run npm ci)")
    out = tmp_path_factory.mktemp("serverless")
    artifact = out / "hrgraph-lambda.zip"
    empty = out / "no-deps"
    empty.mkdir()
    lambda_package.build_zip(artifact, empty)
    done = subprocess.run(
        [
            *(str(SERVERLESS), "package", "--stage", "ci", "--region", "us-east-1"),
            *("--package", str(out / "package"), "--param", f"lambdaArtifact={artifact}"),
        ],
        cwd=ROOT,
        env={**os.environ, **OFFLINE_AWS},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / "package"


def test_serverless_package_renders_lint_clean_cloudformation(packaged: Path) -> None:
    templates = sorted(packaged.glob("cloudformation-template-*.json"))
    assert len(templates) == 2

    linted = cfn_lint(*templates)

    assert linted.returncode == 0, linted.stdout + linted.stderr


def _iam_root_fields(sdl: str) -> set[str]:
    from graphql import ObjectTypeDefinitionNode, parse

    found: set[str] = set()
    for node in parse(sdl).definitions:
        if isinstance(node, ObjectTypeDefinitionNode) and node.name.value in (
            "Query",
            "Mutation",
            "Subscription",
        ):
            for field in node.fields or ():
                if any(d.name.value == "aws_iam" for d in field.directives or ()):
                    found.add(f"{node.name.value}.{field.name.value}")
    return found


def test_the_rendered_stack_holds_the_service(packaged: Path) -> None:
    template = json.loads((packaged / "cloudformation-template-update-stack.json").read_text())
    resources = template["Resources"]
    kinds = Counter(resource["Type"] for resource in resources.values())
    function = next(r for r in resources.values() if r["Type"] == "AWS::Lambda::Function")
    schema = next(r for r in resources.values() if r["Type"] == "AWS::AppSync::GraphQLSchema")
    api = next(r for r in resources.values() if r["Type"] == "AWS::AppSync::GraphQLApi")

    assert kinds["AWS::Cognito::UserPoolGroup"] == 3
    assert function["Properties"]["Runtime"] == "python3.12"
    assert function["Properties"]["Architectures"] == ["arm64"]
    assert function["Properties"]["TracingConfig"] == {"Mode": "Active"}
    assert (
        schema["Properties"]["Definition"]
        == (ROOT / "hrgraph_contract" / "schema.graphql").read_text()
    )
    assert api["Properties"]["AuthenticationType"] == "AMAZON_COGNITO_USER_POOLS"
    assert api["Properties"]["XrayEnabled"] is True
    # Multi-auth, so the schema's @aws_cognito_user_pools group rules apply; IAM reaches one
    # root field, the job worker's publishBackupJob.
    assert api["Properties"]["AdditionalAuthenticationProviders"] == [
        {"AuthenticationType": "AWS_IAM"}
    ]
    assert _iam_root_fields(schema["Properties"]["Definition"]) == {"Mutation.publishBackupJob"}
    # The worker: an async invocation that Lambda never retries, and its jobs table.
    (invoke_config,) = (
        r for r in resources.values() if r["Type"] == "AWS::Lambda::EventInvokeConfig"
    )
    assert invoke_config["Properties"]["MaximumRetryAttempts"] == 0
    assert invoke_config["Properties"]["MaximumEventAgeInSeconds"] < Settings().job_deadline_seconds
    assert kinds["AWS::Lambda::Function"] == 2
    assert kinds["AWS::DynamoDB::Table"] == 1
    for resolver in (r for r in resources.values() if r["Type"] == "AWS::AppSync::Resolver"):
        assert resolver["Properties"]["Runtime"] == {
            "Name": "APPSYNC_JS",
            "RuntimeVersion": "1.0.0",
        }


def test_the_web_app_is_served_over_https_only() -> None:
    """People type passwords into the web app: no plain-HTTP mode, not even by default."""
    from cfnlint.decode import cfn_yaml

    template = cfn_yaml.load(str(ROOT / "infra" / "streamlit.yml"))
    certificate = template["Parameters"]["CertificateArn"]
    assert "Default" not in certificate and certificate["AllowedPattern"].startswith("arn:")
    listeners = {
        name: resource
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::ElasticLoadBalancingV2::Listener"
    }
    assert not [name for name, resource in listeners.items() if "Condition" in resource]
    for resource in listeners.values():
        properties = resource["Properties"]
        if properties["Protocol"] == "HTTP":
            assert [a["Type"] for a in properties["DefaultActions"]] == ["redirect"]
            assert properties["DefaultActions"][0]["RedirectConfig"]["Protocol"] == "HTTPS"
    assert {r["Properties"]["Protocol"] for r in listeners.values()} == {"HTTP", "HTTPS"}
