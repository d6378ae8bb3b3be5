"""The local server's download links: the file for a valid link, 403 for anything else."""

from __future__ import annotations

import httpx

from client.api import HrClient
from resolvers.adapters.folder_store import FolderBackupStore
from resolvers.core import backup, ingest
from resolvers.core.tables import Table
from tests.conftest import LiveServer


def _backup(server: LiveServer) -> str:
    ingest.insert_batch(server.services.warehouse, Table.JOBS, [{"id": 1, "job": "Engineer"}])
    made = backup.backup_table(
        server.services.warehouse, server.services.backups, Table.JOBS, created_by="admin"
    )
    return made.id


def test_a_signed_link_serves_the_file_without_a_token(live_server: LiveServer) -> None:
    made = _backup(live_server)
    with HrClient(live_server.url, live_server.token) as api:
        link = api.backup_download(made)
    answer = httpx.get(link.url)  # no Authorization header: the link is the permission
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/avro"
    assert f'filename="{made}.avro"' in answer.headers["content-disposition"]
    with live_server.services.backups.read_data(made) as original:
        assert answer.content == original.read()


def test_a_tampered_expired_or_foreign_link_is_refused(live_server: LiveServer) -> None:
    made = _backup(live_server)
    store = live_server.services.backups
    assert isinstance(store, FolderBackupStore)
    base = live_server.base_url
    good = store.links.link(f"{made}.avro", 60)
    assert httpx.get(base + good).status_code == 200
    forged = good[:-4] + ("0000" if not good.endswith("0000") else "1111")
    assert httpx.get(base + forged).status_code == 403
    expired = store.links.link(f"{made}.avro", -1)
    assert httpx.get(base + expired).status_code == 403
    other = good.replace(f"{made}.avro", "other.avro", 1)
    assert httpx.get(base + other).status_code == 403
    unsigned = f"{base}/downloads/backups/{made}.avro"
    assert httpx.get(unsigned).status_code == 403


def test_a_link_to_a_deleted_backup_is_not_found(live_server: LiveServer) -> None:
    made = _backup(live_server)
    store = live_server.services.backups
    assert isinstance(store, FolderBackupStore)
    link = store.links.link(f"{made}.avro", 60)
    store.delete(made)
    assert httpx.get(live_server.base_url + link).status_code == 404
