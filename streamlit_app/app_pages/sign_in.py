"""Sign in (local issuer or Cognito, through client/), and who is signed in.

With Cognito the password may not be the end: a first sign-in asks for a
new password, a pool with MFA for a code (or to set up an authenticator), and
a forgotten password is reset by an emailed code. Each has its form here; the
pending step lives in streamlit_app/sign_in_steps.py.
"""

from __future__ import annotations

import streamlit as st

from client.auth import SignInFailed
from client.models import Challenge, ChallengeKind
from hrgraph_contract.settings import Settings
from streamlit_app import plain_errors, session, sign_in_steps
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
    if st.button("Sign out", key="sign_out_here"):
        session.sign_out()
        st.rerun()


def sign_in_form() -> None:
    config = session.settings()
    st.title("Sign in to hrgraph")
    where = "Cognito" if config.auth == "cognito" else "the local server"
    st.caption(f"API: {config.url} · accounts from {where}")
    ended = session.ended()
    if ended:
        st.warning(ended)
    st.caption("No account yet? Ask whoever runs hrgraph for one.")
    with st.form("sign_in"):
        username = st.text_input("Username", key="username", autocomplete="username")
        # A sign-in, not a sign-up: password managers offer the saved password.
        password = st.text_input(
            "Password", type="password", key="password", autocomplete="current-password"
        )
        submitted = st.form_submit_button("Sign in", type="primary")
    if not submitted:
        return
    if not username or not password:
        st.error("Enter a username and a password.")
        return
    try:
        step = sign_in_steps.start(username.strip(), password, config)
    except SignInFailed as error:
        st.error(f"Sign-in refused: {error}")
        return
    except session.CALL_ERRORS as error:
        st.error(plain_errors.sentence(error))
        return
    _after(step)


def _after(step: session.SignedIn | Challenge) -> None:
    """Signed in: remember and show it; a challenge: rerun to show its form."""
    if isinstance(step, session.SignedIn):
        session.remember(step)
    st.rerun()


def challenge_form(waiting: sign_in_steps.Pending, config: Settings) -> None:
    """The form for what Cognito asks now: a new password, an MFA code, an authenticator."""
    challenge = waiting.challenge
    st.title("Sign in to hrgraph")
    st.caption(f"Signing in as **{challenge.username}**")
    with st.form("challenge"):
        if challenge.kind is ChallengeKind.NEW_PASSWORD:
            st.info("Your password is temporary: choose your own now.")
            response = st.text_input("New password", type="password", key="new_password")
            repeat = st.text_input("Repeat it", type="password", key="new_password_again")
        else:
            if challenge.kind is ChallengeKind.MFA_SETUP:
                st.info("Multi-factor sign-in is required: add this key to an authenticator app.")
                st.code(challenge.secret_code, language=None)
                st.caption(f"or as a URI: `{challenge.otpauth_uri()}`")
            response = st.text_input("6-digit code from your authenticator app", key="mfa_code")
            repeat = response
        submitted = st.form_submit_button("Continue", type="primary")
    if st.button("Cancel", key="cancel_challenge"):
        sign_in_steps.cancel()
        st.rerun()
    if not submitted:
        return
    if not response or response != repeat:
        st.error("Enter the new password twice, the same." if response else "Enter an answer.")
        return
    try:
        step = sign_in_steps.answer(response, config)
    except SignInFailed as error:
        st.error(f"Refused: {error}")
        return
    except session.CALL_ERRORS as error:
        st.error(plain_errors.sentence(error))
        return
    _after(step)


def forgot_password_form(config: Settings) -> None:
    """A forgotten password: Cognito emails a code, then the code and a new password."""
    with st.expander("Forgot your password?"):
        if config.auth != "cognito":
            st.caption(
                "The local issuer sends no reset codes: an admin sets a new password "
                "with `hrgraph-local users passwd NAME`."
            )
            return
        with st.form("forgot_password"):
            who = st.text_input("Username", key="forgot_username")
            sent = st.form_submit_button("Email me a code")
        if sent and who:
            try:
                where = sign_in_steps.cognito(config).forgot_password(who.strip())
            except SignInFailed as error:
                st.error(f"Reset refused: {error}")
            else:
                st.success(f"A code is on its way ({where}).")
        with st.form("reset_password"):
            who_again = st.text_input("Username", key="reset_username")
            code = st.text_input("Code from the email", key="reset_code")
            new = st.text_input("New password", type="password", key="reset_password")
            repeat = st.text_input("Repeat it", type="password", key="reset_password_again")
            reset = st.form_submit_button("Set the new password")
        if not reset:
            return
        if not (who_again and code and new) or new != repeat:
            st.error("Enter the username, the code, and the new password twice, the same.")
            return
        try:
            sign_in_steps.cognito(config).confirm_forgot_password(who_again.strip(), code, new)
        except SignInFailed as error:
            st.error(f"Reset refused: {error}")
        else:
            st.success("Password changed: sign in with it above.")


signed_in = session.current()
waiting = sign_in_steps.pending()
if signed_in:
    signed_in_view(signed_in)
elif waiting:
    challenge_form(waiting, session.settings())
else:
    sign_in_form()
    forgot_password_form(session.settings())
