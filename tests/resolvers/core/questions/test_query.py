"""HrQuery: its JSON schema is strict and built from the types; bad JSON names the field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from resolvers.core.errors import InvalidQuery, ValidationError
from resolvers.core.questions.query import (
    CountQuery,
    Filters,
    HrQuery,
    NameSet,
    Period,
    Rank,
    from_json,
    json_schema,
    to_json,
)


def _objects(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_every_object_in_the_schema_forbids_extra_properties() -> None:
    schema = json_schema()
    objects = _objects(schema)
    assert schema["type"] == "object"
    assert len(objects) >= 10
    assert all(node["additionalProperties"] is False for node in objects)


def test_the_schema_follows_the_models_not_a_copy() -> None:
    kinds = {
        definition["properties"]["kind"]["const"]
        for definition in json_schema()["$defs"].values()
        if "kind" in definition.get("properties", {})
    }
    assert kinds == {
        "count", "average", "share", "compare", "difference", "employees", "catalog", "report"
    }  # fmt: skip


def test_a_query_survives_json_both_ways() -> None:
    query = HrQuery(
        query=CountQuery(
            filters=Filters(
                departments=NameSet(exclude=("Sales",)),
                periods=(Period(start=date(2021, 1, 1), end=date(2021, 7, 1)),),
            ),
            group_by=("department",),
            rank=Rank(order="most", limit=1, offset=1),
        )
    )
    assert from_json(to_json(query)) == query
    assert from_json(query.model_dump(mode="json")) == query


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"query": {"kind": "count", "filters": {"region": "EU"}}}, "query.count.filters.region"),
        ({"query": {"kind": "count", "rank": {"order": "most"}}}, "query.count"),
        ({"query": {"kind": "salary"}}, "query"),
        ({"query": {"kind": "employees", "limit": 0}}, "query.employees.limit"),
        (
            {
                "query": {
                    "kind": "count",
                    "filters": {"periods": [{"start": "2022-01-01", "end": "2021-01-01"}]},
                }
            },
            "query.count.filters.periods.0",
        ),
        ({"query": {"kind": "report", "report": "hires_by_quarter"}}, "query.report.year"),
    ],
)
def test_bad_json_is_a_validation_error_naming_the_field(data: Any, field: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        from_json(data)
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == field


def test_text_that_is_not_an_object_is_refused_by_name() -> None:
    for text in ("[1, 2]", "not json", "null"):
        with pytest.raises(InvalidQuery) as caught:
            from_json(text)
        assert caught.value.field == "query"
