"""Redshift Data API calls per operation, counted by the fake client.

    .venv/bin/python -m bench.redshift_calls [--rows 1000] [--backup-rows 10000] [--page-size 100]

Each API call is a round trip (and a line on the bill's request count), so the
adapter is measured in calls, not seconds: the fake runs the SQL on DuckDB and
walks every statement SUBMITTED -> STARTED -> FINISHED over three
DescribeStatement calls (a real statement takes as many polls as it takes
time). GetStatementResult calls scale with rows / page size; the real service
pages by result size, so its pages are usually larger than ``--page-size``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from bench import rows
from hrgraph_testing.redshift_data import FakeRedshiftData
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.core import backup, ingest, reads, reports
from resolvers.core.cursor import PageTokens
from resolvers.core.tables import Table

TOKENS = PageTokens(b"bench key, thirty-two bytes long")

OPERATIONS = (
    "BatchExecuteStatement",
    "ExecuteStatement",
    "DescribeStatement",
    "GetStatementResult",
    "CancelStatement",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000, help="rows of the insert batch")
    parser.add_argument("--backup-rows", type=int, default=10_000, help="rows backed up")
    parser.add_argument("--page-size", type=int, default=100, help="records per result page")
    args = parser.parse_args()

    fake = FakeRedshiftData(page_size=args.page_size)
    warehouse = rows.redshift_warehouse(fake)
    store = MemoryBackupStore()

    def employees(first: int, count: int) -> list[dict[str, Any]]:
        return rows.employees(first, count, step=timedelta(hours=1))

    def fill() -> None:
        first = args.rows + 1
        while first <= args.rows + args.backup_rows:
            count = min(1000, args.rows + args.backup_rows + 1 - first)
            ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(first, count))
            first += count

    measured: list[tuple[str, Counter[str]]] = []

    def measure(name: str, run: Callable[[], object]) -> None:
        before = Counter(fake.calls)
        run()
        measured.append((name, Counter(fake.calls) - before))

    measure(
        f"insert {args.rows} employees (new)",
        lambda: ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(1, args.rows)),
    )
    measure(
        f"insert the same {args.rows} again (all ALREADY_EXISTS)",
        lambda: ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, employees(1, args.rows)),
    )
    fill()
    total = args.rows + args.backup_rows
    measure("report: hires by quarter", lambda: reports.hires_by_quarter(warehouse, 2021))
    measure(
        "report: departments above mean", lambda: reports.departments_above_mean(warehouse, 2021)
    )
    measure("read one employee", lambda: reads.get(warehouse, Table.HIRED_EMPLOYEES, 7))
    measure(
        "read a page of 100",
        lambda: reads.page(warehouse, TOKENS, Table.HIRED_EMPLOYEES, 100, None),
    )
    made: list[backup.Manifest] = []
    measure(
        f"backup of {total} employees",
        lambda: made.append(
            backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench")
        ),
    )
    measure(
        f"restore of {total} employees (INSERT batches)",
        lambda: backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made[0].id),
    )

    width = max(len(name) for name, _ in measured)
    header = "".join(f"{op.replace('Statement', ''):>16}" for op in OPERATIONS)
    print(f"page size {args.page_size}\n{'operation':<{width}}{header}{'total':>8}")
    for name, counts in measured:
        cells = "".join(f"{counts.get(op, 0):>16}" for op in OPERATIONS)
        print(f"{name:<{width}}{cells}{sum(counts.values()):>8}")


if __name__ == "__main__":
    main()
