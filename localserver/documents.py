"""Every document's way in, on both endpoints: limits first, then parse and validate, off the loop.

A document is refused before the work it would cause: longer than the limit
before it is parsed; more tokens than the limit while it is parsed
(graphql-core stops counting there); more fields than the limit, fragments
expanded, before it is validated (validation is quadratic in the fields of one
selection). What passes is parsed and validated in a worker thread, so a big
document never holds the event loop, and the verdict is cached: clients send
the same few documents, and those come back without leaving the loop.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import NamedTuple

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    specified_rules,
)
from graphql import validate as validate
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule

from localserver.binding import FieldError
from localserver.limits import Limits

LARGEST_CACHED = 64 * 1024
"""Characters: a bigger document is checked again when it returns, so that a few huge
ones cannot pin hundreds of megabytes in the cache."""
CACHED = 256


class Checked(NamedTuple):
    document: DocumentNode
    depth: int
    """Field levels, through fragments: past queryDepthLimit, execution marks the fields."""


class Refused(Exception):
    """A document that will not run, with the errors that say why (AppSync: HTTP 400)."""

    def __init__(self, errors: Sequence[GraphQLError]) -> None:
        super().__init__(errors[0].message)
        self.errors = list(errors)


class Documents:
    """Checked documents of one schema, cached by their text."""

    def __init__(self, schema: GraphQLSchema, limits: Limits) -> None:
        self.schema = schema
        self.limits = limits
        self.rules: list[type[ASTValidationRule]] = list(specified_rules)
        if not limits.introspection:
            self.rules.append(NoSchemaIntrospectionCustomRule)
        self._verdicts: dict[str, Checked | Refused] = {}  # used on the loop alone

    async def checked(self, query: object) -> Checked:
        """The parsed, valid document; Refused otherwise."""
        if not isinstance(query, str) or not query.strip():
            raise Refused([GraphQLError("The request must hold a GraphQL document in 'query'.")])
        if len(query) > self.limits.document_chars:
            most = f"this API reads at most {self.limits.document_chars:,}."
            raise Refused([GraphQLError(f"The document is {len(query):,} characters long; {most}")])
        verdict = self._verdicts.get(query)
        if verdict is None and estimated_tokens(query) > self.limits.document_tokens:
            # Counted by one regular expression (C speed) before a Python parser starts.
            limit = self.limits.document_tokens
            message = f"Syntax Error: Document contains more than {limit} tokens. Parsing aborted."
            raise Refused([GraphQLError(message)])
        if verdict is None:
            verdict = await asyncio.to_thread(self._check, query)
            if len(query) <= LARGEST_CACHED:
                if len(self._verdicts) >= CACHED:  # the oldest goes first
                    del self._verdicts[next(iter(self._verdicts))]
                self._verdicts[query] = verdict
        if isinstance(verdict, Refused):
            raise verdict
        return verdict

    def _check(self, query: str) -> Checked | Refused:
        try:
            document = parse(query, max_tokens=self.limits.document_tokens)
        except GraphQLError as error:
            return Refused([error])
        fields, depth = shape(document, self.limits.document_fields)
        if fields > self.limits.document_fields:
            message = (
                f"The document selects more than {self.limits.document_fields:,} fields "
                "(fragments expanded); ask for fewer in one request."
            )
            return Refused([GraphQLError(message)])
        cost = root_cost(document, self.limits)
        if cost > self.limits.resolver_count:
            message = (
                f"Resolver execution limit reached: the document's root fields alone cost "
                f"{cost:,}; this API runs at most {self.limits.resolver_count:,} per request"
            )
            refusal = FieldError("ResolverExecutionLimitReached", message)
            return Refused([GraphQLError(message, original_error=refusal)])
        errors = validate(self.schema, document, self.rules)
        return Refused(errors) if errors else Checked(document, depth)


_TOKENS = re.compile(
    r"(#[^\n\r]*)"  # a comment: not a token (the group holds it, so it is told apart)
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n\r]|\\.)*"'  # strings, block strings
    r"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z][_0-9A-Za-z]*|\.\.\.|[!$&()\[\]{}:=@|]"
)


def estimated_tokens(query: str) -> int:
    """The document's tokens as graphql-core's lexer counts them, never more (a test holds
    it so): a document of 90,000 tokens is refused in milliseconds, not after the parser
    has spent a third of a second reaching its limit in a thread that the loop must share."""
    return _TOKENS.findall(query).count("")


def root_cost(document: DocumentNode, limits: Limits) -> int:
    """What the operations' root fields cost toward the resolver limit, each alias by its
    field's cost (fragments at the root expanded once): a document sure to pass the limit
    is refused before it is validated or run, not answered with a thousand errors (each
    located by graphql-core in the document's text, a quadratic cost)."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    total = 0
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        root = definition.operation.value.capitalize()
        pending, seen = list(definition.selection_set.selections), set()
        while pending:
            node = pending.pop()
            if isinstance(node, FieldNode):
                total += limits.cost(f"{root}.{node.name.value}")
            elif isinstance(node, InlineFragmentNode):
                pending.extend(node.selection_set.selections)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                seen.add(node.name.value)
                fragment = fragments.get(node.name.value)
                if fragment is not None:
                    pending.extend(fragment.selection_set.selections)
    return total


def shape(document: DocumentNode, ceiling: int) -> tuple[int, int]:
    """(fields selected, levels deep) of the operations, each fragment spread counted in
    full; counting stops past ``ceiling`` fields (fragments spread in fragments multiply).
    A spread cycle counts nothing here: validation refuses it."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    known: dict[str, tuple[int, int]] = {}

    def walk(selection: SelectionSetNode | None, visiting: frozenset[str]) -> tuple[int, int]:
        fields = deepest = 0
        for node in selection.selections if selection else ():
            own = isinstance(node, FieldNode)  # a field is a level and one field itself
            if isinstance(node, FieldNode | InlineFragmentNode):
                inner, below = walk(node.selection_set, visiting)
            elif isinstance(node, FragmentSpreadNode):
                name = node.name.value
                if name not in known and name in fragments and name not in visiting:
                    known[name] = walk(fragments[name].selection_set, visiting | {name})
                inner, below = known.get(name, (0, 0))
            fields, deepest = fields + own + inner, max(deepest, own + below)
            if fields > ceiling:
                break
        return fields, deepest

    shapes = [
        walk(d.selection_set, frozenset())
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    ]
    return sum(f for f, _ in shapes), max((d for _, d in shapes), default=0)
