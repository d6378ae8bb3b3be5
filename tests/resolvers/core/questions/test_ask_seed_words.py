"""The seed's two reports in still more everyday words, and their traps (issue 20, askseed3).

The quarterly report asked as a split, a combo, 'Q1-Q4' beside a grouping, with
its order said per grouping ('dept A-Z then title A-Z', 'both sorted by name')
and framed by who wants it and when; departments above the mean said as the
dept, all-department or year's average. Each must be the report itself, or a
refusal with a true reason: never the whole year for 'Q1-Q4', never 'both'
dropped, never another comparison read as the report.
"""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.core.errors import InvalidQuery
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.query import CountQuery, Rank, Threshold, from_json
from tests.resolvers.core.questions.same_answer import assert_same_as

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
        "For the 2021 board pack I need hires per department and job, broken out by quarter "
        "(Q1..Q4). Sort by department, then job.",
        "2021 hires per quarter for each job and department combination, sorted by department "
        "name and job name ascending",
        "yo can I get the hires-by-quarter thing for 2021? dept + job rows, Q1-Q4 cols",
        "the Q-by-Q hiring for each dept/job in 2021",
        "departments + jobs x quarters, 2021 hires",
        "for 2021, hires per quarter, rows = department and job",
        "hires for 2021 by department, job and quarter (one row per department and job)",
        "2021 quarterly hires grouped by department and job, alphabetized",
        "can you break down 2021 hires by department and job title into quarters? alphabetize "
        "by department then title",
        "I'd love the 2021 hires per department and job with each quarter as a column",
    ],
)
def test_the_quarterly_report_as_a_split_or_combo(
    words_engine: OfflineEngine, question: str
) -> None:
    assert_same_as(words_engine, QUARTERLY, question, reading=QUARTERLY_READING)


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
    # 'Q1..Q3' is a span as 'Q1-Q3' is (read as two quarters, it was refused as never
    # overlapping, a reason not true of the question)
    dotted = words_engine.answer("Q1..Q3 2021 hires")
    assert dotted.rows == words_engine.answer("hires from Q1 to Q3 2021").rows
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
        "Which teams hired more than the average team did in 2021? Give ids and names too.",
        "list departments whose number of hires in 2021 was greater than the mean of all "
        "departments' hires that year",
    ],
)
def test_above_the_dept_or_all_department_average(
    words_engine: OfflineEngine, question: str
) -> None:
    assert_same_as(words_engine, ABOVE_MEAN, question, reading="(the departmentsAboveMean report)")


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


@pytest.mark.parametrize(
    "question",
    [
        "hires per department_id in 2021",
        "2021 hires by dept_id",
        "count(*) group by department_id for 2021",
        "how many hires for each department_id in 2021",
        "hires per department_id in 2021, ignoring nulls",
        "2021 hires by department_id with the department names",
    ],
)
def test_a_grouping_by_the_id_column_shows_the_ids(
    words_engine: OfflineEngine, question: str
) -> None:
    """Per department_id: each id beside its name (the two Supports apart), the hires
    without a department left out as from any grouping by department, and said so."""
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.columns == ["id", "department", "hires"]
    named = words_engine.answer("hires per department in 2021")
    assert sorted(row[1:] for row in answer.rows) == sorted(named.rows)
    assert all(row[0] is not None for row in answer.rows)
    assert "employees without a department left out" in (answer.reading or "")


def test_a_grouping_by_the_id_column_in_order_of_hires(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("hires by department_id in 2021 sorted by count desc")
    assert not answer.refused, answer.explanation
    counts = [row[2] for row in answer.rows]
    assert counts == sorted(counts, reverse=True)
    assert "most first" in (answer.reading or "")


def test_one_department_by_its_id_is_no_grouping(words_engine: OfflineEngine) -> None:
    assert_same_as(
        words_engine, "Engineering hires in 2021", "how many hires for department_id 5 in 2021"
    )


@pytest.mark.parametrize(
    "question",
    [
        "share of hires per department_id",
        "top 3 department_id by hires in 2021",
        "hires per department_id, z to a",  # an order by id or name it would not hold
    ],
)
def test_what_the_id_grouping_cannot_hold_is_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    assert words_engine.answer(question).refused, question


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("bottom 3 teams by total headcount", "the 3 departments with the fewest hires"),
        ("top 5 teams by all-time headcount", "the 5 departments with the most hires"),
        ("largest 3 departments by headcount", "the 3 departments with the most hires"),
        ("the 3 least staffed teams by hires", "the 3 departments with the fewest hires"),
    ],
)
def test_a_ranking_by_headcount_said_with_its_span(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


@pytest.mark.parametrize(
    "fields",
    [
        {"group_by": ("quarter",)},
        {"group_by": ("department", "job")},
        {"group_by": ("department",), "rank": Rank(order="most", limit=3)},
        {"group_by": ("department",), "threshold": Threshold(compare="above_mean")},
    ],
)
def test_by_id_holds_one_department_or_job_grouping_only(fields: dict[str, Any]) -> None:
    with pytest.raises(InvalidQuery):
        from_json({"query": CountQuery.model_construct(**fields).model_dump() | {"by_id": True}})
