"""Everyday words of issue 20 (askwords): chat closers, short forms, families and levels,
missing values, and departments that share a name, each read as meant and said back, or refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.tables import Department, Employee, Job, Table
from tests.resolvers.core.questions.same_answer import assert_same_as


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("How many hires in 2021? only need the figure", "hires in 2021"),
        ("just the total for Legal in 2022 pls", "Legal hires in 2022"),
        ("Sales hires 2021 ta", "Sales hires in 2021"),
        ("count only: hires in Q2 2022", "hires in Q2 2022"),
        ("how many Sales hires of all time", "how many Sales hires"),
        ("Sales hires, all years", "how many Sales hires"),
        ("Legal hires across all the years", "how many Legal hires"),
        ("hires from March to May 2021 inclusive", "hires from March to May 2021"),
        ("pct of hires in Sales in 2021", "percent of 2021 hires in Sales"),
        ("hires w/o a department in 2021", "hires without a department in 2021"),
        ("hires with no job recorded in 2022", "hires without a job in 2022"),
        ("hires whose department is blank", "hires without a department"),
        ("eng hires in 2021", "Engineering hires in 2021"),
        ("BD hires in 2022", "Business Development hires in 2022"),
        ("how many positions did we fill in 2021", "hires in 2021"),
        ("hires in 2022 in total across all departments", "hires in 2022"),
        ("how many people don't have a department", "hires without a department"),
        ("hires in 2021? just need the no.", "hires in 2021"),
        ("how many hires in CY2021", "hires in 2021"),
        ("hires for the full year 2021", "hires in 2021"),
        ("how many hires in '21", "hires in 2021"),
        ("hires in Q1'22", "hires in Q1 2022"),
        ("sum of hires in 2022", "hires in 2022"),
        ("2021 recruiting numbers", "hires in 2021"),
        ("hires, excl Sales, 2021", "hires in 2021 excluding Sales"),
    ],
)
def test_chat_and_short_forms_read_as_the_plain_question(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


def test_a_short_family_word_is_read_and_said_with_its_titles(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("how many DBAs were hired in 2021")
    reading = answer.reading or ""
    assert reading.startswith("Reading 'DBAs' as database administrators.")
    assert "Database Administrator I," in reading and "Database Administrator IV" in reading
    assert_same_as(words_engine, "systems administrators hired in 2021", "sysadmins hired in 2021")
    assert_same_as(words_engine, "technicians hired in 2022", "techs hired in 2022")
    assert_same_as(words_engine, "developers hired in 2022", "devs hired in 2022")
    assert_same_as(words_engine, "Database Administrator II hires in 2021", "DBA II hires in 2021")


def test_managers_as_job_titles_count_the_family(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many managers of any kind were hired in 2021")
    assert not answer.refused, answer.explanation
    assert "General Manager" in (answer.reading or "")
    assert_same_as(
        words_engine, "managers hired in 2021", "how many people were hired as managers in 2021"
    )
    assert_same_as(
        words_engine, "Sales managers hired in 2021", "how many managers did Sales hire in 2021"
    )


@pytest.mark.parametrize(
    "question",
    [
        "who manages Sales",
        "how many hires per manager in 2021",
        "how many hires report to a manager",
        "which manager hired the most in 2021",
        "how many managers does Sales have",
        "hires by each manager's team in 2021",
    ],
)
def test_managers_as_people_who_manage_stay_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    assert words_engine.answer(question).refused, question


def test_a_level_counts_every_title_of_it_and_beside_a_family_narrows_it(
    words_engine: OfflineEngine,
) -> None:
    every = words_engine.answer("level III hires in 2021, any title")
    assert "level III" in (every.reading or "") and not every.refused
    assert_same_as(words_engine, "level III hires in 2021", "level 3 hires in 2021")
    narrowed = words_engine.answer("level III accountants hired in 2022")
    assert "(Accountant III or Staff Accountant III)" in (narrowed.reading or "")
    assert_same_as(
        words_engine, "level III accountants hired in 2022", "accountants at level III in 2022"
    )


def test_a_family_keeps_its_grouping(words_engine: OfflineEngine) -> None:
    """'accountants by department' once lost 'by department' and answered one total."""
    answer = words_engine.answer("accountants by department in 2021")
    assert "per department" in (answer.reading or "")
    assert len(answer.rows) > 1
    assert_same_as(words_engine, answer.question, "accountants hired by each department in 2021")


def test_a_total_across_all_departments_is_one_number(words_engine: OfflineEngine) -> None:
    total = words_engine.answer("total hires across all departments in 2021")
    assert len(total.rows) == 1 and total.rows == words_engine.answer("hires in 2021").rows
    grouped = words_engine.answer("hires across all departments in 2021")
    assert "per department" in (grouped.reading or "")


def test_a_job_cue_after_a_department_is_read_whole(words_engine: OfflineEngine) -> None:
    """'Engineering roles' once left an 's' behind ('role' read, 'roles' not)."""
    assert_same_as(
        words_engine, "Engineering hires 2021", "how many Engineering roles were filled in 2021"
    )


def test_departments_missing_hires_is_not_hires_missing_a_department(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which departments are missing hires in 2022")
    assert answer.refused or "without a department" not in (answer.reading or "")


@pytest.fixture(scope="module")
def twin_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OfflineEngine]:
    """Two departments named Support (ids 2 and 3) beside Sales (1)."""
    warehouse = DuckDBWarehouse(Path(tmp_path_factory.mktemp("twins")) / "t.duckdb")
    warehouse.insert_new(
        Table.DEPARTMENTS,
        [Department(1, "Sales"), Department(2, "Support"), Department(3, "Support")],
    )
    warehouse.insert_new(Table.JOBS, [Job(1, "Recruiter")])
    plan = [(1, 1), (2, 2), (3, 2), (4, 3), (5, 1)]  # (id, department)
    warehouse.insert_new(
        Table.HIRED_EMPLOYEES,
        [Employee(i, f"P {i}", datetime(2021, 3, i, tzinfo=UTC), d, 1) for i, d in plan],
    )
    yield OfflineEngine(warehouse, 1000)
    warehouse.close()


def test_a_shared_name_counts_both_and_says_which_ids(twin_engine: OfflineEngine) -> None:
    answer = twin_engine.answer("Support hires in 2021")
    assert answer.rows == [[3]]
    assert (answer.reading or "").startswith(
        "2 departments are named Support (ids 2 and 3): both are counted."
    )
    both = twin_engine.answer("hires in both Support teams in 2021")
    assert both.rows == [[3]] and not both.refused
    left_out = twin_engine.answer("hires in 2021 not in Support")
    assert left_out.rows == [[2]]
    assert "(ids 2 and 3): both are left out." in (left_out.reading or "")


@pytest.mark.parametrize(
    ("question", "hires"),
    [
        ("hires in Support (id 3) in 2021", 1),
        ("hires in the second Support team (id 3) in 2021", 1),
        ("hires in department 3 in 2021", 1),
        ("Support id 2 hires in 2021", 2),
        ("hires in Support (id 3) and Sales in 2021", 3),
    ],
)
def test_an_id_after_a_shared_name_picks_that_department(
    twin_engine: OfflineEngine, question: str, hires: int
) -> None:
    answer = twin_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == [[hires]], question
    assert "(only id" in (answer.reading or "") or "(ids" in (answer.reading or "")


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("hires in the second Support team in 2021", "(ids 2 and 3): say which"),
        ("hires in department 9 in 2021", "No department has id 9."),
        ("Sales (id 3) hires in 2021", "No department named Sales has id 3"),
        ("hires in both Sales teams in 2021", '"both"'),
        ("hires in 2021 not in Support (id 3)", "Leaving out one of two departments"),
    ],
)
def test_a_shared_name_never_silently_picks_one(
    twin_engine: OfflineEngine, question: str, said: str
) -> None:
    answer = twin_engine.answer(question)
    assert answer.refused and said in answer.explanation, answer.explanation


def test_a_grouping_by_department_says_a_shared_name_is_two_rows(
    twin_engine: OfflineEngine,
) -> None:
    answer = twin_engine.answer("hires by department in 2021")
    assert sorted(map(tuple, answer.rows)) == [("Sales", 2), ("Support", 1), ("Support", 2)]
    assert "each is its own row" in (answer.reading or "")


def test_each_department_of_a_shared_name_is_its_own_row(twin_engine: OfflineEngine) -> None:
    for question in ("hires in each Support team in 2021", "Support teams separately, 2021"):
        answer = twin_engine.answer(question)
        assert sorted(map(tuple, answer.rows)) == [("Support", 1), ("Support", 2)], question


def test_the_levels_of_a_title_are_that_title_at_each_level(words_engine: OfflineEngine) -> None:
    """'the levels of Accountant': Accountant I to IV, not Staff or Tax Accountant."""
    answer = words_engine.answer("the levels of Accountant hired in 2021")
    assert "(Accountant I, Accountant II, Accountant III or Accountant IV)" in (
        answer.reading or ""
    )
    assert {row[0] for row in answer.rows} <= {f"Accountant {n}" for n in ("I", "II", "III", "IV")}


def test_a_full_year_without_a_year_is_never_every_hire(words_engine: OfflineEngine) -> None:
    assert words_engine.answer("hires in the full year").refused


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("Morning! hires in Legal in 2022?", "Legal hires in 2022"),
        ("Good afternoon - how many hires in Q1 2021", "hires in Q1 2021"),
        ("hope you're doing well. hires by department in 2021", "hires by department in 2021"),
        ("hires in 2022 pls. Many thanks, Priya", "hires in 2022"),
        ("Sales hires per month in 2021\nKind regards,\nTom Baker", "Sales hires by month in 2021"),
        (
            "hires in 2021 for the year-end review, one row per team is perfect",
            "hires by team in 2021",
        ),
        ("hw many hires in 2020", "hires in 2020"),
        ("how many people did we end up hiring in 2021", "hires in 2021"),
        ("hires with no job on their record", "hires without a job"),
        ("Legal hires over the summer of 2021", "Legal hires from June to August 2021"),
        ("hires over Q3 2022", "hires in Q3 2022"),
        ("hires throughout March 2022", "hires in March 2022"),
        ("hires during the winter months of 2021", "hires from December 2021 to February 2022"),
        ("titles hired in Q1 2022", "which titles were hired in Q1 2022"),
        ("no of people hired in Legal in 2022", "Legal hires in 2022"),
        ("for the Q3 update - how many hires in Q3 2022? thanks so much", "hires in Q3 2022"),
        ("could you please provide the hires per team in 2021?", "hires by team in 2021"),
        ("tell me abt hires in 2020", "hires in 2020"),
        ("Legal as a share of all 2021 hires", "what share of 2021 hires were in Legal"),
        ("whens the first hire of 2021", "the first hire of 2021"),
        ("when was our most recent hire in Legal", "the most recent hire in Legal"),
        ("can you find out how many people joined Legal in 2022", "Legal hires in 2022"),
        ("any hires in Legal in Q1 2022?", "how many Legal hires in Q1 2022"),
        ("were any engineers hired in 2021", "how many engineers were hired in 2021"),
        ("any VPs hired in 2022?", "how many VP hires in 2022"),
        ("split Sales vs Legal in 2021", "Sales vs Legal in 2021"),
        ("everyone but Sales in 2021, how many", "hires in 2021 excluding Sales"),
        ("lemme know how many hires in 2021", "hires in 2021"),
        ("I'd appreciate a count of 2022 joiners in Sales", "Sales hires in 2022"),
        ("Legal hires that sit above level II", "Legal hires above level II"),
        (
            "2021: team by role with hires in each quarter",
            "hires per quarter in 2021 by department and job",
        ),
        ("roles we filled in March 2022, with counts", "which roles were hired in March 2022"),
    ],
)
def test_a_letters_framing_and_slips_read_as_the_plain_question(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


def test_what_looks_like_framing_but_asks_something_stays_read(words_engine: OfflineEngine) -> None:
    # A time of day is nothing the engine reads: refused, not read as every 2021 hire.
    assert words_engine.answer("hires in the morning in 2021").refused
    # 'Best' that starts a question is its ranking, not a sign-off.
    assert_same_as(
        words_engine, "the month with the most hires in 2021", "Best month for hires in 2021"
    )
    # 'any' after a negation is not read past: the negation would be read as an exclusion.
    assert words_engine.answer("didn't we hire any engineers in 2022").refused
    # 'update' as a verb asks to change data: refused as such, unlike 'the Q3 update'.
    changed = words_engine.answer("update the Sales hires for 2021")
    assert changed.refused and "never changes data" in changed.explanation
    # 'over' before a number stays a threshold.
    assert_same_as(
        words_engine, "departments with more than 100 hires", "departments with over 100 hires"
    )
    # Groups with a hire in every quarter stay a condition; crossed, they are the grid.
    kept = words_engine.answer("roles with hires in each quarter of 2021")
    grid = words_engine.answer("team by role with hires in each quarter of 2021")
    assert len(kept.columns) == 2 and len(grid.columns) == 6
    # A 'signature' that is a department's name may be the question's: it is kept.
    assert_same_as(
        words_engine,
        "Sales hires by department in 2021",
        "hires per department in 2021, thanks. Sales",
    )
    # A sign-off's name inside the question is not at its end: the lookup keeps it.
    found = words_engine.answer("thanks - when was Person 0042 hired?")
    assert not found.refused and "Person 0042" in str(found.rows)


@pytest.mark.parametrize("question", ["hires in jan 22", "Sales hires jan-mar 22", "hires may 21?"])
def test_a_month_and_two_digits_with_no_year_is_asked_back_not_guessed(
    words_engine: OfflineEngine, question: str
) -> None:
    """'Jan 22' is the 22nd of January to some and January 2022 to others."""
    answer = words_engine.answer(question)
    assert answer.refused
    assert " or " in answer.explanation and "write the year in full" in answer.explanation


def test_a_month_and_two_digits_beside_a_year_is_a_day(words_engine: OfflineEngine) -> None:
    assert_same_as(words_engine, "hires on 22 January 2021", "hires on jan 22 2021")
    assert_same_as(words_engine, "hires in November 2021", "hires in Nov-21")


def test_from_a_day_on_is_every_hire_since_that_day(words_engine: OfflineEngine) -> None:
    """'from 20 December 2022 on' was read as that one day (a wrong answer)."""
    assert_same_as(
        words_engine, "who joined since 1 December 2022", "who joined from 1 December 2022 on"
    )
    assert_same_as(
        words_engine,
        "hires since 1 March 2022 excluding Legal",
        "hires from 1 March 2022 on, other than in Legal",
    )
