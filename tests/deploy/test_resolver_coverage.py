"""Every field of the contract resolves in AWS: schema.graphql, serverless.yml and the
handler's routes name the same fields, and the batched ones agree everywhere.

A field in the schema without a resolver in AppSync answers null without a word; a
resolver without a route answers InternalFailure. Both would only show in AWS.
"""

from __future__ import annotations

import re
from typing import Any

from graphql import GraphQLObjectType

from localserver.binding import routed_fields
from localserver.schema import appsync_schema
from resolvers.handler import app
from tests.deploy.conftest import ROOT

ROOT_TYPES = ("Query", "Mutation", "Subscription")

# Fields the schema declares whose routes are still being built. When a route lands, this
# test fails until its name leaves this set.
PENDING_ROUTES: set[str] = set()


def schema_fields(type_name: str) -> set[str]:
    graphql_type = appsync_schema().type_map[type_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    return {f"{type_name}.{name}" for name in graphql_type.fields}


def root_fields() -> set[str]:
    return set().union(*(schema_fields(name) for name in ROOT_TYPES))


def handler_routes() -> set[str]:
    single, batch = routed_fields(app)
    return single | batch


def test_every_root_field_has_an_appsync_resolver(
    appsync_resolvers: dict[str, dict[str, Any]],
) -> None:
    missing = root_fields() - set(appsync_resolvers)
    assert not missing, f"add these to appSync.resolvers in serverless.yml: {sorted(missing)}"


def test_every_appsync_resolver_names_a_schema_field(
    appsync_resolvers: dict[str, dict[str, Any]],
) -> None:
    object_types = {
        name for name, t in appsync_schema().type_map.items() if isinstance(t, GraphQLObjectType)
    }
    for key in appsync_resolvers:
        type_name = key.partition(".")[0]
        assert type_name in object_types, f"{key}: schema.graphql has no type {type_name}"
        assert key in schema_fields(type_name), f"{key} is not a field of schema.graphql"


def test_every_appsync_resolver_has_a_route_in_the_handler(
    appsync_resolvers: dict[str, dict[str, Any]],
) -> None:
    unrouted = set(appsync_resolvers) - handler_routes()
    assert unrouted == PENDING_ROUTES, (
        f"resolvers without a handler route: {sorted(unrouted - PENDING_ROUTES)}; "
        f"routes that landed (remove from PENDING_ROUTES): {sorted(PENDING_ROUTES - unrouted)}"
    )


def test_every_route_in_the_handler_has_an_appsync_resolver(
    appsync_resolvers: dict[str, dict[str, Any]],
) -> None:
    extra = handler_routes() - set(appsync_resolvers)
    assert not extra, f"routes AppSync would never call (add resolvers): {sorted(extra)}"


def test_batched_fields_agree_across_handler_serverless_and_the_js_resolver(
    appsync_resolvers: dict[str, dict[str, Any]],
) -> None:
    _, batch_routes = routed_fields(app)
    with_batch_size = {key for key, spec in appsync_resolvers.items() if "maxBatchSize" in spec}
    js = (ROOT / "resolvers" / "appsync" / "lambda_resolver.js").read_text()
    batched_line = next(line for line in js.splitlines() if line.startswith("const BATCHED"))
    in_js = set(re.findall(r"'([A-Za-z]+\.[A-Za-z]+)'", batched_line))
    assert batch_routes == with_batch_size == in_js
    assert batch_routes >= {"Employee.department", "Employee.job"}


def test_every_resolver_runs_the_one_js_file_on_the_lambda(
    serverless_config: dict[str, Any], appsync_resolvers: dict[str, dict[str, Any]]
) -> None:
    (lambda_source,) = serverless_config["appSync"]["dataSources"]
    for key, spec in appsync_resolvers.items():
        assert spec["kind"] == "UNIT", key
        assert spec["dataSource"] == lambda_source, key
        assert spec["code"] == "resolvers/appsync/lambda_resolver.js", key
