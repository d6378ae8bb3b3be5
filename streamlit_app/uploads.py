"""An uploaded CSV, loaded through the client's batch loader (client/loading.py).

The upload is written to a private temporary folder so the client's streaming
reader and rejected-rows writer work on it exactly as they do for the CLI;
what the page needs (preview, summary, rejected rows as CSV bytes) comes back
in memory and the folder is removed.

Before anything is sent, ``preview`` reads the whole file once and checks
what can be checked here (``Check``): lines that are not CSV, a wrong number
of cells, ids that are not positive whole numbers or repeat, empty names, no
hire date, departments and jobs that do not exist yet. The server still
judges every row; this pass only lets a person fix a file, or choose what to
do with undated rows, before sending it.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pandas as pd

from client.api import HrClient
from client.csvfile import COLUMNS, CsvFormatError, CsvRow, CsvSource, sniff_delimiter
from client.loading import REJECTED_COLUMNS, Undated, load_csv
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
    lines = text.splitlines()[:5]
    for cells in csv.reader(lines, delimiter=sniff_delimiter("\n".join(lines))):
        if any(cell.strip() for cell in cells):
            return cells
    return []


Problem = tuple[str, str]
"""(reason, field) of a row found wrong before sending, as the server would name them."""


@dataclass
class Check:
    """What the pass before sending found: rows per problem, and the first line of each."""

    counts: Counter[Problem]
    first_line: dict[Problem, int]
    undated: int = 0
    """Rows that are otherwise sendable and have no hire date (employees only)."""

    def add(self, problem: Problem, line: int) -> None:
        self.counts[problem] += 1
        self.first_line.setdefault(problem, line)


WORDS: dict[Problem, str] = {
    ("INVALID", "line"): "the line is not well-formed CSV",
    ("INVALID", "cells"): "a wrong number of cells",
    ("INVALID", "id"): "the id is not a positive whole number",
    ("DUPLICATE_IN_BATCH", "id"): "the id appears earlier in the file (the first one is kept)",
    ("INVALID", "name"): "no name",
    ("INVALID", "department"): "no department name",
    ("INVALID", "job"): "no job name",
    ("INVALID", "datetime"): "no hire date",
    ("UNKNOWN_REFERENCE", "department_id"): "the department does not exist (yet)",
    ("UNKNOWN_REFERENCE", "job_id"): "the job does not exist (yet)",
}
"""What each problem found before sending means, for the table the page shows."""


@dataclass(frozen=True)
class Preview:
    rows: int
    header: list[str] | None
    frame: pd.DataFrame
    widths: Counter[int]
    """How many rows have each number of cells."""
    check: Check


def check_frame(check: Check) -> pd.DataFrame:
    """The problems found before sending, most rows first: reason, field, rows, first line."""
    rows = [
        {
            "reason": reason,
            "field": field,
            "rows": count,
            "first line": check.first_line[(reason, field)],
            "what it means": WORDS.get((reason, field), ""),
        }
        for (reason, field), count in check.counts.most_common()
    ]
    return pd.DataFrame(rows, columns=["reason", "field", "rows", "first line", "what it means"])


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


def preview(
    file_name: str,
    content: bytes,
    table: Table,
    known: dict[str, set[int]] | None = None,
) -> Preview:
    """The first rows as the loader will read them (header detected, columns named), and
    the check of every row before sending; ``known`` holds the existing department and
    job ids (by column: ``department_id``, ``job_id``) when the page could read them."""
    with tempfile.TemporaryDirectory(prefix="hrgraph-upload-") as folder:
        source = CsvSource(_written(Path(folder), file_name, content), table)
        first: list[list[str]] = []
        total = 0
        widths: Counter[int] = Counter()
        check = Check(Counter(), {})
        seen: set[int] = set()
        for row in source.rows():
            if total < PREVIEW_ROWS:
                first.append(row.cells)
            widths[len(row.cells)] += 1
            total += 1
            _check_row(row, check, seen, known or {})
        width = max([len(source.columns), *(len(cells) for cells in first)])
        names = list(source.columns) + [f"extra {i}" for i in range(len(source.columns), width)]
        padded = [cells + [""] * (width - len(cells)) for cells in first]
        frame = pd.DataFrame(padded, columns=names)
        return Preview(total, source.header, frame, widths, check)


def _check_row(row: CsvRow, check: Check, seen: set[int], known: dict[str, set[int]]) -> None:
    """The server's row rules that need no database, and references against ``known``."""
    if row.malformed:
        check.add(("INVALID", "line"), row.line)
        return
    if row.problem:
        check.add(("INVALID", "cells"), row.line)
        return
    cells = dict(zip(row.columns, (cell.strip() for cell in row.cells), strict=True))
    if not (cells["id"].isdigit() and int(cells["id"]) > 0):
        check.add(("INVALID", "id"), row.line)
    elif int(cells["id"]) in seen:
        check.add(("DUPLICATE_IN_BATCH", "id"), row.line)
    else:
        seen.add(int(cells["id"]))
    for column in ("name", "department", "job"):
        if column in cells and not cells[column]:
            check.add(("INVALID", column), row.line)
    if "datetime" in cells and not cells["datetime"]:
        check.add(("INVALID", "datetime"), row.line)
        check.undated += 1
    for column, ids in known.items():
        value = cells.get(column, "")
        if value.isdigit() and int(value) not in ids:
            check.add(("UNKNOWN_REFERENCE", column), row.line)


def load(
    api: HrClient,
    table: Table,
    file_name: str,
    content: bytes,
    on_batch: Callable[[int], None] | None = None,
    batch_size: int = MAX_BATCH_ROWS,
    undated: Undated = Undated.REJECT,
) -> LoadOutcome:
    """Send the file in batches; ``on_batch(rows)`` after each, for a progress bar."""
    with tempfile.TemporaryDirectory(prefix="hrgraph-upload-") as folder:
        path = _written(Path(folder), file_name, content)
        summary = load_csv(api, table, path, batch_size, on_batch, undated)
        if summary.rejected_file is not None:
            rejected_csv = summary.rejected_file.read_bytes()
        else:
            rejected_csv = b""
    rejected = rejected_frame(rejected_csv)
    return LoadOutcome(summary.received, summary.inserted, rejected, rejected_csv, summary.seconds)


def rejected_frame(rejected_csv: bytes, limit: int | None = None) -> pd.DataFrame:
    """The rejects file as a table of text; rows of any width (a malformed line has one cell,
    a line with extra cells more) are padded to the widest, extra cells named ``extra N``.
    ``limit``: only the first rows (an import's rejects file may be long)."""
    if not rejected_csv:
        return pd.DataFrame()
    text = io.TextIOWrapper(io.BytesIO(rejected_csv), encoding="utf-8", newline="")
    # Read as far as needed, never decoded whole: a million rejected rows weigh 100+ MB.
    header, *rows = islice(csv.reader(text), None if limit is None else limit + 1)
    width = max([len(header), *(len(row) for row in rows)])
    names = header + [f"extra {i}" for i in range(len(header) - len(REJECTED_COLUMNS), width)]
    names = names[:width]
    return pd.DataFrame([row + [""] * (width - len(row)) for row in rows], columns=names)


def reject_groups(rejected: pd.DataFrame) -> pd.DataFrame:
    """Rejected rows counted by reason and field, most first, with one message as the example."""
    if rejected.empty:
        return pd.DataFrame(columns=["reason", "field", "rows", "for example"])
    keyed = rejected.assign(field=rejected["field"].replace("", "—"))
    grouped = keyed.groupby(["reason", "field"], sort=False).agg(
        rows=("line", "size"), example=("message", "first")
    )
    grouped = grouped.reset_index().sort_values("rows", ascending=False, kind="stable")
    return grouped.rename(columns={"example": "for example"}).reset_index(drop=True)


def in_group(rejected: pd.DataFrame, group: str) -> pd.DataFrame:
    """The rejected rows of one ``reason · field`` group ("all": every one)."""
    if group == "all" or rejected.empty:
        return rejected
    reason, field = group.split(" · ", 1)
    fields = rejected["field"].replace("", "—")
    return rejected[(rejected["reason"] == reason) & (fields == field)]


def as_csv(cells: pd.DataFrame) -> bytes:
    """Rows to send again, with their column names as the header (``extra N`` cells dropped)."""
    kept = [c for c in cells.columns if not str(c).startswith("extra ")]
    text: str = cells[kept].to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8")
