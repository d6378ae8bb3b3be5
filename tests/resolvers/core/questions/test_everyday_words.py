"""Everyday words of issue 20 (askwords): chat closers, short forms, families and levels,
and missing values, each read as meant and said back, or refused."""

from __future__ import annotations

import pytest

from resolvers.core.questions.offline import OfflineEngine


def same(engine: OfflineEngine, question: str, plain: str) -> None:
    answer = engine.answer(question)
    assert not answer.refused, (question, answer.explanation)
    assert answer.rows == engine.answer(plain).rows, question


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
    ],
)
def test_chat_and_short_forms_read_as_the_plain_question(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    same(words_engine, question, plain)


def test_a_short_family_word_is_read_and_said_with_its_titles(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("how many DBAs were hired in 2021")
    reading = answer.reading or ""
    assert reading.startswith("Reading 'DBAs' as database administrators.")
    assert "Database Administrator I," in reading and "Database Administrator IV" in reading
    same(words_engine, "sysadmins hired in 2021", "systems administrators hired in 2021")
    same(words_engine, "techs hired in 2022", "technicians hired in 2022")
    same(words_engine, "devs hired in 2022", "developers hired in 2022")
    same(words_engine, "DBA II hires in 2021", "Database Administrator II hires in 2021")


def test_managers_as_job_titles_count_the_family(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many managers of any kind were hired in 2021")
    assert not answer.refused, answer.explanation
    assert "General Manager" in (answer.reading or "")
    same(words_engine, "how many people were hired as managers in 2021", "managers hired in 2021")


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
    same(words_engine, "level 3 hires in 2021", "level III hires in 2021")
    narrowed = words_engine.answer("level III accountants hired in 2022")
    assert "(Accountant III or Staff Accountant III)" in (narrowed.reading or "")
    same(words_engine, "accountants at level III in 2022", "level III accountants hired in 2022")


def test_a_family_keeps_its_grouping(words_engine: OfflineEngine) -> None:
    """'accountants by department' once lost 'by department' and answered one total."""
    answer = words_engine.answer("accountants by department in 2021")
    assert "per department" in (answer.reading or "")
    assert len(answer.rows) > 1
    same(words_engine, "accountants hired by each department in 2021", answer.question)


def test_a_total_across_all_departments_is_one_number(words_engine: OfflineEngine) -> None:
    total = words_engine.answer("total hires across all departments in 2021")
    assert len(total.rows) == 1 and total.rows == words_engine.answer("hires in 2021").rows
    grouped = words_engine.answer("hires across all departments in 2021")
    assert "per department" in (grouped.reading or "")


def test_a_job_cue_after_a_department_is_read_whole(words_engine: OfflineEngine) -> None:
    """'Engineering roles' once left an 's' behind ('role' read, 'roles' not)."""
    same(words_engine, "how many Engineering roles were filled in 2021", "Engineering hires 2021")


def test_departments_missing_hires_is_not_hires_missing_a_department(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which departments are missing hires in 2022")
    assert answer.refused or "without a department" not in (answer.reading or "")
