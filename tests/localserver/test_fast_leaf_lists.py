"""The fast completion of long scalar lists answers exactly as graphql-core does, or steps aside."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import (
    ExecutionResult,
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLString,
    execute,
    parse,
)
from graphql.execution.executor import Executor

from localserver.fast_leaf_lists import MIN_ITEMS, FastLeafListsExecutionContext, complete_leaves
from localserver.schema import appsync_schema

COLOUR = GraphQLEnumType("Colour", {"RED": "red", "BLUE": "blue"})
ITEM_TYPES: dict[str, Any] = {
    "ints": GraphQLNonNull(GraphQLInt),
    "maybeInts": GraphQLInt,
    "ids": GraphQLNonNull(GraphQLID),
    "strings": GraphQLString,
    "colours": GraphQLNonNull(COLOUR),
}


def answer(items: list[Any], executor: type[Executor[Any]]) -> tuple[Any, list[Any]]:
    """Every field of a schema answers ``items``; the result as (data, error messages+paths)."""
    fields = {
        name: GraphQLField(GraphQLList(item_type), resolve=lambda *_: items)
        for name, item_type in ITEM_TYPES.items()
    }
    schema = GraphQLSchema(GraphQLObjectType("Query", fields))
    result = execute(schema, parse("{ " + " ".join(ITEM_TYPES) + " }"), executor_class=executor)
    assert isinstance(result, ExecutionResult)
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return result.data, errors


LONG = MIN_ITEMS + 8


@pytest.mark.parametrize(
    "items",
    [
        pytest.param(list(range(1, LONG)), id="ints"),
        pytest.param([str(i) for i in range(LONG)], id="strings"),
        pytest.param(["red", "blue"] * LONG, id="enum values"),
        pytest.param([True, False] * LONG, id="booleans"),
        pytest.param([*range(LONG), None], id="a null"),
        pytest.param([*range(LONG), 1.5], id="a fraction"),
        pytest.param([*range(LONG), 2**40], id="an int past 32 bits"),
        pytest.param([*range(LONG), ValueError("boom")], id="an error"),
        pytest.param([*range(LONG), {"a": 1}], id="an object"),
        pytest.param(list(range(3)), id="a short list"),
    ],
)
def test_every_list_completes_as_graphql_core_completes_it(items: list[Any]) -> None:
    assert answer(items, FastLeafListsExecutionContext) == answer(items, Executor)


def test_plain_long_lists_take_the_fast_path_and_the_rest_step_aside() -> None:
    ints = list(range(LONG))
    assert complete_leaves(GraphQLNonNull(GraphQLInt), ints) == ints
    assert complete_leaves(GraphQLID, ints) == [str(i) for i in ints]
    assert complete_leaves(GraphQLInt, [*ints, None]) is None
    assert complete_leaves(GraphQLInt, [*ints, 1.5]) is None
    assert complete_leaves(GraphQLInt, ints[:3]) is None
    assert complete_leaves(GraphQLInt, tuple(ints)) is None


def test_an_inserts_ids_are_answered_through_the_api_schema() -> None:
    schema = appsync_schema()
    insert = schema.type_map["InsertResult"]
    assert isinstance(insert, GraphQLObjectType)
    ids = list(range(1, 1001))
    assert complete_leaves(insert.fields["insertedIds"].type.of_type.of_type, ids) == ids
