"""The GraphQL documents the client sends, loaded by name from client/operations/.

Each operation lives in its own ``<name>.graphql`` file, readable on its own
as an example (paste it into GraphiQL). Shared selections sit in
``_fragments.graphql``; an operation gets exactly the fragments it spreads
(unused fragments would make the document invalid).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    Node,
    OperationDefinitionNode,
    parse,
    visit,
)
from graphql.language import Visitor

FRAGMENTS_FILE = "_fragments.graphql"


def _read(filename: str) -> str:
    return (resources.files("client") / "operations" / filename).read_text(encoding="utf-8")


def operation_names() -> list[str]:
    """Every operation shipped with the client (the file names without .graphql)."""
    folder = resources.files("client") / "operations"
    return sorted(
        entry.name.removesuffix(".graphql")
        for entry in folder.iterdir()
        if entry.name.endswith(".graphql") and entry.name != FRAGMENTS_FILE
    )


@cache
def _fragments() -> dict[str, FragmentDefinitionNode]:
    document = parse(_read(FRAGMENTS_FILE))
    return {
        node.name.value: node
        for node in document.definitions
        if isinstance(node, FragmentDefinitionNode)
    }


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.names.add(node.name.value)


def _spread_names(node: Node) -> set[str]:
    spreads = _Spreads()
    visit(node, spreads)
    return spreads.names


@cache
def load(name: str) -> DocumentNode:
    """The parsed document of one operation, with the fragments it needs appended."""
    try:
        document = parse(_read(f"{name}.graphql"))
    except FileNotFoundError:
        raise KeyError(f"no operation named {name!r} in client/operations") from None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or operations[0].name is None or operations[0].name.value != name:
        raise ValueError(f"{name}.graphql must hold exactly one operation named {name}")
    available = _fragments()
    needed: set[str] = set()
    pending = _spread_names(document)
    while pending:
        fragment = pending.pop()
        if fragment not in needed:
            needed.add(fragment)
            pending |= _spread_names(available[fragment])
    definitions = (*document.definitions, *(available[f] for f in sorted(needed)))
    return DocumentNode(definitions=definitions)
