"""The compiler: each kind of HrQuery issue 20 added, run on a small DuckDB and read by its rows.

Rows, not SQL text: the statement is whatever sqlglot renders, and what a user
relies on is the answer it gives (zeros where asked, ties kept, both sides of
a difference, full-precision shares).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from resolvers.core.questions.compiler import compile_tree
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.query import (
    AnyQuery,
    CompareQuery,
    CountQuery,
    DifferenceQuery,
    EmployeesQuery,
    Family,
    Filters,
    HrQuery,
    NameSet,
    Period,
    Rank,
    ShareQuery,
    Than,
    Threshold,
)
from resolvers.core.sql_guard import guard_tree
from tests.resolvers.core.questions.conftest import ADMINS

Y21 = (Period(start=date(2021, 1, 1), end=date(2022, 1, 1)),)


def rows(engine: OfflineEngine, inner: AnyQuery) -> list[tuple[Any, ...]]:
    query = HrQuery(query=inner)
    answer = engine.run("", query, guard_tree(compile_tree(query), 1000))
    return [tuple(row) for row in answer.rows]


def test_a_family_counts_every_title_and_by_level_splits_them(small_engine: OfflineEngine) -> None:
    admins = Filters(
        jobs=NameSet(include=ADMINS), families=(Family(word="administrators", titles=ADMINS),)
    )
    assert rows(small_engine, CountQuery(filters=admins)) == [(4,)]
    by_level = rows(small_engine, CountQuery(filters=admins, group_by=("level",)))
    assert by_level == [
        ("Database Administrator I", "I", 2),
        ("Database Administrator II", "II", 1),
        ("Database Administrator III", "III", 1),
    ]


def test_thresholds_on_bounds_exact_counts_nobody_and_a_named_group(
    small_engine: OfflineEngine,
) -> None:
    def kept(threshold: Threshold) -> list[tuple[Any, ...]]:
        counted = CountQuery(
            filters=Filters(periods=Y21), group_by=("department",), threshold=threshold
        )
        return rows(small_engine, counted)

    assert kept(Threshold(compare="between", value=2, upper=4)) == [("Legal", 2), ("Sales", 4)]
    assert kept(Threshold(compare="exactly", value=2)) == [("Legal", 2)]
    assert kept(Threshold(compare="exactly", value=0)) == [("Ops", 0)]  # nobody: zeros shown
    assert kept(Threshold(compare="fewer_than", than=Than(department="Sales"))) == [
        ("Legal", 2),
        ("Ops", 0),
    ]
    counted = CountQuery(
        filters=Filters(periods=Y21),
        group_by=("department",),
        threshold=Threshold(compare="at_least", value=2),
        count_groups=True,
    )
    assert rows(small_engine, counted) == [(2,)]


def test_a_ranking_within_groups_keeps_ties_and_restarts_per_group(
    small_engine: OfflineEngine,
) -> None:
    rank = Rank(order="most", limit=1, within="department")
    top = CountQuery(filters=Filters(periods=Y21), group_by=("department", "job"), rank=rank)
    assert sorted(rows(small_engine, top)) == [
        ("Legal", "Database Administrator III", 1),  # Legal's two jobs tie in 2021
        ("Legal", "Recruiter", 1),
        ("Sales", "Database Administrator I", 2),
    ]
    ever = rows(small_engine, CountQuery(group_by=("department", "job"), rank=rank))
    assert sorted(ever) == [("Legal", "Recruiter", 2), ("Sales", "Database Administrator I", 2)]


def test_a_ranking_to_a_cut_off_keeps_every_group_tied_there(small_engine: OfflineEngine) -> None:
    """'The job with the most hires' names both if two tie (issue 20: it named one by name)."""

    def top(limit: int, offset: int = 0) -> list[tuple[Any, ...]]:
        rank = Rank(order="most", limit=limit, offset=offset)
        return rows(
            small_engine, CountQuery(filters=Filters(periods=Y21), group_by=("job",), rank=rank)
        )

    assert top(1) == [("Database Administrator I", 2), ("Recruiter", 2)]  # tied first, both
    assert top(3) == [  # two more tie at the 3rd place: both kept, most first, then by name
        ("Database Administrator I", 2),
        ("Recruiter", 2),
        ("Database Administrator II", 1),
        ("Database Administrator III", 1),
    ]
    assert top(1, offset=2) == [("Database Administrator II", 1)]  # a place skipped to: by name
    months = CountQuery(
        filters=Filters(periods=Y21), group_by=("month",), rank=Rank(order="most", limit=1)
    )
    assert len(rows(small_engine, months)) == 6  # one hire in each of six months: all tie


def test_a_difference_keeps_each_sides_own_filters(small_engine: OfflineEngine) -> None:
    sales_2021 = Filters(departments=NameSet(include=("Sales",)), periods=Y21)
    legal_ever = Filters(departments=NameSet(include=("Legal",)))
    assert rows(small_engine, DifferenceQuery(sides=(sales_2021, legal_ever))) == [(4, 3, 1)]


def test_a_share_is_full_precision_and_its_part_can_be_a_period_or_missing_job(
    small_engine: OfflineEngine,
) -> None:
    third = rows(small_engine, ShareQuery(part=Filters(periods=Y21), filters=Filters()))
    assert third[0][:2] == (6, 7) and third[0][2] == pytest.approx(600 / 7)  # not 85.7
    legal = Filters(departments=NameSet(include=("Legal",)))
    assert rows(small_engine, ShareQuery(filters=Filters(periods=Y21), part=legal))[0][2] == (
        pytest.approx(100 / 3)
    )


def test_names_are_looked_up_whole_and_first_names_as_a_word(small_engine: OfflineEngine) -> None:
    named = EmployeesQuery(filters=Filters(employee_names=("JOHN SMITH",)), columns="dated")
    (row,) = rows(small_engine, named)
    assert row[1] == "John Smith" and row[3] == "2021-01-10"
    johns = CountQuery(filters=Filters(first_name="John"))
    assert rows(small_engine, johns) == [(2,)]  # John Smith, john doe; never Johnny


def test_a_list_in_alphabetical_order(small_engine: OfflineEngine) -> None:
    listed = rows(small_engine, EmployeesQuery(columns="names", order="name"))
    assert [r[0] for r in listed] == sorted((r[0] for r in listed), key=str)


def test_a_change_per_group_keeps_the_groups_that_rose_or_fell(small_engine: OfflineEngine) -> None:
    y22 = Period(start=date(2022, 1, 1), end=date(2023, 1, 1))
    change = CompareQuery(periods=(Y21[0], y22), show="difference", group_by="department")
    assert rows(small_engine, change) == [("Legal", 2, 1, -1), ("Sales", 4, 0, -4)]
    fell = change.model_copy(update={"only": "shrank"})
    assert rows(small_engine, fell) == [("Legal", 2, 1, -1), ("Sales", 4, 0, -4)]
    assert rows(small_engine, change.model_copy(update={"only": "grew"})) == []
