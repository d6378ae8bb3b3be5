"""Account: who you are, what is in the tables, the latest backup, your pages, your token."""

from __future__ import annotations

import json

import streamlit as st

from client.api import HrClient
from client.auth import issuer_base_url
from client.models import Table
from streamlit_app import plain_errors, session
from streamlit_app.access import TITLES, PageName, can_back_up, pages_for

signed_in = session.require()
api = signed_in.client

st.title("Account")
groups = ", ".join(signed_in.groups) or "no group: ask an admin to add you to one"
st.write(f"Signed in as **{signed_in.username}** · groups: {groups}")

pages = [page for page in pages_for(signed_in.groups) if page is not PageName.SIGN_IN]
if pages:
    st.subheader("Your pages")
    for column, page in zip(st.columns(len(pages)), pages, strict=True):
        title, icon = TITLES[page]
        column.page_link(f"app_pages/{page.value}.py", label=title, icon=icon)


@st.cache_data(ttl=60, show_spinner=False)
def _rows(url: str, _api: HrClient) -> dict[Table, int]:
    """Rows per table (cached a minute)."""
    return {table: _api.row_count(table) for table in Table}


st.subheader("What is in hrgraph")
try:
    counts = _rows(api.url, api)
except session.CALL_ERRORS as error:
    plain_errors.show(error)
else:
    for column, (table, count) in zip(st.columns(3), counts.items(), strict=True):
        column.metric(table.value.replace("_", " ").capitalize(), f"{count:,}")

if can_back_up(signed_in.groups):
    try:
        latest = api.backups_page(limit=1).items
    except session.CALL_ERRORS as error:
        plain_errors.show(error, before="The latest backup cannot be shown.")
    else:
        if latest:
            backup = latest[0]
            st.caption(
                f"Latest backup: **{backup.table.value}**, {backup.rows:,} rows, "
                f"{backup.created_at:%Y-%m-%d %H:%M} UTC"
                + (f" by {backup.created_by}" if backup.created_by else "")
            )
        else:
            st.caption("No backup yet: make one on the Backups page.")
        st.page_link("app_pages/backups.py", label="Backups", icon=":material/backup:")

st.subheader("Your token, for GraphiQL and curl")
config = session.settings()
graphql_url = config.url
cognito = config.auth == "cognito"
lifetime = (
    "it is short-lived (15 minutes as deployed) and renewed while you use this app"
    if cognito
    else "it lasts an hour and is renewed while you use this app"
)
st.write(
    f"The API is at `{graphql_url}`. Calls need your ID token in the `Authorization` "
    f"header; {lifetime}."
)
try:
    token = signed_in.token() or ""
except session.CALL_ERRORS as error:
    plain_errors.show(error)
    token = ""
if token:
    st.html(
        f"""<button id="copy-token" type="button" style="padding:.4rem .9rem;border-radius:.5rem;
        border:1px solid #c4c7cf;background:#fff;cursor:pointer;font:inherit">Copy token</button>
        <span id="copy-said" style="margin-left:.6rem"></span>
        <script>(() => {{
          const button = document.getElementById("copy-token");
          button.onclick = async () => {{
            await navigator.clipboard.writeText({json.dumps(token)});
            document.getElementById("copy-said").textContent = "Copied.";
          }};
        }})();</script>""",
        unsafe_allow_javascript=True,
    )
    where = (
        f"GraphiQL (the local server's page at [{graphql_url}]({graphql_url})): paste the "
        "token in its “ID token” box and press Use token."
        if cognito
        else f"GraphiQL: open [{graphql_url}]({graphql_url}), paste the token in its sign-in "
        "box (or sign in there)."
    )
    st.markdown(f"{where} With curl:")
    st.code(
        f"curl -s {graphql_url} -H 'Content-Type: application/json' \\\n"
        f'  -H "Authorization: $HRGRAPH_TOKEN" \\\n'
        '  -d \'{"query": "{ me { username groups } }"}\'',
        language="bash",
    )
    if cognito:
        # Cognito issues the tokens: no local issuer exists in this mode.
        st.caption(
            "Set HRGRAPH_TOKEN to the copied token first, or get one in a terminal from "
            "Cognito: with `HRGRAPH_AUTH=cognito` and the pool's `HRGRAPH_COGNITO_REGION`, "
            f"`HRGRAPH_COGNITO_USER_POOL_ID` and `HRGRAPH_COGNITO_CLIENT_ID` set, run "
            f"`hrgraph login {signed_in.username}` (it asks for a new password or an MFA "
            "code when Cognito does), then `export HRGRAPH_TOKEN=$(hrgraph token)`."
        )
    else:
        base = issuer_base_url(graphql_url)
        st.caption(
            "Set HRGRAPH_TOKEN to the copied token first, or in a terminal run "
            f"`hrgraph login {signed_in.username}`, then `export HRGRAPH_TOKEN=$(hrgraph token)`."
            f" Local issuer: {base}/auth/login."
        )
st.caption("Sign out is in the sidebar, on every page.")
