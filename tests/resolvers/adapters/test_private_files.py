"""Local state is its owner's alone: the data dir 0700, the database, backups and keys 0600."""

from __future__ import annotations

import stat
from pathlib import Path

from hrgraph_contract.settings import Settings
from resolvers import wiring
from resolvers.core import backup
from resolvers.core.tables import Table


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fresh_data_dir_and_what_it_holds_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    services = wiring.build(Settings.from_env({"HRGRAPH_DATA_DIR": str(data_dir)}))
    made = backup.backup_table(services.warehouse, services.backups, Table.JOBS, created_by="a")
    services.page_tokens()
    assert mode(data_dir) == 0o700
    assert mode(data_dir / "hrgraph.duckdb") == 0o600
    assert mode(data_dir / "page-token.key") == 0o600
    assert mode(data_dir / "backups") == 0o700
    for suffix in (".avro", ".manifest.json"):
        assert mode(data_dir / "backups" / f"{made.id}{suffix}") == 0o600


def test_a_data_dir_left_open_by_an_older_release_is_tightened_at_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    settings = Settings.from_env({"HRGRAPH_DATA_DIR": str(data_dir)})
    services = wiring.build(settings)
    made = backup.backup_table(services.warehouse, services.backups, Table.JOBS, created_by="a")
    opened = [data_dir, data_dir / "backups"]
    files = [data_dir / "hrgraph.duckdb", data_dir / "backups" / f"{made.id}.avro"]
    for path in opened:
        path.chmod(0o755)
    for path in files:
        path.chmod(0o644)
    del services
    wiring.build(settings)
    assert [mode(p) for p in opened] == [0o700, 0o700]
    assert [mode(p) for p in files] == [0o600, 0o600]


def test_a_database_outside_the_data_dir_leaves_its_folder_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    settings = Settings.from_env(
        {
            "HRGRAPH_DATA_DIR": str(tmp_path / "data"),
            "HRGRAPH_DUCKDB_PATH": str(shared / "hr.duckdb"),
        }
    )
    wiring.build(settings)
    assert mode(shared) == 0o755
    assert mode(shared / "hr.duckdb") == 0o600
