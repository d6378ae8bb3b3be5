"""A bulk import runs under its own memory limit (HRGRAPH_DUCKDB_IMPORT_MEMORY_LIMIT).

DuckDB's limit is the database's, so the warehouse lowers it while an import runs
and gives the regular one back after, whatever the import's end.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core import ingest
from resolvers.core.errors import Unavailable, ValidationError
from resolvers.core.ports import ImportRequest
from resolvers.core.tables import Table

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _shown(limit: str) -> str:
    """The limit as DuckDB shows it (SET memory_limit = '64MB' reads back as '61.0 MiB')."""
    connection = duckdb.connect(config={"memory_limit": limit})
    row = connection.execute("SELECT current_setting('memory_limit')").fetchone()
    return str(row[0]) if row else ""


def _limit(warehouse: DuckDBWarehouse) -> str:
    row = warehouse.connection.execute("SELECT current_setting('memory_limit')").fetchone()
    return str(row[0]) if row else ""


def _employees_file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(1, rows + 1):
            out.write(f"{i},Employee {i},2021-01-{i % 28 + 1:02d}T10:00:00Z,,\n")
    return path


def _request(source: Path) -> ImportRequest:
    return ImportRequest(
        Table.HIRED_EMPLOYEES, str(source), "CSV", str(source) + ".rejected.csv", NOW
    )


def test_an_import_runs_under_its_own_limit_and_the_warehouse_gets_its_own_back(
    tmp_path: Path,
) -> None:
    # GIVEN a warehouse with a regular limit and a lower one for imports
    warehouse = DuckDBWarehouse(
        tmp_path / "w.duckdb", memory_limit="512MB", import_memory_limit="64MB"
    )
    seen: list[str] = []
    # WHEN a file is imported, and then a file that cannot be read
    outcome = warehouse.import_file(
        _request(_employees_file(tmp_path / "rows.csv", 1_000)),
        lambda share, rows: seen.append(_limit(warehouse)),
    )
    not_parquet = replace(_request(tmp_path / "rows.csv"), file_format="PARQUET")
    with pytest.raises(ValidationError):
        warehouse.import_file(not_parquet, lambda share, rows: None)
    # THEN the import ran under the import's limit, and the regular one is back after both
    assert outcome.inserted == 1_000
    assert seen and set(seen) == {_shown("64MB")}
    assert _limit(warehouse) == _shown("512MB")


def test_a_limit_too_small_for_the_import_says_so_and_changes_nothing(tmp_path: Path) -> None:
    # GIVEN an import limit smaller than DuckDB's CSV reader needs for its buffers
    warehouse = DuckDBWarehouse(tmp_path / "w.duckdb", import_memory_limit="4MB")
    ingest.insert_batch(
        warehouse,
        Table.HIRED_EMPLOYEES,
        [{"id": "1", "name": "Old", "datetime": "2020-01-01T00:00:00Z"}],
    )
    # WHEN a file is imported
    with pytest.raises(Unavailable) as refused:
        warehouse.import_file(
            _request(_employees_file(tmp_path / "rows.csv", 50_000)), lambda share, rows: None
        )
    # THEN the error names the limit, not the file, and the table is as it was
    assert "HRGRAPH_DUCKDB_IMPORT_MEMORY_LIMIT" in str(refused.value)
    assert warehouse.count(Table.HIRED_EMPLOYEES) == 1
