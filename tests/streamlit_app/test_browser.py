"""End to end in a real headless Chromium (Debian's, driven by Playwright).

`streamlit run streamlit_app/serve.py` and the local server run on free
ports; a person's path through the app at desktop width, then at phone
width, and GraphiQL with the network cut. Screenshots land in
tests/artifacts/. No browser is downloaded: `make test` installs Debian's
chromium first, and a missing browser fails these tests.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from client.api import HrClient
from localdev.graphiql import missing_assets
from streamlit_app import kept_sessions
from streamlit_app.charts import period_label
from tests.conftest import ADMIN_PASSWORD, LiveServer
from tests.streamlit_app.app_pages.test_reports import seed
from tests.streamlit_app.conftest import PASSWORD, add_user, streamlit_serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
WAIT_MS = 30_000

pytestmark = pytest.mark.browser

CSV = (
    "1,Ada Lovelace,2021-02-01T09:00:00Z,1,1\r\n"
    "2,Alan Turing,2021-05-01T09:00:00Z,1,1\r\n"
    "3,,2021-06-01T09:00:00Z,1,1\r\n"
    "4,Grace Hopper,2021-08-01T09:00:00Z,2,1\r\n"
)


@pytest.fixture
def streamlit_url(live_server: LiveServer, tmp_path: Path) -> Iterator[str]:
    """`streamlit run streamlit_app/serve.py` on a free port, talking to the live server."""
    with streamlit_serving(live_server.url, live_server.settings, tmp_path) as url:
        yield url


DESKTOP = {"width": 1280, "height": 1000}
PHONE = {"width": 390, "height": 844}


def new_page(browser: Browser, viewport: dict[str, int]) -> Page:
    page = browser.new_context(viewport=viewport).new_page()  # type: ignore[arg-type]
    page.set_default_timeout(WAIT_MS)
    return page


def shot(page: Page, name: str, focus: Locator | None = None) -> None:
    """A screenshot; Streamlit scrolls inside its main block, so scroll ``focus`` into view."""
    if focus is not None:
        focus.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # let charts finish drawing
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def menu(page: Page) -> Locator:
    return page.get_by_test_id("stSidebarNav")


def open_menu_item(page: Page, title: str, heading: str | None = None) -> None:
    """Choose a page from the menu (opening it first on a phone) and wait for its title."""
    opener = page.get_by_test_id("stExpandSidebarButton")
    if opener.count() and opener.first.is_visible():
        opener.first.click()
    menu(page).get_by_text(title, exact=True).click()
    expect(page.get_by_role("heading", name=heading or title).first).to_be_visible()


def sign_in(page: Page, url: str, username: str) -> None:
    page.goto(url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # The app then sends the browser through /session/start once, to set the cookie.
    await_session_handoff(page, signed_in=True)
    expect(page.get_by_test_id("stSidebarNav")).to_be_attached()


def await_session_handoff(page: Page, *, signed_in: bool) -> None:
    """Let the app's one trip through /session/start (or /session/end) finish loading."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while (session_cookie(page) is None) == signed_in and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    page.wait_for_load_state()


def upload(page: Page, path: Path, content: str) -> None:
    path.write_text(content, encoding="utf-8")
    page.locator("input[type=file]").set_input_files(str(path))


def session_cookie(page: Page) -> dict[str, object] | None:
    found = [c for c in page.context.cookies() if c["name"] == kept_sessions.COOKIE]
    return dict(found[0]) if found else None


def test_an_admin_at_desktop_width(
    live_server: LiveServer, streamlit_url: str, chromium: Browser, tmp_path: Path
) -> None:
    add_user(live_server, "alice", "Admins")
    page = new_page(chromium, DESKTOP)

    # 2 + 6: signed in, the Account page is the landing page; the cookie is HttpOnly.
    sign_in(page, streamlit_url, "alice")
    expect(page.get_by_role("heading", name="Account")).to_be_visible()
    expect(page.get_by_role("button", name="Copy token")).to_be_visible()
    expect(page.get_by_text("Hired employees")).to_be_visible()  # rows per table
    expect(page.get_by_role("button", name="Deploy")).to_have_count(0)
    cookie = session_cookie(page)
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    shot(page, "10-account-desktop")

    # 1: the page follows the file; a file that does not fit sends nothing.
    open_menu_item(page, "Load", "Load a CSV file")
    upload(page, tmp_path / "departments.csv", "1,Sales\r\n2,Research\r\n")
    page.get_by_role("button", name="Load 2 rows of departments.csv into departments").click()
    expect(page.get_by_text("Every row was inserted")).to_be_visible()
    upload(page, tmp_path / "jobs.csv", "1,Engineer\r\n")
    page.get_by_role("button", name="Load 1 row of jobs.csv into jobs").click()
    expect(page.get_by_text("Every row was inserted")).to_be_visible()
    upload(page, tmp_path / "staff.csv", CSV)
    expect(page.get_by_text("First rows as hired_employees")).to_be_visible()
    expect(page.get_by_text("Every row was inserted")).to_have_count(0)  # the last file's
    page.get_by_role("button", name="Load 4 rows of staff.csv into hired_employees").click()
    expect(page.get_by_role("heading", name="Rejected rows")).to_be_visible()
    expect(page.get_by_text("is where the row sits in your file")).to_be_visible()
    shot(page, "11-load-desktop", page.get_by_role("button", name="Download rejected rows as CSV"))

    # 2: a reload keeps the session and the page.
    open_menu_item(page, "Data")
    page.reload()
    expect(page.get_by_role("heading", name="Data")).to_be_visible()
    assert page.url.endswith("/data")
    assert "eyJ" not in page.url
    assert "eyJ" not in page.evaluate("JSON.stringify(window.localStorage)")

    # 3: totals, pickers by name, delete asks first; 4: the refusal in plain words.
    page.get_by_text("hired employees", exact=True).click()
    expect(page.get_by_text("3 hired employees · rows 1 to 3 of 3")).to_be_visible()
    page.get_by_label("Department", exact=True).first.click()
    page.keyboard.type("Resea")
    page.keyboard.press("Enter")
    expect(page.get_by_text("1 matching employee ·")).to_be_visible()
    page.get_by_text("departments", exact=True).click()
    page.get_by_role("button", name="Delete department 1 (Sales)…").click()
    expect(page.get_by_text("Delete department 1 (Sales)? This cannot be undone")).to_be_visible()
    page.get_by_role("button", name="Yes, delete department 1").click()
    refusal = page.get_by_text("Row 1: This cannot be done now")
    expect(refusal).to_be_visible()
    page.get_by_text("Details from the server").click()
    expect(page.get_by_text('"Conflict"')).to_be_visible()  # the API's own words, on demand
    shot(page, "12-data-desktop", refusal)

    # 5: years with data only, both charts drawn.
    open_menu_item(page, "Reports")
    expect(page.get_by_text("Hires per quarter in 2021")).to_be_visible()
    charts = page.locator(".vega-embed")
    expect(charts).to_have_count(2)
    shot(page, "13-reports-heatmap-desktop", charts.first)
    shot(page, "14-reports-mean-desktop", charts.last)

    # 2: signing out is explicit, and sticks across a reload.
    open_menu_item(page, "Account")
    # Signing out sends the browser once through /session/end and back: a reload before that
    # trip has loaded would abort it, or find the page detached while its document is swapped
    # (the cookie is gone as soon as /session/end answers, before the page is back).
    with page.expect_navigation(wait_until="load", timeout=WAIT_MS):
        page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("Username")).to_be_visible()
    await_session_handoff(page, signed_in=False)
    page.reload()
    expect(page.get_by_label("Username")).to_be_visible()
    assert session_cookie(page) is None


def test_phone_width_menu_closes_and_delete_stands_apart(
    live_server: LiveServer, streamlit_url: str, chromium: Browser
) -> None:
    with HrClient(live_server.url, live_server.token) as api:
        api.insert("departments", [{"id": 1, "department": "Business Development"}])
    add_user(live_server, "alice", "Admins")
    add_user(live_server, "vera", "Viewers")

    # 10: a Viewer's menu is what the schema lets Viewers call.
    page = new_page(chromium, PHONE)
    sign_in(page, streamlit_url + "/reports", "vera")
    expect(page.get_by_role("heading", name="Reports")).to_be_visible()  # where she was going
    page.get_by_test_id("stExpandSidebarButton").click()
    expect(menu(page).get_by_text("Data", exact=True)).to_be_visible()
    expect(menu(page).get_by_text("Load", exact=True)).to_have_count(0)
    shot(page, "20-viewer-menu-phone")

    # 9: the menu closes after a choice; Delete is far from Save.
    page = new_page(chromium, PHONE)
    sign_in(page, streamlit_url, "alice")
    open_menu_item(page, "Data")
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    save = page.get_by_role("button", name="Save changes")
    delete = page.get_by_role("button", name="Delete department 1 (Business Development)…")
    delete.scroll_into_view_if_needed()
    save_box, delete_box = save.bounding_box(), delete.bounding_box()
    assert save_box is not None and delete_box is not None
    assert delete_box["y"] - (save_box["y"] + save_box["height"]) >= 40
    shot(page, "21-data-phone", delete)


def test_graphiql_works_offline_and_sends_the_token(
    live_server: LiveServer, chromium: Browser
) -> None:
    missing = missing_assets()
    if missing:
        pytest.skip(f"GraphiQL's npm files are not installed (no npm here): {missing}")
    page = new_page(chromium, DESKTOP)
    here = live_server.base_url
    outside: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(here):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(live_server.url)
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as admin (Admins).")).to_be_visible()
    page.locator(".graphiql-execute-button").click()
    expect(page.locator(".result-window")).to_contain_text('"username": "admin"')
    assert outside == []
    shot(page, "30-graphiql")


POPUPS = """() => {
  window.popupsSeen = [];
  const popup = '[data-testid="stDateInputCalendar"], [role="dialog"], [data-baseweb="popover"]';
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (node instanceof Element && (node.matches(popup) || node.querySelector(popup))) {
          window.popupsSeen.push(node.outerHTML.slice(0, 120));
        }
      }
    }
  }).observe(document.body, {childList: true, subtree: true});
}"""


def shown_names(page: Page) -> Locator:
    """The name cells of the Data page's table (its accessible copy of the grid)."""
    grid = page.get_by_test_id("stDataFrame").first
    return grid.locator('td[role="gridcell"][aria-colindex="2"]')


def test_a_typed_date_filters_at_once_with_no_calendar(
    live_server: LiveServer, streamlit_url: str, chromium: Browser
) -> None:
    hires = [("Ada", "2021-02-01"), ("Alan", "2021-05-01"), ("Grace", "2021-08-01"),
             ("Edsger", "2022-01-10")]  # fmt: skip
    with HrClient(live_server.url, live_server.token) as api:
        api.insert("departments", [{"id": 1, "department": "Sales"}])
        api.insert("jobs", [{"id": 1, "job": "Engineer"}])
        rows = [
            {"id": i, "name": name, "datetime": f"{day}T09:00:00Z", "departmentId": 1, "jobId": 1}
            for i, (name, day) in enumerate(hires, 1)
        ]
        api.insert("hired_employees", rows)
    add_user(live_server, "alice", "Admins")
    page = new_page(chromium, DESKTOP)
    sign_in(page, streamlit_url, "alice")
    open_menu_item(page, "Data")
    page.get_by_text("hired employees", exact=True).click()
    expect(page.get_by_text("4 hired employees · rows 1 to 4 of 4")).to_be_visible()
    expect(shown_names(page)).to_have_text(["Ada", "Alan", "Grace", "Edsger"])
    page.evaluate(POPUPS)

    # Typed, then Enter: the rows and the total follow, and no calendar opens or closes.
    page.get_by_role("textbox", name="Hired from").fill("2021-05-01")
    page.keyboard.press("Enter")
    expect(page.get_by_text("3 matching employees · rows 1 to 3 of 3")).to_be_visible()
    expect(shown_names(page)).to_have_text(["Alan", "Grace", "Edsger"])
    page.get_by_role("textbox", name="Hired before").fill("2021-08-01")
    page.keyboard.press("Enter")
    expect(page.get_by_text("1 matching employee · rows 1 to 1 of 1")).to_be_visible()
    expect(shown_names(page)).to_have_text(["Alan"])
    assert page.evaluate("window.popupsSeen") == []
    shot(page, "15-data-typed-dates-desktop", page.get_by_test_id("stDataFrame").first)

    # A day that is not on the calendar is refused in words and not applied; the other stays.
    page.get_by_role("textbox", name="Hired before").fill("2021-02-30")
    page.keyboard.press("Enter")
    refusal = page.get_by_text("Hired before: 2021-02-30 is not a day on the calendar.")
    expect(refusal).to_be_visible()
    expect(page.get_by_text("3 matching employees · rows 1 to 3 of 3")).to_be_visible()


def ask(page: Page, question: str, reading: str) -> Locator:
    """Ask on the Ask page; the chart drawn once the answer's reading is shown above it."""
    page.get_by_role("textbox", name="Question").fill(question)
    page.get_by_role("button", name="Ask", exact=True).click()
    expect(page.get_by_text(f"Answered: {reading}", exact=True)).to_be_visible()
    run_ended(page)
    return page.locator(".vega-embed").first


def run_ended(page: Page) -> None:
    """Wait for the app's script run to end.

    Streamlit removes the last run's leftover elements only when a run ends, so until
    then what is drawn can still move up the page.
    """
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning")


BOXES = """elements => elements.map(element => {
    const box = element.getBoundingClientRect();
    return {label: element.getAttribute("aria-label") ?? "",
            x: box.x, y: box.y, width: box.width, height: box.height};
})"""


def boxes(marks: Locator) -> list[dict[str, Any]]:
    """Where each mark is drawn, with its label, all read in one step.

    Read one by one, a layout change between two reads (an element above leaving)
    would mix two layouts and put marks out of order.
    """
    drawn: list[dict[str, Any]] = marks.evaluate_all(BOXES)
    return drawn


def axis(chart: Locator, which: str) -> Locator:
    """An axis of a drawn chart, by Vega's own description ("X-axis titled ...")."""
    return chart.locator(f'g[aria-label^="{which}-axis"]')


def test_the_ask_page_reads_back_the_question_and_draws_it_in_order(
    live_server: LiveServer, streamlit_url: str, chromium: Browser
) -> None:
    with HrClient(live_server.url, live_server.token) as api:
        seed(api)  # 2021: Sales 5 hires, Research 2, Legal 1 (the alphabet is the reverse)
        ranking = api.ask("Top 3 departments by hires in 2021")
        quarters = api.ask("How many employees were hired per quarter in 2021?")
        months = api.ask("Hires per month in 2021")
    add_user(live_server, "ann", "Analysts")
    page = new_page(chromium, DESKTOP)
    sign_in(page, streamlit_url, "ann")
    open_menu_item(page, "Ask", "Ask a question")

    # A ranking: the reading above it, then bars from the most hires down, values on them.
    chart = ask(page, ranking.question, ranking.reading or "")
    bars = chart.locator("g.mark-rect path[aria-label]")
    expect(bars).to_have_count(len(ranking.rows))
    top_down = [fields(box["label"]) for box in sorted(boxes(bars), key=lambda box: box["y"])]
    names = [bar["department"] for bar in top_down]
    values = [int(bar["hires"]) for bar in top_down]
    assert names == [row[0] for row in ranking.rows] != sorted(names)
    assert values == sorted(values, reverse=True)
    expect(axis(chart, "Y")).to_have_attribute("aria-label", re.compile("discrete scale"))
    hire_ticks = axis(chart, "X").locator(".role-axis-label text").all_text_contents()
    assert hire_ticks and all(re.fullmatch(r"\d+", tick) for tick in hire_ticks)  # whole hires
    shot(page, "40-ask-ranking-desktop", page.get_by_text("Answered:"))

    # Quarters and months: whole, evenly spaced periods, never a 1.5 tick; a period with
    # no hire keeps its place on the axis, with no mark (not a made-up zero).
    for answer, name in ((quarters, "41-ask-quarters-desktop"), (months, "42-ask-months-desktop")):
        chart = ask(page, answer.question, answer.reading or "")
        x_axis = axis(chart, "X")
        expect(x_axis).to_have_attribute("aria-label", re.compile("discrete scale"))
        first, last = answer.rows[0][0], answer.rows[-1][0]
        periods = x_axis.locator(".role-axis-label text")
        column = answer.columns[0]
        expect(periods).to_have_text(
            [period_label(column, period) for period in range(first, last + 1)]
        )  # by name: "Mar", "Q1"
        marks = chart.locator(
            "g.mark-rect.role-mark [aria-label], g.mark-symbol.role-mark [aria-label]"
        )
        expect(marks).to_have_count(len(answer.rows))
        labels: list[str] = marks.evaluate_all("ms => ms.map(m => m.ariaLabel)")
        shown = [fields(label) for label in labels]
        assert sorted((int(m[answer.columns[0]]), int(m["hires"])) for m in shown) == [
            (int(period), int(hires)) for period, hires in answer.rows
        ]
        counts = axis(chart, "Y").locator(".role-axis-label text").all_text_contents()
        assert counts and all(re.fullmatch(r"\d+", count) for count in counts)  # whole hires
        shot(page, name, page.get_by_text("Answered:"))


def fields(label: str) -> dict[str, str]:
    """Vega's label of a mark, "quarter: 1; hires: 3", as its fields and values."""
    return dict(part.split(": ", 1) for part in label.split("; "))
