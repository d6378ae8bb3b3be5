"""The fast coercion of batch rows gives exactly graphql-core's result, or steps aside."""

from __future__ import annotations

from typing import Any

import pytest
from graphql import ExecutionResult, GraphQLList, GraphQLNonNull, execute, parse
from graphql.utilities import coerce_input_value

from localserver.fast_variables import MIN_ROWS, FastVariablesExecutionContext, coerce_rows
from localserver.schema import appsync_schema


def rows_type(name: str) -> Any:
    return GraphQLNonNull(GraphQLList(appsync_schema().type_map[name]))


def employee(i: int) -> dict[str, Any]:
    return {
        "id": i if i % 2 else str(i),
        "name": f"Person {i}" if i % 7 else None,
        "datetime": "2021-01-01T00:00:00Z",
        "departmentId": i % 5 or None,
        "jobId": str(i % 3),
    }


@pytest.mark.parametrize("name", ["EmployeeInput", "DepartmentInput", "JobInput"])
def test_valid_rows_coerce_exactly_as_graphql_core_does(name: str) -> None:
    rows: list[Any] = [employee(i) for i in range(1, 200)]
    if name != "EmployeeInput":
        field = "department" if name == "DepartmentInput" else "job"
        rows = [{"id": r["id"], field: r["name"]} for r in rows]
    rows[5] = None
    rows[6] = {}
    fast = coerce_rows(rows_type(name), rows)
    assert fast is not None
    assert fast == coerce_input_value(rows, rows_type(name))


def test_rows_of_strings_are_taken_as_sent_and_equal_graphql_cores() -> None:
    rows = [{k: str(v) for k, v in employee(i).items() if v is not None} for i in range(1, 200)]
    fast = coerce_rows(rows_type("EmployeeInput"), rows)
    assert fast is rows  # no copy: coercion keeps every string as it is
    assert fast == coerce_input_value(rows, rows_type("EmployeeInput"))


@pytest.mark.parametrize(
    "bad",
    [
        {"id": 1.5},  # a float is not an ID
        {"id": True},  # nor is a boolean
        {"salary": 1},  # unknown field
        {"name": 5},  # an int is not a String
        "row",  # not an object
    ],
)
def test_anything_unusual_is_left_to_graphql_core(bad: Any) -> None:
    rows = [employee(i) for i in range(1, MIN_ROWS + 5)]
    rows[3] = bad
    assert coerce_rows(rows_type("EmployeeInput"), rows) is None


def test_small_batches_take_the_ordinary_path() -> None:
    assert coerce_rows(rows_type("EmployeeInput"), [employee(1)]) is None


def test_a_bad_row_in_a_big_batch_still_gets_graphql_cores_error() -> None:
    schema = appsync_schema()
    rows = [employee(i) for i in range(1, 100)]
    rows[50] = {"id": 1, "salary": 10}
    result = execute(
        schema,
        parse("mutation($r: [EmployeeInput]!) { insertEmployees(rows: $r) { inserted } }"),
        variable_values={"r": rows},
        executor_class=FastVariablesExecutionContext,
    )
    assert isinstance(result, ExecutionResult)
    assert result.errors and "salary" in result.errors[0].message
