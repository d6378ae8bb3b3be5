"""Paging forward by nextToken and back through the tokens already seen; typed filter dates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from streamlit_app.browsing import date_window, pager, typed_date


def test_forward_and_back_return_to_the_same_tokens() -> None:
    state: dict[str, Any] = {}
    paging = pager(state, "p", "departments")
    assert paging.token is None
    paging.forward("t2")
    paging.forward("t3")
    assert paging.number == 3
    assert paging.token == "t3"
    paging.back()
    assert paging.token == "t2"
    paging.forward("t3-again")
    assert paging.tokens == [None, "t2", "t3-again"]


def test_the_last_page_does_not_move_forward() -> None:
    paging = pager({}, "p", "jobs")
    paging.forward(None)
    assert paging.number == 1


def test_a_new_filter_starts_again_at_page_one() -> None:
    state: dict[str, Any] = {}
    pager(state, "p", "employees?name=a").forward("t2")
    assert pager(state, "p", "employees?name=a").number == 2
    assert pager(state, "p", "employees?name=b").number == 1


def test_a_typed_date_is_read_and_an_empty_box_is_no_filter() -> None:
    assert typed_date(" 2021-05-01 ", "Hired from") == date(2021, 5, 1)
    assert typed_date("  ", "Hired from") is None


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("01/05/2021", "type a date as YYYY-MM-DD"),
        ("20210501", "type a date as YYYY-MM-DD"),  # ISO, but not what the box asks for
        ("yesterday", "type a date as YYYY-MM-DD"),
        ("2021-02-30", "2021-02-30 is not a day on the calendar"),
        ("2021-13-01", "2021-13-01 is not a day on the calendar"),
    ],
)
def test_anything_but_a_day_as_yyyy_mm_dd_is_refused_naming_the_box(typed: str, rule: str) -> None:
    with pytest.raises(ValueError, match=f"^Hired before: {rule}"):
        typed_date(typed, "Hired before")


def test_an_empty_window_is_refused_before_any_call() -> None:
    date_window(date(2021, 5, 1), date(2021, 5, 2))
    date_window(None, date(2021, 5, 1))
    with pytest.raises(ValueError, match="must be a later day than Hired from"):
        date_window(date(2021, 5, 1), date(2021, 5, 1))
