"""Backups and restores through the core: round trips, refusals that change nothing, references."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fastavro
import pytest

from resolvers.adapters.folder_store import FolderBackupStore
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.core import avro_format, backup, ingest
from resolvers.core.avro_format import Codec
from resolvers.core.errors import Conflict, NotFound, Unavailable, ValidationError
from resolvers.core.ports import BackupStore, Warehouse
from resolvers.core.tables import Record, Table
from tests.conftest import HISTORIC_DATA
from tests.resolvers.core.test_reads import TOKENS

CSV_COLUMNS = {
    Table.DEPARTMENTS: ("id", "department"),
    Table.JOBS: ("id", "job"),
    Table.HIRED_EMPLOYEES: ("id", "name", "datetime", "departmentId", "jobId"),
}


def load_reference_data(warehouse: Warehouse) -> None:
    """The historic CSVs through the ordinary ingest path (rows it rejects stay out)."""
    for table in Table:
        with (HISTORIC_DATA / f"{table.value}.csv").open(newline="", encoding="utf-8") as f:
            rows = [
                {k: (v or None) for k, v in zip(CSV_COLUMNS[table], line, strict=True)}
                for line in csv.reader(f)
            ]
        for start in range(0, len(rows), 1000):
            ingest.insert_batch(warehouse, table, rows[start : start + 1000])


def table_rows(warehouse: Warehouse, table: Table) -> list[Record]:
    """Every record by id, read through the ordinary page path (not the snapshot)."""
    rows: list[Record] = []
    after = 0
    while page := warehouse.page(table, after, 1000):
        rows.extend(page)
        after = page[-1].id
    return rows


@pytest.fixture
def store(tmp_path: Path) -> BackupStore:
    return FolderBackupStore(tmp_path / "backups")


@pytest.fixture
def loaded(warehouse: Warehouse) -> Warehouse:
    """The historic CSVs: for round trips of real values."""
    load_reference_data(warehouse)
    return warehouse


@pytest.fixture
def stocked(warehouse: Warehouse) -> Warehouse:
    """A few rows of each table, nulls included: quick on every warehouse."""
    ingest.insert_batch(
        warehouse, Table.DEPARTMENTS, [{"id": i, "department": f"D{i}"} for i in range(1, 5)]
    )
    ingest.insert_batch(warehouse, Table.JOBS, [{"id": i, "job": f"J{i}"} for i in range(1, 5)])
    hires = [
        {**_hire(i), "departmentId": i % 5 or None, "jobId": (i + 2) % 5 or None}
        for i in range(1, 61)
    ]
    assert ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, hires).inserted == 60
    return warehouse


def test_the_reference_data_has_nulls_to_round_trip(loaded: Warehouse) -> None:
    employees = table_rows(loaded, Table.HIRED_EMPLOYEES)
    assert any(e.department_id is None for e in employees)  # type: ignore[union-attr]
    assert any(e.job_id is None for e in employees)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("table", "codec"),
    [(table, Codec.DEFLATE) for table in Table] + [(Table.HIRED_EMPLOYEES, Codec.SNAPPY)],
)
def test_a_table_comes_back_exactly_as_it_was_backed_up(
    loaded: Warehouse, store: BackupStore, table: Table, codec: Codec
) -> None:
    # GIVEN a backup of a table loaded from the historic CSVs
    before = table_rows(loaded, table)
    made = backup.backup_table(loaded, store, table, created_by="ana", codec=codec, chunk_rows=97)
    # WHEN the table changes (rows go, a row arrives) and the backup is restored
    _scramble(loaded, table)
    changed = loaded.count(table)
    result = backup.restore_table(loaded, store, table, made.id, force=True, chunk_rows=89)
    # THEN every row and value is back, nulls and UTC instants included
    after = table_rows(loaded, table)
    assert after == before
    assert all(getattr(r, "datetime", datetime.now(UTC)).tzinfo is UTC for r in after)
    assert (result.rows_restored, result.previous_rows) == (len(before), changed)
    assert (made.rows, made.codec, made.created_by) == (len(before), codec, "ana")


def _scramble(warehouse: Warehouse, table: Table) -> None:
    for record in table_rows(warehouse, table)[:5]:
        if table is Table.HIRED_EMPLOYEES:
            warehouse.delete(table, record.id)
    extra = {
        Table.DEPARTMENTS: {"id": 900, "department": "Late"},
        Table.JOBS: {"id": 900, "job": "Late"},
        Table.HIRED_EMPLOYEES: {"id": 90_000, "name": "Late", "datetime": "2023-01-01T00:00:00Z"},
    }[table]
    assert ingest.insert_batch(warehouse, table, [extra]).inserted == 1


def test_the_backup_file_is_plain_avro_redshift_copy_can_map(
    loaded: Warehouse, store: BackupStore
) -> None:
    made = backup.backup_table(loaded, store, Table.HIRED_EMPLOYEES, created_by="ana")
    with store.read_data(made.id) as raw:
        reader = fastavro.reader(raw)
        first: Any = next(iter(reader))
        written = reader.writer_schema
        assert reader.codec == "deflate"
    assert isinstance(written, dict)
    assert written["name"] == "hrgraph.hired_employees"
    assert [f["name"] for f in written["fields"]] == [
        "id",
        "name",
        "datetime",
        "department_id",
        "job_id",
    ]
    stamp = next(f for f in written["fields"] if f["name"] == "datetime")
    assert stamp["type"] == {"type": "long", "logicalType": "timestamp-millis"}
    assert first["id"] in {e.id for e in table_rows(loaded, Table.HIRED_EMPLOYEES)}


def test_the_manifest_describes_the_file_it_sits_beside(
    loaded: Warehouse, store: FolderBackupStore
) -> None:
    import hashlib

    made = backup.backup_table(loaded, store, Table.JOBS, created_by="ana")
    data = (store.folder / f"{made.id}.avro").read_bytes()
    manifest = json.loads((store.folder / f"{made.id}.manifest.json").read_bytes())
    assert manifest["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["bytes"] == len(data)
    assert manifest["rows"] == loaded.count(Table.JOBS)
    assert (manifest["table"], manifest["codec"], manifest["createdBy"]) == (
        "jobs",
        "deflate",
        "ana",
    )
    assert manifest["schemaVersion"] == avro_format.SCHEMA_VERSION
    assert datetime.fromisoformat(manifest["createdAt"]).tzinfo is not None


def test_backup_ids_sort_by_creation_time() -> None:
    times = [datetime(2026, 11, 25, 3, 15, 0, ms * 1000, tzinfo=UTC) for ms in (999, 5, 120)]
    times.append(datetime(2026, 11, 25, 3, 16, tzinfo=UTC))
    ids = [backup.new_backup_id(Table.JOBS, t) for t in times]
    assert sorted(ids) == [ids[1], ids[2], ids[0], ids[3]]
    assert ids[1].startswith("20261125T031500005Z-jobs-")


# -- refusals that change nothing ------------------------------------------------


def _damage(store: FolderBackupStore, backup_id: str, how: str) -> None:
    path = store.folder / f"{backup_id}.avro"
    manifest_path = store.folder / f"{backup_id}.manifest.json"
    data = bytearray(path.read_bytes())
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "flipped byte":
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    elif how == "checksum mismatch":
        manifest = json.loads(manifest_path.read_bytes())
        manifest["sha256"] = "0" * 64
        manifest_path.write_text(json.dumps(manifest))
    elif how == "corrupt but re-hashed":
        # the manifest was rewritten to match garbage: only the Avro decoder can tell
        import hashlib

        data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
        path.write_bytes(bytes(data))
        manifest = json.loads(manifest_path.read_bytes())
        manifest["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
        manifest_path.write_text(json.dumps(manifest))
    elif how == "row count mismatch":
        manifest = json.loads(manifest_path.read_bytes())
        manifest["rows"] += 1
        manifest_path.write_text(json.dumps(manifest))
    elif how == "missing manifest":
        manifest_path.unlink()
    elif how == "missing data file":
        path.unlink()
    else:
        raise AssertionError(how)


@pytest.mark.parametrize(
    ("how", "error"),
    [
        ("truncated", ValidationError),
        ("flipped byte", ValidationError),
        ("checksum mismatch", ValidationError),
        ("corrupt but re-hashed", ValidationError),
        ("row count mismatch", ValidationError),
        ("missing manifest", NotFound),
        ("missing data file", NotFound),
    ],
)
def test_a_damaged_backup_is_refused_and_the_table_is_untouched(
    stocked: Warehouse, store: FolderBackupStore, how: str, error: type[Exception]
) -> None:
    table = Table.HIRED_EMPLOYEES
    made = backup.backup_table(stocked, store, table, created_by="ana")
    _scramble(stocked, table)
    before = table_rows(stocked, table)
    _damage(store, made.id, how)
    with pytest.raises(error) as refused:
        backup.restore_table(stocked, store, table, made.id, force=True)
    assert made.id in str(refused.value) or isinstance(refused.value, ValidationError)
    assert table_rows(stocked, table) == before


def test_unknown_ids_and_backups_of_another_table_are_refused(
    stocked: Warehouse, store: BackupStore
) -> None:
    jobs = backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    before = table_rows(stocked, Table.DEPARTMENTS)
    with pytest.raises(ValidationError, match="backup of jobs"):
        backup.restore_table(stocked, store, Table.DEPARTMENTS, jobs.id)
    unknown = backup.new_backup_id(Table.DEPARTMENTS, datetime.now(UTC))
    for wrong in (unknown, "../../etc/passwd", ""):
        with pytest.raises(NotFound):
            backup.restore_table(stocked, store, Table.DEPARTMENTS, wrong)
    with pytest.raises(NotFound, match="no backup of departments"):
        backup.restore_table(stocked, store, Table.DEPARTMENTS)
    assert table_rows(stocked, Table.DEPARTMENTS) == before


def test_a_backup_from_a_newer_schema_is_refused(
    stocked: Warehouse, store: FolderBackupStore
) -> None:
    made = backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    path = store.folder / f"{made.id}.manifest.json"
    manifest = json.loads(path.read_bytes())
    manifest["schemaVersion"] = avro_format.SCHEMA_VERSION + 1
    path.write_text(json.dumps(manifest))
    with pytest.raises(ValidationError, match="schema version"):
        backup.restore_table(stocked, store, Table.JOBS, made.id)


def test_an_unreachable_store_is_unavailable_and_changes_nothing(stocked: Warehouse) -> None:
    store = MemoryBackupStore()
    made = backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    store.unavailable = True
    before = table_rows(stocked, Table.JOBS)
    with pytest.raises(Unavailable):
        backup.restore_table(stocked, store, Table.JOBS, made.id)
    with pytest.raises(Unavailable):
        backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    assert table_rows(stocked, Table.JOBS) == before


def test_a_backup_that_fails_midway_leaves_no_backup_behind(
    stocked: Warehouse, store: FolderBackupStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = stocked.snapshot

    def failing(table: Table, chunk_rows: int) -> Iterator[list[dict[str, Any]]]:
        chunks = real(table, chunk_rows)
        yield next(chunks)
        raise OSError("the warehouse went away")

    monkeypatch.setattr(stocked, "snapshot", failing)
    with pytest.raises(OSError, match="went away"):
        backup.backup_table(stocked, store, Table.HIRED_EMPLOYEES, created_by="ana", chunk_rows=50)
    assert store.list_ids() == []
    assert list(store.folder.iterdir()) == []


# -- references ------------------------------------------------------------------


def test_restoring_departments_employees_still_need_is_a_conflict_unless_forced(
    stocked: Warehouse, store: BackupStore
) -> None:
    # GIVEN a backup of departments taken before department 900 existed
    made = backup.backup_table(stocked, store, Table.DEPARTMENTS, created_by="ana")
    ingest.insert_batch(stocked, Table.DEPARTMENTS, [{"id": 900, "department": "New"}])
    hire = {"id": 90_001, "name": "New", "datetime": "2023-01-01T00:00:00Z", "departmentId": 900}
    assert ingest.insert_batch(stocked, Table.HIRED_EMPLOYEES, [hire]).inserted == 1
    before = table_rows(stocked, Table.DEPARTMENTS)
    # WHEN it is restored without force, THEN it is refused naming the id
    with pytest.raises(Conflict, match="900") as refused:
        backup.restore_table(stocked, store, Table.DEPARTMENTS, made.id)
    assert refused.value.info["missingIds"] == [900]
    assert table_rows(stocked, Table.DEPARTMENTS) == before
    # AND with force it goes ahead
    result = backup.restore_table(stocked, store, Table.DEPARTMENTS, made.id, force=True)
    assert result.rows_restored == len(before) - 1
    assert stocked.get(Table.DEPARTMENTS, 900) is None


def test_restoring_jobs_that_nobody_references_needs_no_force(
    stocked: Warehouse, store: BackupStore
) -> None:
    ingest.insert_batch(stocked, Table.JOBS, [{"id": 900, "job": "Unused"}])
    made = backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    stocked.delete(Table.JOBS, 900)
    assert backup.restore_table(stocked, store, Table.JOBS, made.id).rows_restored == (
        stocked.count(Table.JOBS)
    )
    assert stocked.get(Table.JOBS, 900) is not None


def test_restoring_employees_whose_department_is_gone_is_a_conflict_unless_forced(
    warehouse: Warehouse, store: BackupStore
) -> None:
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "A"}])
    hire = {"id": 1, "name": "X", "datetime": "2021-01-01T00:00:00Z", "departmentId": 1}
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [hire])
    made = backup.backup_table(warehouse, store, Table.HIRED_EMPLOYEES, created_by="ana")
    warehouse.delete(Table.HIRED_EMPLOYEES, 1)
    warehouse.delete(Table.DEPARTMENTS, 1)
    with pytest.raises(Conflict, match="do not exist"):
        backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id)
    assert warehouse.count(Table.HIRED_EMPLOYEES) == 0
    backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, made.id, force=True)
    assert warehouse.count(Table.HIRED_EMPLOYEES) == 1


# -- snapshots and schema evolution ---------------------------------------------


def test_a_backup_taken_while_another_thread_inserts_is_one_consistent_snapshot(
    warehouse: Warehouse, store: BackupStore
) -> None:
    # GIVEN 2,000 employees (even ids) and a writer adding batches of 100 as fast as it
    # can, each batch's odd ids spread over the whole id range (a reader paging by id
    # without one snapshot would catch some of a batch and miss the rest)
    initial = [_hire(2 * i) for i in range(1, 2001)]
    for start in range(0, len(initial), 1000):
        ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, initial[start : start + 1000])
    batches = [[_hire(2 * (b + 60 * i) + 1) for i in range(100)] for b in range(60)]
    started, stop = threading.Event(), threading.Event()
    landed: list[int] = []

    def writer() -> None:
        for number, batch in enumerate(batches):
            if stop.is_set():
                return
            ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, batch)
            landed.append(number)
            started.set()

    # WHEN a backup reads in small chunks, waiting mid-read until more batches land
    real = warehouse.snapshot

    def slow_snapshot(table: Table, chunk_rows: int) -> Iterator[list[dict[str, Any]]]:
        for index, chunk in enumerate(real(table, chunk_rows)):
            if index == 1:
                seen = len(landed)
                while len(landed) < min(seen + 3, len(batches)) and thread.is_alive():
                    threading.Event().wait(0.005)
            yield chunk

    thread = threading.Thread(target=writer)
    thread.start()
    started.wait(10)
    try:
        made = backup.backup_table(
            _Patched(warehouse, snapshot=slow_snapshot),
            store,
            Table.HIRED_EMPLOYEES,
            created_by="ana",
            chunk_rows=128,
        )
    finally:
        stop.set()
        thread.join()
    # THEN it holds the initial rows plus a whole prefix of the batches, nothing else
    with store.read_data(made.id) as raw:
        ids = [row["id"] for row in fastavro.reader(raw)]  # type: ignore[index,call-overload]
    assert len(ids) == len(set(ids)) == made.rows
    whole, partial = divmod(len(ids) - len(initial), 100)
    assert partial == 0
    landed_then = initial + [hire for batch in batches[:whole] for hire in batch]
    assert sorted(ids) == sorted(h["id"] for h in landed_then)
    assert warehouse.count(Table.HIRED_EMPLOYEES) > made.rows  # writes went on meanwhile


class _Patched:
    """A warehouse with one method replaced (the port is a Protocol, so any object fits)."""

    def __init__(self, inner: Warehouse, **replacements: Any) -> None:
        self._inner = inner
        self._replacements = replacements

    def __getattr__(self, name: str) -> Any:
        return self._replacements.get(name) or getattr(self._inner, name)


def _hire(i: int) -> dict[str, Any]:
    return {"id": i, "name": f"P{i}", "datetime": "2022-02-02T10:00:00.250Z"}


OLD_EMPLOYEE_SCHEMA = {
    "type": "record",
    "name": "hired_employees",
    "namespace": "hrgraph",
    "fields": [
        {"name": "id", "type": "int"},
        {"name": "name", "type": "string"},
        {"name": "datetime", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "department_id", "type": ["null", "int"], "default": None},
    ],
}
"""An older layout: 32-bit ids, and no job_id column yet."""


def test_a_backup_written_with_an_older_schema_restores_through_schema_resolution(
    warehouse: Warehouse,
) -> None:
    # GIVEN a backup file written by an older release (int ids, no job_id)
    store = MemoryBackupStore()
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 3, "department": "Ops"}])
    old_rows = [
        {"id": 1, "name": "Ada", "datetime": datetime(2021, 5, 1, 8, 30, 0, 125000, tzinfo=UTC)},
        {"id": 2, "name": "Bo", "datetime": datetime(2022, 1, 2, tzinfo=UTC), "department_id": 3},
    ]
    buffer = io.BytesIO()
    fastavro.writer(buffer, fastavro.parse_schema(OLD_EMPLOYEE_SCHEMA), old_rows, codec="deflate")
    backup_id = _store_raw_backup(store, Table.HIRED_EMPLOYEES, buffer.getvalue(), 2, version=0)
    # WHEN it is restored
    backup.restore_table(warehouse, store, Table.HIRED_EMPLOYEES, backup_id)
    # THEN widened ids and the new nullable column (null) come through
    restored = table_rows(warehouse, Table.HIRED_EMPLOYEES)
    assert [(e.id, e.name, e.datetime, e.department_id, e.job_id) for e in restored] == [  # type: ignore[union-attr]
        (1, "Ada", old_rows[0]["datetime"], None, None),
        (2, "Bo", old_rows[1]["datetime"], 3, None),
    ]


def _store_raw_backup(
    store: BackupStore, table: Table, data: bytes, rows: int, version: int
) -> str:
    import hashlib

    backup_id = backup.new_backup_id(table, datetime.now(UTC))
    with store.write_data(backup_id) as out:
        out.write(data)
    manifest = backup.Manifest(
        id=backup_id,
        table=table,
        schema_version=version,
        rows=rows,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        codec=Codec.DEFLATE,
        created_at=datetime.now(UTC),
        created_by="old release",
        location=store.location(backup_id),
    )
    store.put_manifest(backup_id, manifest.to_json())
    return backup_id


def test_a_backup_file_of_another_table_is_refused_even_under_a_matching_manifest(
    warehouse: Warehouse,
) -> None:
    store = MemoryBackupStore()
    buffer = io.BytesIO()
    fastavro.writer(buffer, avro_format.schema(Table.JOBS), [{"id": 1, "job": "x"}])
    backup_id = _store_raw_backup(store, Table.DEPARTMENTS, buffer.getvalue(), 1, version=1)
    with pytest.raises(ValidationError, match="'jobs' rows"):
        backup.restore_table(warehouse, store, Table.DEPARTMENTS, backup_id)
    assert warehouse.count(Table.DEPARTMENTS) == 0


# -- listing ---------------------------------------------------------------------


def test_backups_list_newest_first_by_table_a_page_at_a_time(stocked: Warehouse) -> None:
    store = MemoryBackupStore()
    made = [
        backup.backup_table(
            stocked, store, table, created_by="ana", now=datetime(2026, 1, 1, 0, 0, n, tzinfo=UTC)
        )
        for n, table in enumerate([Table.JOBS, Table.DEPARTMENTS, Table.JOBS, Table.JOBS])
    ]
    jobs = [m.id for m in reversed(made) if m.table is Table.JOBS]
    first = backup.list_backups(store, TOKENS, Table.JOBS, limit=2)
    assert [m.id for m in first.items] == jobs[:2]
    second = backup.list_backups(store, TOKENS, Table.JOBS, limit=2, next_token=first.next_token)
    assert ([m.id for m in second.items], second.next_token) == (jobs[2:], None)
    everything = backup.list_backups(store, TOKENS)
    assert [m.id for m in everything.items] == [m.id for m in reversed(made)]
    assert backup.get_backup(store, made[1].id) == made[1]
    assert backup.get_backup(store, "nope") is None
    with pytest.raises(ValidationError):
        backup.list_backups(store, TOKENS, next_token="forged")


def test_restore_without_an_id_takes_the_latest_backup_of_that_table(
    stocked: Warehouse, store: BackupStore
) -> None:
    backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    ingest.insert_batch(stocked, Table.JOBS, [{"id": 900, "job": "Later"}])
    latest = backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    backup.backup_table(stocked, store, Table.DEPARTMENTS, created_by="ana")
    result = backup.restore_table(stocked, store, Table.JOBS)
    assert result.backup_id == latest.id
    assert stocked.get(Table.JOBS, 900) is not None


# -- restore re-checks every row (issue 12) -----------------------------------------


def _employee_backup(store: BackupStore, rows: list[dict[str, Any]]) -> str:
    """A backup with a consistent manifest (size, sha256, count) around the given rows."""
    buffer = io.BytesIO()
    fastavro.writer(buffer, avro_format.schema(Table.HIRED_EMPLOYEES), rows, codec="deflate")
    return _store_raw_backup(store, Table.HIRED_EMPLOYEES, buffer.getvalue(), len(rows), 1)


def _row(id: int, name: str = "Ana") -> dict[str, Any]:
    moment = datetime(2022, 2, 2, tzinfo=UTC)
    return {"id": id, "name": name, "datetime": moment, "department_id": None, "job_id": None}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (_row(-5), "row 1 (id -5): id: must be a positive integer, got -5"),
        (_row(3, ""), "row 1 (id 3): name: must not be empty"),
        (_row(3, "x" * 10_000), "row 1 (id 3): name: must be at most 255 characters, got 10000"),
        (_row(3, "A\x00B"), "row 1 (id 3): name: must not contain a control character"),
        (_row(2**31), "row 1 (id 2147483648): id: must be at most 2147483647"),
    ],
)
def test_a_backup_with_rows_an_insert_would_refuse_is_refused_before_the_swap(
    stocked: Warehouse, bad: dict[str, Any], message: str
) -> None:
    store = MemoryBackupStore()
    backup_id = _employee_backup(store, [_row(1), bad, _row(4)])
    before = table_rows(stocked, Table.HIRED_EMPLOYEES)
    with pytest.raises(ValidationError) as refused:
        backup.restore_table(stocked, store, Table.HIRED_EMPLOYEES, backup_id, force=True)
    assert refused.value.field == "backupId"
    assert f"{backup_id} holds 1 row(s) an insert would refuse: {message}" in refused.value.rule
    assert [r["index"] for r in refused.value.info["rows"]] == [1]
    assert table_rows(stocked, Table.HIRED_EMPLOYEES) == before


def test_a_refused_restore_counts_every_bad_row_and_lists_the_first_few(
    stocked: Warehouse,
) -> None:
    store = MemoryBackupStore()
    rows = [_row(i, "" if i % 3 == 0 else "Ana") for i in range(1, 3001)]
    backup_id = _employee_backup(store, rows)
    with pytest.raises(ValidationError) as refused:
        backup.restore_table(stocked, store, Table.HIRED_EMPLOYEES, backup_id, force=True)
    assert "holds 1000 row(s) an insert would refuse" in refused.value.rule
    listed = refused.value.info["rows"]
    assert [(r["index"], r["id"], r["field"]) for r in listed] == [
        (i - 1, i, "name") for i in (3, 6, 9, 12, 15)
    ]


def test_duplicate_ids_in_a_backup_are_refused_even_when_forced(stocked: Warehouse) -> None:
    store = MemoryBackupStore()
    backup_id = _employee_backup(store, [_row(1), _row(2), _row(1)])
    before = table_rows(stocked, Table.HIRED_EMPLOYEES)
    with pytest.raises(ValidationError, match="1 duplicate ids"):
        backup.restore_table(stocked, store, Table.HIRED_EMPLOYEES, backup_id, force=True)
    assert table_rows(stocked, Table.HIRED_EMPLOYEES) == before


def test_a_damaged_file_is_reported_as_damage_not_as_bad_rows(stocked: Warehouse) -> None:
    store = MemoryBackupStore()
    backup_id = _employee_backup(store, [_row(-5)])
    manifest = json.loads(store.get_manifest(backup_id) or b"{}")
    store.put_manifest(backup_id, json.dumps({**manifest, "sha256": "0" * 64}).encode())
    with pytest.raises(ValidationError, match="damaged: its sha256 differs"):
        backup.restore_table(stocked, store, Table.HIRED_EMPLOYEES, backup_id, force=True)


# -- unreadable manifests and leftovers -------------------------------------------


def test_an_unreadable_manifest_is_listed_apart_and_hides_nothing(
    stocked: Warehouse, store: FolderBackupStore
) -> None:
    made = [backup.backup_table(stocked, store, Table.JOBS, created_by="ana") for _ in range(3)]
    broken = made[1].id
    (store.folder / f"{broken}.manifest.json").write_text("{ not json")
    page = backup.list_backups(store, TOKENS, Table.JOBS, limit=10)
    assert [m.id for m in page.items] == [made[2].id, made[0].id]
    [unreadable] = page.unreadable
    assert unreadable.id == broken
    assert "unreadable manifest" in unreadable.reason


def test_only_a_backup_whose_manifest_cannot_be_read_is_deleted_without_it(
    stocked: Warehouse, store: FolderBackupStore
) -> None:
    kept, broken = (backup.backup_table(stocked, store, Table.JOBS, created_by="ana") for _ in "ab")
    (store.folder / f"{broken.id}.manifest.json").write_text("{ not json")
    with pytest.raises(ValidationError, match="unreadable manifest"):
        backup.delete_backup(store, broken.id)  # the readable door cannot answer for it
    with pytest.raises(Conflict, match=f"{kept.id}.*readable manifest.*deleteBackup"):
        backup.delete_unreadable_backup(store, kept.id)
    assert backup.delete_unreadable_backup(store, broken.id) == broken.id
    assert not list(store.folder.glob(f"{broken.id}*"))
    page = backup.list_backups(store, TOKENS, Table.JOBS, limit=10)
    assert ([m.id for m in page.items], page.unreadable) == ([kept.id], [])
    for unknown in ("20260101T000000000Z-jobs-abcdef", "../etc/passwd"):
        with pytest.raises(NotFound):
            backup.delete_unreadable_backup(store, unknown)


def test_leftovers_of_killed_backups_are_removed_at_start_but_live_writes_are_kept(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "backups"
    store = FolderBackupStore(folder)
    folder.mkdir()
    dead = folder / ".20260101T000000000Z-jobs-abcdef.avro.tmp-0badf00d"
    dead.write_bytes(b"half a backup")
    with store.write_data("20260101T000000001Z-jobs-123456") as live:
        live.write(b"in progress")
        restarted = FolderBackupStore(folder)  # another process starting meanwhile
        assert not dead.exists()
        assert len(list(folder.glob(".*.tmp-*"))) == 1  # the live one survived
    assert restarted.list_ids() == []  # no manifest yet: not a backup
    assert (folder / "20260101T000000001Z-jobs-123456.avro").read_bytes() == b"in progress"


def test_backup_files_are_private(stocked: Warehouse, store: FolderBackupStore) -> None:
    made = backup.backup_table(stocked, store, Table.JOBS, created_by="ana")
    for suffix in (".avro", ".manifest.json"):
        assert (store.folder / f"{made.id}{suffix}").stat().st_mode & 0o777 == 0o600
