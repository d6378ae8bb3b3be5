"""hrgraph backup / restore / backups against the live local server."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from client.cli import app
from resolvers.core import ingest
from resolvers.core.tables import Table
from tests.conftest import LiveServer

runner = CliRunner()


def hrgraph(server: LiveServer, *args: str, answer: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--url", server.url], input=answer)
    return result.exit_code, result.output


def _jobs(server: LiveServer, *ids: int) -> None:
    rows = [{"id": i, "job": f"Job {i}"} for i in ids]
    assert ingest.insert_batch(server.services.warehouse, Table.JOBS, rows).inserted == len(ids)


def test_backup_then_restore_after_confirmation(live_server: LiveServer) -> None:
    # GIVEN three jobs backed up from the command line
    _jobs(live_server, 1, 2, 3)
    code, output = hrgraph(live_server, "backup", "jobs", "--codec", "snappy")
    assert code == 0, output
    assert "Backed up jobs" in output and "3 rows" in output and "snappy" in output
    # WHEN a job arrives and the restore is declined, THEN nothing changes
    _jobs(live_server, 4)
    code, output = hrgraph(live_server, "restore", "jobs", answer="n\n")
    assert code == 1
    assert "Replace every row of jobs" in output and "Nothing changed" in output
    assert live_server.services.warehouse.count(Table.JOBS) == 4
    # WHEN it is confirmed, THEN the table is the backup again
    code, output = hrgraph(live_server, "restore", "jobs", answer="y\n")
    assert code == 0, output
    assert "3 rows (was 4)" in output
    assert live_server.services.warehouse.count(Table.JOBS) == 3


def test_backups_lists_newest_first_and_restore_takes_an_id(live_server: LiveServer) -> None:
    _jobs(live_server, 1)
    assert hrgraph(live_server, "backup", "jobs")[0] == 0
    _jobs(live_server, 2)
    assert hrgraph(live_server, "backup", "jobs")[0] == 0
    code, output = hrgraph(live_server, "backups", "jobs", "--json")
    assert code == 0, output
    listed = json.loads(output)
    assert [b["rows"] for b in listed] == [2, 1]
    code, output = hrgraph(live_server, "restore", "jobs", "--backup-id", listed[1]["id"], "--yes")
    assert code == 0, output
    assert live_server.services.warehouse.count(Table.JOBS) == 1


def test_restore_refusals_exit_1_with_the_error_type(live_server: LiveServer) -> None:
    code, output = hrgraph(live_server, "restore", "departments", "--yes")
    assert code == 1 and "NotFound" in output
    bogus = "20200101T000000000Z-departments-abcdef"
    code, output = hrgraph(live_server, "restore", "departments", "--backup-id", bogus, "--yes")
    assert code == 1 and "NotFound" in output


def test_backups_names_an_unreadable_backup_apart_and_lists_the_rest(
    live_server: LiveServer,
) -> None:
    _jobs(live_server, 1)
    assert hrgraph(live_server, "backup", "jobs")[0] == 0
    broken = "20260101T000000000Z-jobs-abcdef"
    folder = live_server.settings.backup_path
    (folder / f"{broken}.manifest.json").write_text("{ not json")
    code, output = hrgraph(live_server, "backups")
    assert code == 0, output
    assert f"unreadable backup {broken}: backupId: has an unreadable manifest" in output
    assert "1 " in output and "jobs" in output  # the readable backup is still listed


def test_a_backup_listed_as_unreadable_is_deleted_after_asking(live_server: LiveServer) -> None:
    _jobs(live_server, 1)
    assert hrgraph(live_server, "backup", "jobs")[0] == 0
    assert hrgraph(live_server, "backup", "jobs")[0] == 0
    kept, broken = live_server.services.backups.list_ids()
    (live_server.settings.backup_path / f"{broken}.manifest.json").write_text("{ not json")
    code, output = hrgraph(live_server, "backup-delete", broken, answer="n\n")
    assert code == 1 and "is damaged" in output and "Nothing deleted" in output
    assert live_server.services.backups.list_ids() == [kept, broken]
    code, output = hrgraph(live_server, "backup-delete", broken, answer="y\n")
    assert code == 0 and f"Deleted damaged backup {broken}" in output
    assert live_server.services.backups.list_ids() == [kept]
    code, output = hrgraph(live_server, "backups")
    assert code == 0 and "unreadable" not in output


def test_a_restore_that_fails_in_its_job_says_why_and_exits_1(live_server: LiveServer) -> None:
    # GIVEN a backup of departments, then an employee in a department the backup lacks
    warehouse = live_server.services.warehouse
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 1, "department": "Sales"}])
    assert hrgraph(live_server, "backup", "departments")[0] == 0
    ingest.insert_batch(warehouse, Table.DEPARTMENTS, [{"id": 2, "department": "New"}])
    hire = {"id": 1, "name": "Ada", "datetime": "2021-01-01T00:00:00Z", "departmentId": 2}
    ingest.insert_batch(warehouse, Table.HIRED_EMPLOYEES, [hire])
    # WHEN it is restored, THEN the job's Conflict is the command's answer
    code, output = hrgraph(live_server, "restore", "departments", "--yes")
    assert code == 1
    assert "Conflict" in output and "failed" in output and "pass force" in output
    assert warehouse.count(Table.DEPARTMENTS) == 2
    code, output = hrgraph(live_server, "restore", "departments", "--yes", "--force")
    assert code == 0, output
    assert "1 rows (was 2)" in output


def test_a_backup_is_downloaded_byte_for_byte_then_deleted_after_asking(
    live_server: LiveServer, tmp_path: Path
) -> None:
    _jobs(live_server, 1, 2)
    assert hrgraph(live_server, "backup", "jobs")[0] == 0
    (made,) = live_server.services.backups.list_ids()
    target = tmp_path / "copy.avro"
    code, output = hrgraph(live_server, "backup-download", made, "--output", str(target))
    assert code == 0, output
    with live_server.services.backups.read_data(made) as original:
        assert target.read_bytes() == original.read()
    code, output = hrgraph(live_server, "backup-delete", made, answer="n\n")
    assert code == 1 and "Nothing deleted" in output
    assert live_server.services.backups.list_ids() == [made]
    code, output = hrgraph(live_server, "backup-delete", made, answer="y\n")
    assert code == 0 and f"Deleted backup {made}" in output
    assert live_server.services.backups.list_ids() == []
    code, output = hrgraph(live_server, "backup-delete", made, "--yes")
    assert code == 1 and "NotFound" in output
