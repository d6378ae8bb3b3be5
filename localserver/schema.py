"""The schema the local server serves: schema.graphql itself, with AppSync's built-ins and
scalar rules, and AppSync's depth limit as a graphql-core middleware."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    build_schema,
    print_schema,
)

import hrgraph_contract
from localserver import aws_scalars
from localserver.binding import FieldError


def _serialize_json(value: Any) -> str:
    """AWSJSON travels as a JSON string, whether the resolver returned text or data."""
    return value if isinstance(value, str) else json.dumps(value)


def sdl() -> str:
    """schema.graphql as AppSync gets it (read from the contract package)."""
    return hrgraph_contract.sdl()


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


def printed_contract() -> str:
    """The contract as printed by graphql-core (what both doors must serve)."""
    return print_schema(appsync_schema())


def document_depth(document: DocumentNode) -> int:
    """How many field levels deep the document's operations go, through fragments."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }

    def depth(selection: SelectionSetNode | None, seen: frozenset[str]) -> int:
        deepest = 0
        for node in selection.selections if selection else ():
            if isinstance(node, FieldNode):
                deepest = max(deepest, 1 + depth(node.selection_set, seen))
            elif isinstance(node, InlineFragmentNode):
                deepest = max(deepest, depth(node.selection_set, seen))
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                fragment = fragments.get(node.name.value)
                if fragment is not None:
                    inner = depth(fragment.selection_set, seen | {node.name.value})
                    deepest = max(deepest, inner)
        return deepest

    return max(
        (
            depth(d.selection_set, frozenset())
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode)
        ),
        default=0,
    )


class DepthLimit:
    """graphql-core middleware: a field past ``queryDepthLimit`` answers AppSync's
    QueryDepthLimitReached, the rest run. Used only for a document that goes that deep."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def resolve(
        self, next_: Any, source: Any, info: GraphQLResolveInfo[Any], /, **args: Any
    ) -> Any:
        depth, path = 0, info.path
        while path is not None:
            depth += isinstance(path.key, str)
            path = path.prev  # type: ignore[assignment]
        if depth > self.limit:
            raise FieldError(
                "QueryDepthLimitReached",
                f"Query depth limit reached: this API allows {self.limit} nested levels",
            )
        return next_(source, info, **args)
