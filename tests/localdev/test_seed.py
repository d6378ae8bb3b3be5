"""`hrgraph-local seed`: tables from resolvers/sql/ DDL, demo data only into an empty database,
never while the database is locked."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from typer.testing import CliRunner

from client import demo_data
from hrgraph_contract.settings import Settings
from localdev.cli import app
from localdev.seed import seed
from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.tables import Table
from tests.client import expected

runner = CliRunner()


def test_an_empty_database_is_created_and_seeded_once(settings: Settings, tmp_path: Path) -> None:
    first = seed(settings, employee_count=3000, seed_value=5)
    assert first.was_empty
    # What the rules say of the same rows, written out and judged independently.
    files = demo_data.write_dataset(tmp_path / "same", 3000, seed=5)
    verdicts = expected.employee_verdicts(
        expected.read(files.hired_employees),
        {r[0] for r in demo_data.departments()},
        {r[0] for r in demo_data.jobs()},
        1000,
    )
    seeded = {s.table: s for s in first.seeded}
    assert seeded[Table.HIRED_EMPLOYEES].inserted == len(verdicts.inserted)
    assert dict(seeded[Table.HIRED_EMPLOYEES].rejected) == dict(verdicts.reasons)

    second = seed(settings, employee_count=3000, seed_value=6)
    assert not second.was_empty and second.seeded == []
    warehouse = DuckDBWarehouse(settings.database_path)
    try:
        assert warehouse.count(Table.DEPARTMENTS) == len(demo_data.departments())
        assert warehouse.count(Table.JOBS) == len(demo_data.jobs())
        assert warehouse.count(Table.HIRED_EMPLOYEES) == len(verdicts.inserted)
    finally:
        warehouse.close()


def test_the_seed_command_reports_what_it_did(settings: Settings) -> None:
    env = {"HRGRAPH_DATA_DIR": str(settings.data_dir)}
    result = runner.invoke(app, ["seed", "--employees", "100"], env=env)
    assert result.exit_code == 0, result.output
    assert "departments: 12 of 12 rows" in result.output
    again = runner.invoke(app, ["seed"], env=env)
    assert again.exit_code == 0
    assert "already holds data" in again.output


def test_seeding_a_database_a_server_holds_fails_clearly(settings: Settings) -> None:
    path = settings.database_path
    path.parent.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import duckdb, sys, time
                connection = duckdb.connect({str(path)!r})
                print("holding", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        result = runner.invoke(app, ["seed"], env={"HRGRAPH_DATA_DIR": str(settings.data_dir)})
    finally:
        holder.communicate("", timeout=30)
    assert result.exit_code == 1
    assert "in use by another process" in result.output
    assert "Traceback" not in result.output
