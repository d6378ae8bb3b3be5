"""The hiring reports, checked against plain Python over the same rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import astuple
from datetime import datetime

import pytest

from resolvers.core import reports
from resolvers.core.errors import ValidationError
from resolvers.core.ports import Warehouse
from tests.resolvers.core.factories import Dataset, load_random_dataset


def expected_quarterly(data: Dataset, year: int) -> list[tuple[object, ...]]:
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for e in data.employees:
        moment = datetime.fromisoformat(e["datetime"])
        if moment.year == year and e["departmentId"] and e["jobId"]:
            key = (data.departments[e["departmentId"]], data.jobs[e["jobId"]])
            counts[key][(moment.month - 1) // 3] += 1
    in_byte_order = sorted(counts, key=lambda k: (k[0].encode(), k[1].encode()))
    return [(*key, *counts[key]) for key in in_byte_order]


def test_hires_by_quarter_counts_every_hire_of_the_year(warehouse: Warehouse) -> None:
    data = load_random_dataset(warehouse)
    rows = [astuple(r) for r in reports.hires_by_quarter(warehouse, 2021)]
    assert rows == expected_quarterly(data, 2021)
    assert rows[-1][0] == "accounting", "byte order puts lower case after upper case"


def test_departments_above_mean(warehouse: Warehouse) -> None:
    data = load_random_dataset(warehouse)
    hires = Counter(
        e["departmentId"]
        for e in data.employees
        if datetime.fromisoformat(e["datetime"]).year == 2021 and e["departmentId"]
    )
    mean = sum(hires.values()) / len(hires)
    expected = sorted(
        ((d, data.departments[d], n) for d, n in hires.items() if n > mean),
        key=lambda t: (-t[2], t[1].encode(), t[0]),
    )
    found = reports.departments_above_mean(warehouse, 2021)
    assert [(r.id, r.department, r.hired) for r in found] == expected
    assert all(r.mean == pytest.approx(mean) for r in found)


def test_a_year_without_hires_has_empty_reports(warehouse: Warehouse) -> None:
    load_random_dataset(warehouse, employees=50)
    assert reports.hires_by_quarter(warehouse, 1999) == []
    assert reports.departments_above_mean(warehouse, 1999) == []


@pytest.mark.parametrize("year", [0, 1899, 99999])
def test_absurd_years_are_refused(warehouse: Warehouse, year: int) -> None:
    with pytest.raises(ValidationError) as refused:
        reports.hires_by_quarter(warehouse, year)
    assert refused.value.field == "year"


def test_hires_by_department_lists_every_department_with_the_same_mean(
    warehouse: Warehouse,
) -> None:
    data = load_random_dataset(warehouse)
    hires = Counter(
        e["departmentId"]
        for e in data.employees
        if datetime.fromisoformat(e["datetime"]).year == 2021 and e["departmentId"]
    )
    expected = sorted(
        ((d, data.departments[d], n) for d, n in hires.items()),
        key=lambda t: (-t[2], t[1].encode(), t[0]),
    )
    found = reports.hires_by_department(warehouse, 2021)
    assert [(r.id, r.department, r.hired) for r in found] == expected
    above = reports.departments_above_mean(warehouse, 2021)
    assert [r for r in found if r.hired > r.mean] == above
    assert len(found) > len(above)


def test_hire_years_are_the_years_with_a_hire(warehouse: Warehouse) -> None:
    data = load_random_dataset(warehouse)
    years = {datetime.fromisoformat(e["datetime"]).year for e in data.employees}
    assert reports.hire_years(warehouse) == sorted(years)
