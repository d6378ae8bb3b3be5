"""The Load page in a real Chromium, with the historic files: what a data team loads.

One local server and one served app for the module (a browser test costs
seconds of start-up); each test starts from empty tables. The app's caches
live in the served process across tests, so a test only reads counts after
writes made through the app (which clear them).
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from client.api import HrClient
from client.models import Table
from streamlit_app import importing
from tests.conftest import HISTORIC_DATA
from tests.streamlit_app.app_pages.test_load import large_file
from tests.streamlit_app.browser_app import (
    DESKTOP,
    PHONE,
    ServedApp,
    open_menu_item,
    shot,
    signed_in_page,
    upload,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("empty_tables")]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """Copies of the historic files (a load writes its rejects file beside its input)."""
    for name in ("departments.csv", "jobs.csv", "hired_employees.csv"):
        shutil.copy(HISTORIC_DATA / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def admin_page(served: ServedApp, chromium: Browser) -> Iterator[Page]:
    page = signed_in_page(served, chromium, DESKTOP, "alice", "Admins", "/load")
    yield page
    page.context.close()


def no_traceback(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Traceback")).to_have_count(0)


def load(page: Page, rows: int, name: str, table: str) -> None:
    plural = "row" if rows == 1 else "rows"
    page.get_by_role("button", name=f"Load {rows:,} {plural} of {name} into {table}").click()
    expect(page.get_by_role("heading", name=f"Summary: {name} into {table}")).to_be_visible()


def metric(page: Page, label: str) -> str:
    found = page.get_by_test_id("stMetric").filter(has_text=label)
    return str(found.get_by_test_id("stMetricValue").inner_text()).strip()


def test_missing_hire_dates_are_counted_before_sending_and_rejected_unless_dated_now(
    served: ServedApp, admin_page: Page, files: Path
) -> None:
    """Item 1: 14 historic rows have no hire date; a file load rejects them unless told."""
    with HrClient(served.url, served.token) as api:
        api.insert("departments", [{"id": i, "department": f"D{i}"} for i in range(1, 13)])
        api.insert("jobs", [{"id": i, "job": f"J{i}"} for i in range(1, 184)])
    page = admin_page
    upload(page, files / "hired_employees.csv")
    said = page.get_by_text("14 rows have no hire date")
    expect(said).to_be_visible()
    choice = page.get_by_role("radiogroup", name="Rows with no hire date")
    expect(choice.get_by_role("radio", name="Reject them", exact=False)).to_be_checked()
    shot(page, "50-load-missing-dates-desktop", said)
    load(page, 1999, "hired_employees.csv", "hired_employees")
    no_traceback(page)
    expect(page.get_by_text("no hire date", exact=False).first).to_be_visible()
    with HrClient(served.url, served.token) as api:
        assert api.hire_years() == [2021, 2022]  # no phantom hire dated today
        stored = api.row_count(Table.HIRED_EMPLOYEES)
    assert metric(page, "Inserted") == f"{stored:,}"

    # Dated now, when the person says so.
    small = files / "new_hires.csv"
    upload(page, small, "5001,Ada Lovelace,,1,1\r\n5002,Alan Turing,2021-05-01T09:00:00Z,1,1\r\n")
    expect(page.get_by_text("1 row has no hire date")).to_be_visible()
    page.get_by_text("Date them now", exact=False).click()
    load(page, 2, "new_hires.csv", "hired_employees")
    assert metric(page, "Inserted") == "2"


def test_a_malformed_line_is_that_lines_verdict_and_the_rest_load(
    served: ServedApp, admin_page: Page, files: Path
) -> None:
    """Item 2: an unclosed quote and a line with extra cells, between good rows."""
    with HrClient(served.url, served.token) as api:
        api.insert("departments", [{"id": 1, "department": "Sales"}])
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    content = (
        "1,Ada Lovelace,2021-02-01T09:00:00Z,1,1\r\n"
        "2,Alan Turing,2021-05-01T09:00:00Z,1,1\r\n"
        '3,"Grace Hopper,2021-06-01T09:00:00Z,1,1\r\n'
        "4,Edsger Dijkstra,2021-07-01T09:00:00Z,1,1,extra,cells\r\n"
        "5,Barbara Liskov,2021-08-01T09:00:00Z,1,1\r\n"
    )
    page = admin_page
    upload(page, files / "staff.csv", content)
    load(page, 5, "staff.csv", "hired_employees")
    no_traceback(page)
    assert (metric(page, "Received"), metric(page, "Inserted"), metric(page, "Rejected")) == (
        "5",
        "3",
        "2",
    )
    rejected = page.get_by_test_id("stDataFrame").filter(has_text="line")
    expect(page.get_by_text("a quote opens and does not close", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Download rejected rows as CSV")).to_be_visible()
    shot(page, "51-load-malformed-desktop", rejected.last)
    with HrClient(served.url, served.token) as api:
        assert sorted(e.id for e in api.iter_employees()) == [1, 2, 5]


def test_employees_before_departments_and_jobs_says_so_and_groups_the_rejects(
    served: ServedApp, admin_page: Page, files: Path
) -> None:
    """Item 8: the check before sending names the empty tables; rejects grouped by reason."""
    page = admin_page
    upload(page, files / "hired_employees.csv")
    warning = page.get_by_text("departments and jobs are empty", exact=False)
    expect(warning).to_be_visible()
    shot(page, "52-load-employees-first-desktop", warning)
    load(page, 1999, "hired_employees.csv", "hired_employees")
    no_traceback(page)
    grouped = page.get_by_test_id("stTable").filter(has_text="UNKNOWN_REFERENCE").last
    expect(grouped).to_be_visible()
    expect(grouped).to_contain_text("department")
    # Each reason leads to its rows.
    page.get_by_role("radiogroup", name="Show the rejected rows").get_by_text(
        "UNKNOWN_REFERENCE", exact=False
    ).first.click()
    # the rows of that reason alone; the line for every reason (all 1,999) may stay beside it
    shown = page.get_by_text("rejected rows shown", exact=False).filter(has_not_text="1,999")
    expect(shown.first).to_be_visible()
    shot(page, "53-load-rejects-grouped-desktop")


def test_the_data_page_follows_a_load_at_once(served: ServedApp, admin_page: Page) -> None:
    """Item 5: counts and pickers are fresh after a load made on the Load page."""
    page = admin_page
    open_menu_item(page, "Data")
    page.get_by_text("departments", exact=True).click()
    expect(page.get_by_text("0 of 0")).to_be_visible()
    open_menu_item(page, "Load", "Load a CSV file")
    upload(page, Path(served.tmp) / "departments.csv", "1,Sales\r\n2,Research\r\n")
    load(page, 2, "departments.csv", "departments")
    open_menu_item(page, "Data")
    page.get_by_text("departments", exact=True).click()
    expect(page.get_by_text("2 departments · rows 1 to 2 of 2")).to_be_visible()
    page.get_by_text("hired employees", exact=True).click()
    expect(page.get_by_role("textbox", name="Hired from")).to_be_visible()  # the filter is drawn
    page.get_by_label("Department", exact=True).first.click()
    expect(page.get_by_role("option", name="Research · #2")).to_be_visible()


def test_a_semicolon_file_with_a_header_in_words_is_read_as_a_table(
    served: ServedApp, chromium: Browser
) -> None:
    """Header and delimiter detection: "Job ID;Job Title" is a header, ";" a delimiter."""
    for viewport, name in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = signed_in_page(served, chromium, viewport, "alice", "Admins", "/load")
        upload(page, Path(served.tmp) / "jobs_export.csv", "Job ID;Job Title\r\n7;Cartographer\r\n")
        expect(page.get_by_text("with a header row")).to_be_visible()
        expect(page.get_by_text("1 row", exact=False).first).to_be_visible()
        shot(page, f"54-load-semicolon-{name}")
        page.context.close()


def test_duplicate_column_names_in_sql_do_not_break_the_page(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 3: ``SELECT id, id`` shows both columns; the page stays whole after navigating."""
    with HrClient(served.url, served.token) as api:
        api.insert("jobs", [{"id": 1, "job": "Engineer"}, {"id": 2, "job": "Analyst"}])
    page = signed_in_page(served, chromium, DESKTOP, "ann", "Analysts", "/ask")
    for sql in ("SELECT id, id FROM jobs", "SELECT * FROM jobs a CROSS JOIN jobs b"):
        page.get_by_role("textbox", name="SQL").fill(sql)
        page.get_by_role("button", name="Run", exact=True).click()
        expect(page.get_by_text("rows. Ran:", exact=False)).to_be_visible()
        no_traceback(page)
    open_menu_item(page, "Data")
    open_menu_item(page, "Ask", "Ask a question")
    no_traceback(page)
    expect(page.get_by_text("rows. Ran:", exact=False)).to_be_visible()  # the last result stays
    shot(page, "55-sql-duplicate-columns-desktop", page.get_by_text("rows. Ran:"))


def test_rejected_rows_are_sent_again_from_the_page(served: ServedApp, admin_page: Page) -> None:
    """Fixing and re-sending: rows refused for a department not there yet go in once it is."""
    page = admin_page
    content = "1,Ada,2021-02-01T09:00:00Z,1,1\r\n2,Alan,2021-05-01T09:00:00Z,1,1\r\n"
    upload(page, Path(served.tmp) / "early.csv", content)
    load(page, 2, "early.csv", "hired_employees")
    assert metric(page, "Rejected") == "2"
    with HrClient(served.url, served.token) as api:
        api.insert("departments", [{"id": 1, "department": "Sales"}])
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    page.get_by_role("button", name="Send these 2 rows again").click()
    expect(page.get_by_text("Sent again: 2 of 2 rows inserted.")).to_be_visible()
    with HrClient(served.url, served.token) as api:
        assert sorted(e.id for e in api.iter_employees()) == [1, 2]


def test_a_large_file_is_imported_as_one_job_and_its_rejects_shown(
    served: ServedApp, admin_page: Page, tmp_path: Path
) -> None:
    """Issue 25: above the batch path's line, the page uploads the file to the import link,
    follows the job's steps and shows the counts per reason and the first rejected rows."""
    with HrClient(served.url, served.token) as api:
        api.insert("departments", [{"id": 1, "department": "Sales"}])
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    rows = importing.IMPORT_ABOVE_ROWS + 2000
    path = tmp_path / "big_hires.csv"
    path.write_bytes(large_file(rows))
    page = admin_page
    upload(page, path)
    expect(page.get_by_text("one import job", exact=False).first).to_be_visible()
    page.get_by_role(
        "button", name=f"Import {rows:,} lines of big_hires.csv into hired_employees"
    ).click()
    summary = page.get_by_role("heading", name="Summary: big_hires.csv into hired_employees")
    expect(summary).to_be_visible()
    no_traceback(page)
    expect(page.get_by_text("Accepted rows inserted, rejects written", exact=False)).to_be_visible()
    assert (metric(page, "Received"), metric(page, "Inserted"), metric(page, "Rejected")) == (
        f"{rows:,}",
        f"{rows - 3:,}",
        "3",
    )
    reasons = page.get_by_test_id("stTable").filter(has_text="DUPLICATE_IN_BATCH")
    expect(reasons).to_be_visible()
    shot(page, "56-load-large-file-import-desktop", summary)
    with HrClient(served.url, served.token) as api:
        assert api.row_count(Table.HIRED_EMPLOYEES) == rows - 3

    # The whole rejects file: the browser fetches it from the server's link, not from the app.
    link = page.get_by_role("link", name="Download all 3 rejected rows as CSV")
    expect(link).to_be_visible()
    with page.expect_download() as started:
        link.click()
    saved = Path(started.value.path())
    assert started.value.suggested_filename == "big_hires.rejected.csv"
    with saved.open(encoding="utf-8", newline="") as stream:
        rejected = list(csv.reader(stream))
    assert [row[:3] for row in rejected] == [
        ["line", "reason", "field"],
        ["3", "INVALID", "name"],
        ["5", "DUPLICATE_IN_BATCH", "id"],
        ["7", "UNKNOWN_REFERENCE", "departmentId"],
    ]
