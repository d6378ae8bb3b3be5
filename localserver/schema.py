"""The schema the local server serves: schema.graphql itself, not a second copy in code.

Strawberry is code-first, but its HTTP, GraphiQL and graphql-ws machinery run
any graphql-core schema; ``SdlSchema`` hands it the one built from the AppSync
SDL, so the contract cannot drift between AWS and the laptop.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLScalarType, GraphQLSchema, build_schema, print_schema
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.types import ExecutionContext

from localserver.fast_variables import FastVariablesExecutionContext
from localserver.operation_choice import RequireOperationName

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schema.graphql"
PRELUDE_PATH = Path(__file__).with_name("appsync_prelude.graphql")
logger = logging.getLogger("hrgraph.localserver")


def _serialize_json(value: Any) -> str:
    """AWSJSON travels as a JSON string, whether the resolver returned text or data."""
    return value if isinstance(value, str) else json.dumps(value)


def _parse_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def sdl() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


@cache
def appsync_schema() -> GraphQLSchema:
    """schema.graphql with AppSync's built-ins declared, as graphql-core sees it."""
    schema = build_schema(PRELUDE_PATH.read_text(encoding="utf-8") + "\n" + sdl())
    aws_json = schema.type_map["AWSJSON"]
    assert isinstance(aws_json, GraphQLScalarType)
    aws_json.serialize = _serialize_json  # type: ignore[method-assign]
    aws_json.parse_value = _parse_json  # type: ignore[method-assign]
    return schema


def printed_contract() -> str:
    """The contract as printed by graphql-core (what both doors must serve)."""
    return print_schema(appsync_schema())


@strawberry.type
class _Unused:
    """Strawberry insists on a code-first query type; it is replaced at once."""

    ok: bool = True


class SdlSchema(strawberry.Schema):
    """A strawberry Schema whose executable schema is built from SDL."""

    def __init__(self, graphql_schema: GraphQLSchema) -> None:
        super().__init__(
            query=_Unused,
            execution_context_class=FastVariablesExecutionContext,
            # Clients send the same few documents again and again: parse and validate once.
            # (strawberry documents instances here; its type hints only name classes)
            # RequireOperationName after ValidationCache: it adds to the errors that one sets.
            extensions=[
                ParserCache(maxsize=256),  # type: ignore[list-item]
                ValidationCache(maxsize=256),  # type: ignore[list-item]
                RequireOperationName,
            ],
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
