"""Each group sees the pages it can use, as schema.graphql's directives allow them."""

from __future__ import annotations

import pytest

from hrgraph_contract import sdl as contract_sdl
from hrgraph_contract.group_rules import GroupRules
from streamlit_app import access
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


def test_every_operation_a_page_names_is_in_the_schema() -> None:
    """A renamed field would otherwise hide a page from everybody, silently."""
    declared = access.rules().declared
    named = {op for ops in access.PAGE_OPERATIONS.values() for op in ops}
    named |= set(access.EDIT_OPERATIONS) | set(access.QUERY_OPERATIONS)
    assert named <= declared, named - declared


def test_the_menu_follows_the_schemas_directives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open `ask` to Viewers in the schema and Viewers get the Ask page, with nothing else."""
    sdl = contract_sdl()
    ask = "ask(question: String!): Answer! @aws_cognito_user_pools(cognito_groups: "
    opened = sdl.replace(
        ask + '["Admins", "Analysts"])', ask + '["Admins", "Analysts", "Viewers"])'
    )
    assert opened != sdl
    monkeypatch.setattr(access, "rules", lambda: GroupRules.from_sdl(opened))
    assert PageName.ASK in pages_for(["Viewers"])
    assert PageName.LOAD not in pages_for(["Viewers"])


def test_the_app_and_the_server_agree_on_every_group() -> None:
    """Same reader, same answers: for each group, a page shows iff the server admits its calls."""
    server = GroupRules.from_contract()
    for group in sorted(server.groups()):
        for page, operations in access.PAGE_OPERATIONS.items():
            admitted = all(server.allows([group], t, f) for t, f in operations)
            assert (page in pages_for([group])) == admitted, (group, page)
