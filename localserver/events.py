"""AppSync-shaped Lambda events, built from a graphql-core resolve info.

The shape is the one AppSync sends a direct Lambda resolver (and the one our
APPSYNC_JS request handler forwards): arguments, identity, source, request,
info {fieldName, parentTypeName, variables, selectionSetList,
selectionSetGraphQL}, prev, stash.
"""

from __future__ import annotations

import itertools
import random
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import FieldNode, GraphQLResolveInfo, print_ast
from graphql.language import SelectionSetNode


def selection_set_list(selection: SelectionSetNode | None, prefix: str = "") -> list[str]:
    """AppSync's flat list of selected paths: ["id", "department", "department/id"]."""
    paths: list[str] = []
    if selection is None:
        return paths
    for node in selection.selections:
        if isinstance(node, FieldNode):
            name = prefix + node.name.value
            if not node.name.value.startswith("__"):
                paths.append(name)
            paths.extend(selection_set_list(node.selection_set, name + "/"))
    return paths


def appsync_event(
    info: GraphQLResolveInfo[Any],
    arguments: Mapping[str, Any],
    source: Any,
    identity: Mapping[str, Any] | None,
    headers: Mapping[str, str],
) -> dict[str, Any]:
    paths, text = _selection(info.field_nodes[0])
    return {
        "arguments": dict(arguments),
        "identity": dict(identity) if identity is not None else None,
        "source": source if isinstance(source, dict) else None,
        "request": {"headers": dict(headers), "domainName": None},
        "info": {
            "fieldName": info.field_name,
            "parentTypeName": info.parent_type.name,
            "variables": dict(info.variable_values.coerced),
            "selectionSetList": list(paths),
            "selectionSetGraphQL": text,
        },
        "prev": None,
        "stash": {},
    }


_SELECTIONS: dict[int, tuple[FieldNode, tuple[str, ...], str]] = {}
"""Read and filled by resolvers, on the event loop alone."""


def _selection(node: FieldNode) -> tuple[tuple[str, ...], str]:
    """A field's selection (paths, printed), worked out once per parsed document's node.

    The parser cache hands every request of the same document the same nodes,
    and printing a selection costs more than the rest of the event. Keyed by
    the node's id, with the node kept so the id cannot be reused while cached.
    """
    cached = _SELECTIONS.get(id(node))
    if cached is not None and cached[0] is node:
        return cached[1], cached[2]
    selection = node.selection_set
    paths = tuple(selection_set_list(selection))
    text = print_ast(selection) if selection else ""
    if len(_SELECTIONS) >= 4096:  # the oldest goes first
        del _SELECTIONS[next(iter(_SELECTIONS))]
    _SELECTIONS[id(node)] = (node, paths, text)
    return paths, text


def trace_id() -> str:
    """An X-Ray trace header like AWS's, logged as the correlation id (an id: no secret)."""
    return f"Root=1-{int(time.time()):08x}-{random.getrandbits(96):024x}"


_IDS = itertools.count(1)  # request ids: UUID-shaped, unique here (a uuid4 each cost 5% of
_ID_PREFIX = str(uuid.uuid4())[:24]  # the handler's process)


@dataclass
class LambdaContext:
    """What the Lambda runtime hands a handler, as far as powertools reads it."""

    function_name: str = "hrgraph-local"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    invoked_function_arn: str = "arn:aws:lambda:local:000000000000:function:hrgraph-local"
    aws_request_id: str = field(default_factory=lambda: f"{_ID_PREFIX}{next(_IDS):012x}")
    log_group_name: str = "/aws/lambda/hrgraph-local"
    log_stream_name: str = "local"
    deadline: float = field(default_factory=lambda: time.monotonic() + 29.0)
    """time.monotonic() at which this invocation's time is up (what Lambda counts down to)."""

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.deadline - time.monotonic()) * 1000))
