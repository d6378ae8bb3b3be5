"""Which pages each Cognito group may open: the UI's mirror of schema.graphql's directives.

The API enforces the rules; this only hides what a group could not use, so a
Viewer is never shown a Load button that would answer Unauthorized.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

ADMINS = "Admins"
ANALYSTS = "Analysts"
VIEWERS = "Viewers"


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

_GROUP_PAGES: dict[str, tuple[PageName, ...]] = {
    VIEWERS: (PageName.DATA, PageName.REPORTS),
    ANALYSTS: (PageName.DATA, PageName.REPORTS, PageName.ASK),
    ADMINS: tuple(page for page in PageName if page is not PageName.SIGN_IN),
}


def pages_for(groups: Iterable[str] | None) -> list[PageName]:
    """The pages to show, in menu order; only Sign in when nobody is signed in."""
    if groups is None:
        return [PageName.SIGN_IN]
    allowed = {page for group in groups for page in _GROUP_PAGES.get(group, ())}
    return [page for page in PageName if page in allowed or page is PageName.SIGN_IN]


def can_edit(groups: Iterable[str]) -> bool:
    """Inserts, corrections, deletes and backups are for Admins only."""
    return ADMINS in set(groups)


def can_query(groups: Iterable[str]) -> bool:
    """Questions and read-only SQL are for Analysts and Admins."""
    return bool({ADMINS, ANALYSTS} & set(groups))
