"""The table is guessed from the file's name; the preview reads the file as the loader will."""

from __future__ import annotations

import pytest

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
