"""What Cognito asks after the password, across Streamlit reruns: new password, MFA, reset.

The CLI answers a challenge in one loop; a web page answers it over several
reruns, so the pending ``Challenge`` (and the provider that will answer it)
waits in session state between them. Only Cognito's opaque session string is
kept there (a few minutes' worth), never a password.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from client.auth import IdentityProvider, provider_for
from client.cognito import CognitoProvider
from client.errors import ChallengeRequired, SignInFailed
from client.models import Challenge
from hrgraph_contract.settings import Settings
from streamlit_app import session

KEY = "hrgraph.challenge"


@dataclass
class Pending:
    provider: IdentityProvider
    challenge: Challenge


def pending() -> Pending | None:
    value = st.session_state.get(KEY)
    return value if isinstance(value, Pending) else None


def cancel() -> None:
    st.session_state.pop(KEY, None)


def start(username: str, password: str, config: Settings) -> session.SignedIn | Challenge:
    """Sign in; the next challenge when Cognito asks one (kept for ``answer``)."""
    provider = provider_for(config)
    try:
        result = provider.sign_in(username, password)
    except ChallengeRequired as asked:
        st.session_state[KEY] = Pending(provider, asked.challenge)
        return asked.challenge
    return session.signed_in_with(provider, result, config)


def answer(response: str, config: Settings) -> session.SignedIn | Challenge:
    """Answer the pending challenge: signed in, or the next challenge.

    A refused answer (SignInFailed) leaves the challenge pending, so the
    person can try again while Cognito's session lasts.
    """
    waiting = pending()
    if waiting is None:
        raise SignInFailed("nothing to answer: sign in again")
    try:
        result = waiting.provider.answer(waiting.challenge, response)
    except ChallengeRequired as asked:
        st.session_state[KEY] = Pending(waiting.provider, asked.challenge)
        return asked.challenge
    cancel()
    return session.signed_in_with(waiting.provider, result, config)


def cognito(config: Settings) -> CognitoProvider:
    """The provider for a reset (Cognito only: the local issuer sends no codes)."""
    provider = provider_for(config)
    if not isinstance(provider, CognitoProvider):
        raise SignInFailed("the local issuer sends no reset codes")
    return provider
