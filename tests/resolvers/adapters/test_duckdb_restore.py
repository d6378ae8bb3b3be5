"""The DuckDB restore swap under a kill -9: the table is all old rows or all new, never a mix."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core import ingest
from resolvers.core.tables import Record, Table

ROOT = Path(__file__).resolve().parents[3]

RESTORER = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import UTC, datetime
    from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
    from resolvers.core.tables import Table

    path, kill_at = sys.argv[1], sys.argv[2]
    warehouse = DuckDBWarehouse(path)

    def chunks():
        for chunk in range(20):
            if kill_at == "staging" and chunk == 10:
                os.kill(os.getpid(), signal.SIGKILL)
            yield [
                {"id": 100_000 + chunk * 1000 + i, "name": f"new {i}",
                 "datetime": datetime(2024, 1, 1, tzinfo=UTC),
                 "department_id": None, "job_id": None}
                for i in range(1000)
            ]

    def check(staged):
        if kill_at == "check":
            os.kill(os.getpid(), signal.SIGKILL)

    warehouse.restore_swap(Table.HIRED_EMPLOYEES, chunks(), check)
    warehouse.close()
    """
)


def _old_table(path: Path) -> list[Record]:
    warehouse = DuckDBWarehouse(path)
    rows = [
        {"id": i, "name": f"old {i}", "datetime": "2021-03-04T05:06:07.089Z"}
        for i in range(1, 1001)
    ]
    assert ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, rows).inserted == 1000
    kept = warehouse.page(Table.HIRED_EMPLOYEES, 0, 5000)
    warehouse.close()
    return kept


def _run(path: Path, kill_at: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", RESTORER, str(path), kill_at],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return done.returncode


@pytest.mark.parametrize("kill_at", ["staging", "check"])
def test_a_restore_killed_midway_leaves_the_old_table_intact(tmp_path: Path, kill_at: str) -> None:
    # GIVEN a table of 1,000 old rows in a DuckDB file
    path = tmp_path / "warehouse.duckdb"
    before = _old_table(path)
    # WHEN a restore of 20,000 new rows is killed (-9) while staging, or after staging
    assert _run(path, kill_at) == -signal.SIGKILL
    # THEN the reopened table holds exactly the old rows
    warehouse = DuckDBWarehouse(path)
    assert warehouse.page(Table.HIRED_EMPLOYEES, 0, 50_000) == before
    warehouse.close()


def test_the_same_restore_left_alone_replaces_the_table(tmp_path: Path) -> None:
    path = tmp_path / "warehouse.duckdb"
    _old_table(path)
    assert _run(path, "never") == 0
    warehouse = DuckDBWarehouse(path)
    ids = [r.id for r in warehouse.page(Table.HIRED_EMPLOYEES, 0, 50_000)]
    assert ids == [100_000 + c * 1000 + i for c in range(20) for i in range(1000)]
    warehouse.close()
