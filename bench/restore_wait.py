"""How long a report waits behind a restore on Redshift (the fake Data API on PostgreSQL).

    .venv/bin/python -m bench.restore_wait [--rows 20000] [--repeats 3]

A restore's swap takes LOCK (ACCESS EXCLUSIVE) on hired_employees, so a report
asked while the swap runs waits for its transaction to end. On a throwaway
PostgreSQL cluster (the same locks as Redshift) this measures:

- the report alone (the baseline, same run);
- the same report started the moment the swap's LOCK is granted, until it answers;

and prints both, and their ratio, for a restore of ``--rows`` employees. Run it on
a commit before the rename swap (the swap that DELETEd and re-INSERTed every row
under the LOCK) and after, to compare. Absolute times are PostgreSQL's on this
machine; the ratio and how it grows with ``--rows`` are what carry over.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.rows import START, employees, redshift_warehouse
from hrgraph_testing.postgres_engine import PostgresCluster, PostgresRedshiftEngine
from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.core import backup, ingest, reports
from resolvers.core.tables import Table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="employees restored")
    parser.add_argument("--repeats", type=int, default=3, help="restores measured")
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="hrgraph-bench-pg-"))
    cluster = PostgresCluster.start(directory)
    try:
        run(cluster, args.rows, args.repeats)
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


def run(cluster: PostgresCluster, rows: int, repeats: int) -> None:
    engine = PostgresRedshiftEngine(cluster)
    fake = FakeRedshiftData(engine)
    warehouse = redshift_warehouse(fake)
    for first in range(1, rows + 1, 1000):
        ingest.insert_batch(
            warehouse, Table.HIRED_EMPLOYEES, employees(first, min(1000, rows - first + 1))
        )
    store = MemoryBackupStore()
    made = backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench")

    def report() -> float:
        began = time.perf_counter()
        reports.hires_by_quarter(warehouse, START.year)
        return time.perf_counter() - began

    def behind_the_swap() -> float:
        """One restore; the report asked the moment its swap's LOCK is granted, timed."""
        waited: list[float] = []
        reader: list[threading.Thread] = []

        def on_statement(sql: str) -> None:
            # The restore's only LOCK is its swap's.
            if sql.startswith("LOCK") and not reader:
                reader.append(threading.Thread(target=lambda: waited.append(report())))
                reader[0].start()

        fake.after_statement = on_statement
        backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id)
        fake.after_statement = None
        reader[0].join()
        return waited[0]

    alone: list[float] = []
    behind: list[float] = []
    for _ in range(repeats):
        alone += [report() for _ in range(5)]
        behind.append(behind_the_swap())

    base, late = statistics.median(alone), statistics.median(behind)
    print(f"restore of {rows} employees; {repeats} restores; PostgreSQL-backed fake Data API")
    print(f"report alone (median of {len(alone)}):        {base * 1e3:8.1f} ms")
    print(f"report asked as the swap locks (median of {len(behind)}): {late * 1e3:8.1f} ms")
    print(f"ratio: {late / base:.1f}x the report alone")
    engine.close()


if __name__ == "__main__":
    main()
