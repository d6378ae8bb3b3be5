"""The analyst trap set: questions a careless engine answers as a different, easier question.

Written with analyst_set.py, under the same rules (the engine and the other
sets' questions unread, no engine run on these) and the same answer
conventions (analyst_set.py's docstring). Each trap has the gold of its true
reading; an engine passes a trap by answering it right or by refusing, and
fails it by answering anything else.

The kinds (``shape``):

- ``negated_lookup``: a negation inside a list or lookup ("which Legal hires
  did not start in 2021"), which must not be dropped or moved to another part of
  the question. Exclusions keep people without a department or job.
- ``family_exclusion``: a job family with part of it taken out
  ("statisticians other than level IV").
- ``one_sided_filter``: a difference, sum or share whose filter applies to
  one side only ("Sales' engineers of 2021 against everyone Legal ever
  hired"): the other side keeps its own, wider, scope.
- ``lookalike_word``: an ordinary word or a job title that contains a
  department's name ("accounting for", "a sales pitch", "paralegals",
  "Marketing Managers"), which must not become a department filter.
- ``open_period``: a period with no year ("in Q2", "in March", "last month"),
  which is that period in the latest year with data (2022) or read at
  TODAY, never every year's together, never all time.
- ``impossible``: data the tables do not hold (salary, gender, leavers,
  managers, age, location). The gold is a sentinel row no honest answer
  holds, so only a refusal passes: an empty answer would match an empty gold
  (``scoring.matches([], [])``), and an engine must not answer with nothing
  as if nobody matched.
"""

from __future__ import annotations

from tests.resolvers.core.questions.analyst_set import (
    Y2021,
    Y2022,
    day,
    family,
    minus,
    month,
    months,
    not_family,
    quarter,
)
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
    percent,
    year,
)

NOT_IN_THE_DATA = "SELECT 'not in the data' AS refusal"
"""Gold for questions the tables cannot answer: only a refusal passes it."""


def impossible(question: str, missing: str) -> Case:
    return Case(
        question,
        NOT_IN_THE_DATA,
        "impossible",
        everyday=True,
        note=f"the tables hold no {missing}: the right response is a refusal",
    )


def at_level(*levels: str) -> str:
    """Hired into a title ending in one of the levels (I, II, III, IV)."""
    alternatives = "|".join(levels)
    return f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, ' ({alternatives})$'))"


# -- negated_lookup ---------------------------------------------------------------------

NEGATED_LOOKUP = [
    Case(
        "which Legal hires did NOT start in 2021?",
        names(f"{departments('Legal')} AND NOT ({Y2021})"),
        "negated_lookup",
    ),
    Case(
        "which Compliance people weren't hired in 2020",
        names(f"{departments('Compliance')} AND NOT ({year(2020)})"),
        "negated_lookup",
        everyday=True,
    ),
    Case(
        "Which departments didn't hire anybody in 2022?",
        "SELECT d.department FROM departments d WHERE d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {Y2022} AND e.department_id IS NOT NULL)",
        "negated_lookup",
    ),
    Case(
        "which job titles has nobody ever been hired into?",
        "SELECT job FROM jobs WHERE id NOT IN "
        "(SELECT job_id FROM hired_employees WHERE job_id IS NOT NULL)",
        "negated_lookup",
        everyday=True,
    ),
    Case(
        "who in the second Support team (id 13) was hired outside 2021 and 2022",
        names(f"e.department_id = 13 AND NOT ({Y2021}) AND NOT ({Y2022})"),
        "negated_lookup",
        everyday=True,
    ),
    Case(
        "Which departments hired no statisticians at all in 2021?",
        "SELECT d.department FROM departments d WHERE d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {family('Statistician')} AND {Y2021} "
        "AND e.department_id IS NOT NULL)",
        "negated_lookup",
    ),
    Case(
        "how many Q1 2022 hires are not in R&D",
        count(f"{not_departments('Research and Development')} AND {quarter(2022, 1)}"),
        "negated_lookup",
        everyday=True,
        note="people without a department are not in R&D and count",
    ),
    Case(
        "how many 2021 hires were not web developers?",
        count(f"{not_family('Web Developer')} AND {Y2021}"),
        "negated_lookup",
        everyday=True,
        note="people without a job are not web developers and count",
    ),
    Case(
        "list the Legal hires who aren't in any kind of engineering role",
        names(f"{departments('Legal')} AND {not_family('Engineer')}"),
        "negated_lookup",
        everyday=True,
        note="Legal's hires whose title lacks the word Engineer (or who have no title)",
    ),
    Case(
        "Which of our 2021 hires in Compliance or Legal did not start in the second half?",
        names(f"{departments('Compliance', 'Legal')} AND {months(2021, 1, 6)}"),
        "negated_lookup",
    ),
]

# -- family_exclusion -------------------------------------------------------------------

FAMILY_EXCLUSION = [
    Case(
        "statisticians other than the level IV ones - how many have we hired?",
        count(f"{family('Statistician')} AND NOT {family('Statistician IV')}"),
        "family_exclusion",
        everyday=True,
        note="Statistician I-III, all time",
    ),
    Case(
        "How many engineers did we hire in 2021 if you leave out the software test engineers?",
        count(f"{family('Engineer')} AND NOT {family('Software Test Engineer')} AND {Y2021}"),
        "family_exclusion",
    ),
    Case(
        "designers, but not web designers: how many ever?",
        count(f"{family('Designer')} AND NOT {family('Web Designer')}"),
        "family_exclusion",
        everyday=True,
        note="Graphic Designer only",
    ),
    Case(
        "DBAs by level, leaving out level I",
        f"SELECT regexp_extract(j.job, ' (I|II|III|IV)$', 1), COUNT(*) FROM {PER_JOB} "
        f"WHERE {family('Database Administrator')} AND NOT {at_level('I')} GROUP BY 1",
        "family_exclusion",
        also=(
            f"SELECT j.job, COUNT(*) FROM {PER_JOB} WHERE {family('Database Administrator')} "
            f"AND NOT {at_level('I')} GROUP BY j.id, j.job",
        ),
        everyday=True,
    ),
    Case(
        "accountants apart from staff accountants, hired in 2022?",
        count(f"{family('Accountant')} AND NOT {family('Staff Accountant')} AND {Y2022}"),
        "family_exclusion",
        everyday=True,
        note="Accountant I-IV, Cost, Senior Cost and Tax Accountant",
    ),
    Case(
        "How many programmers have we hired, not counting the programmer analysts?",
        count(f"{family('Programmer')} AND NOT {family('Programmer Analyst')}"),
        "family_exclusion",
        note="Programmer I/III/IV and Analyst Programmer (a programmer, not a programmer analyst)",
    ),
    Case(
        "safety technicians above level II hired in 2021",
        count(f"{family('Safety Technician')} AND {at_level('III', 'IV')} AND {Y2021}"),
        "family_exclusion",
        everyday=True,
        note="levels III and IV",
    ),
    Case(
        "developers excluding senior developers, how many in 2022",
        count(f"{family('Developer')} AND NOT {family('Senior Developer')} AND {Y2022}"),
        "family_exclusion",
        everyday=True,
    ),
    Case(
        "All the web developers except level III, per department",
        per_department(f"{family('Web Developer')} AND NOT {family('Web Developer III')}"),
        "family_exclusion",
    ),
    Case(
        "how many engineers in total, minus the level I ones?",
        count(f"{family('Engineer')} AND NOT {at_level('I')}"),
        "family_exclusion",
        everyday=True,
        note="every Engineer title except those ending in level I (Engineer I, Software "
        "Engineer I, Software Test Engineer I)",
    ),
]

# -- one_sided_filter -------------------------------------------------------------------

_TRAINING_2021 = f"{departments('Training')} AND {Y2021}"
_TRAINING_2022 = count(f"{departments('Training')} AND {Y2022}")
_DEPT_2021_MEAN = (
    f"SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM {PER_DEPARTMENT} WHERE {Y2021} GROUP BY d.id)"
)

ONE_SIDED_FILTER = [
    Case(
        "by how many did Sales' 2021 engineer hires exceed everyone Legal has ever hired?",
        minus(f"{departments('Sales')} AND {family('Engineer')} AND {Y2021}", departments("Legal")),
        "one_sided_filter",
        everyday=True,
        note="engineers in Sales in 2021, minus every Legal hire of any year and title",
    ),
    Case(
        "difference between R&D's Q1 2022 hires and Training's hires for all of 2022",
        minus(
            f"{departments('Research and Development')} AND {quarter(2022, 1)}",
            f"{departments('Training')} AND {Y2022}",
        ),
        "one_sided_filter",
        everyday=True,
    ),
    Case(
        "Marketing hired how many more people in 2021 than Accounting did across all years?",
        minus(f"{departments('Marketing')} AND {Y2021}", departments("Accounting")),
        "one_sided_filter",
    ),
    Case(
        "DBAs hired in 2022 plus every statistician we've ever hired - total?",
        count(f"({family('Database Administrator')} AND {Y2022}) OR {family('Statistician')}"),
        "one_sided_filter",
        everyday=True,
    ),
    Case(
        "of Training's 2021 hires, what percent were teachers?",
        percent(jobs("Teacher"), _TRAINING_2021),
        "one_sided_filter",
        everyday=True,
        note="the whole is Training's 2021 hires, as the question names it",
    ),
    Case(
        "How many more people did R&D hire in 2022 than Legal, Accounting and Compliance "
        "hired together in all three years?",
        minus(
            f"{departments('Research and Development')} AND {Y2022}",
            departments("Legal", "Accounting", "Compliance"),
        ),
        "one_sided_filter",
    ),
    Case(
        "support's Q4 2022 hires minus all of support's 2021 hires",
        minus(
            f"{departments('Support')} AND {quarter(2022, 4)}",
            f"{departments('Support')} AND {Y2021}",
        ),
        "one_sided_filter",
        everyday=True,
    ),
    Case(
        "how far above the 2021 average department was Training's 2022 hiring?",
        f"SELECT ({_TRAINING_2022}) - ({_DEPT_2021_MEAN})",
        "one_sided_filter",
        everyday=True,
        note="Training's 2022 hires minus the 2021 mean over all departments",
    ),
    Case(
        "what share of ALL hires ever were HR's 2021 hires?",
        percent(f"{departments('Human Resources')} AND {Y2021}", "TRUE"),
        "one_sided_filter",
        everyday=True,
        note="the whole is every hire of every year",
    ),
    Case(
        "Combined: Engineering's engineers from 2020 and everyone Engineering hired in 2022.",
        count(
            f"{departments('Engineering')} AND (({family('Engineer')} AND {year(2020)}) OR {Y2022})"
        ),
        "one_sided_filter",
    ),
]

# -- lookalike_word ---------------------------------------------------------------------

LOOKALIKE_WORD = [
    Case(
        "Accounting for everyone, whatever their department, how many people joined in March 2022?",
        count(month(2022, 3)),
        "lookalike_word",
        everyday=True,
        note="'accounting for' is not the Accounting department",
    ),
    Case(
        "for a sales pitch to leadership: how many hires in Q4 2022 overall?",
        count(quarter(2022, 4)),
        "lookalike_word",
        everyday=True,
    ),
    Case(
        "how many paralegals did we hire in 2021",
        count(f"{jobs('Paralegal')} AND {Y2021}"),
        "lookalike_word",
        everyday=True,
        note="the Paralegal title in any department, not the Legal department",
    ),
    Case(
        "I need your support on this one: how many people were hired in June 2021?",
        count(month(2021, 6)),
        "lookalike_word",
        everyday=True,
    ),
    Case(
        "how many Marketing Managers did we take on in 2022",
        count(f"{jobs('Marketing Manager')} AND {Y2022}"),
        "lookalike_word",
        everyday=True,
        note="the title, in any department",
    ),
    Case(
        "Interns aside, how many people did we hire in 2020?",
        count(year(2020)),
        "lookalike_word",
        everyday=True,
        note="no title is an intern (an Internal Auditor is not one): every 2020 hire",
    ),
    Case(
        "how many Sales Representatives has R&D ever hired?",
        count(f"{jobs('Sales Representative')} AND {departments('Research and Development')}"),
        "lookalike_word",
    ),
    Case(
        "for compliance reasons I need the total number of hires in 2021",
        count(Y2021),
        "lookalike_word",
        everyday=True,
    ),
    Case(
        "How many Human Resources Managers were hired, in any department?",
        count(jobs("Human Resources Manager")),
        "lookalike_word",
    ),
    Case(
        "legally I have to report this - how many people did we hire in H1 2022?",
        count(months(2022, 1, 6)),
        "lookalike_word",
        everyday=True,
    ),
    Case(
        "just for my training notes, how many hires in jan 2021?",
        count(month(2021, 1)),
        "lookalike_word",
        everyday=True,
    ),
    Case(
        "how many recruiters have we hired?",
        count(jobs("Recruiter")),
        "lookalike_word",
        everyday=True,
        note="the Recruiter title; a Recruiting Manager is another title",
    ),
    Case(
        "desktop support technicians hired in 2022?",
        count(f"{jobs('Desktop Support Technician')} AND {Y2022}"),
        "lookalike_word",
        everyday=True,
        note="the title, in any department, not the Support departments",
    ),
    Case(
        "how many accounting assistants did Marketing hire",
        count(f"{family('Accounting Assistant')} AND {departments('Marketing')}"),
        "lookalike_word",
        everyday=True,
        note="Accounting Assistant I-IV in the Marketing department",
    ),
    Case(
        "Thanks for your services! One more: how many hires did Engineering make in 2020?",
        count(f"{departments('Engineering')} AND {year(2020)}"),
        "lookalike_word",
        everyday=True,
    ),
    Case(
        "we're reverse-engineering last year's plan: total hires in Q2 2022?",
        count(quarter(2022, 2)),
        "lookalike_word",
        everyday=True,
    ),
]

# -- open_period ------------------------------------------------------------------------

OPEN_PERIOD = [
    Case(
        "how many hires in Q2?",
        count(quarter(2022, 2)),
        "open_period",
        everyday=True,
        note="no year: Q2 2022",
    ),
    Case(
        "how many people joined in March",
        count(month(2022, 3)),
        "open_period",
        everyday=True,
        note="no year: March 2022",
    ),
    Case(
        "hires on July 4th?",
        count(day("2022-07-04")),
        "open_period",
        everyday=True,
        note="no year: 4 July 2022",
    ),
    Case(
        "so far this year, how many people have come on board?",
        count("e.datetime >= TIMESTAMP '2023-01-01'"),
        "open_period",
        everyday=True,
        note="this year at TODAY is 2023: nobody yet, 0",
    ),
    Case(
        "how many did we hire over the summer?",
        count(months(2022, 6, 8)),
        "open_period",
        everyday=True,
        note="no year: summer 2022",
    ),
    Case(
        "How many did R&D hire in the second half?",
        count(f"{departments('Research and Development')} AND {months(2022, 7, 12)}"),
        "open_period",
        note="no year: H2 2022",
    ),
    Case(
        "hires last month",
        count(month(2022, 12)),
        "open_period",
        everyday=True,
        note="last month at TODAY is December 2022",
    ),
    Case(
        "who joined on christmas eve?",
        names(day("2022-12-24")),
        "open_period",
        everyday=True,
        note="no year: 24 December 2022",
    ),
    Case(
        "what was the busiest month of Q4?",
        "SELECT month(e.datetime) FROM hired_employees e WHERE "
        f"{quarter(2022, 4)} GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1",
        "open_period",
        also=(
            "SELECT monthname(e.datetime) FROM hired_employees e WHERE "
            f"{quarter(2022, 4)} GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1",
        ),
        everyday=True,
        note="no year: Q4 2022 (November)",
    ),
    Case(
        "How many hires in February?",
        count(month(2022, 2)),
        "open_period",
        note="no year: February 2022",
    ),
    Case(
        "hires per department in Q1",
        per_department(quarter(2022, 1)),
        "open_period",
        everyday=True,
        note="no year: Q1 2022",
    ),
]

# -- impossible -------------------------------------------------------------------------

IMPOSSIBLE = [
    impossible("What's the average salary of the people we hired in 2021?", "salaries"),
    impossible("how many women did we hire in 2022?", "gender"),
    impossible("how many of the 2021 hires have since left the company", "leaving dates"),
    impossible("who is Harold Vogt's manager?", "reporting lines"),
    impossible("what's the average age of our new hires", "birth dates"),
    impossible("Which office location hired the most people in 2022?", "locations"),
    impossible("how many 2022 hires passed their probation?", "probation outcomes"),
    impossible("what's Engineering's attrition rate?", "leavers"),
    impossible("how many hires in 2021 were remote vs on-site", "work arrangements"),
    impossible("which recruiting agency brought us the most hires?", "hiring sources"),
]

CASES: list[Case] = (
    NEGATED_LOOKUP + FAMILY_EXCLUSION + ONE_SIDED_FILTER + LOOKALIKE_WORD + OPEN_PERIOD + IMPOSSIBLE
)
