"""The question engines, scored: execution accuracy per question set, and question -> SQL latency.

    .venv/bin/python -m bench.questions [--repeat 20] [--engine offline]

Sets (each question with its expected rows from hand-written SQL, run on a
generated dataset in a temporary DuckDB):
- dev: tests/resolvers/core/questions/question_set.py, the questions the
  engine was developed beside;
- held-out and trap: tests/resolvers/core/questions/heldout_set.py and
  trap_set.py, written apart from the engine before issue 11's rewrite;
- analyst and analyst-traps: analyst_set.py and analyst_traps.py, written
  apart from the engine before issue 20's work, in analysts' own chat voice
  (slang, typos, polite wrappers, lookups, day ranges).
The engine is measured on the sets held out, never tuned to them: only their
tallies are printed (per shape with --by-shape), never their questions.

It prints one table of every set (right, refused, wrong; a trap set's
target is zero wrong); then p50/p95 from question to
guarded SQL (parse, names, dates, compile, the SQL guard; the catalog already
loaded) against a baseline measured in the same run: sqlglot merely parsing
the SQL that came out.

``--engine`` picks the engine: ``offline``, or ``bedrock`` (the same sets
through Claude on Bedrock, for anyone with an AWS account and model access:
it calls the model once or more per question and refuses to start without
credentials).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import sqlglot

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.ports import Answer, QuestionEngine, Warehouse
from resolvers.core.questions import ask
from resolvers.core.questions import catalog as names
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.shape_filters import Refusal
from tests.resolvers.core.questions import gold, question_set, scoring

CLOCK = gold.TODAY
"""The engine's 'now' while scoring (the sets' own clock): relative dates mean the same each run."""


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def offline_engine(warehouse: Warehouse) -> QuestionEngine:
    return OfflineEngine(warehouse, 1000, clock=lambda: CLOCK)


def bedrock_engine(warehouse: Warehouse) -> QuestionEngine:
    """The Bedrock engine on the same sets: needs AWS credentials, a region and model access.

    Without credentials or a region it stops with a message saying what to set,
    before any question is asked. The model is HRGRAPH_BEDROCK_MODEL_ID; a
    question Bedrock cannot answer in time (Unavailable) is scored as refused.
    """
    import boto3

    from hrgraph_contract.settings import Settings
    from resolvers.adapters.bedrock_engine import BedrockEngine
    from resolvers.core.errors import Unavailable

    session = boto3.session.Session()
    if session.region_name is None or session.get_credentials() is None:
        raise SystemExit(
            "--engine bedrock needs AWS credentials and a region (AWS_PROFILE or "
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and AWS_DEFAULT_REGION) with access to "
            "the model in HRGRAPH_BEDROCK_MODEL_ID; none were found, so nothing was scored."
        )
    try:
        engine = BedrockEngine.from_settings(Settings.from_env(), warehouse, clock=lambda: CLOCK)
    except Unavailable as error:
        raise SystemExit(f"--engine bedrock: {error.message}") from None
    return _RefusingWhenUnavailable(engine)


class _RefusingWhenUnavailable:
    """Scores an Unavailable answer (throttled past the deadline) as a refusal, not a crash."""

    engine = "BEDROCK"

    def __init__(self, inner: QuestionEngine) -> None:
        self._inner = inner

    def answer(self, question: str) -> Answer:
        from resolvers.core.errors import Unavailable

        try:
            return self._inner.answer(question)
        except Unavailable as error:
            return Answer(question, "BEDROCK", explanation=error.message, refused=True)


ENGINES: dict[str, Callable[[Warehouse], QuestionEngine]] = {
    "offline": offline_engine,
    "bedrock": bedrock_engine,
}


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
    parser.add_argument(
        "--misses",
        action="store_true",
        help="Print every miss of the development set (the sets held out are never printed).",
    )
    parser.add_argument(
        "--by-shape", action="store_true", help="Tally every set per shape (counts only)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warehouse = DuckDBWarehouse(Path(folder) / "bench.duckdb")
        gold.load(warehouse)
        engine = ENGINES[args.engine](warehouse)
        print(f"engine: {args.engine}")
        results = scoring.score_sets(_Asked(engine), warehouse, development=True, analyst=True)
        print(table(results.values()))
        for result in results.values():
            if args.by_shape:
                print(result.summary())
        if args.misses:
            print(results["development"].report())
        if isinstance(engine, OfflineEngine):
            report_latency(engine, names.load(warehouse), args.repeat)
        warehouse.close()


def table(results: Iterable[scoring.SetResult]) -> str:
    """Every set in one table: right, refused, wrong (a trap set's bar is zero wrong)."""
    lines = [
        f"{'set':<14} {'questions':>9} {'right':>6} {'refused':>8} {'wrong':>6} {'accuracy':>9}"
    ]
    for r in results:
        lines.append(
            f"{r.name:<14} {r.total:>9} {r.right:>6} {r.refused:>8} {r.wrong:>6} {r.accuracy:>9.1%}"
        )
    return "\n".join(lines)


class _Asked:
    """The engine behind the API's use case (ask), which refuses empty and overlong questions."""

    def __init__(self, engine: QuestionEngine) -> None:
        self._engine = engine

    def answer(self, question: str) -> Answer:
        return ask(self._engine, question)


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
