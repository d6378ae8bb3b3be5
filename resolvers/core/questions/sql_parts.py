"""The parts every compiled question shares: sqlglot building blocks, the
``matching`` CTE (the hires that pass the filters, with their department and
job), and the grouping columns (by id, shown by name; dates by their parts).

Split from compiler.py, which builds each kind of statement from these.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlglot import exp

from resolvers.core.questions.query import (
    WEEKDAY_NAMES,
    Dimension,
    Filters,
    NameSet,
    Period,
    title_level,
)

WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
NAMED_DIMENSIONS = {"department": ("departments", "department_id"), "job": ("jobs", "job_id")}
"""A named dimension: (its table, the employee column that points at it)."""


def col(table: str, name: str) -> exp.Column:
    return exp.column(name, table=table)


def lit(value: str | int | float) -> exp.Expr:
    return exp.Literal.string(value) if isinstance(value, str) else exp.Literal.number(value)


def timestamp(day: date) -> exp.Expr:
    return exp.cast(exp.Literal.string(day.isoformat()), exp.DataType.Type.TIMESTAMP)


def aliased(expression: exp.Expr, name: str) -> exp.Alias:
    return exp.Alias(this=expression, alias=exp.to_identifier(name))


def table(name: str, alias: str | None = None) -> exp.Table:
    """A table reference built as a node (no parsing: this runs for every question)."""
    table = exp.Table(this=exp.to_identifier(name))
    if alias:
        table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))
    return table


def cte_name(name: str) -> exp.TableAlias:
    return exp.TableAlias(this=exp.to_identifier(name))


def count_star() -> exp.Count:
    return exp.Count(this=exp.Star())


def in_list(column: exp.Expr, names: Sequence[str] | Sequence[int]) -> exp.Expr:
    return exp.In(this=column, expressions=[lit(n) for n in names])


def names_condition(names: NameSet, name: exp.Expr, key: exp.Expr) -> list[exp.Expr]:
    """Kept names; left-out names keep the employees with none (they are not in them)."""
    found: list[exp.Expr] = []
    if names.include:
        found.append(in_list(name, names.include))
    if names.exclude:
        found.append(
            exp.or_(
                key.is_(exp.null()), exp.not_(in_list(name, names.exclude), copy=False), copy=False
            )
        )
    return found


def period_condition(period: Period, moment: exp.Expr) -> exp.Expr:
    parts: list[exp.Expr] = []
    if period.start is not None:
        parts.append(exp.GTE(this=moment.copy(), expression=timestamp(period.start)))
    if period.end is not None:
        parts.append(exp.LT(this=moment.copy(), expression=timestamp(period.end)))
    return exp.and_(*parts, copy=False)


def conditions(filters: Filters, alias: str | None = None) -> list[exp.Expr]:
    """The filters as conditions: on the joined tables (e, d, j), or on ``alias`` (matching)."""
    e, d, j = (alias, alias, alias) if alias else ("e", "d", "j")
    found = names_condition(filters.departments, col(d, "department"), col(e, "department_id"))
    found += names_condition(filters.jobs, col(j, "job"), col(e, "job_id"))
    if filters.periods:
        moment = col(e, "datetime")
        found.append(exp.or_(*(period_condition(p, moment) for p in filters.periods), copy=False))
    if filters.months:
        month = exp.Extract(this=exp.var("MONTH"), expression=col(e, "datetime"))
        found.append(in_list(month, sorted(set(filters.months))))
    if filters.weekdays:
        dow = exp.Extract(this=exp.var("DOW"), expression=col(e, "datetime"))
        days = sorted({WEEKDAY_NAMES.index(d) for d in filters.weekdays})
        found.append(in_list(dow, days))
    if filters.without_department:
        found.append(col(e, "department_id").is_(exp.null()))
    if filters.without_job:
        found.append(col(e, "job_id").is_(exp.null()))
    if filters.missing_either:
        found.append(
            exp.or_(
                col(e, "department_id").is_(exp.null()),
                col(e, "job_id").is_(exp.null()),
                copy=False,
            )
        )
    name = exp.Lower(this=col(e, "name"))
    if filters.name_prefix:
        prefix = filters.name_prefix.lower()
        found.append(
            exp.EQ(
                this=exp.Left(this=name.copy(), expression=lit(len(prefix))),
                expression=lit(prefix),
            )
        )
    if filters.name_not_prefix:
        prefix = filters.name_not_prefix.lower()
        found.append(
            exp.NEQ(
                this=exp.Left(this=name.copy(), expression=lit(len(prefix))),
                expression=lit(prefix),
            )
        )
    if filters.name_contains:
        position = exp.StrPosition(this=name.copy(), substr=lit(filters.name_contains.lower()))
        found.append(exp.GT(this=position, expression=lit(0)))
    if filters.name_suffix:
        suffix = filters.name_suffix.lower()
        ending = exp.Right(this=name.copy(), expression=lit(len(suffix)))
        found.append(exp.EQ(this=ending, expression=lit(suffix)))
    if filters.employee_names:
        lowered = tuple(dict.fromkeys(n.lower() for n in filters.employee_names))
        found.append(in_list(name.copy(), lowered))
    if filters.same_day_as:
        found.append(_same_day(filters.same_day_as, col(e, "datetime")))
    if filters.employee_ids:
        found.append(in_list(col(e, "id"), filters.employee_ids))
    if filters.department_ids:
        found.append(in_list(col(e, "department_id"), filters.department_ids))
    if filters.other_than_names:
        lowered = tuple(dict.fromkeys(n.lower() for n in filters.other_than_names))
        found.append(
            exp.or_(
                col(e, "name").is_(exp.null()),
                exp.not_(in_list(name.copy(), lowered), copy=False),
                copy=False,
            )
        )
    if filters.last_name:
        last = filters.last_name.lower()
        # the last word: the whole name, or the name from its last space on
        found.append(
            exp.or_(
                exp.EQ(this=name.copy(), expression=lit(last)),
                exp.EQ(
                    this=exp.Right(this=name.copy(), expression=lit(len(last) + 1)),
                    expression=lit(" " + last),
                ),
                copy=False,
            )
        )
    if filters.first_name:
        first = filters.first_name.lower()
        # the first word: the whole name, or the name up to its first space
        found.append(
            exp.or_(
                exp.EQ(this=name.copy(), expression=lit(first)),
                exp.EQ(
                    this=exp.Left(this=name.copy(), expression=lit(len(first) + 1)),
                    expression=lit(first + " "),
                ),
                copy=False,
            )
        )
    return found


def _same_day(names: Sequence[str], moment: exp.Expr) -> exp.Expr:
    """The hire day is one of the days the employees of these names were hired."""
    day = exp.DataType.Type.DATE
    lowered = tuple(dict.fromkeys(n.lower() for n in names))
    their_days = (
        exp.select(exp.cast(col("x", "datetime"), day), copy=False)
        .from_(table("hired_employees", "x"), copy=False)
        .where(in_list(exp.Lower(this=col("x", "name")), lowered), copy=False)
    )
    return exp.In(this=exp.cast(moment.copy(), day), query=exp.Subquery(this=their_days))


def matching(filters: Filters) -> exp.Select:
    """The hires that pass ``filters``, each with its department and job name."""
    select = (
        exp.select(
            col("e", "id"),
            col("e", "name"),
            col("e", "datetime"),
            col("e", "department_id"),
            col("e", "job_id"),
            col("d", "department"),
            col("j", "job"),
            copy=False,
        )
        .from_(table("hired_employees", "e"), copy=False)
        .join(
            table("departments", "d"),
            on=exp.EQ(this=col("d", "id"), expression=col("e", "department_id")),
            join_type="left",
            copy=False,
        )
        .join(
            table("jobs", "j"),
            on=exp.EQ(this=col("j", "id"), expression=col("e", "job_id")),
            join_type="left",
            copy=False,
        )
    )
    found = conditions(filters)
    return select.where(exp.and_(*found, copy=False), copy=False) if found else select


def with_matching(select: exp.Select, filters: Filters) -> exp.Select:
    return select.with_(cte_name("matching"), as_=matching(filters), copy=False)


def spans_years(filters: Filters) -> bool:
    """True unless every period lies inside one calendar year (then quarters need no year)."""
    years = set()
    for period in filters.periods:
        if period.start is None or period.end is None:
            return True
        last = date.fromordinal(period.end.toordinal() - 1)
        years |= {period.start.year, last.year}
    return len(years) != 1


def dimensions(group_by: Sequence[Dimension], filters: Filters) -> list[Dimension]:
    """The grouping as run: a quarter or month across years gets its year beside it."""
    found = list(group_by)
    if (
        any(d in ("half", "quarter", "month") for d in found)
        and "year" not in found
        and spans_years(filters)
    ):
        first = next(i for i, d in enumerate(found) if d in ("half", "quarter", "month"))
        found.insert(first, "year")
    return found


def level_case(titles: Sequence[str], job: exp.Expr) -> exp.Expr:
    """Each kept title's level ('Accountant III' -> 'III'; a title without one -> 'none')."""
    return exp.Case(
        ifs=[
            exp.If(
                this=exp.EQ(this=job.copy(), expression=lit(t)), true=lit(title_level(t) or "none")
            )
            for t in dict.fromkeys(titles)
        ]
    )


def one_stem(titles: Sequence[str]) -> bool:
    """Whether the titles are one title at several levels (Database Administrator I to IV)."""
    stems = {t.rsplit(" ", 1)[0] if title_level(t) else t for t in titles}
    return len(stems) == 1


class Group:
    """One grouping column: what to select, group by, and order by.

    ``source`` is ``m`` (the matching hires) or ``t`` (the departments or jobs table).
    ``titles`` are the kept job titles, for the ``level`` dimension.
    """

    def __init__(self, dimension: Dimension, source: str = "m", titles: Sequence[str] = ()) -> None:
        self.dimension = dimension
        moment = col(source, "datetime")
        self.keys: list[exp.Expr]
        self.select: exp.Expr
        self.order: list[exp.Expr]
        self.present: exp.Expr
        self.extra: list[exp.Expr] = []
        self.names = [dimension]
        if dimension == "level":
            level = level_case(titles, col(source, "job"))
            self.keys = [level]
            self.select = aliased(level.copy(), "level")
            self.order = [level.copy()]
            self.present = col(source, "job_id").is_(exp.null()).not_()
            if one_stem(titles):  # one title per level: show the title too
                self.keys = [col(source, "job_id"), col(source, "job"), level.copy()]
                self.select = aliased(col(source, "job"), "job")
                self.extra = [aliased(level.copy(), "level")]
                self.names = ["job", "level"]
            return
        if dimension in NAMED_DIMENSIONS:
            key = "id" if source == "t" else NAMED_DIMENSIONS[dimension][1]
            self.keys = [col(source, key), col(source, dimension)]
            self.select = aliased(col(source, dimension), dimension)
            self.order = [col(source, dimension), col(source, key)]
            self.present = col(source, key).is_(exp.null()).not_()
            return
        if dimension == "day":  # the calendar date: one group per day that had a hire
            day = exp.cast(moment, exp.DataType.Type.DATE)
            self.keys, self.order, self.present = [day], [day.copy()], exp.true()
            self.select = aliased(day.copy(), "day")
            return
        unit = {"year": "YEAR", "quarter": "QUARTER", "month": "MONTH", "weekday": "DOW"}
        part: exp.Expr
        if dimension == "half":  # 1 for January to June, 2 for July to December
            month = exp.Extract(this=exp.var("MONTH"), expression=moment)
            part = exp.Case(
                ifs=[exp.If(this=exp.LTE(this=month, expression=lit(6)), true=lit(1))],
                default=lit(2),
            )
        else:
            part = exp.Extract(this=exp.var(unit[dimension]), expression=moment)
        self.keys = [part]
        self.order = [part.copy()]
        self.present = exp.true()
        if dimension == "weekday":
            named = exp.Case(
                ifs=[
                    exp.If(this=exp.EQ(this=part.copy(), expression=lit(i)), true=lit(n))
                    for i, n in enumerate(WEEKDAYS)
                ]
            )
            self.select = aliased(named, "weekday")
        else:
            self.select = aliased(part.copy(), dimension)
