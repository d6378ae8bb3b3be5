"""Errors for people: one sentence per errorType, the API's words kept for the expander."""

from __future__ import annotations

import pytest

from client.auth import SignInFailed, SignInRequired
from client.errors import (
    ApiError,
    Conflict,
    ConnectionFailed,
    InternalFailure,
    NotFound,
    Unauthorized,
    Unavailable,
    ValidationError,
    error_class,
)
from streamlit_app import plain_errors


def test_a_validation_error_names_the_field_in_words_not_its_path() -> None:
    error = ValidationError(
        "patch.departmentId: department 99 does not exist", info={"field": "patch.departmentId"}
    )
    said = plain_errors.sentence(error)
    assert said == "That was not accepted: the department — department 99 does not exist."
    assert "patch." not in said and "ValidationError" not in said


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("x: y"),
        Unauthorized("Not Authorized to access deleteJob on type Mutation"),
        NotFound("gone"),
        Conflict("department 1 is still referenced by 3 employees"),
        Unavailable("busy"),
        InternalFailure("internal error in the local server"),
        ApiError("?", error_type="UnauthorizedException"),
        SignInRequired("the session has ended"),
        SignInFailed("Incorrect username or password."),
        ConnectionFailed("cannot reach http://127.0.0.1:1/graphql"),
    ],
)
def test_every_error_type_reads_as_a_sentence_without_class_names(error: BaseException) -> None:
    said = plain_errors.sentence(error)
    assert said[0].isupper() and said.rstrip().endswith((".", "?"))
    for jargon in ("Error:", "Exception", "Failure:", "errorType", "Traceback"):
        assert jargon not in said


def test_each_known_error_type_has_its_own_sentence() -> None:
    for name in ("ValidationError", "Unauthorized", "NotFound", "Conflict",
                 "Unavailable", "InternalFailure"):  # fmt: skip
        assert error_class(name).error_type_name in plain_errors.SENTENCES
    assert len({plain_errors.SENTENCES[n] for n in ("Unauthorized", "NotFound", "Conflict")}) == 3


def test_a_field_outside_the_groups_reads_as_a_group_denial_not_a_sign_in() -> None:
    """There is no Forbidden: AppSync says Unauthorized for a group denial too."""
    denied = Unauthorized("Not Authorized to access deleteJob on type Mutation")
    assert plain_errors.sentence(denied) == plain_errors.GROUP_DENIED
    assert (
        plain_errors.sentence(Unauthorized("Token has expired."))
        == (plain_errors.SENTENCES["Unauthorized"])
    )


def test_a_conflict_keeps_the_servers_reason() -> None:
    said = plain_errors.sentence(Conflict("department 1 is still referenced by 3 employees"))
    assert said == "This cannot be done now: department 1 is still referenced by 3 employees."


def test_server_paths_are_cut_from_what_is_shown() -> None:
    error = ValidationError("/srv/hrgraph-upload-x1y2/jobs.csv: line 3 is not CSV")
    assert "/srv" not in plain_errors.sentence(error)
    detail = plain_errors.detail(error)
    assert detail["message"] == "jobs.csv: line 3 is not CSV"
    assert detail["errorType"] == "ValidationError"


def test_an_unknown_error_type_is_not_dressed_up() -> None:
    error = ApiError("teapot", error_type="HTTP 418")
    assert plain_errors.sentence(error) == plain_errors.UNKNOWN
    assert plain_errors.detail(error)["message"] == "teapot"
