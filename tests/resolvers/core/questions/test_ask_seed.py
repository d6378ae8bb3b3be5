"""The seed's two reports asked in analysts' words, and conditions on groups (issue 20).

Each wording must come back as the report itself (the same rows as the plain
question, read back as the report), in the order it asked, or be refused with
a true reason; never a whole-year count, never an order quietly dropped.
"""

from __future__ import annotations

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions import gold
from tests.resolvers.core.questions.same_answer import assert_same_as

QUARTERLY = "Hires per quarter for each department and job in 2021"
ABOVE_MEAN = "Which departments hired more than the mean in 2021?"
QUARTERLY_READING = "(the hiresByQuarter report), ordered by department and job"


@pytest.mark.parametrize(
    "question",
    [
        "can you build me a table for 2021: hires per department and job, a column per quarter",
        "2021 breakdown, every dept/job pair, hires divided into quarters",
        "for leadership: hires in 2021 by department & job, in Q1, Q2, Q3 and Q4 separately",
        "my manager asked for 2021 hires per job and department split by quarter, sorted by "
        "department name and then by job name",
        "2021 hires per team and role with one column per quarter, a to z by team and role",
        "number of people hired in each quarter of 2021 for every department and job, "
        "department first",
        "2021 hires: one row per department/job pair, quarters as columns",
        "2021 hires by dept and job title with columns Q1 Q2 Q3 Q4, dept first then job",
        "department and job hires for 2021 with quarterly columns",
        "2021 hires, department and job, with a column for each of Q1-Q4",
        "could you run the quarterly hiring report for 2021?",
        "2021 hires by dept & job, by qtr, sorted dept then job",
        "Q1-Q4 2021 hires for each department/job combo",
        "please share 2021 hires for each department and job w/ quarters as columns",
        "for 2021 give me each department/job with hires in Q1 Q2 Q3 Q4",
    ],
)
def test_the_quarterly_report_in_everyday_words(words_engine: OfflineEngine, question: str) -> None:
    assert_same_as(words_engine, QUARTERLY, question, reading=QUARTERLY_READING)


def test_the_latest_year_is_the_year_of_the_last_hire_and_said_so(
    words_engine: OfflineEngine,
) -> None:
    latest = "the departmentsAboveMean report for the latest year"
    answer = assert_same_as(words_engine, ABOVE_MEAN.replace("2021", "2022"), latest)
    assert "'the latest year' read as 2022, the year of the last hire on record" in (
        answer.reading or ""
    )
    last_year = words_engine.answer("hires last year")  # the clock's year, not the data's
    assert "read as" not in (last_year.reading or "")


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
    answer = assert_same_as(
        words_engine, ABOVE_MEAN, question, reading="(the departmentsAboveMean report)"
    )
    assert "the mean is over the departments with at least one hire that year" in (
        answer.reading or ""
    )


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


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        (
            "which teams outhired the Sales department in 2021",
            "which departments hired more than Sales did in 2021",
        ),
        (
            "the departments which hired more people in 2022 than in 2021",
            "which departments grew between 2021 and 2022",
        ),
        (
            "which departments hired more people in 2022 than they did in 2021?",
            "which departments grew between 2021 and 2022",
        ),
        (
            "across all time, how many roles have 15 or more hires",
            "how many job titles have at least 15 hires overall",
        ),
        (
            "were there any quarters with over 250 hires, and if so which ones",
            "which quarters had more than 250 hires",
        ),
        (
            "in 2022 did any dept take on exactly 31 people? which one",
            "which departments hired exactly 31 people in 2022",
        ),
    ],
)
def test_conditions_on_groups_in_other_words(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question, same_reading=True)


def test_groups_that_doubled_their_hiring_from_one_year_to_the_next(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which jobs at least doubled their hiring from 2021 to 2022")
    assert not answer.refused, answer.explanation
    assert answer.rows and all(
        first > 0 and second >= 2 * first for _, first, second, _ in answer.rows
    )
    grew = words_engine.answer("which jobs grew between 2021 and 2022")
    doubled = {row[0] for row in grew.rows if row[1] > 0 and row[2] >= 2 * row[1]}
    assert {row[0] for row in answer.rows} == doubled
    reading = answer.reading or ""
    assert "at least 2 times those in 2021 (those with none in 2021 left out)" in reading
    halved = words_engine.answer("which departments halved their hiring between 2021 and 2022")
    assert not halved.refused, halved.explanation
    assert all(2 * second <= first for _, first, second, _ in halved.rows)


def test_days_with_at_least_n_hires(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("which days of 2022 had 6 hires or more")
    assert not answer.refused, answer.explanation
    assert answer.rows and all(str(day).startswith("2022-") and n >= 6 for day, n in answer.rows)
    assert "counted per day; only those with at least 6" in (answer.reading or "")
    per_day = words_engine.answer("hires per day in 2022")
    assert [row for row in per_day.rows if row[1] >= 6] == answer.rows


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("jobs that more than tripled hiring from 2021 to 2022", "more (or less) than a factor"),
        ("did Legal double its hiring between 2020 and 2021", "per department or job"),
    ],
)
def test_a_growth_it_cannot_hold_is_refused_saying_why(
    words_engine: OfflineEngine, question: str, reason: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading
    assert reason in answer.explanation


def test_a_count_between_two_strict_bounds_keeps_the_whole_numbers_inside(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which months in 2021 had more than 70 hires and fewer than 80")
    assert not answer.refused, answer.explanation
    assert answer.rows and all(70 < n < 80 for _, n in answer.rows)
    assert "between 71 and 79 (both included)" in (answer.reading or "")
    empty = words_engine.answer("months with more than 70 and fewer than 71 hires in 2021")
    assert empty.refused  # no whole number between them: never an empty range answered


# issue 20, askseed2: the mean of other groups or another period is never the report's mean;
# who the answer is for changes nothing; 'only those with hires' leaves the zeros out


@pytest.mark.parametrize(
    "question",
    [
        "departments above the mean of jobs in 2021",
        "departments above the average job in 2021",
        "departments whose 2021 hiring beat the average month",
        "jobs above the average department in 2021",
        "teams that hired more than the mean taken over all jobs in 2022",
    ],
)
def test_a_mean_of_other_groups_is_refused_saying_so(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading
    assert "compared with the mean of its own kind" in answer.explanation


@pytest.mark.parametrize(
    "question",
    [
        "departments above the 2020 mean in 2021",
        "departments that hired more in 2021 than the 2020 mean",
        "departments in 2022 above last year's average",
        "departments that hired more in 2022 than the previous year's mean",
        "departments above the average of the previous year in 2022",
    ],
)
def test_a_mean_of_another_period_is_refused_saying_so(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused, answer.reading
    assert "a mean of another period" in answer.explanation


def test_the_mean_of_the_period_asked_is_still_answered(words_engine: OfflineEngine) -> None:
    plain = words_engine.answer(ABOVE_MEAN).rows
    for question in (
        "departments above the 2021 mean in 2021",
        "which departments beat the 2021 average",
        "what was last year's average per department",
    ):
        answer = words_engine.answer(question)
        assert not answer.refused, (question, answer.explanation)
    assert words_engine.answer("which departments beat the 2021 average").rows == plain


def test_below_the_mean_or_the_median_is_never_the_report(words_engine: OfflineEngine) -> None:
    report = words_engine.answer(ABOVE_MEAN)
    below = words_engine.answer("departments below the mean in 2021, ids names counts")
    assert below.refused or not {r[1] for r in below.rows} & {r[1] for r in report.rows}
    quieter = words_engine.answer("teams that hired fewer than the average team in 2021")
    assert not quieter.refused, quieter.explanation
    assert not {r[0] for r in quieter.rows} & {r[1] for r in report.rows}
    median = words_engine.answer("departments above the median in 2021")
    assert median.refused
    assert "median" in median.explanation


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("quick one for my VP - above-average departments in 2021", ABOVE_MEAN),
        ("my CFO wants the departments above the mean for 2021", ABOVE_MEAN),
        ("for the exec deck: departments above the norm in 2021", ABOVE_MEAN),
        ("for my director: number of hires in 2022", "number of hires in 2022"),
        ("hires in 2021 for my hrbp", "hires in 2021"),
    ],
)
def test_who_the_answer_is_for_changes_nothing(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


def test_a_title_asked_about_is_still_a_title(words_engine: OfflineEngine) -> None:
    everyone = words_engine.answer("hires in 2021").rows
    vps = words_engine.answer("hires for VP roles in 2021")
    assert not vps.refused, vps.explanation
    assert vps.rows != everyone
    assert "VP Sales" in (vps.reading or "")


def test_only_those_with_hires_leaves_the_zeros_out(words_engine: OfflineEngine) -> None:
    with_zeros = words_engine.answer("which job had the fewest hires in 2021")
    assert not with_zeros.refused, with_zeros.explanation
    assert {row[-1] for row in with_zeros.rows} == {0}
    for question in (
        "which job had the fewest hires in 2021, only those with hires",
        "the job with the fewest hires in 2021, ignoring zero-hire jobs",
        "least hired title of 2021 (only the ones that hired anyone)",
    ):
        answer = words_engine.answer(question)
        assert not answer.refused, (question, answer.explanation)
        assert answer.rows and min(row[-1] for row in answer.rows) >= 1, question
    none = words_engine.answer("departments with no hires in 2021, only those with hires")
    assert none.refused
    assert "none can be both" in none.explanation


@pytest.mark.parametrize(
    "question",
    [
        "2021 hiring grid: department by job, quarter by quarter",
        "hires matrix for 2021 per department/job combination by quarter",
        "table of 2021 hires for each combo of department and job, divided into quarters",
        "2021 hires broken down into quarters for each department and job pair",
        "2021 quarter-by-quarter hires per department and job, alpha order by dept then job",
    ],
)
def test_the_quarterly_grid_in_more_words(words_engine: OfflineEngine, question: str) -> None:
    assert_same_as(words_engine, QUARTERLY, question, reading="(the hiresByQuarter report)")


def test_jobs_by_department_is_not_the_grid(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("hires by department by job in 2021")
    assert not answer.refused, answer.explanation
    assert "hiresByQuarter" not in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "2021 hires per department and job by quarter, sorted by number of hires",
        "hires per department and job with a column per quarter of 2021, most hires first",
        "hires per department and job by quarter in 2021, fewest first",
        "2021 hires per department and job by quarter, Z to A",
    ],
)
def test_an_order_the_report_does_not_have_is_never_the_report(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused or "hiresByQuarter" not in (answer.reading or ""), answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "2021 hires per department and job by quarter, in department-then-job order",
        "can you split 2021 hiring into quarters for every department and job combo? order it "
        "by department and job",
        "hires for each department-job combination in 2021 with a count for every quarter",
    ],
)
def test_the_report_order_said_as_one_phrase(words_engine: OfflineEngine, question: str) -> None:
    assert_same_as(words_engine, QUARTERLY, question, reading=QUARTERLY_READING)


def test_and_how_many_is_read_only_where_it_asks_for_each_groups_hires(
    words_engine: OfflineEngine,
) -> None:
    report = words_engine.answer(ABOVE_MEAN)
    said = words_engine.answer(
        "which departments hired more than the average department in 2021, and how many did "
        "they hire"
    )
    assert not said.refused, said.explanation
    assert said.rows == report.rows
    # a bare 'and how many' may ask how many departments there are: not guessed
    assert words_engine.answer("which departments hired in 2021 and how many").refused
    # another period after it is another question
    assert words_engine.answer("which teams hired in Q1 2021 and how many in Q2 2021").refused


def test_a_note_on_the_shared_name_is_not_a_filter(warehouse: DuckDBWarehouse) -> None:
    words_engine = OfflineEngine(warehouse, 1000, clock=lambda: gold.TODAY)  # two Supports
    every = words_engine.answer("each department's most hired job in 2021")
    assert not every.refused, every.explanation
    for question in (
        "each department's most hired job in 2021 (Support appears twice - list both)",
        "each department's most hired job in 2021 (there are two Support teams, keep both)",
    ):
        answer = words_engine.answer(question)
        assert not answer.refused, (question, answer.explanation)
        assert answer.rows == every.rows, question
        assert "Hires in Support" not in (answer.reading or "")
    # per department AND 'Support teams separately': all departments, or only Support? asked
    both = words_engine.answer("hires per department in 2022, both Support teams separately")
    assert both.refused
    assert "or only the Support teams?" in both.explanation
    only = words_engine.answer("hires in both Support teams separately in 2022")
    assert not only.refused, only.explanation
    assert len(only.rows) == 2
