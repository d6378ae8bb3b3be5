"""GraphiQL at GET /graphql that works offline: its files come from node_modules, never a CDN.

The page (static/graphiql.html) loads GraphiQL 3 and React 18 as pinned in
package.json / package-lock.json (``make`` runs ``npm ci`` when npm is there)
and the small script static/graphiql-hrgraph.js, which holds the token in the
page's memory (never localStorage, never the URL) and sets the
``Authorization`` header on every request itself. With the local issuer the
page has a sign-in box (POST /auth/login, renewed through /auth/refresh);
with Cognito it takes a pasted ID token. A strict Content-Security-Policy
lets the page load scripts from this server only.
"""

from __future__ import annotations

import html
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
STATIC = Path(__file__).resolve().parent / "static"

ASSETS: dict[str, Path] = {
    "graphiql.min.css": NODE_MODULES / "graphiql" / "graphiql.min.css",
    "graphiql.min.js": NODE_MODULES / "graphiql" / "graphiql.min.js",
    "react.production.min.js": NODE_MODULES / "react/umd/react.production.min.js",
    "react-dom.production.min.js": NODE_MODULES / "react-dom/umd/react-dom.production.min.js",
    "graphiql-hrgraph.js": STATIC / "graphiql-hrgraph.js",
    "graphiql-hrgraph.css": STATIC / "graphiql-hrgraph.css",
}
"""The only files served, by name: nothing else under node_modules is reachable."""

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "connect-src 'self'; img-src 'self' data:; font-src 'self' data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def missing_assets() -> list[str]:
    return [name for name, path in ASSETS.items() if not path.is_file()]


def routes(sign_in: bool) -> list[Route]:
    """GET /graphql (the page; ``sign_in``: the local issuer's /auth/login is there) and
    GET /graphiql/assets/{name}."""

    async def graphiql(request: Request) -> Response:
        missing = missing_assets()
        if missing:
            page = (STATIC / "graphiql-missing.html").read_text(encoding="utf-8")
            body = page.replace("{missing}", html.escape(", ".join(missing)))
            return HTMLResponse(body, 503, SECURITY_HEADERS)
        page = (STATIC / "graphiql.html").read_text(encoding="utf-8")
        body = page.replace("{mode}", "local" if sign_in else "token")
        body = body.replace("{hidden}", "" if sign_in else "hidden")
        return HTMLResponse(body, headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})

    async def asset(request: Request) -> Response:
        path = ASSETS.get(request.path_params["name"])
        if path is None or not path.is_file():
            return PlainTextResponse("not found", status_code=404)
        media = "text/css" if path.suffix == ".css" else "text/javascript"
        headers = {**SECURITY_HEADERS, "Cache-Control": "max-age=86400"}
        return FileResponse(path, media_type=media, headers=headers)

    return [
        Route("/graphql", graphiql, methods=["GET"]),
        Route("/graphiql/assets/{name}", asset, methods=["GET"]),
    ]
