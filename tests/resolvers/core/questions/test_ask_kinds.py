"""Issue 20's kinds asked in words: right, or refused; never an easier question.

Traps of our own on the compiler tests' small data (Sales, Legal and Ops; three
levels of Database Administrator and a Recruiter): negations inside lookups, a
family with a part left out, a difference with a filter on one side only.
"""

from __future__ import annotations

import pytest

from resolvers.core.questions.offline import OfflineEngine


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("How many people named John were not in Sales?", [[0]], "“John”"),
        ("How many people named John were hired in Legal or Sales?", [[2]], "“John”"),
        ("When was John Smith hired?", None, "“John Smith”"),
        ("How many administrators joined, excluding Database Administrator II?", [[3]],
         "Database Administrator I or Database Administrator III"),
        ("How many database administrators did we hire in 2021?", [[4]], "administrators ("),
        ("How many more people did Sales hire in 2021 than Legal did overall?", [[4, 3, 1]],
         "in Sales in 2021 minus those in Legal,"),
        ("How many more people did Sales hire in 2021 than Legal did in 2022?", [[4, 1, 3]],
         "minus those in Legal in 2022"),
        ("How many more people did Sales hire than Legal in 2021?", [[4, 2, 2]], "Hires in 2021"),
        ("How many fewer people did Legal hire than Sales in 2021?", [[4, 2, 2]],
         "in Sales minus those in Legal"),
        ("Which departments hired fewer people than Sales in 2021?", [["Legal", 2], ["Ops", 0]],
         "fewer than Sales's hires"),
        ("Which departments hired nobody in 2021?", [["Ops", 0]], "exactly 0"),
        ("How many departments hired at least 2 people in 2021?", [[2]], "The number of"),
    ],
)  # fmt: skip
def test_each_kind_is_answered_and_says_what_it_answered(
    small_engine: OfflineEngine, question: str, expected: list[list[object]] | None, said: str
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    if expected is not None:
        assert answer.rows == expected
    assert said in (answer.reading or ""), answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "Did Sales hire more than Legal in 2021?",  # yes or no: not answered with numbers
        "What is the difference between Sales in 2021 and Legal in 2022?",  # whose dates?
        "the top jobs in each department",  # how many in each?
        "top 2 departments by hires, alphabetically",  # two orders at once
        "Which departments hired more than the administrators?",  # a family is no one group
    ],
)
def test_what_a_kind_cannot_hold_is_refused(small_engine: OfflineEngine, question: str) -> None:
    answer = small_engine.answer(question)
    assert answer.refused, (answer.reading, answer.rows)
    assert answer.sql is None


def test_a_job_title_or_department_is_never_read_as_a_persons_name(
    small_engine: OfflineEngine,
) -> None:
    for question in ("What department is Recruiter in?", "What is the Legal team's job?"):
        answer = small_engine.answer(question)
        assert "named" not in (answer.reading or "") and "named" not in answer.explanation


def test_a_person_not_on_record_is_an_empty_answer_that_says_so(
    small_engine: OfflineEngine,
) -> None:
    answer = small_engine.answer("What job does Zed Quinn have?")
    assert not answer.refused and answer.rows == [] and answer.sql
    assert "No employee named “Zed Quinn” is on record." in answer.explanation
    assert small_engine.answer("How many people named Zed Quinn were hired?").rows == [[0]]


@pytest.mark.parametrize(
    ("question", "names", "dated"),
    [
        ("Which Legal people came in during May 2021, and when exactly?", ["Bea Ruiz"], True),
        ("which of the Sales hires joined in March 2021 and on which day?", ["john doe"], True),
        ("Which Sales hires started in February 2021, and on what date?", ["Johnny Cash"], True),
        ("Which Sales hires joined in March 2021?", ["john doe"], False),
    ],
)
def test_which_hires_is_the_list_of_them_never_their_count(
    small_engine: OfflineEngine, question: str, names: list[str], dated: bool
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert [row[answer.columns.index("name")] for row in answer.rows] == names
    assert ("hire_date" in answer.columns) is dated, answer.columns


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("which Sales employee joined in March 2021", ["john doe"]),
        (
            "which hire did Sales make in 2021",
            ["John Smith", "Johnny Cash", "john doe", "Ana Lima"],
        ),
    ],
)
def test_a_singular_which_hire_is_the_list_of_them_never_their_count(
    small_engine: OfflineEngine, question: str, names: list[str]
) -> None:
    """Issue 20: one word in the singular does not make the answer one person, nor a count."""
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert [row[answer.columns.index("name")] for row in answer.rows] == names


def test_which_ones_without_a_noun_is_still_refused(small_engine: OfflineEngine) -> None:
    answer = small_engine.answer("which ones did Sales hire in May 2021")
    assert answer.refused and answer.sql is None, answer.reading


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many departments hired anyone in 2021?", [[2]]),
        ("how many jobs had anybody hired in 2022", [[1]]),
        ("how many teams took on someone in 2021", [[2]]),
        ("number of departments that hired at least one person in 2022", [[1]]),
    ],
)
def test_anyone_after_how_many_groups_counts_the_groups(
    small_engine: OfflineEngine, question: str, expected: list[list[int]]
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == expected, (answer.reading, answer.rows)


@pytest.mark.parametrize(
    "question", ["can you look up Person 0042 for me", "Person 0042 - hire date?"]
)
def test_a_person_is_looked_up_in_chat_words(words_engine: OfflineEngine, question: str) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert [row[answer.columns.index("name")] for row in answer.rows] == ["Person 0042"]


@pytest.mark.parametrize(
    "question",
    [
        "depts that beat the average dept on hiring in 2021 - id, name, hires",
        "which teams outhired the average team in 2021? id, name, count pls",
    ],
)
def test_the_above_the_mean_report_in_chat_words(
    small_engine: OfflineEngine, question: str
) -> None:
    answer = small_engine.answer(question)
    assert "departmentsAboveMean" in (answer.reading or ""), answer.explanation
    assert answer.rows == [[1, "Sales", 4, 3.0]], answer.rows  # the mean of 4 and 2 beside


def test_on_file_changes_nothing_like_on_record(small_engine: OfflineEngine) -> None:
    answer = small_engine.answer("the oldest 3 hires we have on file")
    assert [row[answer.columns.index("name")] for row in answer.rows] == [
        "John Smith",
        "Johnny Cash",
        "john doe",
    ], answer.explanation


def test_groupings_said_last_after_a_comma_group(small_engine: OfflineEngine) -> None:
    answer = small_engine.answer("hires per quarter 2021, dept + job")
    assert "hiresByQuarter" in (answer.reading or ""), answer.explanation


def test_newest_first_lists_the_hires_and_is_never_dropped_from_a_count(
    small_engine: OfflineEngine,
) -> None:
    listed = small_engine.answer("Sales hires in 2021, newest first")
    assert [row[listed.columns.index("name")] for row in listed.rows] == [
        "Ana Lima",
        "john doe",
        "Johnny Cash",
        "John Smith",
    ], listed.explanation
    counted = small_engine.answer("how many Sales hires in 2021, newest first")
    assert counted.refused and counted.sql is None, counted.reading


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # an order said after a ranking is kept ('smallest first' was read most first)
        ("rank the departments by 2021 hires, fewest first", [["Ops", 0], ["Legal", 2],
                                                              ["Sales", 4]]),
        ("departments ranked by hires in 2021", [["Sales", 4], ["Legal", 2]]),
        ("job titles containing Administrator, Z to A", [[3, "Database Administrator III"],
                                                          [2, "Database Administrator II"],
                                                          [1, "Database Administrator I"]]),
        # 'has' is a verb here: the titles Sales hired for, not titles holding 'Sales'
        ("what job titles has Sales ever hired for?", [["Database Administrator I", 2],
                                                       ["Database Administrator II", 1],
                                                       ["Recruiter", 1]]),
        ("names starting with Jo", [["John Smith"], ["Johnny Cash"], ["john doe"]]),
        ("the 2 most recent Sales hires - names", [["Ana Lima"], ["john doe"]]),
        ("how long would a list of everyone hired in 2021 be", [[6]]),
        ("top 2 jobs of all time", [["Recruiter", 3], ["Database Administrator I", 2]]),
        ("rank the months of 2021 by hires, fewest first", [[1, 1], [2, 1], [3, 1], [4, 1],
                                                            [5, 1], [6, 1]]),
        ("how many different job titles has Sales hired for", [[3]]),
        # 'by 2021 hiring' is hires in 2021 (it was read as hires up to 31 Dec 2021)
        ("biggest departments by 2021 hiring", [["Sales", 4], ["Legal", 2]]),
        ("names of Sales hires in 2021 sorted by name Z-A", [["john doe"], ["Johnny Cash"],
                                                             ["John Smith"], ["Ana Lima"]]),
        # 'descending' after 'alphabetically' is Z to A (it was read as most hires first)
        ("departments sorted alphabetically descending", [[1, "Sales"], [3, "Ops"],
                                                          [2, "Legal"]]),
        ("which distinct job titles did Legal hire for", [["Database Administrator III", 1],
                                                          ["Recruiter", 2]]),
    ],
)  # fmt: skip
def test_lists_keep_the_order_and_size_asked(
    small_engine: OfflineEngine, question: str, expected: list[list[object]]
) -> None:
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == expected, (answer.reading, answer.rows)


def test_a_ranking_and_an_order_that_disagree_are_refused(small_engine: OfflineEngine) -> None:
    answer = small_engine.answer("the top 2 departments in 2021, fewest first")
    assert answer.refused and answer.sql is None, answer.reading


@pytest.mark.parametrize(
    ("question", "expected", "said"),
    [
        ("Growth in Legal hires from 2021 to 2022?", [[2, 1, -1]], "in 2022 minus hires in 2021"),
        ("Change in Sales hires from 2021 to 2022?", [[4, 0, -4]], "in 2022 minus hires in 2021"),
        ("What was the growth in Legal hires between 2022 and 2021?", [[2, 1, -1]], "minus"),
        ("Legal hiring growth, 2021 to 2022", [[2, 1, -1]], "in 2022 minus hires in 2021"),
        ("Drop in Legal hires from 2021 to 2022?", [[2, 1, 1]], "(the drop)"),
        ("Decline in Legal hires from 2021 to 2022?", [[2, 1, 1]], "(the drop)"),
        ("Percent growth in Legal hires from 2021 to 2022?", [[2, 1, -1, -50.0]], "percent"),
        ("growth in hires per department from 2021 to 2022",
         [["Legal", 2, 1, -1], ["Sales", 4, 0, -4]], "the change (in 2022 minus in 2021)"),
        ("How did Legal hiring change from 2021 to 2022?", [[2021, 2], [2022, 1]], "side by side"),
        ("Legal hires 2021 vs 2022", [[2021, 2], [2022, 1]], "side by side"),
    ],
)  # fmt: skip
def test_a_change_named_as_a_noun_is_answered_with_the_change(
    small_engine: OfflineEngine, question: str, expected: list[list[object]], said: str
) -> None:
    """'Growth in X from A to B' asks for B - A (a drop, A - B), not the two counts alone;
    a question with no change word keeps the two periods side by side."""
    answer = small_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert sorted(answer.rows) == sorted(expected)
    assert said in (answer.reading or ""), answer.reading
