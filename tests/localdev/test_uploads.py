"""Uploads to import through the local door: a signed PUT link, then importTable's refusals."""

from __future__ import annotations

from urllib.parse import urljoin

import httpx
import pytest

from client.api import HrClient
from client.errors import NotFound, ValidationError
from tests.conftest import LiveServer


def _link(api: HrClient) -> tuple[str, str]:
    found = api.execute("importUploadUrl", {"table": "JOBS", "filename": "../../etc/jobs.csv"})
    return urljoin(api.url, found["url"]), str(found["source"])


def test_a_put_to_the_signed_link_stores_the_file_where_the_import_reads(
    live_server: LiveServer,
) -> None:
    with HrClient(live_server.url, live_server.token) as api:
        url, source = _link(api)
    assert source.startswith("uploads/") and source.endswith("/jobs.csv")  # the name tidied
    assert httpx.put(url, content=b"1,Engineer\r\n").status_code == 200  # no token: the link is
    uploads = live_server.services.uploads
    assert uploads is not None and uploads.upload_head(source, 100) == b"1,Engineer\r\n"


def test_a_link_only_puts_and_only_its_own_file(live_server: LiveServer) -> None:
    with HrClient(live_server.url, live_server.token) as api:
        url, source = _link(api)
    folder = source.split("/")[1]
    assert httpx.put(url.replace(folder, "0" * 32), content=b"x").status_code == 403
    assert httpx.get(url).status_code == 403  # a PUT link is no read link
    assert httpx.put(url.replace("signature=", "signature=0"), content=b"x").status_code == 403


def test_import_table_refuses_a_source_not_its_own_or_never_uploaded(
    live_server: LiveServer,
) -> None:
    with HrClient(live_server.url, live_server.token) as api:
        _, source = _link(api)
        with pytest.raises(ValidationError, match="source"):
            api.execute("importTable", {"table": "JOBS", "source": "/etc/passwd"})
        with pytest.raises(NotFound, match="nothing was uploaded"):
            api.execute("importTable", {"table": "JOBS", "source": source})
