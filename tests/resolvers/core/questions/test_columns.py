"""SQL's clauses said by people who know the columns, read as the words they plainly mean.

Ask never runs them as SQL (a whole SELECT of a table is refused as SQL): each
clause becomes words the grammar reads, and one whose SQL meaning differs from
those words is left as written, so the question is refused rather than answered
as an easier one.
"""

from __future__ import annotations

import pytest

from resolvers.core.questions import ask, columns
from resolvers.core.questions.offline import OfflineEngine


@pytest.mark.parametrize(
    ("said", "read"),
    [
        (
            "select count(*) from hired_employees where department = 'sales' and year = 2021",
            "count hires in sales in 2021",
        ),
        ("count(*) where dept = legal and yr = 2022", "count in legal in 2022"),
        ("count where year > 2020", "count since 2021"),
        ("count where year <= 2021", "count before 2022"),
        ("count where year = 2022 and quarter = 2", "count in 2022 in q2"),
        ("count where month = 3", "count in any march"),  # every year's March
        ("count where month = 3 and year = 2021", "count in march in 2021"),
        (
            "count(*) where datetime >= '2021-04-01' and datetime < '2021-07-01'",
            "count between 2021-04-01 and 2021-06-30",
        ),
        ("count where datetime < '2021-01-01'", "count before 2021-01-01"),
        ("count(*) where department_id = 5", "count in department 5"),
        (
            "select job, count(*) from hired_employees group by job having count(*) >= 10",
            "count hires by job at least 10 hires",
        ),
        (
            "count by job where year = 2021 order by count(*) desc limit 3",
            "count by job in 2021 most first top 3",
        ),
        ("count(*) where job = 'accountant i'", "count as accountant i"),
        ("count where department in ('sales', 'legal')", "count in sales or legal"),
        ("count where department = sales or department = legal", "count in sales or legal"),
        ("count where year in (2021, 2022)", "count in 2021 or 2022"),
        ("count where year = 2021 or year = 2022", "count in 2021 or 2022"),
        (
            "select count(*) from hired_employees e join departments d on d.id = e.department_id"
            " where d.department = 'sales'",
            "count hires in sales",
        ),
        ("select count(*) from jobs", "count jobs"),
        (
            "select count(*) from jobs where job like '%engineer%'",
            "count jobs whose name contains 'engineer'",
        ),
        (
            "select count(*) from departments where department like 's%'",
            "count departments whose name starts with 's'",
        ),
        ("hires per department, order by hires ascending", "hires per department, fewest first"),
        ("count by job having count(*) < 3", "count by job between 1 and 2 hires"),  # SQL's groups
        ("count by job having count(*) <= 3", "count by job between 1 and 3 hires"),
        ("count by job having count(*) between 0 and 4", "count by job between 1 and 4 hires"),
        ("hires by department order by hires", "hires by department order by hires"),  # words
        (
            "select department, count(*) from hired_employees group by department "
            "order by count(*)",  # SQL's order is ascending unless it says otherwise
            "count hires by department at least 1 hires fewest first",  # SQL's groups have one
        ),
        (
            "select name from hired_employees where department = 'legal' "
            "order by datetime desc limit 5",
            "names hires in legal latest 5",
        ),
        (
            "select e.name, e.datetime from hired_employees e where year = 2021 order by datetime",
            "names and hire dates hires in 2021 earliest first",
        ),
    ],
)
def test_a_clause_is_read_as_the_words_it_means(said: str, read: str) -> None:
    assert columns.plain(said) == read


@pytest.mark.parametrize(
    "said",
    [
        "count where department != sales",  # SQL drops the hires with no department
        "count where department <> 'sales'",
        "count where quarter = 2",  # every year's Q2: no period of one year
        "count(*) where job = 'accountant'",  # that one title, never its family
        "count(*) where datetime > '2021-01-01'",  # later that very day counts in SQL
        "count(*) where datetime <= '2021-12-31'",
        "select department, count(*) from hired_employees group by job",  # not the grouping
        "count where year = 2021 and department = sales or year = 2022",  # 'and' binds first
        "count where year = 2020 or year > 2021",
        "select count(*) from jobs where job like '%a_b%'",  # a wildcard inside
        "count(*) where month = 3 and year >= 2021",  # every March since 2021, not March 2021
        "count where quarter = 2 and year > 2020",
        "count where month = 3 and year in (2021, 2022)",
        "count where department = 'sales' and department = 'legal'",  # no hire is in both
        "count where job = 'accountant i' and title = 'accountant ii'",
        "count by department having count(*) = 0",  # SQL's groups each have a hire
        "count by department having count(*) < 1",
    ],
)
def test_a_clause_whose_sql_means_more_than_its_words_is_left_as_written(said: str) -> None:
    read = columns.plain(said)
    assert any(sql in read for sql in ("=", ">", "<", "select", "like")), read


@pytest.mark.parametrize(
    ("sql_ish", "plain"),
    [
        (
            "select count(*) from hired_employees where department = 'Sales' and year = 2021",
            "how many people did Sales hire in 2021",
        ),
        ("count(*) where dept = Legal and month = 3", "Legal hires in March of any year"),
        (
            "select job, count(*) from hired_employees where year = 2021 group by job "
            "having count(*) >= 10",
            "jobs with at least 10 hires in 2021",
        ),
        (
            "SELECT COUNT(*) FROM hired_employees WHERE datetime >= '2021-04-01' "
            "AND datetime < '2021-07-01'",
            "hires in Q2 2021",
        ),
    ],
)
def test_a_question_in_sql_words_gets_the_answer_of_the_same_question_in_words(
    words_engine: OfflineEngine, sql_ish: str, plain: str
) -> None:
    answer, expected = ask(words_engine, sql_ish), ask(words_engine, plain)
    assert not answer.refused, answer.explanation
    assert answer.rows == expected.rows


@pytest.mark.parametrize(
    "question",
    [
        "count where department != Sales",
        "count where quarter = 2",
        "count(*) where job = 'Accountant'",
        "count(*) where datetime > '2021-01-01'",
        "select * from departments",
        "count(*) where department = Legal; drop table jobs",
        # 'from' in words, not SQL's: the hires of those departments summed, never per group
        "how many hires from departments with more than 100 hires",
    ],
)
def test_sql_whose_meaning_the_words_would_change_is_refused(
    words_engine: OfflineEngine, question: str
) -> None:
    answer = ask(words_engine, question)
    assert answer.refused and answer.sql is None, answer.reading
