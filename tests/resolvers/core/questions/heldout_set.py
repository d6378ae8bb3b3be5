"""The held-out set: questions an HR analyst asks, each with gold SQL written by hand.

Written before the engine rewrite of issue 11, by someone who did not read the
engine (resolvers/core/questions/) or the development questions: measure on
it, never tune to it. A miss worth fixing becomes a new *development*
question (question_set.py), never an edit here.

The data is ``gold.load`` (the development set's data plus a documented
extension); relative dates ("last year", "the last 6 months") are read at
``gold.TODAY``, midnight UTC on 1 January 2023, the clock the engine must be
given.

Answer conventions (so each gold answer is the one reading an analyst expects):

- **Rows, not names.** Answers are compared by value, never by column name:
  as multisets of rows, in order only where the question asks for an order
  (``ordered``; then only the ``key`` columns must come in that order, rows
  tying on them may come in any order). Numbers compare rounded to 1 decimal,
  so 866 equals 866.0. The answer may carry extra columns (an id, a count
  next to a name) and may put columns in any order: it is right when some of
  its columns, one per gold column, give exactly the gold rows
  (``scoring.matches``). It may not carry extra or fewer rows.
- **Counts** are one row, one value, and 0 when nothing matches (never an
  empty answer, never a wider period).
- **Per-group counts** list only the groups with at least one matching hire
  (no rows of zeros), unless the question is about groups without hires.
  A department or job is a group by id: the two departments named "Support"
  are two rows, each named "Support". Employees without a department (job)
  are left out of per-department (per-job) groupings, and counted in totals.
- **A name names every department (job) bearing it**: "Support" is both.
- **Excluding** a department or job keeps the employees without one ("hires
  outside Sales" counts people with no department: they are not in Sales).
- **Averages and means per group** are over the groups with at least one hire
  in the period (as the seed's above-the-mean report does); "above the mean"
  is strictly above, "more than N" strictly more, "at least N" N or more.
  Every question here picks a period where the two readings of "all the
  departments" (with or without departments that hired nobody) agree.
- **Shares** are percentages from 0 to 100 (12.5, not 0.125); the whole is
  every hire in the same period, with or without a department or job.
- **Differences**: "how many more in A than in B" and "the difference
  between A and B" are A - B; "the change from A to B" is B - A; "how many
  fewer in A than B" is B - A. (A difference between two periods accepts
  either sign, ``also``.) Comparing two periods per group gives one row per
  group that hired in either, with both counts (0 for none), or (also
  accepted) one row per group and period with hires.
- **Lists of employees** are compared on their names (names are unique in
  this data; more columns are welcome) unless the question asks for more
  (ids, hire times as ISO-8601 UTC strings, e.g. 2022-12-30T21:01:57Z, or
  hire dates, 2022-12-30, where a date answers the question).
- **Dates**: all in UTC. A range "between A and B" or "from A to B" includes
  both ends (whole days, whole months); "after June" starts on 1 July,
  "before Q3" ends on 30 June; "after <a day>" starts the next day; "since
  X" and "from X" include X. Quarters Q1-Q4 and halves (Jan-Jun, Jul-Dec)
  are of the calendar year; seasons are meteorological, northern: spring is
  March to May. Relative periods end at TODAY: "the last N days/months/
  years" is the rolling window, which at TODAY is also the last N whole
  units; "last year" is 2022; "last quarter" is Q4 2022.
- **Labels of time groups**: years as numbers; quarters as numbers 1-4;
  months as numbers 1-12 within one year (month names, or 'YYYY-MM' across
  years, also accepted); weekdays as English names (ISO numbers, Monday = 1,
  also accepted). Across several years the year is its own column.
- **Ties in rankings**: every ranking here has no tie at its cut-off (checked
  by reading the data when written).
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

Y20, Y21, Y22 = year(2020), year(2021), year(2022)
NO_DEPARTMENT = "e.department_id IS NULL"
NO_JOB = "e.job_id IS NULL"


def _diff(a: str, b: str) -> str:
    return f"SELECT ({count(a)}) - ({count(b)})"


def _either_sign(a: str, b: str) -> tuple[str, ...]:
    return (_diff(b, a),)


def _two_periods(a: str, b: str, where: str = "TRUE") -> tuple[str, ...]:
    """The two counts as one row of two values, or as two rows (any labels)."""
    return (
        f"SELECT ({count(f'{a} AND {where}')}), ({count(f'{b} AND {where}')})",
        f"({count(f'{a} AND {where}')}) UNION ALL ({count(f'{b} AND {where}')})",
    )


def _per_department_both(a: str, b: str, where: str = "TRUE") -> str:
    return (
        "SELECT d.department, COUNT(*) FILTER (WHERE "
        f"{a}), COUNT(*) FILTER (WHERE {b}) FROM {PER_DEPARTMENT} "
        f"WHERE ({a} OR {b}) AND {where} GROUP BY d.id, d.department"
    )


def _per_group_long(group: str, table: str, a: str, b: str, where: str = "TRUE") -> tuple[str]:
    """The long form of a comparison of two years: one row per group and year with hires."""
    key = group.split(".")[0] + ".id"
    period = "year(e.datetime)"
    return (
        f"SELECT {group}, {period}, COUNT(*) FROM {table} WHERE ({a} OR {b}) AND {where} "
        f"GROUP BY {key}, {group}, {period}",
    )


def _above_mean(group: str, table: str, where: str, op: str = ">") -> str:
    """Groups (named by ``group``, keyed by ``group``'s id) whose hires compare to the mean."""
    key = group.split(".")[0] + ".id"
    return (
        f"WITH g AS (SELECT {key} AS id, {group} AS name, COUNT(*) AS n FROM {table} "
        f"WHERE {where} GROUP BY {key}, {group}) "
        f"SELECT name FROM g WHERE n {op} (SELECT AVG(n) FROM g)"
    )


def _month_also(where: str) -> tuple[str, ...]:
    return (
        f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {where} "
        "GROUP BY monthname(e.datetime)",
    )


SEED_QUARTERS = (
    "SELECT d.department, j.job, "
    "COUNT(*) FILTER (WHERE quarter(e.datetime) = 1), "
    "COUNT(*) FILTER (WHERE quarter(e.datetime) = 2), "
    "COUNT(*) FILTER (WHERE quarter(e.datetime) = 3), "
    "COUNT(*) FILTER (WHERE quarter(e.datetime) = 4) "
    "FROM hired_employees e JOIN departments d ON d.id = e.department_id "
    f"JOIN jobs j ON j.id = e.job_id WHERE {Y21} "
    "GROUP BY d.id, d.department, j.id, j.job ORDER BY d.department, j.job"
)

SEED_ABOVE_MEAN = (
    "WITH g AS (SELECT d.id, d.department, COUNT(*) AS hired "
    f"FROM {PER_DEPARTMENT} WHERE {Y21} GROUP BY d.id, d.department) "
    "SELECT id, department, hired FROM g WHERE hired > (SELECT AVG(hired) FROM g) "
    "ORDER BY hired DESC"
)


CASES: list[Case] = [
    # -- the seed's two reports, in the seed's own words
    Case(
        "Number of employees hired for each job and department in 2021 divided by quarter. "
        "The table must be ordered alphabetically by department and job.",
        SEED_QUARTERS,
        "seed",
        ordered=True,
        key=(0, 1),
    ),
    Case(
        "List of ids, name and number of employees hired of each department that hired more "
        "employees than the mean of employees hired in 2021 for all the departments, ordered "
        "by the number of employees hired (descending).",
        SEED_ABOVE_MEAN,
        "seed",
        ordered=True,
        key=(2,),
    ),
    # -- counts over periods in every spelling
    Case("How many employees were hired in 2022?", count(Y22), "count"),
    Case("How many people have we hired in total?", count(), "count", everyday=True),
    Case(
        "How many employees were hired between 2021-03-01 and 2021-05-31?",
        count(span("2021-03-01", "2021-06-01")),
        "count",
    ),
    Case(
        "How many employees were hired between 1 September 2020 and 15 January 2021?",
        count(span("2020-09-01", "2021-01-16")),
        "count",
    ),
    Case("Number of hires in March 2022", count(span("2022-03-01", "2022-04-01")), "count"),
    Case(
        "How many employees were hired in Q3 2021?",
        count(span("2021-07-01", "2021-10-01")),
        "count",
    ),
    Case(
        "How many people did we take on in the second half of 2020?",
        count(span("2020-07-01", "2021-01-01")),
        "count",
        everyday=True,
    ),
    Case(
        "How many people joined in 2021 after June?",
        count(span("2021-07-01", "2022-01-01")),
        "count",
        everyday=True,
    ),
    Case(
        "How many employees were hired in 2022 before Q3?",
        count(span("2022-01-01", "2022-07-01")),
        "count",
    ),
    Case(
        "How many employees were hired from April to June 2021?",
        count(span("2021-04-01", "2021-07-01")),
        "count",
    ),
    Case(
        "How many employees were hired on or after 2022-11-15?",
        count("e.datetime >= TIMESTAMP '2022-11-15'"),
        "count",
    ),
    Case(
        "How many employees were hired before February 2020?",
        count("e.datetime < TIMESTAMP '2020-02-01'"),
        "count",
    ),
    Case(
        "How many people came on board in December 2020?",
        count(span("2020-12-01", "2021-01-01")),
        "count",
        everyday=True,
    ),
    Case(
        "How many employees were hired after 15 March 2021?",
        count("e.datetime >= TIMESTAMP '2021-03-16'"),
        "count",
        note="after a day starts the next day",
    ),
    Case(
        "How many hires were there in the first quarter of 2020?",
        count(span("2020-01-01", "2020-04-01")),
        "count",
    ),
    Case(
        "How many people were hired on 2021-07-14?",
        count(span("2021-07-14", "2021-07-15")),
        "count",
    ),
    # -- counts by department and job
    Case(
        "How many employees did Engineering hire in 2021?",
        count(f"{departments('Engineering')} AND {Y21}"),
        "count",
    ),
    Case(
        "How many Recruiters has Human Resources hired?",
        count(f"{departments('Human Resources')} AND {jobs('Recruiter')}"),
        "count",
    ),
    Case(
        "How many Software Engineer II were hired in 2020?",
        count(f"{jobs('Software Engineer II')} AND {Y20}"),
        "count",
    ),
    Case(
        "How many employees were hired in the first half of 2022 in Marketing?",
        count(f"{departments('Marketing')} AND {span('2022-01-01', '2022-07-01')}"),
        "count",
    ),
    Case(
        "How many new people did the Support team get in 2021?",
        count(f"{departments('Support')} AND {Y21}"),
        "count",
        everyday=True,
        note="both departments named Support",
    ),
    Case(
        "How many Accounting hires were made in Q4 2022?",
        count(f"{departments('Accounting')} AND {span('2022-10-01', '2023-01-01')}"),
        "count",
    ),
    Case(
        "How many Registered Nurses did we take on in 2021?",
        count(f"{jobs('Registered Nurse')} AND {Y21}"),
        "count",
        everyday=True,
    ),
    Case(
        "How many Staff Scientists did Research and Development bring on?",
        count(f"{departments('Research and Development')} AND {jobs('Staff Scientist')}"),
        "count",
        everyday=True,
    ),
    Case(
        "How many new starters did Engineering have in the second half of 2021?",
        count(f"{departments('Engineering')} AND {span('2021-07-01', '2022-01-01')}"),
        "count",
        everyday=True,
    ),
    Case(
        "How many folks joined Product Management in 2020?",
        count(f"{departments('Product Management')} AND {Y20}"),
        "count",
        everyday=True,
    ),
    Case(
        "How many people joined in 2021 before the summer?",
        count(span("2021-01-01", "2021-06-01")),
        "count",
        everyday=True,
        note="summer starts in June",
    ),
    Case(
        "How many people have joined Human Resources since the start of 2022?",
        count(f"{departments('Human Resources')} AND e.datetime >= TIMESTAMP '2022-01-01'"),
        "count",
        everyday=True,
    ),
    # -- relative periods, read at TODAY (1 Jan 2023)
    Case(
        "How many people did we bring on in sales last spring?",
        count(f"{departments('Sales')} AND {span('2022-03-01', '2022-06-01')}"),
        "relative",
        everyday=True,
    ),
    Case(
        "How many people started in the last 6 months?",
        count(span("2022-07-01", "2023-01-01")),
        "relative",
        everyday=True,
    ),
    Case("How many hires did we have last year?", count(Y22), "relative", everyday=True),
    Case(
        "How many employees were hired in the last 3 years?",
        count(span("2020-01-01", "2023-01-01")),
        "relative",
    ),
    Case(
        "How many employees were hired since March last year?",
        count("e.datetime >= TIMESTAMP '2022-03-01'"),
        "relative",
    ),
    Case(
        "How many people joined last quarter?",
        count(span("2022-10-01", "2023-01-01")),
        "relative",
        everyday=True,
    ),
    Case(
        "How many employees were hired in the last 30 days?",
        count(span("2022-12-02", "2023-01-01")),
        "relative",
    ),
    Case(
        "How many people has Training brought in over the last two years?",
        count(f"{departments('Training')} AND {span('2021-01-01', '2023-01-01')}"),
        "relative",
        everyday=True,
    ),
    Case(
        "How many hires did we make last month?",
        count(span("2022-12-01", "2023-01-01")),
        "relative",
        everyday=True,
    ),
    Case(
        "Who did we hire in the last 7 days?",
        names(span("2022-12-25", "2023-01-01")),
        "relative",
        everyday=True,
    ),
    Case(
        "Hires per department in the last 12 months",
        per_department(Y22),
        "relative",
    ),
    # -- distinct jobs and departments
    Case(
        "How many different jobs did we hire for in 2021?",
        f"SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e WHERE {Y21}",
        "distinct",
    ),
    Case(
        "How many departments hired someone in 2022?",
        f"SELECT COUNT(DISTINCT e.department_id) FROM hired_employees e WHERE {Y22}",
        "distinct",
        note="the two departments named Support are two departments",
    ),
    Case(
        "Which roles did Legal hire for?",
        f"SELECT DISTINCT j.job FROM {PER_JOB} WHERE {departments('Legal')}",
        "distinct",
        everyday=True,
    ),
    Case(
        "How many distinct jobs were filled in Research and Development?",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e "
        f"WHERE {departments('Research and Development')}",
        "distinct",
    ),
    Case(
        "How many different roles has Accounting hired for since 2021?",
        "SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e "
        f"WHERE {departments('Accounting')} AND e.datetime >= TIMESTAMP '2021-01-01'",
        "distinct",
        everyday=True,
    ),
    Case(
        "How many distinct jobs did each department hire for in 2022?",
        per_department(f"{Y22} AND e.job_id IS NOT NULL", "COUNT(DISTINCT e.job_id)"),
        "distinct",
    ),
    Case(
        "In how many different departments have we hired a Staff Scientist?",
        "SELECT COUNT(DISTINCT e.department_id) FROM hired_employees e "
        f"WHERE {jobs('Staff Scientist')}",
        "distinct",
    ),
    # -- averages per group
    Case(
        "What is the average number of hires per department in 2021?",
        f"SELECT AVG(n) FROM ({per_department(Y21, 'COUNT(*) AS n')})",
        "average",
    ),
    Case(
        "Average number of hires per job in 2022",
        f"SELECT AVG(n) FROM ({per_job(Y22, 'COUNT(*) AS n')})",
        "average",
    ),
    Case(
        "On average, how many people did we hire a month in 2021?",
        "SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM hired_employees e "
        f"WHERE {Y21} GROUP BY month(e.datetime))",
        "average",
        everyday=True,
    ),
    Case(
        "What is the average number of Sales hires per quarter in 2020?",
        "SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM hired_employees e "
        f"WHERE {departments('Sales')} AND {Y20} GROUP BY quarter(e.datetime))",
        "average",
    ),
    Case(
        "What was the average number of hires per department in 2020?",
        f"SELECT AVG(n) FROM ({per_department(Y20, 'COUNT(*) AS n')})",
        "average",
    ),
    # -- shares
    Case(
        "What percentage of 2021 hires went to Engineering?",
        percent(departments("Engineering"), Y21),
        "share",
    ),
    Case(
        "What share of the people we hired in 2022 had no job recorded?",
        percent(NO_JOB, Y22),
        "share",
        everyday=True,
    ),
    Case(
        "What percentage of all hires are in Research and Development?",
        percent(departments("Research and Development"), "TRUE"),
        "share",
    ),
    Case(
        "Share of hires per department in 2020, as a percentage",
        "SELECT d.department, ROUND(100.0 * COUNT(*) / "
        f"({count(Y20)}), 1) FROM {PER_DEPARTMENT} WHERE {Y20} GROUP BY d.id, d.department",
        "share",
    ),
    Case(
        "What percentage of Sales' 2021 hires came in the first half of the year?",
        percent(span("2021-01-01", "2021-07-01"), f"{departments('Sales')} AND {Y21}"),
        "share",
    ),
    Case(
        "What percentage of hires in 2022 were in Training or Marketing?",
        percent(departments("Training", "Marketing"), Y22),
        "share",
    ),
    Case(
        "What share of last year's new starters went to Sales?",
        percent(departments("Sales"), Y22),
        "share",
        everyday=True,
    ),
    # -- differences
    Case(
        "How many more people did we hire in 2021 than in 2020?",
        _diff(Y21, Y20),
        "difference",
        everyday=True,
    ),
    Case(
        "What is the difference between hires in Q1 2022 and Q1 2021?",
        _diff(span("2022-01-01", "2022-04-01"), span("2021-01-01", "2021-04-01")),
        "difference",
        also=_either_sign(span("2022-01-01", "2022-04-01"), span("2021-01-01", "2021-04-01")),
    ),
    Case(
        "By how much did Engineering hiring change from 2021 to 2022?",
        _diff(f"{departments('Engineering')} AND {Y22}", f"{departments('Engineering')} AND {Y21}"),
        "difference",
    ),
    Case(
        "How many fewer people did Sales hire in 2022 than in 2021?",
        _diff(f"{departments('Sales')} AND {Y21}", f"{departments('Sales')} AND {Y22}"),
        "difference",
        everyday=True,
    ),
    Case(
        "Difference in hires between the first and second half of 2022",
        _diff(span("2022-01-01", "2022-07-01"), span("2022-07-01", "2023-01-01")),
        "difference",
        also=_either_sign(span("2022-01-01", "2022-07-01"), span("2022-07-01", "2023-01-01")),
    ),
    # -- lists of employees and of names
    Case(
        "List the employees hired in Legal in 2022",
        names(f"{departments('Legal')} AND {Y22}"),
        "employees",
    ),
    Case(
        "Who joined most recently?",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime DESC LIMIT 1",
        "employees",
        everyday=True,
    ),
    Case(
        "Who was the very first person we hired?",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime LIMIT 1",
        "employees",
        everyday=True,
    ),
    Case(
        "Who's the newest person in Marketing?",
        f"SELECT e.name FROM hired_employees e WHERE {departments('Marketing')} "
        "ORDER BY e.datetime DESC LIMIT 1",
        "employees",
        everyday=True,
    ),
    Case(
        "When did our most recent hire start?",
        "SELECT MAX(e.datetime) FROM hired_employees e",
        "employees",
        everyday=True,
        also=("SELECT CAST(MAX(e.datetime) AS DATE) FROM hired_employees e",),
    ),
    Case(
        "Show the employees hired on 2022-12-30",
        names(span("2022-12-30", "2022-12-31")),
        "employees",
    ),
    Case(
        "Which employees work in Compliance?",
        names(departments("Compliance")),
        "employees",
    ),
    Case(
        "Which employees have we hired as Chief People Officer?",
        names(jobs("Chief People Officer")),
        "employees",
        empty=True,
        note="a job nobody was hired for: the answer is no one",
    ),
    Case(
        "Show me the 5 most recent hires with their hire dates",
        "SELECT e.name, e.datetime FROM hired_employees e ORDER BY e.datetime DESC LIMIT 5",
        "employees",
        ordered=True,
        key=(1,),
        also=(
            "SELECT e.name, CAST(e.datetime AS DATE) FROM hired_employees e "
            "ORDER BY e.datetime DESC LIMIT 5",
        ),
    ),
    Case(
        "List the ids and names of employees hired in Services in Q3 2022",
        "SELECT e.id, e.name FROM hired_employees e "
        f"WHERE {departments('Services')} AND {span('2022-07-01', '2022-10-01')}",
        "employees",
    ),
    Case(
        "List everyone in Legal, earliest hire first",
        f"SELECT e.name FROM hired_employees e WHERE {departments('Legal')} ORDER BY e.datetime",
        "employees",
        ordered=True,
        everyday=True,
    ),
    Case(
        "Who were the first three people hired in 2022?",
        f"SELECT e.name FROM hired_employees e WHERE {Y22} ORDER BY e.datetime LIMIT 3",
        "employees",
        ordered=True,
        everyday=True,
    ),
    Case(
        "What are the names of the Paralegals hired in 2021?",
        names(f"{jobs('Paralegal')} AND {Y21}"),
        "names",
    ),
    Case(
        "Give me the names of the people the second half of 2022 brought into Accounting",
        names(f"{departments('Accounting')} AND {span('2022-07-01', '2023-01-01')}"),
        "names",
        everyday=True,
    ),
    Case(
        "Names of the Web Developer II hires",
        names(jobs("Web Developer II")),
        "names",
    ),
    Case(
        "Who did Services take on in 2020?",
        names(f"{departments('Services')} AND {Y20}"),
        "names",
        everyday=True,
    ),
    # -- name searches
    Case(
        "How many employees have a name starting with 'Mar'?",
        count("e.name ILIKE 'Mar%'"),
        "name",
    ),
    Case(
        "List employees whose name contains 'ell'",
        names("e.name ILIKE '%ell%'"),
        "name",
    ),
    Case(
        "Names of people hired in 2021 whose name begins with B",
        names(f"e.name ILIKE 'B%' AND {Y21}"),
        "name",
        everyday=True,
    ),
    Case(
        "Is there anyone called Tobi on the payroll?",
        names("e.name ILIKE '%Tobi%'"),
        "name",
        everyday=True,
        note="a first name: a name containing it, answered with the names",
    ),
    Case(
        "Show employees whose name contains 'person 000'",
        names("e.name ILIKE '%person 000%'"),
        "name",
        note="case-insensitive: Person 0001 to Person 0009",
    ),
    Case(
        "How many people with a name starting with 'Person 24' were hired?",
        count("e.name ILIKE 'Person 24%'"),
        "name",
    ),
    # -- department and job sets, included or excluded
    Case(
        "How many people were hired in Sales or Marketing in 2022?",
        count(f"{departments('Sales', 'Marketing')} AND {Y22}"),
        "sets",
    ),
    Case(
        "How many people did Sales and Marketing hire between them in 2021?",
        count(f"{departments('Sales', 'Marketing')} AND {Y21}"),
        "sets",
        everyday=True,
    ),
    Case(
        "How many employees were hired in 2021 excluding the Sales department?",
        count(f"{not_departments('Sales')} AND {Y21}"),
        "sets",
    ),
    Case(
        "How many people did we hire outside Research and Development in 2020?",
        count(f"{not_departments('Research and Development')} AND {Y20}"),
        "sets",
        everyday=True,
    ),
    Case(
        "How many 2022 hires were not in Training or Marketing?",
        count(f"{not_departments('Training', 'Marketing')} AND {Y22}"),
        "sets",
    ),
    Case(
        "Hires per department in 2021, leaving out Research and Development",
        per_department(f"{Y21} AND {not_departments('Research and Development')}"),
        "sets",
    ),
    Case(
        "How many Accountant I, Accountant II or Cost Accountant hires were there in 2022?",
        count(f"{jobs('Accountant I', 'Accountant II', 'Cost Accountant')} AND {Y22}"),
        "sets",
    ),
    Case(
        "How many Human Resources hires were not Recruiters?",
        count(f"{departments('Human Resources')} AND {not_jobs('Recruiter')}"),
        "sets",
    ),
    Case(
        "How many hires did Sales and Engineering each make in 2022?",
        per_department(f"{departments('Sales', 'Engineering')} AND {Y22}"),
        "sets",
    ),
    Case(
        "How many people were hired into jobs with 'Engineer' in the title in 2021?",
        count(f"e.job_id IN (SELECT id FROM jobs WHERE job ILIKE '%engineer%') AND {Y21}"),
        "sets",
    ),
    Case(
        "Which jobs have 'Manager' in their title?",
        "SELECT job FROM jobs WHERE job ILIKE '%manager%'",
        "sets",
        note="case-insensitive: includes 'Analog Circuit Design manager'",
    ),
    Case(
        "Hires per job in Engineering and Support in 2020",
        per_job(f"{departments('Engineering', 'Support')} AND {Y20}"),
        "sets",
    ),
    # -- missing department or job
    Case("How many people on record have no department at all?", count(NO_DEPARTMENT), "missing"),
    Case(
        "How many people were hired without a job in 2022?",
        count(f"{NO_JOB} AND {Y22}"),
        "missing",
    ),
    Case(
        "List the employees hired in 2021 who have no job title",
        names(f"{NO_JOB} AND {Y21}"),
        "missing",
    ),
    Case(
        "How many hires are missing both a department and a job?",
        count(f"{NO_DEPARTMENT} AND {NO_JOB}"),
        "missing",
    ),
    Case(
        "How many of the people we took on in 2020 never got assigned to a team?",
        count(f"{NO_DEPARTMENT} AND {Y20}"),
        "missing",
        everyday=True,
    ),
    Case(
        "How many Marketing hires have no job?",
        count(f"{departments('Marketing')} AND {NO_JOB}"),
        "missing",
    ),
    # -- grouping by department, job, year, quarter, month, weekday
    Case(
        "How many hires did we make in each calendar year?",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e GROUP BY year(e.datetime)",
        "group",
    ),
    Case(
        "How many people did we hire each quarter of 2021?",
        "SELECT quarter(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {Y21} GROUP BY quarter(e.datetime)",
        "group",
        everyday=True,
        also=(
            "SELECT 'Q' || quarter(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {Y21} GROUP BY quarter(e.datetime)",
        ),
    ),
    Case(
        "Monthly hires in 2022",
        "SELECT month(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {Y22} GROUP BY month(e.datetime)",
        "group",
        also=_month_also(Y22),
    ),
    Case(
        "Hires by day of the week in 2021",
        "SELECT dayname(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {Y21} GROUP BY dayname(e.datetime)",
        "group",
        also=(
            "SELECT isodow(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {Y21} GROUP BY isodow(e.datetime)",
        ),
    ),
    Case("Hires per job in Legal", per_job(departments("Legal")), "group"),
    Case(
        "Which jobs did Accounting hire for in 2021?",
        f"SELECT DISTINCT j.job FROM {PER_JOB} WHERE {departments('Accounting')} AND {Y21}",
        "group",
        note="only the jobs it hired for, not every job with zeros",
    ),
    Case(
        "Hires per department per year",
        f"SELECT d.department, year(e.datetime), COUNT(*) FROM {PER_DEPARTMENT} "
        "GROUP BY d.id, d.department, year(e.datetime)",
        "group",
    ),
    Case(
        "Number of Engineering hires per quarter in 2022",
        "SELECT quarter(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {departments('Engineering')} AND {Y22} GROUP BY quarter(e.datetime)",
        "group",
    ),
    Case(
        "For each year, how many people joined Training?",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {departments('Training')} GROUP BY year(e.datetime)",
        "group",
        everyday=True,
    ),
    Case(
        "How many people did each team hire in the first half of 2021?",
        per_department(span("2021-01-01", "2021-07-01")),
        "group",
        everyday=True,
    ),
    Case(
        "Hires per month in 2020 and 2021",
        "SELECT year(e.datetime), month(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {span('2020-01-01', '2022-01-01')} GROUP BY year(e.datetime), month(e.datetime)",
        "group",
        also=(
            "SELECT strftime(e.datetime, '%Y-%m'), COUNT(*) FROM hired_employees e "
            f"WHERE {span('2020-01-01', '2022-01-01')} GROUP BY strftime(e.datetime, '%Y-%m')",
        ),
    ),
    Case("Hires per department in 2021", per_department(Y21), "group"),
    Case(
        "Give me a head count of hires by team for 2020",
        per_department(Y20),
        "group",
        everyday=True,
    ),
    Case(
        "What did each department's hiring look like in 2022?",
        per_department(Y22),
        "group",
        everyday=True,
    ),
    Case(
        "Hires per job in Research and Development in Q2 2022",
        per_job(
            f"{departments('Research and Development')} AND {span('2022-04-01', '2022-07-01')}"
        ),
        "group",
    ),
    Case(
        "On which weekdays did Marketing hire in 2022, and how many each day?",
        "SELECT dayname(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {departments('Marketing')} AND {Y22} GROUP BY dayname(e.datetime)",
        "group",
        everyday=True,
        also=(
            "SELECT isodow(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {departments('Marketing')} AND {Y22} GROUP BY isodow(e.datetime)",
        ),
    ),
    # -- thresholds
    Case(
        "Which departments hired more than 100 people in 2021?",
        f"SELECT department FROM ({per_department(Y21, 'COUNT(*) AS n')}) WHERE n > 100",
        "threshold",
    ),
    Case(
        "Which departments hired fewer than 30 people in 2021?",
        f"SELECT department FROM ({per_department(Y21, 'COUNT(*) AS n')}) WHERE n < 30",
        "threshold",
        note="every department hired in 2021, so no department with zero is left out",
    ),
    Case(
        "Which jobs had at least 10 hires in 2022?",
        f"SELECT job FROM ({per_job(Y22, 'COUNT(*) AS n')}) WHERE n >= 10",
        "threshold",
    ),
    Case(
        "Which teams have taken on more than 200 people overall?",
        f"SELECT department FROM ({per_department('TRUE', 'COUNT(*) AS n')}) WHERE n > 200",
        "threshold",
        everyday=True,
    ),
    Case(
        "Which months of 2022 had more than 70 hires?",
        "SELECT month(e.datetime) FROM hired_employees e "
        f"WHERE {Y22} GROUP BY month(e.datetime) HAVING COUNT(*) > 70",
        "threshold",
        also=(
            "SELECT monthname(e.datetime) FROM hired_employees e "
            f"WHERE {Y22} GROUP BY monthname(e.datetime) HAVING COUNT(*) > 70",
        ),
    ),
    Case(
        "Which jobs did we fill more than 20 times overall?",
        f"SELECT job FROM ({per_job('TRUE', 'COUNT(*) AS n')}) WHERE n > 20",
        "threshold",
        everyday=True,
    ),
    # -- above or below the mean of the groups
    Case(
        "Which departments hired more employees than the mean in 2021?",
        _above_mean("d.department", PER_DEPARTMENT, Y21),
        "mean",
    ),
    Case(
        "Which departments hired fewer people than average in 2020?",
        _above_mean("d.department", PER_DEPARTMENT, Y20, "<"),
        "mean",
        everyday=True,
    ),
    Case(
        "Which jobs had more hires than the average job in 2021?",
        _above_mean("j.job", PER_JOB, Y21),
        "mean",
    ),
    Case(
        "Which months of 2021 were busier than average for hiring?",
        "WITH g AS (SELECT month(e.datetime) AS m, COUNT(*) AS n FROM hired_employees e "
        f"WHERE {Y21} GROUP BY month(e.datetime)) "
        "SELECT m FROM g WHERE n > (SELECT AVG(n) FROM g)",
        "mean",
        everyday=True,
        also=(
            "WITH g AS (SELECT monthname(e.datetime) AS m, COUNT(*) AS n FROM hired_employees e "
            f"WHERE {Y21} GROUP BY monthname(e.datetime)) "
            "SELECT m FROM g WHERE n > (SELECT AVG(n) FROM g)",
        ),
    ),
    Case(
        "Departments above the average number of hires in 2020, with their hires",
        "WITH g AS (SELECT d.id, d.department, COUNT(*) AS n "
        f"FROM {PER_DEPARTMENT} WHERE {Y20} GROUP BY d.id, d.department) "
        "SELECT department, n FROM g WHERE n > (SELECT AVG(n) FROM g)",
        "mean",
    ),
    # -- rankings with limit and offset
    Case(
        "Top 5 departments by hires in 2021",
        per_department(Y21) + " ORDER BY COUNT(*) DESC LIMIT 5",
        "rank",
        ordered=True,
        key=(1,),
    ),
    Case(
        "Which department had the second most hires in 2022?",
        f"SELECT department FROM ({per_department(Y22, 'COUNT(*) AS n')}) "
        "ORDER BY n DESC LIMIT 1 OFFSET 1",
        "rank",
    ),
    Case(
        "Bottom 3 departments by number of hires in 2020",
        per_department(Y20) + " ORDER BY COUNT(*) LIMIT 3",
        "rank",
        ordered=True,
        key=(1,),
    ),
    Case(
        "What were our three busiest months in 2021?",
        "SELECT month(e.datetime), COUNT(*) FROM hired_employees e "
        f"WHERE {Y21} GROUP BY month(e.datetime) ORDER BY COUNT(*) DESC LIMIT 3",
        "rank",
        ordered=True,
        key=(1,),
        everyday=True,
        also=(
            "SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {Y21} GROUP BY monthname(e.datetime) ORDER BY COUNT(*) DESC LIMIT 3",
        ),
    ),
    Case(
        "Which two jobs did we hire for most in 2022?",
        f"SELECT job FROM ({per_job(Y22, 'COUNT(*) AS n')}) ORDER BY n DESC LIMIT 2",
        "rank",
        everyday=True,
        note="the two tie with 11 hires each; the third has 10",
    ),
    Case(
        "Which of our teams is the smallest?",
        f"SELECT department FROM ({per_department('TRUE', 'COUNT(*) AS n')}) ORDER BY n LIMIT 1",
        "rank",
        everyday=True,
        note="no one leaves in this data: a team's size is its hires",
    ),
    Case(
        "Which day of the week do most of our hires start on?",
        "SELECT dayname(e.datetime) FROM hired_employees e "
        "GROUP BY dayname(e.datetime) ORDER BY COUNT(*) DESC LIMIT 1",
        "rank",
        everyday=True,
        also=(
            "SELECT isodow(e.datetime) FROM hired_employees e "
            "GROUP BY isodow(e.datetime) ORDER BY COUNT(*) DESC LIMIT 1",
        ),
    ),
    Case(
        "Which team hired the most people last year?",
        f"SELECT department FROM ({per_department(Y22, 'COUNT(*) AS n')}) ORDER BY n DESC LIMIT 1",
        "rank",
        everyday=True,
    ),
    Case(
        "Which department had the fewest hires in 2021?",
        f"SELECT department FROM ({per_department(Y21, 'COUNT(*) AS n')}) ORDER BY n LIMIT 1",
        "rank",
    ),
    Case(
        "Which departments ranked 2nd to 4th by hires in 2020?",
        per_department(Y20) + " ORDER BY COUNT(*) DESC LIMIT 3 OFFSET 1",
        "rank",
        ordered=True,
        key=(1,),
    ),
    Case(
        "Which job has Research and Development hired for the most?",
        f"SELECT job FROM ({per_job(departments('Research and Development'), 'COUNT(*) AS n')}) "
        "ORDER BY n DESC LIMIT 1",
        "rank",
    ),
    Case(
        "Rank the departments by hires in 2022",
        per_department(Y22) + " ORDER BY COUNT(*) DESC",
        "rank",
        ordered=True,
        key=(1,),
    ),
    Case(
        "Which quarter of 2022 was our slowest for hiring?",
        "SELECT quarter(e.datetime) FROM hired_employees e "
        f"WHERE {Y22} GROUP BY quarter(e.datetime) ORDER BY COUNT(*) LIMIT 1",
        "rank",
        everyday=True,
        also=(
            "SELECT 'Q' || quarter(e.datetime) FROM hired_employees e "
            f"WHERE {Y22} GROUP BY quarter(e.datetime) ORDER BY COUNT(*) LIMIT 1",
        ),
    ),
    # -- comparing two periods
    Case(
        "Compare hires per department in 2021 and 2022",
        _per_department_both(Y21, Y22),
        "compare",
        also=_per_group_long("d.department", PER_DEPARTMENT, Y21, Y22),
    ),
    Case(
        "How did hiring in Q1 compare with Q2 in 2022?",
        _two_periods(span("2022-01-01", "2022-04-01"), span("2022-04-01", "2022-07-01"))[0],
        "compare",
        also=_two_periods(span("2022-01-01", "2022-04-01"), span("2022-04-01", "2022-07-01"))[1:],
    ),
    Case(
        "Compare Training's hiring in 2020 with 2022",
        _two_periods(Y20, Y22, departments("Training"))[0],
        "compare",
        everyday=True,
        also=_two_periods(Y20, Y22, departments("Training"))[1:],
    ),
    Case(
        "Hires per quarter in 2021 versus 2022",
        "SELECT quarter(e.datetime), COUNT(*) FILTER (WHERE year(e.datetime) = 2021), "
        "COUNT(*) FILTER (WHERE year(e.datetime) = 2022) FROM hired_employees e "
        f"WHERE {span('2021-01-01', '2023-01-01')} GROUP BY quarter(e.datetime)",
        "compare",
        also=(
            "SELECT year(e.datetime), quarter(e.datetime), COUNT(*) FROM hired_employees e "
            f"WHERE {span('2021-01-01', '2023-01-01')} "
            "GROUP BY year(e.datetime), quarter(e.datetime)",
        ),
    ),
    Case(
        "How does Marketing's first half of 2021 stack up against its first half of 2022?",
        _two_periods(
            span("2021-01-01", "2021-07-01"),
            span("2022-01-01", "2022-07-01"),
            departments("Marketing"),
        )[0],
        "compare",
        everyday=True,
        also=_two_periods(
            span("2021-01-01", "2021-07-01"),
            span("2022-01-01", "2022-07-01"),
            departments("Marketing"),
        )[1:],
    ),
    Case(
        "Compare hires per job in Legal between 2020 and 2022",
        "SELECT j.job, COUNT(*) FILTER (WHERE "
        f"{Y20}), COUNT(*) FILTER (WHERE {Y22}) FROM {PER_JOB} "
        f"WHERE ({Y20} OR {Y22}) AND {departments('Legal')} GROUP BY j.id, j.job",
        "compare",
        also=_per_group_long("j.job", PER_JOB, Y20, Y22, departments("Legal")),
    ),
]
