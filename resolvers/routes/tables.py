"""Fields over the three tables: batch inserts, reads, pages and admin corrections."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.data_classes.appsync_resolver_event import (
    AppSyncResolverEvent,
)

from resolvers import observability
from resolvers.core import corrections, ingest, reads
from resolvers.core.ports import EmployeeQuery
from resolvers.core.tables import Table
from resolvers.routes import present
from resolvers.routes.identity import caller
from resolvers.routing import ThreadSafeRouter as Router
from resolvers.wiring import services

router = Router()
logger = Logger(service="hrgraph", child=True)


def _insert(table: Table, rows: list[Any]) -> dict[str, Any]:
    report = ingest.insert_batch(services().warehouse, table, rows)
    observability.rows_inserted(report.inserted, len(report.rejected))
    logger.info(
        "batch inserted",
        extra={
            "user": caller(router.current_event).username,
            "table": table.value,
            "received": report.received,
            "inserted": report.inserted,
            "rejected": len(report.rejected),
        },
    )
    return present.insert_report(report)


@router.resolver(type_name="Mutation", field_name="insertDepartments")
def insert_departments(rows: list[Any]) -> dict[str, Any]:
    return _insert(Table.DEPARTMENTS, rows)


@router.resolver(type_name="Mutation", field_name="insertJobs")
def insert_jobs(rows: list[Any]) -> dict[str, Any]:
    return _insert(Table.JOBS, rows)


@router.resolver(type_name="Mutation", field_name="insertEmployees")
def insert_employees(rows: list[Any]) -> dict[str, Any]:
    return _insert(Table.HIRED_EMPLOYEES, rows)


@router.resolver(type_name="Subscription", field_name="onEmployeesInserted")
def on_employees_inserted() -> None:
    """Runs once when a client subscribes; AppSync then pushes insertEmployees results.

    Returning null accepts the subscription (the schema's group rules already apply).
    """
    return


@router.resolver(type_name="Query", field_name="department")
def department(id: int) -> dict[str, Any] | None:
    return present.record(reads.get(services().warehouse, Table.DEPARTMENTS, id))


@router.resolver(type_name="Query", field_name="job")
def job(id: int) -> dict[str, Any] | None:
    return present.record(reads.get(services().warehouse, Table.JOBS, id))


@router.resolver(type_name="Query", field_name="employee")
def employee(id: int) -> dict[str, Any] | None:
    return present.record(reads.get(services().warehouse, Table.HIRED_EMPLOYEES, id))


def _page(table: Table, limit: int | None, token: str | None, where: Any = None) -> dict[str, Any]:
    built = services()
    page = reads.page(built.warehouse, built.page_tokens(), table, limit, token, where)
    return {"items": [present.record(r) for r in page.items], "nextToken": page.next_token}


@router.resolver(type_name="Query", field_name="departments")
def departments(limit: int | None = None, nextToken: str | None = None) -> dict[str, Any]:
    return _page(Table.DEPARTMENTS, limit, nextToken)


@router.resolver(type_name="Query", field_name="jobs")
def jobs(limit: int | None = None, nextToken: str | None = None) -> dict[str, Any]:
    return _page(Table.JOBS, limit, nextToken)


@router.resolver(type_name="Query", field_name="employees")
def employees(
    filter: dict[str, Any] | None = None,
    limit: int | None = None,
    nextToken: str | None = None,
) -> dict[str, Any]:
    return _page(Table.HIRED_EMPLOYEES, limit, nextToken, employee_filter(filter))


def employee_filter(filter: dict[str, Any] | None) -> EmployeeQuery | None:
    """An EmployeeFilter argument as the core's query (None: every employee)."""
    if not filter:
        return None
    return reads.employee_query(
        department_id=filter.get("departmentId"),
        job_id=filter.get("jobId"),
        hired_from=present.parse_aws_datetime(filter.get("hiredFrom"), "filter.hiredFrom"),
        hired_to=present.parse_aws_datetime(filter.get("hiredTo"), "filter.hiredTo"),
        name_contains=filter.get("nameContains"),
    )


@router.resolver(type_name="Query", field_name="rowCount")
def row_count(table: str, filter: dict[str, Any] | None = None) -> int:
    return reads.row_count(services().warehouse, Table[table], employee_filter(filter))


def _references(events: list[AppSyncResolverEvent], table: Table, key: str) -> list[Any]:
    """Batched lookups: one query for every employee in the page (no N+1)."""
    ids = [(event.source or {}).get(key) for event in events]
    found = reads.get_many(services().warehouse, table, [i for i in ids if i is not None])
    return [present.record(found.get(i)) if i is not None else None for i in ids]


@router.batch_resolver(type_name="Employee", field_name="department")
def employee_department(event: list[AppSyncResolverEvent]) -> list[Any]:
    return _references(event, Table.DEPARTMENTS, "departmentId")


@router.batch_resolver(type_name="Employee", field_name="job")
def employee_job(event: list[AppSyncResolverEvent]) -> list[Any]:
    return _references(event, Table.JOBS, "jobId")


def _audit(action: str, table: Table, id: int) -> None:
    user = caller(router.current_event).username
    logger.info(
        "record corrected", extra={"user": user, "action": action, "table": table.value, "id": id}
    )


@router.resolver(type_name="Mutation", field_name="updateDepartment")
def update_department(id: int, department: str) -> dict[str, Any] | None:
    _audit("update", Table.DEPARTMENTS, id)
    return present.record(
        corrections.rename(services().warehouse, Table.DEPARTMENTS, id, department)
    )


@router.resolver(type_name="Mutation", field_name="updateJob")
def update_job(id: int, job: str) -> dict[str, Any] | None:
    _audit("update", Table.JOBS, id)
    return present.record(corrections.rename(services().warehouse, Table.JOBS, id, job))


@router.resolver(type_name="Mutation", field_name="updateEmployee")
def update_employee(id: int, patch: dict[str, Any]) -> dict[str, Any] | None:
    _audit("update", Table.HIRED_EMPLOYEES, id)
    return present.record(corrections.patch_employee(services().warehouse, id, patch))


@router.resolver(type_name="Mutation", field_name="deleteDepartment")
def delete_department(id: int) -> dict[str, Any] | None:
    _audit("delete", Table.DEPARTMENTS, id)
    return present.record(corrections.delete(services().warehouse, Table.DEPARTMENTS, id))


@router.resolver(type_name="Mutation", field_name="deleteJob")
def delete_job(id: int) -> dict[str, Any] | None:
    _audit("delete", Table.JOBS, id)
    return present.record(corrections.delete(services().warehouse, Table.JOBS, id))


@router.resolver(type_name="Mutation", field_name="deleteEmployee")
def delete_employee(id: int) -> dict[str, Any] | None:
    _audit("delete", Table.HIRED_EMPLOYEES, id)
    return present.record(corrections.delete(services().warehouse, Table.HIRED_EMPLOYEES, id))
