"""The question engines, scored: execution accuracy per question set, and question -> SQL latency.

    .venv/bin/python -m bench.questions [--repeat 20] [--engine offline]

Sets (each question with its expected rows from hand-written SQL, run on a
generated dataset in a temporary DuckDB):
- dev: tests/resolvers/core/questions/question_set.py, the questions the
  engine was developed beside;
- held-out and trap: tests/resolvers/core/questions/heldout_set.py and
  trap_set.py, written apart from the engine and scored through their own
  scoring module, when they are present. The engine is measured on them,
  never tuned to them.

It prints accuracy per set, and for the trap set how many answers were wrong
rather than refused (the target is zero wrong); then p50/p95 from question to
guarded SQL (parse, names, dates, compile, the SQL guard; the catalog already
loaded) against a baseline measured in the same run: sqlglot merely parsing
the SQL that came out.

``--engine`` picks the engine: ``offline`` here; ``bedrock`` is a hook for
the Bedrock engine (scored on the same sets by anyone with an account).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlglot

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.ports import Answer, QuestionEngine, Warehouse
from resolvers.core.questions import ask
from resolvers.core.questions import catalog as names
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.shapes import Refusal
from tests.resolvers.core.questions import question_set

CLOCK = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
"""The engine's 'now' while scoring: relative dates must mean the same on every run."""


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def offline_engine(warehouse: Warehouse) -> QuestionEngine:
    return OfflineEngine(warehouse, 1000, clock=lambda: CLOCK)


def bedrock_engine(warehouse: Warehouse) -> QuestionEngine:
    """Hook for the Bedrock engine (needs an AWS account and model access)."""
    raise SystemExit("--engine bedrock is not wired yet: the Bedrock path fills this hook")


ENGINES: dict[str, Callable[[Warehouse], QuestionEngine]] = {
    "offline": offline_engine,
    "bedrock": bedrock_engine,
}


def score_dev(engine: QuestionEngine, warehouse: DuckDBWarehouse) -> tuple[int, int, int]:
    """(right, refused, total) on the development set."""
    right = refused = 0
    for case in question_set.CASES:
        answer = ask(engine, case.question)
        refused += answer.refused
        right += question_set.correct(answer, question_set.expected_rows(warehouse, case), case)
    return right, refused, len(question_set.CASES)


def held_out_sets() -> Any | None:
    """asksets' scoring module, when it has landed; None before."""
    try:
        return importlib.import_module("tests.resolvers.core.questions.scoring")
    except ModuleNotFoundError:
        return None


def latency(
    engine: OfflineEngine, catalog: names.Catalog, repeat: int
) -> tuple[list[float], list[float]]:
    """Question -> guarded SQL, and the baseline (a bare sqlglot parse of that SQL), in seconds."""
    to_sql: list[float] = []
    parse_only: list[float] = []
    questions = [c.question for c in question_set.CASES]
    for _ in range(repeat):
        for question in questions:
            started = time.perf_counter()
            translated = engine.translate(question, catalog)
            if isinstance(translated, Refusal):
                continue
            sql = translated[1].sql
            to_sql.append(time.perf_counter() - started)
            started = time.perf_counter()
            sqlglot.parse_one(sql, read="redshift")
            parse_only.append(time.perf_counter() - started)
    return to_sql, parse_only


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20, help="Timed passes over the dev set.")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="offline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warehouse = DuckDBWarehouse(Path(folder) / "bench.duckdb")
        question_set.generate(warehouse)
        engine = ENGINES[args.engine](warehouse)
        right, refused, total = score_dev(engine, warehouse)
        print(f"engine: {args.engine}")
        print(f"dev set: {right}/{total} right = {right / total:.1%} ({refused} refused)")
        scoring = held_out_sets()
        if scoring is None:
            print("held-out and trap sets: not on this branch yet")
        else:
            report_held_out(scoring, engine, warehouse)
        if isinstance(engine, OfflineEngine):
            report_latency(engine, names.load(warehouse), args.repeat)
        warehouse.close()


def report_held_out(scoring: Any, engine: QuestionEngine, warehouse: DuckDBWarehouse) -> None:
    """Scores from the held-out module's own scorer (its rules, not ours)."""
    for line in scoring.report(lambda question: _answer(engine, question), warehouse):
        print(line)


def _answer(engine: QuestionEngine, question: str) -> Answer:
    return ask(engine, question)


def report_latency(engine: OfflineEngine, catalog: names.Catalog, repeat: int) -> None:
    to_sql, parse_only = latency(engine, catalog, repeat)
    ms = 1000.0
    baseline = statistics.median(parse_only)
    p95 = percentile(to_sql, 0.95)
    print(
        f"question -> guarded SQL: p50 {statistics.median(to_sql) * ms:.2f} ms, "
        f"p95 {p95 * ms:.2f} ms over {len(to_sql)} runs "
        f"({p95 / baseline:.1f}x a bare sqlglot parse of the same SQL, p50 {baseline * ms:.2f} ms)"
    )


if __name__ == "__main__":
    main()
