"""One contract for every BackupStore (folder, S3 under moto, the in-memory fake)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from hrgraph_contract.settings import Settings
from resolvers.adapters import s3_store
from resolvers.adapters.folder_store import FolderBackupStore
from resolvers.adapters.memory_store import MemoryBackupStore
from resolvers.adapters.s3_store import S3BackupStore
from resolvers.core import backup
from resolvers.core.errors import Conflict, NotFound, Unavailable
from resolvers.core.ports import BackupStore
from resolvers.core.tables import Table
from resolvers.wiring import backup_store
from tests.aws_doubles import moto_bucket

BUCKET = "hrgraph-backups-test"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """moto in place of AWS, with dummy credentials: nothing leaves the machine."""
    with moto_bucket(monkeypatch, BUCKET):
        yield


@pytest.fixture(params=["folder", "s3", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BackupStore:
    if request.param == "folder":
        return FolderBackupStore(tmp_path / "backups")
    if request.param == "s3":
        request.getfixturevalue("aws")
        return S3BackupStore(BUCKET, "team/backups/", client=boto3.client("s3"))
    return MemoryBackupStore()


def _id(second: int, table: Table = Table.JOBS) -> str:
    from datetime import UTC, datetime

    return backup.new_backup_id(table, datetime(2026, 1, 1, 0, 0, second, tzinfo=UTC))


def test_a_data_file_reads_back_byte_for_byte(store: BackupStore) -> None:
    backup_id = _id(1)
    payload = bytes(range(256)) * 5000
    with store.write_data(backup_id) as out:
        for start in range(0, len(payload), 4096):
            out.write(payload[start : start + 4096])
    with store.read_data(backup_id) as source:
        assert source.read() == payload


def test_a_backup_exists_only_once_its_manifest_is_written(store: BackupStore) -> None:
    backup_id = _id(1)
    with store.write_data(backup_id) as out:
        out.write(b"avro bytes")
    assert (store.exists(backup_id), store.list_ids(), store.get_manifest(backup_id)) == (
        False,
        [],
        None,
    )
    store.put_manifest(backup_id, b'{"id": 1}')
    assert (store.exists(backup_id), store.list_ids()) == (True, [backup_id])
    assert store.get_manifest(backup_id) == b'{"id": 1}'


def test_a_write_that_fails_leaves_no_data_file(store: BackupStore) -> None:
    backup_id = _id(1)
    with pytest.raises(RuntimeError), store.write_data(backup_id) as out:
        out.write(b"half a file")
        raise RuntimeError("the snapshot broke")
    with pytest.raises(NotFound), store.read_data(backup_id):
        pass


def test_ids_list_in_time_order(store: BackupStore) -> None:
    ids = [_id(s, t) for s, t in [(3, Table.JOBS), (1, Table.DEPARTMENTS), (2, Table.JOBS)]]
    for backup_id in ids:
        with store.write_data(backup_id) as out:
            out.write(b"x")
        store.put_manifest(backup_id, b"{}")
    assert store.list_ids() == sorted(ids)
    assert store.list_ids()[0] == ids[1]


def test_missing_things_are_none_or_not_found(store: BackupStore) -> None:
    assert store.get_manifest(_id(9)) is None
    assert not store.exists(_id(9))
    with pytest.raises(NotFound), store.read_data(_id(9)):
        pass


def test_the_location_names_the_data_file(store: BackupStore) -> None:
    backup_id = _id(1)
    assert store.location(backup_id).endswith(f"{backup_id}.avro")


# -- S3 specifics ----------------------------------------------------------------


@pytest.mark.usefixtures("aws")
def test_s3_encrypts_every_object_and_streams_big_files_in_parts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(s3_store, "PART_BYTES", 5 * 1024 * 1024)
    client = boto3.client("s3")
    store = S3BackupStore(BUCKET, "p/", client=client)
    calls: list[str] = []
    client.meta.events.register("before-call.s3.*", lambda model, **_: calls.append(model.name))
    payload = b"0123456789abcdef" * (12 * 1024 * 1024 // 16)  # 12 MiB: three parts
    backup_id = _id(1)
    with store.write_data(backup_id) as out:
        for start in range(0, len(payload), 1 << 20):
            out.write(payload[start : start + (1 << 20)])
    store.put_manifest(backup_id, b"{}")
    assert calls.count("UploadPart") == 3
    for key in (f"p/{backup_id}.avro", f"p/{backup_id}.manifest.json"):
        assert client.head_object(Bucket=BUCKET, Key=key)["ServerSideEncryption"] == "AES256"
    with store.read_data(backup_id) as source:
        assert source.read() == payload


@pytest.mark.usefixtures("aws")
def test_s3_aborts_the_upload_of_a_failed_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(s3_store, "PART_BYTES", 5 * 1024 * 1024)
    client = boto3.client("s3")
    store = S3BackupStore(BUCKET, "p/", client=client)
    with pytest.raises(RuntimeError), store.write_data(_id(1)) as out:
        out.write(b"x" * (6 * 1024 * 1024))
        raise RuntimeError("the snapshot broke")
    assert client.list_multipart_uploads(Bucket=BUCKET).get("Uploads", []) == []
    assert client.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0


@pytest.mark.usefixtures("aws")
def test_s3_that_cannot_be_reached_is_unavailable() -> None:
    store = S3BackupStore("no-such-bucket", "p/", client=boto3.client("s3"))
    with pytest.raises(Unavailable):
        store.list_ids()
    with pytest.raises(Unavailable), store.write_data(_id(1)) as out:
        out.write(b"x")
    with pytest.raises(Unavailable):
        store.put_manifest(_id(1), b"{}")


def test_settings_choose_the_store(tmp_path: Path) -> None:
    folder = backup_store(Settings.from_env({"HRGRAPH_DATA_DIR": str(tmp_path)}))
    assert isinstance(folder, FolderBackupStore)
    assert folder.folder == tmp_path / "backups"
    s3 = backup_store(
        Settings.from_env({"HRGRAPH_BACKUP_STORE": "s3", "HRGRAPH_BACKUP_BUCKET": BUCKET})
    )
    assert isinstance(s3, S3BackupStore)
    assert (s3.bucket, s3.prefix) == (BUCKET, "backups/")


def test_a_deleted_backup_no_longer_exists_and_its_file_is_gone(store: BackupStore) -> None:
    kept, dropped = _id(1), _id(2)
    for backup_id in (kept, dropped):
        with store.write_data(backup_id) as out:
            out.write(b"avro bytes")
        store.put_manifest(backup_id, b"{}")
    store.delete(dropped)
    assert store.list_ids() == [kept]
    assert (store.exists(dropped), store.get_manifest(dropped)) == (False, None)
    with pytest.raises(NotFound), store.read_data(dropped):
        pass
    store.delete(dropped)  # deleting again changes nothing


def test_a_download_link_names_the_data_file(store: BackupStore) -> None:
    backup_id = _id(1)
    link = store.download_url(backup_id, 120)
    assert f"{backup_id}.avro" in link


def test_an_s3_link_is_presigned_with_sigv4_for_the_data_object(aws: None) -> None:
    client = boto3.client("s3")
    store = S3BackupStore(BUCKET, "backups/", client=client)
    backup_id = _id(1)
    with store.write_data(backup_id) as out:
        out.write(b"avro bytes")
    link = store.download_url(backup_id, 120)
    assert link.startswith(f"https://{BUCKET}.s3.")
    assert f"/backups/{backup_id}.avro?" in link
    assert "X-Amz-Expires=120" in link and "X-Amz-Signature=" in link
    assert "response-content-disposition=attachment" in link


def test_an_archived_s3_object_is_a_conflict_that_says_so(aws: None) -> None:
    # GIVEN a backup whose data object sits in S3 Glacier Flexible Retrieval
    client = boto3.client("s3")
    store = S3BackupStore(BUCKET, "backups/", client=client)
    backup_id = _id(1)
    client.put_object(
        Bucket=BUCKET, Key=f"backups/{backup_id}.avro", Body=b"avro", StorageClass="GLACIER"
    )
    # WHEN it is read, THEN the error says it is archived, and what to do
    with pytest.raises(Conflict, match="archived in S3") as refused, store.read_data(backup_id):
        pass
    assert "RestoreObject" in refused.value.message


def test_a_backup_with_an_unreadable_manifest_can_be_deleted_and_only_such_a_one(
    store: BackupStore,
) -> None:
    damaged, sound = _id(1), _id(2)
    for backup_id, manifest in ((damaged, b"{ not json"), (sound, b"{}")):
        with store.write_data(backup_id) as out:
            out.write(b"avro bytes")
        store.put_manifest(backup_id, manifest)
    assert backup.delete_unreadable_backup(store, damaged) == damaged
    assert store.list_ids() == [sound]
    with pytest.raises(NotFound), store.read_data(damaged):
        pass
    with pytest.raises(NotFound, match=damaged):
        backup.delete_unreadable_backup(store, damaged)  # an id is deleted once
