"""GET /downloads/backups/<id>.avro, PUT and GET /uploads/<id>/<name>: the local presigned URLs.

``backupDownloadUrl`` (Admins) hands out a link signed with the data dir's key
(resolvers/adapters/download_links.py); this route serves the file to whoever
brings a valid, unexpired link, as S3 serves a presigned URL in AWS. No token
is asked: the link is the permission. A bad, expired or unknown link is 403
(S3's answer to a bad signature) with no hint of which part was wrong.
Uploads to import work the same way: ``importUploadUrl`` signs a PUT link, and
an import's rejects file is read back through a GET link (the method is signed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio
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

    async def upload(request: Request) -> Response:
        backups = store()
        source = f"uploads/{request.path_params['folder']}/{request.path_params['name']}"
        query = request.query_params
        if not isinstance(backups, FolderBackupStore) or not backups.upload_links.verify(
            source, query.get("expires", ""), query.get("signature", ""), scope=f"{request.method} "
        ):
            return PlainTextResponse("this upload link is not valid (or has expired)", 403)
        if request.method == "GET":
            path = backups.upload_path(source)
            if not path.is_file():
                return PlainTextResponse("that file no longer exists", 404)
            return FileResponse(path, media_type="text/csv", filename=path.name)
        with backups.receive_upload(source) as out:
            async for chunk in request.stream():
                await anyio.to_thread.run_sync(out.write, chunk)
        return Response(status_code=200)

    return [
        Route(PREFIX + "{name}", download, methods=["GET"]),
        Route("/uploads/{folder}/{name}", upload, methods=["PUT", "GET"]),
    ]
