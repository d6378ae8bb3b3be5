"""AppSync's AWS scalars, checked as AppSync checks them before any resolver runs.

The rules are AppSync's ("Scalar types in AWS AppSync"): AWSDateTime is an
extended ISO 8601 date-time ``YYYY-MM-DDThh:mm[:ss[.s{1,9}]]`` with a
*compulsory* offset, ``Z`` or ``±hh:mm[:ss]``, and years may be negative;
AWSDate ``YYYY-MM-DD`` with an optional offset; AWSTime ``hh:mm[:ss[.s{1,9}]]``
with an optional offset; AWSTimestamp an integer count of seconds; AWSJSON a
string holding RFC 8259 JSON; AWSEmail, AWSURL, AWSPhone and AWSIPAddress
strings of their kind. A value that breaks the rule is refused as a
validation error of the request (never a resolver's, never InternalFailure);
a value that keeps it reaches the handler as the client sent it, as in AWS.
"""

from __future__ import annotations

import calendar
import ipaddress
import json
import re
from collections.abc import Callable
from typing import Any

from graphql import GraphQLError, GraphQLScalarType, GraphQLSchema, IntValueNode, StringValueNode
from graphql.language import ValueNode

_OFFSET = r"(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)"
_DATE = r"(-?\d{4,})-(\d{2})-(\d{2})"
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?"
_DATE_RE = re.compile(rf"{_DATE}{_OFFSET}?")
_TIME_RE = re.compile(rf"{_TIME}{_OFFSET}?")
_DATETIME_RE = re.compile(rf"{_DATE}T{_TIME}{_OFFSET}")
_EMAIL_RE = re.compile(r"[^@\s\"(),:;<>\[\\\]]+@[^@\s\"(),:;<>\[\\\]]+\.[^@\s\"(),:;<>\[\\\]]+")
_URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*")
_PHONE_RE = re.compile(r"\+?[0-9][0-9 ()\-.]{2,30}")


_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _real_date(match: re.Match[str]) -> bool:
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if not 1 <= month <= 12:
        return False
    days = 29 if month == 2 and calendar.isleap(year) else _DAYS[month]
    return 1 <= day <= days


def _dated(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: (match := pattern.fullmatch(text)) is not None and _real_date(match)


def _parses(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            parse(text)
        except (ValueError, RecursionError):
            return False
        return True

    return check


_datetime, _date = _dated(_DATETIME_RE), _dated(_DATE_RE)
_STRING_RULES: dict[str, tuple[Callable[[str], bool], str]] = {
    "AWSDateTime": (_datetime, "an ISO 8601 date-time with an offset, e.g. 2021-07-01T09:30:00Z"),
    "AWSDate": (_date, "an ISO 8601 date, e.g. 2021-07-01"),
    "AWSTime": (lambda t: _TIME_RE.fullmatch(t) is not None, "an ISO 8601 time, e.g. 09:30:00"),
    "AWSJSON": (_parses(json.loads), "a string holding JSON"),
    "AWSEmail": (lambda t: _EMAIL_RE.fullmatch(t) is not None, "an email address"),
    "AWSURL": (lambda t: _URL_RE.fullmatch(t) is not None, "a URL with a scheme"),
    "AWSPhone": (lambda t: _PHONE_RE.fullmatch(t) is not None, "a phone number"),
    "AWSIPAddress": (_parses(ipaddress.ip_interface), "an IPv4 or IPv6 address"),
}


def _refuse(name: str, value: Any, rule: str) -> GraphQLError:
    shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    return GraphQLError(f"Value {shown} is not a valid '{name}': it must be {rule}.")


def _string_scalar(name: str, check: Callable[[str], bool], rule: str) -> tuple[Any, Any]:
    def parse_value(value: Any) -> Any:
        if not isinstance(value, str) or not check(value):
            raise _refuse(name, value, rule)
        return json.loads(value) if name == "AWSJSON" else value

    def parse_literal(node: ValueNode, variables: Any = None) -> Any:
        if not isinstance(node, StringValueNode):
            raise _refuse(name, getattr(node, "value", node.kind), rule)
        return parse_value(node.value)

    return parse_value, parse_literal


def _timestamp() -> tuple[Any, Any]:
    rule = "a whole number of seconds since 1970-01-01T00:00Z"

    def parse_value(value: Any) -> Any:
        if type(value) is not int:
            raise _refuse("AWSTimestamp", value, rule)
        return value

    def parse_literal(node: ValueNode, variables: Any = None) -> Any:
        if not isinstance(node, IntValueNode):
            raise _refuse("AWSTimestamp", getattr(node, "value", node.kind), rule)
        return int(node.value)

    return parse_value, parse_literal


def _set(scalar: GraphQLScalarType, parse_value: Any, parse_literal: Any) -> None:
    # graphql-core 3.3 reads coerce_input_*; parse_* stay for anything still calling them.
    scalar.parse_value = scalar.coerce_input_value = parse_value  # type: ignore[method-assign]
    scalar.parse_literal = parse_literal  # type: ignore[method-assign]
    scalar.coerce_input_literal = parse_literal


def install(schema: GraphQLSchema) -> None:
    """Give the schema's AWS scalars AppSync's input rules."""
    for name, (check, rule) in _STRING_RULES.items():
        scalar = schema.type_map.get(name)
        if isinstance(scalar, GraphQLScalarType):
            _set(scalar, *_string_scalar(name, check, rule))
    stamp = schema.type_map.get("AWSTimestamp")
    if isinstance(stamp, GraphQLScalarType):
        _set(stamp, *_timestamp())
