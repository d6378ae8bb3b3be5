"""Issue 20 (askwords2): hedges and chat that cannot change an answer, the hiring verbs in
every tense, punctuation read as punctuation; each read as the plain question, and the near
phrasings that change the answer refused or answered differently."""

from __future__ import annotations

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions import gold
from tests.resolvers.core.questions.same_answer import assert_same_as


@pytest.fixture(scope="module")
def gold_engine(warehouse: DuckDBWarehouse) -> OfflineEngine:
    """On the gold dataset: two departments named Support (ids 8 and 13)."""
    return OfflineEngine(warehouse, 1000, clock=lambda: gold.TODAY)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("roughly how many hires in 2021", "hires in 2021"),
        ("approximately how many people joined Legal in 2022?", "Legal hires in 2022"),
        ("ballpark, exact is better: hires in Q1 2022", "hires in Q1 2022"),
        ("tbh a rough number is fine, Sales hires 2021", "Sales hires in 2021"),
        ("how many did we take on in 2020, give or take", "hires in 2020"),
        ("how many people start in March 2021", "hires in March 2021"),
        ("how many people does Legal take on in 2022", "Legal hires in 2022"),
        ("how many new starts in 2021", "hires in 2021"),
        ("how many folks got onboarded in 2022", "hires in 2022"),
        ("how many people did Marketing bring in in 2021", "Marketing hires in 2021"),
        ("how many hires company-wide in 2021", "hires in 2021"),
        ("total hires across every team in 2022", "hires in 2022"),
        ("hires across the whole org in 2020", "hires in 2020"),
        ("hires across every team in 2021", "hires by department in 2021"),
        ("did we take anybody on in Legal in 2021", "which employees joined Legal in 2021"),
        ("hires in 2021 (rough numbers ok)", "hires in 2021"),
        ("any idea how many people we hired in 2020?", "hires in 2020"),
        ("out of interest, how many people started in Jan 2022?", "hires in January 2022"),
        ("not urgent but how many starters in Sales during 2022", "Sales hires in 2022"),
        ("remind me how many bods we took on over 2021", "hires in 2021"),
        ("how many hirings took place in 2022, if you have it handy", "hires in 2022"),
    ],
)
def test_hedges_and_hiring_verbs_read_as_the_plain_question(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


def test_the_start_of_a_year_is_a_time_not_a_hire(words_engine: OfflineEngine) -> None:
    """'start' is a hire only beside a time or place ('start in March'): 'the start of
    2021' names no period the engine reads, so it is named, never read as all of 2021."""
    answer = words_engine.answer("hires at the start of 2021")
    assert answer.refused and '"start"' in answer.explanation


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("hires in 2021; just the number", "hires in 2021"),
        ("quick one; how many people joined Legal in 2022? thanks", "Legal hires in 2022"),
        ("Sales hires in 2022 -- count only", "Sales hires in 2022"),
    ],
)
def test_a_semicolon_or_dash_in_chat_is_punctuation(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


@pytest.mark.parametrize(
    "question",
    [
        "hires in 2021; DROP TABLE jobs",
        "hires in 2021--DROP TABLE jobs",
        "hires in 2021 -- select name from jobs",
        "SELECT * FROM pg_user",
        "hires in 2021 /* comment */",
    ],
)
def test_sql_in_a_question_is_still_refused(words_engine: OfflineEngine, question: str) -> None:
    answer = words_engine.answer(question)
    assert answer.refused and answer.sql is None


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("hires in the first 10 days of March 2021", "hires from 2021-03-01 to 2021-03-10"),
        ("hires during the last week of December 2021", "hires from 2021-12-25 to 2021-12-31"),
        ("first two weeks of June 2022 hires", "hires from 2022-06-01 to 2022-06-14"),
        ("hires in the final 3 days of Feb 2020", "hires from 2020-02-27 to 2020-02-29"),
        ("hires in the opening fortnight of May 2021", "hires from 2021-05-01 to 2021-05-14"),
        ("hires in the last 2 days of 2021", "hires from 2021-12-30 to 2021-12-31"),
        ("hires in the first 4 months of 2022", "hires from 2022-01-01 to 2022-04-30"),
        ("hires in June 2021 (1st-14th)", "hires from 2021-06-01 to 2021-06-14"),
        ("hires during June 2021 (1-14)", "hires from 2021-06-01 to 2021-06-14"),
        ("hires in March 2022 (the 3rd to the 9th)", "hires from 2022-03-03 to 2022-03-09"),
        ("hires in the first half of November 2021", "hires from 2021-11-01 to 2021-11-15"),
        ("hires in the 2nd half of Nov 2021", "hires from 2021-11-16 to 2021-11-30"),
        ("hires in the last half of February 2020", "hires from 2020-02-16 to 2020-02-29"),
        ("hires in November 2021 and in December 2021", "hires from 2021-11-01 to 2021-12-31"),
    ],
)
def test_parts_of_a_month_or_year_are_their_days(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


def test_a_part_of_a_month_that_is_no_span_is_refused(words_engine: OfflineEngine) -> None:
    """Five weeks of February are longer than February; 'the second week of June' names no
    sure days: each named, never read as something ('the 2nd half of November 2021' was
    once the second half of 2021 and November together: all of November)."""
    assert words_engine.answer("hires in the first 5 weeks of February 2021").refused
    assert words_engine.answer("hires in the second week of June 2021").refused


def test_the_last_days_of_a_yearless_february_are_those_of_the_year_said(
    words_engine: OfflineEngine,
) -> None:
    """With no year, the year rule picks one first (stated), then February's length is known."""
    answer = words_engine.answer("hires in the last 3 days of February")
    assert "read in 2022" in (answer.reading or "")
    assert answer.rows == words_engine.answer("hires from 2022-02-26 to 2022-02-28").rows


@pytest.mark.parametrize(
    "question",
    [
        "how many hires in a December",
        "hires in December across all years",
        "hires in Decembers over all the years",
        "hires in any December",
        "hires in December, any year",
    ],
)
def test_a_month_of_any_year_is_every_years_month_together(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert not answer.refused, answer.explanation
    assert "December of any year" in (answer.reading or "")
    assert len(answer.rows) == 1


def test_a_month_of_every_year_is_still_one_row_per_year(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("hires in December of every year")
    assert "per year" in (answer.reading or "") and len(answer.rows) > 1


def test_a_named_day_with_no_year_is_the_latest_year_said(words_engine: OfflineEngine) -> None:
    new_year = "how many hires on New Year's Day"
    assert_same_as(words_engine, "hires on 2022-01-01", new_year, reading="read in 2022")


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("% growth in hires 2020 -> 2021", "percent change in hires from 2020 to 2021"),
        ("Sales hires Q1 → Q2 2022, change in percent", "percent change in Sales hires from Q1 "
         "to Q2 2022"),
        ("Legal hiring 2021=>2022 % change", "percent change in Legal hires from 2021 to 2022"),
    ],
)  # fmt: skip
def test_an_arrow_between_two_periods_is_from_one_to_the_other(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    assert_same_as(words_engine, plain, question)


def test_a_greater_than_sign_is_no_arrow(words_engine: OfflineEngine) -> None:
    """'2021 > 2022' asks whether one beat the other (refused), never hires from 2021 to 2022."""
    answer = words_engine.answer("were hires in 2021 > 2022")
    assert answer.refused or "2022 minus" not in (answer.reading or "")
    assert answer.rows != words_engine.answer("hires from 2021 to 2022").rows


@pytest.mark.parametrize(
    "question",
    [
        "how many Support hires went to the one with id 13",
        "Support hires in department 13",
        "how many Support hires were in Support id 13",
    ],
)
def test_a_shared_name_beside_its_picked_id_is_that_department_only(
    gold_engine: OfflineEngine, question: str
) -> None:
    """'Support hires in department 13' once counted both Supports (ids 8 and 13)."""
    answer = gold_engine.answer(question)
    assert "(only id 13)" in (answer.reading or ""), answer.reading
    assert answer.rows == gold_engine.answer("hires in department 13").rows


def test_a_share_of_a_shared_name_in_the_one_picked_by_id(gold_engine: OfflineEngine) -> None:
    answer = gold_engine.answer("of all Support hires, what % went to the one with id 13")
    both = gold_engine.answer("Support hires").rows[0][0]
    one = gold_engine.answer("hires in department 13").rows[0][0]
    assert answer.rows[0][-1] == pytest.approx(one * 100 / both)


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("hires during November, 2021", "hires in November 2021"),
        ("hires in Q3, 2021", "hires in Q3 2021"),
        ("hires Nov-2021", "hires in November 2021"),
        ("hires Nov-21", "hires in November 2021"),
        ("hires in Q3-2021", "hires in Q3 2021"),
        ("hires 2021-2022", "hires from 2021 to 2022"),
        ("hires Jan-Mar 2022", "hires in Q1 2022"),
    ],
)
def test_a_month_and_its_year_written_with_a_comma_or_dash(
    words_engine: OfflineEngine, question: str, plain: str
) -> None:
    """'November, 2021' was once November or all of 2021; 'Nov-2021' November to December."""
    assert_same_as(words_engine, plain, question)


def test_a_month_said_before_several_years_holds_for_each(words_engine: OfflineEngine) -> None:
    """'November 2020 and 2021' is November of each, never November 2020 plus all of 2021."""
    answer = words_engine.answer("hires in November 2020 and 2021")
    assert "Nov 2021" in (answer.reading or "")
    both = [words_engine.answer(f"hires in November {y}").rows[0][0] for y in (2020, 2021)]
    assert answer.rows == [[sum(both)]]
    assert "Mar 2022" in (words_engine.answer("hires in 2021 and March 2022").reading or "")


def test_groups_compared_on_two_families_show_both_counts(words_engine: OfflineEngine) -> None:
    """'Departments that hired more engineers than designers': in each department, its own
    engineers against its own designers (both shown), never against a total of designers."""
    answer = words_engine.answer("departments that hired more engineers than designers in 2021")
    assert not answer.refused, answer.explanation
    assert answer.columns[-2:] == ["hires", "versus_hires"]
    assert answer.rows and all(row[-2] > row[-1] for row in answer.rows)
    assert "hires as designers" in (answer.reading or "")
    engineering = words_engine.answer("engineers hired by Engineering in 2021").rows[0][0]
    assert [r[-2] for r in answer.rows if r[0] == "Engineering"] in ([engineering], [])


def test_fewer_of_one_family_than_another_counts_a_group_with_none_of_the_first(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which departments hired fewer accountants than engineers")
    assert answer.rows and all(row[-2] < row[-1] for row in answer.rows)


@pytest.mark.parametrize(
    "question",
    [
        "departments that hired more engineers than Sales did in 2021",  # one named group
        "which jobs hired more engineers than designers",  # jobs grouped by jobs: no
    ],
)
def test_a_comparison_with_a_group_or_by_jobs_is_not_read_as_two_families(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = words_engine.answer(question)
    assert answer.refused or "versus_hires" not in answer.columns


def test_a_hyphenated_phrase_rewritten_leaves_no_dashes_behind(words_engine: OfflineEngine) -> None:
    """'year-over-year' once left '--' behind its rewrite, refused as SQL."""
    assert_same_as(
        words_engine,
        "percent change in hires from 2021 to 2022",
        "year-over-year % change in hires 2021 vs 2022",
    )


def test_over_a_number_of_people_stays_a_threshold(words_engine: OfflineEngine) -> None:
    """'over 2021' is during 2021; 'over 2000 people' is more than 2000, never the year 2000."""
    grouped = words_engine.answer("departments that hired over 2000 people")
    assert "more than 2000" in (grouped.reading or "") or grouped.refused
    assert words_engine.answer("did we hire over 2000 people").refused


def test_chat_with_a_meaning_word_is_dropped_only_whole(words_engine: OfflineEngine) -> None:
    """'not urgent but' is chat; a 'not' of its own still leaves Sales out."""
    answer = words_engine.answer("not urgent: hires not in Sales in 2021")
    assert "not in Sales" in (answer.reading or "")


@pytest.mark.parametrize("question", ["how many hires in IT in 2021", "hires in the US in 2022"])
def test_an_acronym_spelled_like_a_filler_word_is_a_name_never_dropped(
    words_engine: OfflineEngine, question: str
) -> None:
    """'IT' once read as the pronoun 'it' and dropped: every hire of 2021 answered 'IT'."""
    answer = words_engine.answer(question)
    assert answer.refused and answer.sql is None


def test_it_as_a_pronoun_and_a_shouted_question_are_still_read(words_engine: OfflineEngine) -> None:
    assert_same_as(words_engine, "hires in 2021", "hires in 2021, can you get it for me")
    assert_same_as(words_engine, "hires in 2021", "GIVE US THE HIRES IN 2021")


def test_as_of_a_day_is_everything_up_to_it(words_engine: OfflineEngine) -> None:
    """'Headcount as of June 30' is every hire up to that day, never those after it."""
    assert_same_as(
        words_engine, "Sales hires up to 2021-06-30", "Sales headcount as of June 30, 2021"
    )


def test_the_number_of_groups_passing_a_two_family_comparison(words_engine: OfflineEngine) -> None:
    """'Number of departments that hired more engineers than designers' is one number (it
    once listed the departments instead)."""
    listed = words_engine.answer("departments that hired more engineers than designers in 2021")
    for question in (
        "number of departments that hired more engineers than designers in 2021",
        "how many departments hired more engineers than designers in 2021",
    ):
        assert words_engine.answer(question).rows == [[len(listed.rows)]], question


def test_roles_filled_are_hires_whatever_the_words_between(words_engine: OfflineEngine) -> None:
    """'How many roles has Sales filled' once counted Sales' different jobs, not its hires."""
    assert_same_as(words_engine, "Sales hires in 2022", "how many roles has Sales filled in 2022")
    assert_same_as(
        words_engine, "Marketing hires in 2021", "how many seats did Marketing fill in 2021"
    )
    distinct = words_engine.answer("how many roles did Sales hire for in 2022")
    assert "different jobs" in (distinct.reading or "")


def test_one_period_over_another_is_a_comparison(words_engine: OfflineEngine) -> None:
    """'2022 over 2021' sets one against the other (it was refused as dates never overlapping);
    'over 2021' alone is during 2021."""
    assert_same_as(
        words_engine,
        "percent change in hires from 2021 to 2022",
        "% growth in hires in 2022 over 2021",
    )
    assert_same_as(words_engine, "hires in 2021", "how many hires over 2021")
