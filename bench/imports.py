"""Bulk import against raw DuckDB loading the same file with no rules, in the same run.

    python -m bench.imports --rows 1000000

Prints, each beside its baselines:

- time: over ``--repeats`` back-to-back runs (the median), the local import
  (DuckDBWarehouse.import_file: staging as text, the rules in SQL, the insert
  and the rejects file) against raw DuckDB's
  ``INSERT INTO hired_employees SELECT * FROM read_csv(...)`` into the same,
  fresh table. The goal is a ratio of at least 0.5 (raw time ÷ import time).
  The same ratio of CPU seconds (every thread's) is printed beside it: on a
  machine other work shares, it moves less than the wall-clock one.
- peak RSS added by each load (VmHWM after it, less VmRSS before it, in a
  process of its own). The goal is under +300 MiB for the import.
- the statements the Redshift adapter sends through the fake Data API for
  the same import at two sizes: a fixed number however many rows.

Raw DuckDB runs twice: under the warehouse's regular memory limit (1 GB: it
holds the inserted rows and their primary-key index in memory, some +650 MiB
at ten million rows) and under the import's limit (256 MB, which the import
runs under: DuckDB spills past it). Both ratios and all three peaks are printed,
and the import's peak above raw's.

The file is generated here (ids 1..N in order, names, ISO datetimes with Z,
departments 1..12 and jobs 1..183, which are seeded), with one row in 1,000
refused on purpose (a tab in the name: raw DuckDB loads it, the rules refuse it), so
the rejects path runs too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


def generate(path: Path, rows: int) -> None:
    import duckdb

    duckdb.connect().execute(
        f"""
        COPY (
            SELECT i AS id,
                   CASE WHEN i % 1000 = 0 THEN chr(9) ELSE '' END || 'Employee ' || i AS name,
                   strftime(TIMESTAMP '2021-01-01' + INTERVAL (i % 63072000) SECOND,
                            '%Y-%m-%dT%H:%M:%SZ') AS datetime,
                   i % 12 + 1 AS department_id,
                   i % 183 + 1 AS job_id
            FROM range(1, {rows + 1}) AS r(i)
        ) TO '{path}' (HEADER false, DELIMITER ',')
        """
    )


def _rss(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _seed(warehouse: Any) -> None:
    from resolvers.core import ingest
    from resolvers.core.tables import Table

    ingest.insert_batch(
        warehouse, Table.DEPARTMENTS, [{"id": i, "department": f"D{i}"} for i in range(1, 13)]
    )
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": i, "job": f"J{i}"} for i in range(1, 184)])


def measure(kind: str, csv_path: Path, folder: Path) -> dict[str, Any]:
    """One load in this (fresh) process: seconds and peak RSS added."""
    from resolvers.adapters.duckdb_warehouse import IMPORT_MEMORY_LIMIT, DuckDBWarehouse

    database = folder / f"{kind}.duckdb"
    for stale in (database, database.with_name(database.name + ".wal")):
        stale.unlink(missing_ok=True)  # every run loads into a fresh table
    if kind == "raw-import-limit":
        warehouse = DuckDBWarehouse(database, memory_limit=IMPORT_MEMORY_LIMIT)
    else:
        warehouse = DuckDBWarehouse(database)
    _seed(warehouse)
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
    before = _rss("VmRSS")
    started, cpu_started = time.perf_counter(), _cpu()
    if kind.startswith("raw"):
        warehouse.connection.execute(
            "INSERT INTO hired_employees SELECT * FROM read_csv(?, header = false, "
            "columns = {'id': 'BIGINT', 'name': 'VARCHAR', 'datetime': 'TIMESTAMP', "
            "'department_id': 'BIGINT', 'job_id': 'BIGINT'})",
            [str(csv_path)],
        )
        result: dict[str, Any] = {}
    else:
        from resolvers.core.ports import ImportRequest
        from resolvers.core.tables import Table

        outcome = warehouse.import_file(
            ImportRequest(
                Table.HIRED_EMPLOYEES,
                str(csv_path),
                "CSV",
                str(folder / "import.rejected.csv"),
                datetime.now(UTC),
            ),
            lambda share, rows: None,
        )
        result = {"inserted": outcome.inserted, "rejected": outcome.rejected}
    seconds, cpu_seconds = time.perf_counter() - started, _cpu() - cpu_started
    peak = _rss("VmHWM")
    warehouse.close()
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_added_mib": (peak - before) / MIB,
        **result,
    }


def _cpu() -> float:
    """CPU seconds of every thread of this process (DuckDB's included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def statements(rows: int, folder: Path) -> int:
    """Statements the Redshift adapter sends for an import of ``rows`` rows (fake Data API)."""
    from tests.resolvers.adapters.test_redshift_import import statements_for_import

    return statements_for_import(rows, folder)


def _child(kind: str, csv_path: Path, folder: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.imports", "--child", kind, str(csv_path), str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"the {kind} load failed:\n{done.stderr.strip()[-2000:]}")
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _report(runs: list[dict[str, dict[str, Any]]]) -> None:
    from resolvers.adapters.duckdb_warehouse import IMPORT_MEMORY_LIMIT

    last = runs[-1]
    raw, limited, imported = last["raw"], last["raw-import-limit"], last["import"]
    print(
        f"raw DuckDB, the regular memory limit:      {raw['seconds']:.2f}s, "
        f"peak RSS +{raw['peak_added_mib']:.0f} MiB (last run)"
    )
    print(
        f"raw DuckDB, the import's limit ({IMPORT_MEMORY_LIMIT}):    {limited['seconds']:.2f}s, "
        f"peak RSS +{limited['peak_added_mib']:.0f} MiB (last run)"
    )
    print(
        f"import (rules in SQL, rejects file):       {imported['seconds']:.2f}s, "
        f"peak RSS +{imported['peak_added_mib']:.0f} MiB, inserted {imported['inserted']:,}, "
        f"rejected {imported['rejected']} (last run)"
    )
    for kind, label in (("raw", "the regular limit"), ("raw-import-limit", "the import's limit")):
        ratios = sorted(run[kind]["seconds"] / run["import"]["seconds"] for run in runs)
        cpu = _median([run[kind]["cpu_seconds"] / run["import"]["cpu_seconds"] for run in runs])
        print(
            f"speed vs raw at {label}, median of {len(ratios)}: {_median(ratios):.2f} "
            f"(goal >= 0.5; all: {', '.join(f'{r:.2f}' for r in ratios)}); "
            f"CPU seconds ratio {cpu:.2f}"
        )
    peaks = {kind: max(run[kind]["peak_added_mib"] for run in runs) for kind in last}
    print(
        f"peak RSS added, at most: import +{peaks['import']:.0f} MiB (goal < 300); raw "
        f"+{peaks['raw']:.0f} MiB at the regular limit, +{peaks['raw-import-limit']:.0f} MiB at "
        f"the import's; the import above raw at the same limit: "
        f"{peaks['import'] - peaks['raw-import-limit']:+.0f} MiB"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each load (median ratio)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-statements", action="store_true", help="skip the fake Data API's statement count"
    )
    args = parser.parse_args(argv)
    if args.child:
        kind, csv_path, folder = args.child
        print(json.dumps(measure(kind, Path(csv_path), Path(folder))))
        return
    with tempfile.TemporaryDirectory(prefix="hrgraph-bench-imports-") as scratch:
        folder = Path(scratch)
        csv_path = folder / "hired_employees.csv"
        generate(csv_path, args.rows)
        size = csv_path.stat().st_size / MIB
        print(f"file: {args.rows:,} rows, {size:,.0f} MiB")
        runs = []
        for _ in range(args.repeats):  # back to back, so all three see the machine alike
            runs.append(
                {
                    kind: _child(kind, csv_path, folder)
                    for kind in ("raw", "raw-import-limit", "import")
                }
            )
    _report(runs)
    if not args.no_statements:
        with tempfile.TemporaryDirectory(prefix="hrgraph-bench-imports-") as scratch:
            small, large = statements(1_000, Path(scratch)), statements(20_000, Path(scratch))
        print(f"fake Data API statements: {small} for 1,000 rows, {large} for 20,000 rows")


if __name__ == "__main__":
    main()
