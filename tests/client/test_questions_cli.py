"""``hrgraph ask`` and ``hrgraph sql`` against the live server."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from client.cli import app
from resolvers.core import ingest
from resolvers.core.tables import Table
from tests.conftest import LiveServer

runner = CliRunner()


def _load(server: LiveServer) -> None:
    warehouse = server.services.warehouse
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "Legal"}])
    rows = [
        {"id": i, "name": f"P{i}", "datetime": f"2021-0{i}-01T00:00:00Z", "departmentId": 1}
        for i in range(1, 4)
    ]
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, rows)


def test_ask_prints_json_with_sql_columns_and_rows(live_server: LiveServer) -> None:
    _load(live_server)
    question = "How many people were hired in Legal in 2021?"
    result = runner.invoke(app, ["ask", question, "--json", "--url", live_server.url])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["rows"] == [[3]]
    assert answer["columns"] == ["hires"]
    assert answer["sql"].startswith("WITH matching AS")
    assert answer["refused"] is False


def test_ask_shows_suggestions_when_it_refuses(live_server: LiveServer) -> None:
    result = runner.invoke(app, ["ask", "what is the average salary", "--url", live_server.url])
    assert result.exit_code == 0, result.output
    assert "Not answered" in result.output
    assert "Questions I can answer" in result.output


def test_sql_prints_rows_and_refuses_writes_with_exit_code_1(live_server: LiveServer) -> None:
    _load(live_server)
    ok = runner.invoke(
        app, ["sql", "SELECT name FROM hired_employees ORDER BY id", "--url", live_server.url]
    )
    assert ok.exit_code == 0, ok.output
    assert "P1" in ok.output and "P3" in ok.output
    as_json = runner.invoke(
        app, ["sql", "SELECT COUNT(*) AS n FROM departments", "--json", "--url", live_server.url]
    )
    assert json.loads(as_json.output)["rows"] == [[1]]
    bad = runner.invoke(app, ["sql", "DELETE FROM hired_employees", "--url", live_server.url])
    assert bad.exit_code == 1
    assert "ValidationError" in bad.output
    assert live_server.services.warehouse.count(Table.HIRED_EMPLOYEES) == 3
