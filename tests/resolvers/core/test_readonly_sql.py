"""runSql's core: the malicious corpus against a loaded warehouse leaves every table as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.errors import ValidationError
from resolvers.core.readonly_sql import run_sql
from resolvers.core.tables import Table
from tests.resolvers.core.questions.question_set import generate
from tests.resolvers.core.test_sql_guard import MALICIOUS


def checksums(warehouse: DuckDBWarehouse) -> dict[str, tuple[int, int]]:
    """Row count and an order-independent hash of every row, per table (read directly)."""
    return {
        table.value: warehouse.connection.execute(
            f"SELECT COUNT(*), COALESCE(SUM(hash(t)), 0) FROM {table.value} AS t"
        ).fetchone()  # type: ignore[misc]
        for table in Table
    }


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> DuckDBWarehouse:
    warehouse = DuckDBWarehouse(
        Path(tmp_path_factory.mktemp("sql")) / "s.duckdb", query_timeout_seconds=2.0
    )
    generate(warehouse, employees_count=600)
    return warehouse


def test_the_malicious_corpus_is_refused_and_every_table_is_unchanged(
    loaded: DuckDBWarehouse,
) -> None:
    before = checksums(loaded)
    assert all(count > 0 for count, _ in before.values())
    for sql, _ in MALICIOUS:
        with pytest.raises(ValidationError):
            run_sql(loaded, sql, 1000)
    assert checksums(loaded) == before


def test_a_result_over_the_cap_is_cut_and_marked_truncated(loaded: DuckDBWarehouse) -> None:
    result = run_sql(loaded, "SELECT id FROM hired_employees ORDER BY id", 100)
    assert len(result.rows) == 100
    assert result.truncated
    assert result.rows[-1] == [100]


def test_a_result_within_the_cap_is_whole(loaded: DuckDBWarehouse) -> None:
    result = run_sql(loaded, "SELECT id, department FROM departments", 1000)
    assert result.columns == ["id", "department"]
    assert len(result.rows) == loaded.count(Table.DEPARTMENTS)
    assert not result.truncated
    assert result.sql == "SELECT id, department FROM departments LIMIT 1001"
