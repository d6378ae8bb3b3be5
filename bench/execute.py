"""graphql-core's execute inside the local door, against its own floor, in the same run.

    python -m bench.execute [--query '{ department(id: 1) { id department } }'] [--runs 5000]

Issue 21 asks whether graphql-core's documented knobs make the door's execution
cheaper. In one process, with the app's schema, its real resolvers
(localserver/binding.py) and a stub handler that answers at once (no second
process, no DuckDB), every variant runs ``--runs`` requests per round, rounds
interleaved, and prints the median CPU microseconds per request and its ratio
to the first line (the baseline, measured in the same run):

- execute, graphql-core's defaults: ``execute`` on the door's schema and cached
  document with graphql-core's generic ``is_awaitable`` and the non-routed
  fields resolved by the group check and graphql-core's
  ``default_field_resolver`` (the door before the knobs).
- execute + is_awaitable: the same with binding.awaitable, the exact check for
  what our resolvers return (coroutines, asyncio futures).
- execute + dict fields: the same with binding's own non-routed resolver (the
  group check, then a handler's dict read directly).
- execute + both knobs: the door before it left execute.
- Executor, as the door calls it: both knobs, with graphql-core's ``Executor.build``
  and ``execute_root_selection_set`` (execute less its incremental delivery: the
  schema has no @defer or @stream).
- door: ``GraphQLEndpoint._run`` as the server calls it (cached document,
  operation lookup, execute as above, the group check per field, the event
  built, the envelope unwrapped).
- floor, async root / floor, sync root: graphql-core alone on a fresh schema
  with one stub root resolver and no group checks: what no resolver of ours
  can take away.

A knob pays if its ratio stays clearly under 1.00 across runs; on a shared
machine a few per cent either way is noise.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

from graphql import (
    ExecutionResult,
    Executor,
    FieldNode,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    OperationDefinitionNode,
    default_field_resolver,
    execute,
    execute_root_selection_set,
)

from localserver import binding
from localserver import limits as appsync_limits
from localserver.app import GraphQLEndpoint
from localserver.binding import RequestContext, bind, routed_fields
from localserver.broker import Broker
from localserver.documents import Documents
from localserver.schema import build_appsync_schema
from resolvers import handler as lambda_handler
from resolvers.deadline import RequestScope

IDENTITY = {"sub": "bench", "username": "bench", "groups": ["Admin"], "sourceIp": ["127.0.0.1"]}
RECORD = {"id": 1, "department": "Engineering", "name": "A", "datetime": "2021-01-01T00:00:00Z"}
PAGE = {"items": [RECORD] * 100, "nextToken": None}
"""What a list field (employees, departments, ...: a page) answers: 100 records."""


def _answer(field_name: str) -> Any:
    return PAGE if field_name.endswith("s") else RECORD


class _Gate:
    """Every caller is the bench's Admin (the token check is not what is measured)."""

    def identify(self, headers: Any) -> Any:
        return IDENTITY

    def allows(self, identity: Any, type_name: str, field_name: str) -> bool:
        return True


class _Handler:
    """Answers every event at once with a record or a page (a list of them for a batch)."""

    async def invoke(self, event: Any, scope: RequestScope | None) -> Any:
        if isinstance(event, list):
            return [_answer(e["info"]["fieldName"]) for e in event]
        return _answer(event["info"]["fieldName"])


def _default_field(source: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
    binding._allowed(info)
    return default_field_resolver(source, info, **arguments)


def _bound_schema(dict_fields: bool) -> GraphQLSchema:
    schema = build_appsync_schema()
    bind(schema, _Handler(), Broker(schema), *routed_fields(lambda_handler.app))
    if not dict_fields:
        for graphql_type in schema.type_map.values():
            if isinstance(graphql_type, GraphQLObjectType):
                for graphql_field in graphql_type.fields.values():
                    if graphql_field.resolve is binding._guarded:
                        graphql_field.resolve = _default_field
    return schema


def _floor_schema(root: str, sync: bool) -> GraphQLSchema:
    schema = build_appsync_schema()
    query = schema.query_type
    assert query is not None

    async def answer(source: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
        return _answer(root)

    query.fields[root].resolve = (lambda *_, **__: _answer(root)) if sync else answer
    return schema


async def _variants(query: str) -> dict[str, Callable[[], Awaitable[ExecutionResult]]]:
    limits = appsync_limits.from_serverless()
    headers = {"authorization": "bench", "x-hrgraph-source-ip": "127.0.0.1"}
    real, fields = _bound_schema(dict_fields=False), _bound_schema(dict_fields=True)
    endpoint = GraphQLEndpoint(fields, Documents(fields, limits), _Gate(), limits)
    document = (await endpoint._documents.checked(query)).document
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    first = operation.selection_set.selections[0]
    assert isinstance(first, FieldNode), "the query's first selection must be a root field"
    root = first.name.value

    def context() -> RequestContext:
        return RequestContext(
            headers=headers,
            gate=_Gate(),
            limits=limits,
            scope=RequestScope(30),
            identity_checked=IDENTITY,
        )

    async def settled(result: Any) -> ExecutionResult:
        done: ExecutionResult = result if isinstance(result, ExecutionResult) else await result
        assert not done.errors, done.errors
        return done

    floors = {sync: _floor_schema(root, sync) for sync in (False, True)}

    def built(schema: GraphQLSchema) -> Executor[Any]:
        executor = Executor.build(schema, document, context_value=context(), is_awaitable=exact)
        assert isinstance(executor, Executor), executor
        return executor

    exact = binding.awaitable
    return {
        "execute, graphql-core's defaults": lambda: settled(
            execute(real, document, context_value=context())
        ),
        "execute + is_awaitable": lambda: settled(
            execute(real, document, context_value=context(), is_awaitable=exact)
        ),
        "execute + dict fields": lambda: settled(
            execute(fields, document, context_value=context())
        ),
        "execute + both knobs": lambda: settled(
            execute(fields, document, context_value=context(), is_awaitable=exact)
        ),
        "Executor, as the door calls it": lambda: settled(
            execute_root_selection_set(built(fields))
        ),
        "door (GraphQLEndpoint._run)": lambda: settled(endpoint._run(context(), {"query": query})),
        "floor, async root": lambda: settled(execute(floors[False], document)),
        "floor, sync root": lambda: settled(execute(floors[True], document)),
    }


async def _measure(query: str, runs: int, rounds: int) -> None:
    variants = await _variants(query)
    for run in variants.values():  # warm: caches filled, first-call costs paid
        for _ in range(200):
            await run()
    seen: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, run in variants.items():
            start = time.process_time()
            for _ in range(runs):
                await run()
            seen[name].append((time.process_time() - start) / runs * 1e6)
    base = statistics.median(next(iter(seen.values())))
    print(f"{query}: CPU us per request, median of {rounds} rounds of {runs} (min..max)")
    for name, values in seen.items():
        median = statistics.median(values)
        print(
            f"  {name:30s} {median:6.1f}  ({min(values):.1f}..{max(values):.1f})"
            f"  ratio {median / base:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--query", default="{ department(id: 1) { id department } }")
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    arguments = parser.parse_args()
    asyncio.run(_measure(arguments.query, arguments.runs, arguments.rounds))


if __name__ == "__main__":
    main()
