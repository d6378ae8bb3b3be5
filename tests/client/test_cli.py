"""The hrgraph command end to end: against the live server, with its exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from client.cli import app
from client.demo_data import write_dataset
from client.models import Table
from tests.client import expected
from tests.conftest import LiveServer, free_port

runner = CliRunner()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    files = write_dataset(tmp_path / "demo", 2500, seed=4, fault_rate=0.03)
    return files.departments.parent


def load(server: LiveServer, table: str, path: Path, *extra: str) -> str:
    result = runner.invoke(app, ["load", table, str(path), "--url", server.url, *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_load_prints_a_summary_and_writes_the_rejected_rows(
    live_server: LiveServer, dataset: Path
) -> None:
    assert "inserted 12" in load(live_server, "departments", dataset / "departments.csv")
    load(live_server, "jobs", dataset / "jobs.csv")
    output = load(
        live_server, "hired_employees", dataset / "hired_employees.csv", "--batch-size", "400"
    )
    rows = expected.read(dataset / "hired_employees.csv")
    verdicts = expected.employee_verdicts(
        rows,
        {r[0] for r in expected.read(dataset / "departments.csv")},
        {r[0] for r in expected.read(dataset / "jobs.csv")},
        400,
    )
    assert f"received {len(rows)}, inserted {len(verdicts.inserted)}" in output
    for reason, count in verdicts.reasons.items():
        assert f"{reason}: {count}" in output
    rejected = dataset / "hired_employees.rejected.csv"
    assert str(rejected) in output
    assert len(expected.read(rejected)) == 1 + verdicts.reasons.total()


def test_load_accepts_a_header_lf_and_bom(live_server: LiveServer, tmp_path: Path) -> None:
    path = tmp_path / "departments.csv"
    path.write_bytes(b"\xef\xbb\xbfid,department\n1,Sales\n2,\n")
    output = load(live_server, "departments", path)
    assert "received 2, inserted 1, rejected 1" in output
    assert "INVALID: 1" in output


def test_load_rejects_rows_with_no_hire_date_unless_told_to_date_them_now(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """A historic file's empty datetime is not "hired today" (issue 22, item 1)."""
    path = tmp_path / "hired_employees.csv"
    path.write_text("1,Ada,,,\r\n2,Alan,2021-05-01T09:00:00Z,,\r\n", encoding="utf-8")
    output = load(live_server, "hired_employees", path)
    assert "received 2, inserted 1, rejected 1" in output
    rejected = expected.read(tmp_path / "hired_employees.rejected.csv")
    assert rejected[1][:3] == ["1", "INVALID", "datetime"]
    path.write_text("3,Grace,,,\r\n", encoding="utf-8")
    dated_now = load(live_server, "hired_employees", path, "--missing-datetime", "now")
    assert "received 1, inserted 1" in dated_now


def test_load_and_import_name_the_rule_for_undated_rows_alike(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """One flag, --missing-datetime, in both; load's first spelling still works, and says so."""
    for command in ("load", "import"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert "--missing-datetime" in result.output
        assert "--undated" not in result.output
    path = tmp_path / "hired_employees.csv"
    path.write_text("4,Edsger,,,\r\n", encoding="utf-8")
    old = load(live_server, "hired_employees", path, "--undated", "NOW")
    assert "received 1, inserted 1" in old
    assert "--undated is deprecated" in old


def test_reports_print_tables_and_json(live_server: LiveServer, dataset: Path) -> None:
    for table in Table:
        load(live_server, table.value, dataset / f"{table.value}.csv")
    departments = dict(expected.read(dataset / "departments.csv"))
    jobs = dict(expected.read(dataset / "jobs.csv"))
    stored = expected.employee_verdicts(
        expected.read(dataset / "hired_employees.csv"), set(departments), set(jobs), 1000
    ).inserted

    quarterly = runner.invoke(
        app, ["report", "quarterly", "--year", "2022", "--json", "--url", live_server.url]
    )
    assert quarterly.exit_code == 0, quarterly.output
    got = [tuple(r.values()) for r in json.loads(quarterly.output)]
    assert got == expected.quarterly(stored, departments, jobs, 2022)

    above = runner.invoke(app, ["report", "above-mean", "--year", "2022", "--url", live_server.url])
    assert above.exit_code == 0, above.output
    want, mean = expected.above_mean(stored, departments, 2022)
    assert f"mean {mean:.2f}" in above.output
    for _, name, hired in want:
        assert name in above.output and str(hired) in above.output

    as_json = runner.invoke(
        app, ["report", "above-mean", "--year", "2022", "--json", "--url", live_server.url]
    )
    assert [(r["id"], r["department"], r["hired"]) for r in json.loads(as_json.output)] == want


def test_an_api_error_exits_1_with_its_error_type_and_no_traceback(
    live_server: LiveServer,
) -> None:
    result = runner.invoke(app, ["report", "quarterly", "--year", "1800", "--url", live_server.url])
    assert result.exit_code == 1
    assert "ValidationError" in result.output and "year" in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_server_exits_1_as_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRGRAPH_TOKEN", "a-token")
    url = f"http://127.0.0.1:{free_port()}/graphql"
    result = runner.invoke(app, ["report", "above-mean", "--year", "2021", "--url", url])
    assert result.exit_code == 1
    assert "Unavailable" in result.output


@pytest.mark.parametrize(
    "arguments",
    [
        ["load", "payroll", "x.csv"],
        ["load", "jobs", "does-not-exist.csv"],
        ["load", "jobs", "jobs.csv", "--batch-size", "1001"],
        ["report", "quarterly"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(
    arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "jobs.csv").write_text("1,Clerk\n")
    assert runner.invoke(app, arguments).exit_code == 2


def test_bad_settings_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRGRAPH_LOG_LEVEL", "loud")
    result = runner.invoke(app, ["report", "quarterly", "--year", "2021"])
    assert result.exit_code == 2
    assert "HRGRAPH_LOG_LEVEL" in result.output


def test_demo_data_writes_the_three_files(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["demo-data", "--out", str(tmp_path), "--employees", "50", "--seed", "3"]
    )
    assert result.exit_code == 0, result.output
    assert len(expected.read(tmp_path / "hired_employees.csv")) == 50
    assert len(expected.read(tmp_path / "departments.csv")) == 12


def test_the_installed_command_runs_as_a_subprocess(live_server: LiveServer) -> None:
    command = shutil.which("hrgraph", path=str(Path(sys.executable).parent))
    assert command, "hrgraph is installed with the project (make venv)"
    finished = subprocess.run(
        [command, "report", "quarterly", "--year", "2021", "--json", "--url", live_server.url],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    assert json.loads(finished.stdout) == []
