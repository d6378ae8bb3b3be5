"""Group rules come from schema.graphql's directives, with AppSync's precedence."""

from __future__ import annotations

from graphql import GraphQLObjectType, build_schema

from hrgraph_contract import full_sdl, sdl
from hrgraph_contract.group_rules import ANY_USER, GroupRules


def test_every_field_of_the_schema_carries_an_auth_directive() -> None:
    """A field without one falls to AppSync's default: every signed-in user, any group."""
    schema = build_schema(full_sdl())
    rules = GroupRules.from_sdl(sdl())
    every_field = {
        (name, field)
        for name, graphql_type in schema.type_map.items()
        if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__")
        for field in graphql_type.fields
    }
    assert every_field, "no object fields found"
    assert every_field - rules.declared == set()


def test_the_schema_names_exactly_the_three_groups() -> None:
    assert GroupRules.from_sdl(sdl()).groups() == {"Admins", "Analysts", "Viewers"}


def test_admins_may_resolve_every_field_but_the_workers_iam_only_one() -> None:
    rules = GroupRules.from_sdl(sdl())
    denied = {key for key in rules.rules if not rules.allows(["Admins"], *key)}
    assert denied == {("Mutation", "publishBackupJob")}


def test_no_group_may_resolve_nothing() -> None:
    rules = GroupRules.from_sdl(sdl())
    assert not any(rules.allows([], *key) for key in rules.rules)
    assert not any(rules.allows(None, *key) for key in rules.rules)


SAMPLE = """
type Query {
  open: Pair @aws_cognito_user_pools
  admins: Pair @aws_cognito_user_pools(cognito_groups: ["Admins"])
  iamOnly: Pair @aws_iam
  both: Pair @aws_iam @aws_cognito_user_pools(cognito_groups: ["Viewers"])
  bare: Pair
}
type Pair @aws_cognito_user_pools(cognito_groups: ["Admins", "Viewers"]) {
  left: Int
  right: Int @aws_cognito_user_pools(cognito_groups: ["Admins"])
}
"""


def test_a_field_directive_overrides_its_type_directive() -> None:
    rules = GroupRules.from_sdl(SAMPLE)
    assert rules.allows(["Viewers"], "Pair", "left")
    assert not rules.allows(["Viewers"], "Pair", "right")
    assert rules.allows(["Admins"], "Pair", "right")


def test_a_directive_without_groups_admits_any_signed_in_user() -> None:
    rules = GroupRules.from_sdl(SAMPLE)
    assert rules.rules[("Query", "open")] is ANY_USER
    assert rules.allows([], "Query", "open")


def test_a_field_for_another_auth_mode_is_closed_to_cognito_users() -> None:
    rules = GroupRules.from_sdl(SAMPLE)
    assert not rules.allows(["Admins"], "Query", "iamOnly")
    assert rules.allows(["Viewers"], "Query", "both")
    assert not rules.allows(["Admins"], "Query", "both")


def test_a_field_without_directives_falls_to_the_default_mode() -> None:
    rules = GroupRules.from_sdl(SAMPLE)
    assert ("Query", "bare") not in rules.declared
    assert rules.allows([], "Query", "bare")
