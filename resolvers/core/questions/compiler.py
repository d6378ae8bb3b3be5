"""HrQuery to Redshift SQL, built as sqlglot expressions with the values inlined as literals.

No string templates: every name and date the question carried becomes an
``exp.Literal`` that sqlglot quotes, so the SQL shown to the user runs as-is
in the runSql box, and the one tree goes through the SQL guard like any
other statement.

Every statement reads the hires through one CTE, ``matching``: the hires that
pass the filters, with their department and job. Conventions (reading.py says
them in words):
- departments and jobs are grouped by id and shown by name, so two of the
  same name stay apart;
- groupings list only the groups with at least one hire, except where a
  zero answers the question (the fewest, fewer than N: per department or
  job, every one of them, zeros included); employees without a department are left out of a
  grouping by department, never out of a total;
- "the mean" is over the groups with at least one hire (as the report);
- ties in a ranking are broken by name, then id.
The two hiring reports run their own SQL from sql/reports/.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlglot import exp

from resolvers.core import sql_files
from resolvers.core.questions.query import (
    AverageQuery,
    CatalogQuery,
    CompareQuery,
    CountQuery,
    Dimension,
    EmployeesQuery,
    Filters,
    HrQuery,
    NameSet,
    Period,
    ReportQuery,
    ShareQuery,
)
from resolvers.core.sql_guard import render

WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_NAMED = {"department": ("departments", "department_id"), "job": ("jobs", "job_id")}


def compile_query(query: HrQuery) -> str:
    """The statement that answers ``query``, as Redshift text (values inlined)."""
    return render(compile_tree(query))


def compile_tree(query: HrQuery) -> exp.Query:
    """The statement that answers ``query``, as a sqlglot tree (for sql_guard.guard_tree)."""
    inner = query.query
    tree: exp.Query
    match inner:
        case CountQuery():
            tree = _count(inner)
        case AverageQuery():
            tree = _average(inner)
        case ShareQuery():
            tree = _share(inner)
        case CompareQuery():
            tree = _compare(inner)
        case EmployeesQuery():
            tree = _employees(inner)
        case CatalogQuery():
            tree = _catalog(inner)
        case ReportQuery():
            tree = _report(inner)
    return tree


# -- building blocks ---------------------------------------------------------


def col(table: str, name: str) -> exp.Column:
    return exp.column(name, table=table)


def lit(value: str | int | float) -> exp.Expr:
    return exp.Literal.string(value) if isinstance(value, str) else exp.Literal.number(value)


def _timestamp(day: date) -> exp.Expr:
    return exp.cast(exp.Literal.string(day.isoformat()), exp.DataType.Type.TIMESTAMP)


def _alias(expression: exp.Expr, name: str) -> exp.Alias:
    return exp.Alias(this=expression, alias=exp.to_identifier(name))


def _table(name: str, alias: str | None = None) -> exp.Table:
    """A table reference built as a node (no parsing: this runs for every question)."""
    table = exp.Table(this=exp.to_identifier(name))
    if alias:
        table.set("alias", exp.TableAlias(this=exp.to_identifier(alias)))
    return table


def _cte_name(name: str) -> exp.TableAlias:
    return exp.TableAlias(this=exp.to_identifier(name))


def _count_star() -> exp.Count:
    return exp.Count(this=exp.Star())


def _in(column: exp.Expr, names: Sequence[str]) -> exp.Expr:
    return exp.In(this=column, expressions=[lit(n) for n in names])


def _names_condition(names: NameSet, name: exp.Expr, key: exp.Expr) -> list[exp.Expr]:
    """Kept names; left-out names keep the employees with none (they are not in them)."""
    found: list[exp.Expr] = []
    if names.include:
        found.append(_in(name, names.include))
    if names.exclude:
        found.append(
            exp.or_(key.is_(exp.null()), exp.not_(_in(name, names.exclude), copy=False), copy=False)
        )
    return found


def period_condition(period: Period, moment: exp.Expr) -> exp.Expr:
    parts: list[exp.Expr] = []
    if period.start is not None:
        parts.append(exp.GTE(this=moment.copy(), expression=_timestamp(period.start)))
    if period.end is not None:
        parts.append(exp.LT(this=moment.copy(), expression=_timestamp(period.end)))
    return exp.and_(*parts, copy=False)


def _conditions(filters: Filters) -> list[exp.Expr]:
    found = _names_condition(filters.departments, col("d", "department"), col("e", "department_id"))
    found += _names_condition(filters.jobs, col("j", "job"), col("e", "job_id"))
    if filters.periods:
        moment = col("e", "datetime")
        found.append(exp.or_(*(period_condition(p, moment) for p in filters.periods), copy=False))
    if filters.without_department:
        found.append(col("e", "department_id").is_(exp.null()))
    if filters.without_job:
        found.append(col("e", "job_id").is_(exp.null()))
    name = exp.Lower(this=col("e", "name"))
    if filters.name_prefix:
        prefix = filters.name_prefix.lower()
        found.append(
            exp.EQ(
                this=exp.Left(this=name.copy(), expression=lit(len(prefix))),
                expression=lit(prefix),
            )
        )
    if filters.name_contains:
        position = exp.StrPosition(this=name.copy(), substr=lit(filters.name_contains.lower()))
        found.append(exp.GT(this=position, expression=lit(0)))
    return found


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
        .from_(_table("hired_employees", "e"), copy=False)
        .join(
            _table("departments", "d"),
            on=exp.EQ(this=col("d", "id"), expression=col("e", "department_id")),
            join_type="left",
            copy=False,
        )
        .join(
            _table("jobs", "j"),
            on=exp.EQ(this=col("j", "id"), expression=col("e", "job_id")),
            join_type="left",
            copy=False,
        )
    )
    conditions = _conditions(filters)
    return select.where(exp.and_(*conditions, copy=False), copy=False) if conditions else select


def _with_matching(select: exp.Select, filters: Filters) -> exp.Select:
    return select.with_(_cte_name("matching"), as_=matching(filters), copy=False)


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
        any(d in ("quarter", "month") for d in found)
        and "year" not in found
        and spans_years(filters)
    ):
        first = next(i for i, d in enumerate(found) if d in ("quarter", "month"))
        found.insert(first, "year")
    return found


class _Group:
    """One grouping column: what to select, group by, and order by.

    ``source`` is ``m`` (the matching hires) or ``t`` (the departments or jobs table).
    """

    def __init__(self, dimension: Dimension, source: str = "m") -> None:
        self.dimension = dimension
        moment = col(source, "datetime")
        if dimension in _NAMED:
            key = "id" if source == "t" else _NAMED[dimension][1]
            self.keys: list[exp.Expr] = [col(source, key), col(source, dimension)]
            self.select: exp.Expr = _alias(col(source, dimension), dimension)
            self.order: list[exp.Expr] = [col(source, dimension), col(source, key)]
            self.present: exp.Expr = col(source, key).is_(exp.null()).not_()
            return
        unit = {"year": "YEAR", "quarter": "QUARTER", "month": "MONTH", "weekday": "DOW"}
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
            self.select = _alias(named, "weekday")
        else:
            self.select = _alias(part.copy(), dimension)


def _hires() -> exp.Expr:
    return _alias(exp.Count(this=col("m", "id")), "hires")


def _count_expression(query: CountQuery) -> exp.Expr:
    if query.distinct == "hires":
        return exp.Count(this=col("m", "id"))
    key = "department_id" if query.distinct == "departments" else "job_id"
    return exp.Count(this=exp.Distinct(expressions=[col("m", key)]))


def _count(query: CountQuery) -> exp.Select:
    column = query.distinct if query.distinct != "hires" else "hires"
    measure = _count_expression(query)
    if not query.group_by:
        select = exp.select(_alias(measure, column), copy=False).from_(
            _table("matching", "m"), copy=False
        )
        return _with_matching(select, query.filters)
    group = dimensions(query.group_by, query.filters)
    every_name = shows_zeros(query)
    if query.threshold and query.threshold.compare in ("above_mean", "below_mean"):
        return _versus_mean(query, group, measure, column)
    select = _all_names(group[0], query.filters) if every_name else _grouped(group)
    select = select.select(_alias(measure, column), copy=False)
    if query.threshold:
        operator = {"more_than": exp.GT, "fewer_than": exp.LT, "at_least": exp.GTE}
        operator |= {"at_most": exp.LTE}
        value = lit(query.threshold.value or 0)
        select = select.having(
            operator[query.threshold.compare](this=measure.copy(), expression=value), copy=False
        )
    order = [g.order for g in (_Group(d, "t" if every_name else "m") for d in group)]
    ties = [o for keys in order for o in keys]
    if query.rank:
        descending = query.rank.order == "most"
        select = select.order_by(
            exp.Ordered(this=measure.copy(), desc=descending), *ties, copy=False
        )
        if query.rank.limit:
            select = select.limit(query.rank.limit, copy=False)
        if query.rank.offset:
            select = select.offset(query.rank.offset, copy=False)
    else:
        select = select.order_by(*ties, copy=False)
    return _with_matching(select, query.filters)


def shows_zeros(query: CountQuery) -> bool:
    """Whether departments (jobs) with no hire are rows too, with 0.

    Only where a zero answers the question: the fewest, or fewer than (at most)
    a number, per department or per job. Any other grouping lists only the
    groups with at least one hire (docs/questions.md).
    """
    lowest = (query.rank is not None and query.rank.order == "fewest") or (
        query.threshold is not None and query.threshold.compare in ("fewer_than", "at_most")
    )
    single = len(query.group_by) == 1 and query.group_by[0] in _NAMED
    return lowest and single and query.distinct == "hires"


def _grouped(group: Sequence[Dimension]) -> exp.Select:
    """Groups that had a hire: the grouping columns over ``matching``."""
    groups = [_Group(d) for d in group]
    select = exp.select(*(g.select for g in groups), copy=False).from_(
        _table("matching", "m"), copy=False
    )
    present = [g.present for g in groups if not isinstance(g.present, exp.Boolean)]
    if present:
        select = select.where(exp.and_(*present, copy=False), copy=False)
    return select.group_by(*(k for g in groups for k in g.keys), copy=False)


def _all_names(dimension: Dimension, filters: Filters) -> exp.Select:
    """Every department (or job) the filters keep, with its hires among ``matching``."""
    table, key = _NAMED[dimension]
    select = (
        exp.select(_alias(col("t", dimension), dimension), copy=False)
        .from_(_table(table, "t"), copy=False)
        .join(
            _table("matching", "m"),
            on=exp.EQ(this=col("m", key), expression=col("t", "id")),
            join_type="left",
            copy=False,
        )
    )
    names = filters.departments if dimension == "department" else filters.jobs
    conditions = []
    if names.include:
        conditions.append(_in(col("t", dimension), names.include))
    if names.exclude:
        conditions.append(exp.not_(_in(col("t", dimension), names.exclude), copy=False))
    if (dimension == "department" and filters.without_department) or (
        dimension == "job" and filters.without_job
    ):
        conditions.append(exp.false())
    if conditions:
        select = select.where(exp.and_(*conditions, copy=False), copy=False)
    return select.group_by(col("t", "id"), col("t", dimension), copy=False)


def _versus_mean(
    query: CountQuery, group: Sequence[Dimension], measure: exp.Expr, column: str
) -> exp.Select:
    """Groups above (below) the mean of the groups that had at least one hire."""
    assert query.threshold is not None
    per_group = _grouped(group).select(_alias(measure, column), copy=False)
    groups = [_Group(d) for d in group]
    names = [g.select.alias for g in groups]
    mean = exp.Avg(this=exp.cast(exp.column(column), exp.DataType.Type.DOUBLE))
    average = exp.select(_alias(mean, "mean"), copy=False).from_(_table("per_group"), copy=False)
    above = query.threshold.compare == "above_mean"
    comparison = exp.GT if above else exp.LT
    select = (
        exp.select(
            *(col("p", n) for n in names),
            col("p", column),
            _alias(exp.Round(this=col("a", "mean"), decimals=lit(2)), "mean"),
            copy=False,
        )
        .from_(_table("per_group", "p"), copy=False)
        .join(_table("average", "a"), join_type="cross", copy=False)
        .where(comparison(this=col("p", column), expression=col("a", "mean")), copy=False)
    )
    ordering = exp.Ordered(this=col("p", column), desc=above)
    select = select.order_by(ordering, *(col("p", n) for n in names), copy=False)
    if query.rank and query.rank.limit:
        select = select.limit(query.rank.limit, copy=False)
    return (
        select.with_(_cte_name("matching"), as_=matching(query.filters), copy=False)
        .with_(_cte_name("per_group"), as_=per_group, copy=False)
        .with_(_cte_name("average"), as_=average, copy=False)
    )


def _average(query: AverageQuery) -> exp.Select:
    group = dimensions([query.per], query.filters)
    per_group = _grouped(group).select(_alias(exp.Count(this=col("m", "id")), "hires"), copy=False)
    mean = exp.Avg(this=exp.cast(exp.column("hires"), exp.DataType.Type.DOUBLE))
    select = exp.select(_alias(exp.Round(this=mean, decimals=lit(2)), "average_hires"), copy=False)
    return (
        select.from_(_table("per_group"), copy=False)
        .with_(_cte_name("matching"), as_=matching(query.filters), copy=False)
        .with_(_cte_name("per_group"), as_=per_group, copy=False)
    )


def _share_pct(part: exp.Expr, whole: exp.Expr) -> exp.Expr:
    ratio = exp.Div(
        this=exp.Mul(this=exp.Literal.number("100.0"), expression=part),
        expression=exp.Nullif(this=whole, expression=lit(0)),
    )
    return _alias(exp.Round(this=ratio, decimals=lit(1)), "share_pct")


def _share(query: ShareQuery) -> exp.Select:
    if query.group_by is None:
        named = _names_condition(
            NameSet(include=query.part_departments),
            col("m", "department"),
            col("m", "department_id"),
        ) + _names_condition(NameSet(include=query.part_jobs), col("m", "job"), col("m", "job_id"))
        inside = exp.Sum(
            this=exp.Case(
                ifs=[exp.If(this=exp.and_(*named, copy=False), true=lit(1))], default=lit(0)
            )
        )
        select = exp.select(
            _alias(inside, "hires"),
            _alias(_count_star(), "total"),
            _share_pct(inside.copy(), _count_star()),
            copy=False,
        ).from_(_table("matching", "m"), copy=False)
        return _with_matching(select, query.filters)
    group = dimensions([query.group_by], query.filters)
    select = _grouped(group)
    count = exp.Count(this=col("m", "id"))
    # the whole is every matching hire, with or without a department or job
    whole = exp.Subquery(this=exp.select(_count_star()).from_(_table("matching"), copy=False))
    select = select.select(_alias(count, "hires"), _share_pct(count.copy(), whole), copy=False)
    select = select.order_by(*(o for d in group for o in _Group(d).order), copy=False)
    return _with_matching(select, query.filters)


def _compare(query: CompareQuery) -> exp.Select:
    first, second = query.periods
    labels = [period_label(p) for p in query.periods]
    whole_years = all(isinstance(label, int) for label in labels)
    moment = col("m", "datetime")
    if query.show == "difference":
        sums = [
            exp.Sum(
                this=exp.Case(
                    ifs=[exp.If(this=period_condition(p, moment), true=lit(1))], default=lit(0)
                )
            )
            for p in (first, second)
        ]
        select = exp.select(
            _alias(exp.Sub(this=sums[1], expression=sums[0]), "difference"), copy=False
        )
        return _with_matching(select.from_(_table("matching", "m"), copy=False), query.filters)
    name = "year" if whole_years else "period"
    if query.group_by is None:
        parts = [
            exp.select(_alias(lit(label), name), _alias(_count_star(), "hires"), copy=False)
            .from_(_table("matching", "m"), copy=False)
            .where(period_condition(period, moment), copy=False)
            for label, period in zip(labels, query.periods, strict=True)
        ]
        union = exp.union(parts[0], parts[1], distinct=False, copy=False)
        select = (
            exp.select(exp.Star(), copy=False)
            .from_(union.subquery("periods", copy=False), copy=False)
            .order_by(exp.column(name), copy=False)
        )
        return _with_matching(select, query.filters)
    label = exp.Case(
        ifs=[
            exp.If(this=period_condition(p, moment), true=lit(lab))
            for lab, p in zip(labels, query.periods, strict=True)
        ]
    )
    group = _Group(query.group_by)
    select = (
        exp.select(group.select, _alias(label, name), _alias(_count_star(), "hires"), copy=False)
        .from_(_table("matching", "m"), copy=False)
        .where(
            exp.and_(
                group.present,
                exp.or_(*(period_condition(p, moment) for p in query.periods), copy=False),
                copy=False,
            ),
            copy=False,
        )
        .group_by(*group.keys, label.copy(), copy=False)
        .order_by(*group.order, label.copy(), copy=False)
    )
    return _with_matching(select, query.filters)


def period_label(period: Period) -> int | str:
    """A whole calendar year as its number; a quarter, half or month by name; else its dates."""
    start, end = period.start, period.end
    if start and end and start.day == end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        if months == 12 and start.month == 1:
            return start.year
        if months == 6 and start.month in (1, 7):
            return f"H{1 if start.month == 1 else 2} {start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"Q{start.month // 3 + 1} {start.year}"
        if months == 1:
            return f"{start:%b} {start.year}"
    last = date.fromordinal(end.toordinal() - 1).isoformat() if end else "now"
    return f"{start.isoformat() if start else 'the start'} to {last}"


def _employees(query: EmployeesQuery) -> exp.Select:
    columns: list[exp.Expr] = [col("m", "name")]
    if query.columns == "full":
        columns = [col("m", c) for c in ("id", "name", "datetime", "department", "job")]
    descending = query.order == "latest"
    select = (
        exp.select(*columns, copy=False)
        .from_(_table("matching", "m"), copy=False)
        .order_by(
            exp.Ordered(this=col("m", "datetime"), desc=descending),
            exp.Ordered(this=col("m", "id"), desc=descending),
            copy=False,
        )
    )
    if query.limit:
        select = select.limit(query.limit, copy=False)
    return _with_matching(select, query.filters)


def _catalog(query: CatalogQuery) -> exp.Select:
    column = "department" if query.of == "departments" else "job"
    name = exp.Lower(this=exp.column(column))
    conditions: list[exp.Expr] = []
    if query.name_prefix:
        prefix = query.name_prefix.lower()
        conditions.append(
            exp.EQ(
                this=exp.Left(this=name.copy(), expression=lit(len(prefix))), expression=lit(prefix)
            )
        )
    if query.name_contains:
        position = exp.StrPosition(this=name.copy(), substr=lit(query.name_contains.lower()))
        conditions.append(exp.GT(this=position, expression=lit(0)))
    if query.count_only:
        select = exp.select(_alias(_count_star(), query.of), copy=False).from_(
            _table(query.of), copy=False
        )
    else:
        select = exp.select(exp.column("id"), exp.column(column), copy=False).from_(
            _table(query.of), copy=False
        )
        select = select.order_by(exp.column(column), exp.column("id"), copy=False)
    return select.where(exp.and_(*conditions, copy=False), copy=False) if conditions else select


def _report(query: ReportQuery) -> exp.Query:
    """The report's own SQL from sql/reports/, its year bounds inlined."""
    bounds = {
        "year_start": date(query.year, 1, 1).isoformat(),
        "year_end": date(query.year + 1, 1, 1).isoformat(),
    }
    tree = sql_files.with_literals(f"reports/{query.report}", bounds)
    assert isinstance(tree, exp.Query)
    return tree
