"""Loading a CSV file through the API in batches, keeping every rejected row with its reason.

The file streams through in batches of at most 1000 rows (the API's limit),
so memory stays flat whatever the file's size. Rows the server rejects (and
rows too malformed to send) are written to ``<file>.rejected.csv`` beside
the input: where the row was, why it was rejected, and its original cells,
ready to fix and load again.

A batch the API refuses whole (an error instead of verdicts) costs that
batch, not the file: its rows go to the rejects file under the error's type,
and the load goes on. When going on cannot help (the server is unreachable,
the token is refused) the load stops, and every row not yet sent goes to the
rejects file as ``NOT_SENT``: a load never stops without saying where each
row went.

A row with no hire date is rejected by default (``Undated.REJECT``): the
API's rule "an absent datetime means now" fits a new hire entered today, not
a historic file, whose undated rows would otherwise become phantom hires of
the day of loading. ``Undated.NOW`` sends them as they are, for the server to
date now; both the CLI (``--missing-datetime``, as for ``import``) and the web app
ask which.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from client.csvfile import CsvRow, CsvSource
from client.errors import ApiError, Unauthorized, Unavailable
from client.models import MAX_BATCH_ROWS, RejectReason, Table

if TYPE_CHECKING:
    from client.api import HrClient

T = TypeVar("T")

REJECTED_COLUMNS = ("line", "reason", "field", "message")
"""Leading columns of a rejected-rows file (``line``: where the row starts in the file, from 1,
as an editor shows it); the row's original cells follow."""

NOT_SENT = "NOT_SENT"
"""Reason of rows a stopped load never sent."""


class Undated(StrEnum):
    """What a load does with employee rows that have no hire date."""

    REJECT = "reject"
    """Reject them (INVALID, field datetime): the default for files."""
    NOW = "now"
    """Send them; the server dates them at the moment of loading."""


UNDATED_MESSAGE = "no hire date (rows without one are rejected unless they are to be dated now)"


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter); itertools.batched is 3.12+."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def rejected_path(path: Path) -> Path:
    """``data/hired_employees.csv`` -> ``data/hired_employees.rejected.csv``."""
    return path.with_name(f"{path.stem}.rejected.csv")


@dataclass
class LoadSummary:
    table: Table
    path: Path
    received: int = 0
    inserted: int = 0
    rejected: Counter[RejectReason] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    """Rows not judged one by one: a refused batch's errorType, or NOT_SENT, to a count."""
    stopped: ApiError | None = None
    """The error that ended the load early, if one did."""
    rejected_file: Path | None = None
    seconds: float = 0.0

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values()) + sum(self.failed.values())

    @property
    def rows_per_second(self) -> float:
        return self.received / self.seconds if self.seconds else 0.0


class _RejectedWriter:
    """Opens the rejected-rows file only when the first rejection arrives."""

    def __init__(self, path: Path, cell_names: Sequence[str]) -> None:
        self.path = path
        self._cell_names = list(cell_names)
        self._stream: IO[str] | None = None
        self._writer: Any = None

    def write(self, row: CsvRow, reason: str, field: str | None, message: str) -> None:
        if self._writer is None:
            self._stream = self.path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._stream)
            self._writer.writerow([*REJECTED_COLUMNS, *self._cell_names])
        self._writer.writerow([row.line, reason, field or "", message, *row.cells])

    @property
    def used(self) -> bool:
        return self._writer is not None

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


def load_csv(
    api: HrClient,
    table: Table,
    path: Path,
    batch_size: int = MAX_BATCH_ROWS,
    on_batch: Callable[[int], None] | None = None,
    undated: Undated = Undated.REJECT,
) -> LoadSummary:
    """Send the file's rows in batches; ``on_batch(rows)`` is called after each batch."""
    if not 1 <= batch_size <= MAX_BATCH_ROWS:
        raise ValueError(f"batch size must be 1 to {MAX_BATCH_ROWS}, got {batch_size}")
    source = CsvSource(path, table)
    summary = LoadSummary(table, path)
    target = rejected_path(path)
    rejects = _RejectedWriter(target, source.cell_names)
    started = time.perf_counter()
    rows = source.rows()
    try:
        for batch in batched(rows, batch_size):
            _load_batch(api, table, batch, summary, rejects, undated)
            if on_batch:
                on_batch(len(batch))
            if summary.stopped is not None:
                _not_sent(rows, summary, rejects)
                break
    finally:
        rejects.close()
        summary.seconds = time.perf_counter() - started
    if rejects.used:
        summary.rejected_file = target
    else:
        target.unlink(missing_ok=True)  # a stale file from an earlier run would mislead
    return summary


def _not_sent(rows: Iterator[CsvRow], summary: LoadSummary, rejects: _RejectedWriter) -> None:
    message = f"not sent: the load stopped ({summary.stopped})"
    for row in rows:
        summary.received += 1
        summary.failed[NOT_SENT] += 1
        rejects.write(row, NOT_SENT, None, message)


def _load_batch(
    api: HrClient,
    table: Table,
    batch: list[CsvRow],
    summary: LoadSummary,
    rejects: _RejectedWriter,
    undated: Undated = Undated.REJECT,
) -> None:
    summary.received += len(batch)
    sendable: list[CsvRow] = []
    for row in batch:
        problem = row.problem
        if problem:  # field: what a person fixes, the line's CSV or its number of cells
            summary.rejected[RejectReason.INVALID] += 1
            rejects.write(row, "INVALID", "line" if row.malformed else "cells", problem)
        elif undated is Undated.REJECT and row.lacks("datetime"):
            summary.rejected[RejectReason.INVALID] += 1
            rejects.write(row, "INVALID", "datetime", UNDATED_MESSAGE)
        else:
            sendable.append(row)
    if not sendable:
        return
    try:
        result = api.insert(table, [row.api_row() for row in sendable])
    except ApiError as error:
        for row in sendable:
            summary.failed[error.error_type] += 1
            rejects.write(row, error.error_type, error.info.get("field"), error.message)
        if isinstance(error, Unavailable | Unauthorized):
            summary.stopped = error
        return
    summary.inserted += result.inserted
    for rejection in result.rejected:
        row = sendable[rejection.index]
        summary.rejected[rejection.reason] += 1
        rejects.write(row, rejection.reason.value, rejection.field, rejection.message)
