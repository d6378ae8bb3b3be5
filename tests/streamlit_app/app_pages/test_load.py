"""Load page: upload, preview, batches, summary, rejected rows with reasons, download."""

from __future__ import annotations

import csv
import io
import pickle
from dataclasses import replace
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button, Selectbox

from client.api import HrClient
from client.models import BackupJob, Table
from streamlit_app import importing
from tests.streamlit_app.conftest import OpenPage, texts

GOOD = [
    ["1", "Ada Lovelace", "2021-02-01T09:00:00Z", "1", "1"],
    ["2", "Alan Turing", "2021-05-01T09:00:00Z", "1", "1"],
]
NO_NAME = ["3", "", "2021-06-01T09:00:00Z", "1", "1"]
UNKNOWN_DEPARTMENT = ["4", "Grace Hopper", "2021-07-01T09:00:00Z", "99", "1"]


def as_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode()


def table_picker(app: AppTest) -> Selectbox[Any]:
    """The one table picker (its key carries the file's identity)."""
    (picker,) = [s for s in app.selectbox if str(s.key).startswith("table:")]
    return picker


def load_button(app: AppTest) -> Button:
    (button,) = [b for b in app.button if str(b.key).startswith("load:")]
    return button


def test_a_csv_with_bad_rows_loads_the_good_ones_and_lists_the_rest(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    admin_api.insert("departments", [{"id": 1, "department": "Sales"}])
    admin_api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    rows = [*GOOD, NO_NAME, UNKNOWN_DEPARTMENT]
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("hired_employees.csv", as_csv(rows), "text/csv").run()
    assert table_picker(app).value == Table.HIRED_EMPLOYEES  # guessed from the name
    preview = app.dataframe[0].value
    assert list(preview["id"]) == [r[0] for r in rows]
    assert f"{len(rows)}** rows" in texts(app)

    load_button(app).click().run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Received": str(len(rows)), "Inserted": str(len(GOOD)), "Rejected": "2"}
    rejected_frame = app.dataframe[1].value
    assert list(rejected_frame.columns[:4]) == ["line", "reason", "field", "message"]
    assert "index" not in rejected_frame.columns
    rejected = rejected_frame.set_index("id")
    assert rejected.loc[NO_NAME[0], "line"] == "3"
    assert rejected.loc[NO_NAME[0], "reason"] == "INVALID"
    assert rejected.loc[NO_NAME[0], "field"] == "name"
    assert rejected.loc[UNKNOWN_DEPARTMENT[0], "reason"] == "UNKNOWN_REFERENCE"
    assert app.get("download_button")
    stored = {e.id for e in admin_api.iter_employees()}
    assert stored == {int(r[0]) for r in GOOD}


def test_loading_again_rejects_every_row_as_already_there(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    content = as_csv([["id", "department"], ["1", "Sales"], ["2", "Research"]])
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("depts.csv", content, "text/csv").run()
    table_picker(app).set_value(Table.DEPARTMENTS).run()
    assert "with a header row" in texts(app)
    load_button(app).click().run()
    assert "Every row was inserted" in texts(app)
    load_button(app).click().run()
    reasons = set(app.dataframe[1].value["reason"])
    assert reasons == {"ALREADY_EXISTS"}


def test_a_file_that_is_not_csv_text_is_refused_before_sending(open_page: OpenPage) -> None:
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("jobs.csv", b"\xff\xfe\x00bad", "text/csv").run()
    assert app.error
    assert "cannot be read as jobs" in app.error[0].value
    assert "not UTF-8" in app.error[0].value


def test_choosing_another_file_starts_afresh_and_everything_agrees(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload(
        "departments.csv", as_csv([["1", "Sales"], ["2", "Research"]]), "text/csv"
    ).run()
    load_button(app).click().run()
    assert "Every row was inserted" in texts(app)
    employees = as_csv([*GOOD, NO_NAME])
    app.file_uploader(key="upload").upload("staff.csv", employees, "text/csv").run()
    assert table_picker(app).value == Table.HIRED_EMPLOYEES  # five cells: employees
    assert list(app.dataframe[0].value.columns) == [
        "id",
        "name",
        "datetime",
        "department_id",
        "job_id",
    ]
    assert load_button(app).label == "Load 3 rows of staff.csv into hired_employees"
    assert "Every row was inserted" not in texts(app)  # the last file's summary is gone


def test_a_file_that_does_not_fit_the_table_sends_nothing(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("departments.csv", as_csv(GOOD), "text/csv").run()
    assert table_picker(app).value == Table.DEPARTMENTS  # the name says so
    assert "have 5 columns" in app.warning[0].value
    assert load_button(app).disabled
    assert admin_api.departments_page(10).items == []


def large_file(rows: int) -> bytes:
    """``rows`` employees, three of them bad: no name (line 3), an id seen before (line 5),
    an unknown department (line 7)."""
    lines = [[str(i), f"Person {i}", "2021-02-01T09:00:00Z", "1", "1"] for i in range(1, rows + 1)]
    lines[2][1] = ""
    lines[4][0] = "1"
    lines[6][3] = "99"
    return as_csv(lines)


def test_a_large_file_goes_as_one_import_job_and_shows_its_steps_and_rejects(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    # GIVEN a file above the batch path's line (streamlit_app/importing.py), with three bad rows
    admin_api.insert("departments", [{"id": 1, "department": "Sales"}])
    admin_api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    rows = importing.IMPORT_ABOVE_ROWS + 2000
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("big_hires.csv", large_file(rows), "text/csv").run()
    assert "one import job" in texts(app)
    assert list(app.dataframe[0].value["id"][:2]) == ["1", "2"]  # the head, previewed
    (button,) = [b for b in app.button if str(b.key).startswith("import:")]
    assert button.label == f"Import {rows:,} lines of big_hires.csv into hired_employees"

    # WHEN it is imported
    button.click().run()

    # THEN the page followed the job's steps, and says what it did and what it refused
    assert not app.exception
    said = texts(app)
    assert f"{importing.DONE} File read into a staging table" in said
    assert (
        f"{importing.DONE} Accepted rows inserted, rejects written — {rows:,} rows decided" in said
    )
    assert "no percentage" in said
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Received": f"{rows:,}", "Inserted": f"{rows - 3:,}", "Rejected": "3"}
    by_reason = app.table[0].value
    assert dict(zip(by_reason.index, by_reason["rows"], strict=True)) == {
        "INVALID": 1,
        "DUPLICATE_IN_BATCH": 1,
        "UNKNOWN_REFERENCE": 1,
    }
    rejects = app.dataframe[1].value
    assert list(rejects.columns[:4]) == ["line", "reason", "field", "message"]
    assert list(zip(rejects["line"], rejects["reason"], rejects["field"], strict=True)) == [
        ("3", "INVALID", "name"),
        ("5", "DUPLICATE_IN_BATCH", "id"),
        ("7", "UNKNOWN_REFERENCE", "departmentId"),
    ]
    (link,) = rejects_links(app)
    assert link.proto.label == "Download all 3 rejected rows as CSV"
    assert admin_api.row_count(Table.HIRED_EMPLOYEES) == rows - 3

    # AND the rejected rows can be sent again, in one batch, once their department exists
    admin_api.insert("departments", [{"id": 99, "department": "Research"}])
    (again,) = [b for b in app.button if str(b.key).startswith("import_resend:")]
    assert again.label == "Send these 3 rows again"
    again.click().run()
    assert "Sent again: 1 of 3 rows inserted; still rejected" in texts(app)
    assert admin_api.row_count(Table.HIRED_EMPLOYEES) == rows - 2


def rejects_links(app: AppTest) -> list[Any]:
    """The import's link to its whole rejects file (a link button: the browser fetches it)."""
    return [
        link for link in app.get("link_button") if "download_import_rejects" in str(link.proto.id)
    ]


def test_a_rejects_file_larger_than_the_page_shows_is_never_held_whole_yet_downloads_whole(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    """An import that refuses every row: the session keeps only the file's first rows (a
    10-million-row import's rejects would be hundreds of MB per session), says how many were
    refused in all, and links to the whole file, which the link serves."""
    # GIVEN a large file of hires whose department and job do not exist: every row is refused
    rows = importing.IMPORT_ABOVE_ROWS + 1
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("orphans.csv", large_file(rows), "text/csv").run()

    # WHEN it is imported
    (button,) = [b for b in app.button if str(b.key).startswith("import:")]
    button.click().run()

    # THEN the session holds a bounded head of the rejects file, never the whole of it ...
    assert not app.exception
    saved = app.session_state["load.imported"]
    whole = httpx.get(urljoin(admin_api.url, admin_api.import_rejects_url(saved[2].job.id).url))
    every = list(csv.reader(io.StringIO(whole.text)))
    assert len(every) == 1 + rows  # the file itself: a header and every row
    assert len(pickle.dumps(saved)) * 5 < len(whole.content)
    held: importing.Imported = saved[2]
    head = list(csv.reader(io.StringIO(held.first_rejects.decode())))
    assert head == every[: 1 + importing.FIRST_REJECTS]  # the header and the rows shown

    # ... AND the page shows those rows and says how many were refused in all ...
    assert {m.label: m.value for m in app.metric}["Rejected"] == f"{rows:,}"
    assert len(app.dataframe[1].value) == importing.FIRST_REJECTS
    assert f"The first {importing.FIRST_REJECTS:,} of {rows:,} rejected rows" in texts(app)

    # ... AND links to the whole file, which the browser fetches from the server, not the app
    (link,) = rejects_links(app)
    assert link.proto.label == f"Download all {rows:,} rejected rows as CSV"
    served = httpx.get(link.proto.url)
    assert served.status_code == 200
    assert "attachment" in served.headers["content-disposition"]
    assert served.content == whole.content


def test_a_small_file_keeps_the_batch_path(open_page: OpenPage) -> None:
    app = open_page("Admins", "load")
    rows = importing.IMPORT_ABOVE_ROWS
    app.file_uploader(key="upload").upload("hires.csv", large_file(rows), "text/csv").run()
    assert "goes to the server as **one import job**" not in texts(app)
    assert load_button(app).label == f"Load {rows:,} rows of hires.csv into hired_employees"


def test_a_failed_import_says_so_and_that_nothing_changed(
    open_page: OpenPage, admin_api: HrClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job's own words and errorType reach the page; no summary of rows that never went in.
    (A job fails on the server's side, e.g. storage unreachable: here its end is made FAILED.)"""
    real_wait = HrClient.wait_for_job

    def failing(self: HrClient, *args: Any, **kwargs: Any) -> BackupJob:
        done = real_wait(self, *args, **kwargs)
        error = "the upload store cannot be reached"
        return replace(
            done, status="FAILED", error=error, error_type="Unavailable", import_result=None
        )

    monkeypatch.setattr(HrClient, "wait_for_job", failing)
    app = open_page("Admins", "load")
    rows = importing.IMPORT_ABOVE_ROWS + 1
    app.file_uploader(key="upload").upload("big.csv", large_file(rows), "text/csv").run()
    (button,) = [b for b in app.button if str(b.key).startswith("import:")]
    button.click().run()
    assert not app.exception
    assert "The import of big.csv failed; nothing was changed" in app.error[0].value
    assert "busy or briefly down" in app.error[0].value  # the app's words for Unavailable
    assert not app.metric
