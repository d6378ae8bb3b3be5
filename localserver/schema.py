"""The schema the local server serves: schema.graphql itself, not a second copy in code.

Strawberry is code-first, but its HTTP, GraphiQL and graphql-ws machinery run
any graphql-core schema; ``SdlSchema`` hands it the one built from the AppSync
SDL, so the contract cannot drift between AWS and the laptop.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import cache
from typing import Any

import strawberry
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    build_schema,
    print_schema,
)
from graphql.pyutils import Path as ResponsePath
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
from strawberry.extensions import AddValidationRules, SchemaExtension
from strawberry.types import ExecutionContext

import hrgraph_contract
from localserver import aws_scalars
from localserver.documents import DocumentCache, OffLoopDocuments
from localserver.fast_leaf_lists import FastLeafListsExecutionContext
from localserver.fast_variables import FastVariablesExecutionContext
from localserver.limits import Limits

logger = logging.getLogger("hrgraph.localserver")


def _serialize_json(value: Any) -> str:
    """AWSJSON travels as a JSON string, whether the resolver returned text or data."""
    return value if isinstance(value, str) else json.dumps(value)


def sdl() -> str:
    """schema.graphql as AppSync gets it (read from the contract package)."""
    return hrgraph_contract.sdl()


@cache
def appsync_schema() -> GraphQLSchema:
    """schema.graphql with AppSync's built-ins declared, as graphql-core sees it."""
    schema = build_schema(hrgraph_contract.full_sdl())
    aws_json = schema.type_map["AWSJSON"]
    assert isinstance(aws_json, GraphQLScalarType)
    aws_json.serialize = _serialize_json  # type: ignore[method-assign]
    aws_scalars.install(schema)
    return schema


def printed_contract() -> str:
    """The contract as printed by graphql-core (what both doors must serve)."""
    return print_schema(appsync_schema())


@strawberry.type
class _Unused:
    """Strawberry insists on a code-first query type; it is replaced at once."""

    ok: bool = True


def selection_depth(
    selection: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode]
) -> int:
    """How many field levels deep a selection goes, through fragments (each spread once)."""
    if selection is None:
        return 0
    deepest = 0
    for node in selection.selections:
        if isinstance(node, FieldNode):
            deepest = max(deepest, 1 + selection_depth(node.selection_set, fragments))
        elif isinstance(node, InlineFragmentNode):
            deepest = max(deepest, selection_depth(node.selection_set, fragments))
        elif isinstance(node, FragmentSpreadNode):
            fragment = fragments.pop(node.name.value, None)
            if fragment is not None:
                deepest = max(deepest, selection_depth(fragment.selection_set, fragments))
    return deepest


def _field_depth(path: ResponsePath | None) -> int:
    depth = 0
    while path is not None:
        if isinstance(path.key, str):
            depth += 1
        path = path.prev
    return depth


class BatchExecutionContext(FastVariablesExecutionContext, FastLeafListsExecutionContext):
    """graphql-core's executor with the fast paths for a batch's rows in and its ids out."""


class LimitedExecutionContext(BatchExecutionContext):
    """Fields past ``queryDepthLimit`` answer AppSync's QueryDepthLimitReached, the rest run.

    The document's depth is measured once when execution is built; only an
    operation that goes too deep pays for a per-field check.
    """

    query_depth_limit: int | None = None

    @classmethod
    def build(cls, schema: GraphQLSchema, document: Any, *args: Any, **kwargs: Any) -> Any:
        built = super().build(schema, document, *args, **kwargs)
        limit = cls.query_depth_limit
        if limit is None or isinstance(built, list):
            return built
        operation = built.operation
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        if selection_depth(operation.selection_set, fragments) > limit:
            built.execute_field = built._depth_checked_execute_field
        return built

    def _depth_checked_execute_field(
        self, parent_type: Any, source: Any, field_details_list: Any, path: Any, *rest: Any
    ) -> Any:
        limit = self.query_depth_limit
        if limit is not None and _field_depth(path) > limit:
            field = self.schema.get_field(parent_type, field_details_list[0].node.name.value)
            if field is not None:
                error = QueryDepthExceeded(limit)
                self.handle_field_error(error, field.type, field_details_list, path)
            return None
        return super().execute_field(parent_type, source, field_details_list, path, *rest)


class QueryDepthExceeded(Exception):
    """AppSync's answer for a field deeper than the API's queryDepthLimit."""

    error_type = "QueryDepthLimitReached"

    def __init__(self, limit: int) -> None:
        self.message = f"Query depth limit reached: this API allows {limit} nested levels"
        self.info = None
        super().__init__(self.message)


class SdlSchema(strawberry.Schema):
    """A strawberry Schema whose executable schema is built from SDL."""

    def __init__(self, graphql_schema: GraphQLSchema, limits: Limits | None = None) -> None:
        context_class: type[BatchExecutionContext] = BatchExecutionContext
        documents = DocumentCache(maxsize=256)
        # Factories: strawberry builds each request its own extensions.
        extensions: list[Callable[[], SchemaExtension]] = [lambda: OffLoopDocuments(documents)]
        if limits is not None:
            context_class = type(
                "AppSyncLimitedExecutionContext",
                (LimitedExecutionContext,),
                {"query_depth_limit": limits.query_depth},
            )
            if not limits.introspection:
                no_introspection: list[type[ASTValidationRule]] = [NoSchemaIntrospectionCustomRule]
                extensions.insert(0, lambda: AddValidationRules(no_introspection))
        super().__init__(
            query=_Unused,
            execution_context_class=context_class,
            extensions=extensions,
        )
        self._schema = graphql_schema
        self._schema._strawberry_schema = self  # type: ignore[attr-defined]

    def as_str(self) -> str:
        return print_schema(self._schema)

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Refusals the API meant (an errorType) are logged in one line; the rest in full."""
        for error in errors:
            if getattr(error.original_error, "error_type", None) or error.original_error is None:
                logger.info("graphql error: %s", error.message)
            else:
                logger.error("unexpected error", exc_info=error.original_error)
