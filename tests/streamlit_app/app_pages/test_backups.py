"""Backups page: create, list with rows and size, restore only after a confirmation."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

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
    admin_api.wait_for_job(admin_api.backup_table("departments"), interval=0.05)
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
    assert "Restoring departments failed" in app.error[0].value
    assert "tick “Force”" in app.error[0].value  # the page's checkbox, not "pass force"
    assert not app.get("progress")  # no bar left reading "failed" (issue 22, item 9)
    assert admin_api.department(6) is not None
    app.checkbox(key="force").check()
    app.button(key="confirm_restore").click().run()
    assert "Restored" in texts(app)
    assert admin_api.department(6) is None


def test_a_backup_is_deleted_only_after_a_confirmation_that_names_it(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    admin_api.insert("departments", DEPARTMENTS)
    made = admin_api.wait_for_job(admin_api.backup_table("departments"), interval=0.05)
    assert made.backup is not None
    app = open_page("Admins", "backups")
    app.button(key="delete").click().run()
    assert f"This deletes backup **{made.backup.id}**" in texts(app)
    app.button(key="cancel_delete").click().run()
    assert [b.id for b in admin_api.iter_backups()] == [made.backup.id]  # kept

    app.button(key="delete").click().run()
    app.button(key="confirm_delete").click().run()
    assert not app.exception
    assert f"Deleted backup {made.backup.id} of departments" in texts(app)
    assert list(admin_api.iter_backups()) == []
    assert "No backups yet" in texts(app)


def test_an_admin_gets_a_download_link_that_serves_the_file(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    import httpx

    admin_api.insert("departments", DEPARTMENTS)
    made = admin_api.wait_for_job(admin_api.backup_table("departments"), interval=0.05)
    assert made.backup is not None
    app = open_page("Admins", "backups")
    app.button(key="prepare_download").click().run()
    assert not app.exception
    (link,) = app.get("link_button")
    assert f"{made.backup.id}.avro" in link.proto.label
    answer = httpx.get(link.proto.url)
    assert answer.status_code == 200 and answer.content.startswith(b"Obj\x01")
    assert "for anyone who has it" in texts(app)


def place_of_table(app: AppTest) -> int:
    """Where the backups table sits among the page's top-level elements."""
    kinds = {index: node.__class__.__name__ for index, node in app.main.children.items()}
    return next(index for index, kind in kinds.items() if kind == "Dataframe")


def test_the_table_keeps_its_place_when_a_notice_comes_and_goes(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    """Streamlit places elements by position: a table that moves while a slow run redraws the
    page is shown twice (its old copy stays until the run ends), as loaded browsers saw."""
    admin_api.insert("departments", DEPARTMENTS)
    app = open_page("Admins", "backups")
    app.button(key="create").click().run()
    assert "Backed up" in texts(app)
    with_notice = place_of_table(app)
    app.run()
    assert "Backed up" not in texts(app)
    assert place_of_table(app) == with_notice
