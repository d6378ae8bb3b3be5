"""Who counts: departments and jobs kept or left out, missing ones, and name searches.

Names of departments and jobs are found by matching.py and stand in the line
of words as one token each (``__d0__``, ``__j1__``). A name after not,
excluding, except, other than, outside, apart from or without is left out,
with every name listed after it ("excluding Sales and Legal"); any other name
is kept, and several kept names are a union (an employee is in one department).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resolvers.core.questions.words import Words

ENTITY = r"__[dj]\d+__"
_CUE = (
    r"(?: (?:department|departments|dept|depts|team|teams|division|job|jobs|role|roles|title"
    r"|titles|position|positions))?"
)
_ONE = rf"(?:the )?{ENTITY}{_CUE}"
_LIST = rf"{_ONE}(?: (?:,|and|or|nor|,and|, and|, or)? ?{_ONE})*"
EXCLUDED = re.compile(
    r"\b(?:but |and )?(?:not|excluding|except|other than|outside|apart from|besides|without|minus"
    r"|leaving out|ignoring)(?: for| of)?(?: in| from| as| within| for)?(?: an?)? "
    rf"(?P<list>{_LIST})"
)
INCLUDED = re.compile(
    r"\b(?:(?:works?|worked|working|employed|hired|serving|served) (?:as|in|at|for)(?: an?)? )?"
    rf"(?:(?:in|at|from|for|by|of|within|into|as|as an?|only|just) )?(?:the )?(?P<list>{_LIST})"
)
MISSING_BOTH = re.compile(
    r"\b(?:missing|without|with no|lacking|have no|has no) (?:both )?(?:an? )?(?:department|team) "
    r"(?:and|or|nor) (?:an? )?(?:job|role|title)\b"
)
MISSING = re.compile(
    r"\b(?:(?:who )?(?:with|have|has|had) )?(?:no|without|missing|lacking|unassigned"
    r"|not assigned to|never (?:got |been |was )?assigned to)"
    r"(?: an?| any)? "
    r"(?P<what>department|departments|dept|teams?|job titles?|jobs?|roles?|titles?)\b"
    r"|\b(?P<what2>department|job)s? (?:is |was )?(?:missing|empty|unknown|blank|unassigned)\b"
)
_VALUE = r"(?P<value>__q\d+__|[a-z0-9][a-z0-9\-]*)"
IN_THE_NAME = re.compile(
    r"\b(?:(?:jobs?|roles?|positions?|titles?) )?(?:with|having|that have|that has|have|has|whose)"
    r" (?P<value>__q\d+__|[a-z0-9][a-z0-9\-]*) in "
    r"(?:the |their |its )?(?P<whose>job titles?|titles?|names?)\b"
)
NAME_SEARCH = re.compile(
    r"\b(?:(?:whose|with|with a|with an|having|where the|where) )?(?:first |full |last )?"
    r"(?P<whose>names?|titles?|job titles?|department names?) "
    r"(?P<op>starts? with|starting with|begins? with|beginning with|contains?|containing|includes?"
    r"|including|with|has|having|matches|matching|like)"
    rf" {_VALUE}"
    rf"|\b(?P<op2>named|called|titled) {_VALUE.replace('value', 'value2')}"
)


@dataclass(slots=True)
class NameSearch:
    target: str
    """'employee' or 'title' (a job or department name)."""
    prefix: bool
    value: str


@dataclass(slots=True)
class Who:
    included: list[str] = field(default_factory=list)
    """Entity tokens (``__d0__``) kept."""
    excluded: list[str] = field(default_factory=list)
    without_department: bool = False
    without_job: bool = False
    searches: list[NameSearch] = field(default_factory=list)


def quote_values(tokens: list[str]) -> tuple[list[str], dict[str, str]]:
    """Quoted phrases become ``__q0__`` tokens (their text kept aside), safe from name matching."""
    values: dict[str, str] = {}
    out = []
    for token in tokens:
        if token[:1] in "'\"" and len(token) > 2:
            key = f"__q{len(values)}__"
            values[key] = token[1:-1].strip()
            out.append(key)
        else:
            out.append(token)
    return out, values


def shield_search_values(tokens: list[str], values: dict[str, str]) -> list[str]:
    """'whose name starts with al': the searched word must not be read as a department or job."""
    line = " ".join(tokens)
    for match in [*IN_THE_NAME.finditer(line), *NAME_SEARCH.finditer(line)]:
        group = "value" if match.group("value") else "value2"
        word = match.group(group)
        if word.startswith("__q"):
            continue
        key = f"__q{len(values)}__"
        values[key] = word
        start, end = match.span(group)
        line = line[:start] + key + line[end:]
    return line.split()


def read(words: Words, values: dict[str, str]) -> Who:
    who = Who()
    for match in words.take_all(IN_THE_NAME):
        target = "employee" if match.group("whose").startswith("name") else "title"
        raw = match.group("value")
        who.searches.append(NameSearch(target, False, values.get(raw, raw)))
    for match in words.take_all(NAME_SEARCH):
        whose = match.group("whose") or ""
        op = match.group("op") or match.group("op2") or ""
        raw = match.group("value") or match.group("value2")
        target = (
            "title" if ("title" in whose or "department" in whose or op == "titled") else "employee"
        )
        prefix = op.startswith(("start", "begin"))
        who.searches.append(NameSearch(target, prefix, values.get(raw, raw)))
    for _ in words.take_all(MISSING_BOTH):
        who.without_department = who.without_job = True
    for match in words.take_all(MISSING):
        what = match.group("what") or match.group("what2")
        if what.startswith(("dep", "team")):
            who.without_department = True
        else:
            who.without_job = True
    for match in words.take_all(EXCLUDED):
        who.excluded += re.findall(ENTITY, match.group("list"))
    for match in words.take_all(INCLUDED):
        who.included += re.findall(ENTITY, match.group("list"))
    return who
