"""The schema the local server serves: schema.graphql itself, with AppSync's built-ins and
scalar rules, and AppSync's depth limit as a graphql-core middleware."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from graphql import (
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    build_schema,
)

import hrgraph_contract
from localserver import aws_scalars
from localserver.binding import FieldError


def _serialize_json(value: Any) -> str:
    """AWSJSON travels as a JSON string, whether the resolver returned text or data."""
    return value if isinstance(value, str) else json.dumps(value)


def build_appsync_schema() -> GraphQLSchema:
    """schema.graphql with AppSync's built-ins declared and its scalars' rules, as
    graphql-core sees it: a fresh one, for one server to bind its resolvers to."""
    schema = build_schema(hrgraph_contract.full_sdl())
    aws_json = schema.type_map["AWSJSON"]
    assert isinstance(aws_json, GraphQLScalarType)
    aws_json.serialize = _serialize_json  # type: ignore[method-assign]
    aws_scalars.install(schema)
    return schema


appsync_schema = cache(build_appsync_schema)
"""The contract's schema, built once (to read, never to bind)."""


class DepthLimit:
    """graphql-core middleware: a field past ``queryDepthLimit`` answers AppSync's
    QueryDepthLimitReached, the rest run. Used only for a document that goes that deep."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def resolve(
        self, next_: Any, source: Any, info: GraphQLResolveInfo[Any], /, **args: Any
    ) -> Any:
        if sum(isinstance(key, str) for key in info.path.as_list()) > self.limit:
            raise FieldError(
                "QueryDepthLimitReached",
                f"Query depth limit reached: this API allows {self.limit} nested levels",
            )
        return next_(source, info, **args)
