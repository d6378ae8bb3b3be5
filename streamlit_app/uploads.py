"""An uploaded CSV, loaded through the client's batch loader (client/loading.py).

The upload is written to a private temporary folder so the client's streaming
reader and rejected-rows writer work on it exactly as they do for the CLI;
what the page needs (preview, summary, rejected rows as CSV bytes) comes back
in memory and the folder is removed.
"""

from __future__ import annotations

import csv
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from client.api import HrClient
from client.csvfile import COLUMNS, CsvFormatError, CsvSource
from client.loading import load_csv
from client.models import MAX_BATCH_ROWS, Table

PREVIEW_ROWS = 20


def guess_table(file_name: str, content: bytes = b"") -> Table | None:
    """departments.csv -> DEPARTMENTS, hired_employees_2021.csv -> HIRED_EMPLOYEES.

    A name that says nothing falls back on the first row: a header naming a
    table's columns, or five cells (only hired_employees has five).
    """
    stem = Path(file_name).stem.lower()
    for table in (Table.HIRED_EMPLOYEES, Table.DEPARTMENTS, Table.JOBS):
        if stem.startswith(table.value) or table.value in stem:
            return table
    if "employee" in stem or "hire" in stem:
        return Table.HIRED_EMPLOYEES
    if "job" in stem:
        return Table.JOBS
    if "dep" in stem:
        return Table.DEPARTMENTS
    first = _first_row(content)
    names = {cell.strip().lower() for cell in first}
    for table in (Table.DEPARTMENTS, Table.JOBS, Table.HIRED_EMPLOYEES):
        if set(COLUMNS[table]) - {"id"} <= names:
            return table
    if len(first) == len(COLUMNS[Table.HIRED_EMPLOYEES]):
        return Table.HIRED_EMPLOYEES
    return None


def _first_row(content: bytes) -> list[str]:
    text = content[:4096].decode("utf-8-sig", errors="replace")
    for cells in csv.reader(text.splitlines()[:5]):
        if any(cell.strip() for cell in cells):
            return cells
    return []


@dataclass(frozen=True)
class Preview:
    rows: int
    header: list[str] | None
    frame: pd.DataFrame
    widths: Counter[int]
    """How many rows have each number of cells."""


def mismatch(preview: Preview, table: Table) -> str | None:
    """Why this file does not fit this table (checked before any row is sent), or None."""
    expected = len(COLUMNS[table])
    names = ", ".join(COLUMNS[table])
    if preview.header is not None and len(preview.header) != expected:
        return (
            f"The header has {len(preview.header)} columns ({', '.join(preview.header)}), "
            f"but {table.value} has {expected}: {names}."
        )
    if not preview.widths:
        return "The file holds no rows."
    width, count = preview.widths.most_common(1)[0]
    if width != expected:
        return (
            f"Most rows of this file have {width} columns ({count} of {preview.rows}), "
            f"but {table.value} has {expected}: {names}. Pick the table this file is for."
        )
    return None


def read_problem(error: Exception) -> str:
    """A reading failure in plain words (never a temp path)."""
    if isinstance(error, UnicodeDecodeError):
        return 'it is not UTF-8 text (save it from your spreadsheet as "CSV UTF-8").'
    if isinstance(error, CsvFormatError):
        return f"{error}."
    return f"it is not a well-formed CSV file ({error})."


@dataclass(frozen=True)
class LoadOutcome:
    received: int
    inserted: int
    rejected: pd.DataFrame
    rejected_csv: bytes
    seconds: float


def _written(folder: Path, file_name: str, content: bytes) -> Path:
    path = folder / (Path(file_name).name or "upload.csv")
    path.write_bytes(content)
    return path


def preview(file_name: str, content: bytes, table: Table) -> Preview:
    """The first rows as the loader will read them (header detected, columns named)."""
    with tempfile.TemporaryDirectory(prefix="hrgraph-upload-") as folder:
        source = CsvSource(_written(Path(folder), file_name, content), table)
        first: list[list[str]] = []
        total = 0
        widths: Counter[int] = Counter()
        for row in source.rows():
            if total < PREVIEW_ROWS:
                first.append(row.cells)
            widths[len(row.cells)] += 1
            total += 1
        width = max([len(source.columns), *(len(cells) for cells in first)])
        names = list(source.columns) + [f"extra {i}" for i in range(len(source.columns), width)]
        padded = [cells + [""] * (width - len(cells)) for cells in first]
        return Preview(total, source.header, pd.DataFrame(padded, columns=names), widths)


def load(
    api: HrClient,
    table: Table,
    file_name: str,
    content: bytes,
    on_batch: Callable[[int], None] | None = None,
    batch_size: int = MAX_BATCH_ROWS,
) -> LoadOutcome:
    """Send the file in batches; ``on_batch(rows)`` after each, for a progress bar."""
    with tempfile.TemporaryDirectory(prefix="hrgraph-upload-") as folder:
        path = _written(Path(folder), file_name, content)
        summary = load_csv(api, table, path, batch_size=batch_size, on_batch=on_batch)
        if summary.rejected_file is not None:
            rejected_csv = summary.rejected_file.read_bytes()
            rejected = pd.read_csv(summary.rejected_file, dtype=str, keep_default_na=False)
        else:
            rejected_csv = b""
            rejected = pd.DataFrame()
    return LoadOutcome(summary.received, summary.inserted, rejected, rejected_csv, summary.seconds)
