"""Generate client/generated.py: the client's models and operations, from the contract.

Input: hrgraph_contract's schema.graphql and client/operations/*.graphql. Output: one
module of frozen dataclasses (one per schema type an operation selects, holding the
fields the operations select, each with a ``from_json`` that reads the contract's
camelCase and types its scalars) and ``Operations``, a method per operation with
typed variables and result. HrClient (client/api.py) subclasses it and supplies the
transport (gql: HTTP, and AppSync's real-time protocol for subscriptions).

Why not ariadne-codegen: 0.19 requires graphql-core < 3.3 and ruff < 0.16, while gql
4.4 and strawberry need graphql-core >= 3.3 and the project pins ruff 0.17, so it
cannot live in the project's environment; its client is its own (httpx and
graphql-transport-ws, not gql and AppSync's protocol); and its pydantic models take
keywords only and are not dataclasses, while the CLI (``dataclasses.asdict``), the
web app and the tests use the client's frozen dataclasses. This generator is
graphql-core, already a dependency, and writes the same shapes the hand-written
models had, so no caller changed.

    python infra/generate_client.py            # rewrite client/generated.py
    python infra/generate_client.py --check    # exit 1 when it is stale (tests do this)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    build_schema,
    type_from_ast,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the contract and the client

import hrgraph_contract  # noqa: E402
from client import documents  # noqa: E402

OUTPUT = ROOT / "client" / "generated.py"

SCALARS = {
    "Int": ("int", "int({})"),
    "Float": ("float", "float({})"),
    "String": ("str", "str({})"),
    "ID": ("str", "str({})"),
    "Boolean": ("bool", "bool({})"),
    "AWSDateTime": ("datetime", "parse_datetime(str({}))"),
    "AWSJSON": ("Any", "json_value({})"),
}
INPUT_SCALARS = {"ID": "int | str", "AWSDateTime": "str | datetime"}
"""What a caller may pass where the schema takes these (the server parses them)."""
CONTRACT_ENUMS = {"Table": "Table[{}]", "RejectReason": "RejectReason({})"}
"""Enums the contract package defines; every other enum is its value, a str."""
FIELD_TYPES = {("Backup", "bytes"): ("int", "int({})")}
"""A byte count: Float in GraphQL (Int is 32-bit), an int in Python."""
MIXINS = {"BackupJob": "JobState"}
"""Behaviour a model adds to its fields, from client/model_base.py."""


def docstring(text: str, indent: str) -> list[str]:
    """A description as a docstring that fits the line length (the project's 100)."""
    lines = textwrap.wrap(" ".join(text.split()), 100 - len(indent) - 6)
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *(indent + line for line in lines[1:]), f'{indent}"""']


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


@dataclass
class Selected:
    """What the operations select of one object type."""

    graphql: GraphQLObjectType
    selections: list[set[str]] = field(default_factory=list)

    def fields(self) -> list[tuple[str, GraphQLField, bool]]:
        """(name, field, always selected), in schema order, the always-selected first."""
        chosen = set().union(*self.selections)
        always = set.intersection(*self.selections)
        names = [n for n in self.graphql.fields if n in chosen]
        ordered = [n for n in names if n in always] + [n for n in names if n not in always]
        return [(n, self.graphql.fields[n], n in always) for n in ordered]


class Collector:
    """Walks every operation's selections, fragments expanded, recording each type's fields."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.types: dict[str, Selected] = {}

    def _fields(self, selection_set: SelectionSetNode) -> Iterator[FieldNode]:
        for node in selection_set.selections:
            if isinstance(node, FieldNode):
                if node.alias is not None:
                    raise ValueError(f"alias {node.alias.value}: the generator takes none")
                yield node
            elif isinstance(node, FragmentSpreadNode):
                yield from self._fields(self.fragments[node.name.value].selection_set)
            elif isinstance(node, InlineFragmentNode):
                yield from self._fields(node.selection_set)

    def visit(self, parent: GraphQLObjectType, selection_set: SelectionSetNode) -> None:
        nodes = list(self._fields(selection_set))
        self.types.setdefault(parent.name, Selected(parent)).selections.append(
            {n.name.value for n in nodes if n.name.value != "__typename"}
        )
        for node in nodes:
            named = _named(parent.fields[node.name.value].type)
            if isinstance(named, GraphQLObjectType) and node.selection_set is not None:
                self.visit(named, node.selection_set)


def _named(graphql_type: object) -> object:
    while isinstance(graphql_type, GraphQLNonNull | GraphQLList):
        graphql_type = graphql_type.of_type
    return graphql_type


def _leaf(named: object, owner: tuple[str, str] | None) -> tuple[str, str]:
    """(annotation, conversion template) of a non-null leaf or object."""
    if owner in FIELD_TYPES:
        return FIELD_TYPES[owner]
    if isinstance(named, GraphQLScalarType):
        return SCALARS[named.name]
    if isinstance(named, GraphQLEnumType):
        if named.name in CONTRACT_ENUMS:
            return named.name, CONTRACT_ENUMS[named.name]
        return "str", "str({})"
    assert isinstance(named, GraphQLObjectType)
    return named.name, named.name + ".from_json({})"


def annotation(graphql_type: GraphQLOutputType, owner: tuple[str, str] | None = None) -> str:
    if isinstance(graphql_type, GraphQLNonNull):
        inner = graphql_type.of_type
        if isinstance(inner, GraphQLList):
            return f"list[{annotation(inner.of_type)}]"
        return _leaf(inner, owner)[0]
    return f"{annotation(GraphQLNonNull(graphql_type), owner)} | None"


def conversion(
    graphql_type: GraphQLOutputType,
    value: str,
    owner: tuple[str, str] | None = None,
    depth: int = 0,
) -> str:
    if not isinstance(graphql_type, GraphQLNonNull):
        inner = conversion(GraphQLNonNull(graphql_type), value, owner, depth)
        return f"None if {value} is None else {inner}"
    inner_type = graphql_type.of_type
    if isinstance(inner_type, GraphQLList):
        item = f"item{depth or ''}"
        converted = conversion(inner_type.of_type, item, None, depth + 1)
        return f"[{converted} for {item} in {value}]"
    return _leaf(inner_type, owner)[1].format(value)


def _default(graphql_type: GraphQLOutputType, always: bool) -> str | None:
    """The default a trailing field may take: absent, null, False or empty."""
    if not always or not isinstance(graphql_type, GraphQLNonNull):
        return "None"
    if isinstance(graphql_type.of_type, GraphQLList):
        return "field(default_factory=list)"
    named = graphql_type.of_type
    if isinstance(named, GraphQLScalarType) and named.name == "Boolean":
        return "False"
    return None


def model(selected: Selected, schema: GraphQLSchema) -> str:
    name = selected.graphql.name
    fields = selected.fields()
    base = ""
    if {"items", "nextToken"} <= {n for n, _, _ in fields} and name.endswith("Page"):
        items = _named(selected.graphql.fields["items"].type)
        assert isinstance(items, GraphQLObjectType)
        base = f"Page[{items.name}]"
    elif name in MIXINS:
        base = MIXINS[name]
    own = [f for f in fields if not (base.startswith("Page[") and f[0] in ("items", "nextToken"))]
    # Defaults only at the end: from the last field back, while each field can take one.
    defaults: dict[str, str] = {}
    for field_name, graphql_field, always in reversed(own):
        default = _default(graphql_field.type, always)
        if default is None:
            break
        defaults[field_name] = default
    description = selected.graphql.description or f"The schema's {name}."
    lines = ["@dataclass(frozen=True, slots=True)", f"class {name}{f'({base})' if base else ''}:"]
    lines += docstring(description, "    ")
    lines.append("")
    for field_name, graphql_field, always in own:
        kind = annotation(graphql_field.type, (name, field_name))
        if not always and not kind.endswith("| None"):
            kind += " | None"
        default = defaults.get(field_name)
        lines.append(f"    {snake(field_name)}: {kind}{f' = {default}' if default else ''}")
        if graphql_field.description:
            lines += docstring(graphql_field.description, "    ")
    lines += ["", "    @classmethod", f"    def from_json(cls, data: Json) -> {name}:"]
    lines.append("        return cls(")
    for field_name, graphql_field, always in fields:
        value = f'data["{field_name}"]' if always else f'selected(data, "{field_name}")'
        converted = conversion(graphql_field.type, value, (name, field_name))
        if not always and isinstance(graphql_field.type, GraphQLNonNull):
            converted = f"None if {value} is None else {converted}"
        lines.append(f"            {snake(field_name)}={converted},")
    lines.append("        )")
    return "\n".join(lines)


def input_type(graphql_type: GraphQLInputObjectType) -> str:
    lines = [f"class {graphql_type.name}(TypedDict, total=False):"]
    lines += docstring(graphql_type.description or f"The schema's {graphql_type.name}.", "    ")
    lines.append("")
    for field_name, input_field in graphql_type.fields.items():
        lines.append(f"    {field_name}: {input_annotation(input_field.type)}")
    return "\n".join(lines)


def input_annotation(graphql_type: object) -> str:
    if isinstance(graphql_type, GraphQLNonNull):
        inner = graphql_type.of_type
        if isinstance(inner, GraphQLList):
            return f"Sequence[{input_annotation(inner.of_type)}]"
        if isinstance(inner, GraphQLScalarType):
            return INPUT_SCALARS.get(inner.name, SCALARS[inner.name][0])
        if isinstance(inner, GraphQLEnumType):
            return inner.name if inner.name in CONTRACT_ENUMS else "str"
        assert isinstance(inner, GraphQLInputObjectType)
        return inner.name
    return f"{input_annotation(GraphQLNonNull(graphql_type))} | None"  # type: ignore[type-var]


def _variable_value(name: str, graphql_type: object) -> str:
    """What goes on the wire: a contract enum by its GraphQL name, lists as lists."""
    required = isinstance(graphql_type, GraphQLNonNull)
    named = graphql_type.of_type if required else graphql_type  # type: ignore[attr-defined]
    if isinstance(named, GraphQLEnumType) and named.name in CONTRACT_ENUMS:
        return f"{name}.name" if required else f"None if {name} is None else {name}.name"
    if isinstance(named, GraphQLList):
        return f"list({name})" if required else f"None if {name} is None else list({name})"
    return name


def operation_method(schema: GraphQLSchema, operation: OperationDefinitionNode) -> str:
    assert operation.name is not None
    name = operation.name.value
    kind = operation.operation.value
    root = schema.get_root_type(operation.operation)
    assert root is not None
    nodes = [n for n in operation.selection_set.selections if isinstance(n, FieldNode)]
    if len(nodes) != 1:
        raise ValueError(f"{name}: an operation selects exactly one root field")
    root_field = root.fields[nodes[0].name.value]
    parameters, variables = ["self"], []
    for definition in operation.variable_definitions or ():
        graphql_type = type_from_ast(schema, definition.type)
        python = snake(definition.variable.name.value)
        default = "" if isinstance(graphql_type, GraphQLNonNull) else " = None"
        parameters.append(f"{python}: {input_annotation(graphql_type)}{default}")
        value = _variable_value(python, graphql_type)
        variables.append(f'"{definition.variable.name.value}": {value}')
    result = annotation(root_field.type)
    signature = ", ".join(parameters)
    lines = []
    if kind == "subscription":
        lines.append(f"    def {snake(name)}({signature}) -> Iterator[{result}]:")
        lines.append(f'        """``{name}``: each event until the caller stops iterating."""')
        lines.append(f'        for data in self.subscribe("{name}", {{{", ".join(variables)}}}):')
        lines.append(f"            yield {conversion(root_field.type, 'data')}")
    else:
        lines.append(f"    def {snake(name)}({signature}) -> {result}:")
        doc = f'        """The {kind} ``{name}`` (client/operations/{name}.graphql)."""'
        if len(doc) > 100:  # the project's line length: a long name's path goes below
            path = f"client/operations/{name}.graphql"
            doc = f'        """The {kind} ``{name}``\n        ({path})."""'
        lines.append(doc)
        lines.append(f'        data = self.execute("{name}", {{{", ".join(variables)}}})')
        lines.append(f"        return {conversion(root_field.type, 'data')}")
    return "\n".join(lines)


HEADER = '''"""GENERATED by infra/generate_client.py from hrgraph_contract/schema.graphql and
client/operations/*.graphql: do not edit. ``make client`` rewrites it; a test fails
when it is stale.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypedDict

from client.model_base import JobState, Json, Page, json_value, parse_datetime, selected
from hrgraph_contract import RejectReason, Table
'''

OPERATIONS = '''class Operations:
    """Every operation of client/operations as a typed method; a subclass sends them."""

    def execute(self, operation: str, variables: Mapping[str, Any] | None = None) -> Any:
        """Run one operation and return its root field's value (the subclass's transport)."""
        raise NotImplementedError

    def subscribe(
        self, operation: str, variables: Mapping[str, Any] | None = None
    ) -> Iterator[Any]:
        """Each event's root field value of one subscription (the subclass's transport)."""
        raise NotImplementedError
'''


def generate() -> str:
    schema = build_schema(hrgraph_contract.full_sdl())
    operations: list[OperationDefinitionNode] = []
    types: dict[str, Selected] = {}
    inputs: set[str] = set()
    for name in documents.operation_names():
        document = documents.load(name)
        collector = Collector(schema, document)
        collector.types = types
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                operations.append(definition)
                root = schema.get_root_type(definition.operation)
                assert root is not None
                collector.visit(root, definition.selection_set)
                for variable in definition.variable_definitions or ():
                    named = _named(type_from_ast(schema, variable.type))
                    if isinstance(named, GraphQLInputObjectType):
                        inputs.add(named.name)
    roots = {"Query", "Mutation", "Subscription"}
    parts = [HEADER]
    parts += [input_type(schema.type_map[n]) for n in sorted(inputs)]  # type: ignore[arg-type]
    parts += [model(types[n], schema) for n in sorted(types) if n not in roots]
    methods = [operation_method(schema, op) for op in operations]
    parts.append(OPERATIONS + "\n" + "\n\n".join(methods))
    text = "\n\n\n".join(parts) + "\n"
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--quiet", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return formatted.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Exit 1 when the file is stale.")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run `make client`", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
