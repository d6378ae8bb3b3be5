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
- a ranking to a cut-off (the most, the top 3, the top job in each
  department) keeps every row tied at its cut-off; one that skips places
  (the second most) breaks ties by name, then id;
- shares and averages come at full precision (rounding is for display).
The two hiring reports run their own SQL from sql/reports/. The parts every
kind shares (the ``matching`` CTE, grouping columns, building blocks) are in
sql_parts.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlglot import exp

from resolvers.core import sql_files
from resolvers.core.questions.query import (
    AverageQuery,
    CalendarPart,
    CatalogQuery,
    CompareQuery,
    CountQuery,
    DifferenceQuery,
    Dimension,
    EmployeesQuery,
    Filters,
    HireSpanQuery,
    HrQuery,
    NameSet,
    Period,
    ReportQuery,
    ShareQuery,
    SpreadQuery,
    Threshold,
)
from resolvers.core.questions.sql_parts import (
    NAMED_DIMENSIONS,
    WEEKDAYS,
    Group,
    aliased,
    col,
    conditions,
    count_star,
    cte_name,
    dimensions,
    in_list,
    lit,
    matching,
    period_condition,
    table,
    with_matching,
)
from resolvers.core.sql_guard import render


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
        case SpreadQuery():
            tree = _spread(inner)
        case ShareQuery():
            tree = _share(inner)
        case CompareQuery():
            tree = _compare(inner)
        case DifferenceQuery():
            tree = _difference(inner)
        case EmployeesQuery():
            tree = _employees(inner)
        case CatalogQuery():
            tree = _catalog(inner)
        case HireSpanQuery():
            tree = _hire_span(inner)
        case ReportQuery():
            tree = _report(inner)
    return tree


def _hires() -> exp.Expr:
    return aliased(exp.Count(this=col("m", "id")), "hires")


def _count_expression(query: CountQuery) -> exp.Expr:
    if query.distinct == "hires":
        return exp.Count(this=col("m", "id"))
    key = "department_id" if query.distinct == "departments" else "job_id"
    return exp.Count(this=exp.Distinct(expressions=[col("m", key)]))


def _count(query: CountQuery) -> exp.Select:
    column = query.distinct if query.distinct != "hires" else "hires"
    measure = _count_expression(query)
    if not query.group_by:
        select = exp.select(aliased(measure, column), copy=False).from_(
            table("matching", "m"), copy=False
        )
        return with_matching(select, query.filters)
    if query.by_id:
        return _by_id(query, measure, column)
    group = dimensions(query.group_by, query.filters)
    every_name = shows_zeros(query)
    if query.threshold and query.threshold.compare in ("above_mean", "below_mean"):
        return _count_of_groups(query, _versus_mean(query, group, measure, column))
    if query.threshold and query.threshold.versus:
        return _versus(query, group)
    groups = [_group(d, query.filters, "t" if every_name else "m") for d in group]
    select = _all_names(group[0], query.filters) if every_name else _grouped(groups)
    select = select.select(aliased(measure, column), copy=False)
    if query.in_every:
        select = select.having(_in_every(query.in_every, query.filters), copy=False)
    if query.absent_in:
        select = select.having(_absent(query, groups[0].keys[0]), copy=False)
    if query.threshold:
        select = select.having(_passes(measure, query.threshold, query.filters), copy=False)
    ties = [o for g in groups for o in g.order]
    if query.rank and (query.rank.within or (query.rank.limit and not query.rank.offset)):
        return _ranked_within(query, select, groups, measure)
    if query.rank:
        descending = query.rank.order == "most"
        select = select.order_by(
            exp.Ordered(this=measure.copy(), desc=descending), *ties, copy=False
        )
        if query.rank.limit:
            select = select.limit(query.rank.limit, copy=False)
        if query.rank.offset:
            select = select.offset(query.rank.offset, copy=False)
    elif query.descending_names:  # 'Z to A': each grouping's name (and key) from the end
        select = select.order_by(*(exp.Ordered(this=t, desc=True) for t in ties), copy=False)
    elif not query.count_groups:
        select = select.order_by(*ties, copy=False)
    return _count_of_groups(query, with_matching(select, query.filters))


def _versus(query: CountQuery, group: Sequence[Dimension]) -> exp.Select:
    """Per group, the hires of the filters' jobs beside those of the other titles, where the
    first passes the second ('departments that hired more engineers than designers').

    ``matching`` holds both sets of titles; each count takes its own. A group with
    hires of neither compares 0 with 0, and passes no 'more' or 'fewer'.
    """
    threshold = query.threshold
    assert threshold is not None and threshold.versus is not None
    counted, other = query.filters.jobs.include, threshold.versus.titles
    both = query.filters.model_copy(
        update={
            "jobs": query.filters.jobs.model_copy(
                update={"include": tuple(dict.fromkeys((*counted, *other)))}
            ),
            "families": (*query.filters.families, threshold.versus),
        }
    )
    sums = [
        exp.Sum(
            this=exp.Case(
                ifs=[exp.If(this=in_list(col("m", "job"), titles), true=lit(1))], default=lit(0)
            )
        )
        for titles in (counted, other)
    ]
    groups = [_group(d, both) for d in group]
    select = _grouped(groups).select(
        aliased(sums[0], "hires"), aliased(sums[1].copy(), "versus_hires"), copy=False
    )
    operator = {"more_than": exp.GT, "fewer_than": exp.LT, "at_least": exp.GTE}
    operator |= {"at_most": exp.LTE}
    select = select.having(
        operator[threshold.compare](this=sums[0].copy(), expression=sums[1].copy()), copy=False
    )
    select = select.order_by(*(o for g in groups for o in g.order), copy=False)
    return _count_of_groups(query, with_matching(select, both))


def _by_id(query: CountQuery, measure: exp.Expr, column: str) -> exp.Select:
    """Per the id column: the id, its name, the count; the hires with no department (job)
    left out, as from any grouping by department (job)."""
    dimension = query.group_by[0]
    key = NAMED_DIMENSIONS[dimension][1]
    select = (
        exp.select(
            aliased(col("m", key), "id"),
            aliased(col("m", dimension), dimension),
            aliased(measure, column),
            copy=False,
        )
        .from_(table("matching", "m"), copy=False)
        .where(col("m", key).is_(exp.null()).not_(), copy=False)
        .group_by(col("m", key), col("m", dimension), copy=False)
    )
    if query.threshold:
        select = select.having(_passes(measure, query.threshold, query.filters), copy=False)
    order = [exp.Ordered(this=col("m", key), nulls_first=False)]
    if query.rank:  # most (fewest) first, ties by id
        order.insert(0, exp.Ordered(this=measure.copy(), desc=query.rank.order == "most"))
    select = select.order_by(*order, copy=False)
    return with_matching(select, query.filters)


def _count_of_groups(query: CountQuery, select: exp.Select) -> exp.Select:
    """'How many departments ...': the number of rows the grouped statement gives."""
    if not query.count_groups:
        return select
    what = {"department": "departments", "job": "jobs", "level": "levels", "half": "halves"}
    name = "_".join(what.get(d, d + "s") for d in query.group_by)
    ctes = select.args.get("with")
    select.set("with", None)
    counted = exp.select(aliased(count_star(), name), copy=False).from_(
        select.subquery("passing", copy=False), copy=False
    )
    if ctes is not None:
        counted.set("with", ctes)
    return counted


def _in_every(unit: str, filters: Filters) -> exp.Expr:
    """A group's distinct years (quarters, months) with a hire are all those in which anyone
    was hired, within the same periods (months, weekdays): the group hired in every one."""

    def units(alias: str) -> exp.Expr:
        moment = col(alias, "datetime")
        year = exp.Extract(this=exp.var("YEAR"), expression=moment)
        if unit == "year":
            return exp.Distinct(expressions=[year])
        part = exp.Extract(this=exp.var(unit.upper()), expression=moment.copy())
        scaled = exp.Add(this=exp.Mul(this=year, expression=lit(100)), expression=part)
        return exp.Distinct(expressions=[scaled])

    when = Filters(periods=filters.periods, months=filters.months, weekdays=filters.weekdays)
    every = exp.select(exp.Count(this=units("e")), copy=False).from_(
        table("hired_employees", "e"), copy=False
    )
    if found := conditions(when):
        every = every.where(exp.and_(*found, copy=False), copy=False)
    return exp.EQ(this=exp.Count(this=units("m")), expression=exp.Subquery(this=every))


def _absent(query: CountQuery, key: exp.Expr) -> exp.Expr:
    """The group's id is none of those with a hire in ``absent_in`` under the other filters:
    'roles that hired in 2020 but not in 2022'."""
    column = NAMED_DIMENSIONS[query.group_by[0]][1]
    elsewhere = matching(query.filters.model_copy(update={"periods": query.absent_in}))
    hired = (
        exp.select(col("a", column), copy=False)
        .from_(elsewhere.subquery("a", copy=False), copy=False)
        .where(col("a", column).is_(exp.null()).not_(), copy=False)
    )
    return exp.not_(exp.In(this=key.copy(), query=exp.Subquery(this=hired)), copy=False)


def _passes(measure: exp.Expr, threshold: Threshold, filters: Filters) -> exp.Expr:
    """The HAVING condition of a threshold on a number, two bounds, or a named group's hires."""
    if threshold.than is not None:
        than = threshold.than
        kept = (
            Filters(departments=NameSet(include=(than.department,)))
            if than.department
            else Filters(jobs=NameSet(include=(than.job or "",)))
        )
        named = conditions(kept, "m")
        bar: exp.Expr = exp.Subquery(
            this=exp.select(measure.copy(), copy=False)
            .from_(table("matching", "m"), copy=False)
            .where(exp.and_(*named, copy=False), copy=False)
        )
    else:
        bar = lit(threshold.value or 0)
    if threshold.compare == "between":
        return exp.Between(this=measure.copy(), low=bar, high=lit(threshold.upper or 0))
    operator = {"more_than": exp.GT, "fewer_than": exp.LT, "at_least": exp.GTE}
    operator |= {"at_most": exp.LTE, "exactly": exp.EQ}
    return operator[threshold.compare](this=measure.copy(), expression=bar)


def _ranked_within(
    query: CountQuery, select: exp.Select, groups: Sequence[Group], measure: exp.Expr
) -> exp.Select:
    """The top (or bottom) ``limit`` groups, inside each group of ``rank.within`` if any.

    Every group tied at the cut-off is kept (RANK() <= limit; Redshift has no
    FETCH ... WITH TIES): 'the busiest month' names both months if two tie.
    """
    assert query.rank is not None and query.rank.limit is not None
    descending = query.rank.order == "most"
    outer = [g for g in groups if query.rank.within and g.dimension == query.rank.within]
    if query.rank.within and not outer:  # a quarter within a year: ``dimensions`` added the year
        outer = [g for g in groups if g.dimension == "year"]
    window = exp.Window(
        this=exp.Rank(),
        partition_by=[k.copy() for g in outer for k in g.keys],
        order=exp.Order(expressions=[exp.Ordered(this=measure.copy(), desc=descending)]),
    )
    select = select.select(aliased(window, "place"), copy=False)
    names = [n for g in groups for n in g.names]
    column = "hires" if query.distinct == "hires" else query.distinct
    outer_names = [n for g in outer for n in g.names]
    inner_names = [n for n in names if n not in outer_names]
    ranked = (
        exp.select(*(exp.column(n) for n in [*names, column]), copy=False)
        .from_(select.subquery("ranked", copy=False), copy=False)
        .where(exp.LTE(this=exp.column("place"), expression=lit(query.rank.limit or 1)))
        .order_by(
            *(exp.column(n) for n in outer_names),
            exp.column("place"),
            *(exp.column(n) for n in inner_names),
            copy=False,
        )
    )
    return with_matching(ranked, query.filters)


def shows_zeros(query: CountQuery) -> bool:
    """Whether departments (jobs) with no hire are rows too, with 0.

    Only where a zero answers the question: the fewest, or fewer than (at most)
    a number, per department or per job. Any other grouping lists only the
    groups with at least one hire (docs/questions.md).
    """
    threshold = query.threshold
    if query.by_id:
        return False  # the ids the hires hold, as the column holds them
    if threshold is not None and threshold.compare in ("above_mean", "below_mean"):
        return False  # the mean is over the groups with a hire; so are the groups compared
    if threshold is not None and threshold.versus is not None:
        return False  # a group with hires of neither set compares 0 with 0: it never passes
    lowest = (query.rank is not None and query.rank.order == "fewest") or (
        threshold is not None
        and (
            threshold.compare in ("fewer_than", "at_most")
            or (threshold.compare in ("exactly", "between") and threshold.value == 0)
        )
    )
    single = len(query.group_by) == 1 and query.group_by[0] in NAMED_DIMENSIONS
    return lowest and single and query.distinct == "hires"


def _group(dimension: Dimension, filters: Filters, source: str = "m") -> Group:
    return Group(dimension, source, filters.jobs.include)


def _grouped(groups: Sequence[Group]) -> exp.Select:
    """Groups that had a hire: the grouping columns over ``matching``."""
    columns = [c for g in groups for c in (g.select, *g.extra)]
    select = exp.select(*columns, copy=False).from_(table("matching", "m"), copy=False)
    present = [g.present for g in groups if not isinstance(g.present, exp.Boolean)]
    if present:
        select = select.where(exp.and_(*present, copy=False), copy=False)
    return select.group_by(*(k for g in groups for k in g.keys), copy=False)


def _all_names(dimension: Dimension, filters: Filters) -> exp.Select:
    """Every department (or job) the filters keep, with its hires among ``matching``."""
    names_table, key = NAMED_DIMENSIONS[dimension]
    select = (
        exp.select(aliased(col("t", dimension), dimension), copy=False)
        .from_(table(names_table, "t"), copy=False)
        .join(
            table("matching", "m"),
            on=exp.EQ(this=col("m", key), expression=col("t", "id")),
            join_type="left",
            copy=False,
        )
    )
    names = filters.departments if dimension == "department" else filters.jobs
    conditions = []
    if names.include:
        conditions.append(in_list(col("t", dimension), names.include))
    if dimension == "department" and filters.department_ids:
        conditions.append(in_list(col("t", "id"), filters.department_ids))
    if names.exclude:
        conditions.append(exp.not_(in_list(col("t", dimension), names.exclude), copy=False))
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
    groups = [_group(d, query.filters) for d in group]
    per_group = _grouped(groups).select(aliased(measure, column), copy=False)
    names = [n for g in groups for n in g.names]
    mean = exp.Avg(this=exp.cast(exp.column(column), exp.DataType.Type.DOUBLE))
    average = exp.select(aliased(mean, "mean"), copy=False).from_(table("per_group"), copy=False)
    above = query.threshold.compare == "above_mean"
    comparison = exp.GT if above else exp.LT
    select = (
        exp.select(
            *(col("p", n) for n in names),
            col("p", column),
            aliased(col("a", "mean"), "mean"),
            copy=False,
        )
        .from_(table("per_group", "p"), copy=False)
        .join(table("average", "a"), join_type="cross", copy=False)
        .where(comparison(this=col("p", column), expression=col("a", "mean")), copy=False)
    )
    # most first above the mean, fewest first below it, unless a ranking says otherwise
    descending = query.rank.order == "most" if query.rank else above
    ordering = exp.Ordered(this=col("p", column), desc=descending)
    select = select.order_by(ordering, *(col("p", n) for n in names), copy=False)
    if query.rank and query.rank.limit and not query.rank.offset:  # ties at the cut-off kept
        window = exp.Window(this=exp.Rank(), order=exp.Order(expressions=[ordering.copy()]))
        select = select.select(aliased(window, "place"), copy=False)
        select.set("order", None)
        select = (
            exp.select(*(exp.column(n) for n in [*names, column, "mean"]), copy=False)
            .from_(select.subquery("ranked", copy=False), copy=False)
            .where(exp.LTE(this=exp.column("place"), expression=lit(query.rank.limit)))
            .order_by(exp.column("place"), *(exp.column(n) for n in names), copy=False)
        )
    elif query.rank and query.rank.limit:
        select = select.limit(query.rank.limit, copy=False)
    if query.rank and query.rank.offset:
        select = select.offset(query.rank.offset, copy=False)
    return (
        select.with_(cte_name("matching"), as_=matching(query.filters), copy=False)
        .with_(cte_name("per_group"), as_=per_group, copy=False)
        .with_(cte_name("average"), as_=average, copy=False)
    )


def _average(query: AverageQuery) -> exp.Select:
    groups = [_group(d, query.filters) for d in dimensions([query.per], query.filters)]
    per_group = _grouped(groups).select(
        aliased(exp.Count(this=col("m", "id")), "hires"), copy=False
    )
    mean = exp.Avg(this=exp.cast(exp.column("hires"), exp.DataType.Type.DOUBLE))
    # the groups averaged over and their hires: the mean shows what it divides
    what = {"department": "departments", "job": "jobs", "level": "levels", "half": "halves"}
    select = exp.select(
        aliased(mean, "average_hires"),
        aliased(count_star(), what.get(query.per, query.per + "s")),
        aliased(exp.Sum(this=exp.column("hires")), "hires"),
        copy=False,
    )
    return (
        select.from_(table("per_group"), copy=False)
        .with_(cte_name("matching"), as_=matching(query.filters), copy=False)
        .with_(cte_name("per_group"), as_=per_group, copy=False)
    )


def _spread(query: SpreadQuery) -> exp.Select:
    """The most hires of a group, the fewest, and the first minus the second (groups with a
    hire, as the mean): one row."""
    groups = [_group(d, query.filters) for d in dimensions([query.per], query.filters)]
    per_group = _grouped(groups).select(
        aliased(exp.Count(this=col("m", "id")), "hires"), copy=False
    )
    most, fewest = exp.Max(this=exp.column("hires")), exp.Min(this=exp.column("hires"))
    select = exp.select(
        aliased(most, "most_hires"),
        aliased(fewest, "fewest_hires"),
        aliased(exp.Sub(this=most.copy(), expression=fewest.copy()), "difference"),
        copy=False,
    )
    return (
        select.from_(table("per_group"), copy=False)
        .with_(cte_name("matching"), as_=matching(query.filters), copy=False)
        .with_(cte_name("per_group"), as_=per_group, copy=False)
    )


def _share_pct(part: exp.Expr, whole: exp.Expr) -> exp.Expr:
    """100 * part / whole at full precision (rounding is the display's job); NULL for no hires."""
    ratio = exp.Div(
        this=exp.Mul(this=exp.Literal.number("100.0"), expression=part),
        expression=exp.Nullif(this=whole, expression=lit(0)),
    )
    return aliased(ratio, "share_pct")


def _share(query: ShareQuery) -> exp.Select:
    if query.group_by is None:
        assert query.part is not None
        named = conditions(query.part, "m")
        inside = exp.Sum(
            this=exp.Case(
                ifs=[exp.If(this=exp.and_(*named, copy=False), true=lit(1))], default=lit(0)
            )
        )
        select = exp.select(
            aliased(inside, "hires"),
            aliased(count_star(), "total"),
            _share_pct(inside.copy(), count_star()),
            copy=False,
        ).from_(table("matching", "m"), copy=False)
        return with_matching(select, query.filters)
    groups = [_group(d, query.filters) for d in dimensions([query.group_by], query.filters)]
    select = _grouped(groups)
    count = exp.Count(this=col("m", "id"))
    # the whole is every matching hire, with or without a department or job
    whole = exp.Subquery(this=exp.select(count_star()).from_(table("matching"), copy=False))
    select = select.select(aliased(count, "hires"), _share_pct(count.copy(), whole), copy=False)
    select = select.order_by(*(o for g in groups for o in g.order), copy=False)
    return with_matching(select, query.filters)


def _difference(query: DifferenceQuery) -> exp.Select:
    """Each side's hires among ``matching`` and the first minus the second, in one row."""
    sums = [
        exp.Sum(
            this=exp.Case(
                ifs=[exp.If(this=exp.and_(*conditions(side, "m"), copy=False), true=lit(1))],
                default=lit(0),
            )
        )
        for side in query.sides
    ]
    result = aliased(exp.Sub(this=sums[0].copy(), expression=sums[1].copy()), "difference")
    if query.show == "ratio":
        ratio = exp.Div(
            this=exp.Mul(this=exp.Literal.number("1.0"), expression=sums[0].copy()),
            expression=exp.Nullif(this=sums[1].copy(), expression=lit(0)),
        )
        result = aliased(ratio, "ratio")
    if query.show == "percent":
        more = exp.Sub(this=sums[0].copy(), expression=sums[1].copy())
        percent = exp.Div(
            this=exp.Mul(this=exp.Literal.number("100.0"), expression=exp.Paren(this=more)),
            expression=exp.Nullif(this=sums[1].copy(), expression=lit(0)),
        )
        result = aliased(percent, "percent_more")
    select = exp.select(
        aliased(sums[0], "first_hires"), aliased(sums[1], "second_hires"), result, copy=False
    ).from_(table("matching", "m"), copy=False)
    return with_matching(select, query.filters)


def _compare(query: CompareQuery) -> exp.Select:
    first, second = query.periods
    labels = [period_label(p) for p in query.periods]
    whole_years = all(isinstance(label, int) for label in labels)
    moment = col("m", "datetime")
    if query.show != "each" and query.group_by is not None:
        return _grouped_change(query)
    if query.show != "each":
        sums = [
            exp.Sum(
                this=exp.Case(
                    ifs=[exp.If(this=period_condition(p, moment), true=lit(1))], default=lit(0)
                )
            )
            for p in (first, second)
        ]
        select = exp.select(*_change_columns(query, sums), copy=False)
        return with_matching(select.from_(table("matching", "m"), copy=False), query.filters)
    name = "year" if whole_years else "period"
    if query.group_by is None:
        parts = [
            exp.select(aliased(lit(label), name), aliased(count_star(), "hires"), copy=False)
            .from_(table("matching", "m"), copy=False)
            .where(period_condition(period, moment), copy=False)
            for label, period in zip(labels, query.periods, strict=True)
        ]
        union = exp.union(parts[0], parts[1], distinct=False, copy=False)
        select = (
            exp.select(exp.Star(), copy=False)
            .from_(union.subquery("periods", copy=False), copy=False)
            .order_by(exp.column(name), copy=False)
        )
        return with_matching(select, query.filters)
    label = exp.Case(
        ifs=[
            exp.If(this=period_condition(p, moment), true=lit(lab))
            for lab, p in zip(labels, query.periods, strict=True)
        ]
    )
    group = _group(query.group_by, query.filters)
    select = (
        exp.select(group.select, aliased(label, name), aliased(count_star(), "hires"), copy=False)
        .from_(table("matching", "m"), copy=False)
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
    return with_matching(select, query.filters)


def _grouped_change(query: CompareQuery) -> exp.Select:
    """Per department (job) hiring in either period: both counts, and the second minus the first."""
    assert query.group_by is not None
    moment = col("m", "datetime")
    sums = [
        exp.Sum(
            this=exp.Case(
                ifs=[exp.If(this=period_condition(p, moment), true=lit(1))], default=lit(0)
            )
        )
        for p in query.periods
    ]
    change = exp.Sub(this=sums[1].copy(), expression=sums[0].copy())
    group = _group(query.group_by, query.filters)
    either = exp.or_(*(period_condition(p, moment) for p in query.periods), copy=False)
    select = (
        exp.select(group.select, *_change_columns(query, sums), copy=False)
        .from_(table("matching", "m"), copy=False)
        .where(exp.and_(group.present, either, copy=False), copy=False)
        .group_by(*group.keys, copy=False)
        .order_by(*group.order, copy=False)
    )
    if query.only and query.factor is not None:  # doubled: second >= 2 x first
        factor = lit(query.factor)
        first, second = sums[0].copy(), sums[1].copy()
        kept = (  # growth from none is no multiple: the first period must have a hire
            exp.and_(
                exp.GT(this=first.copy(), expression=lit(0)),
                exp.GTE(this=second, expression=exp.Mul(this=factor, expression=first)),
                copy=False,
            )
            if query.only == "grew"
            else exp.LTE(this=exp.Mul(this=factor, expression=second), expression=first)
        )
        select = select.having(kept, copy=False)
    elif query.only:
        test = exp.GT if query.only == "grew" else exp.LT
        select = select.having(test(this=change.copy(), expression=lit(0)), copy=False)
    return with_matching(select, query.filters)


def _change_columns(query: CompareQuery, sums: Sequence[exp.Expr]) -> list[exp.Expr]:
    """Both periods' hires, the second minus the first (the first minus the second for a
    drop), and, when asked, that as a percent of the first.

    A percent change from no hires at all is NULL: growth from zero has no percent.
    """
    later, earlier = (sums[0], sums[1]) if query.drop else (sums[1], sums[0])
    change = exp.Sub(this=later.copy(), expression=earlier.copy())
    columns: list[exp.Expr] = [
        aliased(sums[0].copy(), "first_hires"),
        aliased(sums[1].copy(), "second_hires"),
        aliased(change, "drop" if query.drop else "difference"),
    ]
    if query.show == "percent_change":
        percent = exp.Div(
            this=exp.Mul(
                this=exp.Literal.number("100.0"), expression=exp.Paren(this=change.copy())
            ),
            expression=exp.Nullif(this=sums[0].copy(), expression=lit(0)),
        )
        columns.append(aliased(percent, "percent_drop" if query.drop else "percent_change"))
    return columns


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
    if query.per is not None:
        return _employees_per_group(query)
    columns: list[exp.Expr] = [col("m", "name")]
    if query.columns != "names":
        columns = [col("m", c) for c in ("id", "name", "datetime", "department", "job")]
    if query.columns == "dated":  # a person looked up: their record, as the table holds it
        day = exp.cast(col("m", "datetime"), exp.DataType.Type.DATE)
        columns.insert(3, aliased(day, "hire_date"))
        columns.insert(4, col("m", "department_id"))  # which Support, when two share a name
    at = len(columns) if query.columns == "names" else len(columns) - 2  # before department
    for part in reversed(query.calendar):
        columns.insert(at, aliased(_calendar_part(part), part))
    descending = query.order == "latest"
    order = [
        exp.Ordered(this=col("m", "datetime"), desc=descending),
        exp.Ordered(this=col("m", "id"), desc=descending),
    ]
    if query.order in ("name", "name_descending"):
        by_name = exp.Ordered(this=col("m", "name"), desc=query.order == "name_descending")
        order = [by_name, *order]
    select = (
        exp.select(*columns, copy=False)
        .from_(table("matching", "m"), copy=False)
        .order_by(*order, copy=False)
    )
    if query.limit:
        select = select.limit(query.limit, copy=False)
    return with_matching(select, query.filters)


def _calendar_part(part: CalendarPart) -> exp.Expr:
    """A part of the hire date: the weekday by its English name, the others as numbers."""
    unit = {"year": "YEAR", "quarter": "QUARTER", "month": "MONTH", "weekday": "DOW"}[part]
    number = exp.Extract(this=exp.var(unit), expression=col("m", "datetime"))
    if part != "weekday":
        return number
    return exp.Case(
        ifs=[
            exp.If(this=exp.EQ(this=number.copy(), expression=lit(i)), true=lit(name))
            for i, name in enumerate(WEEKDAYS)
        ]
    )


def _employees_per_group(query: EmployeesQuery) -> exp.Select:
    """The first (latest) ``limit`` hires in each group, ties at the same instant all kept."""
    assert query.per is not None and query.limit is not None
    descending = query.order == "latest"
    groups = [_group(d, query.filters) for d in dimensions([query.per], query.filters)]
    dated = [g for g in groups if g.dimension not in NAMED_DIMENSIONS]
    day = aliased(exp.cast(col("m", "datetime"), exp.DataType.Type.DATE), "hire_date")
    people = [col("m", c) for c in ("id", "name", "datetime")] + [day]
    people += [col("m", "department"), col("m", "job")]
    window = exp.Window(
        this=exp.Rank(),
        partition_by=[k.copy() for g in groups for k in g.keys],
        order=exp.Order(expressions=[exp.Ordered(this=col("m", "datetime"), desc=descending)]),
    )
    inner = (
        exp.select(*(g.select for g in dated), *people, aliased(window, "place"), copy=False)
        .from_(table("matching", "m"), copy=False)
        .where(exp.and_(*(g.present for g in groups), copy=False), copy=False)
    )
    shown = [*(n for g in dated for n in g.names), "id", "name", "datetime", "hire_date"]
    shown += ["department", "job"]
    first = [n for g in groups for n in g.names if n in shown]
    select = (
        exp.select(*(exp.column(n) for n in shown), copy=False)
        .from_(inner.subquery("ranked", copy=False), copy=False)
        .where(exp.LTE(this=exp.column("place"), expression=lit(query.limit)), copy=False)
        .order_by(
            *(exp.column(n) for n in first),
            exp.Ordered(this=exp.column("datetime"), desc=descending),
            exp.Ordered(this=exp.column("id"), desc=descending),
            copy=False,
        )
    )
    return with_matching(select, query.filters)


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
    if query.name_suffix:
        suffix = query.name_suffix.lower()
        ending = exp.Right(this=name.copy(), expression=lit(len(suffix)))
        conditions.append(exp.EQ(this=ending, expression=lit(suffix)))
    if query.family is not None:
        conditions.append(in_list(exp.column(column), query.family.titles))
    if query.count_only:
        counted = (
            exp.Count(this=exp.Distinct(expressions=[exp.column(column)]))
            if query.distinct_names
            else count_star()
        )
        select = exp.select(aliased(counted, query.of), copy=False).from_(
            table(query.of), copy=False
        )
    else:
        select = exp.select(exp.column("id"), exp.column(column), copy=False).from_(
            table(query.of), copy=False
        )
        by_name = exp.Ordered(this=exp.column(column), desc=query.descending)
        select = select.order_by(by_name, exp.column("id"), copy=False)
        if query.limit is not None:
            select = select.limit(query.limit, copy=False)
    return select.where(exp.and_(*conditions, copy=False), copy=False) if conditions else select


def _hire_span(query: HireSpanQuery) -> exp.Select:
    """MIN and (or) MAX of the hire time, each beside its date (asked as a time or a day)."""
    measures: list[exp.Expr] = []
    for side, function in (("first", exp.Min), ("last", exp.Max)):
        if query.show in (side, "both"):
            moment = function(this=col("m", "datetime"))
            day = exp.cast(moment.copy(), exp.DataType.Type.DATE)
            measures += [aliased(moment, f"{side}_hire"), aliased(day, f"{side}_hire_date")]
    if query.group_by is None:
        select = exp.select(*measures, copy=False).from_(table("matching", "m"), copy=False)
        return with_matching(select, query.filters)
    groups = [_group(d, query.filters) for d in dimensions((query.group_by,), query.filters)]
    select = _grouped(groups).select(*measures, copy=False)
    select = select.order_by(*(o for g in groups for o in g.order), copy=False)
    return with_matching(select, query.filters)


def _report(query: ReportQuery) -> exp.Query:
    """The report's own SQL from sql/reports/, its year bounds inlined."""
    bounds = {
        "year_start": date(query.year, 1, 1).isoformat(),
        "year_end": date(query.year + 1, 1, 1).isoformat(),
    }
    tree = sql_files.with_literals(f"reports/{query.report}", bounds)
    assert isinstance(tree, exp.Query)
    return tree
