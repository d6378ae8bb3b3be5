"""Charts are drawn from the data they are given, and only when a hint names real columns."""

from __future__ import annotations

import pandas as pd
import pytest

from client.models import ChartHint, DepartmentHires, QuarterHires
from streamlit_app import charts

FRAME = pd.DataFrame({"department": ["Sales", "Legal"], "hires": [3, 1], "year": [2021, 2021]})


@pytest.mark.parametrize(("kind", "mark"), [("BAR", "bar"), ("LINE", "line")])
def test_an_answer_hint_picks_the_mark_and_the_columns(kind: str, mark: str) -> None:
    chart = charts.answer_chart(FRAME, ChartHint(kind, x="department", y="hires"))
    assert chart is not None
    spec = chart.to_dict()
    assert spec["mark"]["type"] == mark
    assert spec["encoding"]["x"]["field"] == "department"
    assert spec["encoding"]["y"]["field"] == "hires"
    assert spec["encoding"]["y"]["type"] == "quantitative"
    assert spec["encoding"]["y"]["axis"] == {"format": "d", "tickMinStep": 1}  # whole hires


@pytest.mark.parametrize(
    "hint",
    [
        None,
        ChartHint("TABLE"),
        ChartHint("BAR", x="department", y="nope"),
        ChartHint("BAR", x="hires"),
    ],
)
def test_no_chart_without_a_usable_hint(hint: ChartHint | None) -> None:
    assert charts.answer_chart(FRAME, hint) is None


def test_a_heatmap_colours_by_the_remaining_number() -> None:
    chart = charts.answer_chart(FRAME, ChartHint("HEATMAP", x="year", y="department"))
    assert chart is not None
    assert chart.to_dict()["encoding"]["color"]["field"] == "hires"


def test_the_quarter_heatmap_sums_jobs_into_their_department() -> None:
    rows = [
        QuarterHires("Sales", "Engineer", 1, 2, 0, 0),
        QuarterHires("Sales", "Analyst", 3, 0, 0, 1),
    ]
    chart = charts.quarter_heatmap(charts.quarter_frame(rows), "department")
    data = pd.DataFrame(chart.to_dict()["datasets"].popitem()[1])
    by_quarter = dict(zip(data["quarter"], data["hires"], strict=True))
    assert by_quarter == {"Q1": 4, "Q2": 2, "Q3": 0, "Q4": 1}


def test_the_mean_line_sits_at_the_reported_mean() -> None:
    rows = [DepartmentHires(1, "Sales", 9, 4.5), DepartmentHires(2, "Legal", 6, 4.5)]
    spec = charts.above_mean_chart(charts.above_mean_frame(rows)).to_dict()
    means = [row for data in spec["datasets"].values() for row in data if "label" in row]
    assert means == [{"mean": 4.5, "label": "mean 4.5"}]


def test_quarters_go_on_an_ordinal_axis_in_row_order() -> None:
    frame = pd.DataFrame({"quarter": [1, 2, 3, 4], "hires": [5, 7, 2, 9]})
    hint = ChartHint("BAR", x="quarter", y="hires", x_ordinal=True, keep_order=True)
    chart = charts.answer_chart(frame, hint)
    assert chart is not None
    x = chart.to_dict()["encoding"]["x"]
    assert x["type"] == "ordinal"  # four evenly spaced quarters, never a 1.5 tick
    assert x["sort"] == [1, 2, 3, 4]


def test_missing_months_keep_their_place_on_the_axis_with_no_value() -> None:
    frame = pd.DataFrame({"month": [1, 2, 4, 6], "hires": [3, 1, 2, 5]})
    hint = ChartHint("LINE", x="month", y="hires", x_ordinal=True, keep_order=True)
    chart = charts.answer_chart(frame, hint)
    assert chart is not None
    spec = chart.to_dict()
    assert spec["encoding"]["x"]["scale"]["domain"] == [1, 2, 3, 4, 5, 6]
    data = pd.DataFrame(spec["datasets"].popitem()[1])
    assert list(data["month"]) == [1, 2, 3, 4, 5, 6]
    shown = dict(zip(data["month"], data["hires"], strict=True))
    assert shown[1] == 3 and shown[6] == 5
    assert pd.isna(shown[3]) and pd.isna(shown[5])  # an empty slot, not a made-up zero


def test_periods_out_of_order_or_not_whole_keep_their_own_rows() -> None:
    latest_first = pd.DataFrame({"year": [2023, 2021], "hires": [4, 2]})
    frame, order = charts.every_period(latest_first, "year")
    assert order == [2023, 2021] and len(frame) == 2
    weekdays = pd.DataFrame({"weekday": ["Monday", "Wednesday"], "hires": [4, 2]})
    frame, order = charts.every_period(weekdays, "weekday")
    assert order == ["Monday", "Wednesday"] and len(frame) == 2


def test_a_ranking_keeps_its_rank_order_not_the_alphabet() -> None:
    frame = pd.DataFrame({"department": ["Sales", "Legal", "Admin"], "hires": [9, 5, 1]})
    hint = ChartHint("BAR", x="department", y="hires", keep_order=True)
    chart = charts.answer_chart(frame, hint)
    assert chart is not None
    bars, values = chart.to_dict()["layer"]
    names = bars["encoding"]["y"]  # horizontal bars: the names down the side, first on top
    assert names["sort"] == ["Sales", "Legal", "Admin"]
    assert names["axis"]["labelLimit"] == 0
    assert bars["encoding"]["x"]["field"] == "hires"
    assert values["encoding"]["text"]["field"] == "hires"  # each bar carries its value


def test_past_twenty_bars_a_ranking_sums_the_rest_as_other() -> None:
    frame = pd.DataFrame(
        {"job": [f"Job {i:02d}" for i in range(30)], "hires": [30 - i for i in range(30)]}
    )
    chart = charts.answer_chart(frame, ChartHint("BAR", x="job", y="hires", keep_order=True))
    assert chart is not None
    data = pd.DataFrame(chart.to_dict()["datasets"].popitem()[1])
    assert len(data) == charts.MAX_BARS
    assert data["job"].iloc[-1] == "other"
    assert data["hires"].sum() == frame["hires"].sum()


def test_past_twenty_bars_without_an_order_the_table_is_enough() -> None:
    frame = pd.DataFrame({"job": [f"Job {i:02d}" for i in range(30)], "hires": list(range(30))})
    assert charts.answer_chart(frame, ChartHint("BAR", x="job", y="hires")) is None


def test_the_mean_chart_shows_every_department_and_marks_those_above() -> None:
    rows = [
        DepartmentHires(1, "Sales", 9, 5.0),
        DepartmentHires(2, "Legal", 4, 5.0),
        DepartmentHires(3, "Business Development", 2, 5.0),
    ]
    spec = charts.above_mean_chart(charts.above_mean_frame(rows)).to_dict()
    bars = next(r for d in spec["datasets"].values() for r in [d] if "standing" in d[0])
    standing = {row["department"]: row["standing"] for row in bars}
    assert standing == {
        "Sales": charts.ABOVE,
        "Legal": charts.BELOW,
        "Business Development": charts.BELOW,
    }
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    values = [t for t in texts if t["encoding"]["text"]["field"] == "hired"]
    assert any(t["encoding"]["text"]["field"] == "label" for t in texts)  # the mean's label
    # the value on each bar: black, drawn after a white outline and after the mean line
    assert [t["encoding"]["color"]["value"] for t in values] == ["white", "black"]
    order = [layer["mark"]["type"] for layer in spec["layer"]]
    assert order.index("rule") < spec["layer"].index(values[0])
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelLimit"] == 0
    hires_axis = spec["layer"][0]["encoding"]["x"]["axis"]
    assert (hires_axis["tickMinStep"], hires_axis["format"]) == (1, "d")  # never "1.5 hires"


def test_the_heatmap_keeps_whole_labels_titles_and_readable_numbers() -> None:
    rows = [
        QuarterHires("Business Development", "Senior Financial Analyst of the Year", 9, 1, 0, 0),
        QuarterHires("Sales", "Engineer", 0, 0, 2, 0),
    ]
    spec = charts.quarter_heatmap(charts.quarter_frame(rows), "job", 2021).to_dict()
    cells, labels = spec["layer"]
    assert cells["encoding"]["y"]["axis"]["labelLimit"] == 0  # never "Senior Financ…"
    assert cells["encoding"]["y"]["title"] == "Job"
    assert cells["encoding"]["x"]["title"] == "Quarter of 2021"
    colour = labels["encoding"]["color"]
    assert colour["condition"]["value"] == "white" and colour["value"] == "black"
    assert "9 * 0.5" in colour["condition"]["test"] or "4.5" in colour["condition"]["test"]
    assert spec["height"] >= 2 * 26
    legend = cells["encoding"]["color"]["legend"]
    assert (legend["format"], legend["tickMinStep"]) == ("d", 1)  # hires, never "0.5"
