"""Hygiene of the second analyst set, checked without any engine.

The set is only worth something if its gold is sound: every gold SQL must run
on ``gold.load``'s data, every question must be counted under a known shape,
no question may appear twice, and at least half must be in everyday words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from tests.resolvers.core.questions import analyst_set_2, gold, question_set
from tests.resolvers.core.questions.gold import Case
from tests.resolvers.core.questions.test_sets import plain

ALL = analyst_set_2.CASES + analyst_set_2.TRAPS


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBWarehouse]:
    path: Path = tmp_path_factory.mktemp("analyst2") / "gold.duckdb"
    built = DuckDBWarehouse(path)
    gold.load(built)
    yield built
    built.close()


def test_sizes_are_within_the_brief() -> None:
    assert 110 <= len(analyst_set_2.CASES) <= 140
    assert 30 <= len(analyst_set_2.TRAPS) <= 40


def test_shapes_are_known() -> None:
    assert {case.shape for case in ALL} <= set(analyst_set_2.SHAPES)
    assert {case.shape for case in analyst_set_2.CASES} == set(analyst_set_2.SHAPES)


def test_questions_are_unique() -> None:
    questions = [case.question.strip().lower() for case in ALL]
    assert len(questions) == len(set(questions))


def test_no_development_question_copies_one_of_these() -> None:
    """The engine is tuned on the development set: a copy there would score the tuning. The
    count alone is shown, never the questions, so a failure leaks nothing to the reader."""
    development = {plain(c.question) for c in question_set.CASES}
    development |= {plain(q) for q in question_set.REFUSED if q}
    copies = sum(plain(case.question) in development for case in ALL)
    assert copies == 0, f"{copies} development question(s) copy this held-out set: reword them"


def test_at_least_half_are_everyday() -> None:
    for cases in (analyst_set_2.CASES, analyst_set_2.TRAPS):
        assert 2 * sum(case.everyday for case in cases) >= len(cases)


@pytest.mark.parametrize("case", ALL, ids=lambda case: case.question[:40])
def test_gold_runs_and_is_as_declared(warehouse: DuckDBWarehouse, case: Case) -> None:
    """Every gold SQL (and accepted encoding) runs; rows exist unless the case says empty."""
    for sql in (case.sql, *case.also):
        rows = warehouse.connection.execute(sql).fetchall()
        assert bool(rows) != case.empty, sql
    if case.ordered:
        assert case.key == () or max(case.key) < len(
            warehouse.connection.execute(case.sql).fetchall()[0]
        )
