"""Sign-in, sign-out, ended sessions and pages by group, in a real Chromium; and the reports.

One local server and one served app for the module (see conftest.py's ``served``).
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Browser, expect

from client.api import HrClient
from localcognito.users import UserStore
from tests.streamlit_app.browser_app import (
    DESKTOP,
    PHONE,
    ServedApp,
    new_page,
    open_menu_item,
    shot,
    signed_in_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("empty_tables")]


def test_sign_out_is_in_the_sidebar_and_an_ended_session_leads_back_to_sign_in(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 10: ``users disable`` ends the session; the app says so and asks for a sign-in."""
    page = signed_in_page(served, chromium, DESKTOP, "dora", "Viewers", "/data")
    expect(page.get_by_test_id("stSidebar").get_by_role("button", name="Sign out")).to_be_visible()
    time.sleep(1.1)  # tokens are refused from the next second on
    users = UserStore.in_data_dir(served.settings.data_dir)
    users.set_disabled("dora", True, int(time.time()))
    try:
        page.get_by_text("jobs", exact=True).click()  # any call now fails
        expect(page.get_by_text("Your sign-in has ended")).to_be_visible()
        expect(page.get_by_label("Username")).to_be_visible()
        expect(page.get_by_text("Signed in as")).to_have_count(0)
        shot(page, "60-ended-session-desktop")
        page.reload()
        expect(page.get_by_label("Username")).to_be_visible()
        expect(page.get_by_text("Signed in as")).to_have_count(0)
    finally:
        users.set_disabled("dora", False, int(time.time()))

    # The sidebar's Sign out, on a phone: the menu opens, Sign out is there and works.
    page = signed_in_page(served, chromium, PHONE, "pat", "Viewers", "/reports")
    page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_test_id("stSidebar").get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("Username")).to_be_visible()
    shot(page, "61-signed-out-phone")


def test_a_viewer_is_told_whose_page_load_is_and_not_sent_to_it(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 11: /load for a Viewer names its groups; an empty Reports page does not point there."""
    for viewport, width in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = signed_in_page(served, chromium, viewport, "vic", "Viewers", "/load")
        expect(page.get_by_text("The Load page is for Admins")).to_be_visible()
        expect(page.get_by_text("Page not found")).to_have_count(0)
        shot(page, f"62-viewer-at-load-{width}")
    open_menu_item(page, "Reports")
    expect(page.get_by_text("once an admin loads them")).to_be_visible()
    expect(page.get_by_text("Load page")).to_have_count(0)


def test_the_sign_in_form_is_a_sign_in_for_people_with_an_account(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 11: a password manager's sign-in field; no word to end users about `make run`."""
    page = new_page(chromium, PHONE)
    page.goto(served.ui)
    password = page.get_by_label("Password", exact=True)
    expect(password).to_have_attribute("autocomplete", "current-password")
    expect(page.get_by_label("Username")).to_have_attribute("autocomplete", "username")
    expect(page.get_by_text("make run")).to_have_count(0)
    shot(page, "63-sign-in-phone")


def test_each_report_chart_says_which_hires_it_counts_and_which_it_leaves_out(
    served: ServedApp, chromium: Browser
) -> None:
    """Item 4: the heatmap needs a job, the bars do not; each says so on itself."""
    with HrClient(served.url, served.token) as api:
        departments = [{"id": 1, "department": "Sales"}, {"id": 2, "department": "Ops"}]
        api.insert("departments", departments)
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
        hires = [(1, 1), (1, 1), (1, None), (None, 1), (2, 1)]
        rows = [
            {"id": i, "name": f"P{i}", "datetime": f"2021-0{i}-01T09:00:00Z"}
            | ({"departmentId": d} if d else {})
            | ({"jobId": j} if j else {})
            for i, (d, j) in enumerate(hires, 1)
        ]
        api.insert("hired_employees", rows)
    for viewport, width in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = signed_in_page(served, chromium, viewport, "vera", "Viewers", "/reports")
        charts = page.locator(".vega-embed")
        expect(charts).to_have_count(2)
        heatmap, bars = charts.first, charts.last
        expect(heatmap).to_contain_text("3 hires with both a department and a job")
        expect(heatmap).to_contain_text("Left out: 1 hire with no job (Sales 1)")
        expect(heatmap).to_contain_text("Left out: 1 hire with no department")
        expect(bars).to_contain_text("4 hires with a department")
        expect(bars).to_contain_text("Includes 1 hire with no job")
        shot(page, f"64-reports-{width}", heatmap)
