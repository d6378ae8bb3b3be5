"""The Data, Backups and Ask pages in a real Chromium: what misled a data team.

One local server and one served app for the module (see conftest.py's ``served``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from client.api import HrClient
from tests.streamlit_app.browser_app import (
    DESKTOP,
    PHONE,
    ServedApp,
    boxes,
    open_menu_item,
    run_ended,
    shot,
    signed_in_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("empty_tables")]

HIRES = [("Ada", "2021-02-01", 1), ("Alan", "2021-05-01", 2), ("Grace", "2021-08-01", 1),
         ("Edsger", "2022-01-10", 2)]  # fmt: skip


def seed(api: HrClient) -> None:
    api.insert("departments", [{"id": 1, "department": "Sales"}, {"id": 2, "department": "Ops"}])
    api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    rows = [
        {"id": i, "name": name, "datetime": f"{day}T09:00:00Z", "departmentId": d, "jobId": 1}
        for i, (name, day, d) in enumerate(HIRES, 1)
    ]
    api.insert("hired_employees", rows)


def test_the_data_page_shows_the_current_problem_keeps_from_and_lets_banners_go(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 7: the table's problem column, a "before" earlier than "from", a banner's life."""
    with HrClient(served.url, served.token) as api:
        seed(api)
    page = signed_in_page(served, chromium, DESKTOP, "alice", "Admins", "/data")
    grid = page.get_by_test_id("stDataFrame").first
    name = page.get_by_label("Department", exact=True)
    save = page.get_by_role("button", name="Save changes")

    name.fill("")
    save.click()
    expect(page.get_by_text("Row 1: Enter a department name")).to_be_visible()
    expect(grid).to_contain_text("Enter a department name")
    name.fill("Sales")
    save.click()
    expect(page.get_by_text("Row 1: Nothing changed")).to_be_visible()
    expect(grid).to_contain_text("Nothing changed")  # the table says what the form says
    expect(grid).not_to_contain_text("Enter a department name")
    shot(page, "70-data-problem-desktop", grid)

    name.fill("Sales and Marketing")
    save.click()
    banner = page.get_by_text("Saved department 1")
    expect(banner).to_be_visible()
    page.get_by_text("jobs", exact=True).click()
    page.get_by_text("departments", exact=True).click()
    expect(page.get_by_text("2 departments · rows 1 to 2 of 2")).to_be_visible()
    expect(banner).to_have_count(0)  # a later action: the banner has gone

    page.get_by_text("hired employees", exact=True).click()
    page.get_by_role("textbox", name="Hired from").fill("2021-06-01")
    page.keyboard.press("Enter")
    expect(page.get_by_text("2 matching employees · rows 1 to 2 of 2")).to_be_visible()
    page.get_by_role("textbox", name="Hired before").fill("2021-03-01")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Hired before is not applied until this is fixed")).to_be_visible()
    expect(page.get_by_text("2 matching employees · rows 1 to 2 of 2")).to_be_visible()
    shot(page, "71-data-dates-desktop")


def test_a_failed_restore_says_so_in_the_pages_words_and_leaves_no_bar(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 9: no blue bar reading "failed"; "tick Force", not "pass force"; a damaged
    manifest in words."""
    with HrClient(served.url, served.token) as api:
        seed(api)
        done = api.wait_for_job(api.backup_table("hired_employees"), interval=0.1)
        assert done.backup is not None
        other = api.wait_for_job(api.backup_table("jobs"), interval=0.1)
        assert other.backup is not None
    served.empty_tables()  # the employees' departments and jobs are gone
    folder = served.settings.data_dir / "backups"
    (folder / f"{other.backup.id}.manifest.json").write_text("{not json", encoding="utf-8")
    for viewport, width in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = signed_in_page(served, chromium, viewport, "alice", "Admins", "/backups")
        damaged = page.get_by_text(f"Backup {other.backup.id} cannot be restored", exact=False)
        expect(damaged).to_contain_text("is damaged")
        expect(page.get_by_text("Expecting property name")).not_to_be_visible()
        page.get_by_role("button", name="Restore…").click()
        page.get_by_role("button", name="Yes, restore hired_employees").click()
        failed = page.get_by_text("Restoring hired_employees failed", exact=False)
        expect(failed).to_be_visible()
        expect(failed).to_contain_text("tick “Force”")
        expect(failed).not_to_contain_text("pass force")
        expect(page.get_by_test_id("stProgress")).to_have_count(0)
        shot(page, f"72-backups-failed-restore-{width}", failed)


def test_an_admin_deletes_a_backup_with_a_damaged_manifest_from_the_page(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 9: a damaged backup is named apart, and deleted there after a confirmation."""
    with HrClient(served.url, served.token) as api:
        seed(api)
        kept = api.wait_for_job(api.backup_table("jobs"), interval=0.1).backup
        broken = api.wait_for_job(api.backup_table("jobs"), interval=0.1).backup
    assert kept is not None and broken is not None
    folder = served.settings.data_dir / "backups"
    (folder / f"{broken.id}.manifest.json").write_text("{not json", encoding="utf-8")
    page = signed_in_page(served, chromium, DESKTOP, "alice", "Admins", "/backups")
    page.get_by_role("button", name=f"Delete {broken.id}…").click()
    page.get_by_role("button", name="Keep it").click()  # the same confirmation as a delete
    # Its rerun has ended when the confirmation is gone: a click before then can land on
    # the old page's buttons, which a busy browser still shows, and be lost.
    expect(page.get_by_role("button", name="Keep it")).to_have_count(0)
    expect(page.get_by_text(f"Backup {broken.id} cannot be restored", exact=False)).to_be_visible()
    page.get_by_role("button", name=f"Delete {broken.id}…").click()
    page.get_by_role("button", name=f"Yes, delete {broken.id}").click()
    expect(page.get_by_text(f"Deleted damaged backup {broken.id}.")).to_be_visible()
    expect(page.get_by_text(f"Backup {broken.id} cannot", exact=False)).to_have_count(0)
    # The kept backup is still listed: chosen in the list, it can be deleted in its turn (read
    # from that button's text; a busy browser can show the table twice while it moves up).
    expect(page.get_by_role("button", name=f"Delete {kept.id}…")).to_be_visible()
    assert not list(folder.glob(f"{broken.id}*"))
    shot(page, "73-backups-damaged-deleted-desktop")


def test_a_two_year_comparison_is_drawn_side_by_side_with_whole_names(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 6: the answer says "side by side": bars beside each other, names never cut."""
    long_name = "Business Development and Strategic Partnerships"
    with HrClient(served.url, served.token) as api:
        api.insert("departments", [{"id": 1, "department": long_name}])
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
        days = ["2021-03-01", "2021-04-01", "2022-03-01"]
        rows = [
            {"id": i, "name": f"P{i}", "datetime": f"{d}T09:00:00Z", "departmentId": 1, "jobId": 1}
            for i, d in enumerate(days, 1)
        ]
        api.insert("hired_employees", rows)
    for viewport, width in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = signed_in_page(served, chromium, viewport, "ann", "Analysts", "/ask")
        page.get_by_role("textbox", name="Question").fill("Hires by department in 2021 vs 2022")
        page.get_by_role("button", name="Ask", exact=True).click()
        expect(page.get_by_text("side by side", exact=False).first).to_be_visible()
        run_ended(page)
        chart = page.locator(".vega-embed").first
        bars = chart.locator("g.mark-rect path[aria-label]")
        expect(bars).to_have_count(2)
        first, second = sorted(boxes(bars), key=lambda box: box["y"])
        assert first["y"] + first["height"] <= second["y"] + 0.5  # one band each
        assert abs(first["x"] - second["x"]) < 1  # both start at zero: not stacked
        assert abs(first["width"] - 2 * second["width"]) < 2  # 2021: 2 hires, 2022: 1
        expect(chart.locator(".role-axis-label text", has_text=long_name)).to_have_count(1)
        shot(page, f"73-ask-side-by-side-{width}", chart)


WRONG = "SELECT id\nFROM jobs WHERE id = = 1"


def test_sql_keeps_its_text_and_history_across_pages_and_shows_where_a_syntax_error_is(
    served: ServedApp, chromium: Browser
) -> None:
    """The SQL editor's habits: history that survives navigation, the error's position."""
    page = signed_in_page(served, chromium, DESKTOP, "ann", "Analysts", "/ask")
    box = page.get_by_role("textbox", name="SQL")
    box.fill("SELECT id FROM jobs")
    page.get_by_role("button", name="Run", exact=True).click()
    expect(page.get_by_text("0 rows. Ran:")).to_be_visible()
    box.fill(WRONG)
    page.get_by_role("button", name="Run", exact=True).click()
    caret = page.get_by_test_id("stCode").filter(has_text="^ line 2, column")
    expect(caret).to_be_visible()
    shot(page, "74-sql-error-position-desktop", caret)
    open_menu_item(page, "Data")
    open_menu_item(page, "Ask", "Ask a question")
    expect(page.get_by_role("textbox", name="SQL")).to_have_value(WRONG)
    page.get_by_label("History").click()
    page.get_by_role("option", name="SELECT id FROM jobs", exact=True).click()
    expect(page.get_by_role("textbox", name="SQL")).to_have_value("SELECT id FROM jobs")


def test_the_whole_filtered_set_is_exported(served: ServedApp, chromium: Browser) -> None:
    """Data grids' export: every matching row, not the page on screen; "no job", not None."""
    with HrClient(served.url, served.token) as api:
        seed(api)
        api.insert("hired_employees", [{"id": 9, "name": "Nobody", "datetime": "2021-09-01"}])
    page = signed_in_page(served, chromium, DESKTOP, "alice", "Admins", "/data")
    page.get_by_text("hired employees", exact=True).click()
    page.get_by_role("textbox", name="Hired from").fill("2021-04-01")
    page.keyboard.press("Enter")
    expect(page.get_by_text("4 matching employees")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download all 4 matching rows as CSV").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[1] for line in lines[1:]] == ["Alan", "Grace", "Edsger", "Nobody"]
    assert lines[-1].split(",")[3] == "no department"


def test_a_delete_can_be_undone_right_after(served: ServedApp, chromium: Browser) -> None:
    """Data grids' undo after delete: the row goes back as it was."""
    with HrClient(served.url, served.token) as api:
        seed(api)
        api.insert("departments", [{"id": 3, "department": "Legal"}])
    page = signed_in_page(served, chromium, DESKTOP, "alice", "Admins", "/data")
    page.get_by_label("Row", exact=True).click()
    page.keyboard.type("Legal")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Delete department 3 (Legal)…").click()
    page.get_by_role("button", name="Yes, delete department 3").click()
    expect(page.get_by_text("Deleted department 3 (Legal).")).to_be_visible()
    page.get_by_role("button", name="Undo the delete").click()
    expect(page.get_by_text("Put back department 3 (Legal).")).to_be_visible()
    with HrClient(served.url, served.token) as api:
        back = api.department(3)
    assert back is not None and back.department == "Legal"
