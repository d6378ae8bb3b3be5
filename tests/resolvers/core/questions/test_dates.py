"""Days, ranges, named days, seasons and periods named without a year."""

from __future__ import annotations

from datetime import date

import pytest

from resolvers.core.questions import dates, lexicon
from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.words import Words

LAST_HIRE = date(2022, 5, 20)


def _same(engine: OfflineEngine, question: str, plain: str) -> str:
    answer = engine.answer(question)
    assert not answer.refused, answer.explanation
    assert answer.rows == engine.answer(plain).rows
    return answer.reading or ""


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("hires from April 12 to July 9, 2021", "hires between 2021-04-12 and 2021-07-09"),
        ("hires from December 20 to January 10, 2022", "hires between 2021-12-20 and 2022-01-10"),
        ("hires on New Year's Day 2022", "hires on 2022-01-01"),
        ("hires on Christmas 2021", "hires on 2021-12-25"),
        ("hires on March 3rd 2021", "hires on 2021-03-03"),
        ("hires in spring 2021", "hires between 2021-03-01 and 2021-05-31"),
        ("hires in spring, March through May 2021", "hires between 2021-03-01 and 2021-05-31"),
        ("hires in the fall of 2021", "hires between 2021-09-01 and 2021-11-30"),
        ("hires in winter 2021", "hires between 2021-12-01 and 2022-02-28"),
        ("hires March until May 2021", "hires between 2021-03-01 and 2021-05-31"),
        ("hires in feb 2022", "hires in February 2022"),
    ],
)
def test_days_ranges_and_seasons(words_engine: OfflineEngine, question: str, plain: str) -> None:
    _same(words_engine, question, plain)


def test_a_year_written_once_is_never_refused_as_dates_that_never_overlap(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("hires from April 12 to July 9, 2021")
    assert answer.reading == "Hires from 12 Apr to 9 Jul 2021, counted."


def test_a_period_without_a_year_is_read_by_the_stated_rule(words_engine: OfflineEngine) -> None:
    reading = _same(words_engine, "how many people did we hire in Q2?", "hires in Q2 2022")
    assert reading.startswith("No year given for 'Q2': read in 2022, the latest year")


def test_the_rule_takes_the_latest_year_the_period_had_begun() -> None:
    assert dates.fill_year("hires in q2", LAST_HIRE) == (
        "hires in q2 2022",
        "No year given for 'Q2': read in 2022, the latest year in which it had begun by the "
        "last hire on record (2022-05-20).",
    )
    filled = dates.fill_year("hires in september", LAST_HIRE)
    assert filled is not None and filled[0] == "hires in september 2021"


def test_the_rule_leaves_a_question_with_a_year_or_an_ordinal_quarter_alone() -> None:
    assert dates.fill_year("hires in march 2021 and april", LAST_HIRE) is None
    assert dates.fill_year("the second quarter with the most hires", LAST_HIRE) is None


def test_fall_alone_is_a_verb_not_a_season(words_engine: OfflineEngine) -> None:
    assert words_engine.answer("did hiring fall in 2022").refused


@pytest.mark.parametrize(
    ("written", "tidied"),
    [
        ("hires Jan-Jun 2022", "hires Jan to Jun 2022"),
        ("hires Q1\u2013Q3 2021", "hires Q1 to Q3 2021"),
        ("hires 2021-2022", "hires 2021 to 2022"),
        ("hires in Q1 '22", "hires in Q1 2022"),
        ("hires on 3/15/2021", "hires on 2021-03-15"),
        ("hires on 15/3/2021", "hires on 2021-03-15"),
        ("hires on 3/4/2021", "hires on 3/4/2021"),  # either day: left as written, refused
        ("hires on 2021-03-04", "hires on 2021-03-04"),
        ("hires on 2022/03/04", "hires on 2022-03-04"),
        ("hires in the summer of '21", "hires in the summer of 2021"),
        ("Q3 & Q4 of 2021", "Q3 and Q4 of 2021"),
        ("hires the week of 6-12 June 2022", "hires 6 June to 12 June 2022"),
        ("hires 3\u20139 May", "hires 3 May to 9 May"),
        ("hires June 6-12, 2022", "hires June 6 to June 12, 2022"),
        ("R&D hires", "R&D hires"),
        ("a well-known job", "a well-known job"),
    ],
)
def test_dates_written_with_signs_are_spelt_out(written: str, tidied: str) -> None:
    assert lexicon.tidy(written) == tidied


def test_a_dashed_month_range_is_a_range_not_two_dates_that_never_overlap(
    words_engine: OfflineEngine,
) -> None:
    _same(words_engine, "hires Jan-Jun 2022", "hires in the first half of 2022")
    assert words_engine.answer("hires on 3/4/2021").refused


def test_a_period_of_last_year_is_read_in_last_year_of_the_clock() -> None:
    assert dates.fill_year("hires in q4 of last year", LAST_HIRE, date(2023, 1, 1)) == (
        "hires in q4 of 2022",
        "'last year' read as 2022 (today is 2023-01-01).",
    )


def test_a_list_of_days_with_their_years_is_never_widened_to_the_year(
    words_engine: OfflineEngine,
) -> None:
    """Split at its commas, 'March 4, 2022 and March 5, 2022' read as all of 2022."""
    reading = _same(
        words_engine,
        "hires on March 4, 2022 and March 5, 2022",
        "hires between 2022-03-04 and 2022-03-05",
    )
    assert reading == "Hires from 4 Mar to 5 Mar 2022, counted."
    _same(words_engine, "hires in Q3 & Q4 of 2021", "hires in the second half of 2021")


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("how many hires April 12 \u2013 July 9, 2021", "hires between 2021-04-12 and 2021-07-09"),
        ("hires April 12-15, 2021", "hires between 2021-04-12 and 2021-04-15"),
        ("springtime hires 2021", "hires in spring 2021"),
        ("hires in the first quarter of the year 2022", "hires in Q1 2022"),
        ("hires in the final quarter of 2021", "hires in Q4 2021"),
        ("what about Q2 2022", "hires in Q2 2022"),
    ],
)
def test_more_ways_to_write_a_period(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    _same(words_engine, question, plain)


def test_last_summer_is_the_last_summer_over_by_today() -> None:
    filled = dates.fill_year("hires last summer", LAST_HIRE, date(2023, 1, 1))
    assert filled is not None and filled[0] == "hires summer 2022"
    winter = dates.fill_year("hires last winter", LAST_HIRE, date(2023, 1, 1))
    assert (
        winter is not None and winter[0] == "hires winter 2021"
    )  # Dec 2022 - Feb 2023 is not over


def test_two_periods_joined_by_compare_with_are_the_two_sides(
    words_engine: OfflineEngine,
) -> None:
    """'2021 compare with 2022' was read as both at once: 'Those dates never overlap'."""
    answer = words_engine.answer("how does 2021 compare with 2022 for Legal hiring")
    assert answer.reading == "Hires in Legal in 2021 and in 2022, side by side."


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("hires since the beginning of last year", "hires since 2022-01-01"),
        ("hires since last year", "hires since 2022-01-01"),  # from its start, not it alone
        ("hires before end of 2021", "hires until 2021-12-31"),
        ("hires after the end of Q1 2022", "hires since 2022-04-01"),
        ("hires in 2022 through end of Q3", "hires between 2022-01-01 and 2022-09-30"),
        ("hires up to and including March 2022", "hires until 2022-03-31"),
        ("hires during the entire year of 2021", "hires in 2021"),
        ("hires in the last full quarter", "hires in Q4 2022"),
    ],
)
def test_ends_and_starts_of_periods(words_engine: OfflineEngine, question: str, plain: str) -> None:
    _same(words_engine, question, plain)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("hires on the last day of 2021", "hires on 2021-12-31"),
        ("hires on the first day of 2022", "hires on 2022-01-01"),
        ("hires on the last day of February 2021", "hires on 2021-02-28"),
        ("hires on the first day of March 2022", "hires on 2022-03-01"),
        ("hires in the week of 6-12 June 2022", "hires between 2022-06-06 and 2022-06-12"),
        ("hires 28-31 December 2021", "hires between 2021-12-28 and 2021-12-31"),
        ("hires from the 3rd to the 9th of May 2022", "hires between 2022-05-03 and 2022-05-09"),
        ("hires between 3 and 9 May 2022", "hires between 2022-05-03 and 2022-05-09"),
        ("hires on the final day of 2021", "hires on 2021-12-31"),
        ("hires on the first of March 2022", "hires on 2022-03-01"),
    ],
)
def test_first_and_last_days_and_dashed_days_of_one_month(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    _same(words_engine, question, plain)


def test_the_rule_reads_an_ordinal_quarter_unless_the_question_ranks() -> None:
    filled = dates.fill_year("hires per month in the first quarter", LAST_HIRE)
    assert filled is not None and filled[0] == "hires per month in the first quarter 2022"
    assert dates.fill_year("which was the second quarter by most hires", LAST_HIRE) is None


@pytest.mark.parametrize(
    ("question", "months", "weekdays", "per_year"),
    [
        ("hires in any December", [12], [], False),
        ("Decembers across all years", [12], [], False),
        ("hires in March of any year", [3], [], False),
        ("hires each March", [3], [], True),
        ("hires in June of every year", [6], [], True),
        ("Q1 hires by year", [1, 2, 3], [], False),
        ("hires in the second half, per year", [7, 8, 9, 10, 11, 12], [], False),
        ("hires on a weekend in 2022", [], ["Saturday", "Sunday"], False),
        ("weekend hires", [], ["Saturday", "Sunday"], False),
        ("hires on weekdays", [], ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], False),
        ("hires on Mondays or Fridays", [], ["Monday", "Friday"], False),
        ("hires by weekday", [], [], False),  # a grouping, not a filter
        ("hires in Q1 2021 by year", [], [], False),  # a year said: Q1 of that year
        ("hires in December", [], [], False),  # one December: the year rule's
        ("hires in any given December", [12], [], False),
        ("hires on a Saturday in any year", [], ["Saturday"], False),
    ],
)
def test_a_month_of_any_year_and_days_of_the_week(
    question: str, months: list[int], weekdays: list[str], per_year: bool
) -> None:
    words = Words(lexicon.tokens(lexicon.normalise(question)))
    read = dates.read_recurring(words)
    assert (sorted(read[0]), sorted(read[1]), read[2]) == (
        sorted(months),
        sorted(weekdays),
        per_year,
    )


def test_a_quarter_without_a_year_counted_per_year_is_every_years_quarter(
    words_engine: OfflineEngine,
) -> None:
    """Read by the year rule it would be one row, 2022's: an open period never narrowed."""
    answer = words_engine.answer("Q1 hires by year")
    assert [row[0] for row in answer.rows] == [2020, 2021, 2022], answer.reading
    assert "of any year, counted per year" in (answer.reading or "")
