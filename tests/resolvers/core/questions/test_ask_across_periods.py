"""Ask4, askcompare4: one group over several periods, differences said as verbs or gaps,
conditions across periods, counts between bounds, and the catalogue as tables.

On the compiler tests' small data: Sales (1), Legal (2), Ops (3, hired nobody); every hire
in 2021 but Di Late (Legal, Recruiter, February 2022). Each answer comes with the reading
that says it, and a near phrasing that cannot be held is refused, never answered easier.
"""

from __future__ import annotations

from datetime import date

import pytest

from resolvers.core.errors import InvalidQuery
from resolvers.core.questions import period_rows
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.query import from_json

ADMINS = [["Database Administrator I", 2], ["Database Administrator II", 1]]
ADMINS += [["Database Administrator III", 1]]


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("which jobs hired in 2021 but not in 2022", ADMINS, "only those with no hire in 2022"),
        ("departments that hired in 2021 but not 2022?", [["Sales", 4]], "no hire in 2022"),
        ("which titles had hires in 2021 and none in 2022", ADMINS, "no hire in 2022"),
        ("how many jobs hired in 2021 but not in 2022", [[3]], "The number of jobs"),
        ("hires in 2021 but not in 2022", [[6]], "Hires in 2021, counted."),
    ],
)  # fmt: skip
def test_groups_without_a_hire_in_another_period(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == expected
    assert answer.reading and said in answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "the top job in 2021 but not in 2022",  # ranked among which?
        "hires per month in 2021 but not in 2022",  # a month had no hire in 2022?
        "share of hires by department in 2021 but not in 2022",
    ],
)
def test_a_period_left_out_is_never_dropped(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert answer.refused, answer.reading
    assert answer.suggestions


def test_absent_in_holds_only_for_one_unranked_grouping_by_name() -> None:
    absent = [{"start": "2022-01-01", "end": "2023-01-01"}]
    query = {"kind": "count", "group_by": ["year"], "absent_in": absent}
    with pytest.raises(InvalidQuery, match="absent_in"):
        from_json({"query": query})


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Legal hires in 2021 and 2022, separately", [[2021, 2], [2022, 1]]),
        ("legal: 2020 vs 2021 vs 2022", [[2021, 2], [2022, 1]]),  # never one summed number
        ("how many did Legal hire in 2021 and how many in 2022", [[2021, 2], [2022, 1]]),
        ("Sales hires in Q1 and Q2 2021, one row per quarter", [[1, 3], [2, 1]]),
        ("hires per year, Legal only", [[2021, 2], [2022, 1]]),
        ("Legal's numbers for 2021 and 2022 side by side", [[2021, 2], [2022, 1]]),  # once summed
        ("compare Legal's 2020, 2021 and 2022 hires", [[2021, 2], [2022, 1]]),
    ],
)
def test_each_listed_period_is_its_own_row(
    small_engine: OfflineEngine, question: str, expected: list[list[object]]
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == expected
    assert answer.reading and "counted per" in answer.reading


@pytest.mark.parametrize(
    ("span", "kind"),
    [
        ((date(2021, 1, 1), date(2022, 1, 1)), "year"),
        ((date(2021, 7, 1), date(2022, 1, 1)), "half"),
        ((date(2021, 4, 1), date(2021, 7, 1)), "quarter"),
        ((date(2021, 2, 1), date(2021, 5, 1)), None),  # three months, not a quarter
        ((date(2021, 2, 1), date(2021, 3, 1)), "month"),
        ((date(2021, 2, 3), date(2021, 3, 1)), None),
    ],
)
def test_a_listed_period_is_a_whole_calendar_unit_or_none(
    span: tuple[date, date], kind: str | None
) -> None:
    assert period_rows.unit(span) == kind


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("subtract Legal from Sales for 2021", [[4, 2, 2]], "in Sales minus those in Legal"),
        ("take Legal's hires away from Sales's in 2021", [[4, 2, 2]], "Sales minus those in Legal"),
        ("how far apart were Legal and Sales in 2021", [[2, 4, -2]], "Legal minus those in Sales"),
        ("by how many did Sales beat Legal in 2021", [[4, 2, 2]], "Sales minus those in Legal"),
        ("subtract 2021's hires from 2022's", [[6, 1, -5]], "in 2022 minus hires in 2021"),
        ("2022 hires less 2021 hires", [[6, 1, -5]], "in 2022 minus hires in 2021"),
        ("subtract hires in Legal from hires in Sales during 2021", [[4, 2, 2]], "Sales minus"),
        ("subtract the number of Legal hires from the number of Sales hires in 2021", [[4, 2, 2]],
         "in Sales minus those in Legal"),
    ],
)  # fmt: skip
def test_a_difference_said_as_a_verb_or_a_gap_keeps_its_order(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == expected
    assert answer.reading and said in answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "Legal minus Sales in 2021 vs 2022",  # once read as one period, 2021 to 2022
        "subtract Sales from Legal in 2021 versus 2022",
        "how many fewer did Legal hire than Sales in 2021 vs 2022",
        "subtract 5 from the 2021 hires",  # a number is no side
        "remove Legal from the departments",  # a change to data, never a difference
    ],
)
def test_a_difference_it_cannot_hold_is_refused(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert answer.refused, answer.reading


def test_a_number_held_in_a_single_year_lists_each_group_and_year(
    small_engine: OfflineEngine,
) -> None:
    answer = small_engine.answer(
        "teams with more than 3 hires in a single year: which team, which year"
    )
    assert not answer.refused, answer.explanation
    assert answer.rows == [["Sales", 2021, 4]]
    assert answer.reading and "counted per department and year; only those with more than 3" in (
        answer.reading
    )


@pytest.mark.parametrize(
    "question",
    [
        "how many teams had more than 3 hires in a single year",  # pairs, or teams?
        "teams with more than 3 hires in a single year",  # a team passing twice would repeat
        "departments above the mean in a single year",
        "the team with the most hires in a single year",
    ],
)
def test_a_single_year_that_cannot_be_held_is_refused(
    small_engine: OfflineEngine, question: str
) -> None:
    assert small_engine.answer(question).refused


def test_in_all_of_a_list_of_years_is_each_of_them(small_engine: OfflineEngine) -> None:
    """'in all' alone is filler (in total); before a list of years it keeps the groups with
    a hire in each (Legal hired in 2021 and 2022; Sales in 2021 only)."""
    answer = small_engine.answer("departments that hired in all of 2021 and 2022")
    assert not answer.refused, answer.explanation
    assert [row[0] for row in answer.rows] == ["Legal"]


@pytest.mark.parametrize(
    "question",
    [
        "jobs with between 1 and 2 hires",
        "jobs whose hire count is in the range 1 to 2",
        "which jobs hired somewhere between 1 and 2 people",
        "jobs having count(*) >= 1 and count(*) <= 2",
        "jobs with hires > 0 and < 3",
        "job titles with a hire count from 1 up to 2",
    ],
)
def test_a_count_between_two_bounds_includes_both(
    small_engine: OfflineEngine, question: str
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert [row[0] for row in answer.rows] == [
        "Database Administrator I",
        "Database Administrator II",
        "Database Administrator III",
    ]  # the Recruiter hired 3
    assert answer.reading and "between 1 and 2 (both included)" in answer.reading


def test_bounds_no_whole_number_lies_between_are_refused(small_engine: OfflineEngine) -> None:
    assert small_engine.answer("jobs with hires > 1 and < 2").refused


@pytest.mark.parametrize(
    "question",
    [
        "every department in the departments table, A to Z",
        "everything in the departments table",
        "all rows of the department table",
        "list each dept in the departments table",
    ],
)
def test_the_departments_table_is_every_department_by_id(
    small_engine: OfflineEngine, question: str
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == [[2, "Legal"], [3, "Ops"], [1, "Sales"]]  # Ops hired nobody
    assert answer.reading and "Every one of the departments" in answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "count of departments and jobs",  # once hires per department and job
        "how many rows in jobs and departments",
        "the number of rows in the jobs table and the departments table",
    ],
)
def test_two_tables_sizes_at_once_are_refused(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert answer.refused, answer.reading
    assert "Two tables" in answer.explanation


@pytest.mark.parametrize(
    "question", ["size of the departments table", "how many lines are in the departments table"]
)
def test_a_tables_size_is_its_rows(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == [[3]]


def test_how_many_combos_is_the_number_of_pairs(small_engine: OfflineEngine) -> None:
    """Sales x DBA I, DBA II, Recruiter; Legal x DBA III, Recruiter: five pairs hired in 2021."""
    answer = small_engine.answer("how many department and job combos had hires in 2021")
    assert not answer.refused, answer.explanation
    assert answer.rows == [[5]]
    assert answer.reading and "The number of department and job pairs" in answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "Sales and Legal hires in 2021, separately",  # 'sep' of 'separately' was read as September
        "how many did Sales and Legal hire in 2021 each",
        "hires in Sales and Legal in 2021 individually",
    ],
)
def test_two_names_said_apart_are_each_a_row(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == [["Legal", 2], ["Sales", 4]]


def test_the_top_period_in_each_listed_year_ranks_within_the_year(
    small_engine: OfflineEngine,
) -> None:
    """Once one ranking over both years: 2021's busiest month alone."""
    answer = small_engine.answer("the busiest month in each of 2021 and 2022")
    assert not answer.refused, answer.explanation
    assert [row[0] for row in answer.rows] == [2021, 2021, 2021, 2021, 2021, 2021, 2022]
    assert answer.reading and "in each year, the month with the most hires" in answer.reading


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("subtract weekend hires from 2021 hires", "subtract"),
        ("deduct 10% from 2021 hires", "deduct"),
    ],
)
def test_a_verb_refused_is_named_as_written(
    small_engine: OfflineEngine, question: str, said: str
) -> None:
    answer = small_engine.answer(question)
    assert answer.refused
    assert f'"{said}"' in answer.explanation and '"minus"' not in answer.explanation
