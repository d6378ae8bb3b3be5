"""Arithmetic between groups or periods, and rankings within groups (issue 20), asked in words.

On the small warehouse of conftest.py: Sales hired four people in 2021 (January
to April), Legal two in 2021 (May, June) and one in February 2022, Ops nobody.
Each answer is right, or refused; a constraint is never dropped.
"""

from __future__ import annotations

import pytest

from resolvers.core.questions.offline import OfflineEngine


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
