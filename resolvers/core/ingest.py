"""Batch ingest: every row gets a verdict, accepted rows commit together.

Order of judgement for a row: INVALID (its own fields), DUPLICATE_IN_BATCH
(an earlier valid row of the batch has its id), ALREADY_EXISTS (the table
has it), UNKNOWN_REFERENCE (its department or job does not exist). The last
two are decided by the warehouse inside the insert's transaction, so a
concurrent writer cannot slip a duplicate in between check and insert.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from hrgraph_contract import RejectReason as RejectReason
from resolvers.core.errors import ValidationError
from resolvers.core.ports import InsertOutcome, Warehouse
from resolvers.core.tables import MAX_BATCH_ROWS, Record, Table
from resolvers.core.validation import RowProblem, validate_row


@dataclass(frozen=True, slots=True)
class Rejection:
    index: int
    id: str | None
    reason: RejectReason
    field: str | None
    message: str


@dataclass(frozen=True, slots=True)
class InsertReport:
    table: Table
    received: int
    inserted_ids: list[int]
    rejected: list[Rejection]

    @property
    def inserted(self) -> int:
        return len(self.inserted_ids)


def check_batch_size(rows: Sequence[Any]) -> None:
    if not 1 <= len(rows) <= MAX_BATCH_ROWS:
        raise ValidationError("rows", f"a batch holds 1 to {MAX_BATCH_ROWS} rows, got {len(rows)}")


def insert_batch(
    warehouse: Warehouse,
    table: Table,
    rows: Sequence[Any],
    now: datetime | None = None,
) -> InsertReport:
    check_batch_size(rows)
    now = now or datetime.now(UTC)
    rejected: list[Rejection] = []
    accepted: list[tuple[int, Record]] = []
    first_index: dict[int, int] = {}
    for index, row in enumerate(rows):
        verdict = validate_row(table, row, now)
        if isinstance(verdict, RowProblem):
            rejected.append(
                _reject(index, row, RejectReason.INVALID, verdict.field, verdict.message)
            )
        elif verdict.id in first_index:
            message = f"id {verdict.id} already appears at index {first_index[verdict.id]}"
            rejected.append(_reject(index, row, RejectReason.DUPLICATE_IN_BATCH, "id", message))
        else:
            first_index[verdict.id] = index
            accepted.append((index, verdict))

    outcome = (
        warehouse.insert_new(table, [record for _, record in accepted])
        if accepted
        else InsertOutcome(inserted=frozenset())
    )
    inserted_ids: list[int] = []
    for index, record in accepted:
        rejection = _judge_against_table(index, record, table, outcome)
        if rejection:
            rejected.append(rejection)
        else:
            inserted_ids.append(record.id)
    rejected.sort(key=lambda r: r.index)
    return InsertReport(table, len(rows), inserted_ids, rejected)


def _judge_against_table(
    index: int, record: Record, table: Table, outcome: InsertOutcome
) -> Rejection | None:
    raw_id = str(record.id)
    if record.id in outcome.already_exists:
        message = f"id {record.id} already exists in {table.value}"
        return Rejection(index, raw_id, RejectReason.ALREADY_EXISTS, "id", message)
    if record.id in outcome.unknown_department:
        message = f"departmentId {getattr(record, 'department_id', None)} does not exist"
        return Rejection(index, raw_id, RejectReason.UNKNOWN_REFERENCE, "departmentId", message)
    if record.id in outcome.unknown_job:
        message = f"jobId {getattr(record, 'job_id', None)} does not exist"
        return Rejection(index, raw_id, RejectReason.UNKNOWN_REFERENCE, "jobId", message)
    if record.id not in outcome.inserted:
        raise AssertionError(f"warehouse gave no verdict for id {record.id}")
    return None


def _reject(
    index: int, row: Any, reason: RejectReason, field: str | None, message: str
) -> Rejection:
    raw = row.get("id") if isinstance(row, Mapping) else None
    return Rejection(index, None if raw is None else str(raw), reason, field, message)
