"""Errors for people: one sentence per errorType, the API's own words kept in an expander.

Every page shows a failed call through ``show`` (or ``sentence`` where it
needs the text), so a person reads "That department does not exist" rather
than ``ValidationError: patch.departmentId: ...``. The API's message,
errorType and errorInfo stay one click away for whoever debugs it; local
file paths are cut from them (a server's temp folder means nothing to a
reader and tells an outsider too much).
"""

from __future__ import annotations

import json
import re
from typing import Any

import streamlit as st

from client.auth import SignInFailed, SignInRequired
from client.errors import ApiError, ConnectionFailed
from streamlit_app import session

FIELD_WORDS: dict[str, str] = {
    "id": "the id",
    "name": "the name",
    "datetime": "the hire date",
    "departmentId": "the department",
    "department_id": "the department",
    "jobId": "the job",
    "job_id": "the job",
    "department": "the department name",
    "job": "the job name",
    "year": "the year",
    "question": "the question",
    "sql": "the SQL",
    "rows": "the rows",
    "limit": "the page size",
    "nextToken": "the page",
}
"""How a field the API names reads in a sentence."""

SENTENCES: dict[str, str] = {
    "ValidationError": "That was not accepted: {field_part}{reason}",
    "Unauthorized": "Your sign-in has ended. Sign in again to go on.",
    "UnauthorizedException": "Your sign-in has ended. Sign in again to go on.",
    "NotFound": "That row is no longer there (someone may have changed or deleted it). "
    "Refresh and try again.",
    "Conflict": "This cannot be done now: {reason}",
    "Unavailable": "The service is busy or briefly down. Wait a moment and try again.",
    "InternalFailure": "Something went wrong on the server, not with what you entered. "
    "Try again; if it keeps happening, send the details below to whoever runs hrgraph.",
}
"""The one mapping from errorType to what a person reads."""

GROUP_DENIED = "Your account may not do this. An admin can add you to a group that may."
"""An ``Unauthorized`` for one field (AppSync's word for a group denial too), not a sign-in."""

UNKNOWN = "The request failed. The details below say what the server answered."
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:/[\w.\-+@]+){2,}/?")
_FIELD_PREFIX = re.compile(r"^(?:[\w]+\.)*([\w]+)(?:\[\d+\])?(?:\.[\w]+)*:\s*")


def scrub(text: str) -> str:
    """Local file paths out of a message: ``/tmp/hrgraph-upload-x/jobs.csv`` -> ``jobs.csv``."""
    return _PATH.sub(lambda match: match.group(0).rstrip("/").rsplit("/", 1)[-1], text)


def _field(error: ApiError) -> str | None:
    field = error.info.get("field")
    if isinstance(field, str) and field:
        return field.rsplit(".", 1)[-1]
    match = _FIELD_PREFIX.match(error.message)
    return match.group(1) if match else None


def _reason(error: ApiError) -> str:
    """The API's message without its leading ``patch.departmentId:`` and without paths."""
    reason = scrub(_FIELD_PREFIX.sub("", error.message, count=1)).strip()
    reason = reason[:1].lower() + reason[1:] if reason else "it breaks a rule"
    return reason if reason.endswith((".", "?", "!")) else reason + "."


def ends_session(error: BaseException) -> bool:
    """Does this failure mean the sign-in is over (not a group denial of one field)?"""
    if isinstance(error, SignInRequired):
        return True
    return (
        isinstance(error, ApiError)
        and error.error_type in ("Unauthorized", "UnauthorizedException")
        and not error.message.startswith("Not Authorized to access")
    )


def sentence(error: BaseException) -> str:
    """The one line a person reads for any failure of a call (API, sign-in or network).

    A failure that ends the sign-in also ends this tab's session
    (``session.end``): the next run shows the sign-in form, never a dead end.
    """
    if ends_session(error):
        session.end(SENTENCES["Unauthorized"])
    if isinstance(error, SignInRequired):
        return SENTENCES["Unauthorized"]
    if isinstance(error, SignInFailed):
        return (
            "Sign-in refused: the username or password is not right "
            "(or the sign-in service is down)."
        )
    if isinstance(error, ConnectionFailed):
        return "The hrgraph server cannot be reached. Is it running, and is HRGRAPH_URL right?"
    if not isinstance(error, ApiError):
        return UNKNOWN
    if error.error_type == "Unauthorized" and error.message.startswith("Not Authorized to access"):
        return GROUP_DENIED
    template = SENTENCES.get(error.error_type)
    if template is None:
        return UNKNOWN
    field = _field(error)
    words = FIELD_WORDS.get(field, field) if field else None
    field_part = f"{words} — " if words else ""
    return template.format(field_part=field_part, reason=_reason(error))


def detail(error: BaseException) -> dict[str, Any]:
    """What the API (or the client) said, for the expander: type, message, info, path."""
    if isinstance(error, ApiError):
        shown: dict[str, Any] = {"errorType": error.error_type, "message": scrub(error.message)}
        if error.info:
            shown["errorInfo"] = json.loads(scrub(json.dumps(error.info, default=str)))
        if error.path:
            shown["path"] = error.path
        return shown
    return {"error": type(error).__name__, "message": scrub(str(error))}


def show(error: BaseException, *, before: str = "", after: str = "") -> None:
    """``st.error`` with the sentence, then the API's detail in a closed expander.

    When the sign-in has ended, the app starts over on the sign-in form instead.
    """
    said = sentence(error)
    if ends_session(error):
        st.rerun()
    st.error(" ".join(part for part in (before, said, after) if part))
    with st.expander("Details from the server"):
        st.json(detail(error))
