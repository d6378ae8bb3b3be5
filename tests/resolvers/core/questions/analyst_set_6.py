"""The sixth analyst set: HR questions as analysts type them, with hand-written gold.

Written blind on 2026-12-08 by a helper on branch evalset6, as an independent
examiner. Read before writing: gold.py (the data loader, ``Case`` and its SQL
helpers), scoring.py (how answers are compared), ``question_set.generate`` and
``normalise`` (to understand the data, not its cases), the answer conventions
(the analyst set's conventions note), and the data itself, loaded with
``gold.load`` into a throwaway DuckDB file and queried by hand. Never opened:
the engine (resolvers/), docs/, the README, the git log, the bench, the
clients, any other question set or its tests, or any issue; no engine was run
on these questions. Measure on this set, never tune to it: a miss worth fixing
becomes a new *development* question, never an edit here.

Every gold query was run on ``gold.load``'s data and its rows checked by eye.
Relative dates are read at ``gold.TODAY`` (midnight UTC, 1 January 2023); a
period left open ("in Q3", "on Halloween") is that period of 2022.

``TRAPS`` are questions that look answerable where a careless reading answers
an easier one; the questions about data the tables do not hold have
``UNANSWERABLE`` as gold, which no engine answer can match, so only a refusal
passes them.

Before its first score the lead removed 4 questions and 3 traps that, up to case and
punctuation, repeat a question of an earlier held-out set (a question already scored
measures nothing new), leaving 171 questions and 62 traps.
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
"""Gold for questions about data the tables do not hold: only a refusal passes."""

EDJ = (
    "hired_employees e LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN jobs j ON j.id = e.job_id"
)
"""Every hire with its department and job, missing ones as NULL (for lookups)."""


def family(phrase: str) -> str:
    """Titles holding ``phrase`` (singular) as whole words, in any case, singular or plural."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b{phrase}s?\\b'))"


def level(roman: str) -> str:
    """Titles ending in the roman numeral ``roman``."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, ' {roman}$'))"


LEVEL = (
    "CASE WHEN j.job LIKE '% IV' THEN 'IV' WHEN j.job LIKE '% III' THEN 'III' "
    "WHEN j.job LIKE '% II' THEN 'II' WHEN j.job LIKE '% I' THEN 'I' END"
)
"""A title's level label, NULL for titles without one."""

LEVEL_NUMBER = (
    "CASE WHEN j.job LIKE '% IV' THEN 4 WHEN j.job LIKE '% III' THEN 3 "
    "WHEN j.job LIKE '% II' THEN 2 WHEN j.job LIKE '% I' THEN 1 END"
)
"""The level as a number 1-4, the other accepted label."""


def on(day: str) -> str:
    """Hired on the calendar day ``day`` (ISO date)."""
    return f"CAST(e.datetime AS DATE) = DATE '{day}'"


def quarterly(where: str, department: bool = True, fold: bool = False) -> str:
    """The product's first report: hires per quarter per department and job, by name.

    Without ``department`` the department column is left out of the gold (for a report
    on one department, where it is welcome but not required). ``fold`` sorts the names
    ignoring case ('Geological Engineer' before 'GIS Technical Architect'), the other
    accepted reading of alphabetical order.
    """
    order = "lower(d.department), lower(j.job)" if fold else "d.department, j.job"
    return (
        f"SELECT {'d.department, ' if department else ''}j.job, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 1) AS q1, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 2) AS q2, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 3) AS q3, "
        "COUNT(*) FILTER (WHERE quarter(e.datetime) = 4) AS q4 "
        "FROM hired_employees e JOIN departments d ON d.id = e.department_id "
        f"JOIN jobs j ON j.id = e.job_id WHERE {where} "
        f"GROUP BY d.id, d.department, j.id, j.job ORDER BY {order}"
    )


def above_mean(where: str, op: str = ">") -> str:
    """The product's second report: departments against the mean of departments that hired."""
    order = "DESC" if op.startswith(">") else "ASC"
    return (
        f"WITH c AS (SELECT d.id, d.department, COUNT(*) AS hired FROM {PER_DEPARTMENT} "
        f"WHERE {where} GROUP BY d.id, d.department) "
        f"SELECT id, department, hired FROM c WHERE hired {op} (SELECT AVG(hired) FROM c) "
        f"ORDER BY hired {order}"
    )


def top_within(
    group: str, item: str, where: str, joins: str = EDJ, n: int = 1, label: str = ""
) -> str:
    """Per ``group`` (shown as ``label``), the ``item``s ranked in the top ``n`` by hires.

    Every row tied for a place is kept; the count is left out of the gold (welcome, not
    required).
    """
    label = label or ("d.department" if group == "d.id" else group)
    return (
        f"SELECT l, i FROM (SELECT l, i, RANK() OVER (PARTITION BY g ORDER BY n DESC) AS r "
        f"FROM (SELECT {group} AS g, {label} AS l, {item} AS i, COUNT(*) AS n "
        f"FROM {joins} WHERE {where} GROUP BY 1, 2, 3)) WHERE r <= {n}"
    )


def lookup(who: str, *columns: str) -> str:
    """What was asked of the people matching ``who``; a missing department or job is NULL."""
    return f"SELECT {', '.join(columns)} FROM {EDJ} WHERE {who}"


def listed(sql: str, column: str) -> str:
    """Only the listed column of ``sql`` (counts beside a list are welcome, not required)."""
    return f"SELECT {column} FROM ({sql}) AS listed"


ISO_WEEKDAY = "isodow(e.datetime)"
WEEKDAY = "dayname(e.datetime)"

FY = 2022  # the latest year with data: where an open period lands

CASES: list[Case] = [
    # ---------------------------------------------------------------- plain
    Case(
        "How many employees were hired in 2021?",
        count(year(2021)),
        "plain",
    ),
    Case(
        "total hires all time??",
        count(),
        "plain",
        everyday=True,
    ),
    Case(
        "List every job title in the jobs table.",
        "SELECT job FROM jobs",
        "plain",
        note="The table itself: 184 titles, Chief People Officer included.",
    ),
    Case(
        "how many departments are there in the departments table",
        "SELECT COUNT(*) FROM departments",
        "plain",
        everyday=True,
        note="Rows of the table, by id: the two Supports are two departments.",
    ),
    Case(
        "How many different department names exist?",
        "SELECT COUNT(DISTINCT department) FROM departments",
        "plain",
        note="Distinct names: the two departments called Support share one name, so 13.",
    ),
    Case(
        "how many ppl dont have a job title on file",
        count("e.job_id IS NULL"),
        "plain",
        everyday=True,
    ),
    Case(
        "How many job titles have never had a single hire?",
        "SELECT COUNT(*) FROM jobs j WHERE NOT EXISTS "
        "(SELECT 1 FROM hired_employees e WHERE e.job_id = j.id)",
        "plain",
    ),
    Case(
        "employees whose name has 'man' in it?",
        names("e.name ILIKE '%man%'"),
        "plain",
        everyday=True,
        note="Names containing the letters, in any case (Truman, Bridgeman, Germana ...).",
    ),
    Case(
        "what's the total headcount for Marketing",
        count(departments("Marketing")),
        "plain",
        everyday=True,
        note="The tables hold hires only: Marketing's headcount is every Marketing hire.",
    ),
    Case(
        "How many hires did Legal make in 2022?",
        count(f"{departments('Legal')} AND {year(2022)}"),
        "plain",
    ),
    Case(
        "can u give me the number of hires per year pls",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e GROUP BY 1",
        "plain",
        everyday=True,
    ),
    Case(
        "How many departments hired at least one person in 2022?",
        f"SELECT COUNT(DISTINCT e.department_id) FROM hired_employees e WHERE {year(2022)}",
        "plain",
        note="By id: both Supports hired in 2022, Compliance did not.",
    ),
    Case(
        "select count(distinct job_id) from hired_employees where year = 2020",
        f"SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e WHERE {year(2020)}",
        "plain",
        everyday=True,
        note="An SQL-ish fragment by someone who knows the columns: distinct titles hired.",
    ),
    Case(
        "How many employees are in the hired_employees table in total, across all years?",
        count(),
        "plain",
    ),
    # ------------------------------------------------------------ vocabulary
    Case(
        "how many new starters did R&D get in 2022?",
        count(f"{departments('Research and Development')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "HR onboarded how many folks in 2021",
        count(f"{departments('Human Resources')} AND {year(2021)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "BD headcount added in 2020",
        count(f"{departments('Business Development')} AND {year(2020)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many recruits came on board in biz dev last year?",
        count(f"{departments('Business Development')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "number of different roles Product Mgmt took people on for in 2021",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e "
        f"WHERE {departments('Product Management')} AND {year(2021)}",
        "vocabulary",
        everyday=True,
        note="Roles are job titles: the distinct titles Product Management hired into.",
    ),
    Case(
        "how many staff did the support teams onboard in 2022",
        count(f"{departments('Support')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
        note="Both departments named Support.",
    ),
    Case(
        "New joiner numbers per dept for 2020, please.",
        per_department(year(2020)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Accounting - how many positions did they fill in 2022?",
        count(f"{departments('Accounting')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
        note="A position filled is a hire.",
    ),
    Case(
        "How many people has Legal taken on in total?",
        count(departments("Legal")),
        "vocabulary",
    ),
    Case(
        "what titles has Compliance recruited for",
        "SELECT DISTINCT j.job FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
        f"WHERE {departments('Compliance')}",
        "vocabulary",
        everyday=True,
    ),
    Case(
        "no. of recruits per org in 2022",
        per_department(year(2022)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many people came aboard in the Services team during 2021?",
        count(f"{departments('Services')} AND {year(2021)}"),
        "vocabulary",
    ),
    Case(
        "total new hires for marketing + sales combined in 2022",
        count(f"{departments('Marketing', 'Sales')} AND {year(2022)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many new joiners did we bring in across the whole company last year?",
        count(year(2022)),
        "vocabulary",
    ),
    Case(
        "R&D vs HR new starter counts in 2020, side by side",
        per_department(
            f"{departments('Research and Development', 'Human Resources')} AND {year(2020)}"
        ),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "How many recruits did the Engineering org bring on board in 2021, broken down by role?",
        per_job(f"{departments('Engineering')} AND {year(2021)}"),
        "vocabulary",
    ),
    # ---------------------------------------------------------------- dates
    Case(
        "How many people were hired between the 3rd and the 17th of March 2021?",
        count(span("2021-03-03", "2021-03-18")),
        "dates",
    ),
    Case(
        "who did we hire on valentines day 2022",
        names(on("2022-02-14")),
        "dates",
        everyday=True,
    ),
    Case(
        "how many hires on Halloween?",
        count(on(f"{FY}-10-31")),
        "dates",
        everyday=True,
        note="No year anywhere: Halloween 2022.",
    ),
    Case(
        "How many people have joined since 1 October 2022?",
        count("e.datetime >= TIMESTAMP '2022-10-01'"),
        "dates",
        note="Since a day includes that day.",
    ),
    Case(
        "headcount added before March 2020",
        count("e.datetime < TIMESTAMP '2020-03-01'"),
        "dates",
        everyday=True,
    ),
    Case(
        "Total hires up to and including 15 Feb 2021.",
        count("e.datetime < TIMESTAMP '2021-02-16'"),
        "dates",
    ),
    Case(
        "how many ppl started the week of mon 6 june 2022 (mon-sun)",
        count(span("2022-06-06", "2022-06-13")),
        "dates",
        everyday=True,
    ),
    Case(
        "Anyone start on Christmas Eve 2021? names pls",
        names(on("2021-12-24")),
        "dates",
        everyday=True,
    ),
    Case(
        "hire counts by day of the week for 2022",
        f"SELECT {WEEKDAY}, COUNT(*) FROM hired_employees e WHERE {year(2022)} GROUP BY 1",
        "dates",
        everyday=True,
        also=(
            f"SELECT {ISO_WEEKDAY}, COUNT(*) FROM hired_employees e WHERE {year(2022)} GROUP BY 1",
        ),
    ),
    Case(
        "How many came on board during summertime?",
        count(span(f"{FY}-06-01", f"{FY}-09-01")),
        "dates",
        note="Summer is June-August; no year given, so 2022.",
    ),
    Case(
        "Number of hires that fell on a weekend in 2021.",
        count(f"{year(2021)} AND {ISO_WEEKDAY} IN (6, 7)"),
        "dates",
    ),
    Case(
        "how many new starters per month in H1 2021",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {span('2021-01-01', '2021-07-01')} GROUP BY 1",
        "dates",
        everyday=True,
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {span('2021-01-01', '2021-07-01')} GROUP BY 1",
        ),
    ),
    Case(
        "how many joined between christmas and new years eve 2021 inclusive",
        count(span("2021-12-25", "2022-01-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "Was anybody hired on New Year's Day 2022? Who?",
        names(on("2022-01-01")),
        "dates",
    ),
    Case(
        "fall 2021 hire count",
        count(span("2021-09-01", "2021-12-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "How many hires from the 10th to the 20th of this past September?",
        count(span("2022-09-10", "2022-09-21")),
        "dates",
        note="This past September, read on 1 January 2023, is September 2022.",
    ),
    Case(
        "how many people joined in the 2nd half of november 2020 (16th onwards)",
        count(span("2020-11-16", "2020-12-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "how many ppl joined on new year's eve 2020",
        count(on("2020-12-31")),
        "dates",
        everyday=True,
    ),
    Case(
        "Who came on board on Halloween 2021?",
        names(on("2021-10-31")),
        "dates",
    ),
    Case(
        "between 28 Feb and 3 Mar 2020, how many joined?",
        count(span("2020-02-28", "2020-03-04")),
        "dates",
        everyday=True,
        note="2020 is a leap year: 29 February is inside the range.",
    ),
    Case(
        "How many hires in the three months to the end of September 2021?",
        count(span("2021-07-01", "2021-10-01")),
        "dates",
    ),
    Case(
        "hire count up to the end of Q1 2020?",
        count("e.datetime < TIMESTAMP '2020-04-01'"),
        "dates",
        everyday=True,
    ),
    Case(
        "number of people onboarded from Dec 2021 onwards",
        count("e.datetime >= TIMESTAMP '2021-12-01'"),
        "dates",
        everyday=True,
    ),
    Case(
        "in the spring, how many new faces did we get",
        count(span(f"{FY}-03-01", f"{FY}-06-01")),
        "dates",
        everyday=True,
        note="Spring is March-May; no year given, so 2022.",
    ),
    # --------------------------------------------------------------- lookup
    Case(
        "When did Harold Vogt start?",
        lookup("e.name = 'Harold Vogt'", "CAST(e.datetime AS DATE)"),
        "lookup",
        also=(lookup("e.name = 'Harold Vogt'", "e.datetime"),),
    ),
    Case(
        "which dept is lotti crowthe in",
        lookup("e.name = 'Lotti Crowthe'", "d.department"),
        "lookup",
        everyday=True,
    ),
    Case(
        "what's Ty Hofer's job title?",
        "SELECT j.job FROM hired_employees e LEFT JOIN jobs j ON j.id = e.job_id "
        "WHERE e.name = 'Ty Hofer'",
        "lookup",
        everyday=True,
        note="Ty Hofer has no job on file: one row with a NULL title, not no row.",
    ),
    Case(
        "employee 3067 - department and title?",
        "SELECT d.department, j.job FROM " + EDJ + " WHERE e.id = 3067",
        "lookup",
        everyday=True,
        note="No department on file: NULL department, Occupational Therapist.",
    ),
    Case(
        "Who do we have called Wilma?",
        names("split_part(e.name, ' ', 1) = 'Wilma'"),
        "lookup",
    ),
    Case(
        "Marlow Antecki and Joan Rillett: when did they join and which teams are they in?",
        lookup(
            "e.name IN ('Marlow Antecki', 'Joan Rillett')",
            "CAST(e.datetime AS DATE)",
            "d.department",
        ),
        "lookup",
        also=(
            lookup("e.name IN ('Marlow Antecki', 'Joan Rillett')", "e.datetime", "d.department"),
        ),
    ),
    Case(
        "what team is Priya Raman on?",
        lookup("e.name = 'Priya Raman'", "d.department"),
        "lookup",
        everyday=True,
        empty=True,
        note="Nobody of that name: no rows.",
    ),
    Case(
        "Job title for Elia D'Enrico, please.",
        lookup("e.name = 'Elia D''Enrico'", "j.job"),
        "lookup",
        everyday=True,
    ),
    Case(
        "who is employee #3001",
        names("e.id = 3001"),
        "lookup",
        everyday=True,
    ),
    Case(
        "When was Washington Schleswig-Holstein hired?",
        lookup("e.name = 'Washington Schleswig-Holstein'", "CAST(e.datetime AS DATE)"),
        "lookup",
        also=(lookup("e.name = 'Washington Schleswig-Holstein'", "e.datetime"),),
    ),
    Case(
        "brook tant's department pls",
        lookup("e.name = 'Brook Tant'", "d.department"),
        "lookup",
        everyday=True,
    ),
    Case(
        "who's got the surname Hurd?",
        names("e.name LIKE '% Hurd'"),
        "lookup",
        everyday=True,
    ),
    Case(
        "Hire dates for Angie McMurray, Gaston Rayne and Nikkie Whinray.",
        lookup(
            "e.name IN ('Angie McMurray', 'Gaston Rayne', 'Nikkie Whinray')",
            "CAST(e.datetime AS DATE)",
        ),
        "lookup",
        also=(
            lookup(
                "e.name IN ('Angie McMurray', 'Gaston Rayne', 'Nikkie Whinray')",
                "e.datetime",
            ),
        ),
    ),
    Case(
        "who have we hired with the first name Putnam",
        names("split_part(e.name, ' ', 1) = 'Putnam'"),
        "lookup",
        everyday=True,
        note="Putnam Dodd only; Putnem Lippiello is another first name.",
    ),
    Case(
        "What is the department id of Gretel Chittenden's team?",
        lookup("e.name = 'Gretel Chittenden'", "e.department_id"),
        "lookup",
        note="The second Support, id 13.",
    ),
    Case(
        "Thia Morican + Beltran Natte -- what depts are they in",
        lookup("e.name IN ('Thia Morican', 'Beltran Natte')", "d.department"),
        "lookup",
        everyday=True,
        note="Neither has a department on file: two rows with NULL departments.",
    ),
    Case(
        "Which department and job did Lucky Hadkins join in, and on what date?",
        lookup("e.name = 'Lucky Hadkins'", "d.department", "j.job", "CAST(e.datetime AS DATE)"),
        "lookup",
        also=(lookup("e.name = 'Lucky Hadkins'", "d.department", "j.job", "e.datetime"),),
    ),
    Case(
        "hey can you check what Gypsy Baselio does here and since when",
        lookup("e.name = 'Gypsy Baselio'", "j.job", "CAST(e.datetime AS DATE)"),
        "lookup",
        everyday=True,
        also=(lookup("e.name = 'Gypsy Baselio'", "j.job", "e.datetime"),),
    ),
    Case(
        "employees 3010 and 3020: names and hire dates?",
        lookup("e.id IN (3010, 3020)", "e.name", "CAST(e.datetime AS DATE)"),
        "lookup",
        everyday=True,
        also=(lookup("e.id IN (3010, 3020)", "e.name", "e.datetime"),),
    ),
    Case(
        "which team is Olly in",
        lookup("split_part(e.name, ' ', 1) = 'Olly'", "d.department"),
        "lookup",
        everyday=True,
        note="First name only: Olly Tully, in the second Support.",
    ),
    Case(
        "Do we have a Zsazsa? What's her title?",
        lookup("split_part(e.name, ' ', 1) = 'Zsazsa'", "j.job"),
        "lookup",
        everyday=True,
    ),
    Case(
        "When did Bob Marley join the company?",
        lookup("e.name = 'Bob Marley'", "CAST(e.datetime AS DATE)"),
        "lookup",
        empty=True,
        note="Not in the data: no rows.",
    ),
    Case(
        "dept and role for Cirstoforo Martinetto?",
        lookup("e.name = 'Cirstoforo Martinetto'", "d.department", "j.job"),
        "lookup",
        everyday=True,
        note="No department on file: NULL beside Software Engineer I.",
    ),
    # --------------------------------------------------------------- family
    Case(
        "How many engineers did we hire in 2021?",
        count(f"{family('engineer')} AND {year(2021)}"),
        "family",
    ),
    Case(
        "number of statisticians hired each year?",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {family('statistician')} GROUP BY 1",
        "family",
        everyday=True,
        note="Statistician I-IV; Biostatisticians are another word.",
    ),
    Case(
        "how many developers has Engineering ever hired",
        count(f"{family('developer')} AND {departments('Engineering')}"),
        "family",
        everyday=True,
    ),
    Case(
        "designer headcount brought on in 2022, by title",
        per_job(f"{family('designer')} AND {year(2022)}"),
        "family",
        everyday=True,
    ),
    Case(
        "How many 2020 recruits were in a level-IV title?",
        count(f"{level('IV')} AND {year(2020)}"),
        "family",
    ),
    Case(
        "# of 2021 hires by level",
        f"SELECT {LEVEL}, COUNT(*) FROM {PER_JOB} WHERE {year(2021)} AND {LEVEL} IS NOT NULL "
        "GROUP BY 1",
        "family",
        everyday=True,
        also=(
            f"SELECT {LEVEL_NUMBER}, COUNT(*) FROM {PER_JOB} "
            f"WHERE {year(2021)} AND {LEVEL} IS NOT NULL GROUP BY 1",
        ),
    ),
    Case(
        "how many DBAs have we hired overall",
        count(family("database administrator")),
        "family",
        everyday=True,
    ),
    Case(
        "How many sysadmins did we hire in 2022?",
        count(f"{family('systems administrator')} AND {year(2022)}"),
        "family",
    ),
    Case(
        "software engineers in 2022 - how many",
        count(f"{family('software engineer')} AND {year(2022)}"),
        "family",
        everyday=True,
        note="Software Engineer I-IV; a Software Test Engineer is not the phrase.",
    ),
    Case(
        "How many programmers per department in 2021?",
        per_department(f"{family('programmer')} AND {year(2021)}"),
        "family",
    ),
    Case(
        "how many accountants did the Accounting dept take on in 2022",
        count(f"{family('accountant')} AND {departments('Accounting')} AND {year(2022)}"),
        "family",
        everyday=True,
    ),
    Case(
        "How many technicians were hired last year?",
        count(f"{family('technician')} AND {year(2022)}"),
        "family",
        also=(count(f"({family('technician')} OR {jobs('Environmental Tech')}) AND {year(2022)}"),),
    ),
    Case(
        "web designers hired in 2021, how many?",
        count(f"{family('web designer')} AND {year(2021)}"),
        "family",
        everyday=True,
    ),
    Case(
        "How many managers did we take on in the second half of 2022?",
        count(f"{family('manager')} AND {span('2022-07-01', '2023-01-01')}"),
        "family",
        note="Every title with the word, in any case (Analog Circuit Design manager too).",
    ),
    Case(
        "training: how many 2022 joiners sit higher than level II?",
        count(f"({level('III')} OR {level('IV')}) AND {departments('Training')} AND {year(2022)}"),
        "family",
        everyday=True,
    ),
    Case(
        "What are all the nurse titles, and how many of each did we hire in 2020?",
        per_job(f"{family('nurse')} AND {year(2020)}"),
        "family",
        note="Nurse, Registered Nurse, Research Nurse, Nurse Practicioner; only those hired.",
    ),
    # ----------------------------------------------------------- arithmetic
    Case(
        "How many more hires did R&D make than Training in 2020?",
        f"SELECT ({count(departments('Research and Development') + ' AND ' + year(2020))}) "
        f"- ({count(departments('Training') + ' AND ' + year(2020))})",
        "arithmetic",
    ),
    Case(
        "what % of 2021 hires went to HR",
        percent(departments("Human Resources"), year(2021)),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Percent change in total hiring from 2020 to 2021?",
        f"SELECT 100.0 * (({count(year(2021))}) - ({count(year(2020))})) / ({count(year(2020))})",
        "arithmetic",
    ),
    Case(
        "sales minus marketing, 2022 hires",
        f"SELECT ({count(departments('Sales') + ' AND ' + year(2022))}) "
        f"- ({count(departments('Marketing') + ' AND ' + year(2022))})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "how many fewer people did Services take on than Support in 2021",
        f"SELECT ({count(departments('Support') + ' AND ' + year(2021))}) "
        f"- ({count(departments('Services') + ' AND ' + year(2021))})",
        "arithmetic",
        everyday=True,
        note="Fewer A than B is B - A; Support is both departments of that name.",
    ),
    Case(
        "What share of Engineering's 2022 hires were engineers?",
        percent(family("engineer"), f"{departments('Engineering')} AND {year(2022)}"),
        "arithmetic",
        note="Of Engineering's hires, the named whole.",
    ),
    Case(
        "growth in accounting hires 2021 -> 2022",
        f"SELECT ({count(departments('Accounting') + ' AND ' + year(2022))}) "
        f"- ({count(departments('Accounting') + ' AND ' + year(2021))})",
        "arithmetic",
        everyday=True,
        also=(
            f"SELECT ({count(departments('Accounting') + ' AND ' + year(2021))}) "
            f"- ({count(departments('Accounting') + ' AND ' + year(2022))})",
        ),
    ),
    Case(
        "What percentage of all our hires have no department?",
        percent("e.department_id IS NULL", "TRUE"),
        "arithmetic",
    ),
    Case(
        "Q1 vs Q2 2022 - what's the difference in hires",
        f"SELECT ({count(span('2022-04-01', '2022-07-01'))}) "
        f"- ({count(span('2022-01-01', '2022-04-01'))})",
        "arithmetic",
        everyday=True,
        also=(
            f"SELECT ({count(span('2022-01-01', '2022-04-01'))}) "
            f"- ({count(span('2022-04-01', '2022-07-01'))})",
        ),
    ),
    Case(
        "R&D's share of 2022 hiring, as a percent",
        percent(departments("Research and Development"), year(2022)),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "On average, how many people did we hire per month in 2021?",
        f"SELECT ({count(year(2021))}) / 12.0",
        "arithmetic",
        note="All twelve months of 2021 had hires.",
    ),
    Case(
        "total for Q3 2021 plus Q3 2022",
        count(f"({span('2021-07-01', '2021-10-01')} OR {span('2022-07-01', '2022-10-01')})"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "What percentage of 2022's new starters were hired into a level I title?",
        percent(level("I"), year(2022)),
        "arithmetic",
    ),
    Case(
        "ratio of marketing to sales hires in 2020",
        f"SELECT 1.0 * ({count(departments('Marketing') + ' AND ' + year(2020))}) "
        f"/ ({count(departments('Sales') + ' AND ' + year(2020))})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "By how much did Engineering's hiring drop from 2021 to 2022?",
        f"SELECT ({count(departments('Engineering') + ' AND ' + year(2021))}) "
        f"- ({count(departments('Engineering') + ' AND ' + year(2022))})",
        "arithmetic",
        also=(
            f"SELECT ({count(departments('Engineering') + ' AND ' + year(2022))}) "
            f"- ({count(departments('Engineering') + ' AND ' + year(2021))})",
        ),
    ),
    # ------------------------------------------------------------ condition
    Case(
        "Which departments hired more than 90 people in 2022?",
        listed(per_department(year(2022)) + " HAVING COUNT(*) > 90", "department"),
        "condition",
    ),
    Case(
        "job titles with at least 9 hires in 2021",
        listed(per_job(year(2021)) + " HAVING COUNT(*) >= 9", "job"),
        "condition",
        everyday=True,
    ),
    Case(
        "teams that took on fewer than 10 people in 2021?",
        listed(per_department(year(2021)) + " HAVING COUNT(*) < 10", "department"),
        "condition",
        everyday=True,
    ),
    Case(
        "Which departments hired in 2020 but not at all in 2022?",
        "SELECT d.department FROM departments d WHERE d.id IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {year(2020)}) AND d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {year(2022)} AND e.department_id IS NOT NULL)",
        "condition",
    ),
    Case(
        "which depts hired more people in 2022 than in 2021",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {year(2022)}) > COUNT(*) FILTER (WHERE {year(2021)})",
        "condition",
        everyday=True,
    ),
    Case(
        "Marketing titles with 3 or more hires in 2021",
        listed(
            per_job(f"{departments('Marketing')} AND {year(2021)}") + " HAVING COUNT(*) >= 3",
            "job",
        ),
        "condition",
    ),
    Case(
        "how many people joined Sales in Q2 2021 into a level I or level II title",
        count(
            f"{departments('Sales')} AND {span('2021-04-01', '2021-07-01')} "
            f"AND ({level('I')} OR {level('II')})"
        ),
        "condition",
        everyday=True,
    ),
    Case(
        "Legal's 2021 hires with a developer title - who are they?",
        names(f"{departments('Legal')} AND {year(2021)} AND {family('developer')}"),
        "condition",
        everyday=True,
    ),
    Case(
        "Which months of 2021 had more than 90 hires?",
        f"SELECT month(e.datetime) FROM hired_employees e WHERE {year(2021)} "
        "GROUP BY 1 HAVING COUNT(*) > 90",
        "condition",
        also=(
            f"SELECT monthname(e.datetime) FROM hired_employees e WHERE {year(2021)} "
            "GROUP BY 1 HAVING COUNT(*) > 90",
        ),
    ),
    Case(
        "quarters of 2022 with under 210 hires",
        f"SELECT quarter(e.datetime) FROM hired_employees e WHERE {year(2022)} "
        "GROUP BY 1 HAVING COUNT(*) < 210",
        "condition",
        everyday=True,
    ),
    Case(
        "Departments with between 50 and 56 hires in 2020.",
        listed(per_department(year(2020)) + " HAVING COUNT(*) BETWEEN 50 AND 56", "department"),
        "condition",
        note="Between includes both ends: Human Resources' 56 is in.",
    ),
    Case(
        "HR hires in H2 2021 not counting recruiters - how many?",
        count(
            f"{departments('Human Resources')} AND {span('2021-07-01', '2022-01-01')} "
            f"AND {not_jobs('Recruiter')}"
        ),
        "condition",
        everyday=True,
        note="Excluding the Recruiter title keeps the people without a job.",
    ),
    Case(
        "how many of Engineering's 2021 starters joined on a saturday or sunday",
        count(f"{departments('Engineering')} AND {year(2021)} AND {ISO_WEEKDAY} IN (6, 7)"),
        "condition",
        everyday=True,
    ),
    Case(
        "Which weekdays in 2022 saw more than 120 hires?",
        f"SELECT {WEEKDAY} FROM hired_employees e WHERE {year(2022)} "
        "GROUP BY 1 HAVING COUNT(*) > 120",
        "condition",
        also=(
            f"SELECT {ISO_WEEKDAY} FROM hired_employees e WHERE {year(2022)} "
            "GROUP BY 1 HAVING COUNT(*) > 120",
        ),
    ),
    Case(
        "How many hires outside Training and R&D in 2021 had no job title?",
        count(
            f"{not_departments('Training', 'Research and Development')} AND {year(2021)} "
            "AND e.job_id IS NULL"
        ),
        "condition",
        note="Excluding departments keeps the people without one.",
    ),
    Case(
        "How many of Training's H2 2022 hires went into a level I or II title?",
        count(
            f"{departments('Training')} AND {span('2022-07-01', '2023-01-01')} "
            f"AND ({level('I')} OR {level('II')})"
        ),
        "condition",
    ),
    Case(
        "support (either team) 2021 joiners, engineer titles, weekdays only - how many?",
        count(
            f"{departments('Support')} AND {year(2021)} AND {family('engineer')} "
            f"AND {ISO_WEEKDAY} <= 5"
        ),
        "condition",
        everyday=True,
    ),
    Case(
        "which depts took on more than 50 people in both 2021 and 2022",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {year(2021)}) > 50 "
        f"AND COUNT(*) FILTER (WHERE {year(2022)}) > 50",
        "condition",
        everyday=True,
    ),
    # ---------------------------------------------------------- rank_within
    Case(
        "Which title did each department recruit the most of in 2021?",
        top_within(
            "d.id",
            "j.job",
            f"{year(2021)} AND e.department_id IS NOT NULL AND e.job_id IS NOT NULL",
        ),
        "rank_within",
        note="Rows tied for first kept; grouped by department id (two Supports).",
    ),
    Case(
        "per dept, which quarter of 2022 had the most new hires",
        top_within("d.id", "quarter(e.datetime)", f"{year(2022)} AND e.department_id IS NOT NULL"),
        "rank_within",
        everyday=True,
    ),
    Case(
        "busiest month of each year?",
        top_within("year(e.datetime)", "month(e.datetime)", "TRUE"),
        "rank_within",
        everyday=True,
        also=(top_within("year(e.datetime)", "monthname(e.datetime)", "TRUE"),),
    ),
    Case(
        "For every year, which department hired the most?",
        top_within("year(e.datetime)", "d.department", "e.department_id IS NOT NULL"),
        "rank_within",
    ),
    Case(
        "most common job title each year",
        top_within("year(e.datetime)", "j.job", "e.job_id IS NOT NULL"),
        "rank_within",
        everyday=True,
    ),
    Case(
        "In each quarter of 2021, which department led hiring?",
        top_within(
            "quarter(e.datetime)", "d.department", f"{year(2021)} AND e.department_id IS NOT NULL"
        ),
        "rank_within",
    ),
    Case(
        "busiest weekday per year pls",
        top_within("year(e.datetime)", WEEKDAY, "TRUE"),
        "rank_within",
        everyday=True,
        also=(top_within("year(e.datetime)", ISO_WEEKDAY, "TRUE"),),
    ),
    Case(
        "Top 3 departments by hires in each year.",
        top_within("year(e.datetime)", "d.department", "e.department_id IS NOT NULL", n=3),
        "rank_within",
        note="Top 3 by rank, ties kept.",
    ),
    Case(
        "who was the first person hired into each department",
        "SELECT d.department, e.name FROM (SELECT e.*, RANK() OVER (PARTITION BY "
        "e.department_id ORDER BY e.datetime) AS r FROM hired_employees e "
        "WHERE e.department_id IS NOT NULL) e JOIN departments d ON d.id = e.department_id "
        "WHERE r = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "Most recent new starter in every team?",
        "SELECT d.department, e.name FROM (SELECT e.*, RANK() OVER (PARTITION BY "
        "e.department_id ORDER BY e.datetime DESC) AS r FROM hired_employees e "
        "WHERE e.department_id IS NOT NULL) e JOIN departments d ON d.id = e.department_id "
        "WHERE r = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "Which department topped hiring in each month of H1 2022?",
        top_within(
            "month(e.datetime)",
            "d.department",
            f"{span('2022-01-01', '2022-07-01')} AND e.department_id IS NOT NULL",
        ),
        "rank_within",
        also=(
            top_within(
                "monthname(e.datetime)",
                "d.department",
                f"{span('2022-01-01', '2022-07-01')} AND e.department_id IS NOT NULL",
            ),
        ),
    ),
    Case(
        "for each level I-IV, which title got the most hires in 2022",
        top_within(LEVEL, "j.job", f"{year(2022)} AND {LEVEL} IS NOT NULL", joins=PER_JOB),
        "rank_within",
        everyday=True,
        also=(
            top_within(
                LEVEL_NUMBER, "j.job", f"{year(2022)} AND {LEVEL} IS NOT NULL", joins=PER_JOB
            ),
        ),
    ),
    Case(
        "top hiring month per department in 2021 -- ties ok",
        top_within("d.id", "month(e.datetime)", f"{year(2021)} AND e.department_id IS NOT NULL"),
        "rank_within",
        everyday=True,
        also=(
            top_within(
                "d.id", "monthname(e.datetime)", f"{year(2021)} AND e.department_id IS NOT NULL"
            ),
        ),
    ),
    Case(
        "In each of the two Support departments, which job did they hire most in 2021?",
        top_within(
            "d.id", "j.job", f"{departments('Support')} AND {year(2021)} AND e.job_id IS NOT NULL"
        ),
        "rank_within",
    ),
    Case(
        "which dept hired the most engineers each year",
        top_within(
            "year(e.datetime)",
            "d.department",
            f"{family('engineer')} AND e.department_id IS NOT NULL",
        ),
        "rank_within",
        everyday=True,
    ),
    # ---------------------------------------------------------------- order
    Case(
        "Who were our very first 7 hires, in order?",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime LIMIT 7",
        "order",
        ordered=True,
    ),
    Case(
        "most recent 4 people to join, newest first",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime DESC LIMIT 4",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "Rank the departments by 2021 hires, biggest first.",
        listed(per_department(year(2021)) + " ORDER BY COUNT(*) DESC", "department"),
        "order",
        ordered=True,
        note="No two departments tie in 2021, so the names alone carry the order.",
    ),
    Case(
        "titles HR hired into in 2022, A-Z",
        "SELECT DISTINCT j.job FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
        f"WHERE {departments('Human Resources')} AND {year(2022)} ORDER BY j.job",
        "order",
        ordered=True,
        everyday=True,
        also=(
            "SELECT DISTINCT j.job FROM hired_employees e JOIN jobs j ON j.id = e.job_id "
            f"WHERE {departments('Human Resources')} AND {year(2022)} ORDER BY lower(j.job)",
        ),
        note="Binary or case-blind A-Z ('GIS ...' against 'Geological ...') both pass.",
    ),
    Case(
        "Top 5 job titles of all time by number of hires.",
        listed(per_job() + " ORDER BY COUNT(*) DESC LIMIT 5", "job"),
        "order",
        note="Exactly five titles have 23 hires or more, but they tie among themselves "
        "(24, 24, 23, 23, 23): the set is scored, not the order.",
    ),
    Case(
        "months of 2022 sorted by hires, lowest first",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {year(2022)} "
        "GROUP BY 1 ORDER BY 2",
        "order",
        ordered=True,
        key=(1,),
        everyday=True,
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {year(2022)} GROUP BY 1 ORDER BY 2",
        ),
    ),
    Case(
        "everyone Legal has ever hired, oldest first",
        names(departments("Legal")) + " ORDER BY e.datetime",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "list the people Compliance has hired, in alphabetical order",
        names(departments("Compliance")) + " ORDER BY e.name",
        "order",
        ordered=True,
        note="Names the people without asking for a number: the list, A to Z.",
    ),
    Case(
        "years by total hires, most to least",
        "SELECT year(e.datetime) FROM hired_employees e GROUP BY 1 ORDER BY COUNT(*) DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "What were the 3 quietest departments in 2022 (fewest hires first)?",
        listed(per_department(year(2022)) + " ORDER BY COUNT(*) LIMIT 3", "department"),
        "order",
        ordered=True,
        note="Among departments that hired in 2022 (Compliance did not).",
    ),
    Case(
        "quarters of 2021 from busiest to quietest",
        f"SELECT quarter(e.datetime) FROM hired_employees e WHERE {year(2021)} "
        "GROUP BY 1 ORDER BY COUNT(*) DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "The last three people to join Marketing, most recent first.",
        names(departments("Marketing")) + " ORDER BY e.datetime DESC LIMIT 3",
        "order",
        ordered=True,
    ),
    Case(
        "second support team (id 13) hires in date order",
        names("e.department_id = 13") + " ORDER BY e.datetime",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "weekdays of 2021 ordered by number of hires, most first",
        f"SELECT {WEEKDAY}, COUNT(*) FROM hired_employees e WHERE {year(2021)} "
        "GROUP BY 1 ORDER BY 2 DESC",
        "order",
        ordered=True,
        key=(1,),
        everyday=True,
        also=(
            f"SELECT {ISO_WEEKDAY}, COUNT(*) FROM hired_employees e WHERE {year(2021)} "
            "GROUP BY 1 ORDER BY 2 DESC",
        ),
    ),
    Case(
        "Show the first 4 engineers we hired in 2022, in order of hire date.",
        names(f"{family('engineer')} AND {year(2022)}") + " ORDER BY e.datetime LIMIT 4",
        "order",
        ordered=True,
    ),
    # ----------------------------------------------------------------- seed
    Case(
        "For 2021, count the hires of every department and job combination in each of the four "
        "quarters, one column per quarter, sorted by department name then job name.",
        quarterly(year(2021)),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly(year(2021), fold=True),),
    ),
    Case(
        "need the quarterly hires by dept + job for 2022, sorted by dept then job. thx",
        quarterly(year(2022)),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly(year(2022), fold=True),),
        everyday=True,
    ),
    Case(
        "Hi, for the board pack could you pull 2020 hiring per quarter for every department "
        "and job title (Q1-Q4 as columns), ordered by department name and then job name? "
        "Many thanks",
        quarterly(year(2020)),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly(year(2020), fold=True),),
        everyday=True,
    ),
    Case(
        "Sales only: hires per job per quarter of 2021, jobs in alphabetical order",
        quarterly(f"{departments('Sales')} AND {year(2021)}", department=False),
        "seed",
        ordered=True,
        key=(0,),
        also=(quarterly(f"{departments('Sales')} AND {year(2021)}", department=False, fold=True),),
        everyday=True,
    ),
    Case(
        "Quarterly breakdown of 2022 hires for R&D and Training by job, ordered by department "
        "and job.",
        quarterly(f"{departments('Research and Development', 'Training')} AND {year(2022)}"),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(
            quarterly(
                f"{departments('Research and Development', 'Training')} AND {year(2022)}", fold=True
            ),
        ),
    ),
    Case(
        "department, job, q1, q2, q3, q4 counts for last year order by department, job",
        quarterly(year(2022)),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly(year(2022), fold=True),),
        everyday=True,
    ),
    Case(
        "engineerng dept 2022 hires per quartr for each job, ordered by job",
        quarterly(f"{departments('Engineering')} AND {year(2022)}", department=False),
        "seed",
        ordered=True,
        key=(0,),
        also=(
            quarterly(
                f"{departments('Engineering')} AND {year(2022)}", department=False, fold=True
            ),
        ),
        everyday=True,
    ),
    Case(
        "Support (both teams) - 2020 hires by job and quarter, ordered by dept and job name",
        quarterly(f"{departments('Support')} AND {year(2020)}"),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly(f"{departments('Support')} AND {year(2020)}", fold=True),),
        everyday=True,
    ),
    Case(
        "Please list each department (id, name, how many it hired) whose 2021 hiring was "
        "above the average over all departments, with the largest number at the top.",
        above_mean(year(2021)),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "which depts beat the average dept hiring in H1 2021? id, name, count, most first",
        above_mean(span("2021-01-01", "2021-07-01")),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
        note="Every department hired in the first half of 2021, so the mean is over all 14.",
    ),
    Case(
        "Departments whose 2020 hires exceeded the mean across departments: id, name and "
        "hires, highest first.",
        above_mean(year(2020)),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "my boss wants the teams that hired above the departmental mean in 2020, "
        "with dept id + name + how many, sorted high to low",
        above_mean(year(2020)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "select id, department, count(*) hired ... where hired > avg over departments, "
        "year 2021, order by hired desc",
        above_mean(year(2021)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "for a slide: departments that out-hired the average department in 2021 "
        "(id, name, number hired), biggest first",
        above_mean(year(2021)),
        "seed",
        ordered=True,
        key=(2,),
        everyday=True,
    ),
    Case(
        "Which departments hired fewer people than the departmental mean in 2021? Give id, "
        "name and count, fewest first.",
        above_mean(year(2021), "<"),
        "seed",
        ordered=True,
        key=(2,),
        note="The second report turned round: below the mean, ascending.",
    ),
]

TRAPS: list[Case] = [
    # ------------------------------------------------- negation inside a lookup
    Case(
        "who did Legal hire in 2021 apart from Elia D'Enrico?",
        names(f"{departments('Legal')} AND {year(2021)} AND e.name <> 'Elia D''Enrico'"),
        "lookup",
        everyday=True,
    ),
    Case(
        "Of Marlow Antecki, Joan Rillett and Lotti Crowthe, which ones are NOT in HR?",
        names(
            "e.name IN ('Marlow Antecki', 'Joan Rillett', 'Lotti Crowthe') "
            f"AND {not_departments('Human Resources')}"
        ),
        "lookup",
    ),
    Case(
        "how many people joined after Harold Vogt did",
        count("e.datetime > (SELECT datetime FROM hired_employees WHERE name = 'Harold Vogt')"),
        "lookup",
        everyday=True,
        note="After his hire time: a person lookup inside an open period. Counting from "
        "the day after his start day is also accepted.",
        also=(
            count(
                "CAST(e.datetime AS DATE) > (SELECT CAST(datetime AS DATE) "
                "FROM hired_employees WHERE name = 'Harold Vogt')"
            ),
        ),
    ),
    Case(
        "When did our Chief People Officer start?",
        names(jobs("Chief People Officer")),
        "lookup",
        empty=True,
        note="The title exists but was never hired for: no rows, not a refusal.",
    ),
    # ------------------------------------------------- words that look like names
    Case(
        "what's Dev's job title",
        lookup("split_part(e.name, ' ', 1) = 'Dev'", "j.job"),
        "lookup",
        everyday=True,
        note="Dev Ingleson, a person: not the developers.",
    ),
    Case(
        "which team did Ashley join?",
        lookup("split_part(e.name, ' ', 1) = 'Ashley'", "d.department"),
        "lookup",
        everyday=True,
    ),
    Case(
        "How many employees are named Sales?",
        count("e.name ILIKE '%sales%'"),
        "plain",
        note="A name, not the department: nobody is called that, so 0.",
    ),
    Case(
        "Brook - what's their title again?",
        lookup("split_part(e.name, ' ', 1) = 'Brook'", "j.job"),
        "lookup",
        everyday=True,
        note="Brook Tant, Internal Auditor.",
    ),
    # ------------------------------------------------- families with an exclusion
    Case(
        "how many engineers did we take on in 2022, leaving out the software engineers",
        count(f"{family('engineer')} AND NOT {family('software engineer')} AND {year(2022)}"),
        "family",
        everyday=True,
        note="Software Test Engineers stay: they are not the phrase 'software engineer'.",
    ),
    Case(
        "How many designers were hired in 2021, not counting web designers?",
        count(f"{family('designer')} AND NOT {family('web designer')} AND {year(2021)}"),
        "family",
        note="Only Graphic Designer is left.",
    ),
    Case(
        "total developers ever hired excl. web developers",
        count(f"{family('developer')} AND NOT {family('web developer')}"),
        "family",
        everyday=True,
    ),
    Case(
        "How many of Engineering's 2022 recruits are not engineers?",
        count(
            f"{departments('Engineering')} AND {year(2022)} "
            f"AND (e.job_id IS NULL OR NOT {family('engineer')})"
        ),
        "condition",
        note="The department is not the family; people without a job are not engineers.",
    ),
    Case(
        "how many managers did HR hire in 2021",
        count(f"{family('manager')} AND {departments('Human Resources')} AND {year(2021)}"),
        "family",
        everyday=True,
        note="Every manager title hired into Human Resources, not the title Human Resources "
        "Manager alone.",
    ),
    # ------------------------------------------------- look-alike words
    Case(
        "how many staff accountants did we hire in 2021?",
        count(f"{family('staff accountant')} AND {year(2021)}"),
        "family",
        everyday=True,
        note="Staff Accountant I-IV: 'staff' is part of the title here.",
    ),
    Case(
        "Desktop support technicians hired in 2021 - how many?",
        count(f"{jobs('Desktop Support Technician')} AND {year(2021)}"),
        "family",
        everyday=True,
        note="The title, not the Support departments.",
    ),
    Case(
        "How many design engineers have we hired overall?",
        count(family("design engineer")),
        "family",
        note="Design Engineer and Chief Design Engineer; designers are another word.",
    ),
    Case(
        "biostatisticians in 2022 count",
        count(f"{family('biostatistician')} AND {year(2022)}"),
        "family",
        everyday=True,
    ),
    Case(
        "How many Sales Associates did Marketing hire in 2021?",
        count(f"{family('sales associate')} AND {departments('Marketing')} AND {year(2021)}"),
        "family",
        note="The titles (Sales Associate, Senior Sales Associate) in Marketing, not Sales.",
    ),
    Case(
        "number of level I hires in 2021",
        count(f"{level('I')} AND {year(2021)}"),
        "family",
        everyday=True,
        note="Titles ending in I only, not II or III.",
    ),
    Case(
        "How many hires above level III were there in 2020?",
        count(f"{level('IV')} AND {year(2020)}"),
        "family",
        note="Above III is IV alone.",
    ),
    Case(
        "how many HR assistants have we hired outside the HR dept, all time?",
        count(f"{family('human resources assistant')} AND {not_departments('Human Resources')}"),
        "family",
        everyday=True,
        note="The title Human Resources Assistant II-IV, in any department but Human "
        "Resources (people without a department kept).",
    ),
    Case(
        "Marketing Managers hired by Sales in 2022 - count?",
        count(f"{jobs('Marketing Manager')} AND {departments('Sales')} AND {year(2022)}"),
        "family",
        everyday=True,
        note="The title in the Sales department: none in 2022, so 0.",
    ),
    # ------------------------------------------------- a filter on one side only
    Case(
        "How many more people did R&D hire in 2022 than Training did in 2021?",
        f"SELECT ({count(departments('Research and Development') + ' AND ' + year(2022))}) "
        f"- ({count(departments('Training') + ' AND ' + year(2021))})",
        "arithmetic",
        note="Each side has its own year.",
    ),
    Case(
        "what % of HR's 2021 hires were recruiters",
        percent(jobs("Recruiter"), f"{departments('Human Resources')} AND {year(2021)}"),
        "arithmetic",
        everyday=True,
        note="Out of HR's hires, the whole the question names.",
    ),
    Case(
        "Engineers hired in 2022 minus all hires in Engineering in 2021",
        f"SELECT ({count(family('engineer') + ' AND ' + year(2022))}) "
        f"- ({count(departments('Engineering') + ' AND ' + year(2021))})",
        "arithmetic",
        note="A family across the company on one side, a department on the other.",
    ),
    Case(
        "marketing's Q1 2022 hires as a share of all Q1 2022 hires?",
        percent(departments("Marketing"), span("2022-01-01", "2022-04-01")),
        "arithmetic",
        everyday=True,
    ),
    # ------------------------------------------------- periods left open
    Case(
        "how many hires in Q3?",
        count(span(f"{FY}-07-01", f"{FY}-10-01")),
        "dates",
        everyday=True,
        note="No year anywhere: Q3 2022, never every Q3.",
    ),
    Case(
        "Headcount added during the month of March?",
        count(span(f"{FY}-03-01", f"{FY}-04-01")),
        "dates",
        note="March 2022.",
    ),
    Case(
        "did anybody join us on the fourth of July?",
        names(on(f"{FY}-07-04")),
        "dates",
        everyday=True,
    ),
    Case(
        "Valentine's Day hires - how many?",
        count(on(f"{FY}-02-14")),
        "dates",
        note="Valentine's Day 2022 only.",
    ),
    Case(
        "how many new starters so far this year",
        count(span("2023-01-01", "2024-01-01")),
        "dates",
        everyday=True,
        note="This year is 2023 at gold.TODAY: nobody yet, so 0.",
    ),
    Case(
        "How many people have we brought in since the start of Q4?",
        count(f"e.datetime >= TIMESTAMP '{FY}-10-01'"),
        "dates",
        note="Q4 of 2022, open to the end.",
    ),
    Case(
        "how many hires in the first half of the year??",
        count(span(f"{FY}-01-01", f"{FY}-07-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "How many people joined on weekdays (Mon-Fri) in December 2022?",
        count(f"{span('2022-12-01', '2023-01-01')} AND {ISO_WEEKDAY} <= 5"),
        "dates",
        note="Weekdays leave the weekend out.",
    ),
    Case(
        "# of hires last month?",
        count(span("2022-12-01", "2023-01-01")),
        "dates",
        everyday=True,
        note="Read on 1 January 2023: December 2022.",
    ),
    Case(
        "How many new people so far this month?",
        count(span("2023-01-01", "2023-02-01")),
        "dates",
        note="January 2023 has no hires yet: 0.",
    ),
    Case(
        "last quarter's hiring total",
        count(span("2022-10-01", "2023-01-01")),
        "dates",
        everyday=True,
    ),
    Case(
        "between the 1st and the 10th of March, how many joined?",
        count(span(f"{FY}-03-01", f"{FY}-03-11")),
        "dates",
        everyday=True,
        note="No year anywhere: 1-10 March 2022, both days included.",
    ),
    Case(
        "Who joined from 20 December 2022 on, other than in R&D or Training?",
        names(
            "e.datetime >= TIMESTAMP '2022-12-20' "
            f"AND {not_departments('Research and Development', 'Training')}"
        ),
        "condition",
    ),
    # ------------------------------------------------- groups and empty periods
    Case(
        "Support hires in 2021 - how many in total?",
        count(f"{departments('Support')} AND {year(2021)}"),
        "plain",
        everyday=True,
        note="Both departments named Support, not the first alone.",
    ),
    Case(
        "How many did Compliance hire in 2022?",
        count(f"{departments('Compliance')} AND {year(2022)}"),
        "plain",
        note="Nobody: 0, never another year's figure.",
    ),
    Case(
        "which depts didn't hire anyone in 2022",
        "SELECT d.department FROM departments d WHERE d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {year(2022)} AND e.department_id IS NOT NULL)",
        "condition",
        everyday=True,
    ),
    Case(
        "Which job titles have never been filled?",
        "SELECT j.job FROM jobs j WHERE NOT EXISTS "
        "(SELECT 1 FROM hired_employees e WHERE e.job_id = j.id)",
        "plain",
    ),
    Case(
        "2022 hires excluding Sales - total?",
        count(f"{not_departments('Sales')} AND {year(2022)}"),
        "condition",
        everyday=True,
        note="Excluding Sales keeps the people without a department.",
    ),
    Case(
        "In which quarters of 2021 did Legal hire nobody at all?",
        "SELECT q FROM range(1, 5) AS t(q) WHERE q NOT IN (SELECT quarter(e.datetime) "
        f"FROM hired_employees e WHERE {departments('Legal')} AND {year(2021)})",
        "condition",
        note="A question about periods without hires: Q1 alone.",
    ),
    Case(
        "who joined on Christmas Eve 2021 outside of HR",
        names(f"{on('2021-12-24')} AND {not_departments('Human Resources')}"),
        "condition",
        everyday=True,
    ),
    Case(
        "Apart from R&D, which department hired the most in 2021?",
        listed(
            per_department(f"{year(2021)} AND {not_departments('Research and Development')}")
            + " ORDER BY COUNT(*) DESC LIMIT 1",
            "department",
        ),
        "rank_within",
    ),
    Case(
        "2nd busiest dept in 2022?",
        listed(
            per_department(year(2022)) + " ORDER BY COUNT(*) DESC LIMIT 1 OFFSET 1",
            "department",
        ),
        "order",
        everyday=True,
        note="The second, not the first (R&D 198, Training 131, Marketing 88).",
    ),
    Case(
        "the five earliest 2021 hires, in order",
        names(year(2021)) + " ORDER BY e.datetime LIMIT 5",
        "order",
        ordered=True,
        everyday=True,
        note="Earliest in 2021, not ever.",
    ),
    Case(
        "Hires per quarter of 2022 in Legal and Compliance together, by department and job, "
        "sorted by department and job",
        quarterly(f"{departments('Legal', 'Compliance')} AND {year(2022)}"),
        "seed",
        ordered=True,
        key=(0, 1),
        also=(quarterly(f"{departments('Legal', 'Compliance')} AND {year(2022)}", fold=True),),
        note="Compliance hired nobody in 2022: only Legal's rows, no rows of zeros.",
    ),
    Case(
        "departments that hired at least the mean number of people per department in 2020 "
        "(id, name, count, most first)",
        above_mean(year(2020), ">="),
        "seed",
        ordered=True,
        key=(2,),
        note="At least, not more than: the same rows here unless one sits on the mean.",
    ),
    # ------------------------------------------------- data the tables do not hold
    Case("What's the average salary of the engineers we hired?", UNANSWERABLE, "family"),
    Case("How many hires did the London office make last year?", UNANSWERABLE, "dates"),
    Case("gender split of 2021 new starters pls", UNANSWERABLE, "vocabulary", everyday=True),
    Case("what's our attrition rate for 2022", UNANSWERABLE, "arithmetic", everyday=True),
    Case("How many of the 2021 hires are part-time?", UNANSWERABLE, "condition"),
    Case("avg age of new joiners in 2022?", UNANSWERABLE, "arithmetic", everyday=True),
    Case("How many offers were declined in Q3 2022?", UNANSWERABLE, "dates"),
    Case(
        "what's the avg time-to-hire for engineering roles, in days",
        UNANSWERABLE,
        "arithmetic",
        everyday=True,
    ),
    Case("Which 2022 hires came in through employee referrals?", UNANSWERABLE, "condition"),
    Case("harold vogt's email address?", UNANSWERABLE, "lookup", everyday=True),
    Case("Who got promoted in 2022, and to what?", UNANSWERABLE, "order"),
]
