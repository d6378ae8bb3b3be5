"""Redshift backups at scale: UNLOAD's Parquet parts -> Avro, time and memory.

    .venv/bin/python -m bench.unload_avro [--rows 1000000] [--part-rows 250000]

Writes ``--rows`` generated employees as Parquet parts (what ``UNLOAD ... FORMAT
AS PARQUET`` leaves under the staging prefix; timestamps in microseconds, as
Redshift writes them), then, in a fresh process, runs the worker's path on
them: resolvers/adapters/redshift_unload.snapshot (download a part, pyarrow
``iter_batches``, rows) into the core's Avro writer (fastavro, deflate) and a
hashing sink, as backup_table does. S3 is a local folder here: the bench
measures the conversion, not the network.

Prints rows/s against raw fastavro writing the same rows from a list already in
memory (the same run), and the peak RSS growth of the conversion next to the
memory the same rows take as one Python list (what a non-streaming path holds).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from bench.backup import _reset_peak_rss, _rss_mib, generated_employees, raw_write
from resolvers.adapters import redshift_unload
from resolvers.core import avro_format
from resolvers.core.avro_format import Codec
from resolvers.core.tables import Table

CHUNK_ROWS = 10_000


class FolderS3:
    """The three S3 calls the worker makes, on a local folder (bucket ignored)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_paginator(self, name: str) -> Any:
        folder = self.folder

        class Pages:
            def paginate(self, Bucket: str, Prefix: str) -> list[dict[str, Any]]:
                keys = sorted(p.name for p in folder.iterdir())
                return [{"Contents": [{"Key": Prefix + k} for k in keys]}]

        return Pages()

    def download_file(self, bucket: str, key: str, path: str) -> None:
        shutil.copyfile(self.folder / key.rsplit("/", 1)[-1], path)

    def delete_objects(self, **kwargs: Any) -> None:
        """Kept: the next run of the bench reads them again."""


class NoDataApi:
    """The UNLOAD statement is taken as already run (its parts are on disk)."""

    def execute(self, sql: str, params: Any = None) -> None:
        assert sql.startswith("UNLOAD")


class HashingSink:
    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def seekable(self) -> bool:
        return False


def write_parts(rows: int, part_rows: int, folder: Path) -> None:
    table = generated_employees(rows)
    table = table.set_column(2, "datetime", table.column("datetime").cast(pa.timestamp("us")))
    for number, start in enumerate(range(0, rows, part_rows)):
        part = table.slice(start, part_rows)
        pq.write_table(part, folder / f"{number % 2:04d}_part_{number // 2:02d}.parquet")


def convert(folder: Path) -> tuple[int, int]:
    staging = redshift_unload.UnloadStaging("bench", "staging/", "arn:bench", FolderS3(folder))
    chunks = redshift_unload.snapshot(
        NoDataApi(),  # type: ignore[arg-type]
        staging,
        Table.HIRED_EMPLOYEES,
        CHUNK_ROWS,
    )
    sink = HashingSink()
    rows = avro_format.write(sink, Table.HIRED_EMPLOYEES, Codec.DEFLATE, chunks)
    return rows, sink.size


def child(folder: str) -> None:
    # Libraries loaded first: the growth measured is the conversion's, not pyarrow's code.
    pq.ParquetFile(next(Path(folder).iterdir())).close()
    before = _rss_mib("VmRSS")
    resettable = _reset_peak_rss()
    started = time.perf_counter()
    rows, size = convert(Path(folder))
    seconds = time.perf_counter() - started
    peak = _rss_mib("VmHWM") if resettable else float("nan")
    print(
        json.dumps(
            {
                "rows": rows,
                "avro_bytes": size,
                "seconds": round(seconds, 2),
                "rss_before_mib": round(before, 1),
                "rss_peak_mib": round(peak, 1),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--part-rows", type=int, default=250_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="hrgraph-unload-bench-") as scratch:
        folder = Path(scratch) / "parts"
        folder.mkdir()
        write_parts(args.rows, args.part_rows, folder)
        parts = sorted(folder.iterdir())
        on_disk = sum(p.stat().st_size for p in parts) / 2**20
        done = subprocess.run(
            [sys.executable, "-m", "bench.unload_avro", "--child", str(folder)],
            capture_output=True,
            text=True,
            check=True,
        )
        measured = json.loads(done.stdout.strip().splitlines()[-1])
        assert measured["rows"] == args.rows
        # Baseline, same run: raw fastavro from the same rows already in one list.
        tracemalloc.start()
        records = [r for c in _chunks(folder) for r in c]
        _, list_bytes = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        started = time.perf_counter()
        raw_write(records, Codec.DEFLATE)
        raw_seconds = time.perf_counter() - started
    rate = measured["rows"] / measured["seconds"]
    growth = measured["rss_peak_mib"] - measured["rss_before_mib"]
    print(f"{args.rows:,} rows in {len(parts)} Parquet parts ({on_disk:.1f} MiB)")
    print(
        f"Parquet -> Avro (deflate): {measured['seconds']:.2f} s, {rate:,.0f} rows/s; raw "
        f"fastavro from a list: {raw_seconds:.2f} s; ratio {raw_seconds / measured['seconds']:.2f}"
    )
    print(
        f"peak RSS growth {growth:.1f} MiB (from {measured['rss_before_mib']} MiB); the same rows "
        f"as one Python list: {list_bytes / 2**20:.0f} MiB; Avro file "
        f"{measured['avro_bytes'] / 2**20:.1f} MiB"
    )


def _chunks(folder: Path) -> Any:
    staging = redshift_unload.UnloadStaging("bench", "staging/", "arn:bench", FolderS3(folder))
    return redshift_unload.snapshot(NoDataApi(), staging, Table.HIRED_EMPLOYEES, CHUNK_ROWS)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
