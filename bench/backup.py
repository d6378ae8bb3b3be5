"""Backup and restore throughput on generated employees, against raw fastavro in the same run.

    .venv/bin/python -m bench.backup [--rows 1000000] [--codec deflate|snappy] [--repeat 3]

Prints rows/s of
- backup: DuckDB snapshot -> Avro file in the folder store (+ sha256, manifest),
  divided by raw fastavro writing the same rows from a list in memory
  (goal >= 0.8);
- restore: verify + decode + stage + swap, divided by raw fastavro reading
  that file plus a raw Arrow insert of the decoded rows into DuckDB
  (goal >= 0.7);
and the peak memory of a backup, measured in a fresh subprocess (ru_maxrss
for the whole process, DuckDB included; tracemalloc for Python objects).

Each repeat times every figure right after its baseline, and the ratios are
the medians over repeats: this VM's speed drifts by up to 2x within seconds,
so a ratio of two runs taken apart says more about the moment than the code.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import fastavro
import pyarrow as pa

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse, arrow_schema
from resolvers.adapters.folder_store import FolderBackupStore
from resolvers.core import avro_format, backup, ingest
from resolvers.core.avro_format import Codec
from resolvers.core.tables import Table

EPOCH_2021_MS = int(datetime(2021, 1, 1, tzinfo=UTC).timestamp() * 1000)
TWO_YEARS_MS = 2 * 365 * 24 * 3600 * 1000


def generated_employees(rows: int) -> pa.Table:
    """Deterministic employees over 2021-2022, some without department or job."""
    ids = list(range(1, rows + 1))
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "name": pa.array([f"Employee {i}" for i in ids], pa.string()),
            "datetime": pa.array(
                [EPOCH_2021_MS + (i * 7_919_113) % TWO_YEARS_MS for i in ids], pa.int64()
            ).cast(pa.timestamp("ms")),
            "department_id": pa.array([None if i % 37 == 0 else i % 12 + 1 for i in ids]),
            "job_id": pa.array([None if i % 53 == 0 else i % 183 + 1 for i in ids]),
        }
    ).cast(arrow_schema(Table.HIRED_EMPLOYEES))


def load(warehouse: DuckDBWarehouse, employees: pa.Table) -> None:
    ingest.insert_batch(
        warehouse, Table.DEPARTMENTS, [{"id": i, "department": f"D{i}"} for i in range(1, 13)]
    )
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": i, "job": f"J{i}"} for i in range(1, 184)])
    with warehouse.transaction() as cursor:
        cursor.register("generated", employees)
        cursor.execute("INSERT INTO hired_employees SELECT * FROM generated")
        cursor.unregister("generated")


@dataclass(frozen=True)
class Spent:
    """Wall seconds, and CPU seconds of this process (all threads; steadier on a busy box)."""

    wall: float
    cpu: float

    def __add__(self, other: Spent) -> Spent:
        return Spent(self.wall + other.wall, self.cpu + other.cpu)


def timed(action: Callable[[], Any]) -> tuple[Spent, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return Spent(time.perf_counter() - wall, time.process_time() - cpu), result


def raw_write(records: list[dict[str, Any]], codec: Codec) -> bytes:
    out = io.BytesIO()
    fastavro.writer(
        out,
        fastavro.parse_schema(avro_format.schema(Table.HIRED_EMPLOYEES)),
        records,
        codec=codec.value,
        sync_interval=avro_format.SYNC_INTERVAL,
    )
    return out.getvalue()


def raw_insert(records: list[dict[str, Any]], path: Path) -> None:
    warehouse = DuckDBWarehouse(path)
    with warehouse.transaction() as cursor:
        staged = pa.Table.from_pylist(records, arrow_schema(Table.HIRED_EMPLOYEES))
        cursor.register("decoded", staged)
        cursor.execute("INSERT INTO hired_employees SELECT * FROM decoded")
        cursor.unregister("decoded")
    warehouse.close()


def peak_memory(database: Path, folder: Path, codec: Codec) -> dict[str, float]:
    """Run one backup in a fresh process and report its peak memory (MiB)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.backup", "--peak", str(database), str(folder), codec.value],
        capture_output=True,
        text=True,
        check=True,
    )
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def _reset_peak_rss() -> bool:
    """Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _rss_mib(field: str) -> float:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return _maxrss_mib()
    line = next(line for line in status.splitlines() if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_child(database: str, folder: str, codec_name: str) -> None:
    codec = Codec(codec_name)
    warehouse = DuckDBWarehouse(database)
    store = FolderBackupStore(folder)
    before = _rss_mib("VmRSS")
    resettable = _reset_peak_rss()
    backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench", codec=codec)
    after = _rss_mib("VmHWM") if resettable else _maxrss_mib()
    tracemalloc.start()
    backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench", codec=codec)
    _, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    whole = [row for chunk in warehouse.snapshot(Table.HIRED_EMPLOYEES, 10_000) for row in chunk]
    _, list_peak = tracemalloc.get_traced_memory()
    del whole
    print(
        json.dumps(
            {
                "rss_before_mib": round(before, 1),
                "rss_peak_mib": round(after, 1),
                "python_peak_mib": round(python_peak / 2**20, 1),
                "whole_list_mib": round(list_peak / 2**20, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--codec", choices=[c.value for c in Codec], default="deflate")
    parser.add_argument("--repeat", type=int, default=3, help="repeats; the median ratio counts")
    parser.add_argument("--peak", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak_child(*args.peak)
        return
    codec = Codec(args.codec)
    pairs: list[tuple[Spent, Spent, Spent, Spent, Spent]] = []
    with tempfile.TemporaryDirectory(prefix="hrgraph-bench-") as scratch:
        root = Path(scratch)
        warehouse = DuckDBWarehouse(root / "warehouse.duckdb")
        store = FolderBackupStore(root / "backups")
        employees = generated_employees(args.rows)
        load(warehouse, employees)
        n = args.rows
        snapshot_rows = _as_snapshot_rows(employees)
        # The bench's own million rows stay out of every collection (as the server's
        # start-up heap does, localserver/lambda_process.py:settle_heap), or each full collection
        # scans them inside whichever figure is being timed.
        gc.collect()
        gc.freeze()
        for attempt in range(args.repeat):
            # Each figure beside its baseline, one after the other: this VM's speed drifts
            # within seconds, so a ratio is taken within one repeat, never across repeats.
            t_raw_write, encoded = _raw_write_timed(snapshot_rows, codec)
            t_backup, made = timed(
                lambda: backup.backup_table(
                    warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench", codec=codec
                )
            )
            raw_path = root / f"raw-insert-{attempt}.duckdb"
            t_raw_read, t_raw_insert = _raw_read_and_insert(encoded, raw_path)
            restore = partial(
                backup.restore_table, warehouse, store, Table.HIRED_EMPLOYEES, made.id
            )
            t_restore, restored = timed(restore)
            assert restored.rows_restored == n == warehouse.count(Table.HIRED_EMPLOYEES)
            pairs.append((t_raw_write, t_backup, t_raw_read, t_raw_insert, t_restore))
        warehouse.connection.execute("CHECKPOINT")  # the peak child starts from a clean file
        warehouse.close()
        memory = peak_memory(root / "warehouse.duckdb", root / "backups", codec)

    print(f"rows: {n:,}  codec: {codec.value}  file: {made.size_bytes / 2**20:.1f} MiB")
    print(f"{'':24}{'rows/s (wall)':>14}{'rows/s (cpu)':>14}{'wall s':>9}{'cpu s':>8}")
    t_raw_write, t_backup, t_raw_read, t_raw_insert, t_restore = _median_repeat(pairs)
    _line("raw fastavro write", n, t_raw_write)
    _line("backup", n, t_backup)
    _ratios("backup / raw write", [(p[0], p[1]) for p in pairs], 0.8)
    _line("raw fastavro read", n, t_raw_read)
    _line("raw Arrow insert", n, t_raw_insert)
    _line("restore", n, t_restore)
    _ratios("restore / (read+insert)", [(p[2] + p[3], p[4]) for p in pairs], 0.7)
    print(
        f"backup peak memory: process RSS {memory['rss_peak_mib']:.0f} MiB "
        f"(before it {memory['rss_before_mib']:.0f} MiB), "
        f"Python objects {memory['python_peak_mib']:.1f} MiB "
        f"(the table as one list of rows would take {memory['whole_list_mib']:.0f} MiB)"
    )


def _median_repeat(
    pairs: list[tuple[Spent, Spent, Spent, Spent, Spent]],
) -> tuple[Spent, Spent, Spent, Spent, Spent]:
    """The repeat whose restore ratio is the median one, for the table's rows."""
    ranked = sorted(pairs, key=lambda p: (p[2].wall + p[3].wall) / p[4].wall)
    return ranked[len(ranked) // 2]


def _line(label: str, n: int, spent: Spent) -> None:
    print(
        f"{label:24}{n / spent.wall:>14,.0f}{n / spent.cpu:>14,.0f}"
        f"{spent.wall:>9.2f}{spent.cpu:>8.2f}"
    )


def _ratios(label: str, pairs: list[tuple[Spent, Spent]], goal: float) -> None:
    """baseline / measured per repeat (wall and CPU); the median of each counts."""
    walls = [baseline.wall / measured.wall for baseline, measured in pairs]
    cpus = [baseline.cpu / measured.cpu for baseline, measured in pairs]
    each = ", ".join(f"{w:.2f}" for w in walls)
    print(
        f"  {label:22}{statistics.median(walls):>14.2f}{statistics.median(cpus):>14.2f}"
        f"   (goal >= {goal:.2f}; median of {each})"
    )


def _raw_write_timed(records: list[dict[str, Any]], codec: Codec) -> tuple[Spent, bytes]:
    seconds, encoded = timed(lambda: raw_write(records, codec))
    return seconds, encoded


def _raw_read_and_insert(encoded: bytes, path: Path) -> tuple[Spent, Spent]:
    t_read, decoded = timed(lambda: list(fastavro.reader(io.BytesIO(encoded))))
    t_insert, _ = timed(lambda: raw_insert(decoded, path))
    return t_read, t_insert


def _as_snapshot_rows(employees: pa.Table) -> list[dict[str, Any]]:
    """The rows as the backup hands them to fastavro (datetime as epoch milliseconds)."""
    columns = {name: employees.column(name) for name in employees.column_names}
    columns["datetime"] = columns["datetime"].cast(pa.timestamp("ms")).cast(pa.int64())
    rows: list[dict[str, Any]] = pa.table(columns).to_pylist()
    return rows


if __name__ == "__main__":
    main()
