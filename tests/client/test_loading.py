"""Loading CSV files through the real local server over HTTP, with the gql client."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from client.api import HrClient
from client.csvfile import COLUMNS
from client.demo_data import write_dataset
from client.loading import load_csv, rejected_path
from client.models import Table
from tests.client import expected
from tests.conftest import HISTORIC_DATA, LiveServer

BATCH = 1000


def load_all(api: HrClient, folder: Path, batch_size: int = BATCH) -> None:
    for table in Table:
        load_csv(api, table, folder / f"{table.value}.csv", batch_size)


def rejected_rows(path: Path) -> list[dict[str, str]]:
    assert rejected_path(path).name == f"{path.stem}.rejected.csv"
    with rejected_path(path).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_a_generated_dataset_with_faulty_rows_gets_the_verdicts_the_rules_give(
    live_server: LiveServer, tmp_path: Path
) -> None:
    files = write_dataset(tmp_path, 4000, seed=99, fault_rate=0.05)
    departments = expected.read(files.departments)
    jobs = expected.read(files.jobs)
    rows = expected.read(files.hired_employees)
    verdicts = expected.employee_verdicts(
        rows, {d[0] for d in departments}, {j[0] for j in jobs}, BATCH
    )
    assert set(verdicts.reasons) == {
        "INVALID",
        "DUPLICATE_IN_BATCH",
        "ALREADY_EXISTS",
        "UNKNOWN_REFERENCE",
    }

    with HrClient(live_server.url, live_server.token) as api:
        for table, path, count in (
            (Table.DEPARTMENTS, files.departments, len(departments)),
            (Table.JOBS, files.jobs, len(jobs)),
        ):
            summary = load_csv(api, table, path)
            assert (summary.inserted, summary.rejected_total) == (count, 0)
            assert summary.rejected_file is None
        summary = load_csv(api, Table.HIRED_EMPLOYEES, files.hired_employees)
        stored_ids = [e.id for e in api.iter_employees(page_size=1000)]

    assert summary.received == len(rows)
    assert summary.inserted == len(verdicts.inserted)
    assert {r.value: n for r, n in summary.rejected.items()} == dict(verdicts.reasons)
    assert stored_ids == sorted(verdicts.inserted)

    written = rejected_rows(files.hired_employees)
    expected_rejections = [
        (str(i + 1), verdict) for i, verdict in enumerate(verdicts.outcome) if verdict != "INSERTED"
    ]
    assert [(r["line"], r["reason"]) for r in written] == expected_rejections  # header-less file
    columns = ["line", "reason", "field", "message", *COLUMNS[Table.HIRED_EMPLOYEES]]
    assert list(written[0]) == columns
    for record in written:
        assert [record[c] for c in columns[4:]] == rows[int(record["line"]) - 1]
        assert record["message"]
    fields = Counter((r["reason"], r["field"]) for r in written)
    assert fields[("DUPLICATE_IN_BATCH", "id")] == verdicts.reasons["DUPLICATE_IN_BATCH"]
    assert fields[("UNKNOWN_REFERENCE", "departmentId")] == verdicts.reasons["UNKNOWN_REFERENCE"]


@pytest.fixture
def historic(tmp_path: Path) -> Path:
    """A writable copy of the historic files' folder (the loader writes rejects beside them)."""
    folder = tmp_path / "historic"
    folder.mkdir()
    for table in Table:
        name = f"{table.value}.csv"
        (folder / name).write_bytes((HISTORIC_DATA / name).read_bytes())
    return folder


def test_the_historic_files_load_with_exactly_the_rows_the_rules_reject(
    live_server: LiveServer, historic: Path
) -> None:
    departments = expected.read(historic / "departments.csv")
    jobs = expected.read(historic / "jobs.csv")
    rows = expected.read(historic / "hired_employees.csv")
    verdicts = expected.employee_verdicts(
        rows, {d[0] for d in departments}, {j[0] for j in jobs}, BATCH
    )
    with HrClient(live_server.url, live_server.token) as api:
        summaries = {
            table: load_csv(api, table, historic / f"{table.value}.csv") for table in Table
        }
    assert summaries[Table.DEPARTMENTS].inserted == len(departments) == 12
    assert summaries[Table.JOBS].inserted == len(jobs) == 183
    employees = summaries[Table.HIRED_EMPLOYEES]
    assert employees.received == len(rows) == 1999
    # An empty name is fatal, and so is an empty datetime by default (14 rows); empty
    # departments and jobs are allowed.
    undated = {i for i, r in enumerate(rows) if not r[2].strip()}
    nameless = {i for i, r in enumerate(rows) if not r[1].strip()} - undated
    assert len(undated) == 14
    assert {r.value: n for r, n in employees.rejected.items()} == {
        "INVALID": len(undated) + len(nameless)
    }
    assert employees.inserted == len(verdicts.inserted) - len(undated - _nameless(rows))
    fields = Counter(r["field"] for r in rejected_rows(historic / "hired_employees.csv"))
    assert fields == {"datetime": len(undated), "name": len(nameless)}


def _nameless(rows: list[list[str]]) -> set[int]:
    return {i for i, r in enumerate(rows) if not r[1].strip()}


def _employees_file(folder: Path, count: int) -> Path:
    path = folder / "hired_employees.csv"
    lines = [f"{i},Person {i},2021-01-01T00:00:00Z,," for i in range(1, count + 1)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_a_load_that_cannot_reach_the_server_stops_and_keeps_every_row(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    path = _employees_file(tmp_path, 25)
    with HrClient(f"http://127.0.0.1:{port}/graphql", "token") as api:
        summary = load_csv(api, Table.HIRED_EMPLOYEES, path, batch_size=10)
    assert summary.stopped is not None and summary.stopped.error_type == "Unavailable"
    assert (summary.received, summary.inserted) == (25, 0)
    assert dict(summary.failed) == {"Unavailable": 10, "NOT_SENT": 15}
    kept = rejected_rows(path)
    assert [int(r["id"]) for r in kept] == list(range(1, 26))  # every row, ready to load again
    assert {r["reason"] for r in kept[10:]} == {"NOT_SENT"}


class _RefusesSecondBatch:
    """Answers like the server, except that the second batch is refused whole."""

    def __init__(self) -> None:
        self.batches = 0

    def insert(self, table: Table, rows: list[dict[str, object]]) -> object:
        from client.errors import ValidationError
        from client.models import InsertResult

        self.batches += 1
        if self.batches == 2:
            raise ValidationError("rows: refused", info={"field": "rows"})
        return InsertResult.from_json(
            {
                "table": table.name,
                "received": len(rows),
                "inserted": len(rows),
                "insertedIds": [int(str(r["id"])) for r in rows],
                "rejected": [],
            }
        )


def test_a_batch_refused_whole_costs_that_batch_only(tmp_path: Path) -> None:
    path = _employees_file(tmp_path, 25)
    api = _RefusesSecondBatch()
    summary = load_csv(api, Table.HIRED_EMPLOYEES, path, batch_size=10)  # type: ignore[arg-type]
    assert summary.stopped is None
    assert (summary.inserted, dict(summary.failed)) == (15, {"ValidationError": 10})
    kept = rejected_rows(path)
    assert [int(r["id"]) for r in kept] == list(range(11, 21))
    assert {(r["reason"], r["field"]) for r in kept} == {("ValidationError", "rows")}
