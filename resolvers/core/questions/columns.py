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
from datetime import date, timedelta

from resolvers.core.questions import lexicon

_ID = r"(?P<what>department|dept|job)(?:_| )?ids?"
_PLAIN = "hires"
REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^ *select (?=count\b|min\b|max\b)", ""),  # 'select count(*) ...' with no FROM
        (r"^ *select (?:e\.)?\* ?(?=from )", ""),  # 'select * from hired_employees': the hires
        (r"\bcount ?\( ?\* ?\)", "count"),
        (r"\b(min|max) ?\( ?(?:e\.)?datetime ?\)", r"\1 datetime"),
        # the hire time's year: year(datetime), extract(year from datetime). (Its month or
        # quarter in SQL is every year's together, which no grouping here is: left unread.)
        (r"\byear ?\( ?(?:e\.)?datetime ?\)", "year"),
        (r"\bextract ?\( ?year from (?:e\.)?datetime ?\)", "year"),
        (r"\b(?:the )?year of (?:the )?datetime\b", "year"),
        # a condition on the hire time is the period it names ('between' and 'after' a day
        # mean other bounds in SQL than in words: left unread)
        (  # "department = 'Legal' and datetime in March 2022": the name's end kept apart
            r"(?<=') and (?:the )?(?:e\.)?datetime (?:is |was |falls |fell )?"
            r"(?=(?:in|during|before|since|on|within) )",
            ", hired ",
        ),
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
    r"\b(?:the )?(?P<size>size of (?=(?:the |our )?\w+ table))"
    rf"(?:the |our )?{_TABLE.replace('table>', 'table3>')} table\b"
    r"|\b(?:the )?(?P<count>number of |count of |count )?(?:rows?|records?|entries|lines) (?:are )?"
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
    table = match.group("table") or match.group("table2") or match.group("table3")
    kind = "departments" if table.startswith("dep") else "jobs"
    count = "number of " if match.group("size") else match.group("count")
    return f"{count or ''}{kind}"


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


CATALOG_TABLE = re.compile(
    r"\b(?:(?P<every>every|each|all(?: of)?(?: the)?|the|list(?: all)?(?: the)?|show(?: all)?"
    r"(?: the)?) (?P<one>departments?|depts?|jobs?|job titles?|titles?|roles?) (?:that are )?"
    r"|(?P<all>everything|every row|all rows|all the rows|all records|every record) )"
    r"(?:in|of|from|listed in|on|stored in) (?:the |our )?(?P<table>departments?|depts?|jobs?)"
    r"(?: (?:table|list|lookup|dimension))?(?![\w_])"
)
"""'every department in the departments table', 'everything in jobs': the table's rows, every
department (job) by id (never the hires)."""


_TABLES = r"(?:departments|depts|jobs|job titles|titles|roles|positions)"
TWO_TABLES = re.compile(
    r"\b(?:how many|number of|count of|count the|count|total|sizes? of"
    r"|(?:rows|records|entries|lines)(?= (?:in|of) ))"
    r"(?: (?:rows|records|entries|lines))?(?: (?:are |is )?(?:in|of|from))?(?: the| our)?"
    rf" {_TABLES}(?: tables?| lists?)? (?:and|&|plus) (?:the |our )?{_TABLES}"
    r"(?! (?:hires|hiring|combos?|combinations?|pairs?))\b"
)
"""'count of departments and jobs', 'rows in the jobs and departments tables': two tables'
sizes at once, which one answer does not hold (never hires per department and job)."""


def _catalog_table(match: re.Match[str]) -> str:
    table = match["table"]
    kind = "departments" if table.startswith("dep") else "jobs"
    one = match["one"]
    if one and (one.startswith("dep") != table.startswith("dep")):
        return match.group(0)  # 'jobs in the departments table': left as written, refused
    return f"every {kind[:-1]}"


def plain(text: str) -> str:
    """The question (lower case) with the tables' column words in the grammar's words.

    Rows are hires only when no other table is named ('how many records does the job
    table have' counts jobs, or is refused; never hires).
    """
    text = CATALOG_TABLE.sub(_catalog_table, text)
    if "_" not in text and not re.search(
        r"\b(?:rows?|records?|entries|lines? (?:in|of|are)|size of|count ?\(|select"
        r"|m[ai][nx] ?\(|datetime"
        r"|(?:department|dept|job) ids?\b|(?:where|having|group by|order by"
        r"|from (?:departments|jobs))\b)|=|[<>] ?\d",
        text,
    ):
        return text
    for pattern, replacement in REWRITES:
        text = pattern.sub(replacement, text)
    text = TABLE_ROWS.sub(_table_rows, text)
    if not OTHER_TABLE.search(text):
        text = ROWS.sub(_PLAIN, text)
    return " ".join(_clauses(text).split())


# issue 20, asklookup3: SQL's clauses said by someone who knows the columns ('count(*) where
# department = Sales and year = 2021', '... group by job having count >= 10'), read as the
# words they plainly mean. Ask never runs them as SQL: each becomes words the grammar reads,
# and a clause whose meaning differs from its words (a '!=' that drops missing values, a
# month or quarter of no year asked beside a year rule, 'datetime > day') is left as written,
# for the rules to refuse.
_LEAD = r"(?:\bwhere |\band |(?<=, )|(?<=^)|\bwith )(?:[dej]\.)?"
_SAID = (
    r"(?:'(?P<quoted>[^']+)'|\"(?P<quoted2>[^\"]+)\"|(?P<word>[a-z0-9][a-z0-9&/.\- ]*?))"
    r"(?= and | or |,| group by| having| order by| limit|\)| ?\?|;|$)"
)
_NAMED = re.compile(
    rf"{_LEAD}(?P<col>department|dept|department_name|job|job_title|title)"
    rf" ?(?:=|==) ?{_SAID}"
)
_LISTED = re.compile(
    rf"{_LEAD}(?P<col>department|dept|department_name|year|yr) in ?\((?P<said>[^()]+)\)"
)
_JOINED = re.compile(
    r"\b(?:left |inner )?(?:outer )?join (?:departments|jobs)(?: (?:as )?[a-z]\b)?"
    r" on [a-z_.]+ ?= ?[a-z_.]+"
)
_ALIAS = re.compile(
    r"\b(?P<table>hires|departments|jobs) (?:as )?[a-z]\b"
    r"(?= join | left | inner | where | group by | order by |$)"
)
_CATALOG_FROM = re.compile(
    r"(?<=count )from (?P<table>departments|jobs)(?: (?:as )?[a-z]\b)?"
    r"(?: where (?:[dj]\.)?(?:department|job|title|name) (?P<op>like|ilike) '(?P<like>[^']+)')?"
)
_DEPARTMENT_ID = re.compile(rf"{_LEAD}department_?id ?(?:=|==) ?'?(?P<id>\d{{1,3}})'?\b")
_YEAR = re.compile(rf"{_LEAD}(?:year|yr) ?(?P<op>>=|<=|==|=|>|<) ?'?(?P<year>(?:19|20)\d\d)'?\b")
_OR_NAMED = re.compile(_NAMED.pattern.replace(_LEAD, r"\bor (?:[dej]\.)?", 1))
_OR_YEAR = re.compile(_YEAR.pattern.replace(_LEAD, r"\bor (?:[dej]\.)?", 1))
_QUARTER = re.compile(rf"{_LEAD}(?:quarter|qtr) ?(?:=|==) ?'?q?(?P<n>[1-4])'?\b")
_MONTH = re.compile(rf"{_LEAD}month ?(?:=|==) ?'?(?P<n>1[0-2]|0?[1-9])'?\b")
_DAY = re.compile(
    rf"{_LEAD}(?:datetime|hire_date|hire date|date) ?(?P<op>>=|<) ?'(?P<day>\d{{4}}-\d\d-\d\d)'"
)
_GROUPS = r"(?:department|dept|job|title|year|quarter|month)"
_GROUP_BY = re.compile(
    rf"\bgroup by (?:[dej]\.)?(?P<by>{_GROUPS}(?: ?, ?(?:[dej]\.)?{_GROUPS})*)\b"
)
_SELECTED = re.compile(
    rf"^ *select (?P<cols>(?:[dej]\.)?{_GROUPS}(?: ?, ?(?:[dej]\.)?{_GROUPS})*) ?, ?(?=count\b)"
)
_HAVING = re.compile(
    r"\bhaving (?:count|hires|n|cnt|total) ?(?:(?P<op>>=|<=|==|=|>|<) ?(?P<n>\d{1,6})"
    r"|between (?P<low>\d{1,6}) and (?P<high>\d{1,6}))\b"
)
_COUNTED = r"(?:count|hires|hire count|headcount|n|cnt|total|number of hires)"
_RANGE = re.compile(
    rf"\b(?:having )?{_COUNTED} ?(?P<op>>=|>) ?(?P<n>\d{{1,6}}) and (?:{_COUNTED} ?)?"
    r"(?P<op2><=|<) ?(?P<n2>\d{1,6})\b"
)
"""'having count(*) >= 20 and count(*) <= 22', 'hires > 49 and < 61': two bounds, the whole
numbers between them (a strict bound moves by one)."""
_BOUND = re.compile(
    r"(?<!having )\b(?:hires|hire count|headcount|number of hires) ?(?P<op>>=|<=|>|<) ?"
    r"(?P<n>\d{1,6})\b"
)
"""'jobs with hires > 20': one bound on the count, in words ('more than 20 hires')."""
_ORDER = re.compile(
    r"\border by (?:count|hires|n|cnt|total|2)(?: (?P<dir>desc|asc|descending|ascending))?"
    r"(?: limit (?P<n>\d{1,4}))?\b"
)
_COLUMN = r"(?:[edj]\.)?(?:datetime|hire_date|department|job|id)"
_NAMES_SELECTED = re.compile(
    rf"^ *select (?:e\.)?names?(?P<more>(?: ?, ?{_COLUMN})*)(?= )"
    rf"|^ *(?:e\.)?names?(?P<more2>(?: ?, ?{_COLUMN})*) (?=hires\b)"
)
"""'select name, datetime ...', and 'name, department from hired_employees ...' (its FROM read
as hires): the names, with their hire dates, or the hires' rows when other columns are asked."""
_BY_TIME = re.compile(
    r"\b(?:order|ordered|sort|sorted) by (?:e\.)?(?:datetime|hire_date|hire date|hire time"
    r"|start date)(?: (?P<dir>desc|asc|descending|ascending))?(?: limit (?P<n>\d{1,4}))?\b"
)
_THRESHOLDS = {
    ">=": "at least", ">": "more than", "<=": "at most", "<": "fewer than", "=": "exactly",
    "==": "exactly",
}  # fmt: skip


def _clauses(text: str) -> str:
    """SQL's WHERE, GROUP BY, HAVING and ORDER BY clauses in the grammar's words."""
    said = text
    sorted_by = re.search(r"\b(?:sort|sorted|ordered) by (?:e\.)?(?:datetime|hire_date)\b", text)
    if not sorted_by and not re.search(
        r"=|<|>|\bgroup by\b|\bhaving\b|\border by\b|\bfrom\b|\bin ?\(", text
    ):
        return text
    if re.search(r"\bwhere\b.*\b(?:and\b.*\bor|or\b.*\band)\b", text):
        return text  # 'a and b or c': SQL binds 'and' first, as words never say
    kinds = [m["col"].startswith("dep") for m in _NAMED.finditer(text)]
    if len(kinds) != len(set(kinds)):
        return text  # 'department = A and department = B': no hire, where words mean either
    text = _ALIAS.sub(r"\g<table>", text)
    text = _JOINED.sub(" ", text)
    text = _CATALOG_FROM.sub(_catalog_from, text)
    text = _NAMED.sub(_named, text)
    text = _LISTED.sub(_listed, text)
    text = _OR_NAMED.sub(lambda m: f" or {_named(m)}", text)  # 'a = 1 or a = 2'
    text = _OR_YEAR.sub(lambda m: f" or {_year(m)}" if m["op"] in "==" else m[0], text)
    text = _DEPARTMENT_ID.sub(r" in department \g<id> ", text)
    text = _YEAR.sub(_year, text)
    text = re.sub(r"  +", " ", text).replace(" or in ", " or ")  # 'in Sales or in Legal'
    years = re.findall(r"\b(?:19|20)\d\d\b", text)
    one_year = len(years) == 1 and re.search(rf"\bin {years[0]}\b", text) is not None
    if one_year:  # a quarter of no year is every year's, of years since one is no period
        text = _QUARTER.sub(r" in q\g<n> ", text)
    if one_year or not years:  # a month of no year is that month of every year
        text = _MONTH.sub(
            lambda m: f" in {'' if years else 'any '}{lexicon.MONTH_NAMES[int(m['n'])].lower()} ",
            text,
        )
    days = list(_DAY.finditer(text))
    ops = [m["op"] for m in days]
    if ops == [">=", "<"]:  # the hire time from one day up to (not on) another
        last = date.fromisoformat(days[1]["day"]) - timedelta(days=1)
        text = (
            text[: days[0].start()]
            + f" between {days[0]['day']} and {last.isoformat()} "
            + text[days[0].end() : days[1].start()].replace(" and ", " ", 1)
            + text[days[1].end() :]
        )
    elif len(days) == 1:
        said = "on or after" if ops[0] == ">=" else "before"
        text = _DAY.sub(f" {said} {days[0]['day']} ", text)
    grouped = _GROUP_BY.search(text)
    if grouped:
        by = [c.split(".")[-1].strip() for c in grouped["by"].split(",")]
        selected = _SELECTED.search(text)
        if selected and {c.split(".")[-1].strip() for c in selected["cols"].split(",")} <= set(by):
            text = text[: selected.start()] + text[selected.end() :]
        text = _GROUP_BY.sub(f" by {' and '.join(by)} ", text)
    text = _RANGE.sub(_range, text)
    text = _BOUND.sub(lambda m: f" {_THRESHOLDS[m['op']]} {m['n']} hires ", text)
    text = _HAVING.sub(_having, text)
    if named := _NAMES_SELECTED.search(text):  # 'select name, datetime ... order by datetime'
        more = named["more"] or named["more2"] or ""
        dated = re.search(r"datetime|hire_date", more)
        said = "hires" if re.sub(r"datetime|hire_date|[ ,.edj]", "", more) else "names"
        said = "names and hire dates" if dated and said == "names" else said
        text = f"{said} {text[named.end() :]}"
        text = _BY_TIME.sub(_by_time, text)
    elif not grouped and not re.search(r"\bcount\b", text):
        # 'hired_employees in Legal where datetime in March 2022 order by datetime desc': the
        # hires themselves, newest first (a count, or counts per group, have no hire times)
        text = _BY_TIME.sub(_by_time, text)
    sql = bool(re.match(r" *select\b", said)) or bool(re.search(r"\bgroup by\b", said))
    having = _HAVING.search(said) is not None
    return _ORDER.sub(lambda m: _order(m, sql, having), text).replace(";", " ")


def _range(match: re.Match[str]) -> str:
    low = int(match["n"]) + (match["op"] == ">")
    high = int(match["n2"]) - (match["op2"] == "<")
    if low > high:
        return match.group(0)  # no whole number between them: left as written, refused
    return f" between {low} and {high} hires "


def _named(match: re.Match[str]) -> str:
    """'department = Sales' is in Sales; 'job = Accountant I' as that title. A title with no
    level ('job = Accountant') is left as written: '=' means that one title, where the words
    would mean its whole family."""
    said = match["quoted"] or match["quoted2"] or match["word"]
    if match["col"].startswith("dep"):
        return f" in {said} "
    if re.search(r" (?:i|ii|iii|iv)$", said.strip()):
        return f" as {said} "
    return match.group(0)


def _listed(match: re.Match[str]) -> str:
    """'department in ('Sales', 'Legal')' is in Sales or Legal; 'year in (2021, 2022)' too."""
    said = [v.strip().strip("'\"").strip() for v in match["said"].split(",")]
    if match["col"].startswith("y") and not all(re.fullmatch(r"(?:19|20)\d\d", v) for v in said):
        return match.group(0)
    return f" in {' or '.join(said)} "


def _catalog_from(match: re.Match[str]) -> str:
    """'count(*) from jobs' counts the jobs; '... where job like '%engineer%'' searches them."""
    like = match["like"]
    if like is None:
        return f" {match['table']} "
    said = like.strip("%")
    if not said or "%" in said or "_" in said:
        return match.group(0)  # a wildcard inside: no search in words
    if like.startswith("%") and like.endswith("%"):
        return f" {match['table']} whose name contains '{said}' "
    how = "ends with" if like.startswith("%") else "starts with" if like.endswith("%") else "is"
    return match.group(0) if how == "is" else f" {match['table']} whose name {how} '{said}' "


def _year(match: re.Match[str]) -> str:
    year, op = int(match["year"]), match["op"]
    if op in ("=", "=="):
        return f" in {year} "
    if op in (">=", ">"):
        return f" since {year + (op == '>')} "
    return f" before {year + (op == '<=')} "


def _by_time(match: re.Match[str]) -> str:
    latest = match["dir"] in ("desc", "descending")
    if match["n"]:
        return f" {'latest' if latest else 'first'} {match['n']} "
    return " newest first " if latest else " earliest first "


def _having(match: re.Match[str]) -> str:
    """'having count(*) >= 10' is at least 10 hires. SQL's groups have a hire each, where the
    words 'fewer than 2' count a group with none: an upper bound reads from 1 up."""
    if match["low"] is not None:
        low, high = max(1, int(match["low"])), int(match["high"])
    elif match["op"] in ("<", "<="):
        low, high = 1, int(match["n"]) - (match["op"] == "<")
    elif int(match["n"]) == 0:
        return match[0]  # no group of SQL's has no hire: left as written
    else:
        return f" {_THRESHOLDS[match['op']]} {match['n']} hires "
    return f" between {low} and {high} hires " if low <= high else match[0]


def _order(match: re.Match[str], sql: bool, having: bool) -> str:
    """'order by count(*) desc limit 3' is the top 3; with no direction it is SQL's ascending
    order in SQL ('select ... group by ...'), and left to the grammar in words. SQL's groups
    are those with a hire: fewest first in SQL never shows a group with none (the words do)."""
    if match["dir"] is None and not sql:
        return match[0]
    most = match["dir"] in ("desc", "descending")
    said = " most first" if most else " fewest first"
    if sql and not most and not having:
        said = " at least 1 hires" + said
    if match["n"]:
        said += f" {'top' if most else 'bottom'} {match['n']}"
    return said + " "
