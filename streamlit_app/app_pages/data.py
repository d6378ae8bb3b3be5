"""Data: browse departments, jobs and employees; admins correct and delete rows.

Departments and jobs are picked by name (the select boxes search as you
type), with the id beside. Input is checked here before any call, a delete
asks first and names what it deletes, and a saved row stays in view with
what changed, even when it no longer matches the filter.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any

import pandas as pd
import streamlit as st

from client.api import HrClient
from client.models import EmployeeFilter, Page, Table
from streamlit_app import plain_errors, session
from streamlit_app.access import can_edit
from streamlit_app.browsing import date_window, pager, typed_date
from streamlit_app.editing import Change, describe, employee_changes

signed_in = session.require()
api = signed_in.client
editable = can_edit(signed_in.groups)
ROW_ERRORS = "data.row_errors"
CONFIRM = "data.confirm_delete"
EDITED = "data.edited"
UNDO = "data.undo"
SHOWN_DATETIME = "%Y-%m-%d %H:%M:%S"
FROM_HELP = "Type a day as YYYY-MM-DD and press Enter: hires from 00:00 UTC that day on."
BEFORE_HELP = "Type a day as YYYY-MM-DD and press Enter: hires before 00:00 UTC that day."
NO_ID = 0  # "none" in a picker (ids start at 1)
NO_DEPARTMENT, NO_JOB = "no department", "no job"  # words in the table, never "None"
NOUN = {Table.DEPARTMENTS: "department", Table.JOBS: "job", Table.HIRED_EMPLOYEES: "employee"}
row_errors: dict[str, str] = st.session_state.setdefault(ROW_ERRORS, {})
row_details: dict[str, dict[str, Any]] = st.session_state.setdefault("data.row_details", {})

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
    """id -> name of departments or jobs, for pickers and labels (cached a minute)."""
    if table is Table.DEPARTMENTS:
        return {d.id: d.department for d in _api.iter_departments(page_size=1000)}
    return {j.id: j.job for j in _api.iter_jobs(page_size=1000)}


@st.cache_data(ttl=60, show_spinner=False)
def _total(url: str, table: Table, chosen: EmployeeFilter, _api: HrClient) -> int:
    """Rows of the table (employees: those that match the filter), counted by the API."""
    return _api.row_count(table, dict(chosen) or None)  # type: ignore[arg-type]


def named(names: dict[int, str], value: int | None) -> str:
    """``Sales · #3``: the name a person looks for, the id beside it."""
    if value is None:
        return "— none —"
    return f"{names.get(value, 'unknown')} · #{value}"


def _one_of(column: Any, label: str, names: dict[int, str], key: str) -> int | None:
    """A filter choice among named ids; None is "Any"."""
    choice: int | None = column.selectbox(
        label,
        [None, *sorted(names, key=lambda i: names[i].lower())],
        format_func=lambda i: "Any" if i is None else named(names, i),
        key=key,
        help="Type to search by name.",
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
    # Typed dates in text boxes: they apply on Enter and open no calendar (see typed_date).
    hired_from = _typed(since, "Hired from", "hired_from", FROM_HELP)
    hired_to = _typed(until, "Hired before", "hired_to", BEFORE_HELP)
    try:
        date_window(hired_from, hired_to)
    except ValueError as refused:  # keep "from"; only "before" waits for a fix
        st.error(f"{refused} Hired before is not applied until this is fixed; Hired from is.")
        hired_to = None
    if hired_from is not None:
        chosen["hiredFrom"] = datetime.combine(hired_from, time(), UTC)
    if hired_to is not None:
        chosen["hiredTo"] = datetime.combine(hired_to, time(), UTC)
    return chosen


def _typed(column: Any, label: str, key: str, help: str) -> date | None:
    """One typed date box; a date that is not YYYY-MM-DD is refused below it and not applied."""
    text = column.text_input(label, key=key, placeholder="YYYY-MM-DD", help=help)
    try:
        return typed_date(text, label)
    except ValueError as refused:
        column.error(f"{refused} It is not applied until it is fixed.")
        return None


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
    return employee_frame(page.items), page.next_token


def employee_frame(
    items: list[Any],
    departments: dict[int, str] | None = None,
    jobs: dict[int, str] | None = None,
) -> pd.DataFrame:
    if departments is None:
        departments = _names(api.url, Table.DEPARTMENTS, api)
    if jobs is None:
        jobs = _names(api.url, Table.JOBS, api)
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "hired (UTC)": e.datetime.strftime(SHOWN_DATETIME),
            "department": departments.get(e.department_id, "unknown")
            if e.department_id
            else NO_DEPARTMENT,
            "department_id": e.department_id,
            "job": jobs.get(e.job_id, "unknown") if e.job_id else NO_JOB,
            "job_id": e.job_id,
        }
        for e in items
    ]
    columns = ["id", "name", "hired (UTC)", "department", "department_id", "job", "job_id"]
    return pd.DataFrame(rows, columns=columns).astype({"department_id": "Int64", "job_id": "Int64"})


def _row_key(row_id: int) -> str:
    return f"{table.value}:{row_id}"


def _label(row: pd.Series) -> str:
    """How a row is named to a person: ``employee 12 (Ada Lovelace)``."""
    title = row["name"] if table is Table.HIRED_EMPLOYEES else row[NOUN[table]]
    return f"{NOUN[table]} {int(row['id'])} ({title})"


def _id_cell(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def edit_row(frame: pd.DataFrame) -> None:
    """A correction form for one row of this page; delete stands apart and asks first."""
    st.subheader("Correct or delete a row")
    by_id = {int(i): r for i, r in zip(frame["id"], frame.to_dict("records"), strict=True)}
    row_id: int | None = st.selectbox(
        "Row",
        list(by_id),
        format_func=lambda i: _label(pd.Series(by_id[i])),
        key=f"edit_id_{table.value}",
        help="Type to search this page's rows.",
    )
    if row_id is None:
        return
    row = frame[frame["id"] == row_id].iloc[0]
    form = f"edit_{table.value}"
    with st.form(form):
        fields = _form_fields(form, row_id, row)
        saved = st.form_submit_button("Save changes", type="primary", key=f"{form}_save")
    if saved:
        _submit_save(row_id, row, fields)
    problem = row_errors.get(_row_key(row_id))
    if problem:
        st.error(f"Row {row_id}: {problem}")
        detail = row_details.get(_row_key(row_id))
        if detail:
            with st.expander("Details from the server"):
                st.json(detail)
    _delete_area(row_id, row)


def _form_fields(form: str, row_id: int, row: pd.Series) -> dict[str, Any]:
    if table is Table.DEPARTMENTS:
        return {
            "department": st.text_input(
                "Department", str(row["department"]), key=f"{form}_{row_id}_department"
            )
        }
    if table is Table.JOBS:
        return {"job": st.text_input("Job", str(row["job"]), key=f"{form}_{row_id}_job")}
    departments = _names(api.url, Table.DEPARTMENTS, api)
    jobs = _names(api.url, Table.JOBS, api)
    left, right = st.columns(2)
    fields: dict[str, Any] = {
        "name": left.text_input("Name", str(row["name"]), key=f"{form}_{row_id}_name"),
        "datetime": right.text_input(
            "Hired (UTC, e.g. 2021-03-01 09:30)",
            str(row["hired (UTC)"]),
            key=f"{form}_{row_id}_datetime",
        ),
    }
    current = _id_cell(row["department_id"])
    fields["departmentId"] = _pick_id(left, "Department", departments, current, f"{form}_{row_id}")
    current = _id_cell(row["job_id"])
    fields["jobId"] = _pick_id(right, "Job", jobs, current, f"{form}_{row_id}")
    return fields


def _pick_id(column: Any, label: str, names: dict[int, str], current: int | None, key: str) -> Any:
    """A department or job by name (searchable), its id beside; "— none —" clears it."""
    options: list[int] = [NO_ID, *sorted(names, key=lambda i: names[i].lower())]
    if current is not None and current not in names:
        options.append(current)
    field = "departmentId" if label == "Department" else "jobId"
    chosen = column.selectbox(
        label,
        options,
        index=options.index(NO_ID if current is None else current),
        format_func=lambda i: named(names, None if i == NO_ID else i),
        key=f"{key}_{field}",
        help="Type to search by name; “none” clears it.",
    )
    return None if chosen == NO_ID else chosen


def _submit_save(row_id: int, row: pd.Series, fields: dict[str, Any]) -> None:
    key = _row_key(row_id)
    try:
        changes = _save(row_id, row, fields)
    except ValueError as refused:  # checked here, before any call
        row_errors[key] = str(refused)
        row_details.pop(key, None)
        st.rerun()  # the table above is drawn again with this error, not the last one
    except session.CALL_ERRORS as error:
        row_errors[key] = plain_errors.sentence(error)
        row_details[key] = plain_errors.detail(error)
        st.rerun()
    row_errors.pop(key, None)
    session.wrote()
    st.session_state[EDITED] = (table.value, row_id, changes)
    st.rerun()


def _save(row_id: int, row: pd.Series, fields: dict[str, Any]) -> list[Change]:
    if table in (Table.DEPARTMENTS, Table.JOBS):
        noun = NOUN[table]
        text = str(fields[noun]).strip()
        if not text:
            raise ValueError(f"Enter a {noun} name (it cannot be empty).")
        if text == row[noun]:
            raise ValueError("Nothing changed: edit a field first.")
        if table is Table.DEPARTMENTS:
            api.update_department(row_id, text)
        else:
            api.update_job(row_id, text)
        return [Change(noun, str(row[noun]), text)]
    departments = _names(api.url, Table.DEPARTMENTS, api)
    jobs = _names(api.url, Table.JOBS, api)
    patch, changes = employee_changes(row, fields, departments, jobs)
    if not patch:
        raise ValueError("Nothing changed: edit a field first.")
    api.update_employee(row_id, patch)
    return changes


def _delete_area(row_id: int, row: pd.Series) -> None:
    """Delete, well apart from Save: first a button, then a confirmation naming the row."""
    st.divider()
    label = _label(row)
    pending = st.session_state.get(CONFIRM)
    if pending != (table.value, row_id):
        if st.button(
            f"Delete {label}…", key=f"edit_{table.value}_delete", icon=":material/delete:"
        ):
            st.session_state[CONFIRM] = (table.value, row_id)
            st.rerun()
        return
    with st.container(border=True):
        st.warning(f"Delete **{label}**? This cannot be undone (a backup can bring it back).")
        yes, no = st.columns(2)
        confirmed = yes.button(
            f"Yes, delete {NOUN[table]} {row_id}", type="primary", key="confirm_delete"
        )
        if no.button("Keep it", key="cancel_delete"):
            st.session_state.pop(CONFIRM, None)
            st.rerun()
    if confirmed:
        st.session_state.pop(CONFIRM, None)
        try:
            gone = _delete(row_id)
        except session.CALL_ERRORS as error:
            row_errors[_row_key(row_id)] = plain_errors.sentence(error)
            row_details[_row_key(row_id)] = plain_errors.detail(error)
        else:
            row_errors.pop(_row_key(row_id), None)
            session.wrote()
            st.session_state["data.notice"] = f"Deleted {label}."
            st.session_state[UNDO] = (table, label, gone)
        st.rerun()


def _delete(row_id: int) -> dict[str, Any]:
    """Delete the row; what the API returned, as the row to insert again for Undo."""
    if table is Table.DEPARTMENTS:
        department = api.delete_department(row_id)
        return {"id": department.id, "department": department.department}
    if table is Table.JOBS:
        job = api.delete_job(row_id)
        return {"id": job.id, "job": job.job}
    employee = api.delete_employee(row_id)
    row: dict[str, Any] = {"id": employee.id, "name": employee.name}
    row["datetime"] = employee.datetime.isoformat().replace("+00:00", "Z")
    if employee.department_id is not None:
        row["departmentId"] = employee.department_id
    if employee.job_id is not None:
        row["jobId"] = employee.job_id
    return row


def _undo(deleted_from: Table, label: str, row: dict[str, Any]) -> None:
    """Undo a delete: the row goes back in, as it was (the API's own insert checks it)."""
    try:
        result = api.insert(deleted_from, [row])
    except session.CALL_ERRORS as error:
        st.session_state["data.undo_failed"] = plain_errors.sentence(error)
        return
    session.wrote()
    if result.inserted:
        st.session_state["data.notice"] = f"Put back {label}."
    else:
        why = result.rejected[0].message if result.rejected else "the API did not take it"
        st.session_state["data.undo_failed"] = f"{label} could not be put back: {why}."


def show_edited() -> None:
    """The row just saved, as it is now, with what changed (it may have left the filter).

    Shown once: the next action (paging, a filter, another table) clears it.
    """
    edited = st.session_state.pop(EDITED, None)
    if not edited or edited[0] != table.value:
        return
    _, row_id, changes = edited
    st.success(f"Saved {NOUN[table]} {row_id}: " + describe(changes))
    try:
        if table is Table.DEPARTMENTS:
            now = api.department(row_id)
            frame = pd.DataFrame([{"id": now.id, "department": now.department}] if now else [])
        elif table is Table.JOBS:
            now_job = api.job(row_id)
            frame = pd.DataFrame([{"id": now_job.id, "job": now_job.job}] if now_job else [])
        else:
            employee = api.employee(row_id)
            frame = employee_frame([employee] if employee else [])
    except session.CALL_ERRORS as error:
        plain_errors.show(error)
        return
    st.dataframe(frame, hide_index=True, width="stretch", key="edited_row")


chosen: EmployeeFilter = employee_filter() if table is Table.HIRED_EMPLOYEES else {}
chosen_json = json.dumps(chosen, default=str, sort_keys=True)
signature = json.dumps([table.value, page_size, chosen_json])
paging = pager(st.session_state, "data.pager", signature)  # type: ignore[arg-type]
try:
    frame, next_token = fetch(paging.token, chosen)
    total = _total(api.url, table, chosen, api)
except session.CALL_ERRORS as error:
    plain_errors.show(error)
    st.stop()

notice = st.session_state.pop("data.notice", None)
undo = st.session_state.pop(UNDO, None)
if notice:
    st.success(notice)
if undo is not None:  # offered once, right after the delete
    st.button(
        "Undo the delete", key="undo_delete", icon=":material/undo:", on_click=_undo, args=undo
    )
failed_undo = st.session_state.pop("data.undo_failed", None)
if failed_undo:
    st.error(failed_undo)
show_edited()
keys = [_row_key(int(i)) for i in frame["id"]]
if any(k in row_errors for k in keys):
    frame.insert(1, "problem", [row_errors.get(k, "") for k in keys])
first = (paging.number - 1) * page_size + 1
shown = (
    f"rows {first} to {first + len(frame) - 1} of {total:,}" if len(frame) else f"0 of {total:,}"
)
what = "matching employees" if chosen else table.value.replace("_", " ")
what = what.removesuffix("s") if total == 1 else what
st.markdown(f"**{total:,}** {what} · {shown}")
st.dataframe(frame, hide_index=True, width="stretch", key="rows")
back, where, forward = st.columns([1, 2, 1])
if back.button("← Previous", disabled=paging.index == 0, key="previous"):
    paging.back()
    st.rerun()
pages = max(1, -(-total // page_size))
where.caption(f"Page {paging.number} of {pages}")
if forward.button("Next →", disabled=next_token is None, key="next"):
    paging.forward(next_token)
    st.rerun()


def export(chosen: EmployeeFilter, departments: dict[int, str], jobs: dict[int, str]) -> bytes:
    """Every row of the table (employees: every one matching the filter), as CSV.

    Called when the button is pressed (Streamlit runs it then, in a thread of
    its own), so the pages are fetched only for a download.
    """
    if table is Table.DEPARTMENTS:
        rows = pd.DataFrame(
            [{"id": d.id, "department": d.department} for d in api.iter_departments(1000)],
            columns=["id", "department"],
        )
    elif table is Table.JOBS:
        rows = pd.DataFrame(
            [{"id": j.id, "job": j.job} for j in api.iter_jobs(1000)], columns=["id", "job"]
        )
    else:
        employees = list(api.iter_employees(chosen or None, page_size=1000))
        rows = employee_frame(employees, departments, jobs)
    text: str = rows.to_csv(index=False)
    return text.encode("utf-8")


if total:
    every = f"all {total:,} matching rows" if chosen else f"all {total:,} rows"
    departments_now = _names(api.url, Table.DEPARTMENTS, api)  # read here, not in the thread
    jobs_now = _names(api.url, Table.JOBS, api)
    st.download_button(
        f"Download {every} as CSV",
        lambda: export(chosen, departments_now, jobs_now),
        file_name=f"{table.value}.csv",
        mime="text/csv",
        on_click="ignore",
        key="export",
        icon=":material/download:",
    )
if editable and not frame.empty:
    edit_row(frame)
