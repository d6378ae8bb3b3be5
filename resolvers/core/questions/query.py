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
    ├── SpreadQuery     the most hires of a group minus the fewest (groups with a hire)
    ├── ShareQuery      a slice's (or each group's) percent of the hires
    ├── CompareQuery    hires in two periods side by side, or their difference
    ├── DifferenceQuery hires of one side minus another (two departments, jobs, periods)
    ├── EmployeesQuery  the employees (or only their names), earliest or latest first
    ├── CatalogQuery    the departments or jobs themselves (no hires involved)
    ├── HireSpanQuery   the first and (or) last hire time, optionally per group
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

Dimension = Literal[
    "department", "job", "level", "year", "half", "quarter", "month", "weekday", "day"
]
"""What hires can be grouped by. Departments and jobs are grouped by id, shown by name.

``day`` is the calendar date of the hire (UTC): "on which days did we hire 6 or more".

``level`` is a job title's level (the I, II, III or IV that ends it), for the
titles the filters keep: "Database Administrator hires by level". ``half`` is the
half of the year, 1 (January to June) or 2 (July to December).
"""
TIME_DIMENSIONS: frozenset[str] = frozenset({"year", "half", "quarter", "month", "weekday", "day"})
MAX_LIMIT = 1000
MAX_NAMES = 200
"""At most this many names in one list: a level across every title ("the senior levels")
names about a hundred titles; a bound keeps a filled query's SQL small."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


Name = Annotated[str, Field(min_length=1, max_length=255)]
Names = Annotated[tuple[Name, ...], Field(max_length=MAX_NAMES)]
Text = Annotated[str, Field(min_length=1, max_length=100)]
EmployeeId = Annotated[int, Field(ge=1, le=2_147_483_647)]


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


LEVELS = ("I", "II", "III", "IV", "V", "VI")
"""The levels a job title may end with ("Accountant III")."""


def title_level(title: str) -> str | None:
    """The level a job title ends with ("Accountant III" -> "III"), or None."""
    last = title.rsplit(" ", 1)
    return last[1] if len(last) == 2 and last[1] in LEVELS else None


Weekday = Literal["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
WEEKDAY_NAMES: tuple[Weekday, ...] = (
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
)  # fmt: skip
"""In the order of SQL's day of the week (DOW: 0 is Sunday)."""
MonthNumber = Annotated[int, Field(ge=1, le=12)]


class Family(_Strict):
    """A job family named by a plural ("statisticians", "sales associates"): every title
    holding those words, in that order, as whole words (the Senior Sales Associates too).

    The titles are the ones counted: they are also in ``jobs.include`` (or
    ``jobs.exclude`` when the family is left out), so the SQL reads the names
    and the reading can say which titles the word meant.
    """

    word: Text
    titles: Annotated[tuple[Name, ...], Field(min_length=1, max_length=MAX_NAMES)]
    excluded: bool = False


class Filters(_Strict):
    """Which hires count. Every field is honoured by every kind that has ``filters``."""

    departments: NameSet = NameSet()
    jobs: NameSet = NameSet()
    periods: Annotated[tuple[Period, ...], Field(max_length=12)] = ()
    """Hires in any of these periods (one period in nearly every question)."""
    months: Annotated[tuple[MonthNumber, ...], Field(max_length=12)] = ()
    """Hires in one of these months (1-12) of whichever year: 'in any December'."""
    weekdays: Annotated[tuple[Weekday, ...], Field(max_length=7)] = ()
    """Hires on one of these days of the week: 'on a weekend' is Saturday and Sunday."""
    without_department: bool = False
    """Only employees with no department."""
    without_job: bool = False
    missing_either: bool = False
    """Only employees missing a department or a job (either, or both)."""
    name_prefix: Text | None = None
    """Employee names starting with this (case-insensitive)."""
    name_contains: Text | None = None
    name_suffix: Text | None = None
    """Employee names ending with this (case-insensitive): 'names ending in 0042'."""
    name_not_prefix: Text | None = None
    """Employee names NOT starting with this (case-insensitive): 'names that do not start
    with Person', the employees with real names rather than the generated ones."""
    employee_names: Names = ()
    """Employees with exactly one of these full names (case-insensitive): a person looked up."""
    employee_ids: Annotated[tuple[EmployeeId, ...], Field(max_length=MAX_NAMES)] = ()
    """Employees with one of these ids: a person looked up by id ('who is employee 1234')."""
    department_ids: Annotated[tuple[EmployeeId, ...], Field(max_length=MAX_NAMES)] = ()
    """Only the departments of these ids, for a name two departments share ('Support (id
    13)', 'department 13'); each id's name is in departments.include too."""
    first_name: Text | None = None
    """Employees whose first name (the name's first word) is this (case-insensitive)."""
    last_name: Text | None = None
    """Employees whose last name (the name's last word) is this (case-insensitive)."""
    same_day_as: Names = ()
    """Employees hired on a day one of these (full names) was hired: 'who started the same
    day as Joan Rillett' (with her name in ``other_than_names``, she is left out)."""
    other_than_names: Names = ()
    """Employees not of these full names: 'who share Joan Rillett's first name' leaves her out."""
    families: Annotated[tuple[Family, ...], Field(max_length=8)] = ()
    """Job families the question named; their titles are in ``jobs`` (for the reading)."""

    @model_validator(mode="after")
    def _consistent(self) -> Filters:
        if self.without_department and self.departments.include:
            raise ValueError("without_department contradicts naming departments to keep")
        if self.department_ids and not self.departments.include:
            raise ValueError("department_ids need their names in departments.include")
        if self.without_job and self.jobs.include:
            raise ValueError("without_job contradicts naming jobs to keep")
        if self.missing_either and (self.without_department or self.without_job):
            raise ValueError("missing_either is said alone, not beside without_department/job")
        for family in self.families:
            names = self.jobs.exclude if family.excluded else self.jobs.include
            if not set(family.titles) <= set(names):
                side = "exclude" if family.excluded else "include"
                raise ValueError(f"the titles of family {family.word!r} must be in jobs.{side}")
        return self


Count = Annotated[int, Field(ge=0, le=10_000_000)]


class Than(_Strict):
    """The hires of one named department or job (same filters): 'more than Sales did'."""

    department: Name | None = None
    job: Name | None = None

    @model_validator(mode="after")
    def _one(self) -> Than:
        if (self.department is None) == (self.job is None):
            raise ValueError("name exactly one department or one job")
        return self


class Threshold(_Strict):
    """Keep the groups whose hires pass: a number, two bounds, a named group's hires, or the mean.

    ``between`` keeps ``value`` to ``upper``, both included; ``exactly`` is
    ``value`` itself; with ``than`` the comparison is against the hires of that
    department (job) under the same filters, instead of a number.
    """

    compare: Literal[
        "more_than", "fewer_than", "at_least", "at_most", "exactly", "between",
        "above_mean", "below_mean",
    ]  # fmt: skip
    value: Count | None = None
    upper: Count | None = None
    than: Than | None = None
    versus: Family | None = None
    """The same group's hires of these titles, under the same filters otherwise: 'departments
    that hired more engineers (the filters' jobs) than designers (these)'. Both counts are
    shown."""

    @model_validator(mode="after")
    def _value(self) -> Threshold:
        mean = self.compare in ("above_mean", "below_mean")
        if self.versus is not None:
            if self.compare not in ("more_than", "fewer_than", "at_least", "at_most"):
                raise ValueError(f"{self.compare} cannot compare with other titles")
            if self.value is not None or self.upper is not None or self.than is not None:
                raise ValueError("compare with other titles, a number or a named group: one")
            if self.versus.excluded:
                raise ValueError("versus names the titles compared with, never left out")
            return self
        if mean and (self.value is not None or self.than or self.upper is not None):
            raise ValueError(f"{self.compare} takes no value")
        if self.than is not None:
            if self.compare not in ("more_than", "fewer_than", "at_least", "at_most"):
                raise ValueError(f"{self.compare} cannot compare with a named group")
            if self.value is not None or self.upper is not None:
                raise ValueError("compare with a number or a named group, not both")
        elif not mean and self.value is None:
            raise ValueError(f"{self.compare} needs a value")
        if (self.compare == "between") != (self.upper is not None):
            raise ValueError("between (and only between) needs an upper bound")
        if self.upper is not None and self.value is not None and self.upper < self.value:
            raise ValueError("upper must not be below value")
        return self


class Rank(_Strict):
    """Order groups by hires; ``offset`` 1 with ``limit`` 1 is 'the second most'.

    Without an offset, ``limit`` keeps every group tied at its cut-off ('the
    most' names all tied first); with one, ties are broken by name.

    With ``within``, the ranking restarts in each group of that dimension (the
    top job in each department): ``limit`` rows per group, ties all kept.
    """

    order: Literal["most", "fewest"]
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None = None
    offset: Annotated[int, Field(ge=0, le=MAX_LIMIT)] = 0
    within: Dimension | None = None

    @model_validator(mode="after")
    def _within(self) -> Rank:
        if self.within is not None and (self.limit is None or self.offset):
            raise ValueError("a ranking within groups needs a limit and no offset")
        return self


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
    count_groups: bool = False
    """One number: how many groups there are (that pass the threshold), not the groups."""
    in_every: Literal["year", "quarter", "month"] | None = None
    """Only the groups with at least one hire in every year (quarter, month) in which anyone
    was hired within the filters' periods: 'titles hired in each of 2020, 2021 and 2022',
    'departments that hired every year'."""
    descending_names: bool = False
    """Unranked groups listed by name Z to A instead of A to Z ('roles Sales filled, Z-A')."""
    absent_in: Annotated[tuple[Period, ...], Field(max_length=12)] = ()
    """Only the groups with no hire in any of these periods (under the other filters): 'roles
    that hired in 2020 but not in 2022' keeps the jobs with a 2020 hire and none in 2022. For
    one grouping by department or job, unranked, against no mean or other titles."""
    by_id: bool = False
    """Grouped by the id column ('per department_id'): each id shown beside its name; the
    hires with no department (job) left out, as in every grouping by department (job).
    Only for one grouping by department or job, with no mean, ranked only as an order (most
    first or fewest first, no cut-off)."""

    @model_validator(mode="after")
    def _shape(self) -> CountQuery:
        _unique(self.group_by)
        if self.by_id:
            if self.group_by not in (("department",), ("job",)):
                raise ValueError("by_id groups by one department or job id column")
            held = self.threshold
            mean = held is not None and (held.versus or held.compare.endswith("_mean"))
            cut = self.rank is not None and (self.rank.limit or self.rank.offset)
            if cut or self.count_groups or mean or self.in_every or self.descending_names:
                raise ValueError(
                    "by_id takes no cut-off ranking, count of groups, mean, versus, in_every "
                    "or descending_names"
                )
        _levels(self.group_by, self.filters, self.rank.within if self.rank else None)
        if self.absent_in:
            held = self.threshold
            mean = held is not None and (held.versus or held.compare.endswith("_mean"))
            one = self.group_by in (("department",), ("job",))
            if not one or self.rank or mean or self.in_every or self.by_id:
                raise ValueError(
                    "absent_in keeps departments or jobs (one grouping) without a ranking, "
                    "mean, versus, in_every or by_id"
                )
        if self.descending_names and (not self.group_by or self.rank or self.count_groups):
            raise ValueError("descending_names orders listed groups: group_by, no rank")
        if (self.threshold or self.rank or self.count_groups) and not self.group_by:
            raise ValueError("a threshold, a ranking or a count of groups needs group_by")
        if self.in_every and (self.threshold or self.rank or not self.group_by):
            raise ValueError("in_every keeps groups by itself: no threshold or ranking")
        if self.in_every and set(self.group_by) & TIME_DIMENSIONS:
            raise ValueError("in_every keeps departments, jobs or levels, not periods")
        if self.distinct != "hires" and self.distinct[:-1] in self.group_by:
            raise ValueError("cannot count distinct what is grouped by")
        if self.rank and self.rank.within:
            if self.rank.within not in self.group_by or len(self.group_by) < 2:
                raise ValueError("rank.within must be one of two or more group_by dimensions")
            if self.threshold and self.threshold.compare in ("above_mean", "below_mean"):
                raise ValueError("a ranking within groups cannot take the mean")
        if self.count_groups and self.rank:
            raise ValueError("count_groups counts groups; it takes no ranking")
        if self.threshold and self.threshold.versus:
            if not self.filters.jobs.include or self.distinct != "hires":
                raise ValueError("a threshold versus other titles counts hires of named jobs")
            if "job" in self.group_by or "level" in self.group_by or self.rank:
                raise ValueError("versus other titles compares groups other than jobs, unranked")
        return self


def _levels(group_by: tuple[str, ...], filters: Filters, within: str | None = None) -> None:
    if "level" not in group_by:
        return
    if "job" in group_by and within != "level":  # 'per level, the title with the most hires'
        raise ValueError("group by level or by job, not both (unless ranking jobs within level)")
    if not filters.jobs.include:
        raise ValueError("group_by level needs the job titles (jobs.include) it splits")


class AverageQuery(_Strict):
    """Hires per group, averaged over the groups with at least one hire."""

    kind: Literal["average"] = "average"
    filters: Filters = Filters()
    per: Dimension

    @model_validator(mode="after")
    def _shape(self) -> AverageQuery:
        _levels((self.per,), self.filters)
        return self


class SpreadQuery(_Strict):
    """Hires per group: the most minus the fewest, over the groups with at least one hire
    ('the gap between our busiest and quietest department in 2022'), with both counts."""

    kind: Literal["spread"] = "spread"
    filters: Filters = Filters()
    per: Dimension

    @model_validator(mode="after")
    def _shape(self) -> SpreadQuery:
        _levels((self.per,), self.filters)
        return self


class ShareQuery(_Strict):
    """Percent (0-100, full precision) of the filtered hires: of a slice, or of each group.

    ``filters`` pick the whole; ``part`` picks the slice among them (a
    department, a job family, a period, the hires without a job ...).
    """

    kind: Literal["share"] = "share"
    filters: Filters = Filters()
    part: Filters | None = None
    group_by: Dimension | None = None

    @model_validator(mode="after")
    def _shape(self) -> ShareQuery:
        sliced = self.part is not None and self.part != Filters()
        if sliced == (self.group_by is not None):
            raise ValueError("a share needs either a part or group_by")
        if self.group_by is not None:
            _levels((self.group_by,), self.filters)
        return self


class CompareQuery(_Strict):
    """Hires in two periods: each (optionally per group), the second minus the first, or
    that change as a percent of the first (``percent_change``, full precision)."""

    kind: Literal["compare"] = "compare"
    filters: Filters = Filters()
    periods: tuple[Period, Period]
    show: Literal["each", "difference", "percent_change"] = "each"
    group_by: Literal["department", "job"] | None = None
    only: Literal["grew", "shrank"] | None = None
    """With group_by and the difference: only the groups whose hires rose (fell)."""
    factor: Annotated[float, Field(gt=1, le=100)] | None = None
    """With only: grew at least this many times over (second >= factor x first: 'doubled'
    is 2), or shrank to at most one factor-th (second x factor <= first: 'halved')."""
    drop: bool = False
    """The change said as a fall: the first minus the second ('by how many did hiring drop
    from 2021 to 2022' is 166, not -166), and as a percent, that fall over the first."""

    @model_validator(mode="after")
    def _shape(self) -> CompareQuery:
        if self.drop and (self.show == "each" or self.only):
            raise ValueError("drop needs show difference or percent_change, and no only")
        if self.filters.periods:
            raise ValueError("a comparison's periods go in periods, not filters.periods")
        if self.only and (self.show == "each" or self.group_by is None):
            raise ValueError("only (grew/shrank) needs show difference and group_by")
        if self.factor is not None and self.only is None:
            raise ValueError("a factor (doubled, halved) needs only grew or shrank")
        return self


class DifferenceQuery(_Strict):
    """Hires of one side minus (or divided by) hires of the other, both under ``filters``.

    Each side adds its own filters (a department, a job, a period ...), so a
    constraint said of one side only stays on that side.
    """

    kind: Literal["difference"] = "difference"
    filters: Filters = Filters()
    sides: tuple[Filters, Filters]
    """first minus second."""
    show: Literal["difference", "ratio", "percent"] = "difference"
    """ratio: the first's hires per hire of the second ('Engineering hires per Sales hire');
    percent: the difference as a percent of the second's hires ('what percent more did Sales
    hire than Legal'); both full precision, NULL when the second hired nobody."""

    @model_validator(mode="after")
    def _shape(self) -> DifferenceQuery:
        if self.sides[0] == self.sides[1]:
            raise ValueError("the two sides of a difference must differ")
        return self


CalendarPart = Literal["year", "quarter", "month", "weekday"]


class EmployeesQuery(_Strict):
    kind: Literal["employees"] = "employees"
    filters: Filters = Filters()
    columns: Literal["full", "names", "dated"] = "full"
    """full: id, name, hire time, department, job; names: the names only;
    dated: full plus the hire date (a person looked up, 'with their dates')."""
    order: Literal["earliest", "latest", "name", "name_descending"] = "earliest"
    """By hire time, or alphabetically by name (A to Z, or Z to A)."""
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None = None
    per: Dimension | None = None
    """The first (latest) ``limit`` hires in each group of this dimension: 'the first hire
    in each department'. Hires at the same instant tie and are all shown."""
    calendar: Annotated[tuple[CalendarPart, ...], Field(max_length=4)] = ()
    """Parts of each hire's date shown beside it: 'what weekday did Harold Vogt start'
    (weekday as its English name; year, quarter 1-4 and month 1-12 as numbers)."""

    @model_validator(mode="after")
    def _per(self) -> EmployeesQuery:
        if self.per is not None and (self.limit is None or self.order == "name"):
            raise ValueError("per needs a limit and an order by hire time")
        if self.per == "level":
            raise ValueError("per takes a department, job or time dimension, not level")
        return self


class CatalogQuery(_Strict):
    """The departments or jobs themselves, not their hires."""

    kind: Literal["catalog"] = "catalog"
    of: Literal["departments", "jobs"]
    count_only: bool = False
    distinct_names: bool = False
    """With count_only: how many different names (two departments may share one)."""
    descending: bool = False
    """Listed Z to A instead of A to Z."""
    name_prefix: Text | None = None
    name_contains: Text | None = None
    name_suffix: Text | None = None
    """Only the names ending with this (case-insensitive): 'titles ending in III'."""
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] | None = None
    """Only the first ``limit`` names in the order listed ('the last 4 titles Z to A')."""
    family: Family | None = None
    """Only the titles of this job family ('engineer titles A to Z', 'how many analyst titles
    are there'): the family's whole-word titles, not every name containing its word."""

    @model_validator(mode="after")
    def _shape(self) -> CatalogQuery:
        if self.limit is not None and self.count_only:
            raise ValueError("limit cuts a list of names, not a count")
        if self.family is not None and (self.of != "jobs" or self.family.excluded):
            raise ValueError("a family names job titles kept, never departments or titles left out")
        return self


class HireSpanQuery(_Strict):
    """The first and (or) last hire time among the filtered hires (MIN and MAX of datetime),
    each with its date, optionally per group: 'the earliest and latest datetime'."""

    kind: Literal["hire_span"] = "hire_span"
    filters: Filters = Filters()
    show: Literal["first", "last", "both"] = "both"
    group_by: Dimension | None = None

    @model_validator(mode="after")
    def _shape(self) -> HireSpanQuery:
        if self.group_by is not None:
            _levels((self.group_by,), self.filters)
        return self


class ReportQuery(_Strict):
    """One of the hiring reports (sql/reports/), exactly as the report fields answer it."""

    kind: Literal["report"] = "report"
    report: Literal["hires_by_quarter", "departments_above_mean"]
    year: Annotated[int, Field(ge=1900, le=2200)]


AnyQuery = Annotated[
    CountQuery
    | AverageQuery
    | SpreadQuery
    | ShareQuery
    | CompareQuery
    | DifferenceQuery
    | EmployeesQuery
    | CatalogQuery
    | HireSpanQuery
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
