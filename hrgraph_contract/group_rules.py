"""Who may resolve which field, read from schema.graphql's AppSync auth directives.

AppSync enforces ``@aws_cognito_user_pools(cognito_groups: [...])`` itself;
the local server reads the same directives so there is no second table to
drift. The semantics are AppSync's (and its simulator's):

- a field's own auth directives win; without any, its type's apply; without
  either, the API's default mode (Cognito user pools: any signed-in user);
- ``@aws_cognito_user_pools`` without ``cognito_groups`` admits any signed-in
  user; with them, a member of at least one listed group;
- a field guarded only by other modes (``@aws_iam``, ``@aws_api_key`` ...)
  is closed to Cognito users.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graphql import (
    DirectiveNode,
    ListValueNode,
    ObjectTypeDefinitionNode,
    ObjectTypeExtensionNode,
    StringValueNode,
    parse,
)

from hrgraph_contract import sdl

COGNITO_DIRECTIVES = frozenset({"aws_cognito_user_pools", "aws_auth"})
AUTH_DIRECTIVES = COGNITO_DIRECTIVES | {"aws_iam", "aws_api_key", "aws_oidc", "aws_lambda"}

ANY_USER = None
"""Rule value: any signed-in Cognito user."""

Rule = frozenset[str] | None
"""The groups admitted (a member of any one), or ANY_USER; an empty set admits nobody."""


def _auth(directives: Iterable[DirectiveNode]) -> list[DirectiveNode]:
    return [d for d in directives if d.name.value in AUTH_DIRECTIVES]


def _rule(directives: list[DirectiveNode]) -> Rule:
    """What a non-empty list of auth directives admits of Cognito callers."""
    cognito = [d for d in directives if d.name.value in COGNITO_DIRECTIVES]
    if not cognito:
        return frozenset()
    groups: set[str] = set()
    for directive in cognito:
        arguments = {a.name.value: a.value for a in directive.arguments or ()}
        value = arguments.get("cognito_groups")
        if value is None:
            return ANY_USER
        if not isinstance(value, ListValueNode):
            raise ValueError(f"@{directive.name.value}: cognito_groups must be a list")
        for item in value.values:
            if not isinstance(item, StringValueNode):
                raise ValueError(f"@{directive.name.value}: cognito_groups holds strings")
            groups.add(item.value)
    return frozenset(groups)


@dataclass(frozen=True)
class GroupRules:
    """The rule of every object field of the schema, keyed ("Type", "field")."""

    rules: dict[tuple[str, str], Rule]
    declared: frozenset[tuple[str, str]]
    """Fields carrying an auth directive themselves or through their type."""

    @classmethod
    def from_sdl(cls, sdl: str) -> GroupRules:
        document = parse(sdl)
        type_directives: dict[str, list[DirectiveNode]] = {}
        fields: dict[tuple[str, str], list[DirectiveNode]] = {}
        for node in document.definitions:
            if not isinstance(node, ObjectTypeDefinitionNode | ObjectTypeExtensionNode):
                continue
            name = node.name.value
            type_directives.setdefault(name, []).extend(_auth(node.directives or ()))
            for field in node.fields or ():
                fields.setdefault((name, field.name.value), []).extend(
                    _auth(field.directives or ())
                )
        rules: dict[tuple[str, str], Rule] = {}
        declared: set[tuple[str, str]] = set()
        for (type_name, field_name), own in fields.items():
            chosen = own or type_directives.get(type_name, [])
            if chosen:
                declared.add((type_name, field_name))
                rules[(type_name, field_name)] = _rule(chosen)
            else:
                rules[(type_name, field_name)] = ANY_USER  # the default mode
        return cls(rules, frozenset(declared))

    @classmethod
    def from_contract(cls) -> GroupRules:
        """The rules of the schema this package ships (hrgraph_contract.sdl())."""
        return cls.from_sdl(sdl())

    def allows(self, groups: Iterable[str] | None, type_name: str, field_name: str) -> bool:
        """May a signed-in caller in ``groups`` resolve Type.field?"""
        rule = self.rules.get((type_name, field_name), ANY_USER)
        if rule is ANY_USER:
            return True
        return not rule.isdisjoint(groups or ())

    def groups(self) -> frozenset[str]:
        """Every group the schema names: the groups a local user may be put in."""
        named: set[str] = set()
        for rule in self.rules.values():
            if rule is not ANY_USER:
                named |= rule
        return frozenset(named)
