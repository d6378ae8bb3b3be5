"""The limits a request meets, read from serverless.yml where AppSync has them.

- ``queryDepthLimit``, ``resolverCountLimit``, ``introspection``: the API's
  settings (serverless-appsync-plugin keys). A field past the depth answers
  ``QueryDepthLimitReached``, a resolver past the count
  ``ResolverExecutionLimitReached``; the rest of the response still comes back.
- 30 s per request (AppSync's hard limit), the Lambda's ``provider.timeout``.
- 6 MB in and out: a synchronous Lambda invocation's payload quota.

And the local door's own, so that no request can starve the rest. Each is
checked before the work it bounds, on both endpoints:

- a document is at most ``document_chars`` long and ``document_tokens`` tokens
  (graphql-core's ``parse(max_tokens=...)``), and selects at most
  ``document_fields`` fields, fragments expanded, before it is validated;
- a resolver counts ``FIELD_COSTS`` toward the resolver limit (1 unless
  listed): 1,000 reports cost what they do, not what 1,000 point reads do;
- a request keeps at most ``invocations_per_request`` invocations in flight.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SERVERLESS_PATH = Path(__file__).resolve().parents[1] / "serverless.yml"

FIELD_COSTS = {
    "Query.hiresByQuarter": 50,
    "Query.departmentsAboveMean": 50,
    "Query.hiresByDepartment": 50,
    "Query.hireYears": 20,
    "Query.rowCount": 20,
    "Query.employees": 5,
    "Query.ask": 100,
    "Query.runSql": 100,
}
"""Resolver weight, from what each costs the warehouse beside a point read (1): a report
scans the table, runSql and ask may run for their whole SQL deadline."""


@dataclass(frozen=True)
class Limits:
    query_depth: int | None
    """None: no depth limit (AppSync's default)."""
    resolver_count: int
    """AppSync's default is 10,000."""
    introspection: bool
    lambda_seconds: float
    request_seconds: float = 30.0
    request_bytes: int = 6 * 1024 * 1024
    response_bytes: int = 6 * 1024 * 1024
    document_chars: int = 512 * 1024
    document_tokens: int = 25_000
    """A 1000-row insert of employees written as a literal is 17,021 tokens."""
    document_fields: int = 2_000
    """The introspection query selects a few hundred."""
    invocations_per_request: int = 4
    field_costs: dict[str, int] = field(default_factory=lambda: dict(FIELD_COSTS))

    def cost(self, route: str) -> int:
        return self.field_costs.get(route, 1)


class _Loader(yaml.SafeLoader):  # type: ignore[misc]
    """serverless.yml as data; CloudFormation short forms (!Ref ...) load as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@cache
def from_serverless(path: Path = SERVERLESS_PATH) -> Limits:
    config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    appsync: dict[str, Any] = config.get("appSync") or {}
    provider: dict[str, Any] = config.get("provider") or {}
    depth = appsync.get("queryDepthLimit")
    return Limits(
        query_depth=int(depth) if depth else None,
        resolver_count=int(appsync.get("resolverCountLimit") or 10_000),
        introspection=bool(appsync.get("introspection", True)),
        lambda_seconds=float(provider.get("timeout") or 6),
    )
