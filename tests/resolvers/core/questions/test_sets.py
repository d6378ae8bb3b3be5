"""The question sets themselves: gold SQL that runs, no overlap, enough questions, a fair scorer.

No engine accuracy is asserted here; the bars (90% held-out, nothing wrong
on the trap set) are wired where the engine is tested.
"""

from __future__ import annotations

import re
from datetime import UTC

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.adapters.sql_common import json_value
from resolvers.core.ports import Answer
from tests.resolvers.core.questions import gold, heldout_set, question_set, scoring, trap_set
from tests.resolvers.core.questions.gold import Case

SEED_QUESTIONS = [
    "Number of employees hired for each job and department in 2021 divided by quarter. "
    "The table must be ordered alphabetically by department and job.",
    "List of ids, name and number of employees hired of each department that hired more "
    "employees than the mean of employees hired in 2021 for all the departments, ordered by "
    "the number of employees hired (descending).",
]

HELD_OUT_SHAPES = {
    "seed", "count", "distinct", "average", "share", "difference", "employees", "names",
    "sets", "missing", "relative", "name", "group", "threshold", "mean", "rank", "compare",
}  # fmt: skip
TRAP_SHAPES = {
    "empty period", "negation", "several periods", "threshold", "rank", "relative", "name",
    "combined",
}  # fmt: skip

ALL_CASES = [("held-out", c) for c in heldout_set.CASES] + [("trap", c) for c in trap_set.CASES]


def plain(question: str) -> str:
    """A question as compared for repeats: case, spacing and punctuation aside."""
    return re.sub(r"[^a-z0-9]+", " ", question.casefold()).strip()


def check_gold_answer(warehouse: DuckDBWarehouse, name: str, case: Case) -> None:
    """A case's gold SQL (and every other encoding of it) runs; empty only where marked."""
    gold_rows, *encodings = scoring.gold_rows(warehouse, case)
    assert bool(gold_rows) != case.empty, f"{name}: {case.question} gave {gold_rows[:3]}"
    width = len(gold_rows[0]) if gold_rows else 0
    assert all(k < width for k in case.key)
    assert not case.key or case.ordered
    for rows in encodings:  # another encoding of the same answer runs and agrees on emptiness
        assert bool(rows) == bool(gold_rows)


# -- the sets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "case"), ALL_CASES, ids=lambda v: getattr(v, "question", v))
def test_every_gold_answer_runs_and_is_empty_only_where_marked(
    warehouse: DuckDBWarehouse, name: str, case: Case
) -> None:
    check_gold_answer(warehouse, name, case)


def test_the_sets_are_big_enough_and_a_third_is_in_everyday_words() -> None:
    assert len(heldout_set.CASES) >= 120
    assert len(trap_set.CASES) >= 40
    assert 3 * sum(case.everyday for case in heldout_set.CASES) >= len(heldout_set.CASES)


def test_no_question_is_asked_twice_across_the_development_held_out_and_trap_sets() -> None:
    development = [c.question for c in question_set.CASES] + [q for q in question_set.REFUSED if q]
    questions = [plain(q) for q in development]
    questions += [plain(c.question) for c in heldout_set.CASES + trap_set.CASES]
    assert len(questions) == len(set(questions))


def test_the_sets_cover_every_shape_the_issue_lists() -> None:
    assert {c.shape for c in heldout_set.CASES} >= HELD_OUT_SHAPES
    assert {c.shape for c in trap_set.CASES} >= TRAP_SHAPES
    assert [c.question for c in heldout_set.CASES if c.shape == "seed"] == SEED_QUESTIONS


def test_the_dataset_holds_what_the_conventions_rely_on(warehouse: DuckDBWarehouse) -> None:
    run = warehouse.connection.execute
    assert run("SELECT COUNT(*) FROM departments WHERE department = 'Support'").fetchone() == (2,)
    names = run("SELECT COUNT(*), COUNT(DISTINCT name) FROM hired_employees").fetchone()
    assert names is not None and names[0] == names[1]  # employee lists compare by name
    hired_2021 = "SELECT COUNT(DISTINCT department_id) FROM hired_employees WHERE year(datetime)="
    every = run("SELECT COUNT(*) FROM departments").fetchone()
    assert run(hired_2021 + "2021").fetchone() == every  # "all the departments" reads one way
    assert run(hired_2021 + "2020").fetchone() == every
    latest = run("SELECT MAX(datetime) FROM hired_employees").fetchone()
    assert latest is not None and latest[0] < gold.TODAY.astimezone(UTC).replace(tzinfo=None)
    assert gold.TODAY.tzinfo is UTC


# -- the scorer -------------------------------------------------------------------------------


def test_rows_match_with_extra_columns_in_any_order_but_not_with_other_rows() -> None:
    expected = [("Sales", 3.0), ("Legal", 1.0)]
    assert scoring.matches([(1.0, "Legal", 7.0), (3.0, "Sales", 2.0)], expected)
    assert not scoring.matches([("Sales", 3.0)], expected)
    assert not scoring.matches([("Sales", 3.0), ("Legal", 2.0)], expected)
    assert not scoring.matches([("Sales",), ("Legal",)], expected)
    assert not scoring.matches([("Sales", 3.0), ("Legal", 1.0), ("Legal", 1.0)], expected)
    assert scoring.matches([], [])


def test_order_is_checked_only_where_asked_and_only_on_its_key() -> None:
    expected = [("R&D", 9.0), ("Sales", 5.0), ("Legal", 5.0)]
    swapped_tie = [("R&D", 9.0), ("Legal", 5.0), ("Sales", 5.0)]
    reversed_rows = list(reversed(expected))
    assert scoring.matches(reversed_rows, expected)
    assert not scoring.matches(reversed_rows, expected, ordered=True, key=(1,))
    assert scoring.matches(swapped_tie, expected, ordered=True, key=(1,))
    assert not scoring.matches(swapped_tie, expected, ordered=True)


class Oracle:
    """Answers with the gold SQL itself, as JSON-ready rows like a real engine returns."""

    def __init__(self, warehouse: DuckDBWarehouse, cases: list[Case]) -> None:
        self._warehouse = warehouse
        self._sql = {c.question: c.sql for c in cases}

    def answer(self, question: str) -> Answer:
        cursor = self._warehouse.connection.execute(self._sql[question])
        rows = [[json_value(v) for v in row] for row in cursor.fetchall()]
        return Answer(
            question, "OFFLINE", self._sql[question], ["x"] * len(cursor.description or []), rows
        )


class Refuser:
    """Refuses every question, as an engine that understands none would."""

    def answer(self, question: str) -> Answer:
        return Answer(question, "OFFLINE", refused=True, explanation="not understood")


class _AllTime:
    """Answers every question with the all-time count: the easier question, quietly."""

    def answer(self, question: str) -> Answer:
        return Answer(question, "OFFLINE", "SELECT COUNT(*)", ["n"], [[2654]])


class _Broken:
    def answer(self, question: str) -> Answer:
        raise RuntimeError("boom")


def test_an_engine_that_answers_the_gold_is_right_everywhere(warehouse: DuckDBWarehouse) -> None:
    cases = heldout_set.CASES + trap_set.CASES
    results = scoring.score_sets(Oracle(warehouse, cases), warehouse)
    assert [(r.right, r.wrong, r.refused) for r in results.values()] == [
        (len(heldout_set.CASES), 0, 0),
        (len(trap_set.CASES), 0, 0),
    ], results["held-out"].report() + results["trap"].report()


def test_refusals_errors_and_easier_questions_are_told_apart(warehouse: DuckDBWarehouse) -> None:
    cases = trap_set.CASES[:6]  # periods without data: 0, never the all-time count
    refused = scoring.score(Refuser(), warehouse, cases, "trap")
    assert (refused.refused, refused.wrong, len(refused.misses)) == (6, 0, 6)
    quietly = scoring.score(_AllTime(), warehouse, cases, "trap")
    assert (quietly.right, quietly.wrong) == (0, 6)
    assert quietly.misses[0].expected == [(0.0,)] and quietly.misses[0].got == [(2654.0,)]
    broken = scoring.score(_Broken(), warehouse, cases, "trap")
    assert broken.wrong == 6 and "boom" in broken.misses[0].explanation
    assert "0 refused, 6 wrong" in broken.summary()
