"""hrgraph import against the live local server: upload, job, progress, rejects file."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from client.cli import app
from resolvers.core.tables import Table
from tests.conftest import LiveServer

runner = CliRunner()
HISTORIC = Path(__file__).parents[1] / "data" / "historic"
ORDER = (Table.DEPARTMENTS, Table.JOBS, Table.HIRED_EMPLOYEES)


def hrgraph(server: LiveServer, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--url", server.url])
    return result.exit_code, result.output


def _copy(folder: Path) -> dict[Table, Path]:
    folder.mkdir()
    return {t: Path(shutil.copy(HISTORIC / f"{t.value}.csv", folder)) for t in ORDER}


def _tables(server: LiveServer) -> dict[Table, list[tuple[Any, ...]]]:
    db = server.services.warehouse.connection  # type: ignore[attr-defined]
    return {t: db.execute(f"SELECT * FROM {t.value} ORDER BY id").fetchall() for t in ORDER}


def _rejects(path: Path) -> list[list[str]]:
    """The rejects file's rows by line (a load writes the rows it refuses itself before the
    server's verdicts on the same batch; an import writes them in line order)."""
    with path.open(encoding="utf-8", newline="") as stream:
        return sorted(list(csv.reader(stream))[1:], key=lambda row: int(row[0]))


def _clear(server: LiveServer) -> None:
    db = server.services.warehouse.connection  # type: ignore[attr-defined]
    for table in reversed(ORDER):
        db.execute(f"DELETE FROM {table.value}")


def test_the_historic_files_import_as_they_load(live_server: LiveServer, tmp_path: Path) -> None:
    # GIVEN the historic files loaded in batches, undated rows dated now
    loaded = _copy(tmp_path / "loaded")
    for table in ORDER:
        code, output = hrgraph(
            live_server, "load", table.value, str(loaded[table]), "--missing-datetime", "now"
        )
        assert code == 0, output
    by_load = _tables(live_server)
    _clear(live_server)

    # WHEN the same files are imported, dating rows without a datetime now too
    imported = _copy(tmp_path / "imported")
    for table in ORDER:
        code, output = hrgraph(
            live_server,
            "import",
            str(imported[table]),
            "--table",
            table.value,
            "--missing-datetime",
            "now",
        )
        assert code == 0, output

    # THEN the tables hold the same rows (but the moment "now" stood for) ...
    by_import = _tables(live_server)
    assert by_import[Table.DEPARTMENTS] == by_load[Table.DEPARTMENTS]
    assert by_import[Table.JOBS] == by_load[Table.JOBS]
    assert _without_now(by_import) == _without_now(by_load)
    # ... and the rejects files name the same lines, reasons, fields, messages and cells
    name = "hired_employees.rejected.csv"
    assert _rejects(imported[Table.HIRED_EMPLOYEES].with_name(name)) == _rejects(
        loaded[Table.HIRED_EMPLOYEES].with_name(name)
    )
    assert "INVALID: 19" in output and "inserted 1,980" in output


def _without_now(tables: dict[Table, list[tuple[Any, ...]]]) -> list[tuple[Any, ...]]:
    """Employees, each dated 'now' by its own load replaced by a marker."""
    return [
        (*row[:2], "now" if row[2].year >= 2026 else row[2], *row[3:])
        for row in tables[Table.HIRED_EMPLOYEES]
    ]


def test_by_default_both_refuse_undated_rows_alike(live_server: LiveServer, tmp_path: Path) -> None:
    # GIVEN the historic files loaded with the defaults (undated rows refused), then imported
    loaded, imported = _copy(tmp_path / "loaded"), _copy(tmp_path / "imported")
    for table in ORDER:
        code, output = hrgraph(live_server, "load", table.value, str(loaded[table]))
        assert code == 0, output
    by_load = _tables(live_server)
    _clear(live_server)
    for table in ORDER:
        code, output = hrgraph(live_server, "import", str(imported[table]), "--table", table.value)
        assert code == 0, output
    # THEN the same rows went in and the same rows were refused, in the same words
    assert _tables(live_server) == by_load
    assert "INVALID: 33" in output  # 19 without a name, 14 without a datetime
    name = "hired_employees.rejected.csv"
    rejects = _rejects(imported[Table.HIRED_EMPLOYEES].with_name(name))
    assert rejects == _rejects(loaded[Table.HIRED_EMPLOYEES].with_name(name))
    assert len([r for r in rejects if r[2] == "datetime"]) == 14


@pytest.mark.parametrize("option", [["--format", "xml"], ["--missing-datetime", "later"]])
def test_a_bad_option_exits_2(live_server: LiveServer, option: list[str]) -> None:
    code, output = hrgraph(
        live_server, "import", str(HISTORIC / "jobs.csv"), "--table", "jobs", *option
    )
    assert code == 2, output


def test_import_shows_upload_then_each_step_then_the_first_rejects(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """What a person sees: bytes uploaded, the job's steps as it reports them (no invented
    percentage), the counts per reason, and the first rejected rows with line and reason."""
    path = tmp_path / "departments.csv"
    path.write_bytes(b"1,Sales\r\n2,\r\n1,Sales again\r\n3,Research\r\n")
    code, output = hrgraph(live_server, "import", str(path), "--table", "departments")
    assert code == 0, output
    assert "✓ Uploaded departments.csv: 0.0 MiB" in output
    steps = [line.split(":")[0].split(" (")[0] for line in output.splitlines() if "✓" in line]
    assert steps[1:] == [
        "✓ File read into a staging table",
        "✓ Every row checked against the row rules",
        "✓ Accepted rows inserted, rejects written",
    ]
    assert "%" not in output
    assert "received 4, inserted 2, rejected 2" in output
    assert "  DUPLICATE_IN_BATCH: 1" in output and "  INVALID: 1" in output
    assert "First 2:" in output
    assert "  line 2: INVALID department:" in output
    assert "  line 3: DUPLICATE_IN_BATCH id:" in output
