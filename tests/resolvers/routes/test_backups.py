"""backupTable, restoreTable, backups and backup through the Lambda handler."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers import handler as lambda_handler
from resolvers.core import ingest
from resolvers.core.tables import Table
from resolvers.envelope import ERROR_KEY
from resolvers.wiring import Services
from tests.resolvers.core.test_backup import load_reference_data
from tests.resolvers.test_handler import event

PAGE_FIELDS = {
    Table.DEPARTMENTS: "departments",
    Table.JOBS: "jobs",
    Table.HIRED_EMPLOYEES: "employees",
}


def call(context: Any, parent: str, field: str, **arguments: Any) -> Any:
    sent = event("insert_departments", arguments=arguments)
    sent["info"] = {**sent["info"], "parentTypeName": parent, "fieldName": field}
    return lambda_handler.handler(sent, context)


def every_row(context: Any, table: Table) -> list[dict[str, Any]]:
    """The table as a client sees it, page by page through the handler."""
    rows: list[dict[str, Any]] = []
    token = None
    while True:
        page = call(context, "Query", PAGE_FIELDS[table], limit=1000, nextToken=token)
        rows.extend(page["items"])
        token = page["nextToken"]
        if token is None:
            return rows


@pytest.mark.parametrize("table", list(Table))
def test_a_table_round_trips_through_the_handler(
    services: Services, lambda_context: Any, table: Table
) -> None:
    # GIVEN the historic data, and a backup of one table taken through the API
    load_reference_data(services.warehouse)
    before = every_row(lambda_context, table)
    made = call(lambda_context, "Mutation", "backupTable", table=table.name, codec="SNAPPY")
    assert (made["table"], made["rows"], made["codec"], made["createdBy"]) == (
        table.name,
        len(before),
        "SNAPPY",
        "ana",
    )
    # WHEN rows change and the backup is restored (force: employees reference the dimensions)
    extra = {"id": 999, "department" if table is Table.DEPARTMENTS else "job": "Extra"}
    if table is Table.HIRED_EMPLOYEES:
        extra = {"id": 99_999, "name": "Extra", "datetime": "2024-02-29T23:59:59.999Z"}
    assert ingest.insert_batch(services.warehouse, table, [extra]).inserted == 1
    restore = {"table": table.name, "backupId": made["id"], "force": True}
    result = call(lambda_context, "Mutation", "restoreTable", **restore)
    # THEN the client reads exactly what it read before, timestamps and nulls included
    assert result == {
        "table": table.name,
        "backupId": made["id"],
        "rowsRestored": len(before),
        "previousRows": len(before) + 1,
    }
    assert every_row(lambda_context, table) == before


def test_backups_are_listed_and_fetched_by_id(services: Services, lambda_context: Any) -> None:
    load_reference_data(services.warehouse)
    jobs = call(lambda_context, "Mutation", "backupTable", table="JOBS")
    departments = call(lambda_context, "Mutation", "backupTable", table="DEPARTMENTS")
    listed = call(lambda_context, "Query", "backups")
    assert [b["id"] for b in listed["items"]] == [departments["id"], jobs["id"]]
    only_jobs = call(lambda_context, "Query", "backups", table="JOBS", limit=5)
    assert only_jobs == {"items": [jobs], "unreadable": [], "nextToken": None}
    assert call(lambda_context, "Query", "backup", id=jobs["id"]) == jobs
    assert call(lambda_context, "Query", "backup", id="20200101T000000000Z-jobs-abcdef") is None
    assert jobs["codec"] == "DEFLATE"
    assert jobs["location"].endswith(f"{jobs['id']}.avro")


def test_refusals_come_back_as_typed_errors(services: Services, lambda_context: Any) -> None:
    load_reference_data(services.warehouse)
    departments = call(lambda_context, "Mutation", "backupTable", table="DEPARTMENTS")
    ingest.insert_batch(services.warehouse, Table.DEPARTMENTS, [{"id": 77, "department": "New"}])
    hire = {"id": 50_000, "name": "N", "datetime": "2023-01-01T00:00:00Z", "departmentId": 77}
    ingest.insert_batch(services.warehouse, Table.HIRED_EMPLOYEES, [hire])
    refused = call(
        lambda_context, "Mutation", "restoreTable", table="DEPARTMENTS", backupId=departments["id"]
    )
    assert refused[ERROR_KEY]["errorType"] == "Conflict"
    assert refused[ERROR_KEY]["errorInfo"]["missingIds"] == [77]
    unknown = call(
        lambda_context,
        "Mutation",
        "restoreTable",
        table="DEPARTMENTS",
        backupId="20200101T000000000Z-departments-abcdef",
    )
    assert unknown[ERROR_KEY]["errorType"] == "NotFound"
    other = call(
        lambda_context, "Mutation", "restoreTable", table="JOBS", backupId=departments["id"]
    )
    assert other[ERROR_KEY]["errorType"] == "ValidationError"
    assert services.warehouse.get(Table.DEPARTMENTS, 77) is not None


def test_backups_and_restores_log_who_asked(
    services: Services, lambda_context: Any, caplog: pytest.LogCaptureFixture
) -> None:
    load_reference_data(services.warehouse)
    with caplog.at_level("INFO"):
        made = call(lambda_context, "Mutation", "backupTable", table="JOBS")
        call(lambda_context, "Mutation", "restoreTable", table="JOBS", backupId=made["id"])
    logged = {r.getMessage(): getattr(r, "user", None) for r in caplog.records}
    assert logged["backup written"] == "ana"
    assert logged["table restored"] == "ana"
