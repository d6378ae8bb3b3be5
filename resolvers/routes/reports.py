"""The hiring reports."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from resolvers.core import reports
from resolvers.routing import ThreadSafeRouter as Router
from resolvers.wiring import services

router = Router()


@router.resolver(type_name="Query", field_name="hiresByQuarter")
def hires_by_quarter(year: int) -> list[dict[str, Any]]:
    return [asdict(row) for row in reports.hires_by_quarter(services().warehouse, year)]


@router.resolver(type_name="Query", field_name="departmentsAboveMean")
def departments_above_mean(year: int) -> list[dict[str, Any]]:
    return [asdict(row) for row in reports.departments_above_mean(services().warehouse, year)]


@router.resolver(type_name="Query", field_name="hiresByDepartment")
def hires_by_department(year: int) -> list[dict[str, Any]]:
    return [asdict(row) for row in reports.hires_by_department(services().warehouse, year)]


@router.resolver(type_name="Query", field_name="hireYears")
def hire_years() -> list[int]:
    return reports.hire_years(services().warehouse)
