"""Ranks within groups, the newest and oldest hires, and orders said in words (ask4, askrank4).

Each promise here is one a user relies on beside the development set's
accuracy: a word for 'the top one' ranks, 'each of' periods gives one row per
period (never the periods summed), and what cannot be held is refused.
"""

from __future__ import annotations

import pytest

from resolvers.core.questions import lexicon
from resolvers.core.questions.offline import OfflineEngine


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("our #1 role", "our number one role"),
        ("the # 1 team", "the number one team"),
        ("the no. 1 job", "the number one job"),
        ("the #10 title", "the #10 title"),
        ("hires in department #1", "hires in department 1"),  # the id, as before
        ("dept no. 1 hires", "dept 1 hires"),
        ("the no. of hires", "the number of hires"),
    ],
)
def test_number_one_is_read_whatever_sign_writes_it(written: str, read: str) -> None:
    assert lexicon.tidy(written) == read


@pytest.mark.parametrize(
    "question",
    [
        "for each team, its peak quarter of 2021",
        "strongest quarter in every department in 2022",
        "#1 title per department in 2022",
        "the leader department for each year",
        "which department led hiring in each year",
    ],
)
def test_words_for_the_top_one_rank_within_each_group(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert "with the most hires (ties all shown)" in (answer.reading or "")


def test_the_weakest_is_the_fewest_never_the_most(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("the weakest quarter of 2021")
    assert not answer.refused, answer.explanation
    assert "fewest" in (answer.reading or "")


def test_each_of_several_years_is_one_row_per_year(words_engine: OfflineEngine) -> None:
    """Before, a ranking over listed years was refused as 'in each, or over them together?';
    'each of' says which."""
    answer = words_engine.answer("busiest month in each of 2020 and 2022")
    assert not answer.refused, answer.explanation
    assert "in each year, the month with the most hires" in (answer.reading or "")
    assert {row[0] for row in answer.rows} == {2020, 2022}


def test_a_hire_in_each_of_the_years_stays_a_condition(words_engine: OfflineEngine) -> None:
    """'departments that hired in each of 2020 and 2021' keeps the groups with a hire in
    every one of them: never read as hires per year."""
    answer = words_engine.answer("departments that hired in each of 2020 and 2021")
    assert not answer.refused, answer.explanation
    assert "in every year" in (answer.reading or "")
    assert "per year" not in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "top department in each of the two years",  # which two years?
        "the top department in 2020 and 2021",  # in each, or over both together?
    ],
)
def test_periods_the_question_leaves_open_are_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("years by hires, busiest year first", "most first"),
        ("quarters of 2021 by hires, quietest quarter first", "fewest first"),
        ("departments, biggest hirer at the top", "most first"),
        ("hires per job in 2022 with the quietest job on top", "fewest first"),
    ],
)
def test_an_order_said_by_its_effect_orders_the_groups(
    words_engine: OfflineEngine, question: str, order: str
) -> None:
    """Before, 'busiest year first' read 'year first' as an order by year beside the order by
    hires, and was refused as two orders at once."""
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert order in (answer.reading or "")


def test_first_before_a_period_is_the_period_never_an_order(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("the busiest month first half of 2022")
    assert not answer.refused, answer.explanation
    assert "H1 2022" in (answer.reading or "")
    assert "the one with the most hires" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "the 2 newest hires in Sales and the 2 newest in Legal",
        "the 2 newest hires in each of Sales and Legal",
        "newest 2 joiners per each of Sales and Legal",
    ],
)
def test_the_newest_of_several_named_departments_are_listed_per_department(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert "In each department, the latest 2 hires in Sales or Legal" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "the 3 newest hires in Sales and the 2 newest in Legal",  # a different N on each side
        "the 3 newest hires in Sales and the 3 oldest in Legal",  # newest on one side only
        "the newest hire in Sales and the oldest in Legal",
        "which jobs hired in each of Sales and Legal",  # jobs both hired: never per department
    ],
)
def test_what_per_department_lists_cannot_hold_is_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "hired_employees in Sales where datetime in March 2022 order by datetime desc",
        "select * from hired_employees where department = 'Sales' order by datetime desc",
        "hires in Sales order by hire date desc",
    ],
)
def test_an_order_by_the_hire_time_lists_the_hires_newest_first(
    words_engine: OfflineEngine, question: str
) -> None:
    """Before, 'order by datetime' outside 'select name ...' was read as an order by hires,
    and refused as one for groups."""
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert "latest first" in (answer.reading or "")
    times = [row[2] for row in answer.rows]
    assert times == sorted(times, reverse=True)


def test_an_order_by_the_hire_time_of_a_count_is_refused(words_engine: OfflineEngine) -> None:
    """A count has no hire times to order by: never a count with the order dropped."""
    answer = words_engine.answer("count(*) where department = 'Sales' order by datetime desc")
    assert answer.refused, answer.reading


def test_year_by_year_ranks_within_each_year(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("year by year, the top department")
    assert not answer.refused, answer.explanation
    assert "in each year, the department with the most hires" in (answer.reading or "")


def test_year_by_year_without_a_ranking_is_a_plain_grouping(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("year by year hires")
    assert not answer.refused, answer.explanation
    assert "counted per year" in (answer.reading or "")
    assert "most" not in (answer.reading or "")


def test_listed_years_ranked_separately_are_one_ranking_per_year(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("the top department in 2020 and 2022, separately")
    assert not answer.refused, answer.explanation
    assert "in each year, the department with the most hires" in (answer.reading or "")
    assert {row[0] for row in answer.rows} == {2020, 2022}


def test_separately_without_a_ranking_is_left_to_the_rest_of_the_grammar(
    words_engine: OfflineEngine,
) -> None:
    """'separately' is read here only beside a ranking: a count of listed years is never
    quietly turned into a ranking."""
    answer = words_engine.answer("hires in 2020 and 2022, separately")
    assert answer.refused or "most hires" not in (answer.reading or ""), answer.reading


def test_columns_listed_beside_the_name_keep_the_hires_rows(words_engine: OfflineEngine) -> None:
    """'name, department from hired_employees': the department is asked for, so the rows
    keep it (names alone would drop a column asked for)."""
    answer = words_engine.answer(
        "name, department from hired_employees order by datetime desc limit 3"
    )
    assert not answer.refused, answer.explanation
    assert {"name", "department"} <= set(answer.columns)
    assert len(answer.rows) == 3


@pytest.mark.parametrize(
    "question",
    [
        "the 10 most recent joiners, oldest first",
        "the 10 most recent joiners in chronological order",
        "the first 5 hires, latest first",
    ],
)
def test_the_latest_n_shown_in_the_other_order_is_refused_never_reordered_unsaid(
    words_engine: OfflineEngine, question: str
) -> None:
    """Before, 'oldest first' after 'the 10 most recent' was taken and dropped: the ten came
    newest first."""
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "busiest month in each of 2020 and 2021 combined",  # each, or both together?
        "hires in each of Sales and Legal combined",
    ],
)
def test_each_of_beside_combined_is_refused_never_one_dropped(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading


def test_the_newest_of_two_departments_said_together_is_one_list(
    words_engine: OfflineEngine,
) -> None:
    """'the newest hire in Sales and Legal' is the one newest of both: never one per team."""
    answer = words_engine.answer("the newest hire in Sales and Legal")
    assert not answer.refused, answer.explanation
    assert "In each department" not in (answer.reading or "")


def test_a_bound_in_each_of_several_years_is_never_read_per_year(
    words_engine: OfflineEngine,
) -> None:
    """'more than 50 in each of 2021 and 2022' is a bound every year must meet: read per
    year, it would list the (department, year) pairs over 50, another question."""
    answer = words_engine.answer("departments with more than 50 hires in each of 2021 and 2022")
    assert answer.refused or "counted per year" not in (answer.reading or ""), answer.reading
