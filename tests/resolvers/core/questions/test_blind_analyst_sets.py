"""Hygiene of the blind analyst sets (the second to the sixth), checked without any engine.

A set is only worth something if its gold is sound: every gold SQL must run
on ``gold.load``'s data, every question must be counted under a known shape,
no question may appear twice, at least half must be in everyday words, and no
development question may copy one of them (the engine is tuned on those).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from tests.resolvers.core.questions import (
    analyst_set,
    analyst_set_2,
    analyst_set_3,
    analyst_set_4,
    analyst_set_5,
    analyst_set_6,
    analyst_traps,
    gold,
    heldout_set,
    question_set,
    trap_set,
)
from tests.resolvers.core.questions.gold import Case
from tests.resolvers.core.questions.test_sets import plain

SETS = {
    "analyst-2": analyst_set_2,
    "analyst-3": analyst_set_3,
    "analyst-4": analyst_set_4,
    "analyst-5": analyst_set_5,
    "analyst-6": analyst_set_6,
}
SHAPES = set(analyst_set_2.SHAPES)
"""The ten kinds of issue 20, the same in every blind set (the third set's traps use them too)."""

EVERY = [(name, case) for name, module in SETS.items() for case in module.CASES + module.TRAPS]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBWarehouse]:
    path: Path = tmp_path_factory.mktemp("blind") / "gold.duckdb"
    built = DuckDBWarehouse(path)
    gold.load(built)
    yield built
    built.close()


@pytest.mark.parametrize("module", SETS.values(), ids=list(SETS))
def test_sizes_shapes_and_voice_are_within_the_brief(module: ModuleType) -> None:
    cases: list[Case] = module.CASES
    traps: list[Case] = module.TRAPS
    assert len(cases) >= 110 and len(traps) >= 30
    assert {case.shape for case in cases} == SHAPES, "every kind is asked"
    assert {case.shape for case in traps} <= SHAPES
    for asked in (cases, traps):
        assert 2 * sum(case.everyday for case in asked) >= len(asked), "half in everyday words"


@pytest.mark.parametrize("module", SETS.values(), ids=list(SETS))
def test_questions_are_unique(module: ModuleType) -> None:
    questions = [case.question.strip().lower() for case in module.CASES + module.TRAPS]
    assert len(questions) == len(set(questions))


@pytest.mark.parametrize("module", SETS.values(), ids=list(SETS))
def test_no_development_question_copies_one_of_these(module: ModuleType) -> None:
    """The engine is tuned on the development set: a copy there would score the tuning. The
    count alone is shown, never the questions, so a failure leaks nothing to the reader."""
    development = {plain(c.question) for c in question_set.CASES}
    development |= {plain(q) for q in question_set.REFUSED if q}
    copies = sum(plain(case.question) in development for case in module.CASES + module.TRAPS)
    assert copies == 0, f"{copies} development question(s) copy this held-out set: reword them"


@pytest.mark.parametrize(
    "later",
    [analyst_set_3, analyst_set_4, analyst_set_5, analyst_set_6],
    ids=["analyst-3", "analyst-4", "analyst-5", "analyst-6"],
)
def test_a_later_set_repeats_no_question_of_an_earlier_one(later: ModuleType) -> None:
    """A question scored in an earlier set (and perhaps steered by its misses) measures
    nothing new; the count alone is shown. (The second set repeats one of the first set's
    traps, up to punctuation; it was scored so and stays as it was.)"""
    earlier = heldout_set.CASES + trap_set.CASES + analyst_set.CASES + analyst_traps.CASES
    for module in (analyst_set_2, analyst_set_3, analyst_set_4, analyst_set_5, analyst_set_6):
        if module is later:
            break
        earlier += module.CASES + module.TRAPS
    seen = {plain(case.question) for case in earlier}
    repeats = sum(plain(case.question) in seen for case in later.CASES + later.TRAPS)
    assert repeats == 0, f"{repeats} question(s) of this set repeat an earlier set"


@pytest.mark.parametrize(("name", "case"), EVERY, ids=lambda v: getattr(v, "question", v)[:40])
def test_gold_runs_and_is_as_declared(warehouse: DuckDBWarehouse, name: str, case: Case) -> None:
    """Every gold SQL (and accepted encoding) runs; rows exist unless the case says empty;
    and every accepted encoding agrees with the gold on whether anybody matches ("nobody"
    may come as no rows or as a count of 0)."""
    gold_rows = warehouse.connection.execute(case.sql).fetchall()
    assert (not gold_rows) == case.empty, f"{name}: {case.sql}"
    nobody = not gold_rows or gold_rows == [(0,)]
    for sql in case.also:
        rows = warehouse.connection.execute(sql).fetchall()
        assert (not rows or rows == [(0,)]) == nobody, f"{name}: {sql}"
    if case.ordered:
        assert case.key == () or max(case.key) < len(
            warehouse.connection.execute(case.sql).fetchall()[0]
        )
