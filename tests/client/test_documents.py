"""The client's operations are valid against the contract and cover every root field."""

from __future__ import annotations

import pytest
from graphql import validate

from client import documents
from localserver.schema import appsync_schema


@pytest.mark.parametrize("name", documents.operation_names())
def test_each_operation_is_valid_against_schema_graphql(name: str) -> None:
    assert validate(appsync_schema(), documents.load(name)) == []


def test_every_root_field_of_the_contract_has_an_operation() -> None:
    schema = appsync_schema()
    roots = [schema.query_type, schema.mutation_type, schema.subscription_type]
    fields = {name for root in roots if root for name in root.fields}
    assert fields == set(documents.operation_names())


def test_an_unknown_operation_name_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="noSuchOperation"):
        documents.load("noSuchOperation")
