"""GraphiQL at GET /graphql that works offline: its files come from node_modules, never a CDN.

The page loads GraphiQL 3 and React 18 as pinned in package.json /
package-lock.json (``make`` runs ``npm ci`` when npm is there) and the small
script in localserver/static/graphiql-hrgraph.js, which holds the token in
the page's memory (never localStorage, never the URL) and sets the
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

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
STATIC = Path(__file__).resolve().parent / "static"
ASSET_PATH = "/graphiql/assets"

ASSETS: dict[str, Path] = {
    "graphiql.min.css": NODE_MODULES / "graphiql" / "graphiql.min.css",
    "graphiql.min.js": NODE_MODULES / "graphiql" / "graphiql.min.js",
    "react.production.min.js": NODE_MODULES / "react" / "umd" / "react.production.min.js",
    "react-dom.production.min.js": NODE_MODULES
    / "react-dom"
    / "umd"
    / "react-dom.production.min.js",
    "graphiql-hrgraph.js": STATIC / "graphiql-hrgraph.js",
    "graphiql-hrgraph.css": STATIC / "graphiql-hrgraph.css",
}
"""The only files served, by name: nothing else under node_modules is reachable."""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

MISSING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>hrgraph GraphiQL</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>GraphiQL's files are not installed here</h1>
<p>They come from the pinned npm packages, never from the internet. Install them with
<code>npm ci</code> in the repository (<code>make run</code> does it when npm is present),
then reload. Missing: {missing}.</p>
<p>The API itself works: POST GraphQL to <code>/graphql</code> with your ID token in the
<code>Authorization</code> header.</p></body></html>"""


def missing_assets() -> list[str]:
    return [name for name, path in ASSETS.items() if not path.is_file()]


def page(sign_in: bool) -> str:
    """The HTML of the GraphiQL page; ``sign_in``: the local issuer's /auth/login is there."""
    styles = "".join(
        f'<link rel="stylesheet" href="{ASSET_PATH}/{name}">'
        for name in ("graphiql.min.css", "graphiql-hrgraph.css")
    )
    scripts = "".join(
        f'<script src="{ASSET_PATH}/{name}"></script>'
        for name in (
            "react.production.min.js",
            "react-dom.production.min.js",
            "graphiql.min.js",
            "graphiql-hrgraph.js",
        )
    )
    mode = "local" if sign_in else "token"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hrgraph GraphiQL</title>{styles}</head>
<body data-sign-in="{html.escape(mode)}">
<header id="auth">
  <strong>hrgraph</strong>
  <form id="sign-in" {"" if sign_in else "hidden"}>
    <label>Username <input name="username" autocomplete="username" required></label>
    <label>Password <input name="password" type="password" autocomplete="current-password"
      required></label>
    <button type="submit">Sign in</button>
  </form>
  <form id="paste-token">
    <label>or ID token <input name="token" type="password" placeholder="paste a token"
      autocomplete="off"></label>
    <button type="submit">Use token</button>
  </form>
  <span id="who" role="status">Not signed in: requests go without a token.</span>
  <button id="sign-out" type="button" hidden>Sign out</button>
</header>
<main id="graphiql">Loading GraphiQL…</main>
{scripts}
</body></html>"""


def _secured(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def routes(sign_in: bool) -> list[Route]:
    """GET /graphql (the page) and GET /graphiql/assets/{name}; mount before the GraphQL view."""

    async def graphiql(request: Request) -> Response:
        missing = missing_assets()
        if missing:
            body = MISSING.format(missing=html.escape(", ".join(missing)))
            return _secured(HTMLResponse(body, status_code=503))
        return _secured(HTMLResponse(page(sign_in), headers={"Cache-Control": "no-store"}))

    async def asset(request: Request) -> Response:
        path = ASSETS.get(request.path_params["name"])
        if path is None or not path.is_file():
            return PlainTextResponse("not found", status_code=404)
        media = "text/css" if path.suffix == ".css" else "text/javascript"
        return _secured(
            FileResponse(path, media_type=media, headers={"Cache-Control": "max-age=86400"})
        )

    return [
        Route("/graphql", graphiql, methods=["GET"]),
        Route(f"{ASSET_PATH}/{{name}}", asset, methods=["GET"]),
    ]
