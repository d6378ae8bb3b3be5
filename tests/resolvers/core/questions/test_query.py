"""HrQuery: its JSON schema is strict and built from the types; bad JSON names the field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from resolvers.core.errors import InvalidQuery, ValidationError
from resolvers.core.questions.query import (
    AnyQuery,
    CountQuery,
    DifferenceQuery,
    EmployeesQuery,
    Family,
    Filters,
    HrQuery,
    NameSet,
    Period,
    Rank,
    ShareQuery,
    Than,
    Threshold,
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
        "count", "average", "share", "compare", "difference", "employees", "catalog", "report",
        "hire_span", "spread",
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


# -- issue 20's kinds: each says what it holds, and refuses what it cannot ----------------------


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (  # a family's titles must be the ones counted
            {"query": {"kind": "count", "filters": {
                "families": [{"word": "nurses", "titles": ["Nurse"]}]}}},
            "query.count.filters",
        ),
        ({"query": {"kind": "count", "group_by": ["department"],
                    "threshold": {"compare": "between", "value": 5}}}, "query.count.threshold"),
        ({"query": {"kind": "count", "group_by": ["department"], "threshold": {
            "compare": "more_than", "value": 3, "than": {"department": "Sales"}}}},
         "query.count.threshold"),
        ({"query": {"kind": "count", "group_by": ["department"], "threshold": {
            "compare": "exactly", "than": {"department": "Sales", "job": "Nurse"}}}},
         "query.count.threshold.than"),
        ({"query": {"kind": "count", "group_by": ["department", "job"],
                    "rank": {"order": "most", "within": "department"}}}, "query.count.rank"),
        ({"query": {"kind": "count", "group_by": ["job"],
                    "rank": {"order": "most", "limit": 1, "within": "job"}}}, "query.count"),
        ({"query": {"kind": "count", "group_by": ["level"]}}, "query.count"),
        ({"query": {"kind": "count", "count_groups": True}}, "query.count"),
        ({"query": {"kind": "difference", "sides": [{}, {}]}}, "query.difference"),
        ({"query": {"kind": "share", "part": {}}}, "query.share"),
        ({"query": {"kind": "employees", "order": "salary"}}, "query.employees.order"),
        ({"query": {"kind": "compare", "only": "grew", "periods": [
            {"start": "2021-01-01", "end": "2022-01-01"},
            {"start": "2022-01-01", "end": "2023-01-01"}]}}, "query.compare"),
    ],
)  # fmt: skip
def test_a_new_kind_refuses_what_it_cannot_hold(data: Any, field: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        from_json(data)
    assert caught.value.field == field


def test_issue_20s_kinds_survive_json_both_ways() -> None:
    titles = ("Statistician I", "Statistician II")
    family = Filters(
        jobs=NameSet(include=titles), families=(Family(word="statisticians", titles=titles),)
    )
    queries: list[AnyQuery] = [
        CountQuery(filters=family, group_by=("level",)),
        CountQuery(
            group_by=("department",),
            threshold=Threshold(compare="more_than", than=Than(department="Sales")),
            count_groups=True,
        ),
        CountQuery(
            group_by=("department", "job"), rank=Rank(order="most", limit=2, within="department")
        ),
        DifferenceQuery(
            sides=(Filters(departments=NameSet(include=("Sales",))), Filters(first_name="Ana"))
        ),
        ShareQuery(part=Filters(without_job=True)),
        EmployeesQuery(filters=Filters(employee_names=("Ada Lovelace",)), columns="dated"),
    ]
    for inner in queries:
        query = HrQuery(query=inner)
        assert from_json(to_json(query)) == query
