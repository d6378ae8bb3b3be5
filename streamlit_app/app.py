"""hrgraph's web app: `streamlit run streamlit_app/serve.py` (make run starts it beside the API).

This entry point builds the menu: the pages the signed-in user's groups may
use (streamlit_app/access.py reads them from schema.graphql), one file each
under app_pages/, each at its own address (/data, /reports ...), so a reload
or a shared link opens the same page. Signed out, every address shows the
sign-in form and, once signed in, the page that was asked for; signed in, the
address of a page the user's groups may not use says whose page it is. Sign
out sits in the sidebar on every page. Every page talks to the API through
client/ and nothing else.

No traceback reaches the page: an error a page did not expect is said in
words here, its details go to the server's log, and the page can be started
afresh (.streamlit/config.toml keeps Streamlit's own error details off).
"""

from __future__ import annotations

import json
import logging
import runpy
from pathlib import Path

import streamlit as st

from streamlit_app import kept_sessions, session
from streamlit_app.access import TITLES, PageName, groups_for, pages_for

LOG = logging.getLogger("hrgraph.webapp")

PAGES = Path(__file__).parent / "app_pages"
PHONE_WIDTH = 640  # below this many CSS pixels the sidebar covers the page


def _page(name: PageName, *, signed_in: bool, default: bool = False) -> st.Page:
    title, icon = TITLES[name]
    if name is PageName.SIGN_IN:
        if signed_in:
            return st.Page(
                PAGES / "account.py",
                title="Account",
                icon=":material/account_circle:",
                url_path="account",
                default=True,
            )
        return st.Page(PAGES / "sign_in.py", title=title, icon=icon, default=True)
    return st.Page(PAGES / f"{name.value}.py", title=title, icon=icon, url_path=name.value)


def _sign_in_first(name: PageName) -> st.Page:
    """A signed-out visit to /data: the sign-in form, at /data, so a reload after it lands there."""

    def sign_in_here() -> None:
        runpy.run_path(str(PAGES / "sign_in.py"))

    sign_in_here.__name__ = f"sign_in_for_{name.value}"
    return st.Page(sign_in_here, title=TITLES[name][0], url_path=name.value, visibility="hidden")


def _not_yours(name: PageName, signed_in: session.SignedIn) -> st.Page:
    """A signed-in visit to a page the user's groups may not use: whose page it is, in words."""
    title, icon = TITLES[name]

    def whose_page() -> None:
        st.title(title)
        groups = groups_for(name)
        allowed = " or ".join(groups) or "no group yet"
        mine = ", ".join(signed_in.groups) or "no group"
        which = "that group" if len(groups) == 1 else "one of those groups"
        st.info(
            f"The {title} page is for {allowed}. You are signed in as **{signed_in.username}** "
            f"({mine}). If you need it, ask an admin to add you to {which}."
        )
        st.page_link(PAGES / "account.py", label="Back to your pages", icon=":material/home:")

    whose_page.__name__ = f"not_yours_{name.value}"
    return st.Page(whose_page, title=title, icon=icon, url_path=name.value, visibility="hidden")


def _sidebar(signed_in: session.SignedIn | None) -> None:
    """Who is signed in, and Sign out, on every page."""
    with st.sidebar:
        if signed_in is None:
            st.caption("Not signed in")
            return
        st.caption(f"Signed in as **{signed_in.username}** ({', '.join(signed_in.groups)})")
        st.button("Sign out", key="sign_out", icon=":material/logout:", on_click=session.sign_out)


def _run(current: st.Page) -> None:
    """The page; an error it did not expect is said in words, never as a traceback."""
    try:
        current.run()
    except Exception:
        LOG.exception("page %s failed", current.url_path or "home")
        st.error(
            "This page stopped on an error of ours, not of what you entered. The details are "
            "in the server's log. Try again, or start the page afresh."
        )
        if st.button("Start afresh", key="app.afresh"):
            session.forget_page_state()
            st.rerun()


def _handoff(current: st.Page) -> None:
    """Send the browser to the cookie route once: after a sign-in (set), or a sign-out (clear)."""
    pending = st.session_state.pop(session.HANDOFF, None)
    if not pending:
        return
    kind, ticket = pending
    if kind == "start":
        target = kept_sessions.start_url(ticket, "/" + (current.url_path or ""))
    else:
        target = kept_sessions.END_PATH
    st.html(
        f"<script>window.location.replace({json.dumps(target)});</script>",
        unsafe_allow_javascript=True,
        width="content",
    )


def _close_menu_on_phones(current: st.Page) -> None:
    """On a phone the menu covers the page: close it once a page is chosen."""
    runs = st.session_state.get("app.runs", 0) + 1
    st.session_state["app.runs"] = runs
    script = f"""<script>/* {current.url_path or "home"} {runs} */
    (() => {{
      const doc = window.parent.document || document;
      if ((window.parent.innerWidth || window.innerWidth) >= {PHONE_WIDTH}) return;
      const bar = doc.querySelector('[data-testid="stSidebar"][data-collapsed="false"]');
      const close = bar && bar.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }})();</script>"""
    with st.sidebar:
        st.html(script, unsafe_allow_javascript=True, width="content")


def main() -> None:
    st.set_page_config(page_title="hrgraph", page_icon=":material/groups:", layout="wide")
    signed_in = session.current()
    names = pages_for(signed_in.groups if signed_in else None)
    pages = [_page(name, signed_in=signed_in is not None) for name in names]
    if signed_in is None:
        pages += [_sign_in_first(name) for name in PageName if name is not PageName.SIGN_IN]
    else:
        pages += [_not_yours(name, signed_in) for name in PageName if name not in names]
    _sidebar(signed_in)
    current = st.navigation(pages)
    _handoff(current)
    _close_menu_on_phones(current)
    _run(current)


main()
