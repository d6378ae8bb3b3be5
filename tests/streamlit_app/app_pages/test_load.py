"""Load page: upload, preview, batches, summary, rejected rows with reasons, download."""

from __future__ import annotations

import csv
import io

from client.api import HrClient
from client.models import Table
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


def test_a_csv_with_bad_rows_loads_the_good_ones_and_lists_the_rest(
    open_page: OpenPage, admin_api: HrClient
) -> None:
    admin_api.insert("departments", [{"id": 1, "department": "Sales"}])
    admin_api.insert("jobs", [{"id": 1, "job": "Engineer"}])
    rows = [*GOOD, NO_NAME, UNKNOWN_DEPARTMENT]
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("hired_employees.csv", as_csv(rows), "text/csv").run()
    assert app.selectbox(key="table").value == Table.HIRED_EMPLOYEES  # guessed from the name
    preview = app.dataframe[0].value
    assert list(preview["id"]) == [r[0] for r in rows]
    assert f"{len(rows)}** rows" in texts(app)

    app.button(key="load").click().run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"Received": str(len(rows)), "Inserted": str(len(GOOD)), "Rejected": "2"}
    rejected = app.dataframe[1].value.set_index("id")
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
    app.selectbox(key="table").set_value(Table.DEPARTMENTS).run()
    assert "with a header row" in texts(app)
    app.button(key="load").click().run()
    assert "Every row was inserted" in texts(app)
    app.button(key="load").click().run()
    reasons = set(app.dataframe[1].value["reason"])
    assert reasons == {"ALREADY_EXISTS"}


def test_a_file_that_is_not_csv_text_is_refused_before_sending(open_page: OpenPage) -> None:
    app = open_page("Admins", "load")
    app.file_uploader(key="upload").upload("jobs.csv", b"\xff\xfe\x00bad", "text/csv").run()
    assert app.error
    assert "cannot be read as jobs" in app.error[0].value
