"""An offline engine on the development set's generated data, for the tests of its words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions import gold
from tests.resolvers.core.questions.question_set import generate


@pytest.fixture(scope="module")
def words_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBWarehouse]:
    warehouse = DuckDBWarehouse(Path(tmp_path_factory.mktemp("words")) / "w.duckdb")
    generate(warehouse)
    yield warehouse
    warehouse.close()


@pytest.fixture(scope="module")
def words_engine(words_warehouse: DuckDBWarehouse) -> OfflineEngine:
    return OfflineEngine(words_warehouse, 1000, clock=lambda: gold.TODAY)
