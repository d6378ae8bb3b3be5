"""The contract both sides of hrgraph read at run time, shipped as one small package.

The API (resolvers/, the local server) and its callers (client/, streamlit_app/) must
agree on the schema, the groups it admits and the few values a caller needs before it
asks anything (the tables, the reasons a row is refused, the batch limit), and the
HRGRAPH_* settings both read (``hrgraph_contract.settings``). Each lives here once; the
files ship as package data and are read with importlib.resources, so a wheel installed
anywhere finds them (nothing is looked up beside the source tree).

This package imports no GraphQL, boto3 or DuckDB: resolvers/core may import it, and
the Lambda zip carries it. ``hrgraph_contract.group_rules`` parses the schema with
graphql-core and is imported only by the local server, the client and the web app.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

MAX_BATCH_ROWS = 1000
"""An insert request carries 1 to 1000 rows."""


class Table(StrEnum):
    """The GraphQL ``Table`` enum: the member name is the enum value, the value the SQL name."""

    DEPARTMENTS = "departments"
    JOBS = "jobs"
    HIRED_EMPLOYEES = "hired_employees"

    @classmethod
    def from_graphql(cls, name: str) -> Table:
        """The member a GraphQL enum value names (``HIRED_EMPLOYEES``)."""
        return cls[name]

    @classmethod
    def parse(cls, value: str | Table) -> Table:
        """Accept the member (``HIRED_EMPLOYEES``) or the value (``hired_employees``)."""
        if isinstance(value, Table):
            return value
        try:
            return cls[value.upper()]
        except KeyError:
            names = ", ".join(t.value for t in cls)
            raise ValueError(f"unknown table {value!r}; one of {names}") from None


class RejectReason(StrEnum):
    """Why an insert refused a row (the GraphQL ``RejectReason`` enum)."""

    INVALID = "INVALID"
    DUPLICATE_IN_BATCH = "DUPLICATE_IN_BATCH"
    ALREADY_EXISTS = "ALREADY_EXISTS"
    UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE"


def _read(name: str) -> str:
    return (resources.files(__name__) / name).read_text(encoding="utf-8")


@cache
def sdl() -> str:
    """schema.graphql: the AppSync SDL with its Cognito group directives, as AppSync gets it."""
    return _read("schema.graphql")


@cache
def appsync_prelude() -> str:
    """What AppSync builds in (AWS scalars, auth directives) and schema.graphql leaves out."""
    return _read("appsync_prelude.graphql")


def full_sdl() -> str:
    """The prelude and the schema together: what graphql-core needs to build the schema."""
    return appsync_prelude() + "\n" + sdl()


__all__ = [
    "MAX_BATCH_ROWS",
    "RejectReason",
    "Table",
    "appsync_prelude",
    "full_sdl",
    "sdl",
]
