"""Which pages each Cognito group may open, read from schema.graphql's directives.

The API enforces the rules; this only hides what a group could not use, so a
Viewer is never shown a Load button that would answer Unauthorized. There is
no second table of groups here: each page names the operations it calls, and
``hrgraph_contract.group_rules`` (the code the local server checks every call
with) says who may call them. A page is shown when the user may call all of
its operations.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import cache

from hrgraph_contract.group_rules import GroupRules


class PageName(StrEnum):
    """Every page of the app; the value is the file under streamlit_app/app_pages/."""

    SIGN_IN = "sign_in"
    DATA = "data"
    REPORTS = "reports"
    ASK = "ask"
    LOAD = "load"
    BACKUPS = "backups"


TITLES: dict[PageName, tuple[str, str]] = {
    PageName.SIGN_IN: ("Sign in", ":material/login:"),
    PageName.DATA: ("Data", ":material/table:"),
    PageName.REPORTS: ("Reports", ":material/bar_chart:"),
    PageName.ASK: ("Ask", ":material/question_answer:"),
    PageName.LOAD: ("Load", ":material/upload_file:"),
    PageName.BACKUPS: ("Backups", ":material/backup:"),
}
"""Menu title and icon of each page (Sign in reads "Account" once signed in)."""

Operation = tuple[str, str]

PAGE_OPERATIONS: dict[PageName, tuple[Operation, ...]] = {
    PageName.SIGN_IN: (),
    PageName.DATA: (("Query", "departments"), ("Query", "jobs"), ("Query", "employees")),
    PageName.REPORTS: (("Query", "hiresByQuarter"), ("Query", "departmentsAboveMean")),
    PageName.ASK: (("Query", "ask"),),
    PageName.LOAD: (
        ("Mutation", "insertDepartments"),
        ("Mutation", "insertJobs"),
        ("Mutation", "insertEmployees"),
    ),
    PageName.BACKUPS: (("Query", "backups"), ("Mutation", "backupTable")),
}
"""What each page calls; the schema's directives on these decide who sees the page."""

EDIT_OPERATIONS: tuple[Operation, ...] = (
    ("Mutation", "updateDepartment"),
    ("Mutation", "updateJob"),
    ("Mutation", "updateEmployee"),
    ("Mutation", "deleteDepartment"),
    ("Mutation", "deleteJob"),
    ("Mutation", "deleteEmployee"),
)
QUERY_OPERATIONS: tuple[Operation, ...] = (("Query", "ask"), ("Query", "runSql"))


@cache
def rules() -> GroupRules:
    """schema.graphql's group rules, read once per process (the same reader as the server)."""
    return GroupRules.from_contract()


def may_call(groups: Iterable[str], operations: Iterable[Operation]) -> bool:
    chosen = list(groups)
    return all(rules().allows(chosen, type_name, field) for type_name, field in operations)


def pages_for(groups: Iterable[str] | None) -> list[PageName]:
    """The pages to show, in menu order; only Sign in when nobody is signed in."""
    if groups is None:
        return [PageName.SIGN_IN]
    chosen = list(groups)
    return [
        page
        for page in PageName
        if page is PageName.SIGN_IN or may_call(chosen, PAGE_OPERATIONS[page])
    ]


def groups_for(page: PageName) -> list[str]:
    """The groups that may use a page, for a person who may not ("Load is for Admins")."""
    return sorted(g for g in rules().groups() if may_call([g], PAGE_OPERATIONS[page]))


def can_edit(groups: Iterable[str]) -> bool:
    """Corrections and deletes: whoever the schema lets call every update and delete."""
    return may_call(groups, EDIT_OPERATIONS)


def can_query(groups: Iterable[str]) -> bool:
    """Questions and read-only SQL."""
    return may_call(groups, QUERY_OPERATIONS)


def can_back_up(groups: Iterable[str]) -> bool:
    """Backups (the Account page shows the latest one to those who may list them)."""
    return may_call(groups, (("Query", "backups"),))
