"""A file imported in SQL gets, row by row, the verdicts one batch of the same rows gets.

The property (issue 25): for any generated CSV file, each row's verdict
(accepted, or rejected with a reason, a field and a message) equals what
``ingest.insert_batch`` gives the same rows, sent as ``hrgraph load`` sends
them (blank cells left out), in file order, as one batch; and both leave the
table the same. The only wording that differs on purpose: a duplicate names
the line of the first occurrence, not its index. Messages are compared when
the row's cells are printable (sql/imports/py_repr.sql writes other control
characters as they are, where Python's repr escapes them).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core import ingest
from resolvers.core.ports import ImportRequest
from resolvers.core.tables import Table

NOW = datetime(2026, 12, 7, 12, 0, 0, 123456, tzinfo=UTC)
API_NAMES = {"department_id": "departmentId", "job_id": "jobId"}
EMPLOYEE_COLUMNS = ("id", "name", "datetime", "department_id", "job_id")

_SPACES = " \t\x0b\x0c\x1c\x1f\x85\xa0\u2003\u3000"
_ALPHABET = "0123456789-:.,+TZ aé²'\"\\x\t\n\x01\x7f\x9f\xa0\u3000"

ids = st.one_of(
    st.integers(-3, 12).map(str),
    st.sampled_from(["0", "007", "2147483647", "2147483648", "99999999999", "1.5", "x", "٣"]),
    st.tuples(st.sampled_from(_SPACES), st.integers(1, 9)).map(lambda t: f"{t[0]}{t[1]}{t[0]}"),
    st.text(_ALPHABET, max_size=6),
)
names = st.one_of(
    st.sampled_from(["Ann", " Bob ", "O'Neil", 'say "hi"', "both ' and \"", "a\\b", "x" * 256]),
    st.text(_ALPHABET, max_size=12),
    st.just("y" * 255),
)
dates = st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30))
datetimes = st.one_of(
    dates.map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")),
    dates.map(lambda d: d.strftime("%Y-%m-%d")),
    dates.map(lambda d: d.strftime("%Y-%m-%d %H")),
    dates.map(lambda d: d.strftime("%Y-%m-%dT%H:%M")),
    st.tuples(
        dates, st.integers(0, 9_999_999), st.sampled_from(["", "Z", "+05:30", "-0800", "+14"])
    ).map(lambda t: t[0].strftime("%Y-%m-%dT%H:%M:%S") + f".{t[1]}" + t[2]),
    st.sampled_from(
        [
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
            "2021-02-29",
            "2020-02-29",
            "1900-02-29",
            "2000-02-29",
            "2021-13-01",
            "2021-04-31",
            "2021-01-01T24:00",
            "2021-01-01T10:60",
            "2021-01-01T10:30:60",
            "2021-01-01T10:30+24:00",
            "2021-01-01T10+0560",
            "0000-01-01",
            "2021-W01-1",
            "20210101",
            "2021-01-01x10:00",
            " 2021-01-01 ",
            "2021-01-01T",
            "2021-01-01T10:30:15,5",
            "2021-01-01T10:30z",
        ]
    ),
    st.text(_ALPHABET, max_size=12),
)
references = st.one_of(st.sampled_from(["", "1", "2", "3", " 2", "02", "0"]), ids)
employee_rows = st.lists(
    st.tuples(ids, names, st.one_of(st.just(""), datetimes), references, references).map(list),
    min_size=1,
    max_size=25,
)


def _api_row(cells: Sequence[str]) -> dict[str, Any]:
    """As client/csvfile.api_row sends a CSV row: API field names, blank cells left out."""
    return {
        API_NAMES.get(column, column): cell
        for column, cell in zip(EMPLOYEE_COLUMNS, cells, strict=True)
        if cell.strip()
    }


def _seeded() -> DuckDBWarehouse:
    warehouse = DuckDBWarehouse(":memory:")
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": "1", "department": "Sales"}])
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": "2", "job": "Dev"}])
    ingest.insert_batch(
        warehouse,
        Table.HIRED_EMPLOYEES,
        [{"id": "5", "name": "Old", "datetime": "2020-01-01T00:00:00Z"}],
    )
    return warehouse


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\r\n").writerows(rows)


def _printable(cells: Sequence[str]) -> bool:
    return all(c.isprintable() or c in "\t\n\r" for cell in cells for c in cell)


def _rows_sent(rows: list[list[str]]) -> list[list[str]]:
    """``hrgraph load`` skips a row whose every cell is blank; so does the import."""
    return [row for row in rows if any(cell.strip() for cell in row)]


def _batch_verdicts(rows: list[list[str]]) -> tuple[list[tuple[str, str | None, str] | None], Any]:
    warehouse = _seeded()
    report = ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [_api_row(r) for r in rows], NOW)
    verdicts: list[tuple[str, str | None, str] | None] = [None] * len(rows)
    for rejection in report.rejected:
        message = re.sub(
            r"already appears at index (\d+)",
            lambda m: f"already appears at line {int(m.group(1)) + 1}",
            rejection.message,
        )
        verdicts[rejection.index] = (rejection.reason.value, rejection.field, message)
    return verdicts, _table(warehouse)


def _import_verdicts(
    path: Path, rows: list[list[str]]
) -> tuple[list[tuple[str, str | None, str] | None], Any, dict[int, list[str]]]:
    warehouse = _seeded()
    rejects = path.with_name("rows.rejected.csv")
    request = ImportRequest(
        Table.HIRED_EMPLOYEES, str(path), "CSV", str(rejects), NOW, missing_datetime="NOW"
    )
    outcome = warehouse.import_file(request, lambda share, done: None)
    assert outcome.received == len(rows)
    verdicts: list[tuple[str, str | None, str] | None] = [None] * len(rows)
    cells: dict[int, list[str]] = {}
    if outcome.rejects_location:
        with rejects.open(encoding="utf-8", newline="") as stream:
            for record in csv.DictReader(stream):
                index = int(record["line"]) - 1
                verdicts[index] = (record["reason"], record["field"] or None, record["message"])
                cells[index] = [record[column] for column in EMPLOYEE_COLUMNS]
    return verdicts, _table(warehouse), cells


def _table(warehouse: DuckDBWarehouse) -> list[tuple[Any, ...]]:
    return warehouse.connection.execute("SELECT * FROM hired_employees ORDER BY id").fetchall()


def _compare(rows: list[list[str]], tmp_path: Path) -> None:
    sent = _rows_sent(rows)
    path = tmp_path / "rows.csv"
    _write_csv(path, sent)
    expected, expected_table = _batch_verdicts(sent) if sent else ([], None)
    if not sent:
        return
    got, got_table, got_cells = _import_verdicts(path, sent)
    for index, (want, have) in enumerate(zip(expected, got, strict=True)):
        if want is not None and have is not None and not _printable(sent[index]):
            want, have = want[:2], have[:2]  # type: ignore[assignment]
        assert have == want, f"row {index} {sent[index]!r}"
    assert got_table == expected_table
    # The rejects file gives each refused row's cells as the file has them, whichever way
    # the import judged the row.
    for index, row_cells in got_cells.items():
        assert row_cells == sent[index], f"row {index}"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=employee_rows)
def test_each_row_of_a_file_gets_the_verdict_a_batch_gives_it(
    rows: list[list[str]], tmp_path: Path
) -> None:
    _compare(rows, tmp_path)


@pytest.mark.parametrize(
    "row",
    [
        ["1", "Ann", "2021-01-01T00:00:00Z", "1", "2"],
        ["5", "Again", "2021-01-01", "", ""],
        ["6", "Nobody", "2021-01-01", "7", ""],
        ["7", "\tTab", "2021-01-01", "", ""],
        ["x8", "Bad id", "2021-01-01", "", ""],
        ["9", "Late", "2021-01-01T00:30+01:00", "", "9"],
        ["10", "Early", "0001-01-01T00:30+01:00", "", ""],
        ["11", " Spaced ", " 2021-06-01T10:00:00.98765+05:30 ", " 1 ", "0002"],
    ],
)
def test_examples_of_each_rule(row: list[str], tmp_path: Path) -> None:
    _compare([row, ["1", "Dup", "2021-01-01", "", ""]], tmp_path)


def test_rows_refused_after_the_fast_rules_keep_their_cells_as_written(tmp_path: Path) -> None:
    # GIVEN rows that pass every rule on their own (the fast path) but are refused for the
    # table (already there, unknown department) or as a later duplicate, on days 29 to 31
    rows = [
        ["5", "Again", "2021-03-31T23:59:59Z", "1", ""],
        ["12", "Nobody", "2021-12-30T10:00:00Z", "7", "2"],
        ["13", "First", "2021-01-29T00:00:00Z", "", "2"],
        ["13", "Second", "0999-04-30T08:00:00Z", "1", "2"],
    ]
    # THEN each gets the batch's verdict and the rejects file gives its cells as written
    _compare(rows, tmp_path)


def test_a_rule_swapped_in_sql_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The property has teeth: a name rule loosened in the SQL (256 characters) fails it."""
    from resolvers.core import sql_files

    original = sql_files.raw

    def loosened(name: str) -> str:
        text = original(name)
        return text.replace("> 255", "> 256") if name == "imports/name_problem" else text

    monkeypatch.setattr(sql_files, "raw", loosened)
    monkeypatch.setattr("resolvers.adapters.sqltext.raw", loosened)
    with pytest.raises(AssertionError):
        _compare([["3", "z" * 256, "2021-01-01", "", ""]], tmp_path)


def test_departments_get_the_verdicts_a_batch_gives(tmp_path: Path) -> None:
    rows = [["2", "Ops"], ["1", "Again"], ["0", "Zero"], ["3", ""], ["2", "Twice"], [" 4 ", "\tx"]]
    path = tmp_path / "departments.csv"
    _write_csv(path, rows)
    batch = _seeded()
    report = ingest.insert_batch(
        batch,
        Table.DEPARTMENTS,
        [{"id": r[0], "department": r[1]} for r in rows if r[1]] + [{"id": "3"}],
    )
    expected = sorted((r.reason.value, r.field) for r in report.rejected)
    warehouse = _seeded()
    rejects = tmp_path / "departments.rejected.csv"
    outcome = warehouse.import_file(
        ImportRequest(Table.DEPARTMENTS, str(path), "CSV", str(rejects), NOW),
        lambda share, done: None,
    )
    with rejects.open(encoding="utf-8", newline="") as stream:
        got = sorted((r["reason"], r["field"] or None) for r in csv.DictReader(stream))
    assert got == expected
    assert outcome.inserted == report.inserted == 1
    assert outcome.rejected == {"ALREADY_EXISTS": 1, "DUPLICATE_IN_BATCH": 1, "INVALID": 3}


def test_a_parquet_file_gets_the_verdicts_its_csv_gets(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        ["1", "Ann", "2021-01-01T00:00:00Z", "1", "2"],
        ["5", "Again", "2021-01-01", "", ""],
        ["x", "Bad", "2021-01-01", "", ""],
        ["6", "Nobody", "2021-01-01", "7", ""],
    ]
    csv_path = tmp_path / "rows.csv"
    _write_csv(csv_path, rows)
    (tmp_path / "p").mkdir()
    parquet_path = tmp_path / "p" / "rows.parquet"
    columns = {name: [row[i] or None for row in rows] for i, name in enumerate(EMPLOYEE_COLUMNS)}
    pq.write_table(pa.table(columns), parquet_path)
    outcomes = []
    for path, kind in ((csv_path, "CSV"), (parquet_path, "PARQUET")):
        warehouse = _seeded()
        request = ImportRequest(
            Table.HIRED_EMPLOYEES,
            str(path),
            kind,  # type: ignore[arg-type]
            str(path.with_suffix(".rejected.csv")),
            NOW,
        )
        outcomes.append((warehouse.import_file(request, lambda s, r: None), _table(warehouse)))
    (from_csv, csv_table), (from_parquet, parquet_table) = outcomes
    assert (
        from_parquet.rejected
        == from_csv.rejected
        == {
            "ALREADY_EXISTS": 1,
            "INVALID": 1,
            "UNKNOWN_REFERENCE": 1,
        }
    )
    assert parquet_table == csv_table
    assert (tmp_path / "p" / "rows.rejected.csv").read_text() == (
        tmp_path / "rows.rejected.csv"
    ).read_text()
