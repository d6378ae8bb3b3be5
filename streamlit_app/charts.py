"""Altair charts for the reports and for answers: pure functions from frames to charts."""

from __future__ import annotations

import textwrap
from typing import Any

import altair as alt
import pandas as pd

from client.models import ChartHint, DepartmentHires, QuarterHires

QUARTERS = ("q1", "q2", "q3", "q4")


def quarter_frame(rows: list[QuarterHires]) -> pd.DataFrame:
    """hiresByQuarter as a table: department, job, Q1..Q4."""
    return pd.DataFrame(
        [(r.department, r.job, r.q1, r.q2, r.q3, r.q4) for r in rows],
        columns=["department", "job", *QUARTERS],
    )


LABEL_FONT_SIZE = 12


Note = tuple[str, list[str]]
"""A chart's title and subtitle lines: how many hires it shows, and what it leaves out."""


def _hires(count: int) -> str:
    return f"{count:,} hire" + ("" if count == 1 else "s")


def heatmap_note(frame: pd.DataFrame, bars: dict[str, int], hired: int | None) -> Note:
    """What the heatmap counts (hires with a department and a job) and what it leaves out.

    ``bars`` is each department's hires as the bar chart counts them (no job
    included); ``hired`` every hire of the year, when known (no department too).
    """
    shown = int(frame[list(QUARTERS)].to_numpy().sum()) if len(frame) else 0
    per_department = frame.groupby("department")[list(QUARTERS)].sum().sum(axis=1)
    missing = {name: count - int(per_department.get(name, 0)) for name, count in bars.items()}
    no_job = dict(sorted(((n, c) for n, c in missing.items() if c > 0), key=lambda p: -p[1]))
    lines: list[str] = []
    if no_job:
        where = ", ".join(f"{name} {count}" for name, count in list(no_job.items())[:4])
        more = ", …" if len(no_job) > 4 else ""
        lines.append(
            f"Left out: {_hires(sum(no_job.values()))} with no job ({where}{more}); "
            "the bars below count them."
        )
    if hired is not None and hired > sum(bars.values()):
        lines.append(f"Left out: {_hires(hired - sum(bars.values()))} with no department.")
    return f"{_hires(shown)} with both a department and a job", lines


def bars_note(frame: pd.DataFrame, with_job: pd.DataFrame, hired: int | None) -> Note:
    """What the bar chart counts (every hire with a department) against the heatmap."""
    shown = int(frame["hired"].sum()) if len(frame) else 0
    heat = int(with_job[list(QUARTERS)].to_numpy().sum()) if len(with_job) else 0
    lines: list[str] = []
    if shown > heat:
        lines.append(f"Includes {_hires(shown - heat)} with no job (not in the heatmap).")
    if hired is not None and hired > shown:
        lines.append(f"Left out: {_hires(hired - shown)} with no department.")
    return f"{_hires(shown)} with a department", lines


def quarter_heatmap(
    frame: pd.DataFrame, rows: str, year: int | None = None, note: Note | None = None
) -> alt.LayerChart:
    """Hires per quarter as a heatmap; ``rows`` is the column drawn down the side.

    Several source rows with the same ``rows`` value (the jobs of a department)
    are summed, so one chart works for departments and for jobs. Labels are
    never cut (``labelLimit`` 0, one band per row), both axes have titles, and
    each number is white on dark cells and black on light ones.
    """
    long = frame.melt(id_vars=[rows], value_vars=list(QUARTERS), var_name="quarter")
    long = long.groupby([rows, "quarter"], as_index=False)["value"].sum()
    long["quarter"] = long["quarter"].str.upper()
    long = long.rename(columns={"value": "hires"})
    top = int(long["hires"].max()) if len(long) else 0
    quarter_title = f"Quarter of {year}" if year else "Quarter"
    base = alt.Chart(long).encode(
        x=alt.X(
            "quarter:O",
            title=quarter_title,
            axis=alt.Axis(labelAngle=0, orient="top", labelFontSize=LABEL_FONT_SIZE),
        ),
        y=alt.Y(
            f"{rows}:N",
            title=rows.capitalize(),
            sort="ascending",
            axis=alt.Axis(labelLimit=0, labelFontSize=LABEL_FONT_SIZE, titleFontSize=13),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "hires:Q",
            title="Hires",
            scale=alt.Scale(scheme="blues", domain=[0, max(top, 1)]),
            legend=alt.Legend(gradientLength=120, format="d", tickMinStep=1),
        ),
        tooltip=[alt.Tooltip(f"{rows}:N"), "quarter", "hires"],
    )
    labels = base.mark_text(baseline="middle", fontSize=LABEL_FONT_SIZE).encode(
        text="hires:Q",
        color=alt.condition(
            alt.datum.hires > top * DARK_FROM, alt.value("white"), alt.value("black")
        ),
    )
    return alt.LayerChart(
        layer=[cells, labels],
        height=chart_height(long[rows].nunique(), around=110 + 16 * _note_lines(note)),
        title=_title(note),
    )


def _note_lines(note: Note | None) -> int:
    return 0 if note is None else 1 + sum(len(textwrap.wrap(line, TITLE_LINE)) for line in note[1])


def _title(note: Note | None) -> Any:
    """The note as the chart's own title, left-aligned, subtitle lines under it (or none)."""
    if note is None:
        return alt.Undefined
    text, subtitle = note
    # Short lines: a phone's chart is narrow, and Vega cuts a title line rather than wrap it.
    wrapped = [part for line in subtitle for part in textwrap.wrap(line, TITLE_LINE)]
    return alt.TitleParams(
        text=text, subtitle=wrapped, anchor="start", fontSize=13, subtitleFontSize=12
    )


TITLE_LINE = 46
"""Characters per subtitle line (about 300 px at 12 px: a phone's chart width)."""


DARK_FROM = 0.5
"""Share of the top value above which a "blues" cell is dark enough for white text."""


def chart_height(rows: int, per_row: int = 26, around: int = 70) -> int:
    """Pixels for a chart with one band per row (Streamlit does not size them itself).

    Streamlit fits the whole chart (axes and legend too) into this height, so
    ``around`` leaves room for them; a chart of two rows then stays readable.
    """
    return max(220, per_row * rows + around)


def above_mean_frame(rows: list[DepartmentHires]) -> pd.DataFrame:
    return pd.DataFrame(
        [(r.id, r.department, r.hired, r.mean) for r in rows],
        columns=["id", "department", "hired", "mean"],
    )


ABOVE, BELOW = "above the mean", "at or below the mean"


def above_mean_chart(frame: pd.DataFrame, note: Note | None = None) -> alt.LayerChart:
    """Every department's hires, most first, those above the mean highlighted, the mean drawn.

    ``frame`` holds every department that hired (hiresByDepartment); each bar
    carries its value, so the chart reads without hovering.
    """
    mean = float(frame["mean"].iloc[0]) if len(frame) else 0.0
    shown = frame.assign(standing=[ABOVE if h > mean else BELOW for h in frame["hired"]])
    ranked = shown.sort_values(["hired", "department"], ascending=[False, True])
    y = alt.Y(
        "department:N",
        sort=list(ranked["department"]),  # "-x" is lost when layers share the axis
        title="Department",
        axis=alt.Axis(labelLimit=0, labelFontSize=LABEL_FONT_SIZE),
    )
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("hired:Q", title="Hires that year", **_whole_numbers(shown, "hired")),
            color=alt.Color(
                "standing:N",
                title=None,
                scale=alt.Scale(domain=[ABOVE, BELOW], range=["#1f5fa8", "#b9c7d6"]),
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            tooltip=["department", "hired", "standing"],
        )
    )
    text = {"align": "left", "baseline": "middle", "dx": 3, "fontSize": LABEL_FONT_SIZE}
    values = bars.mark_text(**text).encode(text="hired:Q", color=alt.value("black"))
    # A white outline under each value keeps it legible where it crosses the mean line.
    halo = bars.mark_text(**text, stroke="white", strokeWidth=4, strokeJoin="round").encode(
        text="hired:Q", color=alt.value("white")
    )
    rule = (
        alt.Chart(pd.DataFrame({"mean": [mean], "label": [f"mean {mean:.1f}"]}))
        .mark_rule(color="firebrick", strokeWidth=2, strokeDash=[6, 3])
        .encode(x="mean:Q")
    )
    label = rule.mark_text(
        align="left", baseline="bottom", dx=4, y=-2, color="firebrick", fontWeight="bold"
    ).encode(text="label:N")
    return alt.LayerChart(
        layer=[bars, rule, halo, values, label],
        height=chart_height(len(frame), 26, around=150 + 16 * _note_lines(note)),
        padding={"top": 18, "left": 5, "right": 30, "bottom": 5},
        title=_title(note),
    )


MAX_BARS = 20
"""Past this many bars an answer reads better as its table."""
OTHER = "other"


def _field_type(frame: pd.DataFrame, column: str) -> str:
    return "quantitative" if pd.api.types.is_numeric_dtype(frame[column]) else "nominal"


def capped(frame: pd.DataFrame, x: str, y: str, keep_order: bool) -> pd.DataFrame | None:
    """At most MAX_BARS bars: a ranking keeps its first ones and sums the rest as "other".

    Anything else with more bars is better read as a table (None).
    """
    if frame[x].nunique() <= MAX_BARS:
        return frame
    if not keep_order or not pd.api.types.is_numeric_dtype(frame[y]) or frame[x].duplicated().any():
        return None
    head = frame.iloc[: MAX_BARS - 1][[x, y]]
    rest = pd.DataFrame({x: [OTHER], y: [frame.iloc[MAX_BARS - 1 :][y].sum()]})
    return pd.concat([head, rest], ignore_index=True)


def answer_chart(frame: pd.DataFrame, hint: ChartHint | None) -> alt.Chart | alt.LayerChart | None:
    """The chart an answer's hint asks for; None for TABLE, no hint, or a hint naming no column.

    An ordinal x (years, quarters, months, weekdays) is drawn as evenly spaced
    categories in row order, never as a number line with 1.5 ticks; a ranking
    is drawn as horizontal bars in rank order, its names level and whole; past
    MAX_BARS bars there is no chart (or an "other" bar).
    """
    if hint is None or hint.kind == "TABLE" or frame.empty:
        return None
    named = [c for c in (hint.x, hint.y, hint.series) if c]
    if not hint.x or not hint.y or any(c not in frame.columns for c in named):
        return None
    if hint.kind == "HEATMAP":
        return _heatmap(frame, hint)
    if hint.series is None:
        shown = capped(frame, hint.x, hint.y, hint.keep_order)
        if shown is None:
            return None
        frame = shown
        if hint.kind == "BAR" and hint.keep_order and not hint.x_ordinal:
            return ranking_chart(frame, hint.x, hint.y)
    elif frame[hint.x].nunique() > MAX_BARS:
        return None
    whole = _whole_numbers(frame, hint.y)
    ordered = hint.x_ordinal or hint.keep_order
    x_type = "ordinal" if hint.x_ordinal else _field_type(frame, hint.x)
    if hint.keep_order and not hint.x_ordinal:
        x_type = "nominal"
    order = list(dict.fromkeys(frame[hint.x].tolist())) if ordered else "ascending"
    x: dict[str, Any] = {"field": hint.x, "type": x_type, "sort": order}
    if hint.x_ordinal:
        x["axis"] = alt.Axis(labelAngle=0, labelExpr=_period_names(frame, hint.x))
        if hint.series is None:
            frame, order = every_period(frame, hint.x)
            x["sort"] = order
            x["scale"] = alt.Scale(domain=order)
    y: dict[str, Any] = {"field": hint.y, "type": _field_type(frame, hint.y), **whole}
    if hint.kind == "BAR" and hint.series and not hint.x_ordinal:
        return grouped_bars(frame, hint.x, hint.y, hint.series, order)
    chart = alt.Chart(frame)
    mark = chart.mark_line(point=True) if hint.kind == "LINE" else chart.mark_bar()
    encoding: dict[str, Any] = {"x": alt.X(**x), "y": alt.Y(**y), "tooltip": list(frame.columns)}
    if hint.series:
        encoding["color"] = alt.Color(field=hint.series, type="nominal")
        if hint.kind == "BAR":  # side by side, as the answer says, never stacked
            encoding["xOffset"] = alt.XOffset(field=hint.series, type="nominal")
    drawn: alt.Chart = mark.encode(**encoding)
    return drawn


def grouped_bars(
    frame: pd.DataFrame, name: str, value: str, series: str, order: list[Any] | str
) -> alt.Chart:
    """A comparison (2021 against 2022, per department) as bars side by side, never stacked.

    Names go down the side, level and whole (a department name is never cut
    or turned on its end), each series a bar of its own within the name's band.
    """
    names = frame[name].nunique()
    bars: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=_names_down_the_side(name, order),
            yOffset=alt.YOffset(field=series, type="nominal"),
            x=alt.X(field=value, type="quantitative", title=value, **_whole_numbers(frame, value)),
            color=alt.Color(
                field=series,
                type="nominal",
                legend=alt.Legend(orient="bottom", direction="horizontal"),
            ),
            tooltip=list(frame.columns),
        )
        .properties(height=chart_height(names, per_row=12 * frame[series].nunique() + 8))
    )
    return bars


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def period_label(column: str, value: int) -> str:
    """How a period reads on an axis: month 3 is "Mar", quarter 1 is "Q1", a year itself."""
    if column == "month" and 1 <= value <= len(MONTHS):
        return MONTHS[value - 1]
    if column == "quarter" and 1 <= value <= 4:
        return f"Q{value}"
    return str(value)


def _period_names(frame: pd.DataFrame, column: str) -> Any:
    """Vega's labelExpr naming months and quarters (whole numbers only; else none)."""
    if not pd.api.types.is_integer_dtype(frame[column]):
        return alt.Undefined
    if column == "month":
        names = ",".join(f"'{m}'" for m in MONTHS)
        return f"[{names}][datum.value - 1] || datum.label"
    if column == "quarter":
        return "'Q' + datum.label"
    return alt.Undefined


MAX_PERIODS = 4 * MAX_BARS
"""Past this many periods between the first and the last, gaps are not drawn in."""


def every_period(frame: pd.DataFrame, x: str) -> tuple[pd.DataFrame, list[Any]]:
    """Whole periods (months 1-12, quarters, years) from the first to the last, gaps included.

    Answers leave out periods with nothing in them, and evenly spaced
    categories would then put April right beside June. The axis gets every
    period in between instead, and a missing one is a row with no value: an
    empty slot, and a break in a line, never a made-up zero. Only for whole
    numbers in ascending order; anything else keeps its own rows.
    """
    values = frame[x].tolist()
    if not pd.api.types.is_integer_dtype(frame[x]) or values != sorted(set(values)):
        return frame, values
    first, last = int(values[0]), int(values[-1])
    if last - first + 1 > MAX_PERIODS:
        return frame, values
    every = list(range(first, last + 1))
    missing = [period for period in every if period not in set(values)]
    if missing:
        frame = pd.concat([frame, pd.DataFrame({x: missing})], ignore_index=True)
        frame = frame.sort_values(x, ignore_index=True)
    return frame, every


def _whole_numbers(frame: pd.DataFrame, column: str) -> dict[str, Any]:
    """Counts are whole: an integer column's axis ticks whole numbers (never "1.5 hires")."""
    if pd.api.types.is_integer_dtype(frame[column]):
        return {"axis": alt.Axis(tickMinStep=1, format="d")}
    return {}


def _names_down_the_side(name: str, order: list[Any] | str) -> alt.Y:
    """Names on the y axis, level and whole: a department name is never cut or turned."""
    return alt.Y(
        field=name,
        type="nominal",
        sort=order,
        title=name,
        axis=alt.Axis(labelLimit=0, labelFontSize=LABEL_FONT_SIZE),
    )


def ranking_chart(frame: pd.DataFrame, name: str, value: str) -> alt.LayerChart:
    """A ranking as horizontal bars, first at the top, each with its value.

    Names go down the side, level and never cut (rotated labels under
    vertical bars read poorly past a few bars); the order is the rows' order,
    which is the ranking's, never the alphabet.
    """
    order = list(dict.fromkeys(frame[name].tolist()))
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=_names_down_the_side(name, order),
            x=alt.X(field=value, type="quantitative", title=value, **_whole_numbers(frame, value)),
            tooltip=list(frame.columns),
        )
    )
    values = bars.mark_text(align="left", baseline="middle", dx=3, fontSize=LABEL_FONT_SIZE).encode(
        text=alt.Text(field=value, type="quantitative"), color=alt.value("black")
    )
    return alt.LayerChart(
        layer=[bars, values],
        height=chart_height(len(order), around=80),
        padding={"top": 5, "left": 5, "right": 30, "bottom": 5},
    )


def _heatmap(frame: pd.DataFrame, hint: ChartHint) -> alt.Chart | None:
    assert hint.x and hint.y
    value = hint.series or next(
        (
            c
            for c in frame.columns
            if c not in (hint.x, hint.y) and _field_type(frame, c) == "quantitative"
        ),
        None,
    )
    if value is None or frame[hint.x].nunique() > 4 * MAX_BARS:
        return None
    heatmap: alt.Chart = (
        alt.Chart(frame)
        .mark_rect()
        .encode(
            x=alt.X(field=hint.x, type="ordinal"),
            y=alt.Y(field=hint.y, type="ordinal"),
            color=alt.Color(field=value, type="quantitative"),
            tooltip=list(frame.columns),
        )
    )
    return heatmap
