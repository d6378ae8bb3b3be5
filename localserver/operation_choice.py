"""A document with several operations must say which to run, as the GraphQL spec says.

Strawberry runs the first operation when a request names none; graphql-core
(and AppSync) refuse such a request instead. Running the first would answer
a question the client may not have asked (or run a mutation it did not mean),
so the local server refuses it too, before any resolver runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

MESSAGE = "Must provide operation name if query contains multiple operations."
"""graphql-core's own wording for this refusal."""


class RequireOperationName(SchemaExtension):
    """Refuse a multi-operation document sent without ``operationName``.

    Must come after ValidationCache in the extension list: it adds its error to
    the validation errors that extension has just set (a new list: the cached
    one is shared between requests).
    """

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        chosen = context._provided_operation_name  # what the request said, not strawberry's guess
        if document is not None and chosen is None:
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            if len(operations) > 1:
                context.pre_execution_errors = [
                    *(context.pre_execution_errors or []),
                    GraphQLError(MESSAGE),
                ]
        yield
