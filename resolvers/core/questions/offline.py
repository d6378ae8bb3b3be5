"""The offline question engine: rules, fuzzy names and a typed query; no network, no model.

question -> its ordinary words made plain (reword.py: the schema's rewrites,
spelling) -> HrQuery (parse.py, with names from matching.py and dates from
dates.py) -> SQL built as sqlglot expressions (compiler.py) -> the SQL guard
and a read-only run (readonly_sql.py) -> an Answer that restates the query in
words (reading.py), each correction and rule it applied said first ("Reading
'novmber' as November."), with a chart hint (chart.py). What it cannot read
in full it refuses, naming the words it did not understand, with the nearest
questions it can answer, built from the words it did (examples.nearest).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from resolvers.core.ports import Answer, Warehouse
from resolvers.core.questions import catalog as names
from resolvers.core.questions import (
    chart,
    dates,
    examples,
    lexicon,
    parse,
    people,
    reading,
)
from resolvers.core.questions.compiler import compile_tree
from resolvers.core.questions.departments import shared_names_note
from resolvers.core.questions.query import (
    CatalogQuery,
    CompareQuery,
    Filters,
    HrQuery,
    Period,
    ReportQuery,
)
from resolvers.core.questions.reword import Reworded, reword
from resolvers.core.questions.shape_filters import Refusal
from resolvers.core.readonly_sql import run_guarded, run_sql
from resolvers.core.sql_guard import SafeQuery, guard_tree

Clock = Callable[[], datetime]
HIRE_RANGE_SQL = "SELECT MIN(datetime) AS first, MAX(datetime) AS last FROM hired_employees"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Understood:
    """A question as read: the query (or why not), and what was read differently from written."""

    query: HrQuery | Refusal
    reworded: Reworded
    notes: list[str] = field(default_factory=list)


class OfflineEngine:
    """Implements QuestionEngine over any Warehouse."""

    engine = "OFFLINE"

    def __init__(self, warehouse: Warehouse, row_cap: int, clock: Clock = utc_now) -> None:
        self._warehouse = warehouse
        self._row_cap = row_cap
        self._clock = clock

    def today(self) -> date:
        return self._clock().astimezone(UTC).date()

    def understand(self, question: str, catalog: names.Catalog) -> HrQuery | Refusal:
        return self.read(question, catalog).query

    def read(self, question: str, catalog: names.Catalog) -> Understood:
        """The question's words made plain, then parsed; an open period read by the year rule."""
        reworded = reword(question, catalog)
        notes = list(reworded.notes)
        text = reworded.text
        if catalog.last_hire and (latest := dates.latest_year(text, catalog.last_hire)):
            text, rule = latest  # 'the latest year': the year of the last hire, said so
            notes.append(rule)
        understood = Understood(parse.parse(text, catalog, self.today()), reworded, notes)
        query = understood.query
        if isinstance(query, Refusal) and "(which year)" in query.reason and catalog.last_hire:
            said = " ".join(lexicon.tokens(lexicon.normalise(text)))  # "new year's" as read
            filled = dates.fill_year(said, catalog.last_hire, self.today())
            if filled:
                again = parse.parse(filled[0], catalog, self.today())
                if not isinstance(again, Refusal):
                    understood.query = again
                    understood.notes.append(filled[1])
        if not isinstance(understood.query, Refusal) and catalog.department_ids:
            understood.notes += _shared_names(understood.query, catalog)
        return understood

    def translate(
        self, question: str, catalog: names.Catalog
    ) -> tuple[HrQuery, SafeQuery] | Refusal:
        """Question to guarded SQL without running it (what bench/questions.py times)."""
        query = self.understand(question, catalog)
        if isinstance(query, Refusal):
            return query
        return query, guard_tree(compile_tree(query), self._row_cap)

    def answer(self, question: str) -> Answer:
        catalog = names.load(self._warehouse)
        understood = self.read(question, catalog)
        query = understood.query
        if isinstance(query, Refusal):
            offered, close = examples.nearest(
                understood.reworded, catalog, self._answers, self.today()
            )
            said = " ".join([*understood.notes, query.reason])
            said += f" Did you mean: {offered[0]}" if close else f" You could ask: {offered[0]}"
            return refusal(question, said, offered)
        if plural := people.name_as_held(self._warehouse, query, question):
            query, understood.notes = plural.query, [*understood.notes, plural.note]
        safe = guard_tree(compile_tree(query), self._row_cap)
        answered = self.run(question, query, safe, understood.notes)
        if answered.rows and "name" in answered.columns:
            named = answered.columns.index("name")
            at = answered.columns.index("id") if "id" in answered.columns else None
            held = {row[at] for row in answered.rows} if at is not None else set()
            found = people.absent(
                self._warehouse, query, {row[named] for row in answered.rows}, held
            )
            if found is not None and found.near:
                return refusal(question, found.said, [f"Look up {n}" for n in found.near[:4]])
            if found is not None:
                return replace(answered, explanation=f"{answered.explanation} {found.said}")
        if answered.rows or not people.looked_up(query):
            return answered
        return self._not_on_record(question, query, answered, understood.notes)

    def _not_on_record(
        self, question: str, query: HrQuery, answered: Answer, notes: list[str]
    ) -> Answer:
        """A lookup that found nobody: a slip read as the one name meant, or an empty answer
        that says nobody of that name is on record (several near names: a refusal naming them)."""
        found = people.not_found(self._warehouse, query, question)
        if isinstance(found, people.Respelt):
            safe = guard_tree(compile_tree(found.query), self._row_cap)
            return self.run(question, found.query, safe, [*notes, found.note])
        if found.near:
            offered = [f"Look up {name}" for name in found.near[:4]]
            said = f"{found.said} Did you mean {' or '.join(found.near[:4])}?"
            return refusal(question, said, offered)
        if _BARE_NAME.fullmatch(question):  # 'Happy Holidays': words, not a name on record
            said = f"{found.said} Ask about hires, or look someone up: “when did <name> start?”"
            return refusal(question, said)
        said = f"{answered.reading or ''} {found.said}".strip()
        return replace(answered, explanation=said)

    def _answers(self, question: str, catalog: names.Catalog) -> bool:
        """Whether the engine answers ``question`` as written (to offer only such questions)."""
        return not isinstance(parse.parse(question, catalog, self.today()), Refusal)

    def run(
        self, question: str, query: HrQuery, safe: SafeQuery, notes: list[str] | None = None
    ) -> Answer:
        """Run a guarded query and say what it answered (for Bedrock's filled queries too).

        ``notes`` (spelling corrections, short names, the year rule) come first in the
        reading: what the question was read as is part of what was answered.
        """
        result = run_guarded(self._warehouse, safe)
        read = " ".join([*(notes or []), reading.read_back(query)])
        note = self._note(query, result.rows)
        return Answer(
            question=question,
            engine="OFFLINE",
            sql=result.sql,
            columns=result.columns,
            rows=result.rows,
            explanation=f"{read} {note}".strip(),
            chart=chart.hint(query, len(result.rows)),
            truncated=result.truncated,
            reading=read,
        )

    def _note(self, query: HrQuery, rows: list[list[Any]]) -> str:
        """Say why an answer is empty or zero when its dates lie outside the hires on record."""
        if not _empty(rows) or isinstance(query.query, CatalogQuery | ReportQuery):
            return ""
        periods = list(
            getattr(query.query, "periods", ()) if isinstance(query.query, CompareQuery) else ()
        )
        periods += list(query.query.filters.periods) if hasattr(query.query, "filters") else []
        first, last = run_sql(self._warehouse, HIRE_RANGE_SQL, 1).rows[0]
        if first is None:
            return "No hires are on record yet."
        span = f"hires on record run from {str(first)[:10]} to {str(last)[:10]}"
        if periods and not any(_overlaps(p, str(first)[:10], str(last)[:10]) for p in periods):
            return f"No hires in that time: the {span}."
        return f"No hires match (the {span})."


_BARE_NAME = re.compile(r"\s*[A-Z][\w'\-]* [A-Z][\w'\-]*(?: [A-Z][\w'\-]*)?\s*[?.!]*\s*")
"""A question that is only a capitalised name ('Harold Vogt?'): a lookup only if on record."""


def _shared_names(query: HrQuery, catalog: names.Catalog) -> list[str]:
    """A name two departments share, said with its ids: both counted, or each its own row."""
    inner = query.query
    every: list[Filters | None] = [getattr(inner, "filters", None), getattr(inner, "part", None)]
    every += list(getattr(inner, "sides", ()))
    said = [
        name
        for one in every
        if one is not None and not one.department_ids
        for name in one.departments.include
    ]
    left_out = [n for one in every if one is not None for n in one.departments.exclude]
    threshold = getattr(inner, "threshold", None)
    if threshold is not None and threshold.than is not None and threshold.than.department:
        said.append(threshold.than.department)
    group = getattr(inner, "group_by", None) or getattr(inner, "per", None) or ()
    grouped = "department" in (group if isinstance(group, tuple) else (group,))
    if grouped:
        kept = inner.filters.departments.include if hasattr(inner, "filters") else ()
        shown = kept or tuple(n for _, n in catalog.department_ids)
        return shared_names_note(tuple(shown), catalog, grouped=True)
    return shared_names_note(tuple(said), catalog, False, tuple(left_out))


def _empty(rows: list[list[Any]]) -> bool:
    if not rows:
        return True
    if len(rows) == 1:
        numbers = [v for v in rows[0] if isinstance(v, int | float) and not isinstance(v, bool)]
        return bool(numbers) and all(v == 0 for v in numbers) and len(numbers) == len(rows[0])
    return False


def _overlaps(period: Period, first: str, last: str) -> bool:
    start = period.start.isoformat() if period.start else "0000"
    end = period.end.isoformat() if period.end else "9999"
    return start <= last and end > first


GENERIC_SUGGESTIONS = [
    "How many people were hired in 2021?",
    "Hires by department in 2021",
    "Hires per quarter in 2021",
    "Top 5 jobs by hires in 2021",
]


def refusal(question: str, reason: str, offered: list[str] | None = None) -> Answer:
    return Answer(
        question=question,
        engine="OFFLINE",
        explanation=reason,
        refused=True,
        suggestions=offered if offered is not None else list(GENERIC_SUGGESTIONS),
    )
