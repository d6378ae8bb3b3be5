"""A person looked up and not on record: an empty answer that says so, or a slip read right.

The names of employees are not in the catalog (there may be millions), so a
lookup runs as asked first. Only when it finds nobody are the names on
record that could be a slip of the one asked read (those sharing its first
letter, or its last word's first letter), and compared by edit distance:

- exactly one name a slip away ('Harold Vogtt' -> Harold Vogt, 'Elia
  DEnrico' -> Elia D'Enrico) is read instead, and the reading says so;
- several are a refusal that names them, never a pick among people;
- none is the empty answer, saying that nobody of that name (id, first
  name) is on record: an answer, not a refusal, and never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from sqlglot import exp

from resolvers.core.ports import Warehouse
from resolvers.core.questions.query import EmployeesQuery, Filters, HrQuery
from resolvers.core.questions.sql_parts import col, lit, table
from resolvers.core.readonly_sql import run_guarded
from resolvers.core.sql_guard import guard_tree

MAX_CANDIDATES = 20_000
"""Names read at most when looking for a slip (the names sharing a first letter)."""


@dataclass(frozen=True, slots=True)
class Respelt:
    """The lookup again, with the one name on record a slip away from the name asked."""

    query: HrQuery
    note: str


@dataclass(frozen=True, slots=True)
class Nobody:
    """Nobody on record: why, and the names a slip away when there are several."""

    said: str
    near: tuple[str, ...] = ()


def name_as_held(warehouse: Warehouse, query: HrQuery, question: str) -> Respelt | None:
    """A lone name asked as a first name, read as the data holds it when nobody has it so.

    'How many Joans', 'any Harolds': a plural is read as written when someone
    has that first name ('Brooks'), else as its singular ('Joan'). 'Anyone
    called Vogt', 'how many Vogts': nobody's first name, but somebody's last
    name, is read as the last name (never when the question says 'first name').
    The note says which. None when the name is held as asked, or held no way.
    """
    filters = getattr(query.query, "filters", None)
    asked = filters.first_name if isinstance(filters, Filters) else None
    if filters is None or asked is None:
        return None
    plural = asked.lower().endswith("s") and len(asked) > 3
    ways = [("first_name", asked, "")]
    if plural:
        ways.append(("first_name", asked[:-1], ", in the plural"))
    if not re.search(r"first[\s-]*name", question, re.IGNORECASE):
        ways.append(("last_name", asked, ""))
        if plural:
            ways.append(("last_name", asked[:-1], ", in the plural"))
    lowered = exp.Lower(this=col("e", "name"))
    held = [
        exp.Like(
            this=lowered.copy(),
            expression=lit(
                _like(name.lower()) + " %" if field == "first_name" else "% " + _like(name.lower())
            ),
        )
        for field, name, _ in ways
    ]
    tree = exp.select(
        *(exp.Max(this=exp.cast(h, exp.DataType.Type.INT)) for h in held), copy=False
    ).from_(table("hired_employees", "e"), copy=False)
    rows = run_guarded(warehouse, guard_tree(tree, 1)).rows
    found = [way for way, hit in zip(ways, rows[0] if rows else (), strict=False) if hit]
    if not found or found[0] == ways[0]:
        return None
    field, name, how = found[0]
    update: dict[str, str | None] = {"first_name": None, field: name}
    respelt = query.query.model_copy(update={"filters": filters.model_copy(update=update)})
    what = "first name" if field == "first_name" else "last name"
    note = f"Reading “{asked}” as the {what} {name}{how}."
    return Respelt(HrQuery(query=respelt), note)


def looked_up(query: HrQuery) -> bool:
    """Whether ``query`` lists the people of one name, id or first name (a lookup)."""
    inner = query.query
    if not isinstance(inner, EmployeesQuery):
        return False
    filters = inner.filters
    return bool(
        filters.employee_names
        or filters.employee_ids
        or filters.first_name
        or filters.last_name
        or filters.same_day_as
    )


def not_found(warehouse: Warehouse, query: HrQuery, question: str = "") -> Respelt | Nobody:
    """What to answer when the lookup ``query`` found nobody (see the module's docstring).

    ``question`` as asked tells a possessive written without its apostrophe ('Lou
    Hurds job title') from a name one letter longer ('when did Lou Hurds start').
    """
    inner = query.query
    assert isinstance(inner, EmployeesQuery)
    filters = inner.filters
    if filters.employee_ids:
        ids = " or ".join(str(i) for i in filters.employee_ids)
        return Nobody(f"No employee with the id {ids} is on record{_also(query)}.")
    if filters.first_name:
        return Nobody(f"No employee's first name is “{filters.first_name}”{_also(query)}.")
    if filters.last_name:
        return Nobody(f"No employee's last name is “{filters.last_name}”{_also(query)}.")
    named = filters.employee_names or filters.same_day_as
    if len(named) != 1:
        near = [n for asked in named for n in _near(warehouse, asked)[0]]
        if near and not _also(query):  # slips of people on record: never 'nobody' in silence
            listed = " or ".join(f"“{n}”" for n in named)
            return Nobody(f"No employee is named {listed}.", tuple(near))
        return Nobody(f"No employee of those names is on record{_also(query)}.")
    asked = named[0]
    near, on_record = _near(warehouse, asked)
    if on_record and filters.same_day_as:
        return Nobody(f"Nobody else was hired on the day “{asked}” was{_also(query)}.")
    if on_record:  # the name is there: the other conditions left nobody
        return Nobody(f"“{asked}” is on record, but not under the other conditions asked.")
    same = [name for name in near if _letters(name) == _letters(asked)]
    owned = [name for name in near if _letters(name) + "s" == _letters(asked)]
    if not same and len(owned) == 1 and _POSSESSIVE.match(question, _end_of(asked, question)):
        same = owned  # 'lou hurds job title': a possessive with no apostrophe
    if len(same) == 1:  # only spacing or punctuation apart: 'Elia DEnrico', 'D Enrico'
        meant = same[0]
        field = "employee_names" if filters.employee_names else "same_day_as"
        update: dict[str, tuple[str, ...]] = {field: (meant,)}
        if asked in filters.other_than_names:
            update["other_than_names"] = tuple(
                meant if n == asked else n for n in filters.other_than_names
            )
        respelt = inner.model_copy(update={"filters": filters.model_copy(update=update)})
        how = "with those letters" if same != owned else "it is the possessive of"
        note = (
            f"No employee is named “{asked}”: reading it as {meant}, the one name on record {how}."
        )
        return Respelt(HrQuery(query=respelt), note)
    near = near or _within(warehouse, asked)
    if near:
        return Nobody(f"No employee is named “{asked}”.", tuple(near))
    return Nobody(f"No employee named “{asked}” is on record{_also(query)}.")


def _within(warehouse: Warehouse, asked: str) -> list[str]:
    """A name on record inside a longer one asked ('hmm harold vogt': a word said before the
    name was read into it): offered back, never answered in its place."""
    words = asked.split()
    if len(words) < 3:
        return []
    parts = [" ".join(words[1:]).lower(), " ".join(words[:-1]).lower()]
    lowered = exp.Lower(this=col("e", "name"))
    inside = exp.In(this=lowered, expressions=[lit(part) for part in parts])
    return sorted(_names_where(warehouse, inside))


def _names_where(warehouse: Warehouse, condition: exp.Expr) -> list[str]:
    """The distinct names on record that meet ``condition`` (at most MAX_CANDIDATES)."""
    tree = (
        exp.select(col("e", "name"), copy=False)
        .distinct()
        .from_(table("hired_employees", "e"), copy=False)
        .where(condition, copy=False)
    )
    rows = run_guarded(warehouse, guard_tree(tree, MAX_CANDIDATES)).rows
    return [name for (name,) in rows if isinstance(name, str)]


def absent(
    warehouse: Warehouse, query: HrQuery, found: set[str], ids: Collection[int] = ()
) -> Nobody | None:
    """Several people looked up and some found: the others said, never left out in silence.

    A name a slip away from someone on record is a refusal naming them ('Did
    you mean ...'), never an answer about the others alone; a name (or id)
    nobody holds is said beside the rows found. None when everyone asked was found.
    """
    inner = query.query
    if not isinstance(inner, EmployeesQuery):
        return None
    if len(inner.filters.employee_ids) > 1 and ids:
        unheld = [str(i) for i in inner.filters.employee_ids if i not in ids]
        if unheld:
            return Nobody(f"No employee with the id {' or '.join(unheld)} is on record.")
    if len(inner.filters.employee_names) < 2:
        return None
    held = {str(name).lower() for name in found}
    missing = [n for n in inner.filters.employee_names if n.lower() not in held]
    if not missing:
        return None
    near: list[str] = []
    nobody: list[str] = []
    elsewhere: list[str] = []
    for name in missing:
        slips, on_record = _near(warehouse, name)
        (elsewhere if on_record else nobody).append(f"“{name}”")
        near += [] if on_record else slips
    if near:
        listed = " or ".join(nobody)
        meant = f"No employee is named {listed}. Did you mean {' or '.join(near[:4])}?"
        return Nobody(meant, tuple(near))
    said: list[str] = []
    if nobody:
        said.append(f"No employee named {' or '.join(nobody)} is on record.")
    if elsewhere:
        said.append(f"{' and '.join(elsewhere)}: on record, but not under the other conditions.")
    return Nobody(" ".join(said))


def _also(query: HrQuery) -> str:
    """' under those filters' when the lookup was narrowed by more than the person."""
    inner = query.query
    assert isinstance(inner, EmployeesQuery)
    bare = inner.filters.model_copy(
        update={
            "employee_names": (),
            "employee_ids": (),
            "first_name": None,
            "last_name": None,
            "same_day_as": (),
            "other_than_names": (),
        }
    )
    return "" if bare == type(bare)() else " under the other conditions asked"


def _near(warehouse: Warehouse, asked: str) -> tuple[list[str], bool]:
    """Names on record a slip away from ``asked`` (one edit, two in a name of over 8
    letters), and whether ``asked`` itself is on record."""
    words = asked.lower().split()
    letters = "".join(c for c in asked.lower() if c.isalpha())
    if not words or not letters:
        return [], False
    lowered = exp.Lower(this=col("e", "name"))
    first = exp.Like(this=lowered, expression=lit(_like(words[0][0]) + "%"))
    last = exp.Like(this=lowered.copy(), expression=lit("% " + _like(words[-1][0]) + "%"))
    reach = 1 if len(letters) <= 8 else 2
    wanted = asked.lower()
    near = []
    on_record = False
    for name in _names_where(warehouse, exp.or_(first, last, copy=False)):
        if name.lower() == wanted:
            on_record = True
        elif Levenshtein.distance(wanted, name.lower(), score_cutoff=reach) <= reach:
            near.append(name)
    return sorted(set(near)), on_record


_POSSESSIVE = re.compile(
    r"\W*(?:full |start |hire |joining |job |employee )?(?:job|title|team|dept|department|role"
    r"|position|date|record|details|info|id|name|number)\b",
    re.IGNORECASE,
)
"""What follows a name in the possessive: 'Lou Hurds title', 'Lou Hurds start date'."""


def _end_of(asked: str, question: str) -> int:
    """Where the name ``asked`` ends in ``question`` (its end when not found there)."""
    found = question.lower().find(asked.lower())
    return found + len(asked) if found >= 0 else len(question)


def _letters(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalpha())


def _like(text: str) -> str:
    """A LIKE pattern's literal part: the wildcards and the escape are no letters of a name."""
    return "".join(c for c in text if c not in "%_\\")
