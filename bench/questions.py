"""The offline question engine: execution accuracy, refusals and question -> SQL latency.

    .venv/bin/python -m bench.questions [--repeat 20]

On the question set of tests/resolvers/core/questions/question_set.py (a
generated dataset, expected rows from hand-written SQL) it prints
- execution accuracy (rows as multisets, ordered where the question asks);
- how many questions of the set it refused, and how many of the
  out-of-scope/hostile ones it refused (all should be);
- p50/p95 latency from question to guarded SQL (intent, names, dates,
  template, the SQL guard; the catalog already loaded), and the same for
  end-to-end answers (catalog load + guard + DuckDB), each against a baseline
  measured in the same run: sqlglot merely parsing the produced SQL.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import sqlglot
from resolvers.core.questions.intent import Refusal

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions import catalog as names
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.sql_guard import guard
from tests.resolvers.core.questions.question_set import (
    CASES,
    REFUSED,
    correct,
    expected_rows,
    generate,
)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="Timed passes over the set.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warehouse = DuckDBWarehouse(Path(folder) / "bench.duckdb")
        generate(warehouse)
        engine = OfflineEngine(warehouse, 1000)
        catalog = names.load(warehouse)

        right = refused_in_set = 0
        for case in CASES:
            answer = engine.answer(case.question)
            refused_in_set += answer.refused
            right += correct(answer, expected_rows(warehouse, case), case)
        hostile = [q for q in REFUSED if q]
        refused_hostile = sum(engine.answer(q).refused for q in hostile)

        to_sql: list[float] = []
        parse_only: list[float] = []
        end_to_end: list[float] = []
        for _ in range(args.repeat):
            for case in CASES:
                started = time.perf_counter()
                translated = engine.translate(case.question, catalog)
                assert not isinstance(translated, Refusal)
                statement = translated[1]
                guard(statement.sql, 1000, statement.params)
                to_sql.append(time.perf_counter() - started)
                started = time.perf_counter()
                sqlglot.parse_one(statement.sql, read="redshift")
                parse_only.append(time.perf_counter() - started)
        for case in CASES:
            started = time.perf_counter()
            engine.answer(case.question)
            end_to_end.append(time.perf_counter() - started)
        warehouse.close()

    ms = 1000.0
    baseline = statistics.median(parse_only)
    print(f"questions: {len(CASES)} (+{len(hostile)} out-of-scope or hostile)")
    print(f"execution accuracy: {right}/{len(CASES)} = {right / len(CASES):.1%}")
    print(
        f"refused in the set: {refused_in_set}; hostile refused: {refused_hostile}/{len(hostile)}"
    )
    print(
        f"question -> SQL (guarded): p50 {statistics.median(to_sql) * ms:.1f} ms, "
        f"p95 {percentile(to_sql, 0.95) * ms:.1f} ms "
        f"({percentile(to_sql, 0.95) / baseline:.1f}x a bare sqlglot parse of the SQL, "
        f"{baseline * ms:.1f} ms)"
    )
    print(
        f"end to end (catalog + guard + DuckDB): p50 {statistics.median(end_to_end) * ms:.1f} ms, "
        f"p95 {percentile(end_to_end, 0.95) * ms:.1f} ms"
    )


if __name__ == "__main__":
    main()
