"""The seed's two reports in still more everyday words, and their traps (issue 20, askseed3).

The quarterly report asked as a split, a combo, 'Q1-Q4' beside a grouping, with
its order said per grouping ('dept A-Z then title A-Z', 'both sorted by name')
and framed by who wants it and when; departments above the mean said as the
dept, all-department or year's average. Each must be the report itself, or a
refusal with a true reason: never the whole year for 'Q1-Q4', never 'both'
dropped, never another comparison read as the report.
"""

from __future__ import annotations

import pytest

from resolvers.core.questions.offline import OfflineEngine

QUARTERLY = "Hires per quarter for each department and job in 2021"
ABOVE_MEAN = "Which departments hired more than the mean in 2021?"
QUARTERLY_READING = "(the hiresByQuarter report), ordered by department and job"


@pytest.mark.parametrize(
    "question",
    [
        "finance wants the 2021 split by dept and title per quarter, can you send it over? thx",
        "2021 breakdown of hires for every dept/title combo, Q1-Q4 columns, dept A-Z then "
        "title A-Z",
        "hires in 2021 divided into quarters for each department and job, both sorted by name",
        "split 2021 hiring by dept + job into Q1-Q4",
        "2021 Q1-Q4 hires for every combination of department and job",
        "hiring split by department and job across the four quarters of 2021",
        "every dept/title combo with its hires per quarter in 2021 pls",
        "quarterly hires for 2021 by department and job title, dept a-z then job a-z",
        "dept/job/quarter table for 2021 please, both sorted alphabetically",
        "hey, could you send me 2021 hires per dept and role per quarter? payroll wants it by EOD",
        "2021 hires: department, job, then Q1, Q2, Q3, Q4 counts",
        "can u send over a quarter by quarter view of 2021 hiring, every dept + title combo, "
        "dept then title",
        "what did each dept/job combo hire per quarter in 2021? alphabetical both ways",
        "hires split by quarter 2021 for all dept/job combos, sort dept asc then job asc",
        "Could you send the 2021 hires over, split by department and job and by quarter?",
        "2021 hires by dept and job in Q1 through Q4 columns, dept then job",
        "hires by quarter for 2021, for every department & title, alphabetical on both",
    ],
)
def test_the_quarterly_report_as_a_split_or_combo(
    words_engine: OfflineEngine, question: str
) -> None:
    plain = words_engine.answer(QUARTERLY)
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == plain.rows
    assert QUARTERLY_READING in (answer.reading or "")


def test_q1_to_q4_beside_a_grouping_splits_it_by_quarter(words_engine: OfflineEngine) -> None:
    """'Q1-Q4' beside a grouping never narrows the year: it asks for each quarter. Read as
    the year it was a wrong answer (the grid's whole-year counts, no quarter in sight)."""
    per_quarter = words_engine.answer("hires per department Q1-Q4 2021")
    assert not per_quarter.refused, per_quarter.explanation
    assert "counted per department and quarter" in (per_quarter.reading or "")
    assert per_quarter.rows == words_engine.answer("hires per department per quarter 2021").rows
    # 'from Q1 to Q4' is a span of time: the whole year, as written
    span = words_engine.answer("hires from Q1 to Q4 2021 by department")
    assert span.rows == words_engine.answer("hires by department in 2021").rows
    # and 'Q1-Q4' alone, with no grouping, stays the year's count
    alone = words_engine.answer("hires Q1-Q4 2021")
    assert alone.rows == words_engine.answer("hires in 2021").rows


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("hires by department in 2021, both sorted by name", "both"),  # one grouping only
        ("the head of Sales wants the 2021 split by dept and job per quarter", "head"),
        ("hires by department and job in 2021 both sorted by hires", "both"),
    ],
)
def test_a_word_the_report_cannot_hold_is_refused(
    words_engine: OfflineEngine, question: str, word: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading
    assert word in answer.explanation.lower()


def test_a_number_after_over_is_never_read_as_sent(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("send me the departments with hires over 50 in 2021")
    assert not answer.refused, answer.explanation
    assert "more than 50" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "depts that beat the all-department average in 2021, ranked",
        "which teams out-hired the dept average in 2021, high to low",
        "departments above the year's mean hiring level in 2021, dept id, dept name, hires",
        "depts above the dept average in 2021 with headcount added, sort desc",
        "which ones beat the average department in 2021? id, name, count",
        "departments that hired more than the all-department average in 2021, sorted desc",
        "hey - who beat the mean dept in 2021? need id, name and hires, sort desc thx",
        "what depts exceeded the typical dept's hiring level in 2021, high to low",
        "each dept that topped the average dept in 2021 - id + name + count pls",
        "which ones were higher than the typical department in 2021? sort desc",
        "departments hiring above the yearly average in 2021",
    ],
)
def test_above_the_dept_or_all_department_average(
    words_engine: OfflineEngine, question: str
) -> None:
    plain = words_engine.answer(ABOVE_MEAN)
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == plain.rows
    assert "(the departmentsAboveMean report)" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "which departments were under the average dept in 2021",
        "departments below the all-department average in 2021",
        "departments above the average job in 2021",
        "jobs above the mean department in 2021",
        "departments above the median in 2021",
        "departments above the mean of 2020 in 2021",
        "departments above the dept average in Q1 2021",
        "departments above the dept average in 2021 excluding Sales",
    ],
)
def test_another_comparison_never_becomes_the_report(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert "departmentsAboveMean" not in (answer.reading or ""), question
