"""Who is calling: the identity AppSync puts in the event (Cognito user pools)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aws_lambda_powertools.utilities.data_classes.appsync_resolver_event import (
    AppSyncResolverEvent,
)

from resolvers.routing import ThreadSafeRouter as Router

router = Router()


@dataclass(frozen=True)
class Caller:
    username: str
    groups: list[str] = field(default_factory=list)


def caller(event: AppSyncResolverEvent | None) -> Caller:
    """The signed-in user; AppSync has verified the token before the Lambda runs."""
    identity: dict[str, Any] = (event.raw_event.get("identity") if event else None) or {}
    claims: dict[str, Any] = identity.get("claims") or {}
    username = identity.get("username") or claims.get("cognito:username") or "anonymous"
    groups = identity.get("groups") or claims.get("cognito:groups") or []
    return Caller(str(username), [str(g) for g in groups])


@router.resolver(type_name="Query", field_name="me")
def me() -> dict[str, Any]:
    who = caller(router.current_event)
    return {"username": who.username, "groups": who.groups}
