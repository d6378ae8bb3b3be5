"""Reading table rows from CSV files the way people actually have them.

The historic files have no header, CRLF line endings and UTF-8; files
exported by spreadsheets add a header row, LF endings or a byte-order mark.
All of those read the same here, and so do files separated by semicolons,
tabs or bars (the delimiter is detected) and headers written in words ("Job
ID,Job Title"). Rows stream one at a time, so a file of millions of rows is
read in bounded memory. An empty cell is left out of the row it sends (the
server then applies its rules: a missing name is INVALID, a missing department
or job is allowed); it is never sent as an empty string, which the API refuses
as a datetime. Whether a row with no datetime is sent at all is the loader's
choice (client/loading.py: a file's undated rows are rejected unless asked).

A row is a line. A line that is not well-formed CSV (a quote that opens and
never closes, say) is that line's verdict: it comes back as a row with a
``malformed`` reason, and the lines after it read as usual. Left to the csv
module, one stray quote would swallow every line up to the next quote.
"""

from __future__ import annotations

import csv
from collections import Counter
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


DELIMITERS = ",;\t|"
"""Delimiters a file may use (spreadsheets in many locales write ``;``)."""

SAMPLE_BYTES = 64 * 1024
SNIFF_LINES = 20

WORDED: dict[Table, dict[str, str]] = {
    Table.DEPARTMENTS: {"departmentid": "id", "departmentname": "department", "name": "department"},
    Table.JOBS: {"jobid": "id", "jobtitle": "job", "jobname": "job"},
    Table.HIRED_EMPLOYEES: {
        "employeeid": "id",
        "employeename": "name",
        "fullname": "name",
        "hired": "datetime",
        "hiredate": "datetime",
        "hiredat": "datetime",
        "hiredon": "datetime",
        "department": "department_id",
        "job": "job_id",
    },
}
"""Header words people use for a column besides its own name (normalised: no case, space, _)."""


def _normalise(name: str) -> str:
    return name.strip().lower().replace(" ", "").replace("_", "").replace("-", "")


def _aliases(table: Table) -> dict[str, str]:
    """Header spellings accepted for each column: ``department_id``, ``Job ID``, ..."""
    return {**{_normalise(column): column for column in COLUMNS[table]}, **WORDED[table]}


def _is_integer(cell: str) -> bool:
    return cell.strip().lstrip("+-").isdigit()


def sniff_delimiter(sample: str) -> str:
    """The delimiter of a file from its first lines: the one that splits them most evenly.

    Each candidate splits the first lines; it scores the lines that it cuts
    into its most common number of cells, when that is more than one. The
    best score wins, a tie goes to the comma (csv.Sniffer guesses a space for
    "Job ID;Job Title").
    """
    lines = [line for line in sample.splitlines()[:SNIFF_LINES] if line.strip()]
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        widths = Counter(len(cells) for cells in csv.reader(lines, delimiter=delimiter))
        width, score = widths.most_common(1)[0] if widths else (0, 0)
        if width > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def parse_line(line: str, delimiter: str = ",") -> tuple[list[str], str | None]:
    """One line's cells, or why the line is not well-formed CSV (then its text as one cell)."""
    text = line.rstrip("\r\n")
    if "\x00" in text:
        return [text.replace("\x00", "")], "the line holds a NUL character (is it a text file?)"
    try:
        cells = next(csv.reader([text], delimiter=delimiter, strict=True), [])
    except csv.Error as error:
        if text.count('"') % 2:
            return [text], "a quote opens and does not close on this line"
        return [text], f"the line is not well-formed CSV ({error})"
    return cells, None


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

    malformed: str | None = None
    """Why the line is not well-formed CSV (its text is then the one cell), or None."""

    @property
    def problem(self) -> str | None:
        """Why the row cannot even be sent (malformed, a wrong number of cells), or None."""
        if self.malformed:
            return self.malformed
        if len(self.cells) != len(self.columns):
            return f"row has {len(self.cells)} cells, expected {len(self.columns)}"
        return None

    def api_row(self) -> dict[str, Any]:
        return api_row(self.columns, self.cells)

    def lacks(self, column: str) -> bool:
        """Is this column's cell empty (or missing) in the row?"""
        if column not in self.columns:
            return False
        position = self.columns.index(column)
        return position >= len(self.cells) or _blank(self.cells[position])


class CsvSource:
    """A CSV file of one table's rows; ``header`` is the file's header row, if it has one."""

    def __init__(self, path: Path, table: Table) -> None:
        self.path = path
        self.table = table
        self.header: list[str] | None = None
        self.columns: tuple[str, ...] = COLUMNS[table]
        with path.open(encoding="utf-8-sig", newline="") as stream:
            self.delimiter = sniff_delimiter(stream.read(SAMPLE_BYTES))
            stream.seek(0)
            for line in stream:
                cells, malformed = parse_line(line, self.delimiter)
                if malformed is None and cells and not all(_blank(c) for c in cells):
                    self._read_header(cells)
                    break

    def _read_header(self, cells: list[str]) -> None:
        """Take the first row as a header when it names columns instead of holding an id."""
        aliases = _aliases(self.table)
        names = [_normalise(c) for c in cells]
        if _is_integer(cells[0]) or not any(aliases.get(n) == "id" for n in names):
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
        """The data rows, streamed, one per line; blank lines are skipped."""
        with self.path.open(encoding="utf-8-sig", newline="") as stream:
            index = 0
            skip_header = self.header is not None
            for number, line in enumerate(stream, start=1):
                cells, malformed = parse_line(line, self.delimiter)
                if malformed is None and (not cells or all(_blank(c) for c in cells)):
                    continue
                if skip_header:
                    skip_header = False
                    continue
                yield CsvRow(index, number, cells, self.columns, malformed)
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
