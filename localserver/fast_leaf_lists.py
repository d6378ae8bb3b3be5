"""Completing long lists of plain scalars without graphql-core's per-item walk.

Why this exists: an insert's answer lists up to 1000 ``insertedIds``, and
graphql-core completes each one as a field of its own (a path, a nullability
check, an awaitable check, then the scalar's ``coerce_output_value``): about
3 ms of the server's 11 for a 1000-row batch. AppSync does this work in the
cloud; locally it sat in every batch of a load.

The fast path calls the same ``coerce_output_value`` on each item, and covers
only what cannot differ from graphql-core's answer: a list (no ``@stream``) of
a scalar or enum, whose items are all plain JSON values (no null, no error, no
awaitable) that the scalar accepts. For anything else, graphql-core completes
the list itself, and words its errors. A test holds the two equal.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLList, GraphQLNonNull, Undefined, is_leaf_type
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

MIN_ITEMS = 32
"""Below this, graphql-core's own completion is cheap enough."""

_PLAIN = frozenset({int, str, float, bool})


class _StepAside(Exception):
    """An item the fast path does not complete: graphql-core takes over."""


def complete_leaves(item_type: Any, items: Any) -> list[Any] | None:
    """graphql-core's completion of ``items`` as ``[item_type]``, or None to let it do it."""
    leaf = item_type.of_type if isinstance(item_type, GraphQLNonNull) else item_type
    if type(items) is not list or len(items) < MIN_ITEMS or not is_leaf_type(leaf):
        return None
    coerce = leaf.coerce_output_value
    try:
        completed = [_leaf(coerce, item) for item in items]
    except Exception:  # graphql-core raises it again, located, for the item that failed
        return None
    return completed


def _leaf(coerce: Any, item: Any) -> Any:
    if type(item) not in _PLAIN:
        raise _StepAside
    value = coerce(item)
    if value is None or value is Undefined:
        raise _StepAside
    return value


class FastLeafListsExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor, with long lists of scalars completed by ``complete_leaves``."""

    def complete_list_value(
        self,
        return_type: GraphQLList[Any],
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        *rest: Any,
    ) -> Any:
        if self.get_stream_usage(field_details_list, path) is None:
            completed = complete_leaves(return_type.of_type, result)
            if completed is not None:
                return completed
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, *rest
        )
