"""Paging forward by nextToken and back through the tokens already seen."""

from __future__ import annotations

from typing import Any

from streamlit_app.browsing import pager


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
