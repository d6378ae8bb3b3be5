"""HrQuery: what a question asks, as data, between the words and the SQL.

Both engines fill it (the offline rules in parse.py, Bedrock's forced tool
call through ``from_json``), one compiler turns it into SQL (compiler.py) and
one explainer reads it back in words (reading.py), so what is said is what
was run. Each kind of query is its own model with only the fields it honours:
a filter a kind cannot hold has no field to go in, and a parser that found
one must refuse instead of dropping it. Every model forbids unknown fields,
so the JSON schema a model is given is strict (additionalProperties: false).

    HrQuery.query is one of
    ├── CountQuery      hires (or distinct jobs/departments), optionally per group,
    │                   with a threshold (more than N, above the mean) or a ranking
    ├── AverageQuery    hires per group, averaged over the groups with a hire
    ├── ShareQuery      a slice's (or each group's) percent of the hires
    ├── CompareQuery    hires in two periods side by side, or their difference
    ├── EmployeesQuery  the employees (or only their names), earliest or latest first
    ├── CatalogQuery    the departments or jobs themselves (no hires involved)
    └── ReportQuery     the two hiring reports of sql/reports/, for one year
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic import ValidationError as PydanticError

from resolvers.core.errors import InvalidQuery

Dimension = Literal["department", "job", "year", "quarter", "month", "weekday"]
"""What hires can be grouped by. Departments and jobs are grouped by id, shown by name."""
TIME_DIMENSIONS: frozenset[str] = frozenset({"year", "quarter", "month", "weekday"})
MAX_LIMIT = 1000
MAX_NAMES = 50


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


Name = Annotated[str, Field(min_length=1, max_length=255)]
Names = Annotated[tuple[Name, ...], Field(max_length=MAX_NAMES)]
Text = Annotated[str, Field(min_length=1, max_length=100)]


class NameSet(_Strict):
    """Department (or job) names kept or left out; empty means no constraint."""

    include: Names = ()
    exclude: Names = ()

    @model_validator(mode="after")
    def _disjoint(self) -> NameSet:
        both = set(self.include) & set(self.exclude)
        if both:
            raise ValueError(f"a name cannot be both kept and left out: {sorted(both)}")
        return self

    @property
    def empty(self) -> bool:
        return not self.include and not self.exclude


class Period(_Strict):
    """Hire dates from ``start`` (included) to ``end`` (excluded); None is open."""

    start: date | None = None
    end: date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start or an end")
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise ValueError("start must come before end")
        return self


class Filters(_Strict):
    """Which hires count. Every field is honoured by every kind that has ``filters``."""

    departments: NameSet = NameSet()
    jobs: NameSet = NameSet()
    periods: Annotated[tuple[Period, ...], Field(max_length=12)] = ()
    """Hires in any of these periods (one period in nearly every question)."""
    without_department: bool = False
    """Only employees with no department."""
    without_job: bool = False
    name_prefix: Text | None = None
    """Employee names starting with this (case-insensitive)."""
    name_contains: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Filters:
        if self.without_department and self.departments.include:
            raise ValueError("without_department contradicts naming departments to keep")
        if self.without_job and self.jobs.include:
            raise ValueError("without_job contradicts naming jobs to keep")
        return self


class Threshold(_Strict):
    """Keep the groups whose hires pass: a number, or the mean of the groups with a hire."""

    compare: Literal["more_than", "fewer_than", "at_least", "at_most", "above_mean", "below_mean"]
    value: Annotated[int, Field(ge=0, le=10_000_000)] | None = None

    @model_validator(mode="after")
    def _value(self) -> Threshold:
        needs = self.compare not in ("above_mean", "below_mean")
        if needs and self.value is None:
            raise ValueError(f"{self.compare} needs a value")
        if not needs and self.value is not None:
            raise ValueError(f"{self.compare} takes no value")
        return self


class Rank(_Strict):
    """Order groups by hires; ``offset`` 1 with ``limit`` 1 is 'the second most'."""

    order: Literal["most", "fewest"]
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None = None
    offset: Annotated[int, Field(ge=0, le=MAX_LIMIT)] = 0


GroupBy = Annotated[tuple[Dimension, ...], Field(max_length=3)]


def _unique(dimensions: tuple[str, ...]) -> None:
    if len(set(dimensions)) != len(dimensions):
        raise ValueError("group_by repeats a dimension")


class CountQuery(_Strict):
    kind: Literal["count"] = "count"
    filters: Filters = Filters()
    distinct: Literal["hires", "departments", "jobs"] = "hires"
    """Count hires, or the different departments (jobs) among them."""
    group_by: GroupBy = ()
    threshold: Threshold | None = None
    rank: Rank | None = None

    @model_validator(mode="after")
    def _shape(self) -> CountQuery:
        _unique(self.group_by)
        if (self.threshold or self.rank) and not self.group_by:
            raise ValueError("a threshold or a ranking needs group_by")
        if self.distinct != "hires" and self.distinct[:-1] in self.group_by:
            raise ValueError("cannot count distinct what is grouped by")
        return self


class AverageQuery(_Strict):
    """Hires per group, averaged over the groups with at least one hire."""

    kind: Literal["average"] = "average"
    filters: Filters = Filters()
    per: Dimension


class ShareQuery(_Strict):
    """Percent of the filtered hires: of a named slice, or of each group."""

    kind: Literal["share"] = "share"
    filters: Filters = Filters()
    part_departments: Names = ()
    part_jobs: Names = ()
    group_by: Dimension | None = None

    @model_validator(mode="after")
    def _shape(self) -> ShareQuery:
        sliced = bool(self.part_departments or self.part_jobs)
        if sliced == (self.group_by is not None):
            raise ValueError("a share needs either a part (departments/jobs) or group_by")
        return self


class CompareQuery(_Strict):
    """Hires in two periods: each (optionally per group), or the second minus the first."""

    kind: Literal["compare"] = "compare"
    filters: Filters = Filters()
    periods: tuple[Period, Period]
    show: Literal["each", "difference"] = "each"
    group_by: Literal["department", "job"] | None = None

    @model_validator(mode="after")
    def _shape(self) -> CompareQuery:
        if self.filters.periods:
            raise ValueError("a comparison's periods go in periods, not filters.periods")
        return self


class EmployeesQuery(_Strict):
    kind: Literal["employees"] = "employees"
    filters: Filters = Filters()
    columns: Literal["full", "names"] = "full"
    """full: id, name, hire time, department, job; names: the names only."""
    order: Literal["earliest", "latest"] = "earliest"
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None = None


class CatalogQuery(_Strict):
    """The departments or jobs themselves, not their hires."""

    kind: Literal["catalog"] = "catalog"
    of: Literal["departments", "jobs"]
    count_only: bool = False
    name_prefix: Text | None = None
    name_contains: Text | None = None


class ReportQuery(_Strict):
    """One of the hiring reports (sql/reports/), exactly as the report fields answer it."""

    kind: Literal["report"] = "report"
    report: Literal["hires_by_quarter", "departments_above_mean"]
    year: Annotated[int, Field(ge=1900, le=2200)]


AnyQuery = Annotated[
    CountQuery
    | AverageQuery
    | ShareQuery
    | CompareQuery
    | EmployeesQuery
    | CatalogQuery
    | ReportQuery,
    Field(discriminator="kind"),
]


class HrQuery(_Strict):
    """One question's meaning; ``query.kind`` says which shape it has."""

    query: AnyQuery


def json_schema() -> dict[str, Any]:
    """HrQuery's JSON schema, generated from the models: every object closed to extra keys."""
    schema = HrQuery.model_json_schema()
    _close(schema)
    return schema


def _close(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close(value)
    elif isinstance(node, list):
        for value in node:
            _close(value)


def from_json(data: str | bytes | Mapping[str, Any]) -> HrQuery:
    """An HrQuery from JSON (text or parsed), or InvalidQuery naming the first bad field."""
    try:
        if isinstance(data, str | bytes):
            return HrQuery.model_validate_json(data)
        if not isinstance(data, Mapping):
            raise InvalidQuery("query", f"must be a JSON object, not {type(data).__name__}")
        return HrQuery.model_validate(dict(data))
    except PydanticError as error:
        first = error.errors(include_url=False)[0]
        location = ".".join(str(part) for part in first["loc"]) or "query"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InvalidQuery(location, message) from None


def to_json(query: HrQuery) -> str:
    """Compact JSON that ``from_json`` reads back to an equal query (defaults left out)."""
    dumped = query.model_dump(mode="json", exclude_defaults=True)
    dumped["query"]["kind"] = query.query.kind
    return json.dumps(dumped, sort_keys=True)
