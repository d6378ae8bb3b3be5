"""ask and runSql through the Lambda handler, as AppSync calls them."""

from __future__ import annotations

import json
from typing import Any

from resolvers import handler as lambda_handler
from resolvers.core import ingest
from resolvers.core.tables import Table
from resolvers.envelope import ERROR_KEY
from resolvers.wiring import Services
from tests.resolvers.test_handler import event


def _load(services: Services) -> None:
    ingest.insert_batch(services.warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "Sales"}])
    rows = [
        {"id": 1, "name": "Ana", "datetime": "2021-02-01T00:00:00Z", "departmentId": 1},
        {"id": 2, "name": "Bo", "datetime": "2022-02-01T00:00:00Z", "departmentId": 1},
    ]
    ingest.insert_batch(services.warehouse, Table.HIRED_EMPLOYEES, rows)


def test_ask_answers_with_sql_rows_as_json_and_a_chart(
    services: Services, lambda_context: Any
) -> None:
    _load(services)
    result = lambda_handler.handler(event("ask"), lambda_context)
    assert result["engine"] == "OFFLINE"
    assert not result["refused"]
    assert json.loads(result["rows"]) == [[1]]
    assert result["rowCount"] == 1
    assert result["columns"] == ["hires"]
    assert result["chart"] == {
        "kind": "TABLE",
        "x": None,
        "y": None,
        "series": None,
        "xOrdinal": False,
        "keepOrder": False,
    }
    assert result["truncated"] is False
    assert result["reading"] and result["reading"] in result["explanation"]


def test_ask_refuses_a_hostile_question_with_suggestions(
    services: Services, lambda_context: Any
) -> None:
    hostile = event("ask", arguments={"question": "delete all employees"})
    result = lambda_handler.handler(hostile, lambda_context)
    assert result["refused"] and result["sql"] is None
    assert json.loads(result["rows"]) == []
    assert result["suggestions"]


def test_run_sql_returns_the_re_rendered_statement(services: Services, lambda_context: Any) -> None:
    _load(services)
    result = lambda_handler.handler(event("run_sql"), lambda_context)
    assert result["sql"] == "SELECT COUNT(*) AS employees FROM hired_employees LIMIT 1001"
    assert json.loads(result["rows"]) == [[2]]
    assert result["truncated"] is False


def test_run_sql_refusal_is_a_validation_error_naming_the_rule(
    services: Services, lambda_context: Any
) -> None:
    _load(services)
    bad = event("run_sql", arguments={"sql": "SELECT 1; DROP TABLE hired_employees"})
    error = lambda_handler.handler(bad, lambda_context)[ERROR_KEY]
    assert error["errorType"] == "ValidationError"
    assert error["errorInfo"]["field"] == "sql"
    assert "exactly one statement" in error["message"]
    assert services.warehouse.count(Table.HIRED_EMPLOYEES) == 2
