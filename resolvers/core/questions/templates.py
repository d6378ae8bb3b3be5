"""Intents as parameterised Redshift SQL.

Every statement starts from one CTE, ``matching``: the employees that pass
the question's filters, with their department and job names. Names and
dates travel as :named parameters; what is spliced into the text comes from
closed sets the code owns (dimension expressions, column names) or is an int
the parser produced (top N, years). The statements then go through the SQL
guard like any other.

Conventions the expected results in tests/ are written against:
- breakdowns, rankings and shares by department or job list every
  department or job, zero hires included (a "fewest" question must see the
  zeros); by year, quarter or month only periods with hires appear;
- employees without a department (or job) count in totals, never in a
  department (or job) row;
- ties are broken by name, so a top N is stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resolvers.core.ports import QueryParams
from resolvers.core.questions.intent import Dimension, Intent, Kind
from resolvers.core.questions.timeframe import Period


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: dict[str, str | int | float | None] = field(default_factory=dict)

    @property
    def bound(self) -> QueryParams:
        return self.params


DIMENSION_SQL: dict[Dimension, str] = {
    "department": "m.department",
    "job": "m.job",
    "year": "EXTRACT(YEAR FROM m.datetime)",
    "quarter": "EXTRACT(QUARTER FROM m.datetime)",
    "month": "EXTRACT(MONTH FROM m.datetime)",
}
_TABLE_OF = {"department": ("departments", "department", "department_id")}
_TABLE_OF |= {"job": ("jobs", "job", "job_id")}


class _Builder:
    """Collects WHERE conditions and their parameters for the ``matching`` CTE."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: dict[str, str | int | float | None] = {}

    def names(self, column: str, values: tuple[str, ...], restrict: bool = True) -> None:
        """Bind the names; ``restrict`` also keeps only their employees in ``matching``."""
        if not values:
            return
        keys = [f"{column}_{i}" for i in range(len(values))]
        self.params.update(zip(keys, values, strict=True))
        if not restrict:
            return
        placeholders = ", ".join(f":{key}" for key in keys)
        self.conditions.append(f"{column[0]}.{column} IN ({placeholders})")

    def period(self, period: Period | None) -> None:
        if period is None:
            return
        if period.start is not None:
            self.params["period_start"] = period.start.isoformat()
            self.conditions.append("e.datetime >= CAST(:period_start AS TIMESTAMP)")
        if period.end is not None:
            self.params["period_end"] = period.end.isoformat()
            self.conditions.append("e.datetime < CAST(:period_end AS TIMESTAMP)")

    def cte(self) -> str:
        where = " AND ".join(self.conditions) or "TRUE"
        return (
            "WITH matching AS ("
            " SELECT e.id, e.name, e.datetime, e.department_id, e.job_id,"
            " d.department, j.job"
            " FROM hired_employees AS e"
            " LEFT JOIN departments AS d ON d.id = e.department_id"
            " LEFT JOIN jobs AS j ON j.id = e.job_id"
            f" WHERE {where}) "
        )


def build(intent: Intent) -> Statement:
    """The statement that answers ``intent``."""
    builder = _Builder()
    builder.period(intent.period)
    for kind in intent.missing:
        builder.conditions.append(f"e.{kind}_id IS NULL")
    share_of_named = intent.kind is Kind.SHARE and not intent.dimensions
    builder.names("department", intent.departments, restrict=not share_of_named)
    builder.names("job", intent.jobs, restrict=not share_of_named)
    body = _BODIES[intent.kind](intent)
    if intent.kind is Kind.CATALOG:
        return Statement(body)
    return Statement(builder.cte() + body, builder.params)


def _count(intent: Intent) -> str:
    return "SELECT COUNT(*) AS hires FROM matching AS m"


def _per_name(dimension: Dimension, extra: str = "") -> str:
    """Every department (or job), its hires among ``matching`` (zero included)."""
    table, column, key = _TABLE_OF[dimension]
    return (
        f"SELECT t.{column} AS {column}, COUNT(m.id) AS hires{extra}"
        f" FROM {table} AS t LEFT JOIN matching AS m ON m.{key} = t.id"
    )


def _time_columns(intent: Intent) -> list[tuple[str, str]]:
    """(expression, name) for each time dimension; year added where a period spans years."""
    columns: list[tuple[str, str]] = []
    single_year = intent.period is not None and intent.period.label[-4:].isdigit()
    for dimension in intent.dimensions:
        if (
            dimension in ("quarter", "month")
            and not single_year
            and "year" not in intent.dimensions
        ):
            columns.append((DIMENSION_SQL["year"], "year"))
        if dimension in ("year", "quarter", "month"):
            columns.append((DIMENSION_SQL[dimension], dimension))
    return list(dict.fromkeys(columns))


def _grouping(columns: list[tuple[str, str]]) -> tuple[str, str]:
    """The SELECT list of grouped columns, and their positions for GROUP BY / ORDER BY."""
    select = ", ".join(f"{expr} AS {name}" for expr, name in columns)
    return select, ", ".join(str(i + 1) for i in range(len(columns)))


def _breakdown(intent: Intent) -> str:
    names = [d for d in intent.dimensions if d in ("department", "job")]
    if names and len(intent.dimensions) == 1:
        (dimension,) = names
        column = _TABLE_OF[dimension][1]
        filters = _name_filter(intent, dimension)
        return f"{_per_name(dimension)}{filters} GROUP BY t.{column} ORDER BY t.{column}"
    columns = [(DIMENSION_SQL[d], d) for d in names] + _time_columns(intent)
    select, positions = _grouping(columns)
    not_null = " AND ".join(f"m.{d} IS NOT NULL" for d in names) or "TRUE"
    return (
        f"SELECT {select}, COUNT(*) AS hires FROM matching AS m WHERE {not_null}"
        f" GROUP BY {positions} ORDER BY {positions}"
    )


def _name_filter(intent: Intent, dimension: Dimension) -> str:
    """Keep the named departments (jobs) only, when the question named some."""
    names = intent.departments if dimension == "department" else intent.jobs
    if not names:
        return ""
    column = _TABLE_OF[dimension][1]
    placeholders = ", ".join(f":{column}_{i}" for i in range(len(names)))
    return f" WHERE t.{column} IN ({placeholders})"


def _ranking(intent: Intent) -> str:
    (dimension,) = intent.dimensions
    direction = "DESC" if intent.descending else "ASC"
    limit = f" LIMIT {int(intent.limit)}" if intent.limit else ""
    if dimension in ("department", "job"):
        column = _TABLE_OF[dimension][1]
        filters = _name_filter(intent, dimension)
        return (
            f"{_per_name(dimension)}{filters} GROUP BY t.{column}"
            f" ORDER BY hires {direction}, t.{column}{limit}"
        )
    columns = _time_columns(intent)
    select, positions = _grouping(columns)
    return (
        f"SELECT {select}, COUNT(*) AS hires FROM matching AS m GROUP BY {positions}"
        f" ORDER BY hires {direction}, {positions}{limit}"
    )


def _quarterly(intent: Intent) -> str:
    quarters = ", ".join(
        f"SUM(CASE WHEN EXTRACT(QUARTER FROM m.datetime) = {q} THEN 1 ELSE 0 END) AS q{q}"
        for q in range(1, 5)
    )
    return (
        f"SELECT m.department, m.job, {quarters} FROM matching AS m"
        " WHERE m.department IS NOT NULL AND m.job IS NOT NULL"
        " GROUP BY m.department, m.job ORDER BY m.department, m.job"
    )


def _vs_mean(intent: Intent) -> str:
    (dimension,) = intent.dimensions
    column = _TABLE_OF[dimension][1]
    comparison = ">" if intent.descending else "<"
    return (
        f", per_name AS (SELECT m.{column}, COUNT(*) AS hires FROM matching AS m"
        f" WHERE m.{column} IS NOT NULL GROUP BY m.{column}),"
        " yearly AS (SELECT AVG(CAST(hires AS DOUBLE PRECISION)) AS mean FROM per_name)"
        f" SELECT p.{column}, p.hires, ROUND(y.mean, 2) AS mean"
        " FROM per_name AS p CROSS JOIN yearly AS y"
        f" WHERE p.hires {comparison} y.mean"
        f" ORDER BY p.hires {'DESC' if intent.descending else 'ASC'}, p.{column}"
    )


def _share(intent: Intent) -> str:
    share = "ROUND(100.0 * COUNT(m.id) / NULLIF(SUM(COUNT(m.id)) OVER (), 0), 1) AS share_pct"
    if intent.dimensions and intent.dimensions[0] in ("department", "job"):
        (dimension,) = intent.dimensions
        column = _TABLE_OF[dimension][1]
        return f"{_per_name(dimension, ', ' + share)} GROUP BY t.{column} ORDER BY t.{column}"
    if intent.dimensions:
        columns = _time_columns(intent)
        select, positions = _grouping(columns)
        return (
            f"SELECT {select}, COUNT(m.id) AS hires, {share} FROM matching AS m"
            f" GROUP BY {positions} ORDER BY {positions}"
        )
    named = []
    for column, values in (("department", intent.departments), ("job", intent.jobs)):
        if values:
            placeholders = ", ".join(f":{column}_{i}" for i in range(len(values)))
            named.append(f"m.{column} IN ({placeholders})")
    condition = " AND ".join(named) or "TRUE"
    return (
        f"SELECT SUM(CASE WHEN {condition} THEN 1 ELSE 0 END) AS hires, COUNT(*) AS total,"
        f" ROUND(100.0 * SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"
        " / NULLIF(COUNT(*), 0), 1) AS share_pct FROM matching AS m"
    )


def _first_last(intent: Intent) -> str:
    direction = "DESC" if intent.descending else "ASC"
    return (
        "SELECT m.id, m.name, m.datetime, m.department, m.job FROM matching AS m"
        f" ORDER BY m.datetime {direction}, m.id {direction} LIMIT {int(intent.limit or 1)}"
    )


def _list(intent: Intent) -> str:
    return (
        "SELECT m.id, m.name, m.datetime, m.department, m.job FROM matching AS m"
        " ORDER BY m.datetime, m.id"
    )


def _compare_years(intent: Intent) -> str:
    years = ", ".join(str(int(y)) for y in intent.years)
    year = DIMENSION_SQL["year"]
    if intent.dimensions:
        (dimension,) = intent.dimensions
        column = _TABLE_OF[dimension][1]
        return (
            f"SELECT m.{column}, {year} AS year, COUNT(*) AS hires FROM matching AS m"
            f" WHERE m.{column} IS NOT NULL AND {year} IN ({years})"
            f" GROUP BY 1, 2 ORDER BY 1, 2"
        )
    return (
        f"SELECT {year} AS year, COUNT(*) AS hires FROM matching AS m"
        f" WHERE {year} IN ({years}) GROUP BY 1 ORDER BY 1"
    )


def _catalog(intent: Intent) -> str:
    (dimension,) = intent.dimensions
    table, column, _ = _TABLE_OF[dimension]
    if intent.count_only:
        return f"SELECT COUNT(*) AS {table} FROM {table}"
    return f"SELECT id, {column} FROM {table} ORDER BY {column}, id"


_BODIES = {
    Kind.COUNT: _count,
    Kind.BREAKDOWN: _breakdown,
    Kind.RANKING: _ranking,
    Kind.QUARTERLY: _quarterly,
    Kind.VS_MEAN: _vs_mean,
    Kind.SHARE: _share,
    Kind.FIRST_LAST: _first_last,
    Kind.LIST: _list,
    Kind.COMPARE_YEARS: _compare_years,
    Kind.CATALOG: _catalog,
}
