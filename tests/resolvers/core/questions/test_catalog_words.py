"""Issue 20, askcatalog: the tables themselves, in their own words, and their order.

A search names the table it searches (a department's name is never looked for
among the job titles); counts per group come in the order asked or not at all.
"""

from __future__ import annotations

from resolvers.core.questions import filters
from resolvers.core.questions.offline import OfflineEngine


def test_a_department_name_search_lists_departments_never_jobs(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which department names contain the letters es")
    assert not answer.refused, answer.explanation
    assert answer.columns == ["id", "department"]
    assert {row[1] for row in answer.rows} == {
        "Business Development", "Human Resources", "Research and Development", "Sales", "Services",
    }  # fmt: skip


def test_names_are_searched_by_their_end(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("how many job titles end in 'Engineer'")
    assert not answer.refused and answer.reading == (
        "The number of jobs whose name ends with “engineer”."
    )
    listed = words_engine.answer("titles that end with IV")
    assert listed.rows and all(row[1].endswith(" IV") for row in listed.rows)


def test_one_letter_searched_is_kept_not_dropped_as_a_possessive() -> None:
    assert filters.quote_letters("departments that start with s") == (
        'departments that start with "s"'
    )
    assert filters.quote_letters("titles starting with a vowel") == ("titles starting with a vowel")


def test_a_search_that_is_negated_is_refused_not_read_as_the_search(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("job titles that do not contain engineer")
    assert answer.refused or all("engineer" not in row[-1].lower() for row in answer.rows)


def test_counts_per_group_asked_z_to_a_come_z_to_a_never_a_to_z(
    words_engine: OfflineEngine,
) -> None:
    """(Refused until issue 20's askorder3 gave counts per group a Z to A order.)"""
    for question in ("hires per department, z to a", "jobs hired by Legal Z to A"):
        answer = words_engine.answer(question)
        assert not answer.refused, question
        names = [row[0] for row in answer.rows]
        assert names == sorted(names, reverse=True), question
        assert "Z to A" in (answer.reading or ""), question


def test_titles_never_hired_for_are_the_ones_with_no_hire_in_the_period(
    words_engine: OfflineEngine,
) -> None:
    answer = words_engine.answer("which titles were never filled in 2021")
    assert not answer.refused and answer.rows
    assert all(row[-1] == 0 for row in answer.rows)
    assert "exactly 0" in (answer.reading or "")


def test_a_departments_titles_are_listed_and_a_count_stays_a_count(
    words_engine: OfflineEngine,
) -> None:
    listed = words_engine.answer("titles hired by Legal in 2022")
    assert not listed.refused and listed.columns[0] == "job"
    counted = words_engine.answer("how many jobs did Legal hire in 2022")
    assert not counted.refused and len(counted.rows) == 1 and len(counted.rows[0]) == 1


def test_a_distinct_id_is_counted_among_the_hires_not_in_its_table(
    small_engine: OfflineEngine,
) -> None:
    """Ops (3) hired nobody: count distinct department_id is 2, the departments table holds 3."""
    answer = small_engine.answer("count distinct department_id in hired_employees")
    assert not answer.refused and answer.rows == [[2]], answer.explanation
    assert small_engine.answer("how many rows in the departments table").rows == [[3]]
    assert small_engine.answer("how many records does the department table have").rows == [[3]]


def test_rows_are_hires_only_when_no_other_table_is_named(small_engine: OfflineEngine) -> None:
    assert small_engine.answer("how many rows in hired_employees").rows == [[7]]
    assert small_engine.answer("rows where job_id is null").rows == [[0]]
    jobs = small_engine.answer("how many records does the job table have")
    assert jobs.rows == [[4]], jobs.explanation


def test_grouping_by_an_id_column_shows_the_ids_never_only_the_names(
    small_engine: OfflineEngine,
) -> None:
    """'per department_id' asks for the id column: the answer shows each id beside its name
    (issue 20, askseed3)."""
    answer = small_engine.answer("hires per department_id")
    assert not answer.refused, answer.explanation
    assert answer.columns == ["id", "department", "hires"]
    assert answer.rows == [[1, "Sales", 4], [2, "Legal", 3]]  # Ops (3) hired nobody: no row
    jobs = small_engine.answer("count(*) grouped by job_id")
    assert not jobs.refused, jobs.explanation
    assert jobs.columns == ["id", "job", "hires"] and sum(row[2] for row in jobs.rows) == 7


def test_an_order_said_as_how_many_they_hired_keeps_its_direction(
    words_engine: OfflineEngine,
) -> None:
    fewest = words_engine.answer("departments ordered by how many they hired, fewest first")
    assert not fewest.refused and "fewest first" in (fewest.reading or "")
    counts = [row[-1] for row in fewest.rows]
    assert counts == sorted(counts)


def test_the_first_and_last_hire_times_are_min_and_max_with_their_dates(
    small_engine: OfflineEngine,
) -> None:
    answer = small_engine.answer("min and max datetime")
    assert not answer.refused, answer.explanation
    assert answer.rows == [
        ["2021-01-10T00:00:00Z", "2021-01-10", "2022-02-01T00:00:00Z", "2022-02-01"]
    ]
    legal = small_engine.answer("the earliest hire date in Legal")
    assert [row[1] for row in legal.rows] == ["2021-05-10"]


def test_a_first_or_last_hire_time_ranked_or_compared_is_refused(
    small_engine: OfflineEngine,
) -> None:
    for question in (
        "top 2 departments by earliest hire date",
        "earliest hire date in 2021 compared with 2022",
    ):
        assert small_engine.answer(question).refused, question


def test_a_count_of_titles_per_department_is_among_the_hires_the_bare_count_is_the_table(
    small_engine: OfflineEngine,
) -> None:
    """Jobs belong to no department: per department, titles are counted among its hires."""
    assert small_engine.answer("how many job titles are there").rows == [[4]]
    per = small_engine.answer("count of distinct titles per department")
    assert sorted(map(tuple, per.rows)) == [("Legal", 2), ("Sales", 3)], per.explanation


def test_the_tables_rows_asked_as_which_ones_are_listed_but_not_beside_a_name(
    small_engine: OfflineEngine,
) -> None:
    listed = small_engine.answer("what job titles exist?")
    assert not listed.refused and len(listed.rows) == 4
    assert small_engine.answer("what titles exist in Sales").refused


def test_an_order_of_every_group_is_not_cut_to_the_top_one(words_engine: OfflineEngine) -> None:
    ordered = words_engine.answer("department hire counts for 2022 in descending order")
    assert not ordered.refused and len(ordered.rows) > 1
    top = words_engine.answer("the department with the most hires in 2022")
    assert len(top.rows) == 1 and top.rows[0] == ordered.rows[0]


def test_then_by_name_is_read_only_beside_an_order_by_hires(words_engine: OfflineEngine) -> None:
    assert not words_engine.answer("departments ordered by hires in 2021 then by name").refused
    assert words_engine.answer("list 2021 hires by date then by name").refused


def test_a_persons_record_is_their_row_not_the_hires(small_engine: OfflineEngine) -> None:
    """'records' (plural) are rows of hires; 'Ana Lima's record' is hers."""
    answer = small_engine.answer("pull up Ana Lima's record")
    assert not answer.refused and [row[1] for row in answer.rows] == ["Ana Lima"]


def test_not_hired_for_is_no_hire_only_for_groups(small_engine: OfflineEngine) -> None:
    groups = small_engine.answer("which jobs were not hired for in 2022")
    assert not groups.refused and all(row[-1] == 0 for row in groups.rows)
    assert small_engine.answer("how many people were not hired in 2021").refused


def test_in_our_records_is_where_a_person_is_looked_up_not_the_hires(
    small_engine: OfflineEngine,
) -> None:
    answer = small_engine.answer("does Bea Ruiz exist in our records")
    assert not answer.refused and [row[1] for row in answer.rows] == ["Bea Ruiz"]


def test_sql_bounds_and_month_parts_of_the_hire_time_are_left_unread(
    small_engine: OfflineEngine,
) -> None:
    """SQL's BETWEEN on a timestamp and month(datetime) (every year's months together) mean
    other rows than the words would: refused, never answered by the engine's own reading."""
    for question in (
        "rows where datetime between 2021-03-01 and 2021-05-31",
        "count by month(datetime)",
    ):
        assert small_engine.answer(question).refused, question
    assert small_engine.answer("count by year(datetime)").rows == [[2021, 6], [2022, 1]]


def test_a_level_said_as_an_ending_is_the_whole_level(words_engine: OfflineEngine) -> None:
    answer = words_engine.answer("titles ending in II")
    assert answer.rows and all(row[1].endswith(" II") for row in answer.rows)
    assert "ends with the word “ii”" in (answer.reading or "")


def test_every_title_searched_is_the_titles_and_every_title_of_hires_is_not_dropped(
    words_engine: OfflineEngine,
) -> None:
    listed = words_engine.answer("every title containing Engineer, A to Z")
    assert not listed.refused and listed.rows, listed.explanation
    assert all("Engineer" in row[1] for row in listed.rows)
    # 'every' among hires asks per title: never dropped to leave one total
    per_title = words_engine.answer("hires for every title containing Engineer in 2021")
    assert per_title.refused or len(per_title.rows) > 1


def test_a_name_that_has_or_mentions_a_word_is_searched(words_engine: OfflineEngine) -> None:
    for question, kind, value in [
        ("departments whose name has 'and'", "department", "and"),
        ("which department names have the word and in them", "department", "and"),
        ("job titles that mention Developer", "job", "developer"),
    ]:
        answer = words_engine.answer(question)
        assert not answer.refused and answer.rows, answer.explanation
        assert answer.columns == ["id", kind]
        assert all(value in row[1].lower() for row in answer.rows)


def test_a_word_at_the_end_or_start_of_a_title_is_searched_there(
    words_engine: OfflineEngine,
) -> None:
    ending = words_engine.answer("job titles with 'II' at the end")
    assert not ending.refused and ending.rows, ending.explanation
    assert all(row[1].endswith(" II") for row in ending.rows)
    starting = words_engine.answer("which titles have Senior at the beginning")
    assert starting.rows and all(row[1].startswith("Senior") for row in starting.rows)
