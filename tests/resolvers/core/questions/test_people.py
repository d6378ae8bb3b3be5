"""People looked up (issue 20): by any full name, by id, and the others hired on their day.

On the sets' dataset, whose 120 real names (from the historic file) include
particles, hyphens, apostrophes and ordinary words ('Wilt Di Francesco',
'Washington Schleswig-Holstein', "Elia D'Enrico", 'Angelika Stock', 'Ty
Hofer'). A lookup finds that person or nobody: a name not on record is an
empty answer that says so, one only spaced or punctuated differently is read
as the name on record (and said), and a name a letter or two from another is
refused naming it, never answered as that other person.
"""

from __future__ import annotations

import pytest

from resolvers.adapters.duckdb_warehouse import DuckDBWarehouse
from resolvers.core.ports import Answer
from resolvers.core.questions import ask
from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions import gold


@pytest.fixture(scope="module")
def engine(warehouse: DuckDBWarehouse) -> OfflineEngine:
    return OfflineEngine(warehouse, 1000, clock=lambda: gold.TODAY)


def names(answer: Answer) -> list[str]:
    assert not answer.refused, answer.explanation
    return [row[answer.columns.index("name")] for row in answer.rows]


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("when did Wilt Di Francesco start?", "Wilt Di Francesco"),
        ("when was Washington Schleswig-Holstein brought on?", "Washington Schleswig-Holstein"),
        ("is there an Elia D'Enrico in the data", "Elia D'Enrico"),
        ("When, and in what role, did Angelika Stock join?", "Angelika Stock"),
        ("what role did Ty Hofer come on as?", "Ty Hofer"),
        ("which team and what job does Lyman Hadye have?", "Lyman Hadye"),
        ("Gay Philbin - what dept?", "Gay Philbin"),
        ("start date for Joan Rillett", "Joan Rillett"),
        ("who's employee #3002?", "Ty Hofer"),
        ("where was Joan Rillett placed", "Joan Rillett"),  # not “Joan Rillett placed”
        ("Gretna Lording: when hired?", "Gretna Lording"),
        ("can u look up gasparo ofen pls", "Gasparo Ofen"),  # 'ofen' is no typo of 'often'
        ("hire date - Gretna Lording", "Gretna Lording"),
        ("which job does employee id 3012 have", "Jacky Oldred"),
    ],
)
def test_a_person_is_found_by_any_full_name_or_id_with_every_fact_asked(
    engine: OfflineEngine, question: str, name: str
) -> None:
    answer = ask(engine, question)
    assert names(answer) == [name]
    assert {"hire_date", "department", "job", "id"} <= set(answer.columns), answer.columns


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What job does Zed Quinn have?", "No employee named “Zed Quinn” is on record."),
        ("look up employee 99999", "No employee with the id 99999 is on record."),
        ("when did Harold Vogt join Legal?", "“Harold Vogt” is on record, but not under"),
        ("who started the same day as Zed Quinn", "No employee named “Zed Quinn” is on record."),
    ],
)
def test_nobody_on_record_is_an_empty_answer_that_says_so(
    engine: OfflineEngine, question: str, said: str
) -> None:
    answer = ask(engine, question)
    assert not answer.refused and answer.rows == [] and answer.sql, answer.explanation
    assert said in answer.explanation


def test_a_name_only_punctuated_differently_is_read_as_the_name_on_record_and_said(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "look up Washington Schleswig Holstein")
    assert names(answer) == ["Washington Schleswig-Holstein"]
    assert "reading it as Washington Schleswig-Holstein" in answer.explanation


def test_a_name_a_letter_or_two_from_another_is_refused_naming_it_never_answered(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "when did Harold Vogel start")
    assert answer.refused and answer.sql is None and answer.rows == []
    assert "Did you mean Harold Vogt?" in answer.explanation
    assert answer.suggestions == ["Look up Harold Vogt"]


def test_a_word_read_into_a_name_on_record_is_refused_offering_that_name(
    engine: OfflineEngine,
) -> None:
    """'hmm harold vogt' names nobody, but holds someone on record: never 'nobody' in silence."""
    answer = ask(engine, "hmm harold vogt's dept?")
    assert answer.refused and answer.rows == []
    assert "Did you mean Harold Vogt?" in answer.explanation


@pytest.mark.parametrize(
    "question",
    [
        "Joan Rillett's manager - who is it?",  # the data holds no reporting lines
        "is there a Chief Happiness Officer?",  # words of job titles name nobody
        "when did angelika stock join",  # 'stock' written small is the word, not a name
    ],
)
def test_words_of_titles_or_of_what_the_data_lacks_are_no_persons_name(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.sql is None, answer.explanation


def test_the_others_hired_on_a_persons_day_leave_that_person_out(
    engine: OfflineEngine, warehouse: DuckDBWarehouse
) -> None:
    answer = ask(engine, "who else started the same day as Joan Rillett?")
    expected = warehouse.connection.execute(
        "SELECT name FROM hired_employees WHERE CAST(datetime AS DATE) = DATE '2021-10-10' "
        "AND name <> 'Joan Rillett'"
    ).fetchall()
    assert sorted(names(answer)) == sorted(n for (n,) in expected) and len(expected) > 1
    assert "on the same day as “Joan Rillett” other than “Joan Rillett”" in (answer.reading or "")


def test_a_last_name_looks_up_everyone_of_that_surname_and_says_so(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "anyone with the surname Rillett?")
    assert names(answer) == ["Joan Rillett"]
    assert "whose last name is “Rillett”" in (answer.reading or "")
    nobody = ask(engine, "employees with last name Quinnzy")
    assert not nobody.refused and nobody.rows == []
    assert "No employee's last name is “Quinnzy”" in nobody.explanation


def test_a_person_left_out_by_name_is_left_out_and_said(engine: OfflineEngine) -> None:
    answer = ask(engine, "who started on 2021-10-10 other than Joan Rillett")
    assert "Joan Rillett" not in names(answer) and "Gretna Lording" in names(answer)
    assert "other than “Joan Rillett”" in (answer.reading or "")


def test_a_lone_first_name_is_looked_up_only_when_written_as_a_name(
    engine: OfflineEngine,
) -> None:
    assert names(ask(engine, "is there a Brook in the data?")) == ["Brook Tant"]
    assert ask(engine, "is there a brook in the data?").refused  # a word, not a name
    assert ask(engine, "is there a Monday in the data?").refused


# issue 20, asklookup2: a person named with no cue word, several people at once, chat first


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("check Joan Rillett", "Joan Rillett"),
        ("can you check on gretna lording", "Gretna Lording"),
        ("grab Ty Hofer's record please", "Ty Hofer"),
        ("is Harold Vogt on file?", "Harold Vogt"),
        ("does Lyman Hadye exist in the system", "Lyman Hadye"),
        ("does Lyman Hadye exist in our records", "Lyman Hadye"),  # 'records' here: no rows
        ("is Harold Vogt on record", "Harold Vogt"),
        ("is Harold Vogt in the system, and if so when did he start?", "Harold Vogt"),
        ("is there a Joan Rillett on the books and what team is she in", "Joan Rillett"),
        ("my manager is asking when Harold Vogt started", "Harold Vogt"),
        ("my boss wants to know what team Joan Rillett is on", "Joan Rillett"),
        ("Ty Hofer - dept?", "Ty Hofer"),  # 'ty' is chat only when not written as a name
    ],
)
def test_a_person_named_in_full_is_looked_up_whatever_is_said_around_the_name(
    engine: OfflineEngine, question: str, name: str
) -> None:
    answer = ask(engine, question)
    assert names(answer) == [name]
    assert {"hire_date", "department", "job"} <= set(answer.columns), answer.columns


def test_several_people_in_one_question_are_each_looked_up(engine: OfflineEngine) -> None:
    answer = ask(engine, "which teams did Harold Vogt, Ty Hofer and Joan Rillett join?")
    assert sorted(names(answer)) == ["Harold Vogt", "Joan Rillett", "Ty Hofer"]
    assert "“Harold Vogt”, “Ty Hofer” or “Joan Rillett”" in (answer.reading or "")


def test_one_of_several_people_not_on_record_is_said_never_left_out_in_silence(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "when did Harold Vogt and Zed Quinn start")
    assert names(answer) == ["Harold Vogt"]
    assert "No employee named “Zed Quinn” is on record." in answer.explanation
    later = ask(engine, "when did Harold Vogt and Ty Hofer start in 2021")
    assert sorted(names(later)) == ["Harold Vogt", "Ty Hofer"]


@pytest.mark.parametrize(
    "question",
    [
        "when did Harold Vogel and Ty Hofer start",  # one name a slip from another's
        "look up Harold Vogtt and Ty Hoferr",  # both
    ],
)
def test_a_slip_among_several_people_is_refused_naming_who_was_meant(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.rows == [], answer.explanation
    assert "Did you mean Harold Vogt" in answer.explanation


@pytest.mark.parametrize(
    "question",
    [
        "my manager is asking who Joan Rillett reports to",  # no reporting lines
        "who is Joan Rillett's manager",
        "is Harold Vogt on file, and what is his salary",  # the salary is not in the data
        "when did Harold Vogt and the Sales team start",  # a team is nobody's name
    ],
)
def test_what_a_lookup_cannot_answer_is_refused_not_dropped(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.sql is None, answer.explanation


def test_departments_joined_by_and_are_never_read_as_people(engine: OfflineEngine) -> None:
    answer = ask(engine, "how many hires did Sales and Legal make in 2021")
    assert not answer.refused and "Sales or Legal" in (answer.reading or "")


@pytest.mark.parametrize(
    ("question", "part", "value"),
    [
        ("what weekday did Harold Vogt start", "weekday", "Sunday"),  # 2021-11-07
        ("Harold Vogt joined on what day of the week?", "weekday", "Sunday"),
        ("which weekday was Ty Hofer's start date", "weekday", "Sunday"),  # 2021-05-30
        ("what month did Ty Hofer come on board", "month", 5),
        ("in which quarter was Joan Rillett hired", "quarter", 4),
        ("Joan Rillett's start year", "year", 2021),
    ],
)
def test_the_part_of_a_hire_date_asked_is_shown_beside_it(
    engine: OfflineEngine, question: str, part: str, value: object
) -> None:
    answer = ask(engine, question)
    assert len(names(answer)) == 1 and answer.rows[0][answer.columns.index(part)] == value
    assert f"hire time and date (its {part})" in (answer.reading or "")


@pytest.mark.parametrize(
    "question",
    [
        "what department did Harold Vogt's team hire the most",  # the team's hires, not his
        "which quarter did Joan Rillett's department hire the most people",
        "what weekday did Harold Vogt leave",  # 'leave' is no part of his name
        "what weekday did harold vogt leave",
        "when was Harold Vogt born",
    ],
)
def test_a_question_beyond_a_persons_own_row_is_refused_never_answered_as_a_lookup(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.sql is None, answer.reading


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("how many Joans do we have", 1),
        ("how many Harolds are there", 1),
        ("how many Zorros do we have", 0),  # nobody of that first name: zero, said
    ],
)
def test_a_first_name_in_the_plural_counts_the_people_of_that_first_name(
    engine: OfflineEngine, question: str, count: int
) -> None:
    answer = ask(engine, question)
    assert not answer.refused and answer.rows == [[count]], answer.explanation
    assert "whose first name is" in (answer.reading or "")


def test_a_plural_first_name_is_read_in_the_singular_only_when_the_data_says_so(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "do we have any Gretnas?")
    assert names(answer) == ["Gretna Lording"]
    assert "Reading “Gretnas” as the first name Gretna, in the plural." in answer.explanation


@pytest.mark.parametrize(
    "question",
    [
        "how many Mondays do we have",  # a day of the week is nobody's first name
        "how many Fridays have we got",  # nor is a day of the week in the plural
    ],
)
def test_words_that_look_like_first_names_or_endings_are_not_read_as_people(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.sql is None, answer.reading


def test_names_ending_with_a_string_are_listed_or_counted(engine: OfflineEngine) -> None:
    listed = ask(engine, "names ending with 'ett'")
    assert sorted(names(listed)) == ["Joan Rillett", "Raine Mowett"]
    assert "whose name ends with “ett”" in (listed.reading or "")
    counted = ask(engine, "how many employee names end in 0042")
    assert counted.rows == [[1]], counted.explanation


def test_several_employees_by_number_are_each_looked_up_and_a_missing_one_said(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "employee ids 3001, 3002 and 99999 - departments?")
    assert sorted(names(answer)) == ["Harold Vogt", "Ty Hofer"]
    assert "No employee with the id 99999 is on record." in answer.explanation


def test_employees_followed_by_years_are_never_read_as_ids(engine: OfflineEngine) -> None:
    answer = ask(engine, "how many employees 2021 and 2022")
    assert not answer.refused and "employee id" not in (answer.reading or "")


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("I need Harold Vogt's start date", ["Harold Vogt"]),
        ("when did we hire Joan Rillett", ["Joan Rillett"]),
        ("give me everything on Ty Hofer", ["Ty Hofer"]),
        ("Harold Vogt?", ["Harold Vogt"]),
        ("can I get Joan Rillett's and Ty Hofer's departments", ["Joan Rillett", "Ty Hofer"]),
        ("what team is Joan Rillett on and what team is Ty Hofer on", ["Joan Rillett", "Ty Hofer"]),
        ("Harold Vogt joined which team?", ["Harold Vogt"]),
        ("Joan Rillett was hired as what?", ["Joan Rillett"]),
        ("when was Ty Hofer's start date", ["Ty Hofer"]),
    ],
)
def test_more_ways_to_ask_about_people_find_each_of_them(
    engine: OfflineEngine, question: str, people: list[str]
) -> None:
    assert sorted(names(ask(engine, question))) == people


@pytest.mark.parametrize("question", ["Happy Holidays", "Good Morning!", "Black Friday?"])
def test_capitalised_words_alone_that_name_nobody_are_refused_not_answered_empty(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.suggestions, answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "how many VPs did we hire in 2021",
        "how many Engineers do we have",
        "any Techs on staff",
        "how many Interns do we have",  # plurals of English words name nobody
        "how many Salespeople do we have",
        "how many Contractors are there",
        "are there any Interns on file",
    ],
)
def test_a_plural_title_written_with_a_capital_is_never_a_first_name(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert "first name" not in (answer.reading or "") + answer.explanation


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("for an audit: what's Ty Hofer's job title?", "Ty Hofer"),
        ("quick sanity check: Lyman Hadye's department?", "Lyman Hadye"),
        ("my VP wants to know which department Joan Rillett joined", "Joan Rillett"),
        ("need to confirm Harold Vogt's hire date asap", "Harold Vogt"),
    ],
)
def test_who_asks_or_why_said_first_never_changes_whom_a_lookup_finds(
    engine: OfflineEngine, question: str, name: str
) -> None:
    answer = ask(engine, question)
    assert names(answer) == [name]
    assert "under the other conditions" not in answer.explanation


def test_a_lone_name_nobody_has_as_a_first_name_is_read_as_a_last_name_and_said(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "how many Vogts do we have")
    assert answer.rows == [[1]], answer.explanation
    assert "Reading “Vogts” as the last name Vogt, in the plural." in answer.explanation
    said_first = ask(engine, "people with the first name Vogt")  # said: never switched
    assert not said_first.refused and said_first.rows == []
    assert "No employee's first name is “Vogt”" in said_first.explanation


def test_several_people_left_out_are_each_left_out_and_said(engine: OfflineEngine) -> None:
    answer = ask(engine, "who started on 2021-10-10 other than Joan Rillett and Gretna Lording")
    assert not {"Joan Rillett", "Gretna Lording"} & set(names(answer))
    assert "other than “Joan Rillett” and “Gretna Lording”" in (answer.reading or "")


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        ("names like 'Gret%'", "whose name starts with “gret”"),
        ("how many names are like '%ett'", "whose name ends with “ett”"),
        ("how many names match '%olt%'", "whose name contains “olt”"),
    ],
)
def test_sql_wildcards_at_the_ends_of_a_searched_name_are_read_as_they_mean(
    engine: OfflineEngine, question: str, reading: str
) -> None:
    answer = ask(engine, question)
    assert not answer.refused and reading in (answer.reading or ""), answer.explanation


def test_a_wildcard_inside_a_searched_name_is_refused_never_searched_as_text(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "names like 'Per_on%'")
    assert answer.refused and "wildcard" in answer.explanation


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("all you have on Brook Tant", ["Brook Tant"]),
        ("start date for Ogden Ough?", ["Ogden Ough"]),
        ("which team did Lou Hurd join, and what's his job", ["Lou Hurd"]),
        ("Tanner Jopling: title?", ["Tanner Jopling"]),
        (
            "can you pull Angel Andrzejczak and Conrad Stoad for me",
            ["Angel Andrzejczak", "Conrad Stoad"],
        ),
        ("Vogt, Harold - when did he join?", ["Harold Vogt"]),
        (
            "could you look up Wilt Di Francesco and Elia D'Enrico: team + role",
            ["Wilt Di Francesco", "Elia D'Enrico"],
        ),
        ("Hi Harold Vogt's start date pls", ["Harold Vogt"]),  # 'Hi' is said, not a name
        ("emp no 3002 team and title?", ["Ty Hofer"]),
        ("record 3002 - which dept", ["Ty Hofer"]),
    ],
)
def test_a_lookup_reads_a_name_among_its_own_words_in_any_order(
    engine: OfflineEngine, question: str, found: list[str]
) -> None:
    answer = ask(engine, question)
    assert sorted(names(answer)) == sorted(found)
    assert {"hire_date", "department", "job"} <= set(answer.columns)


@pytest.mark.parametrize(
    "question",
    [
        "my boss wants Harold Vogt's hire date",  # was read as a person named 'wants Harold Vogt'
        "my manager wants Harold Vogt's hire date",
    ],
)
def test_a_word_said_before_a_name_written_with_capitals_is_no_part_of_it(
    engine: OfflineEngine, question: str
) -> None:
    assert names(ask(engine, question)) == ["Harold Vogt"]


@pytest.mark.parametrize(
    "question",
    [
        "who approved Harold Vogt",  # an approver: not a person named 'approved Harold Vogt'
        "what does harold vogt earn",  # pay: not a person named 'harold vogt earn'
        "Happy Holidays to you all",  # a name and chat alone ask nothing
        "when did Harold Vogt not start",
        "is Harold Vogt in Sales?",
        "Harold Vogt's first hire",
        "where does Harold Vogt live",
        "what's the deal with parental leave",
        "Harold Vogt and Sales hires",
    ],
)
def test_a_word_beyond_a_lookups_own_is_never_dropped_to_look_someone_up(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.sql is None, answer.reading


@pytest.mark.parametrize(
    "question",
    ["who has the first name Ty", "who's got the first name Ty", "who has got the first name Ty"],
)
def test_who_has_a_first_name_lists_them_never_counts_them(
    engine: OfflineEngine, question: str
) -> None:
    assert names(ask(engine, question)) == ["Ty Hofer"]  # was counted: [[1]]


@pytest.mark.parametrize(
    ("question", "rows"),
    [
        ("count of people with first name Joan", [[1]]),
        ("first name Tobi: how many?", [[1]]),
        ("people having the first name Harold, full names", [["Harold Vogt"]]),
        ("list everyone named Gretna with their full names", [["Gretna Lording"]]),
        ("how many staff with a first name of Kim", [[0]]),  # nobody: a count of none
    ],
)
def test_a_first_name_searched_in_more_words(
    engine: OfflineEngine, question: str, rows: list[list[object]]
) -> None:
    answer = ask(engine, question)
    assert not answer.refused, answer.explanation
    assert answer.rows == rows


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        ("how many employees with a name starting with 'Person 00'", "starts with “person 00”"),
        ("staff with a first name beginning with J", "starts with “j”"),
        ("hires with a name like 'Per%'", "starts with “per”"),
    ],
)
def test_a_name_searched_after_with_a_name_is_a_search_never_a_first_name(
    engine: OfflineEngine, question: str, reading: str
) -> None:
    answer = ask(engine, question)
    assert not answer.refused and reading in (answer.reading or ""), answer.explanation


@pytest.mark.parametrize(
    "question",
    [
        "how many hires have placeholder names",
        "count of hires whose name begins with 'Person' (the placeholders)",
        "how many placeholder employees are there",
    ],
)
def test_placeholder_names_are_the_generated_person_names(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert not answer.refused and "whose name starts with “person”" in (answer.reading or "")
    assert answer.rows == [[2500]]


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("whats lou hurds job title", "Lou Hurd"),
        ("Ted Dungays start date?", "Ted Dungay"),
        ("do you happen to know Lou Hurd's title", "Lou Hurd"),
        ("when did Lou Hurd come on board, and as what?", "Lou Hurd"),
    ],
)
def test_a_possessive_written_without_its_apostrophe_is_the_person(
    engine: OfflineEngine, question: str, found: str
) -> None:
    assert names(ask(engine, question)) == [found]


def test_a_name_one_letter_longer_than_one_on_record_is_no_possessive(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "which team did Ted Dungays join")
    assert answer.refused and "Did you mean Ted Dungay" in answer.explanation


@pytest.mark.parametrize("question", ["give me employee 3002", "hire no 3002 - who is that"])
def test_an_employee_number_alone_needs_no_fact_asked(engine: OfflineEngine, question: str) -> None:
    assert names(ask(engine, question)) == ["Ty Hofer"]


@pytest.mark.parametrize(
    ("question", "rows"),
    [
        ("hires whose name does not start with 'Person'", [[154]]),
        ("how many employees have real names", [[154]]),
        ("how many hires with a non-placeholder name", [[154]]),
    ],
)
def test_names_not_starting_with_a_string_leave_those_out(
    engine: OfflineEngine, question: str, rows: list[list[int]]
) -> None:
    answer = ask(engine, question)
    assert not answer.refused and "does not start with “person”" in (answer.reading or "")
    assert answer.rows == rows


def test_a_title_not_starting_with_a_string_is_refused_never_all_titles(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "job titles that do not start with Senior")
    assert answer.refused and answer.sql is None, answer.reading


@pytest.mark.parametrize(
    "question",
    [
        "who hired Harold Vogt",  # the hirer: nobody the data names
        "who took on Harold Vogt",
        "when did Harold Vogt hire anyone",  # him hiring, not hired
        "Harold Vogt's team's hires in 2021",  # the team's hires, not his row (was his row)
        "Harold Vogt's department hires",
    ],
)
def test_a_question_about_whom_a_person_met_or_their_group_is_no_lookup_of_them(
    engine: OfflineEngine, question: str
) -> None:
    answer = ask(engine, question)
    assert answer.refused and answer.sql is None, answer.reading


def test_two_people_compared_are_both_looked_up(engine: OfflineEngine) -> None:
    answer = ask(engine, "Harold Vogt vs Ty Hofer start dates")
    assert sorted(names(answer)) == ["Harold Vogt", "Ty Hofer"]


@pytest.mark.parametrize(
    "question",
    [
        "whats the max-min gap across jobs in 2021",
        "what is the top-bottom spread across departments",
        "whats the average hire count by department",
    ],
)
def test_ordinary_words_written_small_are_nobody_s_name(
    engine: OfflineEngine, question: str
) -> None:
    """A run of ordinary English words with no capital is no person to look up: answering
    'nobody by that name' would answer a question nobody asked."""
    answer = ask(engine, question)
    assert "named “" not in (answer.reading or ""), answer.reading  # a name searched


@pytest.mark.parametrize(
    "question", ["anybody called Harold? (first name)", "people named Harold, first name only"]
)
def test_first_name_said_after_the_name_keeps_it_a_first_name(
    engine: OfflineEngine, question: str
) -> None:
    assert names(ask(engine, question)) == ["Harold Vogt"]


def test_first_name_said_of_a_last_name_finds_nobody_never_the_last_name(
    engine: OfflineEngine,
) -> None:
    answer = ask(engine, "anyone called Vogt? first name only")
    assert not answer.refused and answer.rows == []
    assert "No employee's first name is “Vogt”" in answer.explanation


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("who joined Sales in Dec 2022, with their job titles", "who joined Sales in Dec 2022"),
        ("show Legal hires from 2022 and their roles", "show Legal hires from 2022"),
        (
            "list the people in Legal hired in 2022 with their titles",
            "list the Legal hires of 2022",
        ),
    ],
)
def test_a_list_of_people_asked_with_their_titles_is_the_list_that_shows_them(
    engine: OfflineEngine, question: str, plain: str
) -> None:
    asked, listed = ask(engine, question), ask(engine, plain)
    assert names(asked) == names(listed) and "job" in asked.columns


def test_a_count_asked_with_their_titles_is_not_read_as_the_count_alone(
    engine: OfflineEngine,
) -> None:
    assert ask(engine, "how many Legal hires in 2022 with their titles").refused


def test_a_person_looked_up_shows_which_department_by_id_as_well_as_name(
    engine: OfflineEngine,
) -> None:
    """Two departments are named Support: the name alone cannot say which one a person is in."""
    answer = ask(engine, "which team id is Putnam Dodd in?")
    row = dict(zip(answer.columns, answer.rows[0], strict=True))
    assert (row["department"], row["department_id"]) == ("Support", 13)
    assert "department (its id and name)" in (answer.reading or "")
