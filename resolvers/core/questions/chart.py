"""How to draw an answer: a declarative ChartHint read from the HrQuery and the rows it got.

Months, quarters, weekdays and years go on an ordinal axis (never a number
line with 1.5 ticks); rankings keep their rank order; past MAX_BARS bars a
chart stops helping and the hint says TABLE.
"""

from __future__ import annotations

from collections.abc import Sequence

from resolvers.core.ports import ChartHint
from resolvers.core.questions.query import (
    TIME_DIMENSIONS,
    CompareQuery,
    CountQuery,
    HrQuery,
    ReportQuery,
    ShareQuery,
)
from resolvers.core.questions.sql_parts import dimensions

MAX_BARS = 20
"""Beyond this many bars (or cells per axis) an answer is shown as a table."""


def hint(query: HrQuery, rows: int) -> ChartHint:
    inner = query.query
    match inner:
        case CountQuery() if inner.count_groups or (inner.rank and inner.rank.within):
            return ChartHint("TABLE")
        case CountQuery() if inner.group_by:
            group = dimensions(inner.group_by, inner.filters)
            y = "hires" if inner.distinct == "hires" else inner.distinct
            return _grouped(group, y, rows, ranked=inner.rank is not None)
        case ShareQuery() if inner.group_by:
            return _grouped(dimensions([inner.group_by], inner.filters), "share_pct", rows, False)
        case CompareQuery() if inner.show == "difference" and inner.group_by:
            return ChartHint("TABLE")
        case CompareQuery() if inner.show == "each":
            x = "year" if isinstance(_label(inner), int) else "period"
            if inner.group_by:
                if rows > 2 * MAX_BARS:
                    return ChartHint("TABLE")
                return ChartHint("BAR", x=inner.group_by, y="hires", series=x)
            return ChartHint("BAR", x=x, y="hires", x_ordinal=True, keep_order=True)
        case ReportQuery(report="hires_by_quarter"):
            return (
                ChartHint("HEATMAP", x="job", y="department")
                if rows <= 4 * MAX_BARS
                else ChartHint("TABLE")
            )
        case ReportQuery(report="departments_above_mean"):
            return ChartHint("BAR", x="department", y="hired", keep_order=True)
    return ChartHint("TABLE")


def _label(query: CompareQuery) -> int | str:
    from resolvers.core.questions.compiler import period_label

    return period_label(query.periods[0])


def _grouped(group: Sequence[str], y: str, rows: int, ranked: bool) -> ChartHint:
    if len(group) > 2 or rows > (MAX_BARS if len(group) == 1 else 4 * MAX_BARS):
        return ChartHint("TABLE")
    time = [d for d in group if d in TIME_DIMENSIONS]
    names = [d for d in group if d not in TIME_DIMENSIONS]
    if len(group) == 2 and len(time) == 2:
        return ChartHint("LINE", x=group[1], y=y, series="year", x_ordinal=True)
    if time and not ranked:
        kind = "LINE" if time[-1] in ("month", "year") and not names else "BAR"
        series = names[0] if names else None
        return ChartHint(kind, x=time[-1], y=y, series=series, x_ordinal=True, keep_order=True)  # type: ignore[arg-type]
    x = group[0]
    series = group[1] if len(group) > 1 else None
    return ChartHint(
        "BAR", x=x, y=y, series=series, x_ordinal=x in TIME_DIMENSIONS, keep_order=ranked
    )
