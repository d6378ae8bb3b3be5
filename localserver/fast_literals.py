"""A batch written into the document (what the AppSync console sends) lifted into a variable.

Why this exists: ``mutation { insertEmployees(rows: [{id: 1, name: "..."}, ... 1000 rows]) }``
is a 100 kB document. graphql-core parses it token by token and validates
every literal (about two seconds on a busy laptop); a document with the same
rows as a variable parses once (the parser cache) and fast_variables.py
coerces the rows in milliseconds. AppSync does this work in the cloud.

The lift rewrites the text: the list literal of a ``rows:`` argument becomes
``$_literalRows0``, declared with the argument's own type, and its value goes
into the variables, read by ``json.loads``. It happens only when the result is
certain to be the same:

- one operation, a mutation, no comments, no block strings;
- the literal reads as JSON once its keys are quoted (commas between items,
  plain strings, numbers, true/false/null; no enums, no variables), with no
  key repeated in an object;
- the field's ``rows`` argument is a list of flat input rows, and
  fast_variables.coerce_rows accepts every value exactly as graphql-core would
  accept the literal (Int an int, String a string, ID a string or an int, no
  unknown key).

Anything else is left untouched, for graphql-core to run and, if it is wrong,
to word the error about the literal the client wrote.
"""

from __future__ import annotations

import json
import re
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema

from localserver.fast_variables import MIN_ROWS, coerce_rows

_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_BRACKET_OR_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]]')
_KEY = re.compile(r"([{,]\s*)([_A-Za-z][_0-9A-Za-z]*)\s*:")
_ROWS = re.compile(r"([_A-Za-z][_0-9A-Za-z]*)\s*\(\s*rows\s*:\s*\[")
_HEADER = re.compile(r"\A\s*mutation\b\s*([_A-Za-z][_0-9A-Za-z]*)?\s*(\()?")
VARIABLE = "_literalRows"


class _Unsure(Exception):
    """The lift could change the answer: leave the document alone."""


def _list_end(text: str, start: int) -> int:
    """Index just past the ``]`` closing the list that opens at ``start`` (strings skipped)."""
    depth = 0
    for token in _BRACKET_OR_STRING.finditer(text, start):
        bracket = token.group()
        if bracket == "[":
            depth += 1
        elif bracket == "]":
            depth -= 1
            if depth == 0:
                return token.end()
    raise _Unsure


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Unsure
    return result


def _as_json(literal: str) -> Any:
    pieces: list[str] = []
    position = 0
    for match in _STRING.finditer(literal):
        pieces.append(_KEY.sub(r'\1"\2":', literal[position : match.start()]))
        pieces.append(match.group())
        position = match.end()
    pieces.append(_KEY.sub(r'\1"\2":', literal[position:]))
    try:
        return json.loads("".join(pieces), object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError):
        raise _Unsure from None


def lift(
    schema: GraphQLSchema, query: str | None, variables: dict[str, Any] | None
) -> tuple[str, dict[str, Any]] | None:
    """(query, variables) with big row literals as variables, or None to leave them be."""
    if not query or len(query) < 2048 or "#" in query or '"""' in query:
        return None
    header = _HEADER.match(query)
    mutation = schema.mutation_type
    if header is None or not isinstance(mutation, GraphQLObjectType):
        return None
    if query.count("mutation") != 1 or "fragment" in query:
        return None
    try:
        return _lift(query, dict(variables or {}), header, mutation)
    except _Unsure:
        return None


def _lift(
    query: str, variables: dict[str, Any], header: re.Match[str], mutation: GraphQLObjectType
) -> tuple[str, dict[str, Any]] | None:
    pieces: list[str] = []
    definitions: list[str] = []
    position = 0
    for match in _ROWS.finditer(query):
        if match.start() < position:
            raise _Unsure
        field = mutation.fields.get(match.group(1))
        argument = field.args.get("rows") if field else None
        if argument is None:
            raise _Unsure
        start = match.end() - 1
        end = _list_end(query, start)
        value = _as_json(query[start:end])
        if not isinstance(value, list) or len(value) < MIN_ROWS:
            return None
        rows = coerce_rows(argument.type, value)
        if rows is None:
            return None
        name = f"{VARIABLE}{len(definitions)}"
        if name in query or name in variables:
            raise _Unsure
        variables[name] = value
        definitions.append(f"${name}: {argument.type}")
        pieces.append(query[position:start])
        pieces.append(f"${name}")
        position = end
    if not definitions:
        return None
    pieces.append(query[position:])
    body = "".join(pieces)
    declared = ", ".join(definitions)
    name, has_parens = header.group(1) or "", header.group(2) is not None
    rest = body[header.end() :]
    separator = ", " if has_parens else ") "
    return f"mutation {name}({declared}{separator}" + rest, variables
