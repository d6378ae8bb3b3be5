"""The second analyst set: questions as HR analysts type them, with hand-written gold.

Written on 2026-12-07 by an independent examiner (a helper on branch
``evalset2``) under strict blindness: without opening the engine
(resolvers/core/questions/), docs/questions.md, the README's Ask section,
bench/questions.py or any earlier question set (development, held-out, trap
or analyst questions), and without ever running an engine, the bench or the
API on these questions. Only gold.py, scoring.py, ``question_set.generate``,
CONVENTIONS.md (in the session notes) and the data itself (``gold.load`` in a
throwaway DuckDB) were read. Measure on this set, never tune to it: a miss
worth fixing becomes a new *development* question, never an edit here.

The answers follow the analyst conventions (those of heldout_set.py plus the
everyday-word, family, level, open-period, named-day, ordinal and rank rules)
unchanged. Departures and readings worth stating:

- "When did X join" is answered by the date, with the full hire time accepted
  in ``also``.
- ``TRAPS`` holds questions that look answerable but where a careless engine
  answers an easier one. Their gold is the genuinely right answer, so only
  that answer or a refusal passes. Where the tables cannot answer at all
  (leavers, salaries, locations ...) the gold is ``UNANSWERABLE``, a one-row
  sentinel no engine answer can match: only a refusal passes those.
- The quarterly seed report answers one row per department (by id) and job
  with the four quarter counts, ordered on the department and job names.

The data is ``gold.load``; relative dates are read at ``gold.TODAY``.

Two questions the examiner wrote were, word for word, development questions
written earlier (an ordinal list of the first hires, and the number of
departments): the lead took them out before the set was first scored, so the
set measures only questions nobody tuned to (test_analyst_set_2 keeps it so).
"CONVENTIONS.md" above is the module docstring of analyst_set.py, given to the
examiner as a file of its own so that no question of that set was in sight.
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
    per_department,
    per_job,
    percent,
    span,
    year,
)

SHAPES = (
    "vocabulary",
    "lookup",
    "dates",
    "family",
    "arithmetic",
    "condition",
    "rank_within",
    "order",
    "seed",
    "plain",
)

UNANSWERABLE = "SELECT 'the tables do not hold this' AS unanswerable"
"""Gold for a question about data the tables lack: matches no answer, so only a refusal passes."""

EJ = "hired_employees e LEFT JOIN jobs j ON j.id = e.job_id"
EDJ = (
    "hired_employees e LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN jobs j ON j.id = e.job_id"
)
LEVEL = "regexp_extract(j.job, ' (I|II|III|IV)$', 1)"


def family(word: str) -> str:
    """Hired into a title holding ``word`` (a word or phrase) as whole words, any case."""
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b{word}\\b'))"


def by_name(name: str, columns: str) -> str:
    return f"SELECT {columns} FROM {EDJ} WHERE e.name = '{name}'"


def difference(first: str, second: str) -> str:
    return f"SELECT ({count(first)}) - ({count(second)})"


def quarterly(y: int) -> str:
    quarters = ", ".join(
        f"COUNT(*) FILTER (WHERE quarter(e.datetime) = {q}) AS q{q}" for q in range(1, 5)
    )
    return (
        f"SELECT d.department, j.job, {quarters} FROM {PER_DEPARTMENT} "
        f"JOIN jobs j ON j.id = e.job_id WHERE {year(y)} "
        "GROUP BY d.id, d.department, j.id, j.job ORDER BY d.department, j.job"
    )


def above_mean(y: int) -> str:
    return (
        f"SELECT d.id, d.department, COUNT(*) AS hires FROM {PER_DEPARTMENT} WHERE {year(y)} "
        "GROUP BY d.id, d.department HAVING COUNT(*) > (SELECT AVG(n) FROM (SELECT COUNT(*) AS n "
        f"FROM {PER_DEPARTMENT} WHERE {year(y)} GROUP BY d.id)) ORDER BY hires DESC"
    )


def top_per(
    group: str,
    item: str,
    table: str,
    where: str,
    pick: str = "MAX",
    group_label: str = "",
    item_label: str = "",
) -> str:
    """Per ``group``, every ``item`` whose count ties for the top (or bottom) within it."""
    return (
        f"WITH c AS (SELECT {group} AS g, {group_label or group} AS gl, {item} AS i, "
        f"{item_label or item} AS il, COUNT(*) AS n FROM {table} WHERE {where} GROUP BY ALL), "
        f"m AS (SELECT g, {pick}(n) AS n FROM c GROUP BY g) "
        "SELECT c.gl, c.il, c.n FROM c JOIN m USING (g, n)"
    )


def _e(question: str, sql: str, shape: str, **kw: object) -> Case:
    return Case(question, sql, shape, everyday=True, **kw)  # type: ignore[arg-type]


Y20, Y21, Y22 = year(2020), year(2021), year(2022)
RND = departments("Research and Development")

CASES: list[Case] = [
    # vocabulary
    _e("hey quick one - how many new starters did we get in 2021?", count(Y21), "vocabulary"),
    _e(
        "how many folks has marketing brought on board in total",
        count(departments("Marketing")),
        "vocabulary",
    ),
    _e("whats the number of recruits into R&D last year", count(f"{RND} AND {Y22}"), "vocabulary"),
    _e(
        "roughly how many people did the support teams take on in 2020? (exact number is better "
        "tbh)",
        count(f"{departments('Support')} AND {Y20}"),
        "vocabulary",
    ),
    _e(
        "Hi! Could you tell me how many new joiners HR onboarded in Q3 2022? Thanks so much",
        count(f"{departments('Human Resources')} AND {span('2022-07-01', '2022-10-01')}"),
        "vocabulary",
    ),
    _e(
        "how many staff do we have in biz dev",
        count(departments("Business Development")),
        "vocabulary",
    ),
    _e("number of recruiters we've hired, all time?", count(jobs("Recruiter")), "vocabulary"),
    _e("new people per team in 2022 pls", per_department(Y22), "vocabulary"),
    _e(
        "how many different roles did we hire for at least once in 2021",
        f"SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e WHERE {Y21}",
        "vocabulary",
    ),
    _e(
        "in 2022 how many teams took anybody on at all",
        f"SELECT COUNT(DISTINCT e.department_id) FROM hired_employees e WHERE {Y22}",
        "vocabulary",
    ),
    _e(
        "can u break down Legal's new joiners by position",
        per_job(departments("Legal")),
        "vocabulary",
    ),
    _e(
        "total intake across every org since the start of 2021?",
        count("e.datetime >= TIMESTAMP '2021-01-01'"),
        "vocabulary",
    ),
    _e(
        "how many ppl did Accounting bring in during 2020",
        count(f"{departments('Accounting')} AND {Y20}"),
        "vocabulary",
    ),
    # lookup
    _e(
        "when did Harold Vogt join us?",
        "SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE e.name = 'Harold Vogt'",
        "lookup",
        also=("SELECT e.datetime FROM hired_employees e WHERE e.name = 'Harold Vogt'",),
    ),
    _e("which team is Ty Hofer on", by_name("Ty Hofer", "d.department"), "lookup"),
    Case("What is the job title of Lyman Hadye?", by_name("Lyman Hadye", "j.job"), "lookup"),
    _e(
        "employee 3004 - what dept and role are they pls",
        "SELECT d.department, j.job FROM " + EDJ + " WHERE e.id = 3004",
        "lookup",
    ),
    _e(
        "what's Ty Hofer's position? manager is asking",
        by_name("Ty Hofer", "j.job"),
        "lookup",
        note="Ty Hofer has no job: the answer is one row holding NULL.",
    ),
    Case("Who is employee #42?", "SELECT e.name FROM hired_employees e WHERE e.id = 42", "lookup"),
    _e(
        "what day of the week did Gretna Lording start on",
        by_name("Gretna Lording", "dayname(e.datetime)"),
        "lookup",
        also=(by_name("Gretna Lording", "isodow(e.datetime)"),),
    ),
    _e(
        "which departments did Joan Rillett and Lucretia Northcote go into",
        "SELECT e.name, d.department FROM "
        + EDJ
        + " WHERE e.name IN ('Joan Rillett', 'Lucretia Northcote')",
        "lookup",
    ),
    _e(
        "when was Arty Giacobo hired and into which dept?",
        by_name("Arty Giacobo", "CAST(e.datetime AS DATE), d.department"),
        "lookup",
        also=(by_name("Arty Giacobo", "e.datetime, d.department"),),
    ),
    _e(
        "looking for Libbi Dowtry's start date, anyone?",
        "SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE e.name = 'Libbi Dowtry'",
        "lookup",
        also=("SELECT e.datetime FROM hired_employees e WHERE e.name = 'Libbi Dowtry'",),
    ),
    Case(
        "name of the employee with id 3013",
        "SELECT e.name FROM hired_employees e WHERE e.id = 3013",
        "lookup",
    ),
    _e(
        "which job did we hire employee no. 3025 for?",
        "SELECT j.job FROM " + EJ + " WHERE e.id = 3025",
        "lookup",
    ),
    _e(
        "what title and team did Melonie Slocomb get hired into",
        by_name("Melonie Slocomb", "j.job, d.department"),
        "lookup",
    ),
    # dates
    _e("how many hires on valentines day 2021?", count(span("2021-02-14", "2021-02-15")), "dates"),
    _e(
        "how many people started over the summer",
        count(span("2022-06-01", "2022-09-01")),
        "dates",
        note="Open period: summer 2022.",
    ),
    Case(
        "How many hires were made in the last 6 months?",
        count(span("2022-07-01", "2023-01-01")),
        "dates",
    ),
    _e("any new starters on halloween? how many", count(span("2022-10-31", "2022-11-01")), "dates"),
    Case(
        "list the hires between 3 March 2021 and 17 March 2021",
        f"SELECT e.name FROM hired_employees e WHERE {span('2021-03-03', '2021-03-18')}",
        "dates",
    ),
    _e("how many did we take on in fall 2020", count(span("2020-09-01", "2020-12-01")), "dates"),
    Case(
        "Number of hires so far this year?",
        count(span("2023-01-01", "2024-01-01")),
        "dates",
        note="This year is 2023: 0.",
    ),
    Case("count of hires in H1 2022", count(span("2022-01-01", "2022-07-01")), "dates"),
    _e(
        "how many hires have we made in the past 3 yrs",
        count(span("2020-01-01", "2023-01-01")),
        "dates",
    ),
    Case(
        "hires per month in 2021",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y21} GROUP BY 1",
        "dates",
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y21} GROUP BY 1",
        ),
    ),
    _e(
        "did anyone join on christmas eve 2020? how many",
        count(span("2020-12-24", "2020-12-25")),
        "dates",
    ),
    _e(
        "how many people did we onboard in december",
        count(span("2022-12-01", "2023-01-01")),
        "dates",
        note="Open period: December 2022.",
    ),
    _e("spring 2021 hiring total?", count(span("2021-03-01", "2021-06-01")), "dates"),
    _e("how many hires last quarter", count(span("2022-10-01", "2023-01-01")), "dates"),
    _e(
        "how many joined in the first two weeks of jan 2022 (1st-14th)",
        count(span("2022-01-01", "2022-01-15")),
        "dates",
    ),
    # family
    _e("how many statisticians have we hired so far", count(family("Statistician")), "family"),
    _e("designers hired in 2021?", count(f"{family('Designer')} AND {Y21}"), "family"),
    _e(
        "engineers per department in 2022",
        per_department(f"{family('Engineer')} AND {Y22}"),
        "family",
    ),
    _e(
        "how many DBAs in total",
        count(jobs(*(f"Database Administrator {n}" for n in ("I", "II", "III", "IV")))),
        "family",
    ),
    _e(
        "sysadmins - how many have we ever hired?",
        count(jobs("Systems Administrator II", "Systems Administrator IV")),
        "family",
    ),
    Case(
        "How many level IV hires did we make in 2022?",
        f"SELECT COUNT(*) FROM {EJ} WHERE {LEVEL} = 'IV' AND {Y22}",
        "family",
    ),
    Case(
        "hires by level for 2021",
        f"SELECT {LEVEL} AS level, COUNT(*) FROM {EJ} WHERE {Y21} AND {LEVEL} <> '' GROUP BY 1",
        "family",
        also=(
            f"SELECT CASE {LEVEL} WHEN 'I' THEN 1 WHEN 'II' THEN 2 WHEN 'III' THEN 3 ELSE 4 END, "
            f"COUNT(*) FROM {EJ} WHERE {Y21} AND {LEVEL} <> '' GROUP BY 1",
        ),
    ),
    _e("how many developers has r&d taken on", count(f"{family('Developer')} AND {RND}"), "family"),
    _e(
        "how many software engineers, all levels together",
        count(family("Software Engineer")),
        "family",
    ),
    _e("accountants by title please", per_job(family("Accountant")), "family"),
    _e("how many managers did we hire in 2020", count(f"{family('Manager')} AND {Y20}"), "family"),
    _e(
        "technicians above level II - how many?",
        count(jobs("Safety Technician III", "Safety Technician IV")),
        "family",
    ),
    _e("programmers hired in 2022", count(f"{family('Programmer')} AND {Y22}"), "family"),
    _e("how many web designers did we bring on", count(family("Web Designer")), "family"),
    # arithmetic
    Case(
        "How many more hires in 2022 than in 2021?",
        difference(Y22, Y21),
        "arithmetic",
        also=(difference(Y21, Y22),),
    ),
    Case(
        "Sales minus Marketing hires in 2021",
        difference(f"{departments('Sales')} AND {Y21}", f"{departments('Marketing')} AND {Y21}"),
        "arithmetic",
    ),
    _e(
        "what share of 2022's new starters went to engineering?",
        percent(departments("Engineering"), Y22),
        "arithmetic",
    ),
    _e(
        "avg hires per dept in 2021?",
        f"SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM {PER_DEPARTMENT} WHERE {Y21} GROUP BY "
        f"d.id)",
        "arithmetic",
    ),
    _e(
        "legal and accounting combined, how many hires?",
        count(departments("Legal", "Accounting")),
        "arithmetic",
    ),
    _e(
        "growth in training hires from 2020 to 2022?",
        difference(f"{departments('Training')} AND {Y22}", f"{departments('Training')} AND {Y20}"),
        "arithmetic",
        also=(
            difference(
                f"{departments('Training')} AND {Y20}", f"{departments('Training')} AND {Y22}"
            ),
        ),
    ),
    Case(
        "ratio of Research and Development hires to Engineering hires, all time",
        f"SELECT 1.0 * ({count(RND)}) / ({count(departments('Engineering'))})",
        "arithmetic",
    ),
    _e(
        "on average how many ppl did we hire a month in 2022",
        f"SELECT ({count(Y22)}) / 12.0",
        "arithmetic",
    ),
    _e(
        "what % of all our hires don't have a department?",
        percent("e.department_id IS NULL", "TRUE"),
        "arithmetic",
    ),
    _e(
        "what percent of Training's hires came in 2021",
        percent(Y21, departments("Training")),
        "arithmetic",
    ),
    Case(
        "how many fewer hires in Q1 2021 than in Q1 2022",
        difference(span("2022-01-01", "2022-04-01"), span("2021-01-01", "2021-04-01")),
        "arithmetic",
        also=(difference(span("2021-01-01", "2021-04-01"), span("2022-01-01", "2022-04-01")),),
    ),
    _e(
        "percentage growth in total hiring 2020 -> 2021?",
        f"SELECT 100.0 * (({count(Y21)}) - ({count(Y20)})) / ({count(Y20)})",
        "arithmetic",
    ),
    _e(
        "average hires per quarter for HR in 2021",
        f"SELECT ({count(departments('Human Resources') + ' AND ' + Y21)}) / 4.0",
        "arithmetic",
    ),
    # condition
    Case(
        "Which departments hired more than 100 people in 2022?",
        per_department(Y22) + " HAVING COUNT(*) > 100",
        "condition",
    ),
    _e(
        "teams with fewer than 10 hires in 2021?",
        per_department(Y21) + " HAVING COUNT(*) < 10",
        "condition",
    ),
    _e(
        "which roles did we fill at least 8 times in 2022",
        per_job(Y22) + " HAVING COUNT(*) >= 8",
        "condition",
    ),
    _e(
        "which depts hired more in 2022 than they did in 2021",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {Y22}) > COUNT(*) FILTER (WHERE {Y21})",
        "condition",
    ),
    _e(
        "which teams out-hired Sales in 2021",
        per_department(Y21) + f" HAVING COUNT(*) > ({count(departments('Sales') + ' AND ' + Y21)})",
        "condition",
    ),
    Case(
        "departments with between 20 and 40 hires in 2020",
        per_department(Y20) + " HAVING COUNT(*) BETWEEN 20 AND 40",
        "condition",
    ),
    _e(
        "is there any dept that didnt hire anyone in 2022?",
        f"SELECT d.department FROM departments d WHERE d.id NOT IN "
        f"(SELECT e.department_id FROM hired_employees e WHERE {Y22} AND e.department_id IS NOT "
        f"NULL)",
        "condition",
    ),
    Case(
        "which jobs have never been hired for",
        "SELECT j.job FROM jobs j WHERE j.id NOT IN "
        "(SELECT e.job_id FROM hired_employees e WHERE e.job_id IS NOT NULL)",
        "condition",
    ),
    _e(
        "months in 2022 where we hired over 80 people",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} GROUP BY 1 HAVING "
        f"COUNT(*) > 80",
        "condition",
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} "
            "GROUP BY 1 HAVING COUNT(*) > 80",
        ),
    ),
    _e(
        "which departments were below the average department in 2021 hiring",
        per_department(Y21)
        + f" HAVING COUNT(*) < (SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM {PER_DEPARTMENT} "
        f"WHERE {Y21} GROUP BY d.id))",
        "condition",
    ),
    Case(
        "departments that hired more engineers than designers in 2022",
        f"SELECT d.department FROM {PER_DEPARTMENT} WHERE {Y22} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {family('Engineer')}) > COUNT(*) FILTER (WHERE "
        f"{family('Designer')})",
        "condition",
    ),
    _e(
        "any quarter in 2021 where marketing hired fewer than 20?",
        f"SELECT quarter(e.datetime), COUNT(*) FROM hired_employees e WHERE "
        f"{departments('Marketing')} "
        f"AND {Y21} GROUP BY 1 HAVING COUNT(*) < 20",
        "condition",
    ),
    # rank_within
    _e(
        "what was the top job in each department in 2022",
        top_per(
            "d.id",
            "j.id",
            f"{PER_DEPARTMENT} JOIN jobs j ON j.id = e.job_id",
            Y22,
            group_label="d.department",
            item_label="j.job",
        ),
        "rank_within",
        note="Ties for first place keep every tied job; department by id.",
    ),
    _e(
        "who's the most recent hire in each team?",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} WHERE e.datetime = "
        "(SELECT MAX(x.datetime) FROM hired_employees x WHERE x.department_id = d.id)",
        "rank_within",
    ),
    Case(
        "first person hired into each department in 2021",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} WHERE {Y21} AND e.datetime = "
        "(SELECT MIN(x.datetime) FROM hired_employees x WHERE x.department_id = d.id "
        "AND x.datetime >= TIMESTAMP '2021-01-01' AND x.datetime < TIMESTAMP '2022-01-01')",
        "rank_within",
    ),
    _e(
        "each department's busiest quarter in 2021?",
        top_per("d.id", "quarter(e.datetime)", PER_DEPARTMENT, Y21, group_label="d.department"),
        "rank_within",
    ),
    _e(
        "busiest month for every year pls",
        top_per("year(e.datetime)", "month(e.datetime)", "hired_employees e", "TRUE"),
        "rank_within",
        also=(top_per("year(e.datetime)", "monthname(e.datetime)", "hired_employees e", "TRUE"),),
    ),
    Case(
        "Which department hired the most in each quarter of 2022?",
        top_per("quarter(e.datetime)", "d.id", PER_DEPARTMENT, Y22, item_label="d.department"),
        "rank_within",
    ),
    _e(
        "most hired title in marketing, year by year",
        top_per("year(e.datetime)", "j.id", PER_JOB, departments("Marketing"), item_label="j.job"),
        "rank_within",
    ),
    _e(
        "least busy team in each year? (only teams that hired that year)",
        top_per(
            "year(e.datetime)",
            "d.id",
            PER_DEPARTMENT,
            "TRUE",
            pick="MIN",
            item_label="d.department",
        ),
        "rank_within",
    ),
    Case(
        "for each quarter of 2021, which job had the most hires",
        top_per("quarter(e.datetime)", "j.id", PER_JOB, Y21, item_label="j.job"),
        "rank_within",
    ),
    _e(
        "which weekday does each department hire most on",
        top_per("d.id", "dayname(e.datetime)", PER_DEPARTMENT, "TRUE", group_label="d.department"),
        "rank_within",
        also=(
            top_per(
                "d.id", "isodow(e.datetime)", PER_DEPARTMENT, "TRUE", group_label="d.department"
            ),
        ),
    ),
    _e(
        "earliest hire per dept ever - names pls",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} WHERE e.datetime = "
        "(SELECT MIN(x.datetime) FROM hired_employees x WHERE x.department_id = d.id)",
        "rank_within",
    ),
    # order
    _e(
        "latest five hires?",
        names("TRUE") + " ORDER BY e.datetime DESC LIMIT 5",
        "order",
        ordered=True,
    ),
    Case(
        "list the departments alphabetically",
        "SELECT department FROM departments ORDER BY department",
        "order",
        ordered=True,
    ),
    _e(
        "top 3 depts by hires in 2022",
        per_department(Y22) + " ORDER BY COUNT(*) DESC LIMIT 3",
        "order",
        ordered=True,
        key=(0,),
    ),
    _e(
        "bottom 3 teams by all-time headcount",
        per_department() + " ORDER BY COUNT(*) LIMIT 3",
        "order",
        ordered=True,
        key=(0,),
    ),
    Case(
        "top 5 jobs in 2021 by number of hires",
        per_job(Y21) + " ORDER BY COUNT(*) DESC LIMIT 5",
        "order",
        ordered=True,
        key=(1,),
        note="Places 3-5 tie at 11 hires, so only the counts' order is checked.",
    ),
    _e(
        "jobs sorted by how many legal hired, most first",
        per_job(departments("Legal")) + " ORDER BY COUNT(*) DESC",
        "order",
        ordered=True,
        key=(1,),
    ),
    Case(
        "months of 2021 ranked by hires, fewest first",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y21} GROUP BY 1 ORDER "
        f"BY 2",
        "order",
        ordered=True,
        key=(1,),
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y21} GROUP BY "
            f"1 ORDER BY 2",
        ),
    ),
    _e(
        "list everyone hired on new year's eve 2021 in the order they came in",
        names(span("2021-12-31", "2022-01-01")) + " ORDER BY e.datetime",
        "order",
        ordered=True,
    ),
    _e(
        "the 10 most recent hires into R&D",
        names(RND) + " ORDER BY e.datetime DESC LIMIT 10",
        "order",
        ordered=True,
    ),
    _e(
        "names of compliance hires a-z",
        names(departments("Compliance")) + " ORDER BY e.name",
        "order",
        ordered=True,
    ),
    Case(
        "Which 3 weekdays had the most hires in 2022?",
        f"SELECT dayname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} GROUP BY 1 "
        f"ORDER BY 2 DESC LIMIT 3",
        "order",
        ordered=True,
        key=(1,),
        also=(
            f"SELECT isodow(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y22} GROUP BY 1 "
            f"ORDER BY 2 DESC LIMIT 3",
        ),
    ),
    # seed
    _e(
        "can i get 2021 hires by quarter for each dept and role, sorted by dept then role?",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    _e(
        "need the quarterly breakdown for 2022 - every team and job title, q1 to q4, ordered team "
        "then title",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "Number of employees hired for each job and department in 2020 divided by quarter, "
        "ordered by department and job",
        quarterly(2020),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    _e(
        "for the board deck: 2021 new starters per quarter split by department & position (sort "
        "dept, then position)",
        quarterly(2021),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    _e(
        "hiya, which depts took on more people than the average dept in 2021? id, name and how "
        "many, biggest first",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
    ),
    Case(
        "List of ids, names and number of employees hired of each department that hired more "
        "employees than the mean of employees hired in 2020 for all the departments, ordered by "
        "the number of employees hired (descending)",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
    ),
    _e(
        "teams that beat the mean hiring across teams in 2020 - want dept id, name, count, most "
        "at the top",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
    ),
    _e(
        "which departments hired above average back in 2020? give id + name + number, sorted high "
        "to low",
        above_mean(2020),
        "seed",
        ordered=True,
        key=(2,),
    ),
    _e(
        "quarter-by-quarter hires in 2022 for every department/job combo pls, order by department "
        "then job",
        quarterly(2022),
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    _e(
        "above-the-mean departments for 2021 hiring: ids names counts, descending",
        above_mean(2021),
        "seed",
        ordered=True,
        key=(2,),
    ),
    # plain
    Case("count of rows in hired_employees", count(), "plain"),
    Case("number of jobs in the jobs table", "SELECT COUNT(*) FROM jobs", "plain"),
    Case(
        "how many hired employees have a null department_id",
        count("e.department_id IS NULL"),
        "plain",
    ),
    Case(
        "hired employees per department_id in 2020",
        f"SELECT e.department_id, COUNT(*) FROM hired_employees e WHERE {Y20} AND e.department_id "
        f"IS NOT NULL GROUP BY 1",
        "plain",
    ),
    Case(
        "earliest and latest datetime of hired employees",
        "SELECT MIN(e.datetime), MAX(e.datetime) FROM hired_employees e",
        "plain",
    ),
    Case(
        "jobs whose name contains Nurse", "SELECT job FROM jobs WHERE job LIKE '%Nurse%'", "plain"
    ),
    Case(
        "count distinct job_id among hired employees",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e",
        "plain",
    ),
    Case(
        "number of hired employees with neither a department nor a job",
        count("e.department_id IS NULL AND e.job_id IS NULL"),
        "plain",
    ),
    Case("employees hired per department in 2021", per_department(Y21), "plain"),
    Case(
        "departments whose name starts with S",
        "SELECT department FROM departments WHERE department LIKE 'S%'",
        "plain",
    ),
    Case(
        "hired employees per job for the Sales department", per_job(departments("Sales")), "plain"
    ),
]

TRAPS: list[Case] = [
    _e(
        "how many people left the company in 2022?",
        UNANSWERABLE,
        "vocabulary",
        note="No leavers in the tables.",
    ),
    _e("whats the avg salary for engineers", UNANSWERABLE, "family", note="No pay in the tables."),
    _e(
        "how many hires does Support have",
        count(departments("Support")),
        "vocabulary",
        note="Both Support departments.",
    ),
    _e(
        "how many hires in Q2?",
        count(span("2022-04-01", "2022-07-01")),
        "dates",
        note="Open period: Q2 2022 only.",
    ),
    _e(
        "how many people have we hired this year",
        count(span("2023-01-01", "2024-01-01")),
        "dates",
        note="2023: 0.",
    ),
    _e(
        "how many statisticians did we hire? (not counting biostatisticians obvs)",
        count(family("Statistician")),
        "family",
    ),
    _e(
        "designers, how many all time",
        count(family("Designer")),
        "family",
        note="Design Engineers are not designers.",
    ),
    _e(
        "headcount hired outside Sales, all time",
        count(not_departments("Sales")),
        "vocabulary",
        note="Excluding keeps people without a department.",
    ),
    Case(
        "How many Chief People Officers have we hired?",
        count(jobs("Chief People Officer")),
        "vocabulary",
    ),
    _e(
        "compliance hires in 2022?",
        count(f"{departments('Compliance')} AND {Y22}"),
        "vocabulary",
        note="0, not a wider period.",
    ),
    _e(
        "which departments had zero hires in 2022",
        f"SELECT d.department FROM departments d WHERE d.id NOT IN "
        f"(SELECT e.department_id FROM hired_employees e WHERE {Y22} AND e.department_id IS NOT "
        f"NULL)",
        "condition",
    ),
    _e(
        "what was the gender split of 2021 hires",
        UNANSWERABLE,
        "arithmetic",
        note="No gender in the tables.",
    ),
    _e(
        "how many hires did the Berlin office make last year",
        UNANSWERABLE,
        "vocabulary",
        note="No locations.",
    ),
    _e(
        "what share of 2022 hires went to HR",
        percent(departments("Human Resources"), Y22),
        "arithmetic",
        note="Out of every 2022 hire, those without a department included.",
    ),
    _e(
        "how many developers have we hired",
        count(family("Developer")),
        "family",
        note="Not the Business Systems Development Analyst.",
    ),
    _e(
        "how many people did Harold Vogt hire?",
        UNANSWERABLE,
        "lookup",
        note="No hiring-manager link.",
    ),
    _e(
        "how many hires did we make last year",
        count(Y22),
        "dates",
        note="Read at gold.TODAY: 2022.",
    ),
    _e(
        "who was the very first hire in Support",
        names(
            f"{departments('Support')} AND e.datetime = (SELECT MIN(x.datetime) FROM "
            f"hired_employees x "
            f"WHERE x.department_id IN (SELECT id FROM departments WHERE department = 'Support'))"
        ),
        "rank_within",
        note="Both Support departments together.",
    ),
    _e(
        "how many engineering hires moved over to sales later",
        UNANSWERABLE,
        "vocabulary",
        note="No transfers.",
    ),
    _e(
        "how many interns did we take on in 2021",
        count(f"{family('Intern')} AND {Y21}"),
        "family",
        note="No title holds the word Intern (Internal Auditor does not): 0, or a refusal.",
    ),
    _e(
        "how many hires in the Finance dept",
        f"SELECT COUNT(*) FROM {PER_DEPARTMENT} WHERE d.department = 'Finance'",
        "vocabulary",
        note="There is no Finance department (Accounting is another one): 0, or a refusal.",
    ),
    _e(
        "avg time-to-hire for recruiters?", UNANSWERABLE, "arithmetic", note="No requisition dates."
    ),
    _e(
        "how many nurses have we hired",
        count(family("Nurse")),
        "family",
        note="Every title with the word Nurse.",
    ),
    _e(
        "legal hires per quarter in 2022, incl. quarters with nothing",
        "SELECT q.q, COUNT(e.id) FROM range(1, 5) q(q) LEFT JOIN hired_employees e ON "
        "quarter(e.datetime) = q.q "
        f"AND {Y22} AND {departments('Legal')} GROUP BY q.q",
        "dates",
        note="Zero rows asked for.",
    ),
    _e(
        "how many of our 2021 hires are still with us",
        UNANSWERABLE,
        "vocabulary",
        note="No leavers.",
    ),
    _e(
        "how many people hired in 2021 have no job title on file",
        count(f"e.job_id IS NULL AND {Y21}"),
        "plain",
    ),
    _e(
        "which recruiter brought in the most people?",
        UNANSWERABLE,
        "rank_within",
        note="No recruiter link.",
    ),
    _e(
        "hires between dec 2021 and feb 2022?",
        count(span("2021-12-01", "2022-03-01")),
        "dates",
        note="Both months included, across the year end.",
    ),
    _e(
        "how many sales associates do we have",
        count(family("Sales Associate")),
        "family",
        note=(
            "The title phrase (Sales Associate, Senior Sales Associate), not the Sales department."
        ),
    ),
    _e(
        "legal hires in december?",
        count(f"{departments('Legal')} AND {span('2022-12-01', '2023-01-01')}"),
        "dates",
        note="Open period: December 2022 only.",
    ),
    _e(
        "anyone start on christmas day 2022?",
        names(span("2022-12-25", "2022-12-26")),
        "dates",
        also=(count(span("2022-12-25", "2022-12-26")),),
        note="Three did: their names, or the count, not a wider period.",
    ),
    _e(
        "which job has had the most hires ever",
        per_job() + " QUALIFY COUNT(*) = MAX(COUNT(*)) OVER ()",
        "order",
        note="Two jobs tie: both.",
    ),
    _e(
        "how many contractors vs full-time employees in 2022",
        UNANSWERABLE,
        "arithmetic",
        note="No contract type.",
    ),
    _e(
        "how many level I hires in 2020",
        f"SELECT COUNT(*) FROM {EJ} WHERE {LEVEL} = 'I' AND {Y20}",
        "family",
        note=(
            "Only titles ending in the numeral I (not II, III, IV, nor every title containing an "
            "I)."
        ),
    ),
]
