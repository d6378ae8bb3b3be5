"""The analyst sets: gold SQL that runs, no question asked twice, every kind covered.

No engine is run here: these tests check the sets themselves (and that the
scorer takes them), so they can be trusted before any engine is measured on
them. The bars an engine must reach are wired where the engine is tested.
"""

from __future__ import annotations

from collections import Counter

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.ports import Answer
from tests.resolvers.core.questions import (
    analyst_set,
    analyst_set_2,
    analyst_set_3,
    analyst_set_4,
    analyst_set_5,
    analyst_set_6,
    analyst_traps,
    heldout_set,
    question_set,
    scoring,
    trap_set,
)
from tests.resolvers.core.questions.gold import Case
from tests.resolvers.core.questions.test_sets import Oracle, Refuser, check_gold_answer, plain

ANALYST_SHAPES = {
    "vocabulary", "lookup", "dates", "family", "arithmetic", "condition", "rank_within", "order",
    "seed", "plain",
}  # fmt: skip
TRAP_SHAPES = {
    "negated_lookup", "family_exclusion", "one_sided_filter", "lookalike_word", "open_period",
    "impossible",
}  # fmt: skip

ALL_CASES = [("analyst", c) for c in analyst_set.CASES] + [
    ("analyst-traps", c) for c in analyst_traps.CASES
]


# -- the sets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "case"), ALL_CASES, ids=lambda v: getattr(v, "question", v))
def test_every_gold_answer_runs_and_is_empty_only_where_marked(
    warehouse: DuckDBWarehouse, name: str, case: Case
) -> None:
    check_gold_answer(warehouse, name, case)


def test_the_sets_are_big_enough_and_half_the_analyst_set_is_in_everyday_words() -> None:
    assert len(analyst_set.CASES) >= 160
    assert len(analyst_traps.CASES) >= 45
    assert 2 * sum(case.everyday for case in analyst_set.CASES) >= len(analyst_set.CASES)


def test_every_kind_is_covered_by_a_dozen_analyst_questions_and_a_handful_of_traps() -> None:
    analyst = Counter(c.shape for c in analyst_set.CASES)
    traps = Counter(c.shape for c in analyst_traps.CASES)
    assert set(analyst) == ANALYST_SHAPES
    assert set(traps) == TRAP_SHAPES
    assert min(analyst.values()) >= 12, analyst
    assert min(traps.values()) >= 6, traps


def test_no_question_is_asked_twice_here_or_in_the_other_sets() -> None:
    others = [c.question for c in question_set.CASES] + [q for q in question_set.REFUSED if q]
    others += [c.question for c in heldout_set.CASES + trap_set.CASES]
    new = [plain(c.question) for _, c in ALL_CASES]
    assert [q for q, n in Counter(new).items() if n > 1] == []
    assert set(new) & {plain(q) for q in others} == set()


def test_the_seed_reports_are_asked_in_everyday_words_with_their_order() -> None:
    seeds = [c for c in analyst_set.CASES if c.shape == "seed"]
    assert len({c.sql for c in seeds}) == 2  # the two standard reports, each in many wordings
    assert all(c.ordered and c.key for c in seeds)
    assert sum(c.everyday for c in seeds) >= len(seeds) - 2


def test_a_question_about_data_the_tables_lack_passes_only_when_refused(
    warehouse: DuckDBWarehouse,
) -> None:
    impossible = [c for c in analyst_traps.CASES if c.shape == "impossible"]
    for case in impossible:
        expected = scoring.gold_rows(warehouse, case)
        assert not scoring.matches([], expected[0])  # "nobody" is not an answer
        assert not scoring.matches([(0,)], expected[0])


# -- the scorer takes them -------------------------------------------------------------------


class _Nothing:
    """Answers every question with no rows: never right where the gold has rows."""

    def answer(self, question: str) -> Answer:
        return Answer(question, "OFFLINE", "SELECT 1 WHERE FALSE", ["n"], [])


def test_the_scorer_reports_the_analyst_sets_by_name(warehouse: DuckDBWarehouse) -> None:
    analysts = [
        analyst_set.CASES, analyst_traps.CASES, analyst_set_2.CASES, analyst_set_2.TRAPS,
        analyst_set_3.CASES, analyst_set_3.TRAPS, analyst_set_4.CASES, analyst_set_4.TRAPS,
        analyst_set_5.CASES, analyst_set_5.TRAPS, analyst_set_6.CASES, analyst_set_6.TRAPS,
    ]  # fmt: skip
    cases = heldout_set.CASES + trap_set.CASES + [c for cases in analysts for c in cases]
    results = scoring.score_sets(Oracle(warehouse, cases), warehouse, analyst=True)
    names = list(scoring.ANALYST_SETS)
    assert list(results) == ["held-out", "trap", *names]
    assert [(r.right, r.wrong, r.refused) for r in results.values()][2:] == [
        (len(cases), 0, 0) for cases in analysts
    ], "".join(results[name].report() for name in names)


def test_refusing_every_trap_is_never_wrong_and_answering_nothing_always_is(
    warehouse: DuckDBWarehouse,
) -> None:
    refused = scoring.score(Refuser(), warehouse, analyst_traps.CASES, "analyst-traps")
    assert (refused.refused, refused.wrong) == (len(analyst_traps.CASES), 0)
    nothing = scoring.score(_Nothing(), warehouse, analyst_traps.CASES, "analyst-traps")
    assert (nothing.right, nothing.wrong) == (0, len(analyst_traps.CASES))
