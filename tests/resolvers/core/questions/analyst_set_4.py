"""The fourth analyst set: HR analysts' chat and email questions, with hand-written gold.

Written blind, for issue 20, by a helper on branch evalset4 on 2026-12-07, as an
independent examiner. What the writer read: gold.py (the data loader, Case and
its helpers), scoring.py (how answers are compared), question_set.generate
(the generated data only), the answer conventions of the analyst sets (kept
in the session's notes) and issue 20's list of kinds; and the data itself,
loaded with ``gold.load`` into a throwaway DuckDB and queried by hand. What
the writer never opened, listed or ran: the engine (resolvers/core/questions/
or anything else under resolvers/ beyond using DuckDBWarehouse to load the
data), docs/, bench/, client/, streamlit_app/, the README's Ask section, any
other question set (development, held-out, trap or analyst sets 1-3) or their
tests; no engine or Ask endpoint was ever run on these questions. Every
question is a fresh wording.

Before the first score the lead removed 10 questions and 1 trap that, up to
case and punctuation, repeated an earlier held-out question or a development
one (short, natural wordings that examiners write alike, and two sentences of
issue 20's own text), leaving 153 + 52.

Measure on it, never tune to it: a miss worth fixing becomes a new
*development* question in other words, never an edit here.

The data is ``gold.load``; relative dates are read at ``gold.TODAY``
(midnight UTC, 1 January 2023); a period left open is 2022, the latest year
with data. Conventions are the analyst sets' (rows compared as multisets,
per-group counts by id with both "Support"s, families by whole word, levels
'I'..'IV', shares 0-100 of all hires in the period unless another whole is
named, and so on).

``CASES`` are answerable (execution accuracy). ``TRAPS`` look answerable but a
careless reading answers an easier question; each must come back right or
refused. Questions about things the tables do not hold have ``UNANSWERABLE``
as gold: no answer can match it, so only a refusal passes.
"""

from __future__ import annotations

from tests.resolvers.core.questions.gold import (
    PER_DEPARTMENT,
    Case,
    count,
    departments,
    jobs,
    names,
    not_departments,
    not_jobs,
    per_department,
    per_job,
    percent,
    span,
    year,
)

UNANSWERABLE = "SELECT 'the tables do not hold this' AS unanswerable"

SHAPES = (
    "plain",
    "vocabulary",
    "dates",
    "lookup",
    "family",
    "arithmetic",
    "condition",
    "rank_within",
    "order",
    "seed",
)

ALL = "hired_employees e"
EDJ = (
    "hired_employees e LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN jobs j ON j.id = e.job_id"
)
LEVEL = "regexp_extract(j.job, ' (I|II|III|IV)$', 1)"
LEVEL_NUMBER = f"list_position(['I', 'II', 'III', 'IV'], {LEVEL})"


def month(y: int, m: int) -> str:
    end = f"{y + 1}-01-01" if m == 12 else f"{y}-{m + 1:02d}-01"
    return span(f"{y}-{m:02d}-01", end)


def quarter(y: int, q: int) -> str:
    start = f"{y}-{3 * q - 2:02d}-01"
    end = f"{y + 1}-01-01" if q == 4 else f"{y}-{3 * q + 1:02d}-01"
    return span(start, end)


def day(iso: str) -> str:
    """The whole UTC day ``iso``."""
    return f"CAST(e.datetime AS DATE) = DATE '{iso}'"


def family(words: str) -> str:
    """Titles holding ``words`` (a regex of whole words, any case, optional plural)."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b(?:{words})s?\\b'))"


STATISTICIANS = family("statistician")
DESIGNERS = family("designer")
DEVELOPERS = family("developer")
PROGRAMMERS = family("programmer")
ACCOUNTANTS = family("accountant")
ENGINEERS = family("engineer")
MANAGERS = family("manager")
TECHNICIANS = family("technician")
DBAS = family("database administrator")
SYSADMINS = jobs("Systems Administrator II", "Systems Administrator IV")


def quarterly(where: str) -> str:
    """The seed's first report: hires per quarter by department and job, by their names."""
    return (
        "SELECT d.department, j.job, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 1) AS q1, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 2) AS q2, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 3) AS q3, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 4) AS q4 "
        "FROM hired_employees e JOIN departments d ON d.id = e.department_id "
        f"JOIN jobs j ON j.id = e.job_id WHERE {where} "
        "GROUP BY d.id, d.department, j.id, j.job ORDER BY d.department, j.job"
    )


def above_mean(where: str) -> str:
    """The seed's second report: departments above the mean of departments, most first."""
    return (
        f"WITH c AS (SELECT d.id, d.department, COUNT(*) AS hired FROM {PER_DEPARTMENT} "
        f"WHERE {where} GROUP BY d.id, d.department) "
        "SELECT id, department, hired FROM c WHERE hired > (SELECT AVG(hired) FROM c) "
        "ORDER BY hired DESC"
    )


def top_within(group: str, item: str, source: str, where: str, low: bool = False) -> str:
    """Per ``group``, the ``item`` values with the most (fewest) hires, ties kept."""
    direction = "ASC" if low else "DESC"
    return (
        f"WITH c AS (SELECT {group} AS g, {item} AS i, COUNT(*) AS n FROM {source} "
        f"WHERE {where} GROUP BY ALL), "
        f"r AS (SELECT g, i, n, RANK() OVER (PARTITION BY g ORDER BY n {direction}) AS k FROM c) "
        "SELECT g, i FROM r WHERE k = 1"
    )


def when(name: str) -> str:
    return f"SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE e.name = '{name}'"


def when_exactly(name: str) -> str:
    return f"SELECT e.datetime FROM hired_employees e WHERE e.name = '{name}'"


def per_department_names(where: str) -> str:
    return f"SELECT d.department FROM {PER_DEPARTMENT} WHERE {where} GROUP BY d.id, d.department"


def per_job_names(where: str) -> str:
    return (
        "SELECT j.job FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
        f"WHERE {where} GROUP BY j.id, j.job"
    )


def count_of(inner: str) -> str:
    return f"SELECT COUNT(*) FROM ({inner})"


HR = departments("Human Resources")
RD = departments("Research and Development")
BD = departments("Business Development")
PM = departments("Product Management")
SUPPORT = departments("Support")


PLAIN = [
    Case("total hires in 2020 pls", count(year(2020)), "plain", everyday=True),
    Case(
        "How many employees were hired into Marketing in 2022?",
        count(f"{year(2022)} AND {departments('Marketing')}"),
        "plain",
    ),
    Case("Hires per department, 2021.", per_department(year(2021)), "plain"),
    Case("number of people ever hired as a Teacher", count(jobs("Teacher")), "plain"),
    Case(
        "could you break down Legal's 2022 hiring by job title? thanks!",
        per_job(f"{year(2022)} AND {departments('Legal')}"),
        "plain",
        everyday=True,
    ),
    Case(
        "how many distinct job titles are in the jobs table",
        "SELECT COUNT(DISTINCT job) FROM jobs",
        "plain",
        everyday=True,
    ),
    Case(
        "list every department",
        "SELECT department FROM departments",
        "plain",
        note="Both 'Support' rows: departments are rows by id.",
    ),
    Case(
        "how many different titles did we actually hire into during 2022?",
        f"SELECT COUNT(DISTINCT e.job_id) FROM {ALL} WHERE {year(2022)}",
        "plain",
        everyday=True,
    ),
    Case(
        "How many hires have no department on record?",
        count("e.department_id IS NULL"),
        "plain",
    ),
    Case(
        "hires w/o a job title - how many in total?",
        count("e.job_id IS NULL"),
        "plain",
        everyday=True,
    ),
    Case(
        "whats the headcount for training",
        count(departments("Training")),
        "plain",
        everyday=True,
        note="The tables hold hires only: headcount is everyone Training ever hired.",
    ),
    Case(
        "Product Mgmt hiring by year please",
        f"SELECT year(e.datetime), COUNT(*) FROM {ALL} WHERE {PM} GROUP BY 1",
        "plain",
        everyday=True,
    ),
    Case(
        "Which job titles have the word Nurse in them?",
        "SELECT job FROM jobs WHERE regexp_matches(job, '(?i)\\bnurse\\b')",
        "plain",
    ),
    Case(
        "dept names with 'Development' in them",
        "SELECT department FROM departments WHERE department ILIKE '%development%'",
        "plain",
        everyday=True,
    ),
    Case(
        "new joiners per month in 2022, for a chart",
        f"SELECT month(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2022)} GROUP BY 1",
        "plain",
        everyday=True,
        also=(f"SELECT monthname(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2022)} GROUP BY 1",),
    ),
    Case(
        "count(*) of hired_employees where job = 'Actuary'",
        count(jobs("Actuary")),
        "plain",
    ),
    Case(
        "How many people have we hired, all time?",
        count(),
        "plain",
    ),
    Case(
        "Hello, hope you're well. Quick one for the board pack: could you tell me how many "
        "people we hired in total across 2021? Many thanks, Priya",
        count(year(2021)),
        "plain",
        everyday=True,
    ),
    Case(
        "hired_employees with department_id null, grouped by year",
        f"SELECT year(e.datetime), COUNT(*) FROM {ALL} WHERE e.department_id IS NULL GROUP BY 1",
        "plain",
    ),
]

VOCABULARY = [
    Case(
        "how many folks did HR bring on board in 2021",
        count(f"{year(2021)} AND {HR}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "number of R&D new starters in Q3 2022?",
        count(f"{quarter(2022, 3)} AND {RD}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many recruits did biz dev take on last year",
        count(f"{year(2022)} AND {BD}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how mnay poeple were hired in novmber 2021",
        count(month(2021, 11)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "roles BD hired for in 2020",
        per_job_names(f"{year(2020)} AND {BD}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many staff did Support onboard in 2022",
        count(f"{year(2022)} AND {SUPPORT}"),
        "vocabulary",
        everyday=True,
        note="'Support' is both departments of that name.",
    ),
    Case(
        "headcount per dept for 2020",
        per_department(year(2020)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "which positions has Legal ever brought people in for?",
        per_job_names(departments("Legal")),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Product Mgmt hires in Q1 2021 - just the number thx",
        count(f"{quarter(2021, 1)} AND {PM}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many people came on board in the Enginering dept during 2021?",
        count(f"{year(2021)} AND {departments('Engineering')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "# of hirse in sales in 2022",
        count(f"{year(2022)} AND {departments('Sales')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Total new joiners for Acounting in 2022?",
        count(f"{year(2022)} AND {departments('Accounting')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many did we take on as Recruiters in 2021",
        count(f"{year(2021)} AND {jobs('Recruiter')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "titles Human Ressources hired into in Dec 2021",
        per_job_names(f"{month(2021, 12)} AND {HR}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "hey, how many hires did the R&D org make in feb 2022?",
        count(f"{month(2022, 2)} AND {RD}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "staff numbers by team for 2022 please",
        per_department(year(2022)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many people were onboarded in Servcies in 2021?",
        count(f"{year(2021)} AND {departments('Services')}"),
        "vocabulary",
        everyday=True,
    ),
]

DATES = [
    Case(
        "How many hires between 12 April and 9 July 2021?",
        count(span("2021-04-12", "2021-07-10")),
        "dates",
    ),
    Case(
        "how many ppl did we hire on New Year's Day 2022",
        count(day("2022-01-01")),
        "dates",
        everyday=True,
    ),
    Case("Number of hires on Halloween 2021.", count(day("2021-10-31")), "dates"),
    Case(
        "how many joined in spring 2022 (march thru may)",
        count(span("2022-03-01", "2022-06-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "count of hires in Q2",
        count(quarter(2022, 2)),
        "dates",
        note="Q2 with no year: the latest year with data, 2022.",
    ),
    Case(
        "How many new hires did we have in the first half of 2021?",
        count(span("2021-01-01", "2021-07-01")),
        "dates",
    ),
    Case(
        "hires per weekday in 2021",
        f"SELECT dayname(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2021)} GROUP BY 1",
        "dates",
        also=(f"SELECT isodow(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2021)} GROUP BY 1",),
    ),
    Case(
        "how many hires in the last 6 months?",
        count(span("2022-07-01", "2023-01-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "how many hires so far this year",
        count(span("2023-01-01", "2024-01-01")),
        "dates",
        everyday=True,
        note="This year is 2023 at gold.TODAY: no hires, a count of 0.",
    ),
    Case(
        "how many folks were hired on Christmas Eve 2020?",
        count(day("2020-12-24")),
        "dates",
        everyday=True,
    ),
    Case(
        "between valentines day and the end of march 2022 how many people got hired in sales",
        count(f"{span('2022-02-14', '2022-04-01')} AND {departments('Sales')}"),
        "dates",
        everyday=True,
    ),
    Case(
        "Hires by quarter for 2022.",
        f"SELECT quarter(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2022)} GROUP BY 1",
        "dates",
    ),
    Case(
        "How many hires were made in the fall of 2020?",
        count(span("2020-09-01", "2020-12-01")),
        "dates",
    ),
    Case(
        "how many hires on july 4th?",
        count(day("2022-07-04")),
        "dates",
        everyday=True,
        note="No year: 4 July 2022.",
    ),
    Case(
        "how many people did we hire over the last 3 years",
        count(span("2020-01-01", "2023-01-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "Number of hires from 2021-12-20 to 2022-01-05",
        count(span("2021-12-20", "2022-01-06")),
        "dates",
    ),
]

LOOKUP = [
    Case(
        "which department is Ty Hofer in",
        "SELECT d.department FROM hired_employees e LEFT JOIN departments d "
        "ON d.id = e.department_id WHERE e.name = 'Ty Hofer'",
        "lookup",
        everyday=True,
    ),
    Case(
        "what's Ludvig Norwood's job title?",
        "SELECT j.job FROM hired_employees e LEFT JOIN jobs j ON j.id = e.job_id "
        "WHERE e.name = 'Ludvig Norwood'",
        "lookup",
        everyday=True,
        note="He has no job: a NULL, not a missing row.",
    ),
    Case(
        "employee 3050: name, dept and title pls",
        f"SELECT e.name, d.department, j.job FROM {EDJ} WHERE e.id = 3050",
        "lookup",
        everyday=True,
    ),
    Case(
        "is there anyone called Lotti? what's their job",
        f"SELECT j.job FROM {EDJ} WHERE e.name LIKE 'Lotti %'",
        "lookup",
        everyday=True,
    ),
    Case(
        "When did Elia D'Enrico and Blondell Pybus join?",
        "SELECT e.name, CAST(e.datetime AS DATE) FROM hired_employees e "
        "WHERE e.name IN ('Elia D''Enrico', 'Blondell Pybus')",
        "lookup",
        also=(
            "SELECT e.name, e.datetime FROM hired_employees e "
            "WHERE e.name IN ('Elia D''Enrico', 'Blondell Pybus')",
        ),
    ),
    Case(
        "do we have an employee named John Smith?",
        names("e.name = 'John Smith'"),
        "lookup",
        empty=True,
        also=(count("e.name = 'John Smith'"),),
        note="Nobody by that name: no rows, or a count of 0.",
    ),
    Case(
        "who did Legal hire in 2021? with dates",
        f"SELECT e.name, CAST(e.datetime AS DATE) FROM {ALL} "
        f"WHERE {year(2021)} AND {departments('Legal')}",
        "lookup",
        everyday=True,
        also=(
            f"SELECT e.name, e.datetime FROM {ALL} WHERE {year(2021)} AND {departments('Legal')}",
        ),
    ),
    Case(
        "Whom did Compliance take on in 2020?",
        names(f"{year(2020)} AND {departments('Compliance')}"),
        "lookup",
        everyday=True,
    ),
    Case(
        "Who joined Training in June 2021?",
        names(f"{month(2021, 6)} AND {departments('Training')}"),
        "lookup",
    ),
    Case(
        "list employees with 'Mc' in their name",
        names("e.name ILIKE '%mc%'"),
        "lookup",
    ),
    Case(
        "what job + team is Xylia Furlow in?",
        f"SELECT d.department, j.job FROM {EDJ} WHERE e.name = 'Xylia Furlow'",
        "lookup",
        everyday=True,
    ),
    Case(
        "who was hired on 2022-02-20",
        names(day("2022-02-20")),
        "lookup",
    ),
    Case(
        "which department did Thia Morican go into",
        "SELECT d.department FROM hired_employees e LEFT JOIN departments d "
        "ON d.id = e.department_id WHERE e.name = 'Thia Morican'",
        "lookup",
        everyday=True,
        note="No department: a NULL row.",
    ),
    Case(
        "hire date for employee id 3304?",
        "SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE e.id = 3304",
        "lookup",
        also=("SELECT e.datetime FROM hired_employees e WHERE e.id = 3304",),
    ),
    Case(
        "Person 0042 - when did they start, and where?",
        f"SELECT CAST(e.datetime AS DATE), d.department FROM {EDJ} WHERE e.name = 'Person 0042'",
        "lookup",
        everyday=True,
        also=(f"SELECT e.datetime, d.department FROM {EDJ} WHERE e.name = 'Person 0042'",),
    ),
]

FAMILY = [
    Case("How many developers have we hired overall?", count(DEVELOPERS), "family"),
    Case(
        "DBA hires by year",
        f"SELECT year(e.datetime), COUNT(*) FROM {ALL} WHERE {DBAS} GROUP BY 1",
        "family",
        everyday=True,
    ),
    Case(
        "number of sysadmins brought on 2020-2022",
        count(f"{span('2020-01-01', '2023-01-01')} AND {SYSADMINS}"),
        "family",
        everyday=True,
    ),
    Case(
        "technicians hired in 2021, how many?",
        count(f"{year(2021)} AND {TECHNICIANS}"),
        "family",
        everyday=True,
        also=(count(f"{year(2021)} AND ({TECHNICIANS} OR {jobs('Environmental Tech')})"),),
    ),
    Case(
        "how many level IV hires in 2022",
        count(f"{year(2022)} AND e.job_id IN (SELECT id FROM jobs WHERE job LIKE '% IV')"),
        "family",
        everyday=True,
    ),
    Case(
        "accountants per department in 2021",
        per_department(f"{year(2021)} AND {ACCOUNTANTS}"),
        "family",
        everyday=True,
        note="Titles with the word Accountant; Accounting Assistants are not accountants.",
    ),
    Case(
        "How many programmers were hired in Q4 2021?",
        count(f"{quarter(2021, 4)} AND {PROGRAMMERS}"),
        "family",
    ),
    Case(
        "software engineers by level?",
        f"SELECT {LEVEL}, COUNT(*) FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
        f"WHERE {family('software engineer')} GROUP BY 1",
        "family",
        everyday=True,
        also=(
            "SELECT j.job, COUNT(*) FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
            f"WHERE {family('software engineer')} GROUP BY 1",
            f"SELECT {LEVEL_NUMBER}, COUNT(*) FROM hired_employees e "
            f"JOIN jobs j ON j.id = e.job_id WHERE {family('software engineer')} GROUP BY 1",
        ),
        note="Software Engineer I-IV; a Software Test Engineer is not one.",
    ),
    Case(
        "how many web designers has Sales hired, all time",
        count(f"{family('web designer')} AND {departments('Sales')}"),
        "family",
        everyday=True,
    ),
    Case(
        "Engineering dept: how many engineers did it hire in 2022?",
        count(f"{year(2022)} AND {ENGINEERS} AND {departments('Engineering')}"),
        "family",
        everyday=True,
    ),
    Case(
        "managers hired in 2021, by title",
        per_job(f"{year(2021)} AND {MANAGERS}"),
        "family",
        note="Every title with the word manager, 'Analog Circuit Design manager' included.",
    ),
    Case(
        "How many hires above level II were there in 2021?",
        count(
            f"{year(2021)} AND e.job_id IN "
            "(SELECT id FROM jobs WHERE job LIKE '% III' OR job LIKE '% IV')"
        ),
        "family",
    ),
    Case(
        "Health Coach hires by level in 2022 pls",
        f"SELECT {LEVEL}, COUNT(*) FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
        f"WHERE {year(2022)} AND {family('health coach')} GROUP BY 1",
        "family",
        everyday=True,
        also=(
            "SELECT j.job, COUNT(*) FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
            f"WHERE {year(2022)} AND {family('health coach')} GROUP BY 1",
            f"SELECT {LEVEL_NUMBER}, COUNT(*) FROM hired_employees e "
            f"JOIN jobs j ON j.id = e.job_id WHERE {year(2022)} AND {family('health coach')} "
            "GROUP BY 1",
        ),
    ),
    Case(
        "how many geologists did we bring in during 2020?",
        count(f"{year(2020)} AND {family('geologist')}"),
        "family",
        everyday=True,
    ),
]

ARITHMETIC = [
    Case(
        "how many more did Marketing hire than Sales in 2021?",
        f"SELECT ({count(f'{year(2021)} AND ' + departments('Marketing'))}) - "
        f"({count(f'{year(2021)} AND ' + departments('Sales'))})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "R&D minus Training, hires in 2022",
        f"SELECT ({count(f'{year(2022)} AND ' + RD)}) - "
        f"({count(f'{year(2022)} AND ' + departments('Training'))})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "What percentage of 2022 hires went to Engineering?",
        percent(departments("Engineering"), year(2022)),
        "arithmetic",
    ),
    Case(
        "change in total hires from 2021 to 2022",
        f"SELECT ({count(year(2022))}) - ({count(year(2021))})",
        "arithmetic",
        also=(f"SELECT ({count(year(2021))}) - ({count(year(2022))})",),
    ),
    Case(
        "combined hires for Accounting and Legal in 2021?",
        count(f"{year(2021)} AND {departments('Accounting', 'Legal')}"),
        "arithmetic",
    ),
    Case(
        "whats the avg number of hires per dept in 2021",
        "SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM "
        f"{PER_DEPARTMENT} WHERE {year(2021)} GROUP BY d.id)",
        "arithmetic",
        everyday=True,
        note="Over the 14 departments, all of which hired in 2021.",
    ),
    Case(
        "what % of all our hires have no job title?",
        percent("e.job_id IS NULL", "TRUE"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "How many fewer hires were there in Q2 2022 than in Q1 2022?",
        f"SELECT ({count(quarter(2022, 1))}) - ({count(quarter(2022, 2))})",
        "arithmetic",
        also=(f"SELECT ({count(quarter(2022, 2))}) - ({count(quarter(2022, 1))})",),
        note="Fewer A than B is B - A: Q1 minus Q2.",
    ),
    Case(
        "percent change in HR hiring 2020 -> 2021",
        f"SELECT 100.0 * (({count(f'{year(2021)} AND ' + HR)}) - "
        f"({count(f'{year(2020)} AND ' + HR)})) / ({count(f'{year(2020)} AND ' + HR)})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "what share of Training's 2021 hires came in Q4?",
        percent(quarter(2021, 4), f"{year(2021)} AND {departments('Training')}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "How many more people were hired in H2 2020 than in H1 2020?",
        f"SELECT ({count(span('2020-07-01', '2021-01-01'))}) - "
        f"({count(span('2020-01-01', '2020-07-01'))})",
        "arithmetic",
        also=(
            f"SELECT ({count(span('2020-01-01', '2020-07-01'))}) - "
            f"({count(span('2020-07-01', '2021-01-01'))})",
        ),
    ),
    Case(
        "average hires per month in 2021?",
        f"SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM {ALL} WHERE {year(2021)} "
        "GROUP BY month(e.datetime))",
        "arithmetic",
    ),
    Case(
        "Sales' 2022 hires as a percentage of its 2021 hires",
        f"SELECT 100.0 * ({count(f'{year(2022)} AND ' + departments('Sales'))}) / "
        f"({count(f'{year(2021)} AND ' + departments('Sales'))})",
        "arithmetic",
    ),
    Case(
        "engineering + services + legal, total hires in 2020",
        count(f"{year(2020)} AND {departments('Engineering', 'Services', 'Legal')}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "in 2021, what's the gap between the department that hired the most and the one "
        "that hired the least?",
        "SELECT MAX(n) - MIN(n) FROM (SELECT COUNT(*) AS n FROM "
        f"{PER_DEPARTMENT} WHERE {year(2021)} GROUP BY d.id)",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "how many more developers than designers did we hire in 2021",
        f"SELECT ({count(f'{year(2021)} AND ' + DEVELOPERS)}) - "
        f"({count(f'{year(2021)} AND ' + DESIGNERS)})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Hi - my boss wants one number for a slide: what share of 2021's hires went to "
        "Research and Development? Thanks!",
        percent(RD, year(2021)),
        "arithmetic",
        everyday=True,
    ),
]

CONDITION = [
    Case(
        "how many departments hired at least 50 ppl in 2022",
        count_of(per_department(year(2022)) + " HAVING COUNT(*) >= 50"),
        "condition",
        everyday=True,
    ),
    Case(
        "job titles with exactly one hire in 2022",
        per_job_names(year(2022)) + " HAVING COUNT(*) = 1",
        "condition",
    ),
    Case(
        "depts that hired between 20 and 60 people in 2020",
        per_department_names(year(2020)) + " HAVING COUNT(*) BETWEEN 20 AND 60",
        "condition",
        everyday=True,
    ),
    Case(
        "Which departments hired more than Sales did in 2022?",
        per_department_names(year(2022))
        + f" HAVING COUNT(*) > ({count(f'{year(2022)} AND ' + departments('Sales'))})",
        "condition",
    ),
    Case(
        "are there any job titles we've never hired for?",
        "SELECT j.job FROM jobs j WHERE NOT EXISTS "
        "(SELECT 1 FROM hired_employees e WHERE e.job_id = j.id)",
        "condition",
        everyday=True,
    ),
    Case(
        "which departments made no hires at all in 2022",
        "SELECT d.department FROM departments d WHERE NOT EXISTS "
        f"(SELECT 1 FROM hired_employees e WHERE e.department_id = d.id AND {year(2022)})",
        "condition",
        everyday=True,
    ),
    Case(
        "teams that hired fewer than 10 people in 2021?",
        per_department_names(year(2021)) + " HAVING COUNT(*) < 10",
        "condition",
        everyday=True,
    ),
    Case(
        "Months of 2021 with more than 90 hires",
        f"SELECT month(e.datetime) FROM {ALL} WHERE {year(2021)} GROUP BY 1 HAVING COUNT(*) > 90",
        "condition",
        also=(
            f"SELECT monthname(e.datetime) FROM {ALL} WHERE {year(2021)} GROUP BY 1 "
            "HAVING COUNT(*) > 90",
        ),
    ),
    Case(
        "How many job titles had 20 or more hires across 2020-2022?",
        count_of(per_job(span("2020-01-01", "2023-01-01")) + " HAVING COUNT(*) >= 20"),
        "condition",
    ),
    Case(
        "depts that hired in every quarter of 2021",
        per_department_names(year(2021)) + " HAVING COUNT(DISTINCT quarter(e.datetime)) = 4",
        "condition",
        everyday=True,
    ),
    Case(
        "which departments hired more in 2022 than in 2021?",
        per_department_names("TRUE")
        + f" HAVING COUNT(*) FILTER (WHERE {year(2022)}) > COUNT(*) FILTER (WHERE {year(2021)})",
        "condition",
        everyday=True,
    ),
    Case(
        "jobs with more than 2 hires in Training in 2021",
        per_job_names(f"{year(2021)} AND {departments('Training')}") + " HAVING COUNT(*) > 2",
        "condition",
    ),
    Case(
        "which quarters of 2022 had fewer than 210 hires?",
        f"SELECT quarter(e.datetime) FROM {ALL} WHERE {year(2022)} GROUP BY 1 "
        "HAVING COUNT(*) < 210",
        "condition",
        everyday=True,
    ),
    Case(
        "Which departments have hired under 50 people in total?",
        per_department_names("TRUE") + " HAVING COUNT(*) < 50",
        "condition",
    ),
    Case(
        "weekdays in 2022 with more than 120 hires, pls",
        f"SELECT dayname(e.datetime) FROM {ALL} WHERE {year(2022)} GROUP BY 1 "
        "HAVING COUNT(*) > 120",
        "condition",
        everyday=True,
        also=(
            f"SELECT isodow(e.datetime) FROM {ALL} WHERE {year(2022)} GROUP BY 1 "
            "HAVING COUNT(*) > 120",
        ),
    ),
]

RANK_WITHIN = [
    Case(
        "each department's busiest quarter of 2022",
        top_within("d.id", "quarter(e.datetime)", PER_DEPARTMENT, year(2022)).replace(
            "SELECT g, i FROM r",
            "SELECT (SELECT department FROM departments WHERE id = g), i FROM r",
        ),
        "rank_within",
    ),
    Case(
        "what was the busiest month in each year?",
        top_within("year(e.datetime)", "month(e.datetime)", ALL, "TRUE"),
        "rank_within",
        everyday=True,
        also=(top_within("year(e.datetime)", "monthname(e.datetime)", ALL, "TRUE"),),
    ),
    Case(
        "For each quarter of 2021, which department hired the most?",
        top_within("quarter(e.datetime)", "d.id", PER_DEPARTMENT, year(2021)).replace(
            "SELECT g, i FROM r",
            "SELECT g, (SELECT department FROM departments WHERE id = i) FROM r",
        ),
        "rank_within",
    ),
    Case(
        "most common job title per department, all time",
        top_within("d.id", "j.job", EDJ.replace("LEFT ", ""), "TRUE").replace(
            "SELECT g, i FROM r",
            "SELECT (SELECT department FROM departments WHERE id = g), i FROM r",
        ),
        "rank_within",
        everyday=True,
    ),
    Case(
        "who was the very first hire in each department?",
        "SELECT d.department, e.name FROM hired_employees e JOIN departments d "
        "ON d.id = e.department_id QUALIFY RANK() OVER "
        "(PARTITION BY d.id ORDER BY e.datetime) = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "Latest hire per department in 2022?",
        "SELECT d.department, e.name FROM hired_employees e JOIN departments d "
        f"ON d.id = e.department_id WHERE {year(2022)} QUALIFY RANK() OVER "
        "(PARTITION BY d.id ORDER BY e.datetime DESC) = 1",
        "rank_within",
    ),
    Case(
        "for each year, the top dept by hires",
        top_within("year(e.datetime)", "d.id", PER_DEPARTMENT, "TRUE").replace(
            "SELECT g, i FROM r",
            "SELECT g, (SELECT department FROM departments WHERE id = i) FROM r",
        ),
        "rank_within",
        everyday=True,
    ),
    Case(
        "top 3 departments in each year by number of hires",
        "WITH c AS (SELECT year(e.datetime) AS y, d.id, d.department, COUNT(*) AS n "
        f"FROM {PER_DEPARTMENT} GROUP BY ALL) "
        "SELECT y, department FROM c QUALIFY RANK() OVER (PARTITION BY y ORDER BY n DESC) <= 3",
        "rank_within",
    ),
    Case(
        "for sales, marketing, HR and training: which quarter of 2021 was each one's quietest?",
        top_within(
            "d.id",
            "quarter(e.datetime)",
            PER_DEPARTMENT,
            f"{year(2021)} AND " + departments("Sales", "Marketing", "Human Resources", "Training"),
            low=True,
        ).replace(
            "SELECT g, i FROM r",
            "SELECT (SELECT department FROM departments WHERE id = g), i FROM r",
        ),
        "rank_within",
        everyday=True,
        note="Each of the four hired in every quarter of 2021, so no quarter is empty; "
        "Sales ties Q2 and Q3.",
    ),
    Case(
        "for every month of 2022, the biggest hiring team",
        top_within("month(e.datetime)", "d.id", PER_DEPARTMENT, year(2022)).replace(
            "SELECT g, i FROM r",
            "SELECT g, (SELECT department FROM departments WHERE id = i) FROM r",
        ),
        "rank_within",
        everyday=True,
        also=(
            top_within("monthname(e.datetime)", "d.id", PER_DEPARTMENT, year(2022)).replace(
                "SELECT g, i FROM r",
                "SELECT g, (SELECT department FROM departments WHERE id = i) FROM r",
            ),
        ),
    ),
    Case(
        "Busiest weekday for each department in 2022",
        top_within("d.id", "dayname(e.datetime)", PER_DEPARTMENT, year(2022)).replace(
            "SELECT g, i FROM r",
            "SELECT (SELECT department FROM departments WHERE id = g), i FROM r",
        ),
        "rank_within",
        also=(
            top_within("d.id", "isodow(e.datetime)", PER_DEPARTMENT, year(2022)).replace(
                "SELECT g, i FROM r",
                "SELECT (SELECT department FROM departments WHERE id = g), i FROM r",
            ),
        ),
    ),
    Case(
        "first person each department hired in 2021, pls",
        "SELECT d.department, e.name FROM hired_employees e JOIN departments d "
        f"ON d.id = e.department_id WHERE {year(2021)} QUALIFY RANK() OVER "
        "(PARTITION BY d.id ORDER BY e.datetime) = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "which statistician level did each year hire most?",
        top_within(
            "year(e.datetime)",
            LEVEL,
            "hired_employees e JOIN jobs j ON j.id = e.job_id",
            STATISTICIANS,
        ),
        "rank_within",
        everyday=True,
        also=(
            top_within(
                "year(e.datetime)",
                LEVEL_NUMBER,
                "hired_employees e JOIN jobs j ON j.id = e.job_id",
                STATISTICIANS,
            ),
            top_within(
                "year(e.datetime)",
                "j.job",
                "hired_employees e JOIN jobs j ON j.id = e.job_id",
                STATISTICIANS,
            ),
        ),
    ),
]

ORDER = [
    Case(
        "the first six people we ever hired",
        names("TRUE") + " ORDER BY e.datetime LIMIT 6",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "who are our latest 5 hires?",
        names("TRUE") + " ORDER BY e.datetime DESC LIMIT 5",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "Departments ranked by 2022 hires, most first",
        per_department(year(2022)) + " ORDER BY COUNT(*) DESC",
        "order",
        ordered=True,
        key=(1,),
    ),
    Case(
        "top 5 job titles in 2021 by hires",
        per_job(year(2021)) + " ORDER BY COUNT(*) DESC LIMIT 5",
        "order",
        ordered=True,
        key=(1,),
    ),
    Case(
        "Legal's 2022 hires, oldest first, with their start dates",
        f"SELECT e.name, CAST(e.datetime AS DATE) FROM {ALL} "
        f"WHERE {year(2022)} AND {departments('Legal')} ORDER BY e.datetime",
        "order",
        ordered=True,
        everyday=True,
        key=(0,),
        also=(
            f"SELECT e.name, e.datetime FROM {ALL} "
            f"WHERE {year(2022)} AND {departments('Legal')} ORDER BY e.datetime",
        ),
    ),
    Case(
        "job titles with the word Engineer in them, A-Z",
        "SELECT job FROM jobs WHERE regexp_matches(job, '(?i)\\bengineer\\b') ORDER BY job",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "bottom 3 depts by hires in 2020, fewest first",
        per_department(year(2020)) + " ORDER BY COUNT(*) LIMIT 3",
        "order",
        ordered=True,
        key=(1,),
        everyday=True,
    ),
    Case(
        "months of 2022 sorted by number of hires, highest first",
        f"SELECT month(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2022)} "
        "GROUP BY 1 ORDER BY 2 DESC",
        "order",
        ordered=True,
        key=(1,),
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2022)} "
            "GROUP BY 1 ORDER BY 2 DESC",
        ),
    ),
    Case(
        "2021 hires per quarter, in quarter order",
        f"SELECT quarter(e.datetime), COUNT(*) FROM {ALL} WHERE {year(2021)} GROUP BY 1 ORDER BY 1",
        "order",
        ordered=True,
    ),
    Case(
        "Compliance staff by hire date, newest first",
        names(departments("Compliance")) + " ORDER BY e.datetime DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "the 3 most recent hires in marketing?",
        names(departments("Marketing")) + " ORDER BY e.datetime DESC LIMIT 3",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "The ten earliest hires of 2022, in order.",
        names(year(2022)) + " ORDER BY e.datetime LIMIT 10",
        "order",
        ordered=True,
    ),
    Case(
        "depts sorted Z to A",
        "SELECT department FROM departments ORDER BY department DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "can u give me the Services hires from 2022 sorted by name",
        names(f"{year(2022)} AND {departments('Services')}") + " ORDER BY e.name",
        "order",
        ordered=True,
        everyday=True,
    ),
]

SEED = [
    Case(
        "Hires per quarter of 2021 for each department and job, ordered by department and job.",
        quarterly(year(2021)),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "need the 2022 quarterly hiring numbers by dept and job title, sorted by dept then job",
        quarterly(year(2022)),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "Q1-Q4 2020 hires broken down by department + job (alphabetical)",
        quarterly(year(2020)),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "Hi, for the quarterly review could you pull hires per quarter in 2021 by department "
        "and by job, in department and job name order? thx",
        quarterly(year(2021)),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "quarterly hires for 2022 per department and job, Legal only, ordered by job",
        quarterly(f"{year(2022)} AND {departments('Legal')}"),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "how many did each dept hire for each job in every quarter of 2020? order by dept, job",
        quarterly(year(2020)),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "department x job x quarter hiring grid for 2022, sorted by department and job",
        quarterly(year(2022)),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "Which departments hired more than the mean of all departments in 2021? Give id, "
        "name and number hired, most first.",
        above_mean(year(2021)),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "depts that beat the average department's hiring in 2020 - id, name, count, biggest first",
        above_mean(year(2020)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "My director wants to see which teams hired above the average for 2021 (id, name, "
        "headcount), highest at the top",
        above_mean(year(2021)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "departments with more 2020 hires than the mean across departments, with their ids "
        "and counts, sorted descending",
        above_mean(year(2020)),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "above-average hiring departments in 2021: id, dept name, hires - most first pls",
        above_mean(year(2021)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "who out-hired the typical department in 2020? id + name + how many, top down",
        above_mean(year(2020)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
]

CASES: list[Case] = [
    *PLAIN,
    *VOCABULARY,
    *DATES,
    *LOOKUP,
    *FAMILY,
    *ARITHMETIC,
    *CONDITION,
    *RANK_WITHIN,
    *ORDER,
    *SEED,
]


UNANSWERABLE_TRAPS = [
    Case(
        "what's the average salary of the engineers we hired in 2022?",
        UNANSWERABLE,
        "plain",
        everyday=True,
        note="No salaries in the tables.",
    ),
    Case(
        "how many people left the company in 2021?",
        UNANSWERABLE,
        "plain",
        everyday=True,
        note="Hires only: no leavers.",
    ),
    Case(
        "How many of the 2022 hires are based in the London office?",
        UNANSWERABLE,
        "plain",
        note="No locations.",
    ),
    Case(
        "attrition rate for sales last year pls",
        UNANSWERABLE,
        "arithmetic",
        everyday=True,
        note="No leavers, so no attrition.",
    ),
    Case(
        "gender split of the 2021 new joiners?",
        UNANSWERABLE,
        "arithmetic",
        everyday=True,
        note="No gender.",
    ),
    Case(
        "how many of the people we hired in 2020 are still with us",
        UNANSWERABLE,
        "dates",
        everyday=True,
        note="Hires only: who is still employed is not held.",
    ),
    Case(
        "average age of our Q1 2022 new starters",
        UNANSWERABLE,
        "arithmetic",
        everyday=True,
        note="No ages or birth dates.",
    ),
    Case(
        "Which recruiter brought in the most hires in 2021?",
        UNANSWERABLE,
        "rank_within",
        note="Who recruited whom is not held; 'Recruiter' is only a job title hired for.",
    ),
    Case(
        "avg time-to-fill for the Legal roles we hired in 2022?",
        UNANSWERABLE,
        "arithmetic",
        everyday=True,
        note="No requisition or opening dates.",
    ),
    Case(
        "what is Tobi Lawton paid",
        UNANSWERABLE,
        "lookup",
        everyday=True,
        note="No pay.",
    ),
    Case(
        "how many contractors vs full-timers did we take on in 2022?",
        UNANSWERABLE,
        "vocabulary",
        everyday=True,
        note="No contract types.",
    ),
    Case(
        "Which of our 2021 hires have been promoted since?",
        UNANSWERABLE,
        "lookup",
        note="No job history.",
    ),
]

OPEN_PERIOD_TRAPS = [
    Case(
        "how many hires in March?",
        count(month(2022, 3)),
        "dates",
        everyday=True,
        note="No year: March 2022, never every March together.",
    ),
    Case(
        "how many sales hires in Q4?",
        count(f"{quarter(2022, 4)} AND {departments('Sales')}"),
        "dates",
        everyday=True,
        note="No year: Q4 2022.",
    ),
    Case(
        "How many people did we hire on Valentine's Day?",
        count(day("2022-02-14")),
        "dates",
        note="No year: 14 February 2022.",
    ),
    Case(
        "which department hired the most in the autumn",
        top_within("1", "d.id", PER_DEPARTMENT, span("2022-09-01", "2022-12-01")).replace(
            "SELECT g, i FROM r", "SELECT (SELECT department FROM departments WHERE id = i) FROM r"
        ),
        "rank_within",
        everyday=True,
        note="No year: September-November 2022.",
    ),
    Case(
        "how many did Sales hire last month?",
        count(f"{month(2022, 12)} AND {departments('Sales')}"),
        "dates",
        everyday=True,
        note="Last month at gold.TODAY is December 2022.",
    ),
    Case(
        "who did we hire on 29 February 2021?",
        names("FALSE"),
        "dates",
        empty=True,
        also=(count("FALSE"),),
        note="No such day (2021 is not a leap year): no rows or 0; never 1 March.",
    ),
]

NEGATION_TRAPS = [
    Case(
        "who did Compliance hire apart from Lurette Erwin?",
        names(f"{departments('Compliance')} AND e.name <> 'Lurette Erwin'"),
        "lookup",
        everyday=True,
    ),
    Case(
        "who was hired on New Year's Day 2022 other than Cly Butt",
        names(f"{day('2022-01-01')} AND e.name <> 'Cly Butt'"),
        "lookup",
        everyday=True,
    ),
    Case(
        "Legal's 2021 hires who aren't web developers",
        names(
            f"{year(2021)} AND {departments('Legal')} AND "
            f"(e.job_id IS NULL OR NOT {family('web developer')})"
        ),
        "lookup",
        note="The list of people; those without a job are kept.",
    ),
    Case(
        "how many people did HR hire in 2021 who were not Recruiting Managers",
        count(f"{year(2021)} AND {HR} AND {not_jobs('Recruiting Manager')}"),
        "condition",
        everyday=True,
    ),
    Case(
        "who joined Services in Feb 2022 but isn't a geologist?",
        names(
            f"{month(2022, 2)} AND {departments('Services')} AND "
            f"(e.job_id IS NULL OR NOT {family('geologist')})"
        ),
        "lookup",
        everyday=True,
    ),
    Case(
        "how many people did we hire in 2021, not counting Legal",
        count(f"{year(2021)} AND {not_departments('Legal')}"),
        "vocabulary",
        everyday=True,
        note="'not counting' excludes Legal (people without a department kept); "
        "it has nothing to do with Accounting.",
    ),
    Case(
        "How many hires in 2022, not counting the ones with no department?",
        count(f"{year(2022)} AND e.department_id IS NOT NULL"),
        "plain",
    ),
    Case(
        "How many 2021 hires were in neither Training nor R&D?",
        count(f"{year(2021)} AND {not_departments('Training', 'Research and Development')}"),
        "condition",
        note="People without a department are in neither.",
    ),
    Case(
        "which departments hired no statisticians in 2021?",
        "SELECT d.department FROM departments d WHERE NOT EXISTS (SELECT 1 FROM "
        f"hired_employees e WHERE e.department_id = d.id AND {year(2021)} AND {STATISTICIANS})",
        "condition",
        everyday=True,
    ),
    Case(
        "for each year, which dept hired the most if you leave R&D out?",
        top_within(
            "year(e.datetime)", "d.id", PER_DEPARTMENT, not_departments("Research and Development")
        ).replace(
            "SELECT g, i FROM r",
            "SELECT g, (SELECT department FROM departments WHERE id = i) FROM r",
        ),
        "rank_within",
        everyday=True,
        note="R&D out of the ranking, not the runner-up of a ranking with R&D.",
    ),
]

FAMILY_TRAPS = [
    Case(
        "how many designers did we hire in 2021, not counting web designers",
        count(f"{year(2021)} AND {DESIGNERS} AND NOT {family('web designer')}"),
        "family",
        everyday=True,
        note="Graphic Designers only.",
    ),
    Case(
        "engineers hired in 2022 excluding software engineers - how many?",
        count(f"{year(2022)} AND {ENGINEERS} AND NOT {family('software engineer')}"),
        "family",
        everyday=True,
        note="Software Test Engineers stay: 'software engineer' is the two words together.",
    ),
    Case(
        "How many developers did we hire in 2021, other than web developers?",
        count(f"{year(2021)} AND {DEVELOPERS} AND NOT {family('web developer')}"),
        "family",
    ),
    Case(
        "statisticians hired in 2022, except level I",
        count(f"{year(2022)} AND {STATISTICIANS} AND NOT {jobs('Statistician I')}"),
        "family",
        everyday=True,
    ),
    Case(
        "how many accountants did the Accounting dept hire in 2021?",
        count(f"{year(2021)} AND {ACCOUNTANTS} AND {departments('Accounting')}"),
        "family",
        everyday=True,
        note="Accountant titles inside Accounting; not everyone Accounting hired.",
    ),
    Case(
        "How many biostatisticians did we hire in 2021?",
        count(f"{year(2021)} AND {family('biostatistician')}"),
        "family",
        note="Biostatistician I-IV only; Statisticians are another word.",
    ),
    Case(
        "how many design engineers have we ever hired",
        count(family("design engineer")),
        "family",
        everyday=True,
        note="Design Engineer and Chief Design Engineer; designers are another word.",
    ),
    Case(
        "How many research assistants did we take on in 2022?",
        count(f"{year(2022)} AND {family('research assistant')}"),
        "family",
        everyday=True,
        note="Research Assistant I-IV, not the R&D department.",
    ),
]

COMPARISON_TRAPS = [
    Case(
        "How many fewer people did Training hire in Q1 2022 than Sales hired in the whole of 2022?",
        f"SELECT ({count(f'{year(2022)} AND ' + departments('Sales'))}) - "
        f"({count(f'{quarter(2022, 1)} AND ' + departments('Training'))})",
        "arithmetic",
        note="Q1 on Training's side only; fewer A than B is B - A.",
    ),
    Case(
        "how many more hires did R&D make in 2020 than Training made in 2021",
        f"SELECT ({count(f'{year(2020)} AND ' + RD)}) - "
        f"({count(f'{year(2021)} AND ' + departments('Training'))})",
        "arithmetic",
        everyday=True,
        note="A different year on each side.",
    ),
    Case(
        "what share of Engineering's hires were made in 2022?",
        percent(year(2022), departments("Engineering")),
        "arithmetic",
        everyday=True,
        note="Of Engineering's hires (all years), not of 2022's hires.",
    ),
    Case(
        "how many more statisticians did we hire in 2021 than Services did?",
        f"SELECT ({count(f'{year(2021)} AND ' + STATISTICIANS)}) - "
        f"({count(f'{year(2021)} AND {STATISTICIANS} AND ' + departments('Services'))})",
        "arithmetic",
        everyday=True,
        note="All statisticians of 2021 against Services' statisticians of 2021.",
    ),
    Case(
        "percent of 2021 Support hires who were web designers",
        percent(family("web designer"), f"{year(2021)} AND {SUPPORT}"),
        "arithmetic",
        everyday=True,
        note="Of both Supports' 2021 hires.",
    ),
    Case(
        "Which departments hired more people in Q4 2021 than Legal hired in all of 2021?",
        per_department_names(quarter(2021, 4))
        + f" HAVING COUNT(*) > ({count(f'{year(2021)} AND ' + departments('Legal'))})",
        "condition",
    ),
]

LOOKALIKE_TRAPS = [
    Case(
        "how many Marketing Managers were hired in 2022?",
        count(f"{year(2022)} AND {jobs('Marketing Manager')}"),
        "vocabulary",
        note="The title, not the managers Marketing hired.",
    ),
    Case(
        "how many VP Product Management hires overall",
        count(jobs("VP Product Management")),
        "vocabulary",
        everyday=True,
        note="The title, not the Product Management department.",
    ),
    Case(
        "how many legal assistants did we bring on in 2022",
        count(f"{year(2022)} AND {jobs('Legal Assistant')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many Desktop Support Technicians joined in 2021?",
        count(f"{year(2021)} AND {jobs('Desktop Support Technician')}"),
        "vocabulary",
        note="The title, not the Support departments.",
    ),
    Case(
        "how many Human Resources Managers did we hire in 2021",
        count(f"{year(2021)} AND {jobs('Human Resources Manager')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "is there anyone named Brook?",
        names("e.name LIKE 'Brook %'"),
        "lookup",
        everyday=True,
        also=(count("e.name LIKE 'Brook %'"),),
    ),
    Case(
        "anyone here with the first name Jack?",
        names("e.name LIKE 'Jack %'"),
        "lookup",
        everyday=True,
        empty=True,
        also=(count("e.name LIKE 'Jack %'"),),
        note="Jacky Oldred and Jimmie Jack are not first-name Jacks.",
    ),
    Case(
        "did Compliance hire anyone in 2022",
        count(f"{year(2022)} AND {departments('Compliance')}"),
        "plain",
        everyday=True,
        also=(names(f"{year(2022)} AND {departments('Compliance')}"),),
        note="No: 0, or an empty list.",
    ),
    Case(
        "When did we hire our Chief People Officer?",
        "SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE "
        + jobs("Chief People Officer"),
        "lookup",
        empty=True,
        note="Never hired for: no rows.",
    ),
    Case(
        "how many people called Sales did we hire",
        count("e.name LIKE 'Sales %' OR e.name LIKE '% Sales'"),
        "lookup",
        everyday=True,
        also=(names("e.name LIKE 'Sales %' OR e.name LIKE '% Sales'"),),
        note="A name, not the department: nobody.",
    ),
]

TRAPS: list[Case] = [
    *UNANSWERABLE_TRAPS,
    *OPEN_PERIOD_TRAPS,
    *NEGATION_TRAPS,
    *FAMILY_TRAPS,
    *COMPARISON_TRAPS,
    *LOOKALIKE_TRAPS,
]
