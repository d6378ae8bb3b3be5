"""Reports: hires per quarter (table and heatmap) and departments above the mean (bars + mean)."""

from __future__ import annotations

import streamlit as st

from streamlit_app import charts, session

signed_in = session.require()
st.title("Reports")
year = int(st.number_input("Year", min_value=1900, max_value=2100, value=2021, step=1, key="year"))

try:
    quarters = signed_in.client.hires_by_quarter(year)
    above = signed_in.client.departments_above_mean(year)
except session.CALL_ERRORS as error:
    st.error(session.explain(error))
    st.stop()

st.header(f"Hires per quarter in {year}")
if not quarters:
    st.info(f"No hires in {year}. Load employees on the Load page or pick another year.")
else:
    frame = charts.quarter_frame(quarters)
    st.dataframe(
        frame.rename(columns={q: q.upper() for q in charts.QUARTERS}),
        hide_index=True,
        width="stretch",
        key="quarters_table",
    )
    departments = sorted(frame["department"].unique())
    focus = st.selectbox(
        "Heatmap of",
        ["All departments", *departments],
        key="heatmap_focus",
        help="All departments sums their jobs; pick one to see its jobs.",
    )
    if focus == "All departments":
        heatmap = charts.quarter_heatmap(frame, "department")
    else:
        heatmap = charts.quarter_heatmap(frame[frame["department"] == focus], "job")
    st.altair_chart(heatmap, width="stretch", height="content", key="quarters_heatmap")

st.header(f"Departments that hired more than the mean in {year}")
if not above:
    st.info("No department hired more than the mean that year.")
else:
    frame = charts.above_mean_frame(above)
    st.caption(f"Mean hires per department (with at least one hire): {above[0].mean:.1f}")
    st.altair_chart(charts.above_mean_chart(frame), width="stretch", key="above_mean_chart")
    st.dataframe(frame, hide_index=True, width="stretch", key="above_mean_table")
