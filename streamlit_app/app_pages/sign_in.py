"""Sign in (local issuer or Cognito, through client/), and who is signed in."""

from __future__ import annotations

import streamlit as st

from client.auth import SignInFailed
from streamlit_app import session
from streamlit_app.access import TITLES, PageName, pages_for


def signed_in_view(signed_in: session.SignedIn) -> None:
    st.title("Signed in")
    st.write(f"**{signed_in.username}**")
    groups = ", ".join(signed_in.groups) or "no group: ask an admin to add you to one"
    st.write(f"Groups: {groups}")
    pages = [page for page in pages_for(signed_in.groups) if page is not PageName.SIGN_IN]
    if pages:
        st.write("Your pages:")
        for column, page in zip(st.columns(len(pages)), pages, strict=True):
            title, icon = TITLES[page]
            column.page_link(f"app_pages/{page.value}.py", label=title, icon=icon)
    if st.button("Sign out", key="sign_out"):
        session.sign_out()
        st.rerun()


def sign_in_form() -> None:
    config = session.settings()
    st.title("Sign in to hrgraph")
    where = "Cognito" if config.auth == "cognito" else "the local server"
    st.caption(f"API: {config.url} · accounts from {where}")
    if config.auth == "local":
        st.caption(
            "First time here? `make run` created the user **admin** and printed its password "
            "in the terminal once; an admin adds people with `hrgraph users add`."
        )
    with st.form("sign_in"):
        username = st.text_input("Username", key="username")
        password = st.text_input("Password", type="password", key="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    if not username or not password:
        st.error("Enter a username and a password.")
        return
    try:
        signed_in = session.sign_in(username.strip(), password, config)
    except SignInFailed as error:
        st.error(f"Sign-in refused: {error}")
        return
    except session.CALL_ERRORS as error:
        st.error(session.explain(error))
        return
    session.remember(signed_in)
    st.rerun()


signed_in = session.current()
if signed_in:
    signed_in_view(signed_in)
else:
    sign_in_form()
