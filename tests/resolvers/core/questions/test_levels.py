"""Levels as a question names them (levels.py), and what the engine answers with them."""

from __future__ import annotations

import pytest

from resolvers.core.questions import levels
from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions.same_answer import assert_same_as

KNOWN = ("I", "II", "III", "IV")


@pytest.mark.parametrize(
    ("words", "meant"),
    [
        ("level iii", ("III",)),
        ("level 3", ("III",)),
        ("levels iii and iv", ("III", "IV")),
        ("levels 1 , 2 and 4", ("I", "II", "IV")),
        ("levels i to iii", ("I", "II", "III")),
        ("above level ii", ("III", "IV")),
        ("higher than level 1", ("II", "III", "IV")),
        ("level 2 and above", ("II", "III", "IV")),
        ("at least level iii", ("III", "IV")),
        ("below level iii", ("I", "II")),
        ("level ii or below", ("I", "II")),
        ("up to level ii", ("I", "II")),
        ("the senior levels", ("III", "IV")),
        ("junior level", ("I", "II")),
        ("senior levels iii and iv", ("III", "IV")),
        ("grade iv", ("IV",)),
    ],
)
def test_each_way_of_naming_levels_names_those_levels(words: str, meant: tuple[str, ...]) -> None:
    (found,) = levels.find(words.split(), KNOWN)
    assert found.levels == meant
    assert (found.start, found.end) == (0, len(words.split()))


def test_a_bound_past_every_level_names_none() -> None:
    """'above level IV' names no title's level: left unread, so the question is refused."""
    assert levels.find(["above", "level", "iv"], KNOWN) == []


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("accountant hires at level III in 2021", "level III accountants hired in 2021"),
        ("accountants hired in 2021 at level III", "level III accountants hired in 2021"),
        ("software engineers hired above level II in 2021", "level III and IV software "
         "engineers hired in 2021"),
        ("how many level 2+ hires in 2022", "level 2 and above hires in 2022"),
        ("Software Engineer hires in 2021, all levels together", "software engineers in 2021"),
    ],
)  # fmt: skip
def test_a_level_narrows_the_family_named_beside_it(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    """A family and a level are one set of titles (both at once), never the two added up:
    'accountant hires at level III' once counted every accountant and every level III."""
    answer = assert_same_as(words_engine, plain, question)
    assert " or level" not in (answer.reading or "")


def test_a_level_joined_by_or_stays_its_own_set(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many accountants or level III staff were hired in 2021")
    level_iii = words_engine.answer("level III hires in 2021").rows[0][0]
    accountants = words_engine.answer("accountants hired in 2021").rows[0][0]
    assert max(level_iii, accountants) < answer.rows[0][0] <= level_iii + accountants


def test_excluding_a_level_leaves_its_titles_out_not_a_person(
    words_engine: OfflineEngine,
) -> None:
    """'excluding level IV' once read 'level IV' as a person's name to leave out."""
    answer = words_engine.answer("accountants excluding level IV in 2021")
    assert "not as level IV" in (answer.reading or "")
    assert "“level IV”" not in (answer.reading or "")
    every = words_engine.answer("accountants in 2021").rows[0][0]
    fourth = words_engine.answer("level IV accountants in 2021").rows[0][0]
    assert answer.rows == [[every - fourth]]


def test_by_level_over_every_title_has_a_row_per_level(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("hires by level in 2021")
    assert not answer.refused, answer.explanation
    assert [row[0] for row in answer.rows] == ["I", "II", "III", "IV"]
    assert "titles with a level" in (answer.reading or "")
    assert (
        sum(row[1] for row in answer.rows)
        == (words_engine.answer("level I to IV hires in 2021").rows[0][0])
    )


def test_the_stem_all_levels_is_that_title_only(words_engine: OfflineEngine) -> None:
    """'Accountant, all levels' is Accountant I to IV, not Staff or Cost Accountants."""
    answer = words_engine.answer("Accountant hires in 2022, all levels combined")
    assert "Staff Accountant" not in (answer.reading or "")
    assert "Accountant IV" in (answer.reading or "")
    plural = words_engine.answer("accountants (any level) in 2022")
    assert plural.rows[0][0] > answer.rows[0][0]


def test_every_level_of_a_family_is_a_row_per_level(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("Web Developer hires, every level, 2022")
    assert "per level" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    ["hires above level IV in 2021", "senior software engineers hired in 2021"],
)
def test_levels_that_name_no_titles_or_a_word_not_a_level_are_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    assert words_engine.answer(question).refused
