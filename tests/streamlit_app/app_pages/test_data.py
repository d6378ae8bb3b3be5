"""Data page: browse with filters and pages; admins correct and delete, errors beside the row."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from client.api import HrClient
from client.models import Table
from tests.streamlit_app.conftest import OpenPage, texts

DEPARTMENTS = [{"id": i, "department": f"Department {i:02d}"} for i in range(1, 31)]
JOBS = [{"id": 1, "job": "Engineer"}, {"id": 2, "job": "Analyst"}]
EMPLOYEES = [
    {
        "id": 1,
        "name": "Ada Lovelace",
        "datetime": "2021-02-01T09:00:00Z",
        "departmentId": 1,
        "jobId": 1,
    },
    {
        "id": 2,
        "name": "Alan Turing",
        "datetime": "2021-05-01T09:00:00Z",
        "departmentId": 2,
        "jobId": 2,
    },
    {
        "id": 3,
        "name": "Grace Hopper",
        "datetime": "2022-07-01T09:00:00Z",
        "departmentId": 1,
        "jobId": 2,
    },
]


def seed(api: HrClient) -> None:
    api.insert("departments", DEPARTMENTS)
    api.insert("jobs", JOBS)
    api.insert("hired_employees", EMPLOYEES)


def data_page(open_page: OpenPage, api: HrClient, group: str, table: Table) -> AppTest:
    """The Data page over the seeded tables, as a user of ``group``, showing ``table``."""
    seed(api)
    app = open_page(group, "data")
    return app.radio(key="data_table").set_value(table).run()


def test_viewers_page_through_departments_read_only(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = data_page(open_page, admin_api, "Viewers", Table.DEPARTMENTS)
    first = app.dataframe[0].value
    assert list(first["id"]) == [d["id"] for d in DEPARTMENTS[:25]]
    assert "Read-only" in texts(app)
    assert not app.form  # no correction form for a Viewer
    app.button(key="next").click().run()
    second = app.dataframe[0].value
    assert list(second["id"]) == [d["id"] for d in DEPARTMENTS[25:]]
    assert app.button(key="next").disabled
    app.button(key="previous").click().run()
    assert list(app.dataframe[0].value["id"]) == list(first["id"])


def test_employees_filter_by_department_and_name(open_page: OpenPage, admin_api: HrClient) -> None:
    app = data_page(open_page, admin_api, "Viewers", Table.HIRED_EMPLOYEES)
    app.selectbox(key="department_filter").set_value(1).run()
    expected = {e["id"] for e in EMPLOYEES if e["departmentId"] == 1}
    assert set(app.dataframe[0].value["id"]) == expected
    app.text_input(key="name_contains").input("grace").run()
    rows = app.dataframe[0].value
    assert list(rows["name"]) == ["Grace Hopper"]
    assert list(rows["department"]) == ["Department 01"]


def test_an_admin_renames_a_department(open_page: OpenPage, admin_api: HrClient) -> None:
    app = data_page(open_page, admin_api, "Admins", Table.DEPARTMENTS)
    app.selectbox(key="edit_id_departments").set_value(3).run()
    app.text_input(key="edit_departments_3_department").input("Research")
    app.button(key="edit_departments_save").click().run()
    assert not app.exception
    assert "Saved department 3: department Department 03 → Research" in texts(app)
    assert list(app.dataframe[0].value["department"]) == ["Research"]
    renamed = admin_api.department(3)
    assert renamed is not None and renamed.department == "Research"


def test_a_refused_delete_is_shown_next_to_its_row(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = data_page(open_page, admin_api, "Admins", Table.DEPARTMENTS)
    app.selectbox(key="edit_id_departments").set_value(1).run()
    app.button(key="edit_departments_delete").click().run()
    app.button(key="confirm_delete").click().run()
    errors = [e.value for e in app.error]
    assert any(e.startswith("Row 1: This cannot be done now") for e in errors), errors
    rows = app.dataframe[-1].value
    problem = rows.set_index("id")["problem"]
    assert problem[1].startswith("This cannot be done now")
    assert problem[2] == ""
    assert admin_api.department(1) is not None  # still there


def test_an_admin_deletes_an_unreferenced_department(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = data_page(open_page, admin_api, "Admins", Table.DEPARTMENTS)
    app.selectbox(key="edit_id_departments").set_value(25).run()
    app.button(key="edit_departments_delete").click().run()
    assert admin_api.department(25) is not None  # nothing happens before the confirmation
    assert "Delete **department 25 (Department 25)**?" in texts(app)
    app.button(key="cancel_delete").click().run()
    assert "confirm_delete" not in [b.key for b in app.button]
    app.button(key="edit_departments_delete").click().run()
    app.button(key="confirm_delete").click().run()
    assert "Deleted department 25 (Department 25)" in texts(app)
    assert admin_api.department(25) is None


def test_an_admin_corrects_an_employee_and_a_bad_date_is_refused_beside_it(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = data_page(open_page, admin_api, "Admins", Table.HIRED_EMPLOYEES)
    app.selectbox(key="edit_id_hired_employees").set_value(2).run()
    app.text_input(key="edit_hired_employees_2_datetime").input("2021-12-24 08:30")
    app.selectbox(key="edit_hired_employees_2_departmentId").set_value(0)  # "— none —"
    app.button(key="edit_hired_employees_save").click().run()
    assert (
        "Saved employee 2: hire date 2021-05-01 09:00:00 → 2021-12-24 08:30:00; "
        "department Department 02 · #2 → none"
    ) in texts(app)
    corrected = admin_api.employee(2)
    assert corrected is not None
    assert corrected.datetime.isoformat() == "2021-12-24T08:30:00+00:00"
    assert corrected.department_id is None
    assert corrected.name == "Alan Turing"  # untouched fields stay

    app.text_input(key="edit_hired_employees_2_datetime").input("next tuesday")
    app.button(key="edit_hired_employees_save").click().run()
    assert any("is not a date and time" in e.value for e in app.error)
    still = admin_api.employee(2)
    assert still is not None and still.datetime == corrected.datetime


def test_the_table_shows_the_total_and_picks_departments_by_name(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = data_page(open_page, admin_api, "Admins", Table.DEPARTMENTS)
    assert "**30** departments · rows 1 to 25 of 30" in texts(app)
    app.radio(key="data_table").set_value(Table.HIRED_EMPLOYEES).run()
    picker = app.selectbox(key="department_filter")
    assert "Department 02 · #2" in picker.options
    picker.set_value(2).run()
    assert "**1** matching employee ·" in texts(app)


def test_a_saved_row_stays_in_view_after_it_leaves_the_filter(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = data_page(open_page, admin_api, "Admins", Table.HIRED_EMPLOYEES)
    app.selectbox(key="department_filter").set_value(1).run()
    app.selectbox(key="edit_id_hired_employees").set_value(1).run()
    app.selectbox(key="edit_hired_employees_1_departmentId").set_value(2)
    app.button(key="edit_hired_employees_save").click().run()
    assert 1 not in set(app.dataframe[-1].value["id"])  # no longer in department 1
    edited = app.dataframe[0].value
    assert list(edited["id"]) == [1] and list(edited["department"]) == ["Department 02"]
    assert "department Department 01 · #1 → Department 02 · #2" in texts(app)
