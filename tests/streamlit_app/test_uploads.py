"""The table is guessed from the file's name; the preview reads the file as the loader will."""

from __future__ import annotations

import pytest

from client.csvfile import CsvFormatError
from client.models import Table
from streamlit_app import uploads


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("departments.csv", Table.DEPARTMENTS),
        ("jobs_2024.csv", Table.JOBS),
        ("hired_employees.csv", Table.HIRED_EMPLOYEES),
        ("new-employees.csv", Table.HIRED_EMPLOYEES),
        ("export.csv", None),
    ],
)
def test_the_table_is_guessed_from_the_file_name(name: str, table: Table | None) -> None:
    assert uploads.guess_table(name) is table


def test_the_preview_names_columns_and_counts_every_row() -> None:
    content = b"\xef\xbb\xbfid,job\r\n" + b"".join(b"%d,Job %d\r\n" % (i, i) for i in range(1, 31))
    preview = uploads.preview("jobs.csv", content, Table.JOBS)
    assert preview.rows == 30
    assert preview.header == ["id", "job"]
    assert len(preview.frame) == uploads.PREVIEW_ROWS
    assert list(preview.frame.columns) == ["id", "job"]


def test_a_row_with_too_many_cells_shows_them_all() -> None:
    preview = uploads.preview("jobs.csv", b"1,Engineer\r\n2,Analyst,extra\r\n", Table.JOBS)
    assert list(preview.frame.columns) == ["id", "job", "extra 2"]
    assert list(preview.frame["extra 2"]) == ["", "extra"]


def test_a_name_that_says_nothing_is_guessed_from_the_first_row() -> None:
    assert uploads.guess_table("export.csv", b"id,name,datetime,department_id,job_id\r\n") is (
        Table.HIRED_EMPLOYEES
    )
    assert uploads.guess_table("export.csv", b"id,job\r\n1,Engineer\r\n") is Table.JOBS
    assert uploads.guess_table("export.csv", b"1,Ada,2021-01-01T00:00:00Z,1,1\r\n") is (
        Table.HIRED_EMPLOYEES
    )


def test_a_file_with_the_wrong_column_count_does_not_fit_the_table() -> None:
    employees = b"1,Ada,2021-01-01T00:00:00Z,1,1\r\n2,Alan,2021-01-02T00:00:00Z,1,1\r\n"
    preview = uploads.preview("export.csv", employees, Table.DEPARTMENTS)
    said = uploads.mismatch(preview, Table.DEPARTMENTS)
    assert said is not None
    assert "have 5 columns" in said and "departments has 2: id, department" in said
    fitting = uploads.preview("export.csv", employees, Table.HIRED_EMPLOYEES)
    assert uploads.mismatch(fitting, Table.HIRED_EMPLOYEES) is None


def test_a_header_with_too_few_columns_does_not_fit() -> None:
    preview = uploads.preview("e.csv", b"id,name\r\n1,Ada\r\n", Table.HIRED_EMPLOYEES)
    said = uploads.mismatch(preview, Table.HIRED_EMPLOYEES)
    assert said is not None and "The header has 2 columns (id, name)" in said


def test_a_header_naming_unknown_columns_is_refused_without_a_path() -> None:
    with pytest.raises(CsvFormatError) as refused:
        uploads.preview("jobs.csv", b"id,title\r\n1,Engineer\r\n", Table.JOBS)
    said = uploads.read_problem(refused.value)
    assert "'title'" in said and "id, job" in said
    assert "hrgraph-upload" not in said and "/" not in said.replace("CSV/", "")


def test_the_check_before_sending_counts_problems_by_reason_with_their_first_line() -> None:
    content = (
        b"1,Ada,2021-01-01T00:00:00Z,1,1\r\n"
        b"1,Ada again,2021-01-01T00:00:00Z,1,1\r\n"
        b"x,,,,\r\n"
        b'4,"Grace,2021,1,1\r\n'
        b"5,Alan,,7,1\r\n"
    )
    known = {"department_id": {1}, "job_id": {1}}
    check = uploads.preview("e.csv", content, Table.HIRED_EMPLOYEES, known).check
    assert dict(check.counts) == {
        ("DUPLICATE_IN_BATCH", "id"): 1,
        ("INVALID", "id"): 1,
        ("INVALID", "name"): 1,
        ("INVALID", "datetime"): 2,
        ("INVALID", "line"): 1,
        ("UNKNOWN_REFERENCE", "department_id"): 1,
    }
    assert check.first_line[("INVALID", "datetime")] == 3
    assert check.undated == 2
    frame = uploads.check_frame(check)
    assert list(frame.columns) == ["reason", "field", "rows", "first line", "what it means"]


def test_rejects_of_any_width_read_as_one_table_and_group_by_reason() -> None:
    rejected = (
        b"line,reason,field,message,id,name,datetime,department_id,job_id\r\n"
        b'3,INVALID,line,a quote opens,"4,""Grace"\r\n'
        b"4,INVALID,cells,row has 7 cells,5,B,2021,1,1,x,y\r\n"
        b"5,UNKNOWN_REFERENCE,departmentId,departmentId 9 does not exist,6,C,2021,9,1\r\n"
    )
    frame = uploads.rejected_frame(rejected)
    assert list(frame.columns[-2:]) == ["extra 5", "extra 6"]
    assert list(frame["line"]) == ["3", "4", "5"]
    groups = uploads.reject_groups(frame)
    assert [(g.reason, g.field, g.rows) for g in groups.itertuples()] == [
        ("INVALID", "line", 1),
        ("INVALID", "cells", 1),
        ("UNKNOWN_REFERENCE", "departmentId", 1),
    ]
    assert list(uploads.in_group(frame, "INVALID · cells")["line"]) == ["4"]
    resend = uploads.as_csv(uploads.in_group(frame, "INVALID · cells")[["id", "name", "extra 5"]])
    assert resend == b"id,name\r\n5,B\r\n"
