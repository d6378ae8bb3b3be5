"""The linguistic schema: one data file of words, shipped with the code, and read as meant."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from resolvers.core.questions import lexicon, reword
from resolvers.core.questions.offline import OfflineEngine
from tests.deploy.conftest import lambda_package
from tests.resolvers.core.questions.same_answer import assert_same_as

ROOT = Path(__file__).resolve().parents[4]


def test_the_schema_ships_as_package_data_and_in_the_lambda_zip() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    data = pyproject["tool"]["setuptools"]["package-data"]
    assert lexicon.SCHEMA_FILE in data["resolvers.core.questions"]
    shipped = {name for _, name in lambda_package._files(ROOT, ROOT / "resolvers")}
    assert f"resolvers/core/questions/{lexicon.SCHEMA_FILE}" in shipped


def test_no_word_that_carries_meaning_is_filler() -> None:
    assert not lexicon.FILLER & lexicon.MEANING
    for phrase in lexicon.SCHEMA["chat"]["phrases"]:
        assert not set(lexicon.phrase_tokens(phrase)) & lexicon.MEANING, phrase
    for word in ("not", "except", "between", "more", "fewer", "before", "since", "only"):
        assert word in lexicon.MEANING and word not in lexicon.FILLER


def test_each_rewrite_says_words_the_engine_reads() -> None:
    for meant in lexicon.REWRITES.values():
        for word in meant:
            assert word in reword.vocabulary() or re.fullmatch(r"q[1-4]", word), meant


def test_the_words_the_issue_names_are_understood(words_engine: OfflineEngine) -> None:
    counted = words_engine.answer("How many people were hired in 2022?").rows
    for question in (
        "how many staff did we hire in 2022",
        "how many folks came on board in 2022",
        "new joiners in 2022",
        "how many people were onboarded in 2022",
        "how many new starters did we take on in 2022",
        "Can I get the number of hires in 2022?",
        "Could you pull the hires for 2022?",
        "I need one number for a slide: hires in 2022",
        "hires in 2022, just the number, thanks",
        "hires in 2022 for the board deck",
    ):
        answer = words_engine.answer(question)
        assert not answer.refused, (question, answer.explanation)
        assert answer.rows == counted, question


def test_short_names_read_as_the_department_and_say_so(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many people did HR hire in 2021")
    assert "Reading 'HR' as Human Resources." in (answer.reading or "")
    full = words_engine.answer("how many people did Human Resources hire in 2021")
    assert answer.rows == full.rows
    rnd = words_engine.answer("R&D hires in 2022")
    assert "Research and Development" in (rnd.reading or "")


def test_may_i_is_politeness_not_the_month_of_may(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("May I get the number of hires in 2021?")
    assert answer.reading == "Hires in 2021, counted."


def test_a_polite_wrapper_never_swallows_a_meaning_word(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("Could you pull hires in 2022 except Sales?")
    assert "not in Sales" in (answer.reading or "")


def test_everyday_phrasings_read_as_the_plain_question(words_engine: OfflineEngine) -> None:
    pairs = [
        ("how many ppl did the Legal group bring in in 2021", "Legal hires in 2021"),
        ("hires per business unit in 2021", "hires by department in 2021"),
        ("hires in the month of June 2022", "hires in June 2022"),
        ("hires over the course of 2021", "hires in 2021"),
        ("hires during the first 3 months of 2022", "hires in Q1 2022"),
        ("hires in the back half of 2021", "hires in the second half of 2021"),
        ("hey team, how many came aboard in 2022?", "hires in 2022"),
        ("breakdown of hires by team for 2022", "hires by department in 2022"),
        ("hire volume by dept for 2022", "hires by department in 2022"),
        ("how many new heads did Sales add in 2022", "Sales hires in 2022"),
        ("how many new team members joined Legal in 2022", "Legal hires in 2022"),
        ("department-wise hires 2022", "hires by department in 2022"),
        ("hires per role type 2021", "hires by job in 2021"),
        ("no. of hires in 2022", "hires in 2022"),
        ("how many openings did we fill in 2022", "hires in 2022"),
        ("hwo many hires in teh Sales dept in 2021", "Sales hires in 2021"),
        ("hires by mo in 2021", "hires by month in 2021"),
        ("Just checking: how many hires in March 2022?", "hires in March 2022"),
        (
            "We're prepping the board pack. Hires by department for 2022 please.",
            "hires by department in 2022",
        ),
    ]
    for question, plain in pairs:
        assert_same_as(words_engine, plain, question)


def test_chat_around_a_meaning_word_still_leaves_it_to_be_read(
    words_engine: OfflineEngine,
) -> None:
    """'Sorry to bug you, but ...': 'but' is a meaning word, never chat, so it is named."""
    answer = words_engine.answer("Sorry to bug you, but how many folks did Legal hire in 2022?")
    assert answer.refused and '"but"' in answer.explanation
    assert answer.suggestions[0] == "How many people were hired in Legal in 2022?"
