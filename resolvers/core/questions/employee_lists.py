"""Lists of people: employees under the filters, one looked up, or the first (last) per group.

A question that asks who (names, hire dates, the newest first) is answered
with rows of employees; a count left in the words is never turned into a list.
"""

from __future__ import annotations

import re

from resolvers.core.questions.patterns import (
    COUNT,
    EMPLOYEES,
    FIRST_LAST,
    LIST_ORDER,
    NAMES_ONLY,
    number,
)
from resolvers.core.questions.query import EmployeesQuery, Filters
from resolvers.core.questions.shape_filters import Parsed, Refusal


def _first_per_group(parsed: Parsed, filters_: Filters) -> EmployeesQuery | None:
    """'The first hire in each department', 'the latest 2 hires per year': people per group."""
    words, reading = parsed.words, parsed.reading
    first_last = words.search(FIRST_LAST)
    if first_last is None or reading.rank or reading.threshold or reading.rank_order:
        return None
    if words.has(COUNT) or reading.alphabetical or reading.group[0] == "level":
        return None
    latest = bool(first_last.group("last")) or (first_last.group("first2") or "") in (
        "last",
        "most recently",
    )
    n = first_last.group("n") or first_last.group("n0")
    words.take(first_last)
    words.take_all(EMPLOYEES)
    words.take_all(NAMES_ONLY)
    return EmployeesQuery(
        filters=filters_,
        columns="dated",
        order="latest" if latest else "earliest",
        limit=number(n) if n else 1,
        per=reading.group[0],
    )


def _employees(parsed: Parsed, filters_: Filters) -> EmployeesQuery | Refusal | None:
    words, reading = parsed.words, parsed.reading
    asks = {reading.people[t].ask for t in reading.who.people}
    if asks & {"hired", "fact", "who"} and not words.has(COUNT):
        # a person looked up: their row, with the hire date beside the hire time (and the
        # weekday, month ... of it when asked)
        words.take_all(EMPLOYEES)
        parts = {p for t in reading.who.people for p in reading.people[t].calendar}
        calendar = tuple(p for p in ("year", "quarter", "month", "weekday") if p in parts)
        return EmployeesQuery(filters=filters_, columns="dated", calendar=calendar)
    # 'newest first' orders a list of people: a list, or left unread (never lost from a count)
    unordered = words.text
    order_asked = words.search(LIST_ORDER)
    if order_asked:
        words.take(order_asked)
    first_last = words.search(FIRST_LAST)
    listing = words.search(EMPLOYEES)
    if words.has(COUNT) and not first_last:
        words.text = unordered
        return None
    names_asked = words.search(NAMES_ONLY)
    names_listed = any(s.listed for s in reading.who.searches)  # 'names starting with Mar'
    if (
        not names_listed
        and not reading.alphabetical
        and first_last is None
        and listing is None
        and order_asked is None
        and reading.chronological is None
        and not reading.dated  # 'Legal hires - names and start dates': people, listed
        and not (names_asked and "who" not in names_asked.group(0))
    ):
        # 'staff hired in Aug 2021' is a headcount, as analysts write it (issue 20): only
        # 'employees', 'people' ... opening a bare phrase list them
        subject_first = re.compile(r"^ *(?:the )?(?:employees|people|workers|new hires) ")
        if not words.has(subject_first) or filters_ == Filters():
            return None
    names_only = words.search(NAMES_ONLY)
    columns = "names" if names_only and "who" not in names_only.group(0) else "full"
    if names_listed and not listing:
        columns = "names"
    if reading.dated:
        columns = "dated"
    if names_only and (columns == "names" or (reading.dated and "who" not in names_only[0])):
        words.take(names_only)
    order, limit = "earliest", None
    if first_last:
        latest = bool(first_last.group("last")) or (first_last.group("first2") or "") in (
            "last",
            "most recently",
        )
        order = "latest" if latest else "earliest"
        n = first_last.group("n") or first_last.group("n0")
        limit = (
            number(n)
            if n
            else (
                10
                if re.search(
                    r"\b(hires|employees|people|ones|persons)\b",
                    words.text[first_last.end() : first_last.end() + 12],
                )
                else 1
            )
        )
        words.take(first_last)
        said = order_asked and ("latest" if order_asked.group("last") else "earliest")
        if (said or reading.chronological or order) != order:
            # 'the 10 most recent joiners, oldest first': which 10 is clear, the order they
            # are shown in is not held here; never shown in the other order unsaid
            return Refusal(
                "The first or latest hires are shown in the order they are picked from: ask "
                "e.g. for the 10 most recent hires, newest first, or the first 10, earliest "
                "first.",
                (order_asked[0].strip(),) if order_asked else (),
            )
    if listing:
        words.take_all(EMPLOYEES)
    if order_asked and not first_last:
        order = "latest" if order_asked.group("last") else "earliest"
    elif reading.chronological and not first_last:
        order = reading.chronological
    if reading.alphabetical:
        if first_last or order_asked or reading.chronological:
            words.text = unordered
            return None
        order = "name_descending" if reading.descending_names else "name"
    if reading.rank or reading.threshold or reading.rank_order:
        words.text = unordered
        return None
    return EmployeesQuery(filters=filters_, columns=columns, order=order, limit=limit)  # type: ignore[arg-type]
