"""Reports page: quarters per department and job, and departments above the mean."""

from __future__ import annotations

import json
from collections import Counter

from client.api import HrClient
from tests.streamlit_app.conftest import OpenPage, texts

DEPARTMENTS = [
    {"id": 1, "department": "Sales"},
    {"id": 2, "department": "Research"},
    {"id": 3, "department": "Legal"},
]
JOBS = [{"id": 1, "job": "Engineer"}, {"id": 2, "job": "Analyst"}]
HIRES = [  # (department, job, month) in 2021, plus one 2022 hire that must not count
    (1, 1, 1),
    (1, 1, 2),
    (1, 2, 4),
    (1, 1, 11),
    (1, 2, 12),
    (2, 1, 3),
    (2, 2, 8),
    (3, 1, 6),
]


def seed(api: HrClient) -> None:
    api.insert("departments", DEPARTMENTS)
    api.insert("jobs", JOBS)
    rows = [
        {
            "id": i,
            "name": f"Person {i}",
            "datetime": f"2021-{m:02d}-15T12:00:00Z",
            "departmentId": d,
            "jobId": j,
        }
        for i, (d, j, m) in enumerate(HIRES, start=1)
    ]
    rows.append(
        {
            "id": 99,
            "name": "Later",
            "datetime": "2022-01-15T12:00:00Z",
            "departmentId": 3,
            "jobId": 1,
        }
    )
    api.insert("hired_employees", rows)


def test_the_year_shows_quarters_and_departments_above_the_mean(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    seed(admin_api)
    app = open_page("Viewers", "reports")
    app.selectbox(key="year").set_value(2021).run()
    assert not app.exception
    names = {d["id"]: d["department"] for d in DEPARTMENTS}
    jobs = {j["id"]: j["job"] for j in JOBS}
    expected = Counter((names[d], jobs[j], (m - 1) // 3 + 1) for d, j, m in HIRES)
    table = app.dataframe[0].value
    for _, row in table.iterrows():
        for quarter in (1, 2, 3, 4):
            assert row[f"Q{quarter}"] == expected[(row["department"], row["job"], quarter)]
    assert len(table) == len({(d, j) for d, j, _ in expected})

    per_department = Counter(names[d] for d, _, _ in HIRES)
    mean = sum(per_department.values()) / len(per_department)
    above = app.dataframe[1].value
    assert set(above["department"]) == {n for n, c in per_department.items() if c > mean}
    assert f"{mean:.1f}" in texts(app)
    charts = app.get("vega_lite_chart")
    assert len(charts) == 2  # the heatmap and the bars with the mean
    bars = json.loads(charts[1].proto.spec)
    assert "rule" in json.dumps(bars["layer"])  # the mean, drawn as a line
    assert f"over the {len(per_department)} departments that hired in 2021" in texts(app)
    # bars, the mean line, each value (white outline, then black) and the line's label
    assert len(bars["layer"]) == 5


def test_the_year_picker_offers_only_years_with_hires(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    seed(admin_api)
    app = open_page("Viewers", "reports")
    picker = app.selectbox(key="year")
    assert [int(y) for y in picker.options] == [2022, 2021]  # newest first, nothing else
    assert picker.value == 2022
    assert app.query_params["year"] == "2022"  # a reload opens the same report


def test_no_employees_says_where_to_load_them(open_page: OpenPage) -> None:
    app = open_page("Admins", "reports")
    assert "Load employees on the Load page" in texts(app)
    assert not app.get("vega_lite_chart")


def test_no_employees_sends_a_viewer_to_no_page_they_lack(open_page: OpenPage) -> None:
    """Issue 22, item 11: a Viewer has no Load page, so is not told to use it."""
    app = open_page("Viewers", "reports")
    assert "once an admin loads them" in texts(app)
    assert "Load page" not in texts(app)
