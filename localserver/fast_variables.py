"""Coercing big batches of flat input rows without graphql-core's generic walk.

Why this exists: for ``insertEmployees`` with 1000 rows, graphql-core spends
about 20 ms coercing the ``rows`` variable (and re-walking it for nesting
depth) — more than the handler, validation and DuckDB together. AppSync does
this work in the cloud; locally it would dominate every load.

The fast path covers one shape only: a list of input objects whose fields are
all nullable built-in scalars (String, ID, Int) without defaults — our insert
inputs. For anything else, and for any value it would not accept as is, it
steps aside and graphql-core coerces (and words the error) itself. A test holds
its results equal to graphql-core's.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    GraphQLID,
    GraphQLInputObjectType,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    GraphQLString,
    Undefined,
)
from graphql.utilities import get_operation_ast, type_from_ast
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

MIN_ROWS = 32
"""Below this, graphql-core's own coercion is cheap enough."""

_INT_RANGE = range(-(2**31), 2**31)


class _StepAside(Exception):
    """The value is not one the fast path coerces: graphql-core takes over."""


def _coerce_scalar(scalar: Any, value: Any) -> Any:
    if value is None:
        return None
    if scalar is GraphQLString and type(value) is str:
        return value
    if scalar is GraphQLID:
        if type(value) is str:
            return value
        if type(value) is int:
            return str(value)
    if scalar is GraphQLInt and type(value) is int and value in _INT_RANGE:
        return value
    raise _StepAside


def _flat_row_type(type_: Any) -> GraphQLInputObjectType | None:
    """The input object of ``[Row]`` / ``[Row]!`` when every field is a nullable plain scalar."""
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if not isinstance(type_, GraphQLList) or not isinstance(type_.of_type, GraphQLInputObjectType):
        return None
    row = type_.of_type
    for field in row.fields.values():
        if field.type not in (GraphQLString, GraphQLID, GraphQLInt):
            return None
        if field.default_value is not Undefined or field.out_name is not None:
            return None
    return row


def coerce_rows(type_: Any, value: Any) -> list[Any] | None:
    """graphql-core's coercion of ``value`` to ``type_``, or None to let graphql-core do it."""
    row = _flat_row_type(type_)
    if row is None or not isinstance(value, list) or len(value) < MIN_ROWS:
        return None
    if _already_coerced(row, value):
        return value
    fields = row.fields
    coerced: list[Any] = []
    try:
        for item in value:
            if item is None:
                coerced.append(None)
                continue
            if type(item) is not dict or not fields.keys() >= item.keys():
                return None
            coerced.append({k: _coerce_scalar(fields[k].type, v) for k, v in item.items()})
    except _StepAside:
        return None
    return coerced


def _already_coerced(row: GraphQLInputObjectType, rows: list[Any]) -> bool:
    """Whether every row holds only strings in String or ID fields, which coercion keeps as
    they are: the usual batch, as a CSV load sends it. Its rows are then used as sent, not
    copied (nothing downstream changes them; the copies cost more than the checks)."""
    textual = {
        name for name, field in row.fields.items() if field.type in (GraphQLString, GraphQLID)
    }
    for item in rows:
        if type(item) is not dict or not textual >= item.keys():
            return False
        for value in item.values():
            if type(value) is not str:
                return False
    return True


class FastVariablesExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, with batch-row variables coerced by ``coerce_rows``."""

    @classmethod
    def build(
        cls,
        schema: GraphQLSchema,
        document: DocumentNode,
        root_value: Any = None,
        context_value: Any = None,
        raw_variable_values: dict[str, Any] | None = None,
        operation_name: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        raw = dict(raw_variable_values or {})
        operation = get_operation_ast(document, operation_name)
        taken: dict[str, tuple[Any, list[Any]]] = {}
        for definition in (operation and operation.variable_definitions) or ():
            name = definition.variable.name.value
            rows = coerce_rows(type_from_ast(schema, definition.type), raw.get(name))
            if rows is not None:
                # graphql-core coerces an empty list instead; the real rows go in after.
                taken[name] = (raw[name], rows)
                raw[name] = []
        built = super().build(
            schema, document, root_value, context_value, raw, operation_name, *args, **kwargs
        )
        if isinstance(built, list) or not taken:
            return built
        values: Any = built.variable_values
        coerced: dict[str, Any] = getattr(values, "coerced", values)
        sources: dict[str, Any] = getattr(values, "sources", {})
        for name, (original, rows) in taken.items():
            coerced[name] = rows
            if name in sources:
                sources[name] = sources[name]._replace(value=original)
        return built
