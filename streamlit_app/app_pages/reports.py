"""Reports: hires per quarter (table and heatmap) and every department against the mean.

The year picker offers only years with hires (hireYears), newest first; the
chosen year sits in the address (``?year=2021``), so a reload or a shared
link opens the same report.

The two charts count different hires: the heatmap only those with both a
department and a job (hiresByQuarter), the bars every hire with a department
(hiresByDepartment). Each chart says on itself how many it shows and what it
leaves out, so their totals never seem to disagree.
"""

from __future__ import annotations

import streamlit as st

from client.models import Table
from streamlit_app import charts, plain_errors, session
from streamlit_app.access import PageName, pages_for

signed_in = session.require()
api = signed_in.client
st.title("Reports")

try:
    years = sorted(api.hire_years(), reverse=True)
except session.CALL_ERRORS as error:
    plain_errors.show(error)
    st.stop()
if not years:
    if PageName.LOAD in pages_for(signed_in.groups):
        st.info("No employees yet, so no report. Load employees on the Load page first.")
    else:
        st.info("No employees yet, so no report. It fills in once an admin loads them.")
    st.stop()

asked = st.query_params.get("year")
start = years.index(int(asked)) if asked and asked.isdigit() and int(asked) in years else 0
year = int(
    st.selectbox(
        "Year",
        years,
        index=start,
        key="year",
        help=f"Years with hires: {years[-1]} to {years[0]} ({len(years)} in all).",
    )
)
st.query_params["year"] = str(year)

try:
    quarters = api.hires_by_quarter(year)
    per_department = api.hires_by_department(year)
    above = api.departments_above_mean(year)
    hired_that_year = api.row_count(
        Table.HIRED_EMPLOYEES,
        {"hiredFrom": f"{year}-01-01T00:00:00Z", "hiredTo": f"{year + 1}-01-01T00:00:00Z"},
    )
except session.CALL_ERRORS as error:
    plain_errors.show(error)
    st.stop()

st.header(f"Hires per quarter in {year}")
if not quarters:
    st.info(f"No hire in {year} has both a department and a job, so this report is empty.")
else:
    frame = charts.quarter_frame(quarters)
    bars = {row.department: row.hired for row in per_department}
    departments = sorted(frame["department"].unique())
    focus = st.selectbox(
        "Heatmap of",
        ["All departments", *departments],
        key="heatmap_focus",
        help="All departments sums their jobs; pick one to see its jobs.",
    )
    if focus == "All departments":
        note = charts.heatmap_note(frame, bars, hired_that_year)
        heatmap = charts.quarter_heatmap(frame, "department", year, note)
    else:
        shown = frame[frame["department"] == focus]
        note = charts.heatmap_note(shown, {focus: bars.get(focus, 0)}, None)
        heatmap = charts.quarter_heatmap(shown, "job", year, note)
    st.altair_chart(heatmap, width="stretch", height="content", key="quarters_heatmap")
    with st.expander(f"The table: {len(frame)} department and job pairs"):
        st.dataframe(
            frame.rename(columns={q: q.upper() for q in charts.QUARTERS}),
            hide_index=True,
            width="stretch",
            key="quarters_table",
        )

st.header(f"Hires per department in {year}, against the mean")
if not per_department:
    st.info(f"No hire in {year} has a department.")
else:
    mean = per_department[0].mean
    st.caption(
        f"Mean: **{mean:.1f}** hires per department (over the {len(per_department)} "
        f"departments that hired in {year}). Dark bars: the {len(above)} above it."
    )
    frame = charts.above_mean_frame(per_department)
    with_job = charts.quarter_frame(quarters)
    note = charts.bars_note(frame, with_job, hired_that_year)
    st.altair_chart(
        charts.above_mean_chart(frame, note),
        width="stretch",
        height="content",
        key="above_mean_chart",
    )
    with st.expander(f"The {len(above)} departments above the mean (departmentsAboveMean)"):
        st.dataframe(
            charts.above_mean_frame(above), hide_index=True, width="stretch", key="above_mean_table"
        )
