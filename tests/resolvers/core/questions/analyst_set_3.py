"""The third analyst set: held-out questions in HR analysts' chat and email voice, with traps.

How it was written: blind, by a helper on branch evalset3, on 2026-12-07, for
issue 20. The examiner never opened the engine (resolvers/), docs/, bench/,
client/, streamlit_app/, the README's Ask section, any other question set or
any test of the questions folder, and never ran an engine, the API or the
bench on these questions. What was read: gold.py (the data loader and
``Case``), scoring.py (how answers are compared), ``question_set.generate``
(how the data is made; of question_set.py otherwise only its opening
docstring, the helpers after ``generate`` and the names of its top-level
definitions, never its cases), the file names in this folder (a listing, no
other file opened), the answer conventions in the lead's notes
(CONVENTIONS.md), issue 20's text (for the kinds of question only; every
wording here is new) and the data itself, loaded with ``gold.load`` into a
throwaway DuckDB. Every gold query was written by hand and its result checked
by eye on that data.

Before the set was first scored the lead took out twelve questions that were, up to case and
punctuation, questions written earlier: one development question (three words: hires in an
open month) and eleven of the earlier held-out sets (four of the first analyst set, three of
its traps, two of the second set, two of its traps; short, natural wordings that examiners
wrote alike). So the set measures only questions nobody tuned to or scored before
(test_blind_analyst_sets keeps it so).

Measure on it, never tune to it: a miss worth fixing becomes a new
*development* question in other words, never an edit here.

``CASES`` is read like the held-out set (execution accuracy); ``TRAPS`` like
the trap set (each must come back right or refused, never wrong). Questions
about what the tables do not hold (leavers, salaries, managers, places ...)
have ``UNANSWERABLE`` as gold: no engine answer can match it, so only a
refusal passes.

Conventions are those of the other analyst sets (rows not names, groups by id
so "Support" is departments 8 and 13, exclusions keep people without a
department or job, an open period is its 2022 instance, families by whole
word, ties kept in ranks within groups).
"""

from __future__ import annotations

from tests.resolvers.core.questions.gold import (
    PER_DEPARTMENT,
    PER_JOB,
    Case,
    count,
    departments,
    jobs,
    names,
    not_departments,
    not_jobs,
    per_department,
    per_job,
    span,
    year,
)

UNANSWERABLE = "SELECT 'the tables do not hold this' AS unanswerable"

EDJ = (
    "hired_employees e LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN jobs j ON j.id = e.job_id"
)
DJ = "hired_employees e JOIN departments d ON d.id = e.department_id JOIN jobs j ON j.id = e.job_id"
ISO = "strftime(e.datetime, '%Y-%m-%dT%H:%M:%SZ')"
DAY = "strftime(e.datetime, '%Y-%m-%d')"
LEVEL = "regexp_extract(j.job, ' (I|II|III|IV)$', 1)"


def family(word: str) -> str:
    """Hired into a title holding ``word`` (singular or plural) as whole words, any case."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b{word}s?\\b'))"


def level(*levels: str) -> str:
    """Hired into a title ending in one of the roman numerals."""
    alternatives = "|".join(levels)
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, ' ({alternatives})$'))"


def share(part: str, whole: str) -> str:
    """``part`` as a percentage of ``whole``, at full precision (scoring rounds)."""
    return (
        f"SELECT 100.0 * COUNT(*) FILTER (WHERE {part}) / COUNT(*) "
        f"FROM hired_employees e WHERE {whole}"
    )


def minus(first: str, second: str, where: str = "TRUE") -> str:
    """Hires matching ``first`` less those matching ``second``, among those matching ``where``."""
    return (
        f"SELECT COUNT(*) FILTER (WHERE {first}) - COUNT(*) FILTER (WHERE {second}) "
        f"FROM hired_employees e WHERE {where}"
    )


PERIODS = "a difference between two periods: the other sign is also accepted"


def quarterly(y: int) -> str:
    """The seed's first report: hires per quarter of ``y`` per department and job, by name."""
    quarters = ", ".join(
        f"COUNT(*) FILTER (WHERE quarter(e.datetime) = {q}) AS q{q}" for q in range(1, 5)
    )
    return (
        f"SELECT d.department, j.job, {quarters} FROM {DJ} WHERE {year(y)} "
        "GROUP BY d.id, d.department, j.id, j.job ORDER BY d.department, j.job"
    )


def quarterly_long(y: int) -> str:
    """The same report with one row per department, job and quarter with hires."""
    return (
        f"SELECT d.department, j.job, quarter(e.datetime) AS quarter, COUNT(*) FROM {DJ} "
        f"WHERE {year(y)} GROUP BY d.id, d.department, j.id, j.job, quarter "
        "ORDER BY d.department, j.job, quarter"
    )


def above_mean(y: int) -> str:
    """The seed's second report: departments hiring more than the mean department in ``y``."""
    return (
        f"WITH c AS (SELECT d.id, d.department, COUNT(*) AS hired FROM {PER_DEPARTMENT} "
        f"WHERE {year(y)} GROUP BY d.id, d.department) "
        "SELECT id, department, hired FROM c WHERE hired > (SELECT AVG(hired) FROM c) "
        "ORDER BY hired DESC"
    )


def top_within(
    group: str, item: str, where: str, table: str = DJ, label: str = "", item_key: str = ""
) -> str:
    """Per ``group`` (shown as ``label``), every ``item`` tying for the most hires.

    ``item_key`` groups the items when their names are not unique (departments by id).
    """
    return (
        f"WITH c AS (SELECT {group} AS g, {label or group} AS l, {item_key or item} AS ik, "
        f"{item} AS i, COUNT(*) AS n FROM {table} WHERE {where} GROUP BY ALL), "
        "r AS (SELECT l, i, rank() OVER (PARTITION BY g ORDER BY n DESC) AS k FROM c) "
        "SELECT l, i FROM r WHERE k = 1"
    )


SEED_QUARTERLY = (
    "names in SQL byte order (ORDER BY); also accepted: one row per department, job and quarter"
)
SEED_MEAN = "the mean is over the departments that hired that year (all of them did)"

PLAIN = [
    Case(
        "How many people did Marketing hire in 2021?",
        count(f"{departments('Marketing')} AND {year(2021)}"),
        "plain",
    ),
    Case("Total hires in 2020.", count(year(2020)), "plain"),
    Case(
        "list every department we have",
        "SELECT department FROM departments",
        "plain",
        everyday=True,
    ),
    Case(
        "How many distinct job titles exist in the jobs table?",
        "SELECT COUNT(DISTINCT job) FROM jobs",
        "plain",
    ),
    Case(
        "which job titles have the word Assistant in them?",
        "SELECT job FROM jobs WHERE regexp_matches(job, '(?i)\\bassistant\\b')",
        "plain",
    ),
    Case("Number of hires with no department recorded", count("e.department_id IS NULL"), "plain"),
    Case("hires per department in 2022", per_department(year(2022)), "plain"),
    Case(
        "hires by year please",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e GROUP BY 1",
        "plain",
        everyday=True,
    ),
    Case(
        "Which job has nobody ever been hired into?",
        "SELECT job FROM jobs j "
        "WHERE NOT EXISTS (SELECT 1 FROM hired_employees e WHERE e.job_id = j.id)",
        "plain",
    ),
    Case(
        "dept names beginning with S?",
        "SELECT department FROM departments WHERE department LIKE 'S%'",
        "plain",
        everyday=True,
        note="both departments named Support are listed",
    ),
    Case(
        "select count(*) from hired_employees where department = Legal",
        count(departments("Legal")),
        "plain",
    ),
    Case(
        "monthly hire counts for 2021",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {year(2021)} GROUP BY 1",
        "plain",
        also=(
            "SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {year(2021)} GROUP BY 1",
        ),
    ),
    Case("How many Teachers have we hired in total?", count(jobs("Teacher")), "plain"),
    Case(
        "Research and Development hires in Q4 2022",
        count(f"{departments('Research and Development')} AND {span('2022-10-01', '2023-01-01')}"),
        "plain",
    ),
    Case(
        "How many departments are in the departments table?",
        "SELECT COUNT(*) FROM departments",
        "plain",
        note="rows: the two Support departments are two departments",
    ),
    Case(
        "how many different department names are there? (same name twice only counts once)",
        "SELECT COUNT(DISTINCT department) FROM departments",
        "plain",
        everyday=True,
    ),
    Case(
        "employees whose name contains 'mar'",
        names("e.name ILIKE '%mar%'"),
        "plain",
        note="anywhere in the name, any case (Lemar Aronsohn too)",
    ),
]

VOCABULARY = [
    Case(
        "how many new starters did HR get last year?",
        count(f"{departments('Human Resources')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many ppl did R&D bring in during 2021",
        count(f"{departments('Research and Development')} AND {year(2021)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "biz dev new joiners in 2020?",
        count(f"{departments('Business Development')} AND {year(2020)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many folks did the sales team onboard in 2022",
        count(f"{departments('Sales')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many poeple did Marketting hire in 2021",
        count(f"{departments('Marketing')} AND {year(2021)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "staff brought on by engineerng in 2020",
        count(f"{departments('Engineering')} AND {year(2020)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "recruits in Product Mgmt during 2021, just the number thx",
        count(f"{departments('Product Management')} AND {year(2021)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "what roles did Legal fill in 2022?",
        f"SELECT DISTINCT j.job FROM {PER_JOB} WHERE {departments('Legal')} AND {year(2022)}",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "number of hirse in novmber 2021",
        count(span("2021-11-01", "2021-12-01")),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many depts do we have", "SELECT COUNT(*) FROM departments", "vocabulary", everyday=True
    ),
    Case(
        "How many people does Accounting have?",
        count(departments("Accounting")),
        "vocabulary",
        everyday=True,
        note="the tables hold hires only: everyone Accounting ever hired",
    ),
    Case(
        "can u pull the list of all positions we've got",
        "SELECT job FROM jobs",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many new hires came on board across the whole company in 2022?",
        count(year(2022)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many did the training dept take on in q1 2022",
        count(f"{departments('Training')} AND {span('2022-01-01', '2022-04-01')}"),
        "vocabulary",
        everyday=True,
    ),
    Case("new joiners per team for 2021", per_department(year(2021)), "vocabulary", everyday=True),
    Case(
        "whcih titles did support hire for in 2022? both support teams pls",
        f"SELECT DISTINCT j.job FROM {PER_JOB} WHERE {departments('Support')} AND {year(2022)}",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many were onboarded in Human Resorces in Q3 2021",
        count(f"{departments('Human Resources')} AND {span('2021-07-01', '2021-10-01')}"),
        "vocabulary",
        everyday=True,
    ),
]

DATES = [
    Case("Hires between 3 March and 19 May 2022", count(span("2022-03-03", "2022-05-20")), "dates"),
    Case(
        "how many ppl started on valentine's day 2021",
        count(span("2021-02-14", "2021-02-15")),
        "dates",
        everyday=True,
    ),
    Case("Halloween 2022 hires?", count(span("2022-10-31", "2022-11-01")), "dates", everyday=True),
    Case(
        "did anyone join on christmas eve 2021? how many",
        count(span("2021-12-24", "2021-12-25")),
        "dates",
        everyday=True,
    ),
    Case("New Year's Day 2022 - how many hires", count(span("2022-01-01", "2022-01-02")), "dates"),
    Case("spring 2021 hires (march to may)", count(span("2021-03-01", "2021-06-01")), "dates"),
    Case(
        "How many did we hire in the fall of 2020?",
        count(span("2020-09-01", "2020-12-01")),
        "dates",
    ),
    Case("H1 2022 total hires", count(span("2022-01-01", "2022-07-01")), "dates"),
    Case(
        "hires in the last 6 months",
        count(span("2022-07-01", "2023-01-01")),
        "dates",
        note="read at gold.TODAY, 1 January 2023",
    ),
    Case(
        "how many have we hired this year so far?",
        count(span("2023-01-01", "2024-01-01")),
        "dates",
        everyday=True,
        note="this year is 2023 at gold.TODAY: 0",
    ),
    Case(
        "Q3 numbers pls - total hires",
        count(span("2022-07-01", "2022-10-01")),
        "dates",
        everyday=True,
        note="open period: Q3 2022",
    ),
    Case(
        "hires in the first week of Feb 2022 (1st through 7th)",
        count(span("2022-02-01", "2022-02-08")),
        "dates",
        everyday=True,
    ),
    Case(
        "How many people did we hire on Mondays in 2022?",
        count(f"{year(2022)} AND isodow(e.datetime) = 1"),
        "dates",
    ),
    Case(
        "hires per weekday for 2021",
        f"SELECT dayname(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {year(2021)} GROUP BY 1",
        "dates",
        also=(
            f"SELECT isodow(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {year(2021)} GROUP BY 1",
        ),
    ),
    Case(
        "since Oct 15 2022, how many hires?",
        count(span("2022-10-15", "2023-01-01")),
        "dates",
        everyday=True,
    ),
    Case("jul 4th 2021 hires", count(span("2021-07-04", "2021-07-05")), "dates", everyday=True),
    Case("Hires over the last 2 years", count(span("2021-01-01", "2023-01-01")), "dates"),
    Case(
        "hires from feb 28 to mar 2, 2020",
        count(span("2020-02-28", "2020-03-03")),
        "dates",
        everyday=True,
        note="2020 is a leap year: 28 and 29 February, 1 and 2 March",
    ),
]

LOOKUP = [
    Case(
        "When was Harold Vogt hired?",
        f"SELECT {DAY} FROM hired_employees e WHERE e.name = 'Harold Vogt'",
        "lookup",
        also=(f"SELECT {ISO} FROM hired_employees e WHERE e.name = 'Harold Vogt'",),
    ),
    Case(
        "what department is Ty Hofer in",
        f"SELECT d.department FROM {EDJ} WHERE e.name = 'Ty Hofer'",
        "lookup",
        everyday=True,
    ),
    Case(
        "Lyman Hadye's job title?",
        f"SELECT j.job FROM {EDJ} WHERE e.name = 'Lyman Hadye'",
        "lookup",
    ),
    Case(
        "is there anyone whose first name is Lou?",
        names("split_part(e.name, ' ', 1) = 'Lou'"),
        "lookup",
        everyday=True,
        also=(count("split_part(e.name, ' ', 1) = 'Lou'"),),
        note="first name exactly Lou: not Louisa",
    ),
    Case(
        "who is employee id 3012",
        names("e.id = 3012"),
        "lookup",
        everyday=True,
    ),
    Case(
        "what teams are Gretna Lording and Marlow Antecki on?",
        f"SELECT e.name, d.department FROM {EDJ} "
        "WHERE e.name IN ('Gretna Lording', 'Marlow Antecki')",
        "lookup",
        everyday=True,
    ),
    Case(
        "when did Jane Doe start",
        f"SELECT {DAY} FROM hired_employees e WHERE e.name = 'Jane Doe'",
        "lookup",
        everyday=True,
        empty=True,
        note="nobody of that name",
    ),
    Case(
        "who did Legal hire in 2022, with dates",
        f"SELECT e.name, {DAY} FROM hired_employees e "
        f"WHERE {departments('Legal')} AND {year(2022)}",
        "lookup",
        everyday=True,
        also=(
            f"SELECT e.name, {ISO} FROM hired_employees e "
            f"WHERE {departments('Legal')} AND {year(2022)}",
        ),
    ),
    Case(
        "Which department is Thia Morican in?",
        f"SELECT d.department FROM {EDJ} WHERE e.name = 'Thia Morican'",
        "lookup",
        note="she has no department: one row with NULL",
    ),
    Case(
        "everything we have on Elia D'Enrico",
        f"SELECT {ISO}, d.department, j.job FROM {EDJ} WHERE e.name = 'Elia D''Enrico'",
        "lookup",
        everyday=True,
        also=(f"SELECT {DAY}, d.department, j.job FROM {EDJ} WHERE e.name = 'Elia D''Enrico'",),
    ),
    Case(
        "Washington Schleswig-Holstein - what's his role?",
        f"SELECT j.job FROM {EDJ} WHERE e.name = 'Washington Schleswig-Holstein'",
        "lookup",
        everyday=True,
    ),
    Case(
        "who got hired on 1 Oct 2021",
        names(span("2021-10-01", "2021-10-02")),
        "lookup",
        everyday=True,
    ),
    Case(
        "How many employees are named Ashley Dickey?",
        count("e.name = 'Ashley Dickey'"),
        "lookup",
    ),
    Case(
        "hire date for employee #3304?",
        f"SELECT {DAY} FROM hired_employees e WHERE e.id = 3304",
        "lookup",
        also=(f"SELECT {ISO} FROM hired_employees e WHERE e.id = 3304",),
    ),
    Case(
        "look up Putnam Dodd and Putnem Lippiello for me: dept + title",
        f"SELECT e.name, d.department, j.job FROM {EDJ} "
        "WHERE e.name IN ('Putnam Dodd', 'Putnem Lippiello')",
        "lookup",
        everyday=True,
    ),
    Case(
        "Compliance hires - names and start dates",
        f"SELECT e.name, {DAY} FROM hired_employees e WHERE {departments('Compliance')}",
        "lookup",
        also=(f"SELECT e.name, {ISO} FROM hired_employees e WHERE {departments('Compliance')}",),
    ),
    Case(
        "who joined Services in December 2021?",
        names(f"{departments('Services')} AND {span('2021-12-01', '2022-01-01')}"),
        "lookup",
        everyday=True,
    ),
    Case(
        "Hello! HR ops here. We're tidying up records and need to know which team Jasper "
        "Matterdace joined and what his title was. Many thanks",
        f"SELECT d.department, j.job FROM {EDJ} WHERE e.name = 'Jasper Matterdace'",
        "lookup",
        everyday=True,
    ),
    Case(
        "anyone with the surname Smith?",
        names("e.name ILIKE '% smith'"),
        "lookup",
        everyday=True,
        empty=True,
        also=(count("e.name ILIKE '% smith'"),),
        note="nobody: no rows, or a count of 0",
    ),
]

FAMILY = [
    Case(
        "designers hired per department in 2022",
        per_department(f"{family('designer')} AND {year(2022)}"),
        "family",
    ),
    Case(
        "Engineers hired in 2020, total", count(f"{family('engineer')} AND {year(2020)}"), "family"
    ),
    Case("programmers - how many ever?", count(family("programmer")), "family", everyday=True),
    Case(
        "developers in the Engineering dept, all time",
        count(f"{family('developer')} AND {departments('Engineering')}"),
        "family",
        everyday=True,
    ),
    Case(
        "DBA hires by level",
        f"SELECT {LEVEL}, COUNT(*) FROM {PER_JOB} WHERE j.job LIKE 'Database Administrator %' "
        "GROUP BY 1",
        "family",
        everyday=True,
    ),
    Case(
        "how many sysadmins have we brought on?",
        count(family("systems administrator")),
        "family",
        everyday=True,
    ),
    Case(
        "technicians hired in 2022",
        count(f"{family('technician')} AND {year(2022)}"),
        "family",
        also=(count(f"({family('technician')} OR {jobs('Environmental Tech')}) AND {year(2022)}"),),
    ),
    Case(
        "Accountants hired in Q1 2022?",
        count(f"{family('accountant')} AND {span('2022-01-01', '2022-04-01')}"),
        "family",
        note="every title with the word Accountant (Staff, Cost, Tax, Senior Cost ...), "
        "not Accounting Assistant",
    ),
    Case(
        "managers hired by HR (all years)",
        count(f"{family('manager')} AND {departments('Human Resources')}"),
        "family",
        everyday=True,
    ),
    Case(
        "web designers 2021 how many",
        count(f"{family('web designer')} AND {year(2021)}"),
        "family",
        everyday=True,
    ),
    Case(
        "Software Engineer hires by level",
        f"SELECT {LEVEL}, COUNT(*) FROM {PER_JOB} "
        "WHERE j.job LIKE 'Software Engineer %' GROUP BY 1",
        "family",
        note="Software Engineer I-IV; Software Test Engineer is another title",
    ),
    Case(
        "Health Coach hires by level for 2021",
        f"SELECT {LEVEL}, COUNT(*) FROM {PER_JOB} WHERE j.job LIKE 'Health Coach %' "
        f"AND {year(2021)} GROUP BY 1",
        "family",
    ),
    Case("level IV hires in 2022", count(f"{level('IV')} AND {year(2022)}"), "family"),
    Case(
        "how many hires above level II in 2021?",
        count(f"{level('III', 'IV')} AND {year(2021)}"),
        "family",
        everyday=True,
    ),
    Case(
        "research assistants per year",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {family('research assistant')} GROUP BY 1",
        "family",
    ),
    Case("biostatisticians total?", count(family("biostatistician")), "family"),
]

ARITHMETIC = [
    Case(
        "how many more did Training hire than Marketing in 2021",
        minus(departments("Training"), departments("Marketing"), year(2021)),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Sales and Marketing combined, 2022",
        count(f"{departments('Sales', 'Marketing')} AND {year(2022)}"),
        "arithmetic",
    ),
    Case(
        "what % of 2022 hires went to R&D?",
        share(departments("Research and Development"), year(2022)),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Percent change in total hires from 2021 to 2022",
        f"SELECT 100.0 * (COUNT(*) FILTER (WHERE {year(2022)}) "
        f"- COUNT(*) FILTER (WHERE {year(2021)})) "
        f"/ COUNT(*) FILTER (WHERE {year(2021)}) FROM hired_employees e",
        "arithmetic",
        also=(
            f"SELECT 100.0 * (COUNT(*) FILTER (WHERE {year(2021)}) "
            f"- COUNT(*) FILTER (WHERE {year(2022)})) "
            f"/ COUNT(*) FILTER (WHERE {year(2021)}) FROM hired_employees e",
        ),
        note="(2022 - 2021) / 2021, a fall; the positive figure is also accepted",
    ),
    Case(
        "avg hires per department in 2021",
        f"SELECT AVG(n) FROM ({per_department(year(2021), 'COUNT(*) AS n')})",
        "arithmetic",
        everyday=True,
        note="every department hired in 2021",
    ),
    Case(
        "What share of all hires have no job title?",
        share("e.job_id IS NULL", "TRUE"),
        "arithmetic",
    ),
    Case(
        "Q4 2021 minus Q1 2021",
        minus(span("2021-10-01", "2022-01-01"), span("2021-01-01", "2021-04-01")),
        "arithmetic",
        also=(minus(span("2021-01-01", "2021-04-01"), span("2021-10-01", "2022-01-01")),),
        note=PERIODS,
    ),
    Case(
        "how many fewer hires did Legal make than Accounting in 2021?",
        minus(departments("Accounting"), departments("Legal"), year(2021)),
        "arithmetic",
    ),
    Case(
        "growth in marketing hiring from 2020 to 2021?",
        minus(year(2021), year(2020), departments("Marketing")),
        "arithmetic",
        everyday=True,
        also=(minus(year(2020), year(2021), departments("Marketing")),),
        note=PERIODS,
    ),
    Case(
        "what fraction of Training's 2022 hires came in Q1? as a %",
        share(span("2022-01-01", "2022-04-01"), f"{departments('Training')} AND {year(2022)}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "average number of hires per month in 2022",
        f"SELECT COUNT(*) / 12.0 FROM hired_employees e WHERE {year(2022)}",
        "arithmetic",
        note="every month of 2022 had hires",
    ),
    Case(
        "gap between our busiest and quietest department in 2021?",
        f"SELECT MAX(n) - MIN(n) FROM ({per_department(year(2021), 'COUNT(*) AS n')})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "What percentage of all hires ever were made in 2021?",
        share(year(2021), "TRUE"),
        "arithmetic",
    ),
    Case(
        "difference between H1 and H2 2022 hires",
        minus(span("2022-07-01", "2023-01-01"), span("2022-01-01", "2022-07-01")),
        "arithmetic",
        also=(minus(span("2022-01-01", "2022-07-01"), span("2022-07-01", "2023-01-01")),),
        note=PERIODS,
    ),
    Case(
        "HR minus Support, 2021 hires",
        minus(departments("Human Resources"), departments("Support"), year(2021)),
        "arithmetic",
        everyday=True,
        note="Support is both departments of that name",
    ),
    Case(
        "R&D's share of 2020 hiring, in percent",
        share(departments("Research and Development"), year(2020)),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Hi, quick one before my 1:1 tomorrow. My manager keeps asking whether Engineering's "
        "hiring picked up in 2021. Could you tell me by how many Engineering's 2021 hires "
        "exceeded its 2020 hires? Thanks so much, Priya",
        minus(year(2021), year(2020), departments("Engineering")),
        "arithmetic",
        everyday=True,
        also=(minus(year(2020), year(2021), departments("Engineering")),),
        note="'my manager' is chat, not a question about managers; " + PERIODS,
    ),
    Case(
        "legal + compliance, all-time total",
        count(departments("Legal", "Compliance")),
        "arithmetic",
        everyday=True,
    ),
]


def _dept_counts(where: str) -> str:
    return per_department(where, "COUNT(*) AS n")


CONDITION = [
    Case(
        "which depts hired at least 100 in 2021",
        f"SELECT department, n FROM ({_dept_counts(year(2021))}) WHERE n >= 100",
        "condition",
        everyday=True,
    ),
    Case(
        "How many departments hired more than 50 people in 2022?",
        f"SELECT COUNT(*) FROM ({_dept_counts(year(2022))}) WHERE n > 50",
        "condition",
    ),
    Case(
        "titles with exactly one hire in 2022",
        f"SELECT job FROM ({per_job(year(2022), 'COUNT(*) AS n')}) WHERE n = 1",
        "condition",
    ),
    Case(
        "jobs with between 20 and 25 hires, all time",
        f"SELECT job, n FROM ({per_job('TRUE', 'COUNT(*) AS n')}) WHERE n BETWEEN 20 AND 25",
        "condition",
    ),
    Case(
        "which departments hired more than Sales did in 2021?",
        f"SELECT department, n FROM ({_dept_counts(year(2021))}) "
        f"WHERE n > (SELECT COUNT(*) FROM hired_employees e WHERE {departments('Sales')} "
        f"AND {year(2021)})",
        "condition",
    ),
    Case(
        "any teams with fewer than 10 hires in 2021?",
        f"SELECT department, n FROM ({_dept_counts(year(2021))}) WHERE n < 10",
        "condition",
        everyday=True,
    ),
    Case(
        "How many job titles had no hires at all in 2022?",
        f"SELECT COUNT(*) FROM jobs j WHERE j.id NOT IN (SELECT e.job_id FROM hired_employees e "
        f"WHERE {year(2022)} AND e.job_id IS NOT NULL)",
        "condition",
    ),
    Case(
        "depts that hired nobody in 2022",
        f"SELECT d.department FROM departments d WHERE d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {year(2022)} AND e.department_id IS NOT NULL)",
        "condition",
        everyday=True,
    ),
    Case(
        "months of 2021 with more than 85 hires",
        "SELECT month(e.datetime) AS m, COUNT(*) FROM hired_employees e "
        f"WHERE {year(2021)} GROUP BY m HAVING COUNT(*) > 85",
        "condition",
        also=(
            "SELECT monthname(e.datetime) AS m, COUNT(*) FROM hired_employees e "
            f"WHERE {year(2021)} GROUP BY m HAVING COUNT(*) > 85",
        ),
    ),
    Case(
        "job titles we've hired more than 22 times overall",
        f"SELECT job, n FROM ({per_job('TRUE', 'COUNT(*) AS n')}) WHERE n > 22",
        "condition",
        everyday=True,
    ),
    Case(
        "Which quarters of 2022 had over 200 hires?",
        "SELECT quarter(e.datetime) AS q, COUNT(*) FROM hired_employees e "
        f"WHERE {year(2022)} GROUP BY q HAVING COUNT(*) > 200",
        "condition",
    ),
    Case(
        "depts with more than 30 hires in H1 2022, pls",
        f"SELECT department, n FROM ({_dept_counts(span('2022-01-01', '2022-07-01'))}) "
        "WHERE n > 30",
        "condition",
        everyday=True,
    ),
    Case(
        "titles with at least 3 hires in Engineering in 2021",
        "SELECT job, n FROM ("
        + per_job(departments("Engineering") + " AND " + year(2021), "COUNT(*) AS n")
        + ") "
        "WHERE n >= 3",
        "condition",
    ),
    Case(
        "select job, count(*) from hires where datetime in 2021 group by job having count(*) >= 12",
        f"SELECT job, n FROM ({per_job(year(2021), 'COUNT(*) AS n')}) WHERE n >= 12",
        "condition",
    ),
    Case(
        "how many departments hired between 40 and 60 people in 2020",
        f"SELECT COUNT(*) FROM ({_dept_counts(year(2020))}) WHERE n BETWEEN 40 AND 60",
        "condition",
        everyday=True,
        note="the two Support departments count apart (53 and 4)",
    ),
    Case(
        "which job titles got at least one hire in each of 2020, 2021 and 2022? just a count",
        "SELECT COUNT(*) FROM (SELECT e.job_id FROM hired_employees e WHERE e.job_id IS NOT NULL "
        "GROUP BY e.job_id HAVING COUNT(DISTINCT year(e.datetime)) = 3)",
        "condition",
        everyday=True,
    ),
]

RANK_WITHIN = [
    Case(
        "busiest quarter for each department in 2022",
        top_within("d.id", "quarter(e.datetime)", year(2022), PER_DEPARTMENT, "d.department"),
        "rank_within",
    ),
    Case(
        "busiest month each year",
        top_within("year(e.datetime)", "month(e.datetime)", "TRUE", "hired_employees e"),
        "rank_within",
        everyday=True,
        also=(
            top_within("year(e.datetime)", "monthname(e.datetime)", "TRUE", "hired_employees e"),
        ),
    ),
    Case(
        "what's the most common title in R&D?",
        f"SELECT i FROM ({top_within('d.id', 'j.job', departments('Research and Development'))})",
        "rank_within",
        everyday=True,
    ),
    Case(
        "most recent hire in each department",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} "
        "QUALIFY rank() OVER (PARTITION BY d.id ORDER BY e.datetime DESC) = 1",
        "rank_within",
    ),
    Case(
        "who was the first person each team ever hired?",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} "
        "QUALIFY rank() OVER (PARTITION BY d.id ORDER BY e.datetime) = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "For 2020 and 2021, which dept hired the fewest each year?",
        "WITH c AS (SELECT year(e.datetime) AS y, d.department, COUNT(*) AS n "
        f"FROM {PER_DEPARTMENT} "
        f"WHERE {span('2020-01-01', '2022-01-01')} GROUP BY y, d.id, d.department) "
        "SELECT y, department FROM c QUALIFY rank() OVER (PARTITION BY y ORDER BY n) = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "top title in Training for 2022",
        "SELECT i FROM ("
        + top_within("d.id", "j.job", departments("Training") + " AND " + year(2022))
        + ")",
        "rank_within",
    ),
    Case(
        "busiest weekday in each year",
        top_within("year(e.datetime)", "dayname(e.datetime)", "TRUE", "hired_employees e"),
        "rank_within",
        also=(top_within("year(e.datetime)", "isodow(e.datetime)", "TRUE", "hired_employees e"),),
    ),
    Case(
        "in each quarter of 2021, which department hired the most?",
        top_within(
            "quarter(e.datetime)", "d.department", year(2021), PER_DEPARTMENT, item_key="d.id"
        ),
        "rank_within",
    ),
    Case(
        "each dept's busiest month in 2021",
        top_within("d.id", "month(e.datetime)", year(2021), PER_DEPARTMENT, "d.department"),
        "rank_within",
        everyday=True,
        also=(
            top_within("d.id", "monthname(e.datetime)", year(2021), PER_DEPARTMENT, "d.department"),
        ),
    ),
    Case(
        "most hired title per year",
        top_within("year(e.datetime)", "j.job", "TRUE", PER_JOB),
        "rank_within",
    ),
    Case(
        "top 2 departments per year by number of hires",
        "WITH c AS (SELECT year(e.datetime) AS y, d.department, COUNT(*) AS n "
        f"FROM {PER_DEPARTMENT} "
        "GROUP BY y, d.id, d.department) "
        "SELECT y, department FROM c QUALIFY rank() OVER (PARTITION BY y ORDER BY n DESC) <= 2",
        "rank_within",
    ),
    Case(
        "for each level (I to IV), which title has the most hires?",
        top_within(LEVEL, "j.job", f"{LEVEL} <> ''", PER_JOB),
        "rank_within",
        everyday=True,
    ),
    Case(
        "over all three years, what's the top role in each department?",
        top_within("d.id", "j.job", "TRUE", label="d.department"),
        "rank_within",
        everyday=True,
        note="ties kept: one row per department and winning title",
    ),
]

ORDER = [
    Case(
        "departments A to Z",
        "SELECT department FROM departments ORDER BY department",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "who were our very first 6 hires? oldest first",
        names("TRUE") + " ORDER BY e.datetime LIMIT 6",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "rank departments by 2022 hires, most first",
        per_department(year(2022)) + " ORDER BY 2 DESC",
        "order",
        ordered=True,
        key=(1,),
    ),
    Case(
        "top 2 titles by hires overall",
        per_job() + " ORDER BY 2 DESC LIMIT 2",
        "order",
        ordered=True,
        key=(1,),
        note="the two tie at 24",
    ),
    Case(
        "the 5 departments with the fewest hires in 2021, lowest first",
        per_department(year(2021)) + " ORDER BY 2 LIMIT 5",
        "order",
        ordered=True,
        key=(1,),
    ),
    Case(
        "Legal's hires in date order",
        names(departments("Legal")) + " ORDER BY e.datetime",
        "order",
        ordered=True,
    ),
    Case(
        "job titles with Manager in them, alphabetical",
        "SELECT job FROM jobs WHERE regexp_matches(job, '(?i)\\bmanager\\b') ORDER BY job",
        "order",
        ordered=True,
    ),
    Case(
        "months of 2022 sorted from busiest to quietest",
        "SELECT month(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {year(2022)} GROUP BY 1 ORDER BY 2 DESC",
        "order",
        ordered=True,
        key=(1,),
        everyday=True,
        also=(
            "SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {year(2022)} GROUP BY 1 ORDER BY 2 DESC",
        ),
    ),
    Case(
        "10 most recent Engineering hires",
        names(departments("Engineering")) + " ORDER BY e.datetime DESC LIMIT 10",
        "order",
        ordered=True,
    ),
    Case(
        "years sorted by number of hires, highest first",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e GROUP BY 1 ORDER BY 2 DESC",
        "order",
        ordered=True,
    ),
    Case(
        "everyone compliance has hired, oldest first",
        names(departments("Compliance")) + " ORDER BY e.datetime",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "the 3 latest hires with no department",
        names("e.department_id IS NULL") + " ORDER BY e.datetime DESC LIMIT 3",
        "order",
        ordered=True,
    ),
    Case(
        "support hires in 2022, newest first",
        names(f"{departments('Support')} AND {year(2022)}") + " ORDER BY e.datetime DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "job titles Z to A, just the first five",
        "SELECT job FROM jobs ORDER BY job DESC LIMIT 5",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "quarters of 2021 in order of hires, smallest first",
        "SELECT quarter(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {year(2021)} GROUP BY 1 ORDER BY 2",
        "order",
        ordered=True,
        key=(1,),
    ),
]

SEED = [
    Case(
        "quarterly hires for 2021 by department and job, sorted by department then job",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly_long(2021),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "For 2022: number of hires in each quarter, split by department and job title, "
        "alphabetical by department and then title.",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly_long(2022),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "my boss wants the Q1-Q4 2020 breakdown per team & role, ordered by team name then role",
        quarterly(2020),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
        also=(quarterly_long(2020),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "hi! could you get me 2021 hiring by quarter for every dept/title combo? "
        "dept A-Z then title A-Z. thx",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
        also=(quarterly_long(2021),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "department, job, Q1, Q2, Q3, Q4 hire counts for 2022 ordered by department, job",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly_long(2022),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "for a slide: 2020 new joiners per quarter for each department and position, "
        "sorted alphabetically",
        quarterly(2020),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
        also=(quarterly_long(2020),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "Hi team, finance asked for the 2022 quarterly hiring split by department and job "
        "(both sorted by name). Can you send it over?",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
        also=(quarterly_long(2022),),
        note=SEED_QUARTERLY,
    ),
    Case(
        "departments that hired above the average department in 2021 - id, name, count, "
        "biggest first",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
        note=SEED_MEAN,
    ),
    Case(
        "which teams beat the mean hiring across all depts in 2020? need id/name/number, "
        "most hires on top",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
        note=SEED_MEAN,
    ),
    Case(
        "Need each department's id, name and number hired for the ones whose 2021 hiring "
        "topped the mean hires per department. Sort on number hired, high to low.",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
        note=SEED_MEAN,
    ),
    Case(
        "2020: depts whose hires were higher than the all-department average. show dept id, "
        "dept name, hires; sort desc",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
        note=SEED_MEAN,
    ),
    Case(
        "which departments out-hired the typical (mean) department in 2021? "
        "id + name + count, highest first",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
        note=SEED_MEAN,
    ),
    Case(
        "above-average hiring departments for 2020 with their ids and hire counts, most to least",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
        note=SEED_MEAN,
    ),
    Case(
        "can I get the depts that took on more people than the dept average in 2021? "
        "id, dept, headcount added. ranked",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
        note=SEED_MEAN,
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

TRAPS: list[Case] = [
    Case("average salary of Engineering hires", UNANSWERABLE, "plain", note="no pay in the tables"),
    Case(
        "how many hires in Washington?",
        UNANSWERABLE,
        "lookup",
        everyday=True,
        note="no locations; Washington is a first name in the data, not a place in it",
    ),
    Case("attrition rate for 2021 pls", UNANSWERABLE, "arithmetic", everyday=True),
    Case("how many of our 2021 hires work remotely", UNANSWERABLE, "plain", everyday=True),
    Case("how many people got promoted in 2021?", UNANSWERABLE, "plain", everyday=True),
    Case("average time to fill a position in 2022", UNANSWERABLE, "arithmetic"),
    Case("how many offers were declined last year", UNANSWERABLE, "dates", everyday=True),
    Case(
        "how many contractors did we bring in during 2021?",
        UNANSWERABLE,
        "vocabulary",
        everyday=True,
    ),
    Case("how old is our youngest hire?", UNANSWERABLE, "lookup", everyday=True),
    Case(
        "which recruiter hired Harold Vogt?",
        UNANSWERABLE,
        "lookup",
        note="who recruited whom is not held; Recruiter is only a job title",
    ),
    Case(
        "how many of the people we hired in 2021 are still with us?",
        UNANSWERABLE,
        "dates",
        everyday=True,
    ),
    Case("cost per hire in 2022?", UNANSWERABLE, "arithmetic"),
    Case(
        "how many Marketing Managers did we hire in 2021",
        count(f"{jobs('Marketing Manager')} AND {year(2021)}"),
        "vocabulary",
        note="the job title, not the Marketing department",
    ),
    Case(
        "how many Desktop Support Technicians have we ever hired?",
        count(jobs("Desktop Support Technician")),
        "family",
        note="the job title, not the Support departments",
    ),
    Case(
        "Accounting Assistants hired in 2021?",
        count(f"{family('accounting assistant')} AND {year(2021)}"),
        "family",
        note="Accounting Assistant I-IV, not the Accounting department",
    ),
    Case(
        "hr assistants hired in 2022",
        count(f"{family('human resources assistant')} AND {year(2022)}"),
        "family",
        everyday=True,
        note="the Human Resources Assistant titles, not the HR department",
    ),
    Case(
        "how many biostatisticians in 2021",
        count(f"{family('biostatistician')} AND {year(2021)}"),
        "family",
        everyday=True,
        note="Biostatistician I-IV only, not Statistician",
    ),
    Case(
        "statisticians other than Statistician I, all-time",
        count(f"{family('statistician')} AND {not_jobs('Statistician I')}"),
        "family",
    ),
    Case(
        "designers but not web designers - how many in total?",
        count(f"{family('designer')} AND NOT {family('web designer')}"),
        "family",
        everyday=True,
        note="Graphic Designer only",
    ),
    Case(
        "engineers excluding software engineers, 2022",
        count(f"{family('engineer')} AND NOT {family('software engineer')} AND {year(2022)}"),
        "family",
        note="Software Test Engineer stays (not the phrase software engineer)",
    ),
    Case(
        "who did Support hire in 2022 apart from technical writers?",
        names(f"{departments('Support')} AND {year(2022)} AND {not_jobs('Technical Writer')}"),
        "lookup",
        everyday=True,
        note="both Supports; people without a job are kept",
    ),
    Case(
        "total hires in 2021 not counting Legal",
        count(f"{year(2021)} AND {not_departments('Legal')}"),
        "vocabulary",
        everyday=True,
        note="people without a department are kept; 'counting' is not Accounting",
    ),
    Case(
        "2021 hires excluding R&D and Training",
        count(f"{year(2021)} AND {not_departments('Research and Development', 'Training')}"),
        "vocabulary",
    ),
    Case(
        "how many fewer hires did R&D make in 2021 than the whole company made in Q1 2021?",
        minus(
            span("2021-01-01", "2021-04-01"),
            f"{departments('Research and Development')} AND {year(2021)}",
        ),
        "arithmetic",
        also=(
            minus(
                f"{departments('Research and Development')} AND {year(2021)}",
                span("2021-01-01", "2021-04-01"),
            ),
        ),
        note="the department filter is on one side only; " + PERIODS,
    ),
    Case(
        "what share of Engineering's 2021 hires were developers?",
        share(family("developer"), f"{departments('Engineering')} AND {year(2021)}"),
        "arithmetic",
        everyday=True,
        note="out of Engineering's 2021 hires, not all hires",
    ),
    Case(
        "hires in Q2 excluding April",
        count(span("2022-05-01", "2022-07-01")),
        "dates",
        everyday=True,
        note="open period: Q2 2022, less April",
    ),
    Case("hires in January 2023", count(span("2023-01-01", "2023-02-01")), "dates", note="0"),
    Case(
        "what does Dev Ingleson do?",
        f"SELECT j.job FROM {EDJ} WHERE e.name = 'Dev Ingleson'",
        "lookup",
        everyday=True,
        note="Dev is a first name, not developers",
    ),
    Case(
        "which departments did not hire any engineers in 2022?",
        "SELECT d.department FROM departments d WHERE d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {family('engineer')} AND {year(2022)} "
        "AND e.department_id IS NOT NULL)",
        "condition",
        note="a negation over groups; Compliance hired nobody at all in 2022",
    ),
    Case(
        "Sales hires in 2021 who aren't health coaches - how many?",
        count(
            f"{departments('Sales')} AND {year(2021)} "
            f"AND NOT coalesce({family('health coach')}, FALSE)"
        ),
        "family",
        everyday=True,
        note="people without a job are kept",
    ),
    Case(
        "how many Sales Representatives did the Sales dept hire?",
        count(f"{jobs('Sales Representative')} AND {departments('Sales')}"),
        "vocabulary",
    ),
    Case(
        "Research Assistant hires in R&D in 2021",
        count(
            f"{family('research assistant')} AND {departments('Research and Development')} "
            f"AND {year(2021)}"
        ),
        "family",
    ),
    Case(
        "level I hires in 2021",
        count(f"{level('I')} AND {year(2021)}"),
        "family",
        note="titles ending in I only, not II or III",
    ),
    Case(
        "Programmer IV hires, ever",
        count(jobs("Programmer IV")),
        "family",
        note="the one title; Programmer Analyst IV is another",
    ),
    Case(
        "accountants excluding staff accountants in 2022",
        count(f"{family('accountant')} AND NOT {family('staff accountant')} AND {year(2022)}"),
        "family",
    ),
    Case(
        "hires in the first half of the year",
        count(span("2022-01-01", "2022-07-01")),
        "dates",
        everyday=True,
        note="open period: H1 2022",
    ),
    Case(
        "how many 2021 hires were not on a weekday?",
        count(f"{year(2021)} AND isodow(e.datetime) IN (6, 7)"),
        "dates",
        everyday=True,
    ),
    Case(
        "which departments hired more in H2 2022 than in H1 2022?",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {span('2022-07-01', '2023-01-01')}) "
        f"> COUNT(*) FILTER (WHERE {span('2022-01-01', '2022-07-01')})",
        "condition",
    ),
    Case(
        "Lou's department?",
        f"SELECT d.department FROM {EDJ} WHERE split_part(e.name, ' ', 1) = 'Lou'",
        "lookup",
        everyday=True,
        note="Lou Hurd only, not Louisa Binion",
    ),
    Case(
        "Putnam Dodd's job",
        f"SELECT j.job FROM {EDJ} WHERE e.name = 'Putnam Dodd'",
        "lookup",
        everyday=True,
        note="not Putnem Lippiello",
    ),
    Case(
        "How many Recruiters did we hire in 2021?",
        count(f"{jobs('Recruiter')} AND {year(2021)}"),
        "family",
        note="a job title; not Recruiting Manager",
    ),
    Case(
        "which of Legal's 2021 hires were not web developers? names pls",
        names(
            f"{departments('Legal')} AND {year(2021)} "
            f"AND NOT coalesce({family('web developer')}, FALSE)"
        ),
        "lookup",
        everyday=True,
        note="Web Developer I-III are out; people without a job would stay",
    ),
    Case(
        "anyone in Compliance who wasn't hired in 2020?",
        names(f"{departments('Compliance')} AND NOT ({year(2020)})"),
        "lookup",
        everyday=True,
    ),
    Case(
        "how many people transferred between departments in 2022",
        UNANSWERABLE,
        "plain",
        everyday=True,
        note="only the department each person was hired into is held",
    ),
]
