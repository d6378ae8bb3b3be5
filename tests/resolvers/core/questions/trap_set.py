"""The trap set: questions whose constraint an engine may not hold, with gold SQL.

Each one carries a constraint that is easy to drop or misread without
noticing (negation, several periods at once, thresholds, ranks, relative
dates, name searches, combined filters, periods without data, groups without
hires, measures no template has). The scoring rule differs from the held-out
set's: every question must come back **right or refused**; a wrong answer is
a failure, because an analyst acts on the number. Written before the engine
rewrite of issue 11, apart from the engine; same data (``gold.load``), same
clock (``gold.TODAY``, 1 January 2023) and the same answer conventions as
heldout_set.py, except where a question overrides one in its own words
("counting departments that hired nobody"), which its note says.
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
    span,
    year,
)

Y20, Y21, Y22 = year(2020), year(2021), year(2022)


def _groups(where: str, having: str, per: str = "department") -> str:
    """Names of the departments (jobs) whose hires matching ``where`` satisfy ``having`` on n."""
    grouped = (per_department if per == "department" else per_job)(where, "COUNT(*) AS n")
    return f"SELECT {per} FROM ({grouped}) WHERE {having}"


CASES: list[Case] = [
    # -- periods without data: zero (or no rows), never all time
    Case(
        "How many employees were hired in 1850?",
        count(year(1850)),
        "empty period",
        note="0 with a note that the data starts in 2020; never the all-time count",
    ),
    Case("How many people did we hire in 2019?", count(year(2019)), "empty period", everyday=True),
    Case(
        "How many hires did Sales make in 2023?",
        count(f"{departments('Sales')} AND {year(2023)}"),
        "empty period",
    ),
    Case(
        "Hires per department in 2030",
        per_department(year(2030)),
        "empty period",
        empty=True,
    ),
    Case(
        "How many people have we hired so far this year?",
        count(year(2023)),
        "empty period",
        everyday=True,
        note="this year is 2023 at TODAY: nobody yet",
    ),
    Case(
        "Who joined Compliance in 2022?",
        names(f"{departments('Compliance')} AND {Y22}"),
        "empty period",
        everyday=True,
        empty=True,
    ),
    # -- negation
    Case(
        "How many hires were not in Engineering?",
        count(not_departments("Engineering")),
        "negation",
        note="people without a department are not in Engineering",
    ),
    Case(
        "How many people were hired in Sales but not in 2021?",
        count(f"{departments('Sales')} AND NOT ({Y21})"),
        "negation",
    ),
    Case(
        "How many people did we hire in 2021 excluding Sales and Marketing?",
        count(f"{not_departments('Sales', 'Marketing')} AND {Y21}"),
        "negation",
    ),
    Case(
        "How many employees were hired in 2021 but not in Q4?",
        count(span("2021-01-01", "2021-10-01")),
        "negation",
    ),
    Case(
        "How many Engineering hires were not software engineers of any level?",
        count(
            f"{departments('Engineering')} AND (e.job_id IS NULL OR e.job_id NOT IN "
            "(SELECT id FROM jobs WHERE job ILIKE 'Software Engineer %'))"
        ),
        "negation",
        note="Software Engineer I to IV; Software Test Engineers are not software engineers here",
    ),
    Case(
        "How many employees have a name that does not start with 'Person'?",
        count("e.name NOT ILIKE 'Person%'"),
        "negation",
    ),
    Case(
        "Which departments hired nobody in 2022?",
        "SELECT d.department FROM departments d WHERE NOT EXISTS "
        f"(SELECT 1 FROM hired_employees e WHERE e.department_id = d.id AND {Y22})",
        "negation",
    ),
    Case(
        "Which jobs have we never hired for?",
        "SELECT j.job FROM jobs j WHERE NOT EXISTS "
        "(SELECT 1 FROM hired_employees e WHERE e.job_id = j.id)",
        "negation",
        everyday=True,
    ),
    Case(
        "How many 2022 hires were in neither Research and Development nor Training?",
        count(f"{not_departments('Research and Development', 'Training')} AND {Y22}"),
        "negation",
    ),
    Case(
        "How many people did Support take on in 2021 other than Help Desk Technicians?",
        count(f"{departments('Support')} AND {not_jobs('Help Desk Technician')} AND {Y21}"),
        "negation",
        everyday=True,
    ),
    # -- several periods at once
    Case(
        "How many people did we hire in Q1 and Q2 2021 combined?",
        count(span("2021-01-01", "2021-07-01")),
        "several periods",
    ),
    Case(
        "How many people joined in March and April 2021?",
        count(span("2021-03-01", "2021-05-01")),
        "several periods",
        everyday=True,
        also=(
            f"({count(span('2021-03-01', '2021-04-01'))}) UNION ALL "
            f"({count(span('2021-04-01', '2021-05-01'))})",
        ),
        note="together, or one count per month",
    ),
    Case(
        "How many hires were there in 2020 and 2022 together?",
        count(f"({Y20} OR {Y22})"),
        "several periods",
        note="2021 is not between them: it is left out",
    ),
    Case(
        "How many employees were hired in the first half of 2021 or the second half of 2022?",
        count(f"({span('2021-01-01', '2021-07-01')} OR {span('2022-07-01', '2023-01-01')})"),
        "several periods",
    ),
    Case(
        "How many people were hired in the first quarter of each year?",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e "
        "WHERE quarter(e.datetime) = 1 GROUP BY year(e.datetime)",
        "several periods",
    ),
    # -- thresholds
    Case(
        "Which departments hired fewer than 100 people in 2021?",
        _groups(Y21, "n < 100"),
        "threshold",
        note="Human Resources hired exactly 100: not fewer",
    ),
    Case(
        "Which departments hired at least 100 people in 2021?",
        _groups(Y21, "n >= 100"),
        "threshold",
    ),
    Case(
        "Which departments hired fewer than 30 people in 2022?",
        "SELECT d.department FROM departments d WHERE (SELECT COUNT(*) FROM hired_employees e "
        f"WHERE e.department_id = d.id AND {Y22}) < 30",
        "threshold",
        note="Compliance hired nobody in 2022, which is fewer than 30",
    ),
    Case(
        "Which jobs were filled exactly 5 times in 2021?",
        _groups(Y21, "n = 5", per="job"),
        "threshold",
    ),
    Case(
        "Which departments hired between 50 and 90 people in 2022?",
        _groups(Y22, "n BETWEEN 50 AND 90"),
        "threshold",
    ),
    Case(
        "How many departments hired more than 80 people in 2021?",
        f"SELECT COUNT(*) FROM ({_groups(Y21, 'n > 80')})",
        "threshold",
    ),
    # -- ranks
    Case(
        "Which department had the second most hires in 2021?",
        f"SELECT department FROM ({per_department(Y21, 'COUNT(*) AS n')}) "
        "ORDER BY n DESC LIMIT 1 OFFSET 1",
        "rank",
    ),
    Case(
        "Which department hired the third fewest people in 2021?",
        f"SELECT department FROM ({per_department(Y21, 'COUNT(*) AS n')}) "
        "ORDER BY n LIMIT 1 OFFSET 2",
        "rank",
        note="Compliance 1, Legal 5, then the second Support with 20",
    ),
    Case(
        "Which departments came 4th and 5th for hires in 2022?",
        f"SELECT department FROM ({per_department(Y22, 'COUNT(*) AS n')}) "
        "ORDER BY n DESC LIMIT 2 OFFSET 3",
        "rank",
    ),
    Case(
        "Who was the 10th person hired in 2021?",
        f"SELECT e.name FROM hired_employees e WHERE {Y21} ORDER BY e.datetime LIMIT 1 OFFSET 9",
        "rank",
        everyday=True,
    ),
    Case(
        "Which department hired the most in each year?",
        "SELECT y, department FROM (SELECT year(e.datetime) AS y, d.department, "
        "row_number() OVER (PARTITION BY year(e.datetime) ORDER BY COUNT(*) DESC) AS r "
        f"FROM {PER_DEPARTMENT} GROUP BY year(e.datetime), d.id, d.department) WHERE r = 1",
        "rank",
    ),
    Case(
        "Which month of 2021 had the fewest hires?",
        "SELECT month(e.datetime) FROM hired_employees e "
        f"WHERE {Y21} GROUP BY month(e.datetime) ORDER BY COUNT(*) LIMIT 1",
        "rank",
        also=(
            "SELECT monthname(e.datetime) FROM hired_employees e "
            f"WHERE {Y21} GROUP BY monthname(e.datetime) ORDER BY COUNT(*) LIMIT 1",
        ),
    ),
    # -- relative dates, at TODAY (1 Jan 2023)
    Case(
        "How many people started in the last 90 days?",
        count(span("2022-10-03", "2023-01-01")),
        "relative",
        everyday=True,
    ),
    Case(
        "How many people have we hired since March?",
        count("e.datetime >= TIMESTAMP '2022-03-01'"),
        "relative",
        everyday=True,
        note="on 1 January 2023, the last March is March 2022",
    ),
    Case(
        "How many people were hired in the last 2 quarters?",
        count(span("2022-07-01", "2023-01-01")),
        "relative",
    ),
    Case(
        "How many people did we hire the year before last?",
        count(Y21),
        "relative",
        everyday=True,
    ),
    Case(
        "How many people did we hire in the last 3 months of 2021?",
        count(span("2021-10-01", "2022-01-01")),
        "relative",
        note="the last 3 months of a named year, not of today",
    ),
    Case(
        "How many hires were there in the 2 months before June 2022?",
        count(span("2022-04-01", "2022-06-01")),
        "relative",
    ),
    # -- name searches
    Case(
        "How many employees have a name containing 'ann'?",
        count("e.name ILIKE '%ann%'"),
        "name",
    ),
    Case(
        "How many employees' names start with 'Person 1'?",
        count("e.name ILIKE 'Person 1%'"),
        "name",
        note="Person 1000 to Person 1999: a prefix, not a name",
    ),
    Case(
        "List the employees whose last name is Lawton",
        names("e.name ILIKE '% Lawton'"),
        "name",
    ),
    Case(
        "How many people hired in 2021 have a name ending in 'a'?",
        count(f"e.name ILIKE '%a' AND {Y21}"),
        "name",
    ),
    # -- combined filters
    Case(
        "How many Engineering hires in 2021 had no job recorded?",
        count(f"{departments('Engineering')} AND e.job_id IS NULL AND {Y21}"),
        "combined",
    ),
    Case(
        "How many Sales hires since 2021 were a Director of Sales or a VP Sales?",
        count(
            f"{departments('Sales')} AND {jobs('Director of Sales', 'VP Sales')} "
            "AND e.datetime >= TIMESTAMP '2021-01-01'"
        ),
        "combined",
    ),
    Case(
        "How many people without a department were hired in Q3 2022?",
        count(f"e.department_id IS NULL AND {span('2022-07-01', '2022-10-01')}"),
        "combined",
    ),
    Case(
        "How many Human Resources hires in 2021 had a name starting with 'Person 1'?",
        count(f"{departments('Human Resources')} AND e.name ILIKE 'Person 1%' AND {Y21}"),
        "combined",
    ),
    Case(
        "How many people did the Support department with id 13 hire?",
        count("e.department_id = 13"),
        "combined",
        note="one of the two departments named Support, by its id",
    ),
    # -- measures and readings beyond a count
    Case(
        "Which teams more than tripled in size during 2021?",
        "SELECT d.department FROM hired_employees e JOIN departments d ON d.id = e.department_id "
        "GROUP BY d.id, d.department HAVING COUNT(*) FILTER (WHERE e.datetime < "
        "TIMESTAMP '2022-01-01') > 3 * COUNT(*) FILTER (WHERE e.datetime < TIMESTAMP '2021-01-01')",
        "measure",
        everyday=True,
        note="size = everyone hired so far (nobody leaves in this data); "
        "end-of-2021 size over start-of-2021 size, not the most hires",
    ),
    Case(
        "What is the median number of hires per department in 2021?",
        f"SELECT MEDIAN(n) FROM ({per_department(Y21, 'COUNT(*) AS n')})",
        "measure",
    ),
    Case(
        "How many people did we hire on weekends in 2021?",
        count(f"isodow(e.datetime) IN (6, 7) AND {Y21}"),
        "measure",
        everyday=True,
    ),
    Case(
        "How many employees were hired after 6pm UTC?",
        count("hour(e.datetime) >= 18"),
        "measure",
    ),
    Case(
        "Which departments hired more people in 2022 than in 2021?",
        "SELECT d.department FROM hired_employees e JOIN departments d ON d.id = e.department_id "
        f"GROUP BY d.id, d.department HAVING COUNT(*) FILTER (WHERE {Y22}) > "
        f"COUNT(*) FILTER (WHERE {Y21})",
        "measure",
    ),
    Case(
        "What was the average number of hires per department in 2022, counting departments "
        "that hired nobody?",
        f"SELECT ({count(f'e.department_id IS NOT NULL AND {Y22}')}) / "
        "(SELECT COUNT(*) FROM departments)",
        "measure",
        note="the question overrides the convention: every department counts, Compliance as 0",
    ),
    Case(
        "How many employees were hired on 29 February 2020?",
        count(span("2020-02-29", "2020-03-01")),
        "measure",
    ),
]
