"""Ask page: answers with table, chart and SQL; refusals offer clickable suggestions; SQL box."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from client.api import HrClient
from tests.streamlit_app.app_pages.test_reports import seed
from tests.streamlit_app.conftest import OpenPage


def asked(open_page: OpenPage, api: HrClient, question: str) -> AppTest:
    """The Ask page of an Analyst, over the reports' data, after asking ``question``."""
    seed(api)
    app = open_page("Analysts", "ask")
    app.text_input(key="ask.question").input(question)
    return app.button[0].click().run()  # the form's Ask button


def test_a_question_is_answered_with_rows_and_the_sql(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = asked(open_page, admin_api, "How many people were hired in 2021?")
    assert not app.exception
    hired_2021 = admin_api.run_sql(
        "SELECT COUNT(*) FROM hired_employees "
        "WHERE datetime >= '2021-01-01' AND datetime < '2022-01-01'"
    ).rows[0][0]
    (number,) = app.metric  # one number is shown as a number, not as a one-cell table
    assert number.value == f"{hired_2021:,}"
    assert not app.dataframe
    assert app.code
    assert "SELECT" in app.code[0].value.upper()


def test_an_answer_with_a_chart_hint_is_drawn(open_page: OpenPage, admin_api: HrClient) -> None:
    app = asked(open_page, admin_api, "Hires by department in 2021")
    assert not app.exception
    assert app.get("vega_lite_chart")


def test_a_refusal_offers_suggestions_that_ask_when_clicked(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = asked(open_page, admin_api, "What is the weather like on Mars?")
    assert app.warning  # the engine's explanation of the refusal
    suggestions = [b for b in app.button if b.key and b.key.startswith("suggestion_")]
    assert suggestions
    chosen = suggestions[0].label
    suggestions[0].click().run()
    assert app.text_input(key="ask.question").value == chosen
    assert not app.warning
    assert app.dataframe or app.metric  # answered (one number is shown as a number)


def test_the_sql_box_runs_a_select_and_refuses_a_write(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    seed(admin_api)
    app = open_page("Analysts", "ask")
    app.text_area(key="sql").input("SELECT id, department FROM departments ORDER BY id")
    app.button(key="FormSubmitter:sql_box-Run").click().run()
    shown = app.dataframe[0].value
    assert list(shown["id"]) == sorted(d.id for d in admin_api.iter_departments())

    app.text_area(key="sql").input("DELETE FROM departments")
    app.button(key="FormSubmitter:sql_box-Run").click().run()
    assert app.error
    assert len(list(admin_api.iter_departments())) == len(shown)


def test_the_reading_is_shown_above_the_answer_and_its_sql_opens_in_the_sql_box(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = asked(open_page, admin_api, "How many people were hired in 2021 excluding Sales?")
    assert not app.exception
    reading = app.info[0].value
    assert "not in Sales" in reading and "2021" in reading
    caption = app.caption[0].value
    assert "engine offline" not in caption and "hire(s)" not in caption
    app.button(key="answer_to_sql").click().run()
    assert app.text_area(key="sql").value == app.code[0].value
