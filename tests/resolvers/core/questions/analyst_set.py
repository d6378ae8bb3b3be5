"""The analyst set: questions as HR analysts type them in chat and email, with hand-written gold.

A second held-out set, written (like heldout_set.py) by someone who never read
the engine (resolvers/core/questions/), the development questions, the
held-out or trap questions, and who never ran an engine on these questions:
measure on it, never tune to it. A miss worth fixing becomes a new
*development* question, never an edit here.

The data is ``gold.load`` (see gold.py); relative dates are read at
``gold.TODAY``, midnight UTC on 1 January 2023.

Answer conventions. Those of heldout_set.py hold here unchanged; the ones
these questions lean on, in short:

- **Rows, not names**: answers compare by value as multisets of rows (in
  order only where the question asks for one, and then only on the ``key``
  columns); numbers compare rounded to 1 decimal; extra columns are welcome,
  extra or missing rows are not.
- **Counts** are one row, one value, 0 when nothing matches, never a wider
  period.
- **Per-group counts** list only groups with at least one matching hire,
  unless the question is about groups without hires. Departments and jobs
  are groups by id: the two departments named "Support" are two rows, and
  "Support" in a question means both. People without a department (job) are
  left out of per-department (per-job) groupings and counted in totals.
- **Excluding** a department or job keeps the people without one.
- **Averages per department** are over the departments with a hire in the
  period (every question picks a period where all departments hired);
  "more than" is strict, "at least" is not, "between A and B" includes both.
- **Shares** are percentages 0-100 of every hire in the same period, unless
  the question names another whole ("of Training's hires").
- **Differences**: "how many more A than B" and "A minus B" are A - B;
  "fewer A than B" is B - A; "growth / change from A to B" is B - A; a
  difference between two periods also accepts the other sign.
- **Employee lists** compare on names (unique here); hire times as ISO-8601
  UTC ('2021-11-07T02:48:42Z'), or dates ('2021-11-07') where a date answers.
- **Dates** are UTC; "from A to B", "between A and B" include both days;
  quarters and halves are of the calendar year; seasons are meteorological
  (spring March-May, summer June-August, autumn/fall September-November).
- **Labels**: years and quarters as numbers; months as numbers 1-12 (names
  also accepted); weekdays as English names (ISO numbers also accepted).

Conventions added for the kinds of question new here:

- **Everyday words**: people, folks, staff, new starters, new joiners,
  recruits, "came on board", "onboarded", "took on", "brought in" all mean
  hires. Titles, roles and positions are jobs; teams, depts and orgs are
  departments. "HR" is Human Resources, "R&D" Research and Development, "biz
  dev"/"BD" Business Development, "Product Mgmt" Product Management. The
  tables hold hires and nothing else (no leavers), so "how many people does
  X have" is how many X ever hired.
- **A job family** named by a word ("statisticians", "designers",
  "engineers", "programmers", "developers", "technicians", "accountants",
  "managers") is every title holding that word as a whole word, in any case
  and position, singular or plural: "statisticians" are Statistician I-IV
  (a Biostatistician is another word), "designers" are Graphic Designer and
  Web Designer I-IV (a Design Engineer is not a designer), "developers" are
  Developer I-IV, Web Developer I-III and Senior Developer (not "Business
  Systems Development Analyst"), "programmers" take in Programmer Analyst
  and Analyst Programmer. A phrase ("software engineers", "web designers")
  is those words together, in that order. "DBAs" are Database Administrator
  I-IV, "sysadmins" Systems Administrator II and IV. "Technicians" are the
  titles with the word Technician; Environmental Tech is also accepted.
- **Levels**: the roman numeral I, II, III or IV that ends a title. "By
  level" gives one row per level with hires, labelled 'I'..'IV' (the full
  titles, or the numbers 1-4, also accepted); "level IV hires" are those in
  any title ending in IV; "above level II" is III and IV.
- **A period left open** ("Q2", "in March", "the summer", "on July 4th"
  with no year anywhere in the question) is that period in the latest year
  with data, 2022. Never every year's Q2 together.
- **Named days**: New Year's Day 2022 is 2022-01-01, Valentine's Day the
  14th of February, Halloween the 31st of October, Christmas Eve the 24th and
  New Year's Eve the 31st of December.
- **Shares and averages** may come at full precision (scoring rounds to 1
  decimal).
- **Ordinal lists**: "the first six people we ever hired" are ordered by hire
  time, earliest first; "the latest five" newest first.
- **Ranks within groups** ("the top job in each department", "each
  department's busiest quarter") keep every row that ties for first place,
  one row per group and winner (the count is welcome, not required).
- **Lists answer with what they list**: "which departments ...", "top 3
  titles" need the names; counts beside them are welcome, not required.
- **Lookups of one person** return what was asked (a date for "when", the
  department or job title by name); a missing department or job is a NULL in
  its column, not a missing row.
"""

from __future__ import annotations

from datetime import date, timedelta

from tests.resolvers.core.questions.gold import (
    PER_DEPARTMENT,
    PER_JOB,
    Case,
    count,
    departments,
    names,
    per_department,
    per_job,
    percent,
    span,
    year,
)


def day(d: str) -> str:
    """Hired on that calendar day (UTC)."""
    return span(d, (date.fromisoformat(d) + timedelta(days=1)).isoformat())


def days(first: str, last: str) -> str:
    """Hired from ``first`` to ``last``, both days included."""
    return span(first, (date.fromisoformat(last) + timedelta(days=1)).isoformat())


def month(y: int, m: int) -> str:
    end = f"{y + 1}-01-01" if m == 12 else f"{y}-{m + 1:02d}-01"
    return span(f"{y}-{m:02d}-01", end)


def months(y: int, first: int, last: int) -> str:
    end = f"{y + 1}-01-01" if last == 12 else f"{y}-{last + 1:02d}-01"
    return span(f"{y}-{first:02d}-01", end)


def quarter(y: int, q: int) -> str:
    return months(y, 3 * q - 2, 3 * q)


def family(*words: str) -> str:
    """Hired into a title holding one of the words (or phrases) as whole words, in any case."""
    alternatives = "|".join(words)
    return (
        f"e.job_id IN (SELECT id FROM jobs WHERE regexp_matches(job, '(?i)\\b({alternatives})\\b'))"
    )


def not_family(*words: str) -> str:
    """Not in the family; people without a job are kept (they are not in it)."""
    return f"(e.job_id IS NULL OR NOT {family(*words)})"


LEVEL = "regexp_extract(j.job, ' (I|II|III|IV)$', 1)"
LEVEL_NUMBER = f"CASE {LEVEL} WHEN 'I' THEN 1 WHEN 'II' THEN 2 WHEN 'III' THEN 3 ELSE 4 END"


def by_level(where: str) -> tuple[str, tuple[str, ...]]:
    """Hires per level (gold), then the accepted encodings: per full title, per level number."""
    where = f"{where} AND {LEVEL} <> ''"
    return (
        f"SELECT {LEVEL}, COUNT(*) FROM {PER_JOB} WHERE {where} GROUP BY 1",
        (
            f"SELECT j.job, COUNT(*) FROM {PER_JOB} WHERE {where} GROUP BY j.id, j.job",
            f"SELECT {LEVEL_NUMBER}, COUNT(*) FROM {PER_JOB} WHERE {where} GROUP BY 1",
        ),
    )


def hired_on(where: str) -> tuple[str, tuple[str, ...]]:
    """Names with their hire date (gold), or with their hire time (accepted)."""
    return (
        f"SELECT e.name, CAST(e.datetime AS DATE) FROM hired_employees e WHERE {where}",
        (f"SELECT e.name, e.datetime FROM hired_employees e WHERE {where}",),
    )


def person(name: str) -> str:
    return "e.name = '" + name.replace("'", "''") + "'"


def when(name: str) -> tuple[str, tuple[str, ...]]:
    """One person's hire date (gold) or hire time (accepted)."""
    return (
        f"SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE {person(name)}",
        (f"SELECT e.datetime FROM hired_employees e WHERE {person(name)}",),
    )


def either_sign(a: str, b: str) -> tuple[str, tuple[str, ...]]:
    """A - B for two WHERE clauses (gold), B - A accepted (a difference between periods)."""
    sql = f"SELECT ({count(a)}) - ({count(b)})"
    return sql, (f"SELECT ({count(b)}) - ({count(a)})",)


def minus(a: str, b: str) -> str:
    return f"SELECT ({count(a)}) - ({count(b)})"


def month_labels(where: str) -> tuple[str, tuple[str, ...]]:
    """Hires per month number (gold), or per English month name (accepted)."""
    return (
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {where} GROUP BY 1",
        (
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {where} "
            "GROUP BY 1",
        ),
    )


def top_within(
    group: tuple[str, str], item: tuple[str, str], joins: str, where: str, order: str = "DESC"
) -> str:
    """For each group, the items with the most hires (ties kept); a count is not required.

    ``group`` and ``item`` are (key, label) pairs: departments and jobs group by
    id and show their name.
    """
    (group_key, group_label), (item_key, item_label) = group, item
    return (
        f"SELECT g, i FROM (SELECT {group_label} AS g, {item_label} AS i, COUNT(*) AS n, "
        f"RANK() OVER (PARTITION BY {group_key} ORDER BY COUNT(*) {order}) AS r "
        f"FROM {joins} WHERE {where} "
        f"GROUP BY {group_key}, {group_label}, {item_key}, {item_label}) WHERE r = 1"
    )


DEPARTMENT = ("d.id", "d.department")
JOB = ("j.id", "j.job")
YEAR = ("year(e.datetime)", "year(e.datetime)")
QUARTER = ("quarter(e.datetime)", "quarter(e.datetime)")
MONTH = ("month(e.datetime)", "month(e.datetime)")


def department_counts(where: str) -> str:
    """id, name and hires of every department with a hire matching ``where`` (a CTE body)."""
    return (
        f"SELECT d.id, d.department, COUNT(*) AS n FROM {PER_DEPARTMENT} WHERE {where} "
        "GROUP BY d.id, d.department"
    )


DEPT_JOB = f"{PER_DEPARTMENT} JOIN jobs j ON j.id = e.job_id"
Y2021 = year(2021)
Y2022 = year(2022)

# -- vocabulary: everyday words, abbreviations, polite wrappers, typos -----------------------

VOCABULARY = [
    Case(
        "how many new starters did HR have in 2022?",
        count(f"{departments('Human Resources')} AND {Y2022}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "would you grab the number of folks R&D onboarded in 2021? only need the figure, ta",
        count(f"{departments('Research and Development')} AND {Y2021}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "one figure for my deck: how many people did we take on in 2020 in total",
        count(year(2020)),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many peopel came on board in the Engineering dept in the first half of 2022",
        count(f"{departments('Engineering')} AND {months(2022, 1, 6)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Can I get the count of distinct positions we recruited for in 2021?",
        f"SELECT COUNT(DISTINCT e.job_id) FROM hired_employees e WHERE {Y2021}",
        "vocabulary",
        everyday=True,
        note="positions are job titles; titles with at least one 2021 hire",
    ),
    Case(
        "whcih roles did Legal hire for in 2022",
        f"SELECT j.job FROM {PER_JOB} WHERE {departments('Legal')} AND {Y2022} "
        "GROUP BY j.id, j.job",
        "vocabulary",
        everyday=True,
        note="the distinct titles Legal hired into in 2022",
    ),
    Case(
        "how many hries did biz dev make in Q3 2021",
        count(f"{departments('Business Development')} AND {quarter(2021, 3)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "new joiners per dept for 2022 pls",
        per_department(Y2022),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "staff brought in by marketing in Novemebr 2021?",
        count(f"{departments('Marketing')} AND {month(2021, 11)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Could you tell me how many people the accounting team onboarded last year?",
        count(f"{departments('Accounting')} AND {Y2022}"),
        "vocabulary",
        everyday=True,
        note="last year at TODAY is 2022",
    ),
    Case(
        "what's the number of recruits in Product Mgmt for 2021",
        count(f"{departments('Product Management')} AND {Y2021}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "Can you check how many hires the legal team has made, ever?",
        count(departments("Legal")),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many employees joined w/o a dept assigned in 2022",
        count(f"e.department_id IS NULL AND {Y2022}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "roles per team - how many different titles did each department hire in 2022?",
        per_department(Y2022, "COUNT(DISTINCT e.job_id)"),
        "vocabulary",
        everyday=True,
        note="titles with a hire in that department in 2022; hires without a job add no title",
    ),
    Case(
        "number of R and D recruits in december 2022?",
        count(f"{departments('Research and Development')} AND {month(2022, 12)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "how many people does the HR org have?",
        count(departments("Human Resources")),
        "vocabulary",
        everyday=True,
        note="no leavers in the data: everyone HR ever hired",
    ),
    Case(
        "hey, quick one - headcount we added in Support during 2021, both support teams",
        count(f"{departments('Support')} AND {Y2021}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "whats the total of new hires in BD for 2020",
        count(f"{departments('Business Development')} AND {year(2020)}"),
        "vocabulary",
        everyday=True,
    ),
    Case(
        "no. of folks Eng brought in last quarter?",
        count(f"{departments('Engineering')} AND {quarter(2022, 4)}"),
        "vocabulary",
        everyday=True,
        note="last quarter at TODAY is Q4 2022",
    ),
]

# -- lookup: one person, a name, whom a department hired when ------------------------------

_WHEN_VOGT, _WHEN_VOGT_ALSO = when("Harold Vogt")
_WHEN_ASHLEY, _WHEN_ASHLEY_ALSO = when("Ashley Dickey")
_WHEN_FERRIS, _WHEN_FERRIS_ALSO = when("Ferris Hammerberger")
_LEGAL_AUG, _LEGAL_AUG_ALSO = hired_on(f"{departments('Legal')} AND {month(2021, 8)}")
_SERVICES_FEB, _SERVICES_FEB_ALSO = hired_on(f"{departments('Services')} AND {month(2022, 2)}")
_LACEE = person("Lacee O'Hingerty")
_ELIA = person("Elia D'Enrico")

LOOKUP = [
    Case(
        "when did Harold Vogt join?",
        _WHEN_VOGT,
        "lookup",
        also=_WHEN_VOGT_ALSO,
        everyday=True,
    ),
    Case(
        "what dept is Lacee O'Hingerty in",
        f"SELECT d.department FROM {PER_DEPARTMENT} WHERE {_LACEE}",
        "lookup",
        everyday=True,
    ),
    Case(
        "What's Jimmie Jack's job title?",
        f"SELECT j.job FROM {PER_JOB} WHERE {person('Jimmie Jack')}",
        "lookup",
    ),
    Case(
        "Can you look up Thia Morican for me: which department and which role?",
        "SELECT d.department, j.job FROM hired_employees e "
        "LEFT JOIN departments d ON d.id = e.department_id "
        f"LEFT JOIN jobs j ON j.id = e.job_id WHERE {person('Thia Morican')}",
        "lookup",
        everyday=True,
        note="she has no department: one row, NULL department, her job",
    ),
    Case(
        "how many people have the first name Putnam?",
        count("e.name LIKE 'Putnam %'"),
        "lookup",
        note="Putnam Dodd; Putnem Lippiello is another first name",
    ),
    Case(
        "who did Legal hire in August 2021? names and dates pls",
        _LEGAL_AUG,
        "lookup",
        also=_LEGAL_AUG_ALSO,
        everyday=True,
    ),
    Case(
        "When was Lucky Hadkins brought on, and in what role?",
        "SELECT CAST(e.datetime AS DATE), j.job FROM hired_employees e "
        f"LEFT JOIN jobs j ON j.id = e.job_id WHERE {person('Lucky Hadkins')}",
        "lookup",
        also=(
            "SELECT e.datetime, j.job FROM hired_employees e "
            f"LEFT JOIN jobs j ON j.id = e.job_id WHERE {person('Lucky Hadkins')}",
        ),
        everyday=True,
    ),
    Case(
        "who's employee id 3042?",
        names("e.id = 3042"),
        "lookup",
        everyday=True,
    ),
    Case(
        "anyone called Brook on the books? full name please",
        names("e.name LIKE 'Brook %'"),
        "lookup",
        everyday=True,
        note="first name Brook",
    ),
    Case(
        "is there an Ashley Dickey in the data and when did she start",
        _WHEN_ASHLEY,
        "lookup",
        also=_WHEN_ASHLEY_ALSO,
        everyday=True,
    ),
    Case(
        "Who joined Compliance in 2021?",
        names(f"{departments('Compliance')} AND {Y2021}"),
        "lookup",
    ),
    Case(
        "which people did the second Support team (id 13) hire in September 2022",
        names(f"e.department_id = 13 AND {month(2022, 9)}"),
        "lookup",
        everyday=True,
    ),
    Case(
        "what's Wilt Di Francesco's employee id",
        f"SELECT e.id FROM hired_employees e WHERE {person('Wilt Di Francesco')}",
        "lookup",
        everyday=True,
    ),
    Case(
        "Which Services hires started in February 2022, and on what date?",
        _SERVICES_FEB,
        "lookup",
        also=_SERVICES_FEB_ALSO,
    ),
    Case(
        "what job was Elia D'Enrico hired for",
        f"SELECT j.job FROM {PER_JOB} WHERE {_ELIA}",
        "lookup",
        everyday=True,
    ),
    Case(
        "Washington Schleswig-Holstein - department and start date?",
        "SELECT d.department, CAST(e.datetime AS DATE) FROM "
        f"{PER_DEPARTMENT} WHERE {person('Washington Schleswig-Holstein')}",
        "lookup",
        also=(
            f"SELECT d.department, e.datetime FROM {PER_DEPARTMENT} "
            f"WHERE {person('Washington Schleswig-Holstein')}",
        ),
        everyday=True,
    ),
    Case(
        "how many employees still carry a placeholder name starting with 'Person'?",
        count("e.name LIKE 'Person %'"),
        "lookup",
        everyday=True,
    ),
    Case(
        "who else started the same day as Cly Butt?",
        names(
            "CAST(e.datetime AS DATE) = (SELECT CAST(datetime AS DATE) FROM hired_employees "
            f"WHERE name = 'Cly Butt') AND NOT {person('Cly Butt')}"
        ),
        "lookup",
        everyday=True,
        note="the other people hired on Cly Butt's hire date (UTC), Cly Butt left out",
    ),
    Case(
        "what department did employee 3215 go into?",
        f"SELECT d.department FROM {PER_DEPARTMENT} WHERE e.id = 3215",
        "lookup",
    ),
    Case(
        "Ferris Hammerberger - hire date pls",
        _WHEN_FERRIS,
        "lookup",
        also=_WHEN_FERRIS_ALSO,
        everyday=True,
    ),
]

# -- dates: day ranges, single days, seasons, open quarters -------------------------------

_NEW_YEAR, _NEW_YEAR_ALSO = hired_on(day("2022-01-01"))
_Q1_MONTHS, _Q1_MONTHS_ALSO = month_labels(quarter(2022, 1))
_SPRING_MONTHS, _SPRING_MONTHS_ALSO = month_labels(months(2022, 3, 5))

DATES = [
    Case(
        "how many people started between 3 March and 18 May 2022?",
        count(days("2022-03-03", "2022-05-18")),
        "dates",
    ),
    Case(
        "how many came on board on halloween 2021",
        count(day("2021-10-31")),
        "dates",
        everyday=True,
    ),
    Case(
        "hires in spring 2021?",
        count(months(2021, 3, 5)),
        "dates",
        everyday=True,
    ),
    Case(
        "feb 2022 hires, count only",
        count(month(2022, 2)),
        "dates",
        everyday=True,
    ),
    Case(
        "Q3 number please - how many hires?",
        count(quarter(2022, 3)),
        "dates",
        everyday=True,
        note="no year in the question: Q3 of 2022, the latest year with data",
    ),
    Case(
        "anyone start on new year's day 2022? who",
        _NEW_YEAR,
        "dates",
        also=_NEW_YEAR_ALSO,
        everyday=True,
    ),
    Case(
        "how many did Training hire during summer 2022",
        count(f"{departments('Training')} AND {months(2022, 6, 8)}"),
        "dates",
        everyday=True,
    ),
    Case(
        "How many people did we hire in the week of 6-12 June 2022?",
        count(days("2022-06-06", "2022-06-12")),
        "dates",
    ),
    Case(
        "number of hires in the fall of 2021",
        count(months(2021, 9, 11)),
        "dates",
        everyday=True,
    ),
    Case(
        "how many joined in a December, across all three years?",
        count("month(e.datetime) = 12"),
        "dates",
        everyday=True,
        note="every December together, as asked",
    ),
    Case(
        "How many hires landed on a weekend in 2022?",
        count(f"isodow(e.datetime) IN (6, 7) AND {Y2022}"),
        "dates",
    ),
    Case(
        "since Sept 1 2022, how many people have we hired?",
        count("e.datetime >= TIMESTAMP '2022-09-01'"),
        "dates",
        everyday=True,
    ),
    Case(
        "first quarter hires by month?",
        _Q1_MONTHS,
        "dates",
        also=_Q1_MONTHS_ALSO,
        everyday=True,
        note="no year: Q1 2022",
    ),
    Case(
        "hires between Christmas Eve and New Year's Eve 2021, inclusive",
        count(days("2021-12-24", "2021-12-31")),
        "dates",
        everyday=True,
    ),
    Case(
        "How many people started in the second half of 2020?",
        count(months(2020, 7, 12)),
        "dates",
    ),
    Case(
        "how many hires did we make before March 2020",
        count("e.datetime < TIMESTAMP '2020-03-01'"),
        "dates",
        everyday=True,
    ),
    Case(
        "monthly hires in spring pls",
        _SPRING_MONTHS,
        "dates",
        also=_SPRING_MONTHS_ALSO,
        everyday=True,
        note="no year: spring 2022, March to May",
    ),
    Case(
        "anyone hired on Valentine's Day 2022? how many",
        count(day("2022-02-14")),
        "dates",
        everyday=True,
    ),
    Case(
        "How many hires in the last 90 days?",
        count("e.datetime >= TIMESTAMP '2022-10-03'"),
        "dates",
        note="90 days back from TODAY (2023-01-01 00:00 UTC) is 2022-10-03 00:00",
    ),
    Case(
        "hires in H2 last year",
        count(months(2022, 7, 12)),
        "dates",
        everyday=True,
    ),
    Case(
        "How many people were hired from the 15th of October to the 15th of November 2022?",
        count(days("2022-10-15", "2022-11-15")),
        "dates",
    ),
    Case(
        "hires on the last day of 2021?",
        count(day("2021-12-31")),
        "dates",
        everyday=True,
    ),
]

# -- family: job families and levels --------------------------------------------------------

_STAT_LEVELS, _STAT_LEVELS_ALSO = by_level(family("Statistician"))
_WEB_DESIGN_LEVELS, _WEB_DESIGN_LEVELS_ALSO = by_level(f"{family('Web Designer')} AND {Y2021}")
_SAFETY_LEVELS, _SAFETY_LEVELS_ALSO = by_level(
    f"{family('Safety Technician')} AND {departments('Training')} AND {Y2021}"
)
_COACH_LEVELS, _COACH_LEVELS_ALSO = by_level(family("Health Coach"))
_BIOSTAT_LEVELS, _BIOSTAT_LEVELS_ALSO = by_level(family("Biostatistician"))

FAMILY = [
    Case(
        "how many statisticians did we hire in 2021?",
        count(f"{family('Statistician')} AND {Y2021}"),
        "family",
        note="Statistician I-IV; Biostatisticians are another word",
    ),
    Case(
        "DBAs hired overall?",
        count(family("Database Administrator")),
        "family",
        everyday=True,
    ),
    Case(
        "how many designers did we bring on in 2022",
        count(f"{family('Designer')} AND {Y2022}"),
        "family",
        everyday=True,
        note="Graphic Designer and Web Designer I-IV; not Design Engineer",
    ),
    Case(
        "break down our statisticians by level",
        _STAT_LEVELS,
        "family",
        also=_STAT_LEVELS_ALSO,
        everyday=True,
    ),
    Case(
        "How many programmers joined in 2020?",
        count(f"{family('Programmer')} AND {year(2020)}"),
        "family",
        note="Programmer I/III/IV, Programmer Analyst I/II/IV, Analyst Programmer",
    ),
    Case(
        "number of level IV hires, any title, in 2022",
        count(f"e.job_id IN (SELECT id FROM jobs WHERE job LIKE '% IV') AND {Y2022}"),
        "family",
        everyday=True,
    ),
    Case(
        "accountants hired by each dept in 2021?",
        per_department(f"{family('Accountant')} AND {Y2021}"),
        "family",
        everyday=True,
        note="titles with the word Accountant; Accounting Assistants are not accountants",
    ),
    Case(
        "How many engineers did the Engineering department hire in 2022?",
        count(f"{family('Engineer')} AND {departments('Engineering')} AND {Y2022}"),
        "family",
    ),
    Case(
        "web designers by level for 2021",
        _WEB_DESIGN_LEVELS,
        "family",
        also=_WEB_DESIGN_LEVELS_ALSO,
        everyday=True,
    ),
    Case(
        "techs - how many technicians did we hire last year",
        count(f"{family('Technician')} AND {Y2022}"),
        "family",
        also=(count(f"{family('Technician', 'Tech')} AND {Y2022}"),),
        everyday=True,
        note="titles with the word Technician; counting Environmental Tech also accepted",
    ),
    Case(
        "sysadmins hired, all time",
        count(family("Systems Administrator")),
        "family",
        everyday=True,
    ),
    Case(
        "how many developers of any kind did we onboard in Q4 2021",
        count(f"{family('Developer')} AND {quarter(2021, 4)}"),
        "family",
        everyday=True,
        note="Developer I-IV, Web Developer I-III, Senior Developer",
    ),
    Case(
        "which levels of Safety Technician did Training hire in 2021, with counts",
        _SAFETY_LEVELS,
        "family",
        also=_SAFETY_LEVELS_ALSO,
    ),
    Case(
        "health coaches by level please",
        _COACH_LEVELS,
        "family",
        also=_COACH_LEVELS_ALSO,
        everyday=True,
    ),
    Case(
        "How many software engineers have we hired, all levels?",
        count(family("Software Engineer")),
        "family",
        note="Software Engineer I-IV; a Software Test Engineer is another title",
    ),
    Case(
        "how many hires had Senior in the title in 2021",
        count(f"{family('Senior')} AND {Y2021}"),
        "family",
        everyday=True,
    ),
    Case(
        "managers we hired in 2022 - how many, any kind of manager?",
        count(f"{family('Manager')} AND {Y2022}"),
        "family",
        everyday=True,
        note="every title with the word manager, in any case",
    ),
    Case(
        "how many research assistants joined in 2021?",
        count(f"{family('Research Assistant')} AND {Y2021}"),
        "family",
        everyday=True,
        note="Research Assistant I-IV; a Research Associate is another title",
    ),
    Case(
        "Biostatisticians by level, all years.",
        _BIOSTAT_LEVELS,
        "family",
        also=_BIOSTAT_LEVELS_ALSO,
    ),
]

# -- seed: the two standard reports in everyday words ----------------------------------------

_QUARTERS = ", ".join(
    f"COUNT(*) FILTER (WHERE quarter(e.datetime) = {q}) AS q{q}" for q in range(1, 5)
)
QUARTERLY_REPORT = (
    f"SELECT d.department, j.job, {_QUARTERS} FROM {DEPT_JOB} WHERE {Y2021} "
    "GROUP BY d.id, d.department, j.id, j.job ORDER BY d.department, j.job"
)
QUARTERLY_REPORT_LONG = (
    f"SELECT d.department, j.job, quarter(e.datetime), COUNT(*) FROM {DEPT_JOB} "
    f"WHERE {Y2021} GROUP BY d.id, d.department, j.id, j.job, quarter(e.datetime) "
    "ORDER BY d.department, j.job"
)
ABOVE_MEAN_REPORT = (
    f"WITH c AS ({department_counts(Y2021)}) "
    "SELECT id, department, n FROM c WHERE n > (SELECT AVG(n) FROM c) ORDER BY n DESC"
)


def quarterly(question: str, everyday: bool = True, note: str = "") -> Case:
    return Case(
        question,
        QUARTERLY_REPORT,
        "seed",
        ordered=True,
        key=(0, 1),
        also=(QUARTERLY_REPORT_LONG,),
        everyday=everyday,
        note=note
        or "one row per department and job (by id) with Q1-Q4 columns; "
        "one row per department, job and quarter with hires also accepted",
    )


def above_mean(question: str, everyday: bool = True) -> Case:
    return Case(
        question,
        ABOVE_MEAN_REPORT,
        "seed",
        ordered=True,
        key=(2,),
        everyday=everyday,
        note="the mean over all 14 departments, every one of which hired in 2021",
    )


SEED = [
    quarterly(
        "can you pull 2021 hiring split by quarter for every dept and title? "
        "sort it by dept then title"
    ),
    quarterly(
        "For the quarterly leadership pack I need the 2021 hires per department and job, one "
        "column per quarter, alphabetical by department and then job."
    ),
    quarterly("quarterly hires in 2021 by department & job title, A-Z on dept and job pls"),
    quarterly(
        "my boss asked for the 2021 breakdown: each department/job combo with how many we "
        "hired in Q1, Q2, Q3 and Q4, ordered alphabetically (department first, then job)"
    ),
    quarterly(
        "2021 new hires by team and role, quarter by quarter, sorted alphabetically by team "
        "and role"
    ),
    quarterly(
        "Could you build the table of people hired in 2021 for each job in each department, "
        "divided into quarters and sorted by department name and job name?",
        everyday=False,
    ),
    above_mean(
        "which depts hired more than the average dept in 2021? need id, name and headcount, "
        "biggest first"
    ),
    above_mean(
        "For 2021, list the departments whose hiring beat the mean across all departments: "
        "id, department and number hired, sorted from most to fewest.",
        everyday=False,
    ),
    above_mean(
        "teams that hired above average in 2021 (average over all teams) - give me their ids, "
        "names and how many they took on, highest first"
    ),
    above_mean(
        "quick check for the CHRO: departments above the 2021 mean hiring level, "
        "with dept id, name and hires, in descending order of hires"
    ),
    above_mean(
        "Can I get the above-average hiring departments for 2021 (mean of all departments), "
        "showing id, name and hire count, most hires at the top?"
    ),
    above_mean(
        "who hired more ppl than the mean department did in 2021? ids + names + counts, "
        "sorted high to low"
    ),
]

# -- arithmetic: differences, combined totals, averages, shares -----------------------------

_Q4_GAP, _Q4_GAP_ALSO = either_sign(quarter(2021, 4), quarter(2022, 4))
_ENG_GROWTH, _ENG_GROWTH_ALSO = either_sign(
    f"{departments('Engineering')} AND {Y2021}", f"{departments('Engineering')} AND {year(2020)}"
)
_HALVES, _HALVES_ALSO = either_sign(months(2021, 7, 12), months(2021, 1, 6))
_RD_2022 = count(f"{departments('Research and Development')} AND {Y2022}")
_LEGAL_2022 = count(f"{departments('Legal')} AND {Y2022}")
_DROP = f"100.0 * (({count(Y2021)}) - ({count(Y2022)})) / ({count(Y2021)})"

ARITHMETIC = [
    Case(
        "how many more hires did Marketing make than Sales in 2022?",
        minus(f"{departments('Marketing')} AND {Y2022}", f"{departments('Sales')} AND {Y2022}"),
        "arithmetic",
    ),
    Case(
        "what's the difference between Q4 2021 and Q4 2022 hiring",
        _Q4_GAP,
        "arithmetic",
        also=_Q4_GAP_ALSO,
        everyday=True,
    ),
    Case(
        "HR and R&D together in 2021 - total hires?",
        count(f"{departments('Human Resources', 'Research and Development')} AND {Y2021}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "on average how many people did a department hire in 2021?",
        f"WITH c AS ({department_counts(Y2021)}) SELECT AVG(n) FROM c",
        "arithmetic",
        everyday=True,
        note="over the 14 departments, all of which hired in 2021; people without one left out",
    ),
    Case(
        "what share of 2021 hires went to Training?",
        percent(departments("Training"), Y2021),
        "arithmetic",
    ),
    Case(
        "what % of our 2022 hiring happened in Q4",
        percent(quarter(2022, 4), Y2022),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "what percentage of all our hires have no job title recorded?",
        percent("e.job_id IS NULL", "TRUE"),
        "arithmetic",
    ),
    Case(
        "by how many people did Engineering's hiring grow from 2020 to 2021",
        _ENG_GROWTH,
        "arithmetic",
        also=_ENG_GROWTH_ALSO,
        everyday=True,
        note="the change from 2020 to 2021: 2021 - 2020",
    ),
    Case(
        "how many fewer people did Legal hire than Accounting in 2021",
        minus(f"{departments('Accounting')} AND {Y2021}", f"{departments('Legal')} AND {Y2021}"),
        "arithmetic",
        everyday=True,
        note="fewer A than B is B - A",
    ),
    Case(
        "avg monthly hires in 2021?",
        f"SELECT COUNT(*) / 12.0 FROM hired_employees e WHERE {Y2021}",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Sales minus Marketing, 2021 hires?",
        minus(f"{departments('Sales')} AND {Y2021}", f"{departments('Marketing')} AND {Y2021}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "by what percent did total hiring drop from 2021 to 2022?",
        f"SELECT {_DROP}",
        "arithmetic",
        also=(f"SELECT -({_DROP})",),
        note="the drop as a positive percentage of 2021; a negative change also accepted",
    ),
    Case(
        "how many R&D hires did we make per Legal hire in 2022",
        f"SELECT 1.0 * ({_RD_2022}) / ({_LEGAL_2022})",
        "arithmetic",
        everyday=True,
    ),
    Case(
        "average hires per quarter in 2020",
        f"SELECT COUNT(*) / 4.0 FROM hired_employees e WHERE {year(2020)}",
        "arithmetic",
    ),
    Case(
        "what % of 2021 hires were DBAs",
        percent(family("Database Administrator"), Y2021),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "both Support teams plus Services, 2022 hires combined?",
        count(f"{departments('Support', 'Services')} AND {Y2022}"),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "how many more people joined in H2 2021 than in H1 2021?",
        _HALVES,
        "arithmetic",
        also=_HALVES_ALSO,
    ),
    Case(
        "pct of 2022 hires that came in without a department",
        percent("e.department_id IS NULL", Y2022),
        "arithmetic",
        everyday=True,
    ),
    Case(
        "Mean hires per department in 2020, please.",
        f"WITH c AS ({department_counts(year(2020))}) SELECT AVG(n) FROM c",
        "arithmetic",
        everyday=True,
        note="every department hired in 2020",
    ),
    Case(
        "of everyone the two Support teams ever hired, what % went to the second one (id 13)?",
        percent("e.department_id = 13", departments("Support")),
        "arithmetic",
        everyday=True,
        note="the whole is both Support departments' hires, as the question names it",
    ),
]

# -- condition: thresholds, bounds, comparisons with another group --------------------------

_DEPT_2021 = f"WITH c AS ({department_counts(Y2021)}) "
_DEPT_2022 = f"WITH c AS ({department_counts(Y2022)}) "
_SALES_2021 = count(f"{departments('Sales')} AND {Y2021}")
_TRAINING_2021 = f"{departments('Training')} AND {Y2021}"
_ENG_2021 = count(f"{departments('Engineering')} AND {Y2021}")

CONDITION = [
    Case(
        "how many depts hired at least 50 ppl in 2022",
        f"{_DEPT_2022}SELECT COUNT(*) FROM c WHERE n >= 50",
        "condition",
        everyday=True,
        note="Business Development hired exactly 50",
    ),
    Case(
        "which titles had exactly one hire in 2021?",
        f"SELECT job FROM ({per_job(Y2021)} HAVING COUNT(*) = 1)",
        "condition",
    ),
    Case(
        "How many departments hired between 20 and 60 people in 2021?",
        f"{_DEPT_2021}SELECT COUNT(*) FROM c WHERE n BETWEEN 20 AND 60",
        "condition",
        note="both bounds included; the second Support hired exactly 20",
    ),
    Case(
        "which depts out-hired Sales in 2021?",
        f"{_DEPT_2021}SELECT department FROM c WHERE n > ({_SALES_2021})",
        "condition",
        everyday=True,
    ),
    Case(
        "jobs with more than 20 hires overall?",
        f"SELECT job FROM ({per_job()} HAVING COUNT(*) > 20)",
        "condition",
        everyday=True,
    ),
    Case(
        "which teams hired fewer than 10 people in 2021",
        f"{_DEPT_2021}SELECT department FROM c WHERE n < 10",
        "condition",
        everyday=True,
    ),
    Case(
        "how many job titles got zero hires in 2022?",
        f"SELECT COUNT(*) FROM jobs WHERE id NOT IN "
        f"(SELECT e.job_id FROM hired_employees e WHERE {Y2022} AND e.job_id IS NOT NULL)",
        "condition",
        everyday=True,
    ),
    Case(
        "in how many months of 2022 did we hire over 75 people",
        "SELECT COUNT(*) FROM (SELECT month(e.datetime) FROM hired_employees e "
        f"WHERE {Y2022} GROUP BY 1 HAVING COUNT(*) > 75)",
        "condition",
        everyday=True,
        note="September had exactly 75 and is not over",
    ),
    Case(
        "Which departments hired more in 2022 than they did in 2021?",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {Y2022}) > COUNT(*) FILTER (WHERE {Y2021})",
        "condition",
    ),
    Case(
        "how many titles have 15 or more hires, all time",
        f"SELECT COUNT(*) FROM ({per_job()} HAVING COUNT(*) >= 15)",
        "condition",
        everyday=True,
    ),
    Case(
        "Which jobs did Training hire at least 5 people into in 2021?",
        f"SELECT job FROM ({per_job(_TRAINING_2021)} HAVING COUNT(*) >= 5)",
        "condition",
    ),
    Case(
        "on which days in 2022 did we hire 6 or more people",
        f"SELECT CAST(e.datetime AS DATE) FROM hired_employees e WHERE {Y2022} "
        "GROUP BY 1 HAVING COUNT(*) >= 6",
        "condition",
        everyday=True,
    ),
    Case(
        "were there any quarters with more than 250 hires? which ones",
        "SELECT year(e.datetime), quarter(e.datetime) FROM hired_employees e "
        "GROUP BY 1, 2 HAVING COUNT(*) > 250",
        "condition",
        everyday=True,
        note="quarters of every year, labelled by year and quarter",
    ),
    Case(
        "which depts at least doubled their hiring from 2020 to 2021",
        f"SELECT d.department FROM {PER_DEPARTMENT} GROUP BY d.id, d.department "
        f"HAVING COUNT(*) FILTER (WHERE {Y2021}) >= 2 * COUNT(*) FILTER (WHERE {year(2020)})",
        "condition",
        everyday=True,
    ),
    Case(
        "Which departments hired nobody in Q1 2022?",
        "SELECT d.department FROM departments d WHERE d.id NOT IN (SELECT e.department_id "
        f"FROM hired_employees e WHERE {quarter(2022, 1)} AND e.department_id IS NOT NULL)",
        "condition",
    ),
    Case(
        "how many teams hired fewer people than Engineering in 2021?",
        f"{_DEPT_2021}SELECT COUNT(*) FROM c WHERE n < ({_ENG_2021})",
        "condition",
        everyday=True,
    ),
    Case(
        "did any department hire exactly 5 people in 2021? which",
        f"{_DEPT_2021}SELECT department FROM c WHERE n = 5",
        "condition",
        everyday=True,
    ),
]

# -- rank_within: the top of each group -------------------------------------------------

RANK_WITHIN = [
    Case(
        "top job in each department in 2021?",
        top_within(DEPARTMENT, JOB, DEPT_JOB, Y2021),
        "rank_within",
        everyday=True,
        note="ties for first place are all listed",
    ),
    Case(
        "busiest quarter for each dept in 2022",
        top_within(DEPARTMENT, QUARTER, PER_DEPARTMENT, Y2022),
        "rank_within",
        everyday=True,
    ),
    Case(
        "for each year, which department hired the most?",
        top_within(YEAR, DEPARTMENT, PER_DEPARTMENT, "TRUE"),
        "rank_within",
    ),
    Case(
        "each team's busiest month in 2021 pls",
        top_within(DEPARTMENT, MONTH, PER_DEPARTMENT, Y2021),
        "rank_within",
        everyday=True,
    ),
    Case(
        "in every quarter of 2021, which department did the most hiring",
        top_within(QUARTER, DEPARTMENT, PER_DEPARTMENT, Y2021),
        "rank_within",
        everyday=True,
    ),
    Case(
        "What job did each of the two Support teams hire most in 2021?",
        top_within(DEPARTMENT, JOB, DEPT_JOB, f"{departments('Support')} AND {Y2021}"),
        "rank_within",
    ),
    Case(
        "most recent hire in each department - who was it?",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} "
        "QUALIFY RANK() OVER (PARTITION BY d.id ORDER BY e.datetime DESC) = 1",
        "rank_within",
        everyday=True,
    ),
    Case(
        "Who was the first person each department hired in 2022?",
        f"SELECT d.department, e.name FROM {PER_DEPARTMENT} WHERE {Y2022} "
        "QUALIFY RANK() OVER (PARTITION BY d.id ORDER BY e.datetime) = 1",
        "rank_within",
        note="Compliance hired nobody in 2022 and has no row",
    ),
    Case(
        "for every department, which year was its biggest hiring year",
        top_within(DEPARTMENT, YEAR, PER_DEPARTMENT, "TRUE"),
        "rank_within",
        everyday=True,
    ),
    Case(
        "per year, the title we hired most often",
        top_within(YEAR, JOB, PER_JOB, "TRUE"),
        "rank_within",
        everyday=True,
    ),
    Case(
        "which department hired the fewest people each year (of the ones that hired at all)?",
        top_within(YEAR, DEPARTMENT, PER_DEPARTMENT, "TRUE", order="ASC"),
        "rank_within",
    ),
    Case(
        "most common statistician level in each year?",
        top_within(YEAR, (LEVEL, LEVEL), PER_JOB, family("Statistician")),
        "rank_within",
        everyday=True,
        note="levels labelled I-IV",
    ),
    Case(
        "for each half of 2022, which team hired the most",
        top_within(
            ("month(e.datetime) > 6", "CASE WHEN month(e.datetime) > 6 THEN 2 ELSE 1 END"),
            DEPARTMENT,
            PER_DEPARTMENT,
            Y2022,
        ),
        "rank_within",
        everyday=True,
        note="halves labelled 1 and 2",
    ),
    Case(
        "Who was the earliest hire of each year?",
        "SELECT year(e.datetime), e.name FROM hired_employees e "
        "QUALIFY RANK() OVER (PARTITION BY year(e.datetime) ORDER BY e.datetime) = 1",
        "rank_within",
    ),
]

# -- order: ordered lists and the size of lists ----------------------------------------

ORDER = [
    Case(
        "who were the very first 6 hires we ever made?",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime LIMIT 6",
        "order",
        ordered=True,
        everyday=True,
        note="by hire time, earliest first",
    ),
    Case(
        "list all our departments alphabetically",
        "SELECT department FROM departments ORDER BY department",
        "order",
        ordered=True,
        everyday=True,
        note="14 departments by id: Support appears twice",
    ),
    Case(
        "every job title with the word Engineer in it, A to Z",
        "SELECT job FROM jobs WHERE regexp_matches(job, '\\bEngineer\\b') ORDER BY job",
        "order",
        ordered=True,
        everyday=True,
        note="from the list of titles, hired for or not",
    ),
    Case(
        "How many departments do we have in total?",
        "SELECT COUNT(*) FROM departments",
        "order",
        note="14 departments, two of them named Support",
    ),
    Case(
        "last 5 people hired, newest first",
        "SELECT e.name FROM hired_employees e ORDER BY e.datetime DESC LIMIT 5",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "names of the 10 most recent R&D hires, newest first please",
        f"{names(departments('Research and Development'))} ORDER BY e.datetime DESC LIMIT 10",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "how many job titles are on our list of titles?",
        "SELECT COUNT(*) FROM jobs",
        "order",
        everyday=True,
    ),
    Case(
        "Legal's hires, alphabetically by name",
        f"{names(departments('Legal'))} ORDER BY e.name",
        "order",
        ordered=True,
    ),
    Case(
        "rank the departments by 2021 hires, largest first",
        f"SELECT department FROM ({per_department(Y2021)} ORDER BY COUNT(*) DESC)",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "top 2 titles in 2022 by number of hires",
        f"SELECT job FROM ({per_job(Y2022)} ORDER BY COUNT(*) DESC LIMIT 2)",
        "order",
        everyday=True,
        note="two titles tie at the top with 11 each; the third has 10",
    ),
    Case(
        "compliance hires from oldest to newest",
        f"{names(departments('Compliance'))} ORDER BY e.datetime",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "the 3 earliest hires of 2022, with their hire times",
        f"SELECT e.name, e.datetime FROM hired_employees e WHERE {Y2022} "
        "ORDER BY e.datetime LIMIT 3",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "job titles Legal has ever hired for, Z to A",
        f"SELECT j.job FROM {PER_JOB} WHERE {departments('Legal')} "
        "GROUP BY j.id, j.job ORDER BY j.job DESC",
        "order",
        ordered=True,
        everyday=True,
    ),
    Case(
        "how long would a list of everyone we hired in dec 2022 be",
        count(month(2022, 12)),
        "order",
        everyday=True,
    ),
    Case(
        "months of 2021 ranked by hires, most first",
        f"SELECT month(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y2021} "
        "GROUP BY 1 ORDER BY 2 DESC",
        "order",
        ordered=True,
        key=(1,),
        also=(
            f"SELECT monthname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y2021} "
            "GROUP BY 1 ORDER BY 2 DESC",
        ),
        everyday=True,
    ),
    Case(
        "How many distinct department names do we have?",
        "SELECT COUNT(DISTINCT department) FROM departments",
        "order",
        note="names, as asked: the two Support departments share one",
    ),
    Case(
        "alphabetical list of the people Compliance hired",
        f"{names(departments('Compliance'))} ORDER BY e.name",
        "order",
        ordered=True,
        everyday=True,
    ),
]

# -- plain: ordinary counts, breakdowns and top-N in a chatty voice -------------------------

_MONTHS_2022, _MONTHS_2022_ALSO = month_labels(Y2022)
_PER_YEAR_LONG = (
    f"SELECT d.department, year(e.datetime), COUNT(*) FROM {PER_DEPARTMENT} "
    "GROUP BY d.id, d.department, year(e.datetime)"
)
_PER_YEAR_WIDE = per_department(
    "TRUE",
    ", ".join(f"COUNT(*) FILTER (WHERE year(e.datetime) = {y})" for y in (2020, 2021, 2022)),
)

PLAIN = [
    Case("how many hires in total?", count(), "plain", everyday=True),
    Case(
        "hires broken down by year pls",
        "SELECT year(e.datetime), COUNT(*) FROM hired_employees e GROUP BY 1",
        "plain",
    ),
    Case(
        "top 3 departments by hires in 2022?",
        f"SELECT department FROM ({per_department(Y2022)} ORDER BY COUNT(*) DESC LIMIT 3)",
        "plain",
        everyday=True,
    ),
    Case(
        "Hires per quarter in 2021, please.",
        f"SELECT quarter(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y2021} GROUP BY 1",
        "plain",
        everyday=True,
    ),
    Case(
        "how many did sales hire in 2020",
        count(f"{departments('Sales')} AND {year(2020)}"),
        "plain",
        everyday=True,
    ),
    Case(
        "hires per job title in Legal",
        per_job(departments("Legal")),
        "plain",
    ),
    Case(
        "which dept hired the most in 2021?",
        f"SELECT department FROM ({per_department(Y2021)} ORDER BY COUNT(*) DESC LIMIT 1)",
        "plain",
        everyday=True,
    ),
    Case(
        "How many departments hired anyone in 2022?",
        f"SELECT COUNT(DISTINCT e.department_id) FROM hired_employees e WHERE {Y2022}",
        "plain",
    ),
    Case(
        "monthly hiring for 2022",
        _MONTHS_2022,
        "plain",
        also=_MONTHS_2022_ALSO,
        everyday=True,
    ),
    Case(
        "bottom 3 depts by hires, all time",
        f"SELECT department FROM ({per_department()} ORDER BY COUNT(*) LIMIT 3)",
        "plain",
        everyday=True,
    ),
    Case(
        "how many employees don't have a job on file",
        count("e.job_id IS NULL"),
        "plain",
        everyday=True,
    ),
    Case(
        "2021 hires split by weekday",
        f"SELECT dayname(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y2021} GROUP BY 1",
        "plain",
        also=(
            f"SELECT isodow(e.datetime), COUNT(*) FROM hired_employees e WHERE {Y2021} GROUP BY 1",
        ),
    ),
    Case(
        "what are our top 5 jobs of all time by hires",
        f"SELECT job FROM ({per_job()} ORDER BY COUNT(*) DESC LIMIT 5)",
        "plain",
        everyday=True,
    ),
    Case(
        "yearly hires for each department?",
        _PER_YEAR_LONG,
        "plain",
        also=(_PER_YEAR_WIDE,),
        note="one row per department and year with hires; one row per department with a "
        "column per year (0 for none) also accepted",
    ),
    Case(
        "total R&D hires so far?",
        count(departments("Research and Development")),
        "plain",
        everyday=True,
    ),
    Case(
        "What was the most-hired job in 2020?",
        f"SELECT job FROM ({per_job(year(2020))} ORDER BY COUNT(*) DESC LIMIT 1)",
        "plain",
    ),
]


CASES: list[Case] = (
    VOCABULARY
    + LOOKUP
    + DATES
    + FAMILY
    + ARITHMETIC
    + CONDITION
    + RANK_WITHIN
    + ORDER
    + SEED
    + PLAIN
)
