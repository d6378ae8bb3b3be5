"""backupTable, restoreTable (as jobs), backupJob(s), backups, backup, deleteBackup and
backupDownloadUrl through the Lambda handler."""

from __future__ import annotations

import time
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


def finished(context: Any, job: dict[str, Any], seconds: float = 30) -> dict[str, Any]:
    """Follow a job through backupJob until it is SUCCEEDED or FAILED, as a client does."""
    assert job["status"] == "QUEUED", job
    deadline = time.monotonic() + seconds
    while True:
        current = call(context, "Query", "backupJob", id=job["id"])
        if current["status"] in {"SUCCEEDED", "FAILED"}:
            return dict(current)
        assert time.monotonic() < deadline, f"job still {current['status']}"
        time.sleep(0.02)


def backed_up(context: Any, **arguments: Any) -> dict[str, Any]:
    """backupTable, followed to its end; the backup it made."""
    done = finished(context, call(context, "Mutation", "backupTable", **arguments))
    assert done["status"] == "SUCCEEDED", done
    made: dict[str, Any] = done["backup"]
    return made


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
    made = backed_up(lambda_context, table=table.name, codec="SNAPPY")
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
    job = call(lambda_context, "Mutation", "restoreTable", **restore)
    assert (job["kind"], job["backup"]) == ("RESTORE", made)
    done = finished(lambda_context, job)
    # THEN the client reads exactly what it read before, timestamps and nulls included
    assert (done["status"], done["rowsDone"], done["progress"]) == ("SUCCEEDED", len(before), 1.0)
    assert done["restore"] == {
        "table": table.name,
        "backupId": made["id"],
        "rowsRestored": len(before),
        "previousRows": len(before) + 1,
    }
    assert every_row(lambda_context, table) == before


def test_backups_are_listed_and_fetched_by_id(services: Services, lambda_context: Any) -> None:
    load_reference_data(services.warehouse)
    jobs = backed_up(lambda_context, table="JOBS")
    departments = backed_up(lambda_context, table="DEPARTMENTS")
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
    departments = backed_up(lambda_context, table="DEPARTMENTS")
    ingest.insert_batch(services.warehouse, Table.DEPARTMENTS, [{"id": 77, "department": "New"}])
    hire = {"id": 50_000, "name": "N", "datetime": "2023-01-01T00:00:00Z", "departmentId": 77}
    ingest.insert_batch(services.warehouse, Table.HIRED_EMPLOYEES, [hire])
    refused = finished(
        lambda_context,
        call(
            lambda_context,
            "Mutation",
            "restoreTable",
            table="DEPARTMENTS",
            backupId=departments["id"],
        ),
    )
    assert (refused["status"], refused["errorType"]) == ("FAILED", "Conflict")
    assert "(ids 77)" in refused["error"] and refused["restore"] is None
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
        made = backed_up(lambda_context, table="JOBS")
        finished(
            lambda_context,
            call(lambda_context, "Mutation", "restoreTable", table="JOBS", backupId=made["id"]),
        )
        call(lambda_context, "Mutation", "deleteBackup", id=made["id"])
    logged = {r.getMessage(): getattr(r, "user", None) for r in caplog.records}
    assert logged["backup queued"] == "ana"
    assert logged["restore queued"] == "ana"
    assert logged["backup deleted"] == "ana"


def test_jobs_are_listed_newest_first(services: Services, lambda_context: Any) -> None:
    load_reference_data(services.warehouse)
    first = finished(lambda_context, call(lambda_context, "Mutation", "backupTable", table="JOBS"))
    second = call(lambda_context, "Mutation", "backupTable", table="DEPARTMENTS")
    finished(lambda_context, second)
    page = call(lambda_context, "Query", "backupJobs", limit=1)
    assert [j["id"] for j in page["items"]] == [second["id"]]
    rest = call(lambda_context, "Query", "backupJobs", limit=5, nextToken=page["nextToken"])
    assert rest == {"items": [first], "nextToken": None}
    assert call(lambda_context, "Query", "backupJob", id="20200101T000000000Z-0a0b0c0d") is None


def test_a_deleted_backup_is_gone_and_a_second_delete_is_not_found(
    services: Services, lambda_context: Any
) -> None:
    load_reference_data(services.warehouse)
    made = backed_up(lambda_context, table="JOBS")
    assert call(lambda_context, "Mutation", "deleteBackup", id=made["id"]) == made
    assert call(lambda_context, "Query", "backup", id=made["id"]) is None
    again = call(lambda_context, "Mutation", "deleteBackup", id=made["id"])
    assert again[ERROR_KEY]["errorType"] == "NotFound"
    link = call(lambda_context, "Query", "backupDownloadUrl", id=made["id"])
    assert link[ERROR_KEY]["errorType"] == "NotFound"


def test_a_backup_listed_as_unreadable_is_deleted_by_its_own_mutation(
    services: Services, lambda_context: Any, caplog: pytest.LogCaptureFixture
) -> None:
    load_reference_data(services.warehouse)
    kept, broken = (backed_up(lambda_context, table="JOBS") for _ in "ab")
    services.backups.put_manifest(broken["id"], b"{ not json")
    refused = call(lambda_context, "Mutation", "deleteBackup", id=broken["id"])
    assert refused[ERROR_KEY]["errorType"] == "ValidationError"
    readable = call(lambda_context, "Mutation", "deleteUnreadableBackup", id=kept["id"])
    assert readable[ERROR_KEY]["errorType"] == "Conflict"
    assert "deleteBackup" in readable[ERROR_KEY]["message"]
    with caplog.at_level("INFO"):
        deleted = call(lambda_context, "Mutation", "deleteUnreadableBackup", id=broken["id"])
    assert deleted == broken["id"]
    assert {r.getMessage(): getattr(r, "user", None) for r in caplog.records}[
        "unreadable backup deleted"
    ] == "ana"
    page = call(lambda_context, "Query", "backups", table="JOBS")
    assert ([b["id"] for b in page["items"]], page["unreadable"]) == ([kept["id"]], [])
    again = call(lambda_context, "Mutation", "deleteUnreadableBackup", id=broken["id"])
    assert again[ERROR_KEY]["errorType"] == "NotFound"


def test_a_download_link_names_the_file_and_expires(
    services: Services, lambda_context: Any
) -> None:
    load_reference_data(services.warehouse)
    made = backed_up(lambda_context, table="JOBS")
    link = call(lambda_context, "Query", "backupDownloadUrl", id=made["id"])
    assert link["fileName"] == f"{made['id']}.avro"
    assert link["url"].startswith(f"/downloads/backups/{made['id']}.avro?expires=")
    assert link["expiresAt"].endswith("Z")
