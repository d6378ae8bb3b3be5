"""The hiring reports: hires per quarter, and departments above the yearly mean."""

from __future__ import annotations

from resolvers.core.errors import ValidationError
from resolvers.core.ports import DepartmentHires, QuarterHires, Warehouse

MIN_YEAR, MAX_YEAR = 1900, 2200


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError("year", f"must be between {MIN_YEAR} and {MAX_YEAR}, got {year}")
    return year


def hires_by_quarter(warehouse: Warehouse, year: int) -> list[QuarterHires]:
    """Ordered by department then job, in byte order (as Redshift and DuckDB sort)."""
    return warehouse.hires_by_quarter(_check_year(year))


def departments_above_mean(warehouse: Warehouse, year: int) -> list[DepartmentHires]:
    """Departments whose hires exceed the mean over departments with at least one hire."""
    return warehouse.departments_above_mean(_check_year(year))


def hires_by_department(warehouse: Warehouse, year: int) -> list[DepartmentHires]:
    """Every department with a hire that year, most first, with the mean the report above uses."""
    return warehouse.hires_by_department(_check_year(year))


def hire_years(warehouse: Warehouse) -> list[int]:
    """Years with at least one hire, oldest first: the only years a report has rows for."""
    return warehouse.hire_years()
