"""The seed's two reports asked in analysts' words, and conditions on groups (issue 20).

Each wording must come back as the report itself (the same rows as the plain
question, read back as the report), in the order it asked, or be refused with
a true reason; never a whole-year count, never an order quietly dropped.
"""

from __future__ import annotations

import pytest

from resolvers.core.questions.offline import OfflineEngine

QUARTERLY = "Hires per quarter for each department and job in 2021"
ABOVE_MEAN = "Which departments hired more than the mean in 2021?"


@pytest.mark.parametrize(
    "question",
    [
        "Could you build the table of hires per department and job for 2021, one column per "
        "quarter?",
        "breakdown of 2021 hires for each department/job combo, split into quarters",
        "For the leadership pack: 2021 hires per department & job title, Q1, Q2, Q3 and Q4",
        "my boss asked for 2021 hiring by department and job, divided into quarters, sorted by "
        "department name and then job name",
        "hires by dept and job with one column per quarter for 2021, A-Z on dept and job",
        "number of people hired in each quarter of 2021 for every department and job, "
        "department first",
        "2021 hires: one row per department/job pair, quarters as columns",
        "2021 hires by dept and job title with columns Q1 Q2 Q3 Q4, dept first then job",
        "department and job hires for 2021 with quarterly columns",
        "2021 hires, department and job, with a column for each of Q1-Q4",
        "could you run the quarterly hiring report for 2021?",
    ],
)
def test_the_quarterly_report_in_everyday_words(words_engine: OfflineEngine, question: str) -> None:
    plain = words_engine.answer(QUARTERLY)
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == plain.rows
    assert "(the hiresByQuarter report), ordered by department and job" in (answer.reading or "")


def test_an_order_by_groupings_is_kept_or_refused(words_engine: OfflineEngine) -> None:
    by_job = words_engine.answer(
        "hires in 2021 per department and job with a column per quarter, sorted by job then "
        "department"
    )
    assert not by_job.refused, by_job.explanation
    assert "counted per job and department and quarter" in (by_job.reading or "")
    jobs = [row[0] for row in by_job.rows]
    assert jobs == sorted(jobs)  # the job first, as asked: not the report's department order
    for question in (
        "hires in 2021 sorted by department",  # the answer is not per department
        "top 3 departments in 2021 sorted by department",  # two orders at once
    ):
        answer = words_engine.answer(question)
        assert answer.refused, (question, answer.reading)


@pytest.mark.parametrize(
    "question",
    [
        "which departments hired more than the typical department in 2021, high to low",
        "departments above the mean hiring level for 2021",
        "departments that hired more than the mean department in 2021, most hires at the top",
        "Which teams beat the average over all teams in 2021? dept id, name and hires, descending",
        "departments whose 2021 hires were above the average, from most to fewest",
        "which departments were above average in terms of hires in 2021",
        "for 2021, show me department id, department name and number of hires for the "
        "departments above the mean",
        "which departments out-hired the average department in 2021",
    ],
)
def test_the_above_mean_report_in_everyday_words(
    words_engine: OfflineEngine, question: str
) -> None:
    plain = words_engine.answer(ABOVE_MEAN)
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == plain.rows
    reading = answer.reading or ""
    assert "(the departmentsAboveMean report)" in reading
    assert "the mean is over the departments with at least one hire that year" in reading


def test_above_the_mean_fewest_first_is_in_that_order(words_engine: OfflineEngine) -> None:
    report = words_engine.answer(ABOVE_MEAN)
    answer = words_engine.answer("departments above the mean in 2021, fewest first")
    assert not answer.refused, answer.explanation
    assert {row[0] for row in answer.rows} == {row[1] for row in report.rows}
    assert [row[1] for row in answer.rows] == [row[2] for row in reversed(report.rows)]
    assert "fewest first" in (answer.reading or "")
    assert "no hire count as 0" not in (answer.reading or "")  # the mean's groups all hired


def test_ids_outside_the_report_are_refused_not_dropped(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("departments above the mean in 2021 with their ids, fewest first")
    assert answer.refused
    assert "Ids come with the departmentsAboveMean report" in answer.explanation
