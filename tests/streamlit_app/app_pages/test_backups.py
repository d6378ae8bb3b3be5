"""Backups page: create, list with rows and size, restore only after a confirmation."""

from __future__ import annotations

from client.api import HrClient
from tests.streamlit_app.conftest import OpenPage, texts

DEPARTMENTS = [{"id": i, "department": f"Department {i}"} for i in range(1, 6)]


def test_an_admin_backs_up_and_restores_after_confirming(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    admin_api.insert("departments", DEPARTMENTS)
    app = open_page("Admins", "backups")
    assert "No backups yet" in texts(app)
    app.button(key="create").click().run()
    assert not app.exception
    assert f"Backed up {len(DEPARTMENTS)} rows of departments" in texts(app)
    listed = app.dataframe[0].value
    assert list(listed["rows"]) == [len(DEPARTMENTS)]
    backup = next(admin_api.iter_backups())
    assert list(listed["id"]) == [backup.id]
    assert listed["size"][0].endswith(("B", "KB"))

    admin_api.insert("departments", [{"id": 6, "department": "Added later"}])
    app.button(key="restore").click().run()
    assert "Rows added since are lost" in texts(app)
    app.button(key="cancel_restore").click().run()
    assert len(list(admin_api.iter_departments())) == len(DEPARTMENTS) + 1  # nothing happened

    app.button(key="restore").click().run()
    app.button(key="confirm_restore").click().run()
    assert not app.exception
    assert (
        f"Restored {len(DEPARTMENTS)} rows into departments (it held {len(DEPARTMENTS) + 1})"
        in texts(app)
    )
    assert [d.id for d in admin_api.iter_departments()] == [d["id"] for d in DEPARTMENTS]


def test_a_refused_restore_says_why_and_offers_force(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    admin_api.insert("departments", DEPARTMENTS)
    admin_api.backup_table("departments")
    admin_api.insert("departments", [{"id": 6, "department": "Added later"}])
    admin_api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    admin_api.insert(
        "hired_employees",
        [
            {
                "id": 1,
                "name": "Ada",
                "datetime": "2021-01-01T00:00:00Z",
                "departmentId": 6,
                "jobId": 1,
            }
        ],
    )
    app = open_page("Admins", "backups")
    app.button(key="restore").click().run()
    app.button(key="confirm_restore").click().run()
    assert app.error and "cannot be done now" in app.error[0].value  # plain_errors' Conflict
    assert admin_api.department(6) is not None
    app.checkbox(key="force").check()
    app.button(key="confirm_restore").click().run()
    assert "Restored" in texts(app)
    assert admin_api.department(6) is None
