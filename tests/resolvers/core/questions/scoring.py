"""Scores any question engine on the development, held-out and trap sets (and the analyst sets).

The engine is taken as it is: anything with ``answer(question) -> Answer``
(the QuestionEngine port), built by the caller. Gold answers come from the
sets' hand-written SQL run straight on the DuckDB warehouse, never through
the engine, its SQL guard or the Redshift-to-DuckDB transpiler.

The caller must:

- load the warehouse with ``gold.load`` (the development set's data plus the
  documented extension the held-out and trap sets need; the development set
  stays scoreable on it, its gold being SQL too);
- give the engine a clock fixed at ``gold.TODAY`` (1 January 2023, midnight
  UTC): the relative-date questions ("last year", "the last 6 months") are
  read at that instant, and an engine on the wall clock answers them wrong.

Each question comes back **right** (its rows match the gold rows, or one of
the accepted encodings in ``Case.also``), **refused** (``Answer.refused``),
or **wrong** (anything else, an exception included: an error is not a
refusal). On the held-out set the figure is execution accuracy, right over
all; on the trap set the rule is that nothing may be wrong.

How rows match (``matches``; the conventions are heldout_set.py's): values
normalised as the development set does (JSON-ready, numbers rounded to 1
decimal), compared as multisets of rows, in order only where the question
asks (and then only on the ``key`` columns, so ties may come in any order).
The answer may carry extra columns and any column order: it matches when one
of its columns per gold column, each used once, yields exactly the gold rows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

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
    trap_set,
)
from tests.resolvers.core.questions.gold import Case

Verdict = Literal["right", "refused", "wrong"]
Rows = list[tuple[Any, ...]]

HEAD = 5
"""Rows of each side shown for a miss."""

MAX_MAPPINGS = 5000
"""Column assignments tried before giving up on an answer (a guard against wide answers)."""


class Engine(Protocol):
    def answer(self, question: str) -> Answer: ...


@dataclass(frozen=True)
class Miss:
    """A question not answered right: what was expected, what came back, and why."""

    question: str
    verdict: Verdict
    expected: Rows
    got: Rows
    explanation: str
    sql: str | None = None
    note: str = ""


@dataclass
class SetResult:
    """One set's tally, overall and per shape, with every miss."""

    name: str
    right: int = 0
    refused: int = 0
    wrong: int = 0
    misses: list[Miss] = field(default_factory=list)
    by_shape: dict[str, Counter[Verdict]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.right + self.refused + self.wrong

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, case: Case, verdict: Verdict, miss: Miss | None) -> None:
        if verdict == "right":
            self.right += 1
        elif verdict == "refused":
            self.refused += 1
        else:
            self.wrong += 1
        self.by_shape.setdefault(case.shape, Counter())[verdict] += 1
        if miss is not None:
            self.misses.append(miss)

    def summary(self) -> str:
        lines = [
            f"{self.name}: {self.right}/{self.total} right ({self.accuracy:.1%}), "
            f"{self.refused} refused, {self.wrong} wrong"
        ]
        for shape, tally in sorted(self.by_shape.items()):
            lines.append(
                f"  {shape:<16} right {tally['right']:>3}  refused {tally['refused']:>3}  "
                f"wrong {tally['wrong']:>3}"
            )
        return "\n".join(lines)

    def report(self) -> str:
        """The summary, then each miss with both heads of rows."""
        lines = [self.summary()]
        for miss in self.misses:
            lines.append(f"- [{miss.verdict}] {miss.question}")
            lines.append(f"    expected {miss.expected}")
            lines.append(f"    got      {miss.got}")
            if miss.explanation:
                lines.append(f"    because  {miss.explanation}")
            if miss.sql:
                lines.append(f"    sql      {' '.join(miss.sql.split())}")
            if miss.note:
                lines.append(f"    note     {miss.note}")
        return "\n".join(lines)


def development_cases() -> list[Case]:
    """The development set (question_set.CASES) as Cases, ordered strictly as its own scorer."""
    return [
        Case(c.question, c.expected_sql, "development", ordered=c.ordered)
        for c in question_set.CASES
    ]


SETS: dict[str, list[Case]] = {"held-out": heldout_set.CASES, "trap": trap_set.CASES}

ANALYST_SETS: dict[str, list[Case]] = {
    "analyst": analyst_set.CASES,
    "analyst-traps": analyst_traps.CASES,
    "analyst-2": analyst_set_2.CASES,
    "analyst-2-traps": analyst_set_2.TRAPS,
    "analyst-3": analyst_set_3.CASES,
    "analyst-3-traps": analyst_set_3.TRAPS,
    "analyst-4": analyst_set_4.CASES,
    "analyst-4-traps": analyst_set_4.TRAPS,
    "analyst-5": analyst_set_5.CASES,
    "analyst-5-traps": analyst_set_5.TRAPS,
    "analyst-6": analyst_set_6.CASES,
    "analyst-6-traps": analyst_set_6.TRAPS,
}
"""The held-out pairs in analysts' chat voice: "analyst" is read like "held-out" (execution
accuracy), "analyst-traps" like "trap" (nothing may be wrong). The second pair was written by
another examiner after issue 20's tuning began, so it measures how far that tuning carries to
questions nobody tuned to; the third by yet another, blind examiner at the start of the next
round of tuning, to judge that round; after it had, its misses were read and restated to the
engine's authors as classes in other words, so from then on it is steered like the first two.
The fourth was written blind at the start of the round after, and judges that round (its
misses are not restated; a wrong answer is, as a class in other words, since a wrong answer
must be fixed). The fifth was written blind after the fourth round ended, before any
further tuning: it measures the engine as it stands, and its misses are not read.
Kept apart from ``SETS`` so the default scoring stays what it was; ``score_sets(...,
analyst=True)`` adds them.
"""


def gold_rows(warehouse: DuckDBWarehouse, case: Case) -> list[Rows]:
    """The gold rows, then those of each accepted encoding, normalised."""
    connection = warehouse.connection
    return [
        question_set.normalise(connection.execute(sql).fetchall()) for sql in (case.sql, *case.also)
    ]


def matches(got: Rows, expected: Rows, ordered: bool = False, key: Sequence[int] = ()) -> bool:
    """Whether ``got`` holds the ``expected`` rows, allowing extra columns and any column order."""
    if len(got) != len(expected):
        return False
    if not expected:
        return True
    width = len(expected[0])
    got_width = len(got[0])
    if got_width < width or any(len(row) != got_width for row in got):
        return False
    target = Counter(expected)
    keys = tuple(key) or tuple(range(width))
    expected_keys = [tuple(row[k] for k in keys) for row in expected]
    for mapping in _mappings(got, expected, width, got_width):
        projected = [tuple(row[j] for j in mapping) for row in got]
        if Counter(projected) != target:
            continue
        if ordered and [tuple(row[k] for k in keys) for row in projected] != expected_keys:
            continue
        return True
    return False


def _mappings(got: Rows, expected: Rows, width: int, got_width: int) -> Iterator[tuple[int, ...]]:
    """Injective choices of an answer column per gold column, each with the same values."""
    wanted = [Counter(row[i] for row in expected) for i in range(width)]
    offered = [Counter(row[j] for row in got) for j in range(got_width)]
    candidates = [[j for j in range(got_width) if offered[j] == wanted[i]] for i in range(width)]
    tried = 0
    for mapping in itertools.product(*candidates):
        if len(set(mapping)) < width:
            continue
        tried += 1
        if tried > MAX_MAPPINGS:
            return
        yield mapping


def judge(answer: Answer, expected: list[Rows], case: Case) -> Verdict:
    if answer.refused:
        return "refused"
    got = question_set.normalise(answer.rows)
    if any(matches(got, rows, case.ordered, case.key) for rows in expected):
        return "right"
    return "wrong"


def score(
    engine: Engine, warehouse: DuckDBWarehouse, cases: Sequence[Case], name: str
) -> SetResult:
    """Ask every question of one set and tally the verdicts."""
    result = SetResult(name)
    for case in cases:
        expected = gold_rows(warehouse, case)
        try:
            answer = engine.answer(case.question)
        except Exception as error:  # an error is a wrong answer, not a refusal
            result.add(
                case,
                "wrong",
                Miss(case.question, "wrong", expected[0][:HEAD], [], f"raised {error!r}"),
            )
            continue
        verdict = judge(answer, expected, case)
        miss = None
        if verdict != "right":
            miss = Miss(
                case.question,
                verdict,
                expected[0][:HEAD],
                question_set.normalise(answer.rows)[:HEAD],
                answer.explanation,
                answer.sql,
                case.note,
            )
        result.add(case, verdict, miss)
    return result


def score_sets(
    engine: Engine, warehouse: DuckDBWarehouse, development: bool = False, analyst: bool = False
) -> dict[str, SetResult]:
    """The held-out and trap sets (and the development and analyst sets if asked), by name."""
    sets = dict(SETS)
    if development:
        sets = {"development": development_cases(), **sets}
    if analyst:
        sets.update(ANALYST_SETS)
    return {name: score(engine, warehouse, cases, name) for name, cases in sets.items()}
