"""Reading table rows from CSV files the way people actually have them.

The historic files have no header, CRLF line endings and UTF-8; files
exported by spreadsheets add a header row, LF endings or a byte-order mark.
All of those read the same here. Rows stream one at a time, so a file of
millions of rows is read in bounded memory. An empty cell is left out of the
row it sends (the server then applies its rules: a missing name is INVALID, a
missing datetime defaults to now, a missing department or job is allowed);
it is never sent as an empty string, which the API refuses as a datetime.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from client.models import Table

COLUMNS: dict[Table, tuple[str, ...]] = {
    Table.DEPARTMENTS: ("id", "department"),
    Table.JOBS: ("id", "job"),
    Table.HIRED_EMPLOYEES: ("id", "name", "datetime", "department_id", "job_id"),
}
"""The columns of each table, in the order of the historic header-less files."""

API_FIELDS: dict[str, str] = {"department_id": "departmentId", "job_id": "jobId"}
"""Column names that the GraphQL input spells differently."""


class CsvFormatError(ValueError):
    """The file cannot be read as rows of this table (e.g. a header naming unknown columns)."""


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "").replace("_", "")


def _aliases(table: Table) -> dict[str, str]:
    """Header spellings accepted for each column: ``department_id``, ``departmentId``, ..."""
    return {_normalise(column): column for column in COLUMNS[table]}


def _blank(cell: str | None) -> bool:
    return cell is None or not cell.strip()


def api_row(columns: Sequence[str], cells: Sequence[str]) -> dict[str, Any]:
    """CSV cells as a GraphQL input row: API field names; empty cells stay absent."""
    return {
        API_FIELDS.get(column, column): cell
        for column, cell in zip(columns, cells, strict=False)
        if not _blank(cell)
    }


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data row of a file, with where it came from."""

    index: int
    """Position among the file's data rows, from 0 (header and blank lines not counted)."""
    line: int
    """Line of the file where the row starts, from 1."""
    cells: list[str]
    columns: tuple[str, ...]
    """The table column each cell position holds."""

    @property
    def problem(self) -> str | None:
        """Why the row cannot even be sent (a wrong number of cells), or None."""
        if len(self.cells) != len(self.columns):
            return f"row has {len(self.cells)} cells, expected {len(self.columns)}"
        return None

    def api_row(self) -> dict[str, Any]:
        return api_row(self.columns, self.cells)


class CsvSource:
    """A CSV file of one table's rows; ``header`` is the file's header row, if it has one."""

    def __init__(self, path: Path, table: Table) -> None:
        self.path = path
        self.table = table
        self.header: list[str] | None = None
        self.columns: tuple[str, ...] = COLUMNS[table]
        with path.open(encoding="utf-8-sig", newline="") as stream:
            for cells in csv.reader(stream):
                if cells and not all(_blank(c) for c in cells):
                    self._read_header(cells)
                    break

    def _read_header(self, cells: list[str]) -> None:
        """Take the first row as a header when it names columns instead of holding an id."""
        aliases = _aliases(self.table)
        names = [_normalise(c) for c in cells]
        if "id" not in names:
            return
        unknown = [c for c, n in zip(cells, names, strict=True) if n not in aliases]
        if unknown:
            raise CsvFormatError(
                f"the header names {', '.join(repr(c) for c in unknown)}, which "
                f"{self.table.value} does not have (its columns: {', '.join(COLUMNS[self.table])})"
            )
        self.header = cells
        self.columns = tuple(aliases[n] for n in names)

    @property
    def cell_names(self) -> list[str]:
        """Names for the cells when writing rows back out (the header's, else the table's)."""
        return list(self.header) if self.header is not None else list(COLUMNS[self.table])

    def rows(self) -> Iterator[CsvRow]:
        """The data rows, streamed; blank lines are skipped."""
        with self.path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            index = 0
            skip_header = self.header is not None
            line = 1
            for cells in reader:
                start, line = line, reader.line_num + 1
                if not cells or all(_blank(c) for c in cells):
                    continue
                if skip_header:
                    skip_header = False
                    continue
                yield CsvRow(index, start, cells, self.columns)
                index += 1


def count_lines(path: Path) -> int:
    """Lines in the file, read fast in binary (an estimate of rows for a progress bar)."""
    lines = 0
    last = b"\n"
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (0 if last == b"\n" else 1)
