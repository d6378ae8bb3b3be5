"""Data: browse departments, jobs and employees; admins correct and delete rows."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from typing import Any

import pandas as pd
import streamlit as st

from client.api import HrClient
from client.models import EmployeeFilter, EmployeePatch, Page, Table
from streamlit_app import session
from streamlit_app.access import can_edit
from streamlit_app.browsing import pager

signed_in = session.require()
api = signed_in.client
editable = can_edit(signed_in.groups)
ROW_ERRORS = "data.row_errors"
SHOWN_DATETIME = "%Y-%m-%d %H:%M:%S"
row_errors: dict[str, str] = st.session_state.setdefault(ROW_ERRORS, {})

st.title("Data")
if not editable:
    st.caption("Read-only: corrections and deletes are for Admins.")

table: Table = (
    st.radio(
        "Table",
        list(Table),
        format_func=lambda t: t.value.replace("_", " "),
        horizontal=True,
        key="data_table",
    )
    or Table.DEPARTMENTS
)
page_size = int(st.selectbox("Rows per page", [25, 50, 100], key="page_size"))


@st.cache_data(ttl=60, show_spinner=False)
def _names(url: str, table: Table, _api: HrClient) -> dict[int, str]:
    """id -> name of departments or jobs, for filters and labels (cached a minute)."""
    if table is Table.DEPARTMENTS:
        return {d.id: d.department for d in _api.iter_departments()}
    return {j.id: j.job for j in _api.iter_jobs()}


def _one_of(column: Any, label: str, names: dict[int, str], key: str) -> int | None:
    """A filter choice among named ids; None is "Any"."""
    choice: int | None = column.selectbox(
        label,
        [None, *names],
        format_func=lambda i: "Any" if i is None else names[i],
        key=key,
    )
    return choice


def employee_filter() -> EmployeeFilter:
    departments = _names(api.url, Table.DEPARTMENTS, api)
    jobs = _names(api.url, Table.JOBS, api)
    left, middle, right = st.columns(3)
    chosen: EmployeeFilter = {}
    name = left.text_input("Name contains", key="name_contains")
    if name.strip():
        chosen["nameContains"] = name.strip()
    department = _one_of(middle, "Department", departments, "department_filter")
    if department is not None:
        chosen["departmentId"] = department
    job = _one_of(right, "Job", jobs, "job_filter")
    if job is not None:
        chosen["jobId"] = job
    since, until = st.columns(2)
    hired_from = since.date_input("Hired from", value=None, key="hired_from")
    hired_to = until.date_input("Hired before", value=None, key="hired_to")
    if hired_from:
        chosen["hiredFrom"] = datetime.combine(hired_from, time(), UTC)
    if hired_to:
        chosen["hiredTo"] = datetime.combine(hired_to, time(), UTC)
    return chosen


def fetch(token: str | None, chosen: EmployeeFilter) -> tuple[pd.DataFrame, str | None]:
    page: Page[Any]
    if table is Table.DEPARTMENTS:
        page = api.departments_page(page_size, token)
        rows = [{"id": d.id, "department": d.department} for d in page.items]
        return pd.DataFrame(rows, columns=["id", "department"]), page.next_token
    if table is Table.JOBS:
        page = api.jobs_page(page_size, token)
        return pd.DataFrame(
            [{"id": j.id, "job": j.job} for j in page.items], columns=["id", "job"]
        ), page.next_token
    page = api.employees_page(chosen or None, page_size, token)
    departments = _names(api.url, Table.DEPARTMENTS, api)
    jobs = _names(api.url, Table.JOBS, api)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "hired (UTC)": e.datetime.strftime(SHOWN_DATETIME),
            "department_id": e.department_id,
            "department": departments.get(e.department_id) if e.department_id else None,
            "job_id": e.job_id,
            "job": jobs.get(e.job_id) if e.job_id else None,
        }
        for e in page.items
    ]
    columns = ["id", "name", "hired (UTC)", "department_id", "department", "job_id", "job"]
    return pd.DataFrame(rows, columns=columns), page.next_token


def _row_key(row_id: int) -> str:
    return f"{table.value}:{row_id}"


def edit_row(frame: pd.DataFrame) -> None:
    """A correction form for one row of this page, with the API's answer beside it."""
    st.subheader("Correct or delete a row")
    ids: list[int] = [int(i) for i in frame["id"]]
    row_id: int | None = st.selectbox("Row id", ids, key=f"edit_id_{table.value}")
    if row_id is None:
        return
    row = frame[frame["id"] == row_id].iloc[0]
    form = f"edit_{table.value}"
    with st.form(form):
        patch: dict[str, Any]
        if table is Table.DEPARTMENTS:
            patch = {
                "department": st.text_input(
                    "Department", str(row["department"]), key=f"{form}_{row_id}_department"
                )
            }
        elif table is Table.JOBS:
            patch = {"job": st.text_input("Job", str(row["job"]), key=f"{form}_{row_id}_job")}
        else:
            patch = {
                "name": st.text_input("Name", str(row["name"]), key=f"{form}_{row_id}_name"),
                "datetime": st.text_input(
                    "Hired (UTC, e.g. 2021-03-01 09:30)",
                    str(row["hired (UTC)"]),
                    key=f"{form}_{row_id}_datetime",
                ),
                "departmentId": st.text_input(
                    "Department id (empty clears it)",
                    _cell(row["department_id"]),
                    key=f"{form}_{row_id}_departmentId",
                ),
                "jobId": st.text_input(
                    "Job id (empty clears it)", _cell(row["job_id"]), key=f"{form}_{row_id}_jobId"
                ),
            }
        save, delete = st.columns(2)
        saved = save.form_submit_button("Save", type="primary", key=f"{form}_save")
        deleted = delete.form_submit_button("Delete", key=f"{form}_delete")
    if saved or deleted:
        try:
            message = _delete(row_id) if deleted else _save(row_id, row, patch)
        except session.CALL_ERRORS as error:
            row_errors[_row_key(row_id)] = session.explain(error)
        else:
            row_errors.pop(_row_key(row_id), None)
            _names.clear()
            st.session_state["data.notice"] = message
        st.rerun()  # the table above shows the new state and the row's problem
    problem = row_errors.get(_row_key(row_id))
    if problem:
        st.error(f"Row {row_id}: {problem}")


def _cell(value: Any) -> str:
    return "" if value is None or pd.isna(value) else str(int(value))


def _save(row_id: int, row: pd.Series, fields: dict[str, Any]) -> str:
    if table is Table.DEPARTMENTS:
        api.update_department(row_id, fields["department"])
    elif table is Table.JOBS:
        api.update_job(row_id, fields["job"])
    else:
        api.update_employee(row_id, _employee_patch(row, fields))
    return f"Saved row {row_id}."


def _employee_patch(row: pd.Series, fields: dict[str, Any]) -> EmployeePatch:
    """Only what changed; an id that is not a number goes to the API as typed, to be judged."""
    patch: dict[str, Any] = {}
    if fields["name"] != row["name"]:
        patch["name"] = fields["name"]
    if fields["datetime"] != row["hired (UTC)"]:
        patch["datetime"] = _moment(fields["datetime"])
    for key, column in (("departmentId", "department_id"), ("jobId", "job_id")):
        typed = fields[key].strip()
        if typed != _cell(row[column]):
            patch[key] = int(typed) if typed.lstrip("-").isdigit() else (typed or None)
    return patch  # type: ignore[return-value]


def _moment(typed: str) -> datetime | str:
    """Typed text as a UTC instant ("2021-03-01 10:00"); unparsable text goes to the API as is."""
    try:
        moment = datetime.fromisoformat(typed.strip())
    except ValueError:
        return typed
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _delete(row_id: int) -> str:
    if table is Table.DEPARTMENTS:
        api.delete_department(row_id)
    elif table is Table.JOBS:
        api.delete_job(row_id)
    else:
        api.delete_employee(row_id)
    return f"Deleted row {row_id}."


chosen: EmployeeFilter = employee_filter() if table is Table.HIRED_EMPLOYEES else {}
signature = json.dumps([table.value, page_size, chosen], default=str, sort_keys=True)
paging = pager(st.session_state, "data.pager", signature)  # type: ignore[arg-type]
try:
    frame, next_token = fetch(paging.token, chosen)
except session.CALL_ERRORS as error:
    st.error(session.explain(error))
    st.stop()

notice = st.session_state.pop("data.notice", None)
if notice:
    st.success(notice)
keys = [_row_key(int(i)) for i in frame["id"]]
if any(k in row_errors for k in keys):
    frame.insert(1, "problem", [row_errors.get(k, "") for k in keys])
st.dataframe(frame, hide_index=True, width="stretch", key="rows")
back, where, forward = st.columns([1, 2, 1])
if back.button("← Previous", disabled=paging.index == 0, key="previous"):
    paging.back()
    st.rerun()
where.caption(f"Page {paging.number} · {len(frame)} rows" + ("" if next_token else " · last page"))
if forward.button("Next →", disabled=next_token is None, key="next"):
    paging.forward(next_token)
    st.rerun()

if editable and not frame.empty:
    edit_row(frame)
