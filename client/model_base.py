"""What the generated models (client/generated.py) build on, written by hand.

AWSDateTime and AWSJSON as Python values, the generic page every ``*Page`` type
extends, and the behaviour a job adds to its fields. Hand-written because the
schema does not say it; everything the schema does say is generated.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Json = Mapping[str, Any]


def parse_datetime(value: str) -> datetime:
    """AWSDateTime (``2021-11-07T02:48:42.000Z``) as an aware datetime in UTC."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_datetime(moment: datetime) -> str:
    """An aware datetime as AWSDateTime; a naive one is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def json_value(value: Any) -> Any:
    """AWSJSON arrives as a JSON string from AppSync; accept an already decoded value too."""
    return json.loads(value) if isinstance(value, str) else value


def selected(data: Json, key: str) -> Any:
    """A field only some operations select: None where this one did not."""
    return data.get(key)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list: its items, and the token of the next page (None on the last)."""

    items: list[T]
    next_token: str | None


FINISHED = frozenset({"SUCCEEDED", "FAILED"})


class JobState:
    """What a BackupJob's status means (the generated BackupJob extends this)."""

    __slots__ = ()
    status: str

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def failed(self) -> bool:
        return self.status == "FAILED"
