"""Spelling correction of ordinary words, and names that never match inside ordinary words."""

from __future__ import annotations

import pytest

from resolvers.core.questions import matching, patterns
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.reword import correction, reword

CATALOG = Catalog(departments=("Accounting", "Engineering", "Sales"), jobs=("Recruiter",))
SWAPS = Catalog(departments=("Legal", "Sales", "Support"), jobs=("Recruiter",))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("wich", "which"), ("novmber", "november"), ("poeple", "people"), ("hirse", "hires")],
)
def test_typos_of_ordinary_words_are_corrected(typed: str, meant: str) -> None:
    assert correction(typed) == meant


@pytest.mark.parametrize("word", ["counting", "pull", "slide", "deck", "sails", "nobody"])
def test_english_words_are_never_corrected(word: str) -> None:
    assert correction(word) is None


def test_a_word_is_never_corrected_into_a_far_meaning_word() -> None:
    assert correction("bewteen") == "between"  # two letters swapped: one slip
    assert correction("xcept") is None  # another first letter: not sure


def test_not_counting_a_department_is_never_read_as_accounting() -> None:
    found = matching.find(["not", "counting", "sales"], CATALOG, patterns.RESERVED)
    assert found.of("department") == ("Sales",)


def test_not_counting_excludes_and_never_means_accounting(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many hires in 2021 not counting Sales")
    assert answer.reading is not None
    assert "Accounting" not in answer.reading and "not in Sales" in answer.reading
    plain = words_engine.answer("how many hires in 2021 excluding Sales")
    assert answer.rows == plain.rows


def test_a_misspelt_name_is_still_matched_and_said(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("How many people joined Enginering in 2022?")
    assert (answer.reading or "").startswith("Reading 'Enginering' as Engineering.")


def test_the_reading_names_each_correction(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many poeple were hired in novmber 2021")
    reading = answer.reading or ""
    assert "Reading 'poeple' as people." in reading
    assert "Reading 'novmber' as November." in reading
    plain = words_engine.answer("how many people were hired in November 2021")
    assert answer.rows == plain.rows


def test_a_capitalised_name_inside_a_sentence_is_never_corrected(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("how many hires named Hirse in 2021")
    assert "Reading" not in (answer.reading or answer.explanation)


@pytest.mark.parametrize("name", ["braden", "thom", "olly", "forst", "peyton", "marney", "wyre"])
def test_names_a_letter_or_two_from_a_word_are_not_slips(name: str) -> None:
    """People's names ('Thom', 'Braden') are not typos of 'them' or 'broken'."""
    assert correction(name) is None


def test_a_full_name_opening_a_question_is_never_corrected() -> None:
    assert reword("Thom Braden, wich department?", CATALOG).corrected == {"wich": "which"}
    assert reword("Wich department hired Thom Braden", CATALOG).corrected == {"wich": "which"}


def test_a_capitalised_word_inside_a_sentence_is_left_as_written(
    words_engine: OfflineEngine,
) -> None:
    """A capitalised word inside a sentence may be a name: it is never guessed at, unless
    it is a slip of a month written beside a year or a day (a date, not a name)."""
    capitalised = words_engine.answer("hires in Febuary")
    assert capitalised.refused and '"febuary"' in capitalised.explanation
    assert "You could ask: " in capitalised.explanation
    lower = words_engine.answer("hires in febuary 2022")
    assert (lower.reading or "").startswith("Reading 'febuary' as February.")


@pytest.mark.parametrize(
    ("question", "month"),
    [
        ("hires in Febuary 2022", "February"),
        ("how many joined in Novemebr 2021?", "November"),
        ("Feburary 2022 hires", "February"),
        ("anyone start on 3 Agust 2021", "August"),
        ("joiners Septmber 2021 pls", "September"),
    ],
)
def test_a_capitalised_slip_of_a_month_beside_a_date_is_the_month(
    words_engine: OfflineEngine, question: str, month: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert f"as {month}." in (answer.reading or "")


def test_a_short_capitalised_word_beside_a_year_stays_a_name() -> None:
    """'Marc 2021' may be a person: a month is corrected from five letters on."""
    assert reword("did Marc join in 2021", CATALOG).corrected == {}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("novmebr", "november"),
        ("feburrary", "february"),
        ("setpembber", "september"),
        ("ocotbr", "october"),
        ("decmebr", "december"),
        ("januray", "january"),
    ],
)
def test_a_swap_beside_a_dropped_or_doubled_letter_is_read(typed: str, meant: str) -> None:
    """Two slips at once in a long word (two letters swapped, one left out or doubled)."""
    assert correction(typed) == meant


@pytest.mark.parametrize("word", ["brodaen", "mraket", "sales"])
def test_two_slips_never_reach_a_word_of_another_shape(word: str) -> None:
    """Two edits that are not a swap beside a dropped or doubled letter are no typo."""
    assert correction(word) is None


@pytest.mark.parametrize(("typed", "meant"), [("saels", "Sales"), ("supprot", "Support")])
def test_two_letters_swapped_in_a_short_name_are_read_as_it(typed: str, meant: str) -> None:
    found = matching.find([typed, "hires"], SWAPS, patterns.RESERVED)
    assert found.of("department") == (meant,)


def test_a_swap_never_reads_an_english_word_or_a_tie_as_a_name() -> None:
    tie = Catalog(departments=("Legal", "Lgela"), jobs=())  # 'lgeal' is a swap from both
    assert not matching.find(["lgeal"], tie, patterns.RESERVED).entities
    assert not matching.find(["seals"], SWAPS, patterns.RESERVED).entities


def test_a_misspelt_name_with_and_inside_is_read_and_said(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("Reserach and Development hires in 2021")
    assert (answer.reading or "").startswith(
        "Reading 'Reserach and Development' as Research and Development."
    )
