"""CSV files read the same with or without header, LF or CRLF, BOM or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from client.csvfile import CsvFormatError, CsvSource, count_lines
from client.models import Table

ROWS = [
    ["1", "Harold Vogt", "2021-11-07T02:48:42Z", "2", "96"],
    ["2", "Zoë Müller", "", "", "8"],
    ["3", "", "2021-09-01T23:27:38Z", "5", ""],
]
EXPECTED = [
    {
        "id": "1",
        "name": "Harold Vogt",
        "datetime": "2021-11-07T02:48:42Z",
        "departmentId": "2",
        "jobId": "96",
    },
    {"id": "2", "name": "Zoë Müller", "jobId": "8"},
    {"id": "3", "datetime": "2021-09-01T23:27:38Z", "departmentId": "5"},
]


def write(path: Path, lines: list[str], newline: str, bom: bool) -> Path:
    text = newline.join(lines) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("newline", ["\r\n", "\n"], ids=["crlf", "lf"])
@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
@pytest.mark.parametrize("header", [None, "id,name,datetime,department_id,job_id"])
def test_every_layout_reads_to_the_same_rows(
    tmp_path: Path, newline: str, bom: bool, header: str | None
) -> None:
    lines = ([header] if header else []) + [",".join(row) for row in ROWS]
    source = CsvSource(write(tmp_path / "e.csv", lines, newline, bom), Table.HIRED_EMPLOYEES)
    rows = list(source.rows())
    assert [row.api_row() for row in rows] == EXPECTED
    assert [row.index for row in rows] == [0, 1, 2]
    assert [row.line for row in rows] == ([2, 3, 4] if header else [1, 2, 3])
    assert rows[0].cells == ROWS[0]
    assert source.header == (header.split(",") if header else None)


def test_a_header_may_order_and_spell_columns_its_own_way(tmp_path: Path) -> None:
    path = write(tmp_path / "e.csv", ["jobId,ID,Name", "7,10,Ana"], "\n", False)
    [row] = CsvSource(path, Table.HIRED_EMPLOYEES).rows()
    assert row.api_row() == {"jobId": "7", "id": "10", "name": "Ana"}
    assert row.problem is None  # columns the header leaves out are simply absent (null)


def test_a_header_naming_unknown_columns_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", ["id,dept_name", "1,Sales"], "\n", False)
    with pytest.raises(CsvFormatError, match="dept_name"):
        CsvSource(path, Table.DEPARTMENTS)


def test_blank_lines_are_skipped_and_quoted_cells_keep_commas(tmp_path: Path) -> None:
    path = write(tmp_path / "j.csv", ["", '1,"Manager, Sales"', "", "2,Clerk", ""], "\r\n", False)
    rows = list(CsvSource(path, Table.JOBS).rows())
    assert [row.api_row() for row in rows] == [
        {"id": "1", "job": "Manager, Sales"},
        {"id": "2", "job": "Clerk"},
    ]
    assert [row.line for row in rows] == [2, 4]


def test_a_row_with_the_wrong_number_of_cells_names_the_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", ["1,Sales,extra", "2"], "\n", False)
    problems = [row.problem for row in CsvSource(path, Table.DEPARTMENTS).rows()]
    assert problems == ["row has 3 cells, expected 2", "row has 1 cells, expected 2"]


def test_whitespace_only_cells_are_empty_and_stay_absent(tmp_path: Path) -> None:
    """Never an empty string: the API refuses one as a datetime (only absent means now)."""
    path = write(tmp_path / "e.csv", ["1,   ,,,", "2,Ann,  ,3,"], "\n", False)
    rows = CsvSource(path, Table.HIRED_EMPLOYEES).rows()
    assert [row.api_row() for row in rows] == [
        {"id": "1"},
        {"id": "2", "name": "Ann", "departmentId": "3"},
    ]


@pytest.mark.parametrize("last", ["\n", ""], ids=["final-newline", "no-final-newline"])
def test_count_lines_counts_a_last_line_without_newline(tmp_path: Path, last: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a\nb\nc" + last)
    assert count_lines(path) == 3


@pytest.mark.parametrize("delimiter", [";", "\t", "|"])
def test_another_delimiter_and_a_header_in_words_read_as_the_table(
    tmp_path: Path, delimiter: str
) -> None:
    lines = ["Job ID,Job Title", "7,Cartographer", '8,"Tester, senior"']
    text = [line.replace(",", delimiter).replace("Tester" + delimiter, "Tester,") for line in lines]
    source = CsvSource(write(tmp_path / "jobs.csv", text, "\r\n", bom=False), Table.JOBS)
    assert source.header == ["Job ID", "Job Title"]
    assert [row.api_row() for row in source.rows()] == [
        {"id": "7", "job": "Cartographer"},
        {"id": "8", "job": "Tester, senior"},
    ]


def test_a_malformed_line_is_its_own_verdict_and_the_next_lines_read(tmp_path: Path) -> None:
    lines = [
        ",".join(ROWS[0]),
        '4,"Grace Hopper,2021-06-01T09:00:00Z,1,1',
        "5,Ada,,,",
        "6,a\x00b,,,",
    ]
    path = write(tmp_path / "e.csv", lines, "\r\n", bom=False)
    rows = list(CsvSource(path, Table.HIRED_EMPLOYEES).rows())
    assert [(row.line, row.problem) for row in rows] == [
        (1, None),
        (2, "a quote opens and does not close on this line"),
        (3, None),
        (4, "the line holds a NUL character (is it a text file?)"),
    ]
    assert rows[1].cells == ['4,"Grace Hopper,2021-06-01T09:00:00Z,1,1']
    assert rows[2].lacks("datetime") and not rows[0].lacks("datetime")
