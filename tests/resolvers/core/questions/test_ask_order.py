"""Orders, rankings within groups, day ranges and the words around them (issue 20, askorder3).

Each promise here is one a user relies on beside the development set's
accuracy: a ranking said 'in every team' ranks within each team whatever
period word follows it, and an order that cannot be held is refused, never
dropped.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from resolvers.core.questions.offline import OfflineEngine
from resolvers.core.questions.query import CatalogQuery, CountQuery, Rank


def test_a_ranking_in_every_team_stays_per_team_beside_all_time(
    words_engine: OfflineEngine,
) -> None:
    """'all time' reads as 'overall', a word that also means company-wide: beside a ranking
    said 'in every team' it is the period, and each team keeps its own top title."""
    answer = words_engine.answer("the leading title in every team, all time")
    assert not answer.refused, answer.explanation
    assert "in each department" in (answer.reading or "")
    assert len({row[0] for row in answer.rows}) > 1


def test_a_ranking_across_all_teams_overall_is_one_ranking(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("top job across all departments overall")
    assert not answer.refused, answer.explanation
    assert "in each department" not in (answer.reading or "")


def test_a_total_in_every_department_is_still_one_number(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many hires in every department in total")
    assert answer.rows and len(answer.rows) == 1 and len(answer.rows[0]) == 1


def test_two_orders_at_once_are_refused_never_one_dropped(words_engine: OfflineEngine) -> None:
    """'descending' (by hires) and 'by name' together: which order? Before, the name was
    quietly dropped and the groups came most first."""
    for question in (
        "hires per department in 2021, descending, by name",
        "top 3 departments by hires in 2021, Z to A",
        "Legal people sorted by hire date, alphabetically",
    ):
        assert words_engine.answer(question).refused, question


def test_descending_by_name_is_z_to_a_not_most_first(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("roles Training ever filled, descending by name")
    assert not answer.refused, answer.explanation
    titles = [row[0] for row in answer.rows]
    assert titles == sorted(titles, reverse=True)
    assert "Z to A" in (answer.reading or "")


def test_an_order_by_hire_date_is_for_people_never_dropped_from_a_count(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("hires per department in order of start date")
    assert answer.refused and "lists of people" in answer.explanation
    listed = words_engine.answer("Sales people in order of start date, newest first")
    times = [row[2] for row in listed.rows]
    assert times == sorted(times, reverse=True)


def test_sorted_by_hire_count_is_by_hires_not_by_hire_date(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("jobs sorted by hire count descending")
    assert not answer.refused, answer.explanation
    counts = [row[-1] for row in answer.rows]
    assert counts == sorted(counts, reverse=True)


def test_a_bare_by_hire_date_is_not_read_as_a_list_order(words_engine: OfflineEngine) -> None:
    """Only 'sorted (ordered, listed) by hire date' orders people: 'by hire date' alone is
    not taken as an order (a grouping per day, or unread)."""
    answer = words_engine.answer("Legal hires by hire date")
    assert answer.refused or "earliest first" not in (answer.reading or "")


def test_the_head_of_a_list_by_name_needs_the_order_said(words_engine: OfflineEngine) -> None:
    """'first 4' cuts a list ordered by name; a count of titles takes no cut."""
    cut = words_engine.answer("job titles Z to A, first 4")
    assert not cut.refused and len(cut.rows) == 4
    assert "The first 4 of the jobs" in (cut.reading or "")
    assert words_engine.answer("how many job titles, first 4 z to a").refused
    # 'the top 3 jobs, a to z' may be the three most hired: never read as the first names
    assert words_engine.answer("the top 3 jobs a to z").refused


def test_a_capitalised_month_slip_before_a_year_is_read(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("hires in Novemebr 2021")
    assert "Reading 'Novemebr' as November." in (answer.reading or "")


def test_a_bare_staff_phrase_is_a_headcount(words_engine: OfflineEngine) -> None:
    """'staff hired in Legal in 2022' counts (as analysts write it); 'list the staff ...'
    and 'employees ...' list them."""
    counted = words_engine.answer("staff hired in Legal in 2022")
    assert len(counted.rows) == 1 and len(counted.rows[0]) == 1
    listed = words_engine.answer("list the staff hired in Legal in 2022")
    assert len(listed.rows) > 1


def test_on_the_books_with_a_date_is_not_the_hires_in_that_period(
    words_engine: OfflineEngine,
) -> None:
    """'on the books in 2021' is a headcount at a time, not 2021's hires: refused; with no
    date it is every hire on record (the data holds no leavers)."""
    assert words_engine.answer("how many people on the books in 2021").refused
    every = words_engine.answer("how many people are on the books")
    assert not every.refused and every.rows == [[2500]]


def test_the_query_refuses_orders_it_cannot_hold() -> None:
    """Z to A is for groups listed unranked; a cut is for a list of names, not a count."""
    with pytest.raises(ValidationError):
        CountQuery(descending_names=True)
    with pytest.raises(ValidationError):
        CountQuery(group_by=("job",), rank=Rank(order="most"), descending_names=True)
    with pytest.raises(ValidationError):
        CatalogQuery(of="jobs", count_only=True, limit=3)
    assert CatalogQuery(of="jobs", limit=3).limit == 3


def test_days_in_brackets_restating_a_part_of_a_month_are_one_range(
    words_engine: OfflineEngine,
) -> None:
    """'the opening week of March 2022 (days 1 to 7)' is 1-7 March; brackets naming other
    days than the words are refused, never one of the two picked (and never 'no overlap')."""
    same = words_engine.answer("joiners in the opening week of March 2022 (days 1 to 7)")
    assert "from 1 Mar to 7 Mar 2022" in (same.reading or "")
    other = words_engine.answer("hires in the first week of March 2022 (days 2 to 8)")
    assert other.refused and "never overlap" not in other.explanation


def test_the_week_of_a_monday_is_its_seven_days_another_day_is_refused(
    words_engine: OfflineEngine,
) -> None:
    monday = words_engine.answer("hires in the week of Nov 8 2021")
    assert "from 8 Nov to 14 Nov 2021" in (monday.reading or "")
    across = words_engine.answer("hires the week of 27 Dec 2021")
    assert "from 27 Dec 2021 to 2 Jan 2022" in (across.reading or "")
    starting = words_engine.answer("hires the week starting Nov 10, 2021")
    assert "from 10 Nov to 16 Nov 2021" in (starting.reading or "")
    wednesday = words_engine.answer("hires in the week of Nov 10 2021")
    assert wednesday.refused and "week" in wednesday.explanation


def test_a_fiscal_year_is_refused_with_a_true_reason(words_engine: OfflineEngine) -> None:
    for question in ("hires in FY2021", "fy 22 hires in Sales", "hires in fiscal 2021"):
        answer = words_engine.answer(question)
        assert answer.refused and "fiscal year" in answer.explanation, question


def test_periods_of_a_grouping_by_time_come_latest_first_when_asked(
    words_engine: OfflineEngine,
) -> None:
    """'latest month first' orders the months; it is never 'the latest hire in each month',
    and 'most recent year first' is never read as the year 2022."""
    months = words_engine.answer("hires per month in 2021, latest month first")
    assert [row[0] for row in months.rows] == list(range(12, 0, -1))
    assert "the latest month first" in (months.reading or "")
    years = words_engine.answer("hires per year, most recent year first")
    assert [row[0] for row in years.rows] == [2022, 2021, 2020]


def test_days_beside_their_month_are_a_range_counts_beside_it_are_not(
    words_engine: OfflineEngine,
) -> None:
    for question in (
        "hires March 1st through 7th, 2022",
        "hires on days 1-7 of March 2022",
        "hires in March 2022, days 1 to 7",
        "hires in March 2022 between the 1st and the 7th",
    ):
        answer = words_engine.answer(question)
        assert "from 1 Mar to 7 Mar 2022" in (answer.reading or ""), question
    # '10 to 20' after 'May 2022' with no 'days' or ordinal may be counts: never days
    counts = words_engine.answer("hires in May 2022, 10 to 20 per department")
    assert "10 May" not in (counts.reading or "")


def test_an_org_is_a_department_and_the_org_is_the_company(words_engine: OfflineEngine) -> None:
    per_org = words_engine.answer("hires per org in 2021")
    assert "counted per department" in (per_org.reading or "")
    legal = words_engine.answer("how many hires did the Legal org make in 2021")
    assert "in Legal" in (legal.reading or "")
    for question in ("what's our org-wide intake for 2021", "org headcount added in 2021"):
        answer = words_engine.answer(question)
        assert answer.reading == "Hires in 2021, counted.", question


def test_latest_first_beside_departments_is_refused_never_both_reversed(
    words_engine: OfflineEngine,
) -> None:
    """'per quarter latest first by department': the quarters from the last, and the
    departments? Reversing both (departments Z to A) was never asked: refused."""
    answer = words_engine.answer("hires per quarter 2021 latest first by department")
    assert answer.refused and "Latest first" in answer.explanation


def test_hires_by_date_latest_first_asks_which_it_means(words_engine: OfflineEngine) -> None:
    """A list of people or counts per day: never guessed; 'per day' says counts."""
    answer = words_engine.answer("hires by date latest first")
    assert answer.refused and "By date, latest first" in answer.explanation
    per_day = words_engine.answer("hires per day in March 2022, latest day first")
    days = [row[0] for row in per_day.rows]
    assert days == sorted(days, reverse=True) and len(days) > 1


def test_a_vague_part_of_a_period_is_refused_never_widened(words_engine: OfflineEngine) -> None:
    """'mid November 2021' is not November 2021: refused, naming what it cannot place."""
    for question in ("hires in mid November 2021", "early March 2022 joiners", "late 2021 hires"):
        answer = words_engine.answer(question)
        assert answer.refused and "names no exact days" in answer.explanation, question


def test_the_top_title_per_level_ranks_jobs_within_each_level(
    words_engine: OfflineEngine,
) -> None:
    """'per level, the title with the most hires': each level's own top title (of the
    titles with a level, as the reading says); level and job side by side stay refused."""
    answer = words_engine.answer("per level, the title with the most hires")
    assert not answer.refused, answer.explanation
    assert "in each level" in (answer.reading or "")
    assert all(row[1].endswith(" " + row[0]) for row in answer.rows)
    assert words_engine.answer("hires by level and job").refused
    with pytest.raises(ValidationError):
        CountQuery(group_by=("level", "job"))


def test_the_top_of_a_family_per_level_is_its_titles_never_the_levels_ranked(
    words_engine: OfflineEngine,
) -> None:
    """'per level, the top accountant title' ranked the levels (the cue 'title' went into
    the family's name): it is each level's top accountant title."""
    answer = words_engine.answer("per level, the top accountant title in 2021")
    assert "in each level, the job with the most hires" in (answer.reading or "")
    assert all("Accountant" in row[1] for row in answer.rows)


def test_what_each_team_hired_most_is_its_top_job_never_the_teams_ranked(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("what did each team hire the most of in 2021")
    assert "in each department, the job with the most hires" in (answer.reading or "")


def test_a_ranking_word_after_whats_the_is_never_a_first_name(
    words_engine: OfflineEngine,
) -> None:
    """'whats the leading job' was looked up as people whose first name is 'leading'."""
    answer = words_engine.answer("whats the leading job")
    assert not answer.refused and "first name" not in (answer.reading or "")
    assert "the one with the most hires" in (answer.reading or "")


def test_a_lowercase_word_after_the_before_a_job_is_no_first_name(
    words_engine: OfflineEngine,
) -> None:
    """'whats the hottest job' listed people whose first name is 'hottest': refused now,
    naming the word; 'what is Bo's job' is still Bo looked up."""
    for question in ("whats the hottest job", "whats the usual job in Sales"):
        answer = words_engine.answer(question)
        assert answer.refused and "first name" not in answer.explanation, question
    assert "“Bo”" in (words_engine.answer("what is Bo's job").reading or "")
