"""GET /downloads/backups/<id>.avro?expires=..&signature=..: the local door's presigned URL.

``backupDownloadUrl`` (Admins) hands out a link signed with the data dir's key
(resolvers/adapters/download_links.py); this route serves the file to whoever
brings a valid, unexpired link, as S3 serves a presigned URL in AWS. No token
is asked: the link is the permission. A bad, expired or unknown link is 403
(S3's answer to a bad signature) with no hint of which part was wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

from resolvers.adapters.download_links import PREFIX
from resolvers.adapters.folder_store import FolderBackupStore


def download_routes(store: Callable[[], Any]) -> list[Route]:
    """The route, reading the backup store the server runs on (a folder, else no file)."""

    async def download(request: Request) -> Response:
        backups = store()
        name = request.path_params["name"]
        query = request.query_params
        if not isinstance(backups, FolderBackupStore) or not backups.links.verify(
            name, query.get("expires", ""), query.get("signature", "")
        ):
            return PlainTextResponse("this download link is not valid (or has expired)", 403)
        path = backups.data_file(name)
        if path is None:
            return PlainTextResponse("that backup no longer exists", 404)
        return FileResponse(path, media_type="application/avro", filename=name)

    return [Route(PREFIX + "{name}", download, methods=["GET"])]
