"""Departments picked by id, where two departments share one name.

Two departments may be named alike ('Support', ids 8 and 13). A question must
then say which (by id), or both; this reads that choice, refuses a guess, and
words the note that tells the reader which departments a shared name counted.
"""

from __future__ import annotations

import re

from resolvers.core.questions.catalog import Catalog

_ORDINAL = r"(?:(?:the )?(?:first|second|other|older|newer|new|old|1st|2nd) )"
_NAME_ID = re.compile(
    rf"{_ORDINAL}?(?P<tok>__d\d+__)(?: (?:department|dept|team|division|unit|group|one))?"
    r"(?: (?:with|of|having|that has|which has|whose)(?: the| an)?)? (?:id|no|number)"
    r"(?: is| of)? (?P<id>\d{1,4})\b"
)
_NAME_NUMBER = re.compile(
    rf"{_ORDINAL}?(?P<tok>__d\d+__)(?: (?:department|dept|team|division|unit|group))?"
    r" (?P<id>\d{1,3})\b(?! (?:hires|people|employees|staff|or|to|and|-))"
)
_DEPARTMENT_ID = re.compile(
    r"\b(?:the )?(?:department|dept|team|division) (?P<marked>(?:id|no|number) )?(?P<id>\d{1,4})\b"
)
_BOTH = re.compile(
    r"\b(?:both|the two|both of the|both the)(?: of)?(?: our| the)? (?P<tok>__d\d+__)"
    r"(?: (?:teams|departments|depts|divisions|units|groups|ones))?"
    r"|(?P<tok2>__d\d+__)(?: (?:teams|departments|depts))? (?:both|combined)"
    r"(?: (?:teams|departments|depts|of them))?\b"
)
_ORDINAL_NAME = re.compile(rf"\b{_ORDINAL}(?P<tok>__d\d+__)")
_EACH_OF = re.compile(
    r"\b(?:each|per|every|by) (?P<tok>__d\d+__) (?:team|department|dept|division|unit)"
    r"(?: (?:both of them|the two of them|both|all of them))?\b"  # '(both of them)': so it is
    r"|\b(?:each|every one) of (?:the |our |both )?(?P<tok3>__d\d+__)"
    r" (?:teams|departments|depts|divisions|units)\b"
    r"|\b(?:both |the two )?(?P<tok2>__d\d+__) (?:teams|departments|depts|divisions|units)"
    r" (?:separately|apart|each|one by one|side by side)\b"
)
"""'hires in each Support team': the departments a shared name holds, one row each."""
_SHARED_ASIDE = re.compile(
    r"(?:, )?\b(?:there are |there re )?(?:both|the two|two) (?P<tok>__d\d+__)"
    r"(?: (?:teams|departments|depts|rows|ones))?(?: (?:separately|apart|as separate rows"
    r"|on separate rows|on their own rows))?(?: ,)? (?:keep|list|show|include) (?:both|them both"
    r"|both of them|each|them separately|them apart)\b"
    r"|(?:, )?\b(?:there are |there re )(?:two|2) (?P<tok3>__d\d+__)"
    r"(?: (?:teams|departments|depts))?\b"
    r"|(?:, )?\b(?P<tok2>__d\d+__) (?:appears|shows up|is listed|occurs|exists|comes up) twice"
    r"(?: ,)?(?: (?:keep|list|show|include) (?:both|them both|both of them|each))?\b"
)
"""'(there are two Support teams, keep both)', '(Support appears twice)': a note on the rows."""
_DEPARTMENT_GROUPING = re.compile(
    r"\b(?:per|each|every|by|within each|in each|across) (?:department|dept|team|division)s?\b"
)
"""An answer per department, said apart from the shared name."""


def pick_departments(
    line: list[str], names: dict[str, tuple[str, str]], catalog: Catalog
) -> tuple[list[str], dict[str, tuple[int, ...]]] | str:
    """Departments picked by id, for a name two departments share; or why not (a refusal).

    'Support (id 13)', 'the second Support team (id 13)', 'department 13': that
    one department. 'Both Support teams': every department of the name ('both'
    over a name held once is left unread). 'The second Support team' with no id
    is refused, naming the ids. Each picked token maps to its ids.
    """
    text = " " + " ".join(line) + " "
    picked: dict[str, tuple[int, ...]] = {}
    for match in list(_NAME_ID.finditer(text))[::-1]:
        name = names[match.group("tok")][1]
        wanted = int(match.group("id"))
        if wanted not in catalog.ids_of(name):
            held = " and ".join(str(i) for i in catalog.ids_of(name))
            return f"No department named {name} has id {wanted} (its id: {held})."
        picked[match.group("tok")] = (wanted,)
        text = text[: match.start()] + match.group("tok") + text[match.end() :]
    for match in list(_NAME_NUMBER.finditer(text))[::-1]:
        if int(match.group("id")) in catalog.shared(names[match.group("tok")][1]):
            picked[match.group("tok")] = (int(match.group("id")),)
            text = text[: match.start()] + match.group("tok") + text[match.end() :]
    for number, match in enumerate(list(_DEPARTMENT_ID.finditer(text))[::-1]):
        wanted = int(match.group("id"))
        if re.fullmatch(r"(?:19|20)\d\d", match.group("id")):
            continue  # 'the department 2021': a year
        held_by = catalog.department_name(wanted)
        if held_by is None:
            return f"No department has id {wanted}."
        token = f"__d{90 + number}__"
        names[token] = ("department", held_by)
        picked[token] = (wanted,)
        text = text[: match.start()] + f" {token} " + text[match.end() :]
    for match in list(_SHARED_ASIDE.finditer(text))[::-1]:
        token = match.group("tok") or match.group("tok2") or match.group("tok3")
        rest = text[: match.start()] + " " + text[match.end() :]
        shared = names[token][0] == "department" and catalog.shared(names[token][1])
        if shared and _DEPARTMENT_GROUPING.search(rest):  # every department, both rows shown
            text = rest
    for match in list(_EACH_OF.finditer(text))[::-1]:
        token = match.group("tok") or match.group("tok2") or match.group("tok3")
        rest = text[: match.start()] + " " + text[match.end() :]
        if catalog.shared(names[token][1]) and _DEPARTMENT_GROUPING.search(rest):
            name = names[token][1]
            return (
                f"Per department, and {name} by department: every department (both {name} "
                f"teams are their own rows anyway), or only the {name} teams? Ask one, e.g. "
                f"hires per department, or hires in each {name} team."
            )
        if names[token][0] == "department" and catalog.shared(names[token][1]):
            text = text[: match.start()] + f" {token} by department " + text[match.end() :]
    for match in list(_BOTH.finditer(text))[::-1]:
        token = match.group("tok") or match.group("tok2")
        if names[token][0] == "department" and catalog.shared(names[token][1]):
            text = text[: match.start()] + f" {token} " + text[match.end() :]
    for match in _ORDINAL_NAME.finditer(text):
        shared_name = names[match.group("tok")][1]
        if match.group("tok") not in picked and (ids := catalog.shared(shared_name)):
            listed = " and ".join(str(i) for i in ids)
            return (
                f"Two departments are named {shared_name} (ids {listed}): say which, e.g. "
                f"{shared_name} (id {ids[-1]}), or both {shared_name} teams."
            )
    return text.split(), picked


def shared_names_note(
    names: tuple[str, ...], catalog: Catalog, grouped: bool, left_out: tuple[str, ...] = ()
) -> list[str]:
    """Say which departments a shared name counted ('Support' is ids 8 and 13)."""
    notes = []
    for name in dict.fromkeys((*names, *left_out)):
        if ids := catalog.shared(name):
            listed = " and ".join(str(i) for i in ids)
            every = "both" if len(ids) == 2 else "all"
            each = f"{every} are counted"
            if grouped:
                each = "each is its own row"
            elif name in left_out and name not in names:
                each = f"{every} are left out"
            notes.append(f"{len(ids)} departments are named {name} (ids {listed}): {each}.")
    return notes
