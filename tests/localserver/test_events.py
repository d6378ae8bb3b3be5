"""The AppSync event a field's resolver receives: its selection, as AppSync lists it."""

from __future__ import annotations

from typing import Any

from graphql import build_schema, execute_sync, parse

from localserver.events import appsync_event

SCHEMA = build_schema(
    """
    type Department { id: Int department: String }
    type Query { department(id: Int!): Department }
    """
)


def events_of(document: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def department(source: Any, info: Any, **arguments: Any) -> dict[str, Any]:
        seen.append(appsync_event(info, arguments, source, None, {}))
        return {"id": arguments["id"], "department": "Sales"}

    SCHEMA.query_type.fields["department"].resolve = department  # type: ignore[union-attr]
    result = execute_sync(SCHEMA, document)
    assert result.errors is None, result.errors
    return seen


def test_each_document_gets_its_own_selection() -> None:
    (both,) = events_of(parse("{ department(id: 1) { id department } }"))
    (one,) = events_of(parse("{ department(id: 2) { department } }"))
    assert both["info"]["selectionSetList"] == ["id", "department"]
    assert one["info"]["selectionSetList"] == ["department"]
    assert "id" not in one["info"]["selectionSetGraphQL"]


def test_a_document_run_again_gives_the_same_event_and_a_list_the_handler_may_keep() -> None:
    document = parse("{ department(id: 1) { id department } }")
    (first,) = events_of(document)
    first["info"]["selectionSetList"].append("changed by a handler")
    (second,) = events_of(document)
    assert second["info"]["selectionSetList"] == ["id", "department"]
    assert second["info"]["selectionSetGraphQL"] == first["info"]["selectionSetGraphQL"]
