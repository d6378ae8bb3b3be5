"""The fifth analyst set: HR analysts' questions in chat and email, with hand-written gold.

Written blind by a helper on branch evalset5, on 2026-12-07, for issue 20. The
writer read only ``gold.py`` (the data loader, ``Case`` and its SQL helpers),
``scoring.py`` (how answers are compared), ``question_set.generate`` (how the
data is made, not its cases), issue 20's list of kinds and the examiners'
answer conventions; and the data itself, loaded with ``gold.load`` into a
throwaway DuckDB file and queried by hand. The writer never opened the engine
(resolvers/core/questions/), the docs, the bench, the client, the web app or
any earlier question set or its tests, and never ran the engine, the bench or
the API on these questions. Every question was written fresh for this set.
Before its first score the lead removed 3 questions and 1 trap that, up to case
and punctuation, repeated a question of an earlier set (173 + 57 written,
170 + 56 kept).

Measure on it, never tune to it: a miss worth fixing becomes a new
*development* question in other words, never an edit here.

Answer conventions are the examiners' (shared with the earlier analyst sets):
rows compared as multisets (in order only where asked, on ``key``), numbers
rounded to 1 decimal, extra columns welcome; counts are one row; groups by id
(the two "Support" departments are two rows, "Support" means both); people
without a department (job) are left out of per-department (per-job) rows and
kept by an exclusion; shares are 0-100 of every hire in the same period unless
a whole is named; a period without a year is that period of 2022; families
are every title holding the word as a whole word; levels are the roman
numeral ending a title; ranks within groups keep ties; a bare "staff ..."
phrase is a count, "who ..." and "employees ..." are lists of names.

``CASES`` are scored as execution accuracy; ``TRAPS`` must each come back
right or refused. ``UNANSWERABLE`` is the gold of questions about what the
tables do not hold: no answer can match it, so only a refusal passes.
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
    percent,
    span,
    year,
)

UNANSWERABLE = "SELECT 'the tables do not hold this' AS unanswerable"

EDJ = (
    "hired_employees e LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN jobs j ON j.id = e.job_id"
)


def family(word: str) -> str:
    """Every title holding ``word`` as a whole word, any case, singular or plural."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b{word}s?\\b'))"


def phrase(words: str) -> str:
    """Every title holding the words together, in that order."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b{words}s?\\b'))"


LEVEL = "regexp_extract(j.job, ' (I|II|III|IV)$', 1)"


def by_level(where: str) -> str:
    """One row per level ('I'..'IV') with hires matching ``where``."""
    return (
        f"SELECT {LEVEL} AS level, COUNT(*) FROM {PER_JOB} WHERE {where} "
        f"AND {LEVEL} <> '' GROUP BY 1"
    )


def level(*levels: str) -> str:
    quoted = ", ".join(f"'{x}'" for x in levels)
    return (
        "e.job_id IN (SELECT id FROM jobs WHERE "
        f"regexp_extract(job, ' (I|II|III|IV)$', 1) IN ({quoted}))"
    )


def quarter(y: int, q: int) -> str:
    start = f"{y}-{3 * q - 2:02d}-01"
    end = f"{y + 1}-01-01" if q == 4 else f"{y}-{3 * q + 1:02d}-01"
    return span(start, end)


def month(y: int, m: int) -> str:
    end = f"{y + 1}-01-01" if m == 12 else f"{y}-{m + 1:02d}-01"
    return span(f"{y}-{m:02d}-01", end)


def day(d: str) -> str:
    return f"CAST(e.datetime AS DATE) = DATE '{d}'"


def quarterly(y: int, where: str = "TRUE") -> str:
    """The seed's first report: hires per quarter of ``y`` per department and job, by name."""
    quarters = ", ".join(
        f"COUNT(*) FILTER (WHERE quarter(e.datetime) = {q}) AS q{q}" for q in range(1, 5)
    )
    return (
        f"SELECT d.department, j.job, {quarters} FROM hired_employees e "
        "JOIN departments d ON d.id = e.department_id JOIN jobs j ON j.id = e.job_id "
        f"WHERE {year(y)} AND {where} GROUP BY d.id, d.department, j.id, j.job "
        "ORDER BY d.department, j.job"
    )


def above_mean(y: int, ascending: bool = False) -> str:
    """The seed's second report: departments above the mean of departments hiring in ``y``."""
    order = "ASC" if ascending else "DESC"
    return (
        f"WITH c AS (SELECT d.id, d.department, COUNT(*) AS hired FROM {PER_DEPARTMENT} "
        f"WHERE {year(y)} GROUP BY d.id, d.department) "
        f"SELECT id, department, hired FROM c WHERE hired > (SELECT AVG(hired) FROM c) "
        f"ORDER BY hired {order}"
    )


def above_mean_of_all(y: int) -> str:
    """As ``above_mean``, the mean taken over every department, those without hires too."""
    return (
        f"WITH c AS (SELECT d.id, d.department, COUNT(*) AS hired FROM {PER_DEPARTMENT} "
        f"WHERE {year(y)} GROUP BY d.id, d.department) "
        "SELECT id, department, hired FROM c WHERE hired > "
        "(SELECT SUM(hired) FROM c) / (SELECT COUNT(*) FROM departments) ORDER BY hired DESC"
    )


def difference(first: str, second: str) -> str:
    """Hires matching ``first`` minus those matching ``second``."""
    return (
        f"SELECT COUNT(*) FILTER (WHERE {first}) - COUNT(*) FILTER (WHERE {second}) "
        "FROM hired_employees e"
    )


def top_within(group: str, name: str, inner: str, inner_name: str, where: str) -> str:
    """Per ``group``, the ``inner`` value(s) with the most hires (ties kept; no count)."""
    return (
        f"SELECT g, w FROM (SELECT {name} AS g, {inner_name} AS w, "
        f"RANK() OVER (PARTITION BY {group} ORDER BY COUNT(*) DESC) AS r FROM {EDJ} "
        f"WHERE {where} GROUP BY {group}, {name}, {inner}, {inner_name}) WHERE r = 1"
    )


def by_month(where: str) -> str:
    return f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {where} GROUP BY 1"


def by_month_name(where: str) -> str:
    return f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {where} GROUP BY 1"


def listed(sql: str) -> str:
    """Only the first column of ``sql``: a list answers with what it lists."""
    return f"SELECT #1 FROM ({sql})"


def when(name: str) -> str:
    return f"SELECT e.datetime FROM hired_employees e WHERE e.name = '{name}'"


def when_date(name: str) -> str:
    return f"SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE e.name = '{name}'"


Y20, Y21, Y22 = year(2020), year(2021), year(2022)
WEEKEND = "isodow(e.datetime) IN (6, 7)"

CASES: list[Case] = [
    # ----------------------------------------------------------------- plain
    Case(
        "hw many people did we hire in 2021?",
        count(Y21),
        "plain",
        everyday=True,
    ),
    Case(
        "Total number of hires in Marketting, all time please",
        count(departments("Marketing")),
        "plain",
        everyday=True,
    ),
    Case(
        "Hi team, hope you're well. For the annual review I need the number of hires per "
        "department for 2022 - one row per department is perfect. Many thanks, Priya",
        per_department(Y22),
        "plain",
        everyday=True,
    ),
    Case(
        "can u break down Legal's hires by job title",
        per_job(departments("Legal")),
        "plain",
        everyday=True,
    ),
    Case(
        "What is the total number of employees in hired_employees?",
        count(),
        "plain",
    ),
    Case(
        "Training hire count for Q3 2021",
        count(f"{departments('Training')} AND {quarter(2021, 3)}"),
        "plain",
    ),
    Case(
        "how many hires were made each yr?",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e GROUP BY 1",
        "plain",
        everyday=True,
    ),
    Case(
        "how many rows does the jobs table have (one per title)?",
        "SELECT COUNT(*) FROM jobs",
        "plain",
    ),
    Case(
        "Which job titles are sitting there with zero hires against them?",
        "SELECT job FROM jobs WHERE id NOT IN "
        "(SELECT job_id FROM hired_employees WHERE job_id IS NOT NULL)",
        "plain",
    ),
    Case(
        "monthly hire counts for 2022, jan to dec",
        by_month(Y22),
        "plain",
        also=(by_month_name(Y22),),
    ),
    Case(
        "how many Enginering hires in 2022",
        count(f"{departments('Engineering')} AND {Y22}"),
        "plain",
        everyday=True,
    ),
    Case(
        "How many hires are missing a department on their record?",
        count("e.department_id IS NULL"),
        "plain",
    ),
    Case(
        "count of employees with a missing job_id",
        count("e.job_id IS NULL"),
        "plain",
    ),
    Case(
        "How many different job titles did Accounting hire for in 2021?",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e "
        f"WHERE {departments('Accounting')} AND {Y21}",
        "plain",
    ),
    Case(
        "hires by dept for 2020 pls, thx",
        per_department(Y20),
        "plain",
        everyday=True,
    ),
    Case(
        "number of people hired into Services in 2022?",
        count(f"{departments('Services')} AND {Y22}"),
        "plain",
    ),
    Case(
        "quick one - total hires across 2020 and 2021 together?",
        count(span("2020-01-01", "2022-01-01")),
        "plain",
        everyday=True,
    ),
    Case(
        "Morning! Quick favour - our CFO is reviewing growth and asked how many people "
        "Accounting hired in 2021 and in 2022, each year separately. Cheers",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {departments('Accounting')} AND e.datetime >= TIMESTAMP '2021-01-01' "
        "GROUP BY 1",
        "plain",
        everyday=True,
    ),
    # ------------------------------------------------------------ vocabulary
    Case(
        "how many new starters did HR get in 2022?",
        count(f"{departments('Human Resources')} AND {Y22}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "# of folks R&D brought on in 2021",
        count(f"{departments('Research and Development')} AND {Y21}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "BD headcount for 2020 pls",
        count(f"{departments('Business Development')} AND {Y20}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many distinct roles did Product Mgmt take people on for in 2022",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e "
        f"WHERE {departments('Product Management')} AND {Y22}",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "new joiners per team for 2020",
        per_department(Y20),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "which positions has Legal ever filled?",
        f"SELECT DISTINCT j.job FROM {PER_JOB} WHERE {departments('Legal')}",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many recruits came on board in Q4 2022",
        count(quarter(2022, 4)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "staff brought in by Sales in March 2022",
        count(f"{departments('Sales')} AND {month(2022, 3)}"),
        "vocabulary",
        everyday=True,
        note="A bare phrase starting with 'staff' is a count (CONVENTIONS).",
    ),
    Case(
        "who did Compliance onboard?",
        names(departments("Compliance")),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "HR new joiners by month in 2021",
        by_month(f"{departments('Human Resources')} AND {Y21}"),
        "vocabulary",
        everyday=True,
        also=(by_month_name(f"{departments('Human Resources')} AND {Y21}"),),
    ),
    Case(
        "how many depts took anyone on in 2022?",
        f"SELECT COUNT(DISTINCT e.department_id) FROM hired_employees e WHERE {Y22}",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "total headcount of the marketing org",
        count(departments("Marketing")),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many ppl were onboarded in Services over summer 2021?",
        count(f"{departments('Services')} AND {span('2021-06-01', '2021-09-01')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "recruits per position for Accounting, 2022",
        per_job(f"{departments('Accounting')} AND {Y22}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many folks has Support taken on altogether?",
        count(departments("Support")),
        "vocabulary",
        everyday=True,
        note="Both departments named Support.",
    ),
    Case(
        "number of staff biz dev hired in h1 2022",
        count(f"{departments('Business Development')} AND {span('2022-01-01', '2022-07-01')}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Per org, how many people came on board in 2021?",
        per_department(Y21),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many roles have we brought people into, in total?",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e",
        "vocabulary",
        everyday=True,
        note="Distinct titles with at least one hire.",
    ),
    # ----------------------------------------------------------------- dates
    Case(
        "how many hires from April 3 to June 18, 2022?",
        count(span("2022-04-03", "2022-06-19")),
        "dates",
    ),
    Case(
        "how many people started on Valentine's Day 2021?",
        count(day("2021-02-14")),
        "dates",
        everyday=True,
    ),
    Case(
        "how many hires on new years eve 2021",
        count(day("2021-12-31")),
        "dates",
        everyday=True,
    ),
    Case(
        "what's our Q2 hire count?",
        count(quarter(2022, 2)),
        "dates",
        note="An open Q2 is Q2 2022, the latest year with data.",
    ),
    Case(
        "number of hires we made over the summer months",
        count(span("2022-06-01", "2022-09-01")),
        "dates",
        note="Open season: summer 2022 (June-August).",
    ),
    Case(
        "so how many did we hire last year in total",
        count(Y22),
        "dates",
        everyday=True,
    ),
    Case(
        "hires in the last 6 months, total",
        count(span("2022-07-01", "2023-01-01")),
        "dates",
    ),
    Case(
        "How many people have we hired so far this year (YTD)?",
        count(span("2023-01-01", "2024-01-01")),
        "dates",
        note="This year is 2023 at gold.TODAY: nobody.",
    ),
    Case(
        "weekend hires in 2021 - how many?",
        count(f"{Y21} AND {WEEKEND}"),
        "dates",
        everyday=True,
    ),
    Case(
        "For 2022, hires by day of the week please",
        f"SELECT dayname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} GROUP BY 1",
        "dates",
        also=(
            f"SELECT isodow(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} GROUP BY 1",
        ),
    ),
    Case(
        "how many hires in the frist half of 2021",
        count(span("2021-01-01", "2021-07-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "no. of people who joined between 1 and 15 nov 2020",
        count(span("2020-11-01", "2020-11-16")),
        "dates",
        everyday=True,
    ),
    Case(
        "how many ppl started in march?",
        count(month(2022, 3)),
        "dates",
        everyday=True,
        note="Open month: March 2022.",
    ),
    Case(
        "anyone hired on halloween? how many",
        count(day("2022-10-31")),
        "dates",
        everyday=True,
        note="Open named day: Halloween 2022.",
    ),
    Case(
        "How many hires did we make in autumn 2020?",
        count(span("2020-09-01", "2020-12-01")),
        "dates",
    ),
    Case(
        "total hires in feb '22?",
        count(month(2022, 2)),
        "dates",
        everyday=True,
    ),
    Case(
        "How many people did we hire on Christmas Eve 2021?",
        count(day("2021-12-24")),
        "dates",
    ),
    Case(
        "count of hires since 1 Oct 2022",
        count(span("2022-10-01", "2023-01-01")),
        "dates",
    ),
    Case(
        "hires over the last three years - how many in all?",
        count(span("2020-01-01", "2023-01-01")),
        "dates",
    ),
    Case(
        "who started on New Year's Day 2022?",
        names(day("2022-01-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "how many came in from 28 Nov thru 3 Dec 2021",
        count(span("2021-11-28", "2021-12-04")),
        "dates",
        everyday=True,
    ),
    # ---------------------------------------------------------------- lookup
    Case(
        "When was Jeremias Goudy hired?",
        when("Jeremias Goudy"),
        "lookup",
        also=(when_date("Jeremias Goudy"),),
    ),
    Case(
        "what dept is thia morican in",
        f"SELECT d.department FROM {EDJ} WHERE e.name = 'Thia Morican'",
        "lookup",
        everyday=True,
        note="No department on file: one row holding NULL.",
    ),
    Case(
        "Ludvig Norwood's job title?",
        f"SELECT j.job FROM {EDJ} WHERE e.name = 'Ludvig Norwood'",
        "lookup",
        everyday=True,
        note="No job on file: one row holding NULL.",
    ),
    Case(
        "emp id 3047: who is it and what's their title",
        f"SELECT e.name, j.job FROM {EDJ} WHERE e.id = 3047",
        "lookup",
        everyday=True,
    ),
    Case(
        "Libbi Dowtry and Orelie Gauvin - which departments are they in?",
        f"SELECT e.name, d.department FROM {EDJ} WHERE e.name IN ('Libbi Dowtry', 'Orelie Gauvin')",
        "lookup",
        everyday=True,
    ),
    Case(
        "when did Priscilla Oduya join us?",
        when("Priscilla Oduya"),
        "lookup",
        everyday=True,
        empty=True,
        note="Nobody by that name.",
    ),
    Case(
        "anybody called Putnam? (first name)",
        names("e.name LIKE 'Putnam %'"),
        "lookup",
        everyday=True,
        note="Putnam Dodd only; Putnem Lippiello is another name.",
    ),
    Case(
        "Which job titles contain the word Nurse?",
        "SELECT job FROM jobs WHERE regexp_matches(job, '\\bNurse\\b')",
        "lookup",
    ),
    Case(
        "how many job titles have 'Assistant' in them",
        "SELECT COUNT(*) FROM jobs WHERE job ILIKE '%assistant%'",
        "lookup",
        everyday=True,
    ),
    Case(
        "employees whose name starts with Mar",
        names("e.name LIKE 'Mar%'"),
        "lookup",
    ),
    Case(
        "who joined on 2021-10-10?",
        names(day("2021-10-10")),
        "lookup",
        everyday=True,
    ),
    Case(
        "which department does employee #3058 belong to",
        f"SELECT d.department FROM {EDJ} WHERE e.id = 3058",
        "lookup",
        everyday=True,
    ),
    Case(
        "whats Elia D'Enrico's role",
        f"SELECT j.job FROM {EDJ} WHERE e.name = 'Elia D''Enrico'",
        "lookup",
        everyday=True,
    ),
    Case(
        "Departments with 'Development' in the name",
        "SELECT department FROM departments WHERE department LIKE '%Development%'",
        "lookup",
    ),
    Case(
        "Lurette Erwin: hire date and department?",
        f"SELECT CAST(e.datetime AS DATE), d.department FROM {EDJ} WHERE e.name = 'Lurette Erwin'",
        "lookup",
        also=(f"SELECT e.datetime, d.department FROM {EDJ} WHERE e.name = 'Lurette Erwin'",),
    ),
    Case(
        "select name, datetime from hired_employees where id = 2500",
        "SELECT e.name, e.datetime FROM hired_employees e WHERE e.id = 2500",
        "lookup",
    ),
    Case(
        "Washington Schleswig-Holstein: department + job title please",
        f"SELECT d.department, j.job FROM {EDJ} WHERE e.name = 'Washington Schleswig-Holstein'",
        "lookup",
        everyday=True,
    ),
    Case(
        "start dates for Cathy Blundin and Bob Marley?",
        "SELECT e.name, CAST(e.datetime AS DATE) FROM hired_employees e "
        "WHERE e.name IN ('Cathy Blundin', 'Bob Marley')",
        "lookup",
        everyday=True,
        note="Bob Marley is not in the data: Cathy Blundin's row only.",
        also=(
            "SELECT e.name, e.datetime FROM hired_employees e "
            "WHERE e.name IN ('Cathy Blundin', 'Bob Marley')",
        ),
    ),
    # ---------------------------------------------------------------- family
    Case(
        "how many statisticians did we end up hiring in 2022",
        count(f"{family('Statistician')} AND {Y22}"),
        "family",
        everyday=True,
    ),
    Case(
        "designers hired per calendar year",
        f"SELECT year(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {family('Designer')} GROUP BY 1",
        "family",
    ),
    Case(
        "How many engineers did the Engineering department hire in 2021?",
        count(f"{family('Engineer')} AND {departments('Engineering')} AND {Y21}"),
        "family",
    ),
    Case(
        "split the DBAs we've hired by level",
        by_level(family("Database Administrator")),
        "family",
        everyday=True,
    ),
    Case(
        "total sysadmins ever hired?",
        count(family("Systems Administrator")),
        "family",
        everyday=True,
    ),
    Case(
        "how many programmers have we hired since records began",
        count(family("Programmer")),
        "family",
        everyday=True,
    ),
    Case(
        "# of developers in R&D, all years",
        count(f"{family('Developer')} AND {departments('Research and Development')}"),
        "family",
        everyday=True,
    ),
    Case(
        "How many technicians were hired in 2021?",
        count(f"{family('Technician')} AND {Y21}"),
        "family",
        also=(count(f"({family('Technician')} OR {jobs('Environmental Tech')}) AND {Y21}"),),
    ),
    Case(
        "accountants hired per department in 2022",
        per_department(f"{family('Accountant')} AND {Y22}"),
        "family",
    ),
    Case(
        "# managers hired in Q1 2022",
        count(f"{family('Manager')} AND {quarter(2022, 1)}"),
        "family",
        everyday=True,
        note="Every title with the word Manager, any case (Analog Circuit Design manager too).",
    ),
    Case(
        "in 2021 how many hires were at level IV",
        count(f"{level('IV')} AND {Y21}"),
        "family",
    ),
    Case(
        "how many Training hires sit higher than level II?",
        count(f"{level('III', 'IV')} AND {departments('Training')}"),
        "family",
    ),
    Case(
        "software engineers by level pls",
        by_level(phrase("Software Engineer")),
        "family",
        everyday=True,
    ),
    Case(
        "how many web designers came on in 2020",
        count(f"{phrase('Web Designer')} AND {Y20}"),
        "family",
        everyday=True,
    ),
    Case(
        "Health Coach hires broken down by level",
        by_level(phrase("Health Coach")),
        "family",
    ),
    Case(
        "how many level I hires did Marketing make?",
        count(f"{level('I')} AND {departments('Marketing')}"),
        "family",
        everyday=True,
    ),
    Case(
        "which titles count as designers?",
        "SELECT job FROM jobs WHERE regexp_matches(job, '(?i)\\bDesigner\\b')",
        "family",
        everyday=True,
    ),
    Case(
        "developers as a % of 2021 hires",
        percent(family("Developer"), Y21),
        "family",
    ),
    # ------------------------------------------------------------ arithmetic
    Case(
        "how many more hires did Training make than Marketing in 2022?",
        difference(f"{departments('Training')} AND {Y22}", f"{departments('Marketing')} AND {Y22}"),
        "arithmetic",
    ),
    Case(
        "Sales minus Legal, hires in 2021",
        difference(f"{departments('Sales')} AND {Y21}", f"{departments('Legal')} AND {Y21}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "growth in total hires from 2020 to 2021?",
        difference(Y21, Y20),
        "arithmetic",
        also=(difference(Y20, Y21),),
    ),
    Case(
        "subtract Q2 2022's hire count from Q3 2022's",
        difference(quarter(2022, 3), quarter(2022, 2)),
        "arithmetic",
        also=(difference(quarter(2022, 2), quarter(2022, 3)),),
    ),
    Case(
        "What share of all our hires happened in 2020?",
        percent(Y20, "TRUE"),
        "arithmetic",
    ),
    Case(
        "HR and Legal combined, 2021 hires?",
        count(f"{departments('Human Resources', 'Legal')} AND {Y21}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "avergae number of hires per department in 2021",
        f"SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM {PER_DEPARTMENT} "
        f"WHERE {Y21} GROUP BY d.id)",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "percent change in hires from 2021 to 2022",
        f"SELECT 100.0 * (COUNT(*) FILTER (WHERE {Y22}) - COUNT(*) FILTER (WHERE {Y21})) "
        f"/ COUNT(*) FILTER (WHERE {Y21}) FROM hired_employees e",
        "arithmetic",
    ),
    Case(
        "what percentage of Support's hires came in 2021",
        percent(Y21, departments("Support")),
        "arithmetic",
        everyday=True,
        note="The named whole is every hire of both Supports.",
    ),
    Case(
        "What percent of all hires came in with no job title on file?",
        percent("e.job_id IS NULL", "TRUE"),
        "arithmetic",
    ),
    Case(
        "how many fewer people did we hire in Q1 2021 than in Q4 2021",
        difference(quarter(2021, 4), quarter(2021, 1)),
        "arithmetic",
        everyday=True,
        also=(difference(quarter(2021, 1), quarter(2021, 4)),),
    ),
    Case(
        "avg hires per month in 2021?",
        f"SELECT COUNT(*) / 12.0 FROM hired_employees e WHERE {Y21}",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "engineers as a percentage of Engineering's 2022 hires",
        percent(family("Engineer"), f"{departments('Engineering')} AND {Y22}"),
        "arithmetic",
    ),
    Case(
        "my manager wants to know the gap between Marketing and Sales hiring in 2020 - "
        "how many more did Marketing bring in?",
        difference(f"{departments('Marketing')} AND {Y20}", f"{departments('Sales')} AND {Y20}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "hires in Accounting 2022 vs 2021, what's the change?",
        difference(
            f"{departments('Accounting')} AND {Y22}", f"{departments('Accounting')} AND {Y21}"
        ),
        "arithmetic",
        everyday=True,
        also=(
            difference(
                f"{departments('Accounting')} AND {Y21}", f"{departments('Accounting')} AND {Y22}"
            ),
        ),
    ),
    Case(
        "share of 2021 hires made on a weekend",
        percent(WEEKEND, Y21),
        "arithmetic",
    ),
    # ------------------------------------------------------------- condition
    Case(
        "which departments hired at least 50 people in 2022?",
        listed(f"{per_department(Y22)} HAVING COUNT(*) >= 50"),
        "condition",
    ),
    Case(
        "how many departments hired more than 100 people in 2021",
        f"SELECT COUNT(*) FROM ({per_department(Y21)} HAVING COUNT(*) > 100)",
        "condition",
    ),
    Case(
        "which roles had just a single hire in 2022?",
        listed(f"{per_job(Y22)} HAVING COUNT(*) = 1"),
        "condition",
    ),
    Case(
        "jobs having count(*) between 20 and 22 over all hires",
        listed(f"{per_job()} HAVING COUNT(*) BETWEEN 20 AND 22"),
        "condition",
    ),
    Case(
        "which depts out-hired Sales in 2022?",
        listed(
            f"{per_department(Y22)} HAVING COUNT(*) > "
            f"(SELECT COUNT(*) FROM hired_employees e WHERE {departments('Sales')} AND {Y22})"
        ),
        "condition",
        everyday=True,
    ),
    Case(
        "months of 2021 with over 80 hires",
        listed(f"{by_month(Y21)} HAVING COUNT(*) > 80"),
        "condition",
        also=(listed(f"{by_month_name(Y21)} HAVING COUNT(*) > 80"),),
    ),
    Case(
        "which departments hired nobody in Q4 2022?",
        "SELECT department FROM departments WHERE id NOT IN "
        f"(SELECT e.department_id FROM hired_employees e WHERE {quarter(2022, 4)} "
        "AND e.department_id IS NOT NULL)",
        "condition",
    ),
    Case(
        "any depts that hired in all three years 2020, 2021 and 2022? list them",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        "HAVING COUNT(DISTINCT year(e.datetime)) = 3",
        "condition",
    ),
    Case(
        "years in which Engineering hired more than 60",
        f"SELECT year(e.datetime) FROM hired_employees e "
        f"WHERE {departments('Engineering')} GROUP BY 1 HAVING COUNT(*) > 60",
        "condition",
    ),
    Case(
        "quarters of 2022 with at least 220 hires",
        f"SELECT quarter(e.datetime) FROM hired_employees e WHERE {Y22} "
        "GROUP BY 1 HAVING COUNT(*) >= 220",
        "condition",
    ),
    Case(
        "which dept didn't hire anyone in 2022",
        "SELECT department FROM departments WHERE id NOT IN "
        f"(SELECT e.department_id FROM hired_employees e WHERE {Y22} "
        "AND e.department_id IS NOT NULL)",
        "condition",
        everyday=True,
    ),
    Case(
        "how many titles had 10 or more hires in 2021?",
        f"SELECT COUNT(*) FROM ({per_job(Y21)} HAVING COUNT(*) >= 10)",
        "condition",
        everyday=True,
    ),
    Case(
        "roles in Training with 3+ hires in 2022",
        listed(per_job(f"{departments('Training')} AND {Y22}") + " HAVING COUNT(*) >= 3"),
        "condition",
        everyday=True,
    ),
    Case(
        "which teams hired more in the second half of 2022 than in the first half?",
        f"SELECT d.department FROM {PER_DEPARTMENT} WHERE {Y22} GROUP BY d.id, d.department "
        "HAVING COUNT(*) FILTER (WHERE month(e.datetime) >= 7) > "
        "COUNT(*) FILTER (WHERE month(e.datetime) <= 6)",
        "condition",
        everyday=True,
    ),
    Case(
        "depts with fewer than 30 hires in 2021, pls",
        listed(f"{per_department(Y21)} HAVING COUNT(*) < 30"),
        "condition",
        everyday=True,
    ),
    Case(
        "titles that Marketing hired exactly 5 times",
        listed(f"{per_job(departments('Marketing'))} HAVING COUNT(*) = 5"),
        "condition",
        everyday=True,
    ),
    Case(
        "teams with over 150 hires in a single year - which teams, which years?",
        f"SELECT d.department, year(e.datetime) FROM {PER_DEPARTMENT} "
        "GROUP BY d.id, d.department, year(e.datetime) HAVING COUNT(*) > 150",
        "condition",
        everyday=True,
    ),
    # ----------------------------------------------------------- rank_within
    Case(
        "for 2022, the most-hired title within every dept",
        top_within(
            "d.id",
            "d.department",
            "j.id",
            "j.job",
            f"{Y22} AND d.id IS NOT NULL AND j.id IS NOT NULL",
        ),
        "rank_within",
        note="Every job tied for first in a department is kept.",
    ),
    Case(
        "in 2021, which quarter was the peak for each dept?",
        top_within(
            "d.id",
            "d.department",
            "quarter(e.datetime)",
            "quarter(e.datetime)",
            f"{Y21} AND d.id IS NOT NULL",
        ),
        "rank_within",
    ),
    Case(
        "busiest month in each of the three years?",
        top_within(
            "year(e.datetime)", "year(e.datetime)", "month(e.datetime)", "month(e.datetime)", "TRUE"
        ),
        "rank_within",
        everyday=True,
        also=(
            top_within(
                "year(e.datetime)",
                "year(e.datetime)",
                "month(e.datetime)",
                "monthname(e.datetime)",
                "TRUE",
            ),
        ),
    ),
    Case(
        "for every year, which department hired the most people that year?",
        top_within(
            "year(e.datetime)", "year(e.datetime)", "d.id", "d.department", "d.id IS NOT NULL"
        ),
        "rank_within",
    ),
    Case(
        "most common title in Legal for each year",
        top_within(
            "year(e.datetime)",
            "year(e.datetime)",
            "j.id",
            "j.job",
            f"{departments('Legal')} AND j.id IS NOT NULL",
        ),
        "rank_within",
    ),
    Case(
        "the first person hired in each department",
        "SELECT d.department, e.name FROM hired_employees e JOIN departments d "
        "ON d.id = e.department_id QUALIFY RANK() OVER (PARTITION BY d.id "
        "ORDER BY e.datetime) = 1",
        "rank_within",
    ),
    Case(
        "who was each team's most recent hire in 2022",
        "SELECT d.department, e.name FROM hired_employees e JOIN departments d "
        f"ON d.id = e.department_id WHERE {Y22} QUALIFY RANK() OVER (PARTITION BY d.id "
        "ORDER BY e.datetime DESC) = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "top department per quarter in 2022",
        top_within(
            "quarter(e.datetime)",
            "quarter(e.datetime)",
            "d.id",
            "d.department",
            f"{Y22} AND d.id IS NOT NULL",
        ),
        "rank_within",
    ),
    Case(
        "what was each dept's biggest month in 2020?",
        top_within(
            "d.id",
            "d.department",
            "month(e.datetime)",
            "month(e.datetime)",
            f"{Y20} AND d.id IS NOT NULL",
        ),
        "rank_within",
        everyday=True,
        also=(
            top_within(
                "d.id",
                "d.department",
                "month(e.datetime)",
                "monthname(e.datetime)",
                f"{Y20} AND d.id IS NOT NULL",
            ),
        ),
    ),
    Case(
        "per year, the title we hired most for",
        top_within("year(e.datetime)", "year(e.datetime)", "j.id", "j.job", "j.id IS NOT NULL"),
        "rank_within",
        everyday=True,
    ),
    Case(
        "which dept took on the most engineers each year",
        top_within(
            "year(e.datetime)",
            "year(e.datetime)",
            "d.id",
            "d.department",
            f"{family('Engineer')} AND d.id IS NOT NULL",
        ),
        "rank_within",
        everyday=True,
    ),
    Case(
        "for R&D and for Training separately, what was the no. 1 title in 2022?",
        top_within(
            "d.id",
            "d.department",
            "j.id",
            "j.job",
            f"{Y22} AND {departments('Research and Development', 'Training')} AND j.id IS NOT NULL",
        ),
        "rank_within",
        everyday=True,
    ),
    Case(
        "top 3 depts by hires in each year",
        "SELECT y, g FROM (SELECT year(e.datetime) AS y, d.department AS g, "
        "RANK() OVER (PARTITION BY year(e.datetime) ORDER BY COUNT(*) DESC) AS r "
        f"FROM {PER_DEPARTMENT} GROUP BY year(e.datetime), d.id, d.department) WHERE r <= 3",
        "rank_within",
        everyday=True,
        note="No tie at third place in any year.",
    ),
    Case(
        "the two earliest hires in Legal and the two earliest in Compliance",
        "SELECT d.department, e.name FROM hired_employees e JOIN departments d "
        f"ON d.id = e.department_id WHERE {departments('Legal', 'Compliance')} "
        "QUALIFY ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY e.datetime) <= 2",
        "rank_within",
    ),
    # ----------------------------------------------------------------- order
    Case(
        "who were our first 7 hires ever? earliest first",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime LIMIT 7",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "give me the 4 most recent hires, most recent at the top",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime DESC LIMIT 4",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "departments A to Z with their 2022 hire counts",
        f"{per_department(Y22)} ORDER BY d.department",
        "order",
        ordered=True,
        key=(0,),
    ),
    Case(
        "job titles Legal has hired for, sorted Z-A",
        f"SELECT DISTINCT j.job FROM {PER_JOB} WHERE {departments('Legal')} ORDER BY j.job DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "rank departments by 2021 hires, most first",
        listed(f"{per_department(Y21)} ORDER BY COUNT(*) DESC"),
        "order",
        ordered=True,
        note="No two departments tie in 2021, so the names alone carry the order.",
    ),
    Case(
        "top 5 job titles by hires in 2021",
        listed(f"{per_job(Y21)} ORDER BY COUNT(*) DESC LIMIT 5"),
        "order",
        note="16, 12, 11, 11, 11 then 10: no tie at the cut. The five, in any order.",
    ),
    Case(
        "the three depts with the fewest 2021 hires",
        listed(f"{per_department(Y21)} ORDER BY COUNT(*) LIMIT 3"),
        "order",
        note="1, 5, 20 then 24: the three, in any order.",
    ),
    Case(
        "2022 hires by month, in calendar order",
        f"{by_month(Y22)} ORDER BY 1",
        "order",
        ordered=True,
        key=(0,),
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} "
            "GROUP BY month(e.datetime), 1 ORDER BY month(e.datetime)",
        ),
    ),
    Case(
        "all the Compliance hires, oldest first",
        f"SELECT e.name FROM hired_employees e WHERE {departments('Compliance')} "
        "ORDER BY e.datetime",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "years sorted by number of hires, busiest year first",
        "SELECT year(e.datetime) FROM hired_employees e GROUP BY 1 ORDER BY COUNT(*) DESC",
        "order",
        ordered=True,
    ),
    Case(
        "names of the last 3 people R&D hired",
        f"SELECT e.name FROM hired_employees e WHERE {departments('Research and Development')} "
        "ORDER BY e.datetime DESC LIMIT 3",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "hired_employees in Sales where datetime in Dec 2022 order by datetime desc",
        f"SELECT e.name FROM hired_employees e WHERE {departments('Sales')} AND "
        f"{month(2022, 12)} ORDER BY e.datetime DESC",
        "order",
        ordered=True,
    ),
    Case(
        "list every department in the departments table alphabetically",
        "SELECT department FROM departments ORDER BY department",
        "order",
        ordered=True,
        note="Departments are rows by id: both Supports are listed.",
    ),
    Case(
        "engineer titles in alphabetical order",
        "SELECT job FROM jobs WHERE regexp_matches(job, '(?i)\\bEngineers?\\b') ORDER BY job",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "Services hires in 2021 - names and dates, earliest first",
        f"SELECT e.name, e.datetime FROM hired_employees e WHERE {departments('Services')} "
        f"AND {Y21} ORDER BY e.datetime",
        "order",
        ordered=True,
        key=(0,),
        also=(
            f"SELECT e.name, CAST(e.datetime AS DATE) FROM hired_employees e WHERE "
            f"{departments('Services')} AND {Y21} ORDER BY e.datetime",
        ),
    ),
    Case(
        "Legal's people from newest to oldest, with their hire dates",
        f"SELECT e.name, CAST(e.datetime AS DATE) FROM hired_employees e "
        f"WHERE {departments('Legal')} ORDER BY e.datetime DESC",
        "order",
        ordered=True,
        key=(0,),
        everyday=True,
        also=(
            f"SELECT e.name, e.datetime FROM hired_employees e "
            f"WHERE {departments('Legal')} ORDER BY e.datetime DESC",
        ),
    ),
    # ------------------------------------------------------------------ seed
    Case(
        "hires per quarter of 2021 for each department and job, ordered by dept and job",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "need 2022 hiring per quarter for every dept/title pair, one column per quarter, "
        "sorted by dept then title",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "For 2020, give me a table of department by job with hires in each quarter, "
        "alphabetical by department then job.",
        quarterly(2020),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "hi! would you mind getting me 2021 hiring per quarter by team and role? "
        "sorted A-Z by team, then role. thx",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "quarterly hires in 2022 per department & job title (alphabetical), for a deck",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "number of employees hired for each job and department in 2021 divided by quarter, "
        "ordered alphabetically by department and job",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "2020 hires by quarter, broken out by dept and role, sorted by dept name then role name",
        quarterly(2020),
        "seed",
        ordered=True,
        key=(0, 1),
        everyday=True,
    ),
    Case(
        "departments that hired more than the mean of all departments in 2021, "
        "with id, name and number hired, most first",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "which teams hired above the avg per department in 2022? id, name, count, "
        "biggest first pls",
        above_mean(2022),
        "seed",
        ordered=True,
        key=(2,),
        also=(above_mean_of_all(2022),),
        everyday=True,
        note="Compliance hired nobody in 2022: the mean over the 13 departments that hired "
        "(62.0, Engineering's 62 is not above it) or over all 14 (57.6) are both accepted.",
    ),
    Case(
        "for 2020: list the id, name and hire count of every department above the "
        "per-department average, sorted descending",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "above-average hiring depts in 2021 (id / name / hired), top down",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "the boss is asking which depts hired more than the dept mean in 2020 - "
        "id, dept name, how many, highest first",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "Departments whose 2022 hires exceeded the mean across departments: id, name, "
        "hires, in descending order of hires.",
        above_mean(2022),
        "seed",
        ordered=True,
        key=(2,),
        also=(above_mean_of_all(2022),),
        note="As the other 2022 report: the mean over 13 or over 14 departments.",
    ),
    Case(
        "which departments hired above the 2021 average? show id, name and count, "
        "ordered by count desc",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
]

TRAPS: list[Case] = [
    # --------------------------------------------- negations inside lookups
    Case(
        "which of Legal's hires were NOT brought in during 2021?",
        names(f"{departments('Legal')} AND NOT ({Y21})"),
        "lookup",
    ),
    Case(
        "who started on 24 Dec 2021 besides Gay Philbin",
        names(f"{day('2021-12-24')} AND e.name <> 'Gay Philbin'"),
        "lookup",
        everyday=True,
    ),
    Case(
        "list the Legal hires whose title is anything but Web Developer I",
        names(f"{departments('Legal')} AND {not_jobs('Web Developer I')}"),
        "lookup",
        note="A hire without a job is not a Web Developer I, so is kept.",
    ),
    Case(
        "who joined the second Support dept (id 13) in 2022, Gaston Rayne aside?",
        names(f"e.department_id = 13 AND {Y22} AND e.name <> 'Gaston Rayne'"),
        "lookup",
        everyday=True,
    ),
    # ---------------------------------------------- families with exclusions
    Case(
        "engineers hired in 2022, but leave out software engineers - how many?",
        count(f"{family('Engineer')} AND NOT {phrase('Software Engineer')} AND {Y22}"),
        "family",
        everyday=True,
        note="Software Test Engineers are not 'software engineers' (the words are not "
        "together), so they stay in.",
    ),
    Case(
        "how many designers have we hired other than web designers?",
        count(f"{family('Designer')} AND NOT {phrase('Web Designer')}"),
        "family",
        everyday=True,
    ),
    Case(
        "managers hired in 2021, excluding Media Managers: count?",
        count(f"{family('Manager')} AND NOT {phrase('Media Manager')} AND {Y21}"),
        "family",
    ),
    Case(
        "how many developers were hired outside R&D?",
        count(f"{family('Developer')} AND {not_departments('Research and Development')}"),
        "family",
        note="Developers without a department are outside R&D too.",
    ),
    Case(
        "accountants in 2022 that aren't Staff Accountants, how many",
        count(f"{family('Accountant')} AND NOT {phrase('Staff Accountant')} AND {Y22}"),
        "family",
        everyday=True,
    ),
    Case(
        "number of technicians hired, not counting safety technicians",
        count(f"{family('Technician')} AND NOT {phrase('Safety Technician')}"),
        "family",
        also=(
            count(
                f"({family('Technician')} OR {jobs('Environmental Tech')}) "
                f"AND NOT {phrase('Safety Technician')}"
            ),
        ),
    ),
    Case(
        "how many statisticians hired in 2021 were below level IV?",
        count(f"{family('Statistician')} AND NOT {level('IV')} AND {Y21}"),
        "family",
    ),
    Case(
        "how many programmers, leaving out the Programmer Analysts?",
        count(f"{family('Programmer')} AND NOT {phrase('Programmer Analyst')}"),
        "family",
        everyday=True,
    ),
    Case(
        "how many engineers did we hire outside the Engineering dept in 2022?",
        count(f"{family('Engineer')} AND {not_departments('Engineering')} AND {Y22}"),
        "family",
        everyday=True,
        note="Engineers without a department are outside Engineering too.",
    ),
    # ---------------------------------------- a filter on one side only
    Case(
        "how many more hires did Marketing make in 2021 than Sales made in 2022?",
        difference(f"{departments('Marketing')} AND {Y21}", f"{departments('Sales')} AND {Y22}"),
        "arithmetic",
    ),
    Case(
        "R&D's all-time hires minus R&D's 2021 hires",
        difference(
            departments("Research and Development"),
            f"{departments('Research and Development')} AND {Y21}",
        ),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Sales as a % of all Q1 2022 hires",
        percent(departments("Sales"), quarter(2022, 1)),
        "arithmetic",
    ),
    Case(
        "of the engineers hired in 2021, what percent went to the Engineering dept?",
        percent(departments("Engineering"), f"{family('Engineer')} AND {Y21}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "how many fewer people did HR hire in 2021 than the whole company hired in 2020?",
        difference(Y20, f"{departments('Human Resources')} AND {Y21}"),
        "arithmetic",
    ),
    Case(
        "Training's 2022 hires compared to Training's 2020 hires - how many fewer in 2022?",
        difference(f"{departments('Training')} AND {Y20}", f"{departments('Training')} AND {Y22}"),
        "arithmetic",
        everyday=True,
    ),
    # ------------------------------------------------------- open periods
    Case(
        "how many Legal hires in spring?",
        count(f"{departments('Legal')} AND {span('2022-03-01', '2022-06-01')}"),
        "dates",
        note="Open season: spring 2022.",
    ),
    Case(
        "how many people started in December",
        count(month(2022, 12)),
        "dates",
        everyday=True,
        note="Open month: December 2022, never every December.",
    ),
    Case(
        "number of hires on christmas eve",
        count(day("2022-12-24")),
        "dates",
        everyday=True,
    ),
    Case(
        "Sales hires in Q4, how many?",
        count(f"{departments('Sales')} AND {quarter(2022, 4)}"),
        "dates",
        everyday=True,
    ),
    Case(
        "Q2 minus Q1 hires",
        difference(quarter(2022, 2), quarter(2022, 1)),
        "arithmetic",
        also=(difference(quarter(2022, 1), quarter(2022, 2)),),
    ),
    Case(
        "HR hire count for the first half?",
        count(f"{departments('Human Resources')} AND {span('2022-01-01', '2022-07-01')}"),
        "dates",
        everyday=True,
    ),
    Case(
        "how many started on New Year's Day?",
        count(day("2022-01-01")),
        "dates",
    ),
    # ------------------------------------- words that look like names
    Case(
        "Ted from finance asked me: how many Accounting hires in 2022?",
        count(f"{departments('Accounting')} AND {Y22}"),
        "plain",
        everyday=True,
        note="Ted is the asker, not Ted Dungay.",
    ),
    Case(
        "judy wants the count of Sales hires in 2021 thx",
        count(f"{departments('Sales')} AND {Y21}"),
        "plain",
        everyday=True,
    ),
    Case(
        "lucky me, the VP wants Q3 2022 R&D hires as one number",
        count(f"{departments('Research and Development')} AND {quarter(2022, 3)}"),
        "plain",
        everyday=True,
    ),
    Case(
        "how many hires did Legal make in May?",
        count(f"{departments('Legal')} AND {month(2022, 5)}"),
        "dates",
        everyday=True,
        note="May is the month (2022), not a person.",
    ),
    Case(
        "Brook on my team needs the number of Training hires in Jan 2021",
        count(f"{departments('Training')} AND {month(2021, 1)}"),
        "plain",
        everyday=True,
    ),
    # ---------------------------------------------------- look-alike words
    Case(
        "how many Marketing Assistants were hired in 2021?",
        count(f"{jobs('Marketing Assistant')} AND {Y21}"),
        "vocabulary",
        note="The title, not the Marketing department.",
    ),
    Case(
        "total Human Resources Manager hires",
        count(jobs("Human Resources Manager")),
        "vocabulary",
    ),
    Case(
        "how many biostatisticians came on in 2021",
        count(f"{family('Biostatistician')} AND {Y21}"),
        "family",
        everyday=True,
    ),
    Case(
        "count of Sales Associate hires - the plain title, not Senior Sales Associate",
        count(jobs("Sales Associate")),
        "vocabulary",
    ),
    Case(
        "when was Gipsy Cabrera hired",
        when("Gipsy Cabrera"),
        "lookup",
        everyday=True,
        also=(when_date("Gipsy Cabrera"),),
    ),
    Case(
        "dept for Putnem Lippiello?",
        f"SELECT d.department FROM {EDJ} WHERE e.name = 'Putnem Lippiello'",
        "lookup",
        everyday=True,
    ),
    Case(
        "how many Analyst Programmers have we hired",
        count(jobs("Analyst Programmer")),
        "vocabulary",
        note="Analyst Programmer only, not the Programmer Analysts.",
    ),
    Case(
        "number of Desktop Support Technicians hired",
        count(jobs("Desktop Support Technician")),
        "vocabulary",
    ),
    Case(
        "how many Engineering hires in 2022 were not engineers?",
        count(
            f"{departments('Engineering')} AND {Y22} AND (e.job_id IS NULL OR NOT "
            f"{family('Engineer')})"
        ),
        "family",
        note="An Engineering hire without a job is not an engineer, so counts.",
    ),
    Case(
        "how many hires on weekdays in Q1 2022",
        count(f"{quarter(2022, 1)} AND isodow(e.datetime) <= 5"),
        "dates",
        note="Weekdays, Monday to Friday, not the weekend.",
    ),
    Case(
        "2021 hires excluding Support, how many?",
        count(f"{not_departments('Support')} AND {Y21}"),
        "condition",
        everyday=True,
        note="Both Supports out; hires without a department stay in.",
    ),
    Case(
        "how many people has Lou Hurd recruited?",
        UNANSWERABLE,
        "lookup",
        everyday=True,
        note="Who hired whom is not held; Lou Hurd is a hire himself.",
    ),
    # ------------------------------------------------ not in the tables
    Case(
        "how many people quit or were let go in 2022?",
        UNANSWERABLE,
        "plain",
        everyday=True,
    ),
    Case(
        "average starting salary of the Engineering hires",
        UNANSWERABLE,
        "arithmetic",
    ),
    Case(
        "who does Joan Rillett report to?",
        UNANSWERABLE,
        "lookup",
        everyday=True,
    ),
    Case(
        "how many of our hires work out of the London office?",
        UNANSWERABLE,
        "plain",
        everyday=True,
    ),
    Case(
        "whats the attrition rate in Sales this past year",
        UNANSWERABLE,
        "arithmetic",
        everyday=True,
    ),
    Case(
        "gender split of the 2021 new joiners pls",
        UNANSWERABLE,
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many of the 2022 hires are still with us?",
        UNANSWERABLE,
        "plain",
        everyday=True,
    ),
    Case(
        "which recruiter brought in the most people in 2021",
        UNANSWERABLE,
        "rank_within",
        everyday=True,
    ),
    Case(
        "average time-to-hire for R&D roles in days",
        UNANSWERABLE,
        "arithmetic",
    ),
    Case(
        "how many remote employees did we take on in 2022?",
        UNANSWERABLE,
        "vocabulary",
        everyday=True,
    ),
    Case(
        "performance ratings of the Q1 2022 starters",
        UNANSWERABLE,
        "lookup",
    ),
    Case(
        "how old was our youngest hire?",
        UNANSWERABLE,
        "lookup",
        everyday=True,
    ),
    Case(
        "how many job offers were turned down in 2022",
        UNANSWERABLE,
        "plain",
        everyday=True,
    ),
]
