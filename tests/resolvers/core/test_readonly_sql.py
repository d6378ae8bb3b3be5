"""runSql's core on every Warehouse adapter: the malicious corpus changes nothing; caps hold."""

from __future__ import annotations

import hashlib

import pytest

from resolvers.core.errors import ValidationError
from resolvers.core.ports import Warehouse
from resolvers.core.readonly_sql import run_sql
from resolvers.core.tables import Table
from tests.resolvers.core.questions.question_set import generate
from tests.resolvers.core.test_sql_guard import MALICIOUS


def checksums(warehouse: Warehouse) -> dict[Table, tuple[int, str]]:
    """Row count and a digest of every row, per table, read through the ordinary page reads."""
    sums = {}
    for table in Table:
        digest, rows, after = hashlib.sha256(), 0, 0
        while page := warehouse.page(table, after, 1000):
            for record in page:
                digest.update(repr(record).encode())
            rows, after = rows + len(page), page[-1].id
        sums[table] = (rows, digest.hexdigest())
    return sums


@pytest.fixture
def loaded(warehouse: Warehouse) -> Warehouse:
    generate(warehouse, employees_count=600)
    return warehouse


def test_the_malicious_corpus_is_refused_and_every_table_is_unchanged(loaded: Warehouse) -> None:
    before = checksums(loaded)
    assert all(rows > 0 for rows, _ in before.values())
    for sql, rule in MALICIOUS:
        with pytest.raises(ValidationError) as caught:
            run_sql(loaded, sql, 1000)
        assert rule in caught.value.rule
    assert checksums(loaded) == before


def test_a_result_over_the_cap_is_cut_and_marked_truncated(loaded: Warehouse) -> None:
    result = run_sql(loaded, "SELECT id FROM hired_employees ORDER BY id", 100)
    assert len(result.rows) == 100
    assert result.truncated
    assert result.rows[-1] == [100]


def test_a_result_within_the_cap_is_whole(loaded: Warehouse) -> None:
    result = run_sql(loaded, "SELECT id, department FROM departments ORDER BY id", 1000)
    assert result.columns == ["id", "department"]
    assert len(result.rows) == loaded.count(Table.DEPARTMENTS)
    assert not result.truncated
    assert result.sql == "SELECT id, department FROM departments ORDER BY id LIMIT 1001"


def test_values_bind_as_parameters_and_come_back_json_ready(loaded: Warehouse) -> None:
    result = run_sql(
        loaded,
        "SELECT e.id, e.datetime, d.department FROM hired_employees AS e "
        "JOIN departments AS d ON d.id = e.department_id "
        "WHERE d.department = :name AND e.datetime >= CAST(:start AS TIMESTAMP) "
        "ORDER BY e.datetime, e.id LIMIT 1",
        1000,
        {"name": "Engineering", "start": "2021-01-01"},
    )
    ((id_, moment, department),) = result.rows
    assert department == "Engineering"
    assert isinstance(id_, int)
    assert isinstance(moment, str) and moment.endswith("Z") and moment >= "2021-01-01"
