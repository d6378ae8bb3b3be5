"""Each group sees the pages it can use, as schema.graphql's directives allow them."""

from __future__ import annotations

from streamlit_app.access import PageName, can_edit, can_query, pages_for


def test_nobody_signed_in_sees_only_sign_in() -> None:
    assert pages_for(None) == [PageName.SIGN_IN]


def test_viewers_read_data_and_reports_only() -> None:
    assert set(pages_for(["Viewers"])) == {PageName.SIGN_IN, PageName.DATA, PageName.REPORTS}
    assert not can_edit(["Viewers"])
    assert not can_query(["Viewers"])


def test_analysts_also_ask() -> None:
    assert PageName.ASK in pages_for(["Analysts"])
    assert not {PageName.LOAD, PageName.BACKUPS} & set(pages_for(["Analysts"]))
    assert can_query(["Analysts"])
    assert not can_edit(["Analysts"])


def test_admins_see_every_page() -> None:
    assert pages_for(["Admins"]) == list(PageName)
    assert can_edit(["Admins"])


def test_a_user_in_two_groups_gets_the_union() -> None:
    assert PageName.ASK in pages_for(["Viewers", "Analysts"])


def test_an_unknown_group_gets_no_page_but_sign_in() -> None:
    assert pages_for(["Visitors"]) == [PageName.SIGN_IN]
