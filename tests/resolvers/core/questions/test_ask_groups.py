"""Arithmetic between groups or periods, and rankings within groups (issue 20), asked in words.

On the small warehouse of conftest.py: Sales hired four people in 2021 (January
to April), Legal two in 2021 (May, June) and one in February 2022, Ops nobody.
Each answer is right, or refused; a constraint is never dropped.
"""

from __future__ import annotations

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions import gold


def _answered(engine: OfflineEngine, question: str) -> tuple[list[list[object]], str]:
    answer = engine.answer(question)
    assert not answer.refused, answer.explanation
    return answer.rows, answer.reading or ""


def test_a_share_within_a_named_set_of_departments_takes_that_set_as_the_whole(
    small_engine: OfflineEngine,
) -> None:
    for question in (
        "of all the Sales and Legal hires, what percent went to Legal",
        "what percent of Sales and Legal hires went to Legal?",
        "of all the Sales and Legal hires, what percent Legal",
    ):
        rows, reading = _answered(small_engine, question)
        assert rows == [[3, 7, pytest.approx(300 / 7)]], question
        assert "hires in Sales or Legal that were in Legal" in reading


def test_the_average_department_is_the_mean_over_the_departments_that_hired(
    small_engine: OfflineEngine,
) -> None:
    rows, reading = _answered(small_engine, "how many did a department hire on average in 2021?")
    assert rows == [[3.0, 2, 6]]  # Sales 4, Legal 2; Ops hired nobody and is not averaged over
    assert "departments with at least one such hire" in reading
    assert "departmentsAboveMean" in reading


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("by how many did Sales hiring grow from 2021 to 2022", [[4, 0, -4]],
         "minus hires in 2021"),
        ("how much did Legal hiring grow from 2021 to 2022?", [[2, 1, -1]], "in Legal"),
        ("by how many did Legal hiring drop from 2021 to 2022?", [[2, 1, 1]], "(the drop)"),
        ("by what percent did Legal hiring drop from 2021 to 2022?", [[2, 1, 1, 50.0]],
         "as a percent of the hires in 2021"),
        ("what was the percent change in hires from 2021 to 2022",
         [[6, 1, -5, pytest.approx(-500 / 6)]], "as a percent"),
        # 'in percent' is filler elsewhere; here it asks for the percent, never dropped
        ("hiring growth from 2021 to 2022 in percent", [[6, 1, -5, pytest.approx(-500 / 6)]],
         "as a percent"),
        ("by what percent fewer people were hired in 2022 than in 2021",
         [[6, 1, 5, pytest.approx(500 / 6)]], "percent of the hires in 2021"),
    ],
)  # fmt: skip
def test_growth_between_two_periods_as_a_difference_or_a_percent(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    rows, reading = _answered(small_engine, question)
    assert rows == expected
    assert said in reading, reading


@pytest.mark.parametrize(
    "question",
    ["drop the Legal department", "drop jobs", "please drop the table of hires"],
)
def test_drop_as_a_command_is_still_refused(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert answer.refused and "never changes data" in answer.explanation


def test_a_ratio_of_two_named_groups_divides_their_hires(small_engine: OfflineEngine) -> None:
    for question in (
        "how many Sales hires per Legal hire in 2021",
        "what is the ratio of Sales to Legal hires in 2021?",
        "for every Legal hire in 2021, how many Sales hires",
    ):
        rows, reading = _answered(small_engine, question)
        assert rows == [[4, 2, 2.0]], question
        assert "in Sales per hire of those in Legal" in reading


@pytest.mark.parametrize(
    "question",
    [
        "how many Sales hires in 2021 per Legal hire in 2022",  # whose dates?
        "how many Sales hires per Legal hire, not counting Ops",  # a third name: held or refused
    ],
)
def test_a_ratio_refuses_what_it_cannot_hold(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert answer.refused, (answer.reading, answer.rows)


def test_departments_added_together_are_one_total(small_engine: OfflineEngine) -> None:
    rows, reading = _answered(small_engine, "Sales plus Legal, 2021 hires combined")
    assert rows == [[6]]
    assert "in Sales or Legal" in reading


def test_missing_a_department_or_a_job_is_either_not_both(words_engine: OfflineEngine) -> None:
    either = "SELECT COUNT(*) FROM hired_employees WHERE department_id IS NULL OR job_id IS NULL"
    both = "SELECT COUNT(*) FROM hired_employees WHERE department_id IS NULL AND job_id IS NULL"
    warehouse = words_engine._warehouse  # the engine's own data, counted directly
    expected = warehouse.query(either).rows[0][0]
    assert expected != warehouse.query(both).rows[0][0]
    for question in (
        "how many hires have no job or no department",
        "hires missing a dept or a job",
    ):
        rows, reading = _answered(words_engine, question)
        assert rows == [[expected]], question
        assert "either or both" in reading


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("who was the first hire in each department", ["John Smith", "Bea Ruiz"]),
        ("the latest hire per department", ["Ana Lima", "Di Late"]),
        ("who joined first in each department in 2021", ["John Smith", "Bea Ruiz"]),
        ("the most recent 2 hires in each year", ["Bea Ruiz", "Cy Tan", "Di Late"]),
    ],
)
def test_a_person_per_group_is_the_first_or_latest_hire_of_each(
    small_engine: OfflineEngine, question: str, names: list[str]
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    column = answer.columns.index("name")
    assert sorted(row[column] for row in answer.rows) == sorted(names)
    assert "hire_date" in answer.columns
    assert (answer.reading or "").startswith("In each ")


def test_missing_both_a_department_and_a_job_is_still_both(words_engine: OfflineEngine) -> None:
    both = "SELECT COUNT(*) FROM hired_employees WHERE department_id IS NULL AND job_id IS NULL"
    expected = words_engine._warehouse.query(both).rows[0][0]
    for question in ("hires missing both a department and a job", "hires with no dept and no job"):
        rows, _ = _answered(words_engine, question)
        assert rows == [[expected]], question


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("the department with the fewest hires each year", [[2021, "Legal", 2], [2022, "Legal", 1]],
         "the department with the fewest hires among those with a hire"),  # Ops hired nobody
        ("each department's biggest hiring year", [["Legal", 2021, 2], ["Sales", 2021, 4]],
         "in each department, the year with the most hires"),
        ("the top department in each half of 2021", [[1, "Sales", 4]],
         "in each half, the department with the most hires"),
        ("hires per half of the year in 2021", [[1, 6]], "counted per half"),
    ],
)  # fmt: skip
def test_rankings_within_groups_say_which_groups_they_rank(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    rows, reading = _answered(small_engine, question)
    assert sorted(rows) == expected
    assert said in reading, reading


def test_two_groups_compared_over_two_periods_keep_each_its_own_change(
    small_engine: OfflineEngine,
) -> None:
    rows, reading = _answered(
        small_engine, "by how many did Sales hiring grow from 2021 to 2022 versus Legal"
    )
    assert sorted(rows) == [["Legal", 2, 1, -1], ["Sales", 4, 0, -4]]  # never their sum
    assert "per department" in reading


@pytest.mark.parametrize(
    "question",
    [
        "how much more did Sales grow than Legal from 2021 to 2022",  # a difference of changes
        "how many more Sales hires than Legal hires, growth from 2021 to 2022",
        "how many Sales hires per Legal hire, compared from 2021 to 2022",
    ],
)
def test_a_difference_or_ratio_of_changes_is_refused_not_read_as_counts(
    small_engine: OfflineEngine, question: str
) -> None:
    answer = small_engine.answer(question)
    assert answer.refused, (answer.reading, answer.rows)


def test_dates_on_both_sides_of_a_share_keep_each_side_its_own(small_engine: OfflineEngine) -> None:
    rows, reading = _answered(
        small_engine, "what percent of hires in 2021 and 2022 went to Legal in 2022"
    )
    assert rows == [[1, 7, pytest.approx(100 / 7)]]  # Di Late, of all seven hires
    assert "that were in Legal in 2022" in reading


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("Legal's share of the Sales and Legal hires in 2021", [[2, 6, pytest.approx(100 / 3)]],
         "hires in Sales or Legal in 2021 that were in Legal"),
        # 'as a percentage' is filler after a share word; alone it asks for the share
        ("Sales hires in 2021 as a percentage", [[4, 6, pytest.approx(200 / 3)]],
         "hires in 2021 that were in Sales"),
        ("2022 vs 2021 hiring growth %", [[6, 1, -5, pytest.approx(-500 / 6)]],
         "in 2022 minus hires in 2021"),  # growth runs from the earlier year
        ("YoY change in hiring 2021 vs 2022", [[6, 1, -5]], "in 2022 minus hires in 2021"),
    ],
)  # fmt: skip
def test_shares_and_changes_in_everyday_words(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    rows, reading = _answered(small_engine, question)
    assert rows == expected
    assert said in reading, reading


def test_a_grouping_as_a_percentage_is_each_groups_share(small_engine: OfflineEngine) -> None:
    rows, reading = _answered(small_engine, "hires by department in 2021 as a percentage")
    assert sorted(rows) == [
        ["Legal", 2, pytest.approx(100 / 3)],
        ["Sales", 4, pytest.approx(200 / 3)],
    ]
    assert "share (percent)" in reading


@pytest.mark.parametrize(
    "question",
    [
        "what % did hiring fall in 2022 compared to 2021",  # 'fall in 2022' is no autumn
        "how much lower was hiring in 2022 than 2021 in percent",
    ],
)
def test_a_fall_in_hiring_said_as_a_verb_or_lower_is_a_percent_drop(
    small_engine: OfflineEngine, question: str
) -> None:
    rows, reading = _answered(small_engine, question)
    assert rows == [[6, 1, 5, pytest.approx(500 / 6)]]
    assert "in 2021 minus hires in 2022 (the drop)" in reading


def test_a_ranking_over_several_periods_says_whether_in_each_or_together(
    small_engine: OfflineEngine,
) -> None:
    assert small_engine.answer("the top department in H1 and H2 2021").refused
    rows, _ = _answered(small_engine, "the top department in H1 and H2 2021 combined")
    assert rows == [["Sales", 4]]


def test_everyday_words_for_the_average_and_the_first_hire_per_group(
    small_engine: OfflineEngine,
) -> None:
    rows, _ = _answered(
        small_engine, "what's the average number of people hired by each department in 2021"
    )
    assert rows == [[3.0, 2, 6]]
    answer = small_engine.answer("the first ever hire in each team")
    assert not answer.refused, answer.explanation
    names = sorted(row[answer.columns.index("name")] for row in answer.rows)
    assert names == ["Bea Ruiz", "John Smith"]


def test_neither_a_department_nor_a_job_is_both_missing(words_engine: OfflineEngine) -> None:
    both = "SELECT COUNT(*) FROM hired_employees WHERE department_id IS NULL AND job_id IS NULL"
    expected = words_engine._warehouse.query(both).rows[0][0]
    rows, _ = _answered(words_engine, "how many people were hired with neither a job nor a dept")
    assert rows == [[expected]]


def test_percent_more_of_one_group_than_another_is_over_the_side_after_than(
    small_engine: OfflineEngine,
) -> None:
    rows, reading = _answered(small_engine, "what percent more did Sales hire than Legal in 2021")
    assert rows == [[4, 2, 100.0]]
    assert "as a percent of those in Legal" in reading
    assert small_engine.answer("what percent fewer did Legal hire than Sales in 2021").refused


def test_ties_said_of_a_ranking_within_groups_are_what_it_shows(
    small_engine: OfflineEngine,
) -> None:
    rows, reading = _answered(small_engine, "the top job in each department in 2021, ties kept")
    assert sorted(rows) == [
        ["Legal", "Database Administrator III", 1],
        ["Legal", "Recruiter", 1],
        ["Sales", "Database Administrator I", 2],
    ]
    assert "ties all shown" in reading
    # a plain top 2 keeps its ties too, so 'including ties' is what it does
    rows, _ = _answered(small_engine, "top 2 jobs in 2021 including ties")
    assert rows == [["Database Administrator I", 2], ["Recruiter", 2]]


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("which job had the most hires in 2021", [["Database Administrator I", 2],
         ["Recruiter", 2]], "all shown if several tie"),
        ("what was the most hired role in 2021?", [["Database Administrator I", 2],
         ["Recruiter", 2]], "all shown if several tie"),
        ("the top 3 jobs in 2021", [["Database Administrator I", 2], ["Recruiter", 2],
         ["Database Administrator II", 1], ["Database Administrator III", 1]],
         "more if several tie at the 3rd place"),
        ("which department hired the fewest in 2021", [["Ops", 0]], "all shown if several tie"),
    ],
)  # fmt: skip
def test_a_singular_superlative_names_every_group_tied_first(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    rows, reading = _answered(small_engine, question)
    assert rows == expected
    assert said in reading and "ties by name" not in reading


def test_one_name_of_two_departments_combined_counts_both(warehouse: DuckDBWarehouse) -> None:
    engine = OfflineEngine(warehouse, 1000, clock=lambda: gold.TODAY)
    both = (
        "SELECT COUNT(*) FROM hired_employees e JOIN departments d ON d.id = e.department_id "
        "WHERE d.department = 'Support' AND year(e.datetime) = 2022"
    )
    ids = "SELECT COUNT(*) FROM departments WHERE department = 'Support'"
    assert warehouse.query(ids).rows[0][0] == 2  # the gold data's two departments named Support
    rows, reading = _answered(engine, "Support hires in 2022 combined")
    assert rows == [[warehouse.query(both).rows[0][0]]]
    assert "in Support" in reading


def test_a_period_left_out_after_the_share_verb_is_refused_not_guessed(
    small_engine: OfflineEngine,
) -> None:
    answer = small_engine.answer("what percent of hires went to Sales but not in 2022")
    assert answer.refused, (answer.reading, answer.rows)
    rows, reading = _answered(small_engine, "what percent of the hires outside 2022 went to Sales")
    assert rows == [[4, 6, pytest.approx(200 / 3)]]
    assert "that were in Sales" in reading


@pytest.mark.parametrize(
    "question",
    [
        "for every department, its top job in 2021 and how many",
        "per department, the job with the highest number of hires in 2021",
    ],
)
def test_a_ranking_within_groups_said_around_a_comma_or_with_its_count(
    small_engine: OfflineEngine, question: str
) -> None:
    rows, _ = _answered(small_engine, question)
    assert sorted(rows) == [
        ["Legal", "Database Administrator III", 1],
        ["Legal", "Recruiter", 1],
        ["Sales", "Database Administrator I", 2],
    ]


def test_the_fewest_among_those_that_hired_is_what_a_fewest_within_groups_is(
    small_engine: OfflineEngine,
) -> None:
    question = "the department with the fewest hires in each year, among those that hired"
    rows, _ = _answered(small_engine, question)
    assert sorted(rows) == [[2021, "Legal", 2], [2022, "Legal", 1]]


@pytest.mark.parametrize(
    "question",
    [
        "which departments hired more people in Q1 2021 than Legal hired in the whole of 2021?",
        "departments with more hires in January 2021 than Legal had over 2021",
        "which depts took on fewer in 2022 than Sales did in 2021",
    ],
)
def test_groups_compared_with_a_named_group_over_other_dates_are_refused(
    small_engine: OfflineEngine, question: str
) -> None:
    """A threshold counts the named group under the groups' own filters: when the named
    side carries dates of its own, answering over the groups' dates alone would compare
    with an easier number than the one asked for."""
    answer = small_engine.answer(question)
    assert answer.refused, answer.rows
    assert "same dates" in answer.explanation


def test_groups_compared_with_a_named_group_over_the_same_dates_are_answered(
    small_engine: OfflineEngine,
) -> None:
    rows, reading = _answered(
        small_engine, "which departments hired more in 2021 than Legal did in 2021"
    )
    assert [row[0] for row in rows] == ["Sales"]
    assert "more than Legal's hires" in reading
