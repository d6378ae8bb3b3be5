"""resolvers/sql/grants/: the COPY/UNLOAD role is the app user's alone, in documented statements.

The grammar below is the one the Amazon Redshift Database Developer Guide gives
for GRANT and REVOKE of ASSUMEROLE (the "GRANT" and "REVOKE" pages, "Granting
ASSUMEROLE permissions"):

    GRANT ASSUMEROLE
        ON { 'iam_role' [, ...] | default | ALL }
        TO { user_name | ROLE role_name | GROUP group_name | PUBLIC } [, ...]
        FOR { ALL | COPY | UNLOAD | EXTERNAL FUNCTION | CREATE MODEL } [, ...]

    REVOKE ASSUMEROLE
        ON { 'iam_role' [, ...] | default | ALL }
        FROM { user_name | ROLE role_name | GROUP group_name | PUBLIC } [, ...]
        FOR { ALL | COPY | UNLOAD | EXTERNAL FUNCTION | CREATE MODEL }

and its usage note: every user holds ASSUMEROLE through PUBLIC until a superuser
runs ``revoke assumerole on all from public for all;``, which must come before
granting it to anyone. The files are psql scripts: ``:'copy_role_arn'`` is a psql
variable that psql sends as a quoted literal, the ``'iam_role'`` of the grammar.
"""

from __future__ import annotations

import re

from tests.deploy.conftest import ROOT

GRANTS = ROOT / "resolvers" / "sql" / "grants"
_ROLE = r"(?:'arn:aws:iam::\d{12}:role/[\w+=,.@/-]+'|:'\w+')"
_WHO = r"(?:ROLE\s+\w+|GROUP\s+\w+|PUBLIC|\w+)"
_FOR = r"(?:ALL|COPY|UNLOAD|EXTERNAL\s+FUNCTION|CREATE\s+MODEL)"
DOCUMENTED = {
    "GRANT": re.compile(
        rf"GRANT\s+ASSUMEROLE\s+ON\s+(?P<on>{_ROLE}(?:\s*,\s*{_ROLE})*|DEFAULT|ALL)"
        rf"\s+TO\s+(?P<who>{_WHO}(?:\s*,\s*{_WHO})*)\s+FOR\s+(?P<for>{_FOR}(?:\s*,\s*{_FOR})*)",
        re.IGNORECASE,
    ),
    "REVOKE": re.compile(
        rf"REVOKE\s+ASSUMEROLE\s+ON\s+(?P<on>{_ROLE}(?:\s*,\s*{_ROLE})*|DEFAULT|ALL)"
        rf"\s+FROM\s+(?P<who>{_WHO}(?:\s*,\s*{_WHO})*)\s+FOR\s+(?P<for>{_FOR})",
        re.IGNORECASE,
    ),
}


def statements(name: str) -> list[str]:
    """The file's statements, comments dropped, whitespace folded, in order."""
    text = "\n".join(line.split("--", 1)[0] for line in (GRANTS / name).read_text().splitlines())
    return [" ".join(s.split()) for s in text.split(";") if s.strip()]


def assumerole(name: str) -> list[tuple[str, dict[str, str]]]:
    """Every ASSUMEROLE statement of the file as (verb, parts); fails on one off the grammar."""
    found = []
    for statement in statements(name):
        if "ASSUMEROLE" not in statement.upper():
            continue
        verb = statement.split()[0].upper()
        match = DOCUMENTED[verb].fullmatch(statement)
        assert match, f"{name}: not the documented syntax: {statement}"
        found.append((verb, {k: " ".join(v.upper().split()) for k, v in match.groupdict().items()}))
    return found


def test_the_role_is_revoked_from_public_before_it_is_granted() -> None:
    found = assumerole("app_user.sql")
    assert found[0] == ("REVOKE", {"on": "ALL", "who": "PUBLIC", "for": "ALL"})
    assert all(verb == "GRANT" for verb, _ in found[1:])


def test_the_app_user_may_assume_the_copy_role_for_copy_and_unload_only() -> None:
    grants = [parts for verb, parts in assumerole("app_user.sql") if verb == "GRANT"]
    assert {parts["on"] for parts in grants} == {":'COPY_ROLE_ARN'"}
    assert {parts["who"] for parts in grants} == {"HRGRAPH_APP"}
    purposes = {p.strip() for parts in grants for p in parts["for"].split(",")}
    assert purposes == {"COPY", "UNLOAD"}


def test_the_read_only_user_gets_no_role() -> None:
    assert assumerole("readonly_user.sql") == []
    assert not any("ASSUMEROLE" in s.upper() and "READONLY" in s.upper()
                   for s in statements("app_user.sql"))  # fmt: skip


def test_the_grammar_refuses_what_redshift_would() -> None:
    """The check can say no: FOR before TO, and a missing FOR, are not the syntax."""
    for wrong in (
        "GRANT ASSUMEROLE ON ALL FOR COPY TO hrgraph_app",
        "GRANT ASSUMEROLE ON :'copy_role_arn' TO hrgraph_app",
        "REVOKE ASSUMEROLE ON ALL FROM PUBLIC FOR COPY, UNLOAD",
    ):
        assert not DOCUMENTED[wrong.split()[0]].fullmatch(wrong)
