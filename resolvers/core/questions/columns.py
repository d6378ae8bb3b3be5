"""Questions written in the tables' own words, read as the words the grammar knows.

Someone who knows the tables asks "count distinct job_id per department_id" or
"rows where department_id is null". Each column word here has one meaning in
the data (docs: hired_employees holds id, name, datetime, department_id and
job_id; departments and jobs hold id and a name), so it is rewritten to the
plain words of that meaning before the rules read the question:

- hired_employees, and its rows, are hires; a row of jobs (departments) is a job
  (department);
- a null department_id (job_id) is a hire without a department (job);
- count distinct department_id (job_id) is the number of different departments
  (jobs) among the hires: never the rows of the departments (jobs) table, which
  may hold some with no hire.

Anything else said of a column ("department_id is not null", "= 5") is left as
written, and the rules refuse the words they cannot read.
"""

from __future__ import annotations

import re

_ID = r"(?P<what>department|dept|job)(?:_| )?ids?"
_PLAIN = "hires"
REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^ *select (?=count\b|min\b|max\b)", ""),  # 'select count(*) ...' with no FROM
        (r"\bcount ?\( ?\* ?\)", "count"),
        (r"\b(min|max) ?\( ?(?:e\.)?datetime ?\)", r"\1 datetime"),
        # the hire time's year: year(datetime), extract(year from datetime). (Its month or
        # quarter in SQL is every year's together, which no grouping here is: left unread.)
        (r"\byear ?\( ?(?:e\.)?datetime ?\)", "year"),
        (r"\bextract ?\( ?year from (?:e\.)?datetime ?\)", "year"),
        (r"\b(?:the )?year of (?:the )?datetime\b", "year"),
        # a condition on the hire time is the period it names ('between' and 'after' a day
        # mean other bounds in SQL than in words: left unread)
        (
            r"\b(?:where|with|whose|and) (?:the )?(?:e\.)?datetime (?:is |was |falls |fell )?"
            r"(?=(?:in|during|before|since|on|within) )",
            "hired ",
        ),
        (r"\bcount ?\( ?(?:e\.)?id ?\)", "count"),
        (r"\bcount ?\( ?distinct (\w+) ?\)", r"count distinct \1"),
        (r"\bhired_employees(?: table)? row count\b", "number of hires"),
        (r"\b(?:the )?row count\b", "number of rows"),
        (r"\bhired_employees(?: table)?(?: rows?| records?| row count)?\b", _PLAIN),
        (r"\b(?:hired )?employees? table\b", _PLAIN),
        (
            r"\b(?:rows?|records?|entries) (?:are )?(?:in|of|from) (?:the )?hires(?: table)?\b",
            _PLAIN,
        ),
        (r"\b(?:in|of|from) (?:the )?hires table\b", ""),
        (r"\bfrom hires\b", _PLAIN),
        # count distinct department_id: the different departments among the hires
        (
            rf"\b(?:count(?: of)?|number of|how many) (?:distinct|different|unique) {_ID}"
            rf"(?: values?)?(?: (?:are )?there)?(?: (?:appear|appears|occur|occurs|show up"
            rf"|are used))?(?: (?:in|among|of|across|over) (?:the |all |all the )?{_PLAIN})?",
            r"how many different \g<what>s hired",
        ),
        (rf"\b(?:distinct|unique) {_ID} count\b", r"how many different \g<what>s hired"),
        # a column null ('per department_id' is left as written: grouped by the id column,
        # its answer shows ids and the hires with none, which no answer here holds)
        (
            r"\b(?:where |with |whose )?(?:the )?(?:department|job)_?ids? (?:is |was )?null"
            r" (?:and|&) (?:the )?(?:department|job)_?ids?"
            r" (?:is |was )?null\b",
            "without department and without job",
        ),
        (rf"\b{_ID} (?P<null>(?:is |was )?(?:null|empty|missing|blank))\b", r"\g<what> \g<null>"),
        (rf"\b(?P<null>null|empty|missing|blank) {_ID}\b", r"\g<null> \g<what>"),
    )
)


_TABLE = r"(?P<table>jobs?|departments?|depts?|job titles?|titles?|roles?|positions?)"
TABLE_ROWS = re.compile(
    r"\b(?:the )?(?P<count>number of |count of |count )?(?:rows?|records?|entries) (?:are )?"
    rf"(?:in|of|from|does|do) (?:the |our )?{_TABLE}(?: table| list)?"
    r"(?: (?:have|has|contain|hold))?\b"
    rf"|\b(?:the )?{_TABLE.replace('table>', 'table2>')} (?:table|list) (?:rows?|records?)\b"
)
"""The rows of the jobs (departments) table: the jobs (departments) themselves."""
OTHER_TABLE = re.compile(
    rf"\b(?:in|of|from|does|do) (?:the |our )?{_TABLE}\b(?!_)|\b{_TABLE.replace('table>', 't2>')}"
    r" (?:table|list|lookup|dimension)\b"
)
ROWS = re.compile(
    r"(?:(?<=how many )|(?<=number of )|(?<=count of )|(?<=count )|(?<=count the )"
    r"|(?<=total )|(?<=all )|(?<=all the )|(?<=list the )|(?<=show the )|^ *)"
    r"(?:rows|records|entries)\b"
    r"|\b(?:rows|records|entries)(?= (?:where|with|that|having|per|by|for|in|from|without)\b)"
)
"""Rows counted or filtered ('how many records', 'rows where ...'); never 'in our records' or
'Ty Hofer's record' (a person's row)."""


def _table_rows(match: re.Match[str]) -> str:
    table = match.group("table") or match.group("table2")
    kind = "departments" if table.startswith("dep") else "jobs"
    return f"{match.group('count') or ''}{kind}"


BY_ID = re.compile(
    r"\b(?P<by>by|per|for each|for every|for|each|every|across|group by|grouped by|grouping by"
    r"|broken down by|split by)(?: the| each| every)? (?P<what>department|dept|job)_ids?\b"
    r"(?! *(?:=|!|<|>|is\b|was\b|null\b|not\b|\d{1,3}\b))"
    r"|\b(?P<what2>department|dept|job)_ids? (?:breakdown|split)(?: of)?\b"
)
"""'hires per department_id', 'count by job_id': grouped by the id column itself (never 'for
department_id 5', one department)."""


def by_id(text: str) -> tuple[str, bool]:
    """The question with 'per department_id' said as 'per department', and whether it was.

    A grouping by the id column shows the ids beside the names (CountQuery.by_id); the
    hires with none are left out, as from 'per department'.
    """
    found = BY_ID.search(text) is not None

    def said(match: re.Match[str]) -> str:
        what = match.group("what") or match.group("what2")
        what = "department" if what == "dept" else what
        return f"{match.group('by') or 'by'} {what}"

    return BY_ID.sub(said, text), found


def plain(text: str) -> str:
    """The question (lower case) with the tables' column words in the grammar's words.

    Rows are hires only when no other table is named ('how many records does the job
    table have' counts jobs, or is refused; never hires).
    """
    if "_" not in text and not re.search(
        r"\b(?:rows?|records?|entries|count ?\(|select|m[ai][nx] ?\(|datetime"
        r"|(?:department|dept|job) ids?\b)",
        text,
    ):
        return text
    for pattern, replacement in REWRITES:
        text = pattern.sub(replacement, text)
    text = TABLE_ROWS.sub(_table_rows, text)
    if not OTHER_TABLE.search(text):
        text = ROWS.sub(_PLAIN, text)
    return " ".join(text.split())
