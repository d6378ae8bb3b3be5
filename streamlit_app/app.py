"""hrgraph's web app: `streamlit run streamlit_app/app.py` (make run starts it beside the API).

This entry point only builds the menu: the pages the signed-in user's groups
may use (streamlit_app/access.py), one file each under app_pages/. Every page
talks to the API through client/ and nothing else.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from streamlit_app import session
from streamlit_app.access import TITLES, PageName, pages_for

PAGES = Path(__file__).parent / "app_pages"


def main() -> None:
    st.set_page_config(page_title="hrgraph", page_icon=":material/groups:", layout="wide")
    signed_in = session.current()
    names = pages_for(signed_in.groups if signed_in else None)
    pages = []
    for name in names:
        title, icon = TITLES[name]
        if name is PageName.SIGN_IN and signed_in:
            title, icon = "Account", ":material/account_circle:"
        pages.append(st.Page(PAGES / f"{name.value}.py", title=title, icon=icon))
    with st.sidebar:
        if signed_in:
            st.caption(f"Signed in as **{signed_in.username}** ({', '.join(signed_in.groups)})")
        else:
            st.caption("Not signed in")
    st.navigation(pages).run()


main()
