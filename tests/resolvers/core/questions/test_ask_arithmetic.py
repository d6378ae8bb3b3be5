"""Arithmetic between periods and groups (issue 20, askarith3): what is taken from what.

Two periods said apart with 'minus' or 'exceeded' are the two sides of a
difference, in the order the words give (never intersected into nothing);
a question that leaves the order (or whose dates are whose) open is refused
with a reason that is true of it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.tables import Department, Employee, Job, Table
from tests.resolvers.core.questions.same_answer import assert_same_as


def _count(engine: OfflineEngine, question: str) -> int:
    answer = engine.answer(question)
    assert not answer.refused, answer.explanation
    (value,) = answer.rows[0]
    assert isinstance(value, int)
    return value


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("Q3 2022 minus Q2 2022", "hires in Q3 2022", "hires in Q2 2022"),
        ("Q3 2022 minus hires in Q2 2022", "hires in Q3 2022", "hires in Q2 2022"),
        ("hires in Q2 2022, minus Q3 2022", "hires in Q2 2022", "hires in Q3 2022"),
        ("by how many did 2022 hires exceed 2021 hires", "hires in 2022", "hires in 2021"),
        ("by how much did 2021 exceed 2022?", "hires in 2021", "hires in 2022"),
        ("the gap between 2020 and 2022", "hires in 2020", "hires in 2022"),
    ],
)
def test_a_period_taken_from_another_is_the_first_said_minus_the_other(
    words_engine: OfflineEngine, question: str, first: str, second: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    difference = answer.rows[0][answer.columns.index("difference")]
    assert difference == _count(words_engine, first) - _count(words_engine, second)
    assert "minus" in (answer.reading or "")


def test_the_period_after_exceeded_is_the_one_taken_away_wherever_the_subject_stands(
    words_engine: OfflineEngine,
) -> None:
    later = words_engine.answer("how many more hires did Sales make in 2022 than in 2021")
    said_late = words_engine.answer("by how many did Sales hires exceed their 2021 hires in 2022")
    assert not later.refused and not said_late.refused, said_late.explanation
    assert later.rows[0][-1] == said_late.rows[0][-1]


def test_a_bare_year_after_exceeded_is_a_period_never_a_number_of_hires(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which departments' hires in 2021 exceeded 2022")
    assert not answer.refused, answer.explanation
    assert answer.rows, "read as 'more than 2022 hires', no department would pass"
    assert all(row[-1] > 0 for row in answer.rows)
    assert "more hires in 2021 than in 2022" in (answer.reading or "")


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("did 2022 exceed 2021?", "yes-or-no"),
        ("Q3 2022 minus Q2 2022 for Sales and Legal", "which dates go with which name"),
        ("minus what: Sales hires in 2021, hires in 2022", "taken from which"),
    ],
)
def test_a_difference_of_periods_left_open_is_refused_for_its_own_reason(
    words_engine: OfflineEngine, question: str, reason: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused
    assert reason in answer.explanation
    assert "never overlap" not in answer.explanation


def test_a_period_inside_the_other_is_no_difference_of_two_periods(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("hires in 2021 minus hires in March 2021")
    assert answer.refused
    assert "minus" in answer.explanation


@pytest.mark.parametrize(
    "question",
    [
        "June hires across all years",
        "hires in any June, all years together",
        "how many people did we hire in June overall",
        "all Junes combined",
    ],
)
def test_a_month_said_with_every_year_is_every_june_never_the_latest_one(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = assert_same_as(words_engine, "hires in any June", question, reading="of any year")
    assert "No year given" not in answer.explanation


def test_a_month_alone_still_takes_the_year_rule(words_engine: OfflineEngine) -> None:
    assert "No year given" in words_engine.answer("hires in June").explanation


def test_the_first_and_last_hire_are_times_but_who_they_were_is_people(
    words_engine: OfflineEngine,
) -> None:
    span = words_engine.answer("first and last hire")
    assert span.columns[:2] == ["first_hire", "first_hire_date"]
    people = words_engine.answer("who were our first and last hires")
    assert people.refused or "name" in people.columns


@pytest.mark.parametrize(
    "question",
    [
        "of Marketing's 2022 hires, how many were in H2, in percent",
        "of Marketing's 2022 hires, what % joined in H2?",
        "H2's share of Marketing's 2022 hires, as a %",
        "what share of Marketing's 2022 hires came in H2, as a %",
    ],
)
def test_the_whole_of_a_share_is_the_one_said_with_of_wherever_the_share_word_stands(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    whole = _count(words_engine, "Marketing hires in 2022")
    part = _count(words_engine, "Marketing hires in H2 2022")
    assert answer.rows[0][answer.columns.index("share_pct")] == pytest.approx(100 * part / whole)


def test_a_share_between_two_departments_of_one_name_picks_one_by_its_id(
    tmp_path: Path,
) -> None:
    warehouse = DuckDBWarehouse(tmp_path / "twins.duckdb")
    warehouse.insert_new(Table.DEPARTMENTS, [Department(8, "Support"), Department(13, "Support")])
    warehouse.insert_new(Table.JOBS, [Job(1, "Agent")])
    plan = [8, 8, 8, 13]
    warehouse.insert_new(
        Table.HIRED_EMPLOYEES,
        [
            Employee(i + 1, f"Ana {i}", datetime(2021, 3, 1, tzinfo=UTC), department, 1)
            for i, department in enumerate(plan)
        ],
    )
    engine = OfflineEngine(warehouse, 1000, clock=lambda: datetime(2022, 1, 1, tzinfo=UTC))
    for question in (
        "of all Support hires, what % went to the Support with id 13",
        "what share of Support hires were in the Support team with id 13?",
    ):
        answer = engine.answer(question)
        assert not answer.refused, answer.explanation
        assert answer.rows[0][answer.columns.index("share_pct")] == 25.0
    warehouse.close()


def test_the_gap_between_the_busiest_and_quietest_group_is_max_minus_min(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("gap between the busiest and quietest department in 2021")
    assert not answer.refused, answer.explanation
    counts = [row[-1] for row in words_engine.answer("hires by department in 2021").rows]
    assert answer.rows == [[max(counts), min(counts), max(counts) - min(counts)]]
    assert "the most minus the fewest" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "gap between the busiest and quietest department and job in 2021",
        "gap between the busiest and quietest department in 2021 with more than 10 hires",
        "the busiest and quietest departments in 2021",
    ],
)
def test_a_spread_with_more_asked_of_it_is_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    assert words_engine.answer(question).refused


def test_a_difference_between_two_named_groups_is_no_spread(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("difference between Sales and Legal in 2021")
    assert not answer.refused and "most_hires" not in answer.columns


def test_groups_hired_in_every_year_are_those_with_a_hire_in_each(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("jobs filled in each of 2020 and 2022")
    assert not answer.refused, answer.explanation
    per_year = {
        year: {row[0] for row in words_engine.answer(f"hires by job in {year}").rows}
        for year in (2020, 2022)
    }
    assert {row[0] for row in answer.rows} == per_year[2020] & per_year[2022]


@pytest.mark.parametrize(
    ("question", "columns"),
    [
        ("how many people has Sales hired every year", ["year", "hires"]),
        ("how many hires did each department make every year", ["department", "year", "hires"]),
    ],
)
def test_every_year_after_a_count_of_hires_is_still_per_year(
    words_engine: OfflineEngine, question: str, columns: list[str]
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused and answer.columns == columns


@pytest.mark.parametrize(
    "question",
    [
        "departments that hired every year, top 3",
        "months with no hires",
        "days in March 2021 with no hires",
    ],
)
def test_a_condition_no_answer_can_hold_is_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading


@pytest.mark.parametrize(
    ("question", "more", "fewer"),
    [
        ("how many more hires in 2021 compared to 2020", 2021, 2020),
        ("how many more hires in 2021 than in 2020", 2021, 2020),
        ("how many fewer hires in 2020 vs 2021", 2021, 2020),
        ("how many fewer hires did we make in 2020 than in 2021", 2021, 2020),
    ],
)
def test_how_many_more_or_fewer_is_said_from_the_side_it_names(
    words_engine: OfflineEngine, question: str, more: int, fewer: int
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    expected = _count(words_engine, f"hires in {more}") - _count(words_engine, f"hires in {fewer}")
    assert answer.rows[0][answer.columns.index("difference")] == expected


@pytest.mark.parametrize(
    ("question", "part", "whole"),
    [
        ("what share of Sales hires were on a weekend", "Sales hires on a weekend", "Sales hires"),
        ("what share of weekend hires went to Sales", "Sales hires on a weekend", "weekend hires"),
        ("what percent of hires were in any December", "hires in any December", "hires overall"),
    ],
)
def test_a_month_or_weekday_of_a_share_is_on_one_side_only(
    words_engine: OfflineEngine, question: str, part: str, whole: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    expected = 100 * _count(words_engine, part) / _count(words_engine, whole)
    assert answer.rows[0][answer.columns.index("share_pct")] == pytest.approx(expected)


def test_a_year_said_last_in_a_share_is_the_whole_the_name_before_it_the_part(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("what share of hires were in Sales in 2021?")
    assert not answer.refused, answer.explanation
    expected = (
        100 * _count(words_engine, "Sales hires in 2021") / _count(words_engine, "hires in 2021")
    )
    assert answer.rows[0][answer.columns.index("share_pct")] == pytest.approx(expected)


@pytest.mark.parametrize(
    "question",
    [
        "what percent of every hire we ever made were Sales' 2021 hires?",
        "of all hires to date, what share were Sales hires in 2021",
        "what share of all-time hiring was Sales in 2021?",
        "what share of all hires were Sales hires in 2021",
        "of all hires, what % were Sales hires in 2021",
    ],
)
def test_a_whole_said_as_every_hire_ever_keeps_the_year_in_the_part(
    words_engine: OfflineEngine, question: str
) -> None:
    """'Of all hires ever' names the whole: the year said after it is the part's alone, never
    a narrower whole (that answer would be Sales' share of 2021, an easier question)."""
    answer = words_engine.answer(question)
    if answer.refused:
        return  # right or refused
    expected = 100 * _count(words_engine, "Sales hires in 2021") / _count(words_engine, "hires")
    assert answer.rows[0][answer.columns.index("share_pct")] == pytest.approx(expected)


def test_a_ratio_of_two_periods_is_the_first_said_over_the_second(
    words_engine: OfflineEngine,
) -> None:
    for question in ("ratio of 2022 hires to 2021 hires", "2022 hires divided by 2021 hires"):
        answer = words_engine.answer(question)
        assert not answer.refused, answer.explanation
        expected = _count(words_engine, "hires in 2022") / _count(words_engine, "hires in 2021")
        assert answer.rows[0][-1] == pytest.approx(expected)
    assert words_engine.answer("ratio of 2022 to 2021 hires by department").refused


@pytest.mark.parametrize(
    "question",
    [
        "Sales hires in 2022 vs all hires in 2021",
        "how many extra hires did Sales make in 2022 compared with the company in 2021",
        "ratio of Sales hires in 2022 to all hires in 2021",
        "Sales 2022 minus everyone in 2021",
        "Q3 2022 minus hires of Sales in Q2 2022",
        "2022 hires vs Legal 2021 hires, difference",
    ],
)
def test_a_name_on_one_side_of_two_periods_is_never_read_for_both(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading
