"""Parse and validate each GraphQL document once, and never on the event loop.

Why: graphql-core's validation is quadratic in the fields of one selection
(OverlappingFieldsCanBeMerged compares them pairwise). A 100 KB document of
3,000 copies of one field takes seconds to validate, and done on the event
loop those seconds stall every other request. A document not seen before is
parsed and validated in a worker thread, which the interpreter interrupts
every few milliseconds so the loop keeps serving; documents seen before
(nearly every request: clients send the same few) come from a shared cache
without leaving the loop.

Strawberry builds a fresh extension per request (a factory), so each hook reads
its own request's execution context even across ``await``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from graphql import DocumentNode, GraphQLError, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document as validate_document

from localserver.lru import Lru

LARGEST_CACHED = 64 * 1024
"""Characters: a bigger document is parsed again when it returns, so a few huge ones
cannot pin hundreds of megabytes in the cache."""


class DocumentCache:
    """Parsed documents and their validation errors, shared by every request."""

    def __init__(self, maxsize: int = 256) -> None:
        self.documents: Lru[DocumentNode] = Lru(maxsize)
        self.verdicts: Lru[list[GraphQLError]] = Lru(maxsize)


class OffLoopDocuments(SchemaExtension):
    """strawberry's parsing and validation steps, cached and run in a worker thread."""

    def __init__(self, cache: DocumentCache) -> None:
        super().__init__()
        self._cache = cache

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        query = context.query
        if context.graphql_document is None and query:
            document: DocumentNode | None = self._cache.documents.get(query)
            if document is None:
                try:
                    document = await asyncio.to_thread(parse, query, **context.parse_options)
                except GraphQLError:
                    document = None  # strawberry parses it again and reports where it fails
                else:
                    if len(query) <= LARGEST_CACHED:
                        self._cache.documents.put(query, document)
            context.graphql_document = document
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        document, rules = context.graphql_document, tuple(context.validation_rules)
        if context.query and document is not None and rules and not context.pre_execution_errors:
            key = (context.query, rules)
            errors: list[GraphQLError] | None = self._cache.verdicts.get(key)
            if errors is None:
                schema = context.schema._schema
                errors = await asyncio.to_thread(validate_document, schema, document, rules)
                if len(context.query) <= LARGEST_CACHED:
                    self._cache.verdicts.put(key, errors)
            context.pre_execution_errors = errors
        yield
