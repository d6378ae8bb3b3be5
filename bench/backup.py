"""Backup and restore throughput on generated employees, against raw fastavro in the same run.

    .venv/bin/python -m bench.backup [--rows 1000000] [--codec deflate|snappy]

Prints rows/s of
- backup: DuckDB snapshot -> Avro file in the folder store (+ sha256, manifest),
  divided by raw fastavro writing the same rows from a list in memory
  (goal >= 0.8);
- restore: verify + decode + stage + swap, divided by raw fastavro reading
  that file plus a raw Arrow insert of the decoded rows into DuckDB
  (goal >= 0.7);
and the peak memory of a backup, measured in a fresh subprocess (ru_maxrss
for the whole process, DuckDB included; tracemalloc for Python objects).
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
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


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


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


def _peak_child(database: str, folder: str, codec_name: str) -> None:
    codec = Codec(codec_name)
    warehouse = DuckDBWarehouse(database)
    store = FolderBackupStore(folder)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench", codec=codec)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tracemalloc.start()
    backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench", codec=codec)
    _, python_peak = tracemalloc.get_traced_memory()
    print(
        json.dumps(
            {
                "rss_before_mib": round(before, 1),
                "rss_peak_mib": round(after, 1),
                "python_peak_mib": round(python_peak / 2**20, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--codec", choices=[c.value for c in Codec], default="deflate")
    parser.add_argument("--peak", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak:
        _peak_child(*args.peak)
        return
    codec = Codec(args.codec)
    with tempfile.TemporaryDirectory(prefix="hrgraph-bench-") as scratch:
        root = Path(scratch)
        warehouse = DuckDBWarehouse(root / "warehouse.duckdb")
        store = FolderBackupStore(root / "backups")
        employees = generated_employees(args.rows)
        load(warehouse, employees)
        n = args.rows
        t_raw_write, encoded = _raw_write_timed(_as_snapshot_rows(employees), codec)
        t_backup, made = timed(
            lambda: backup.backup_table(
                warehouse, store, Table.HIRED_EMPLOYEES, created_by="bench", codec=codec
            )
        )
        t_raw_read, t_raw_insert = _raw_read_and_insert(encoded, root / "raw-insert.duckdb")
        t_restore, restored = timed(
            lambda: backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id)
        )
        assert restored.rows_restored == n == warehouse.count(Table.HIRED_EMPLOYEES)
        warehouse.close()
        memory = peak_memory(root / "warehouse.duckdb", root / "backups", codec)

    rate = lambda seconds: n / seconds  # noqa: E731
    backup_ratio = rate(t_backup) / rate(t_raw_write)
    restore_ratio = rate(t_restore) / (n / (t_raw_read + t_raw_insert))
    print(f"rows: {n:,}  codec: {codec.value}  file: {made.size_bytes / 2**20:.1f} MiB")
    print(f"raw fastavro write      {rate(t_raw_write):>12,.0f} rows/s  ({t_raw_write:.2f} s)")
    print(f"backup                  {rate(t_backup):>12,.0f} rows/s  ({t_backup:.2f} s)")
    print(f"  ratio to raw write    {backup_ratio:>12.2f}  (goal >= 0.80)")
    print(f"raw fastavro read       {rate(t_raw_read):>12,.0f} rows/s  ({t_raw_read:.2f} s)")
    print(f"raw Arrow insert        {rate(t_raw_insert):>12,.0f} rows/s  ({t_raw_insert:.2f} s)")
    print(f"restore                 {rate(t_restore):>12,.0f} rows/s  ({t_restore:.2f} s)")
    print(f"  ratio to read+insert  {restore_ratio:>12.2f}  (goal >= 0.70)")
    print(
        f"backup peak memory: process RSS {memory['rss_peak_mib']:.0f} MiB "
        f"(before the backup {memory['rss_before_mib']:.0f} MiB), "
        f"Python objects {memory['python_peak_mib']:.1f} MiB"
    )


def _raw_write_timed(records: list[dict[str, Any]], codec: Codec) -> tuple[float, bytes]:
    seconds, encoded = timed(lambda: raw_write(records, codec))
    return seconds, encoded


def _raw_read_and_insert(encoded: bytes, path: Path) -> tuple[float, float]:
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
