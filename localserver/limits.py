"""AppSync's request limits, read from serverless.yml so both doors refuse the same requests.

- ``queryDepthLimit``, ``resolverCountLimit``, ``introspection``: the API's own
  settings (appSync: section of serverless.yml, serverless-appsync-plugin 2.x
  keys). AppSync answers a field past the depth with ``QueryDepthLimitReached``
  and every resolver past the count with ``ResolverExecutionLimitReached``
  (AppSync developer guide, "Configuring GraphQL run complexity, query depth,
  and introspection"); the rest of the response still comes back.
- 30 s per request: AppSync's hard execution limit. A request still running
  then is answered with AppSync's timeout error (``Execution timed out.``) and
  its remaining work is interrupted.
- The Lambda's own time is ``provider.timeout`` (29 s); the handler's deadline is
  the lesser of that and what is left of the request.
- Sizes: a Lambda resolver's request and response each travel as one
  synchronous Lambda invocation, whose payload quota is 6 MB (Lambda quotas);
  nothing larger can reach or leave the handler in AWS, so the local server
  refuses a larger request body or response the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SERVERLESS_PATH = Path(__file__).resolve().parents[1] / "serverless.yml"

REQUEST_SECONDS = 30.0
"""AppSync cuts every query, mutation and subscription request at 30 seconds."""

LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024
"""A synchronous Lambda invocation's request and response payload quota."""


@dataclass(frozen=True)
class Limits:
    query_depth: int | None
    """None: no depth limit (AppSync's default)."""
    resolver_count: int
    """AppSync's default is 10,000."""
    introspection: bool
    lambda_seconds: float
    request_seconds: float = REQUEST_SECONDS
    request_bytes: int = LAMBDA_PAYLOAD_BYTES
    response_bytes: int = LAMBDA_PAYLOAD_BYTES


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
