"""A big row literal is lifted into a variable only when graphql-core would coerce it alike."""

from __future__ import annotations

import json

import httpx
import pytest
from graphql import parse
from graphql.utilities import coerce_input_literal

from localserver.fast_literals import VARIABLE, lift
from localserver.fast_variables import MIN_ROWS
from localserver.schema import appsync_schema
from tests.conftest import LiveServer

SCHEMA = appsync_schema()
ROWS_TYPE = SCHEMA.mutation_type.fields["insertEmployees"].args["rows"].type  # type: ignore[union-attr]


def literal(rows: list[str]) -> str:
    return "mutation load { insertEmployees(rows: [" + ", ".join(rows) + "]) { inserted } }"


def good_rows(count: int = MIN_ROWS + 8) -> list[str]:
    names = ['"Ada"', '"Zoë \\"Z\\" Ng"', '"back\\\\slash"', '"slash\\/and\\u00e9"']
    return [
        f'{{id: {i}, name: {names[i % len(names)]}, datetime: "2021-0{1 + i % 9}-01T00:00:00Z", '
        "departmentId: null, jobId: null}"
        for i in range(1, count + 1)
    ]


def test_a_lifted_batch_holds_what_graphql_core_reads_in_the_literal() -> None:
    document = literal(good_rows())
    lifted = lift(SCHEMA, document, None)
    assert lifted is not None
    query, variables = lifted
    assert query.startswith(f"mutation load(${VARIABLE}0: [EmployeeInput]!)")
    argument = parse(document).definitions[0].selection_set.selections[0].arguments[0]  # type: ignore[attr-defined]
    expected = coerce_input_literal(argument.value, ROWS_TYPE)
    assert json.loads(json.dumps(variables[f"{VARIABLE}0"])) == [
        {k: (None if v is None else v if k != "id" else int(v)) for k, v in row.items()}
        for row in expected
    ]


NOT_LIFTED = {
    "an enum-like bare word": lambda rows: [*rows[:-1], "{id: 99, name: Ada}"],
    "a repeated key": lambda rows: [*rows[:-1], '{id: 99, id: 100, name: "Ada"}'],
    "an id of 1.5": lambda rows: [*rows[:-1], '{id: 1.5, name: "Ada"}'],
    "a name sent as a number": lambda rows: [*rows[:-1], "{id: 99, name: 5}"],
    "an unknown key": lambda rows: [*rows[:-1], '{id: 99, salary: "5"}'],
    "items without commas": lambda rows: [rows[0] + " " + rows[1], *rows[2:]],
    "too few rows to matter": lambda rows: rows[: MIN_ROWS - 1],
}


@pytest.mark.parametrize("name", sorted(NOT_LIFTED))
def test_anything_graphql_core_might_read_differently_is_left_alone(name: str) -> None:
    rows: list[str] = NOT_LIFTED[name](good_rows())
    assert lift(SCHEMA, literal(rows), None) is None


@pytest.mark.parametrize(
    "document",
    [
        "# a comment\n" + literal(good_rows()),
        literal(good_rows()).replace('"Ada"', '"""Ada"""'),
    ],
)
def test_documents_with_comments_or_block_strings_are_left_alone(document: str) -> None:
    assert lift(SCHEMA, document, None) is None


def test_a_second_operation_survives_the_lift_to_be_refused_as_ever() -> None:
    lifted = lift(SCHEMA, literal(good_rows()) + " query other { me { username } }", None)
    assert lifted is not None
    assert lifted[0].endswith(" query other { me { username } }")


def test_over_http_a_literal_batch_inserts_and_a_bad_one_is_refused_as_written(
    live_server: LiveServer,
) -> None:
    headers = live_server.headers
    good = httpx.post(live_server.url, json={"query": literal(good_rows())}, headers=headers)
    assert good.json() == {"data": {"insertEmployees": {"inserted": MIN_ROWS + 8}}}
    bad_rows = [*good_rows()[:-1], "{id: 99, name: 5}"]
    bad = httpx.post(live_server.url, json={"query": literal(bad_rows)}, headers=headers)
    assert bad.status_code == 400
    [error] = bad.json()["errors"]
    assert error["errorType"] == "ValidationError"
    assert "String cannot represent a non string value: 5" in error["message"]
    assert VARIABLE not in error["message"]
