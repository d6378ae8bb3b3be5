"""The analyst sets: gold SQL that runs, no question asked twice, every kind covered.

No engine is run here: these tests check the sets themselves (and that the
scorer takes them), so they can be trusted before any engine is measured on
them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from tests.resolvers.core.questions import (
    analyst_set,
    gold,
    heldout_set,
    question_set,
    scoring,
    trap_set,
)
from tests.resolvers.core.questions.gold import Case

ALL_CASES = [("analyst", c) for c in analyst_set.CASES]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DuckDBWarehouse]:
    loaded = DuckDBWarehouse(Path(tmp_path_factory.mktemp("analyst")) / "w.duckdb")
    gold.load(loaded)
    yield loaded
    loaded.close()


def _plain(question: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", question.casefold()).strip()


@pytest.mark.parametrize(("name", "case"), ALL_CASES, ids=lambda v: getattr(v, "question", v))
def test_every_gold_answer_runs_and_is_empty_only_where_marked(
    warehouse: DuckDBWarehouse, name: str, case: Case
) -> None:
    gold_rows, *encodings = scoring.gold_rows(warehouse, case)
    assert bool(gold_rows) != case.empty, f"{name}: {case.question} gave {gold_rows[:3]}"
    width = len(gold_rows[0]) if gold_rows else 0
    assert all(k < width for k in case.key)
    assert not case.key or case.ordered
    for rows in encodings:  # another encoding of the same answer runs and agrees on emptiness
        assert bool(rows) == bool(gold_rows)


def test_no_question_is_asked_twice_here_or_in_the_other_sets() -> None:
    others = [c.question for c in question_set.CASES] + [q for q in question_set.REFUSED if q]
    others += [c.question for c in heldout_set.CASES + trap_set.CASES]
    new = [_plain(c.question) for _, c in ALL_CASES]
    repeated = [q for q, n in Counter(new).items() if n > 1]
    assert not repeated
    assert not set(new) & {_plain(q) for q in others}
