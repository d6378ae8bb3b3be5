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

ENTITY = r"__[djf]\d+__"
"""A department (d), job (j) or job family (f) named in the question, as one token."""
_CUE = (
    r"(?: (?:department|departments|dept|depts|team|teams|division|job|jobs|role|roles|title"
    r"|titles|position|positions)(?![a-z]))?"
)
_ONE = rf"(?:the )?{ENTITY}{_CUE}"
_LIST = rf"{_ONE}(?: (?:,|and|or|nor|,and|, and|, or|plus|, plus)? ?{_ONE})*"
EXCLUDED = re.compile(
    r"\b(?:but |and )?(?:not|excluding|except|other than|outside|apart from|besides|without|minus"
    r"|leaving out|ignoring)(?: for| of)?(?: in| from| as| within| for)?(?: an?)? "
    rf"(?P<list>{_LIST})"
)
INCLUDED = re.compile(
    r"\b(?:(?:works?|worked|working|employed|hired|serving|served) (?:as|in|at|for)(?: an?)? )?"
    rf"(?:(?:in|at|from|for|by|of|within|into|as|as an?|only|just) )?(?:the )?(?P<list>{_LIST})"
    r"(?: only\b)?"  # 'hires by year for Support only'
)
_DEPARTMENT_WORD = r"(?:department|dept|team)"
_JOB_WORD = r"(?:job title|job|role|title)"
_EITHER_PAIR = (
    rf"(?:{_DEPARTMENT_WORD}s? (?:or|and/or) (?:an? |any )?{_JOB_WORD}s?"
    rf"|{_JOB_WORD}s? (?:or|and/or) (?:an? |any )?{_DEPARTMENT_WORD}s?)"
)
_NO_PAIR = (
    rf"(?:{_DEPARTMENT_WORD} or (?:no|without|missing|lacking) (?:an? )?{_JOB_WORD}"
    rf"|{_JOB_WORD} or (?:no|without|missing|lacking) (?:an? )?{_DEPARTMENT_WORD})"
)
MISSING_EITHER = re.compile(
    rf"\b(?:missing|lacking|lack|lacks|lacked) (?:either )?(?:an? |any )?{_EITHER_PAIR}\b"
    rf"|\b(?:(?:with|have|has|had) )?(?:no|without|missing|lacking) (?:an? )?{_NO_PAIR}\b"
    rf"|\b(?:(?:with|have|has|had) )?(?:either )?(?:no|without) (?:an? )?{_DEPARTMENT_WORD}"
    rf" or (?:an? )?{_JOB_WORD} or both\b"
)
"""'missing a department or a job', 'no job or no department': either missing, or both.

('with no department or job' is neither: both missing, MISSING_BOTH.)"""
MISSING_BOTH = re.compile(
    r"\b(?:(?:with|have|has|had) )?neither (?:an? )?(?:department|dept|team|job|role|title)"
    r" nor (?:an? )?(?:department|dept|team|job|role|title)\b|"
    r"\b(?:missing|without|with no|lacking|have no|has no) (?:both )?(?:an? )?"
    r"(?:department|dept|team) "
    r"(?:and(?: no| without)?|or|nor) (?:an? )?(?:job|role|title)\b"
)
_NOTED = r"(?:recorded|listed|entered|set|given|assigned|captured|logged|info|information|data)"
MISSING = re.compile(
    r"\b(?:(?:who )?(?:with|have|has|had) )?(?:no|without|missing|lacking|lack|lacks|lacked"
    r"|unassigned"
    r"|not assigned to|never (?:got |been |was )?assigned to|(?:do|does|did) not have)"
    rf"(?: an?| any)?(?: {_NOTED})? "
    r"(?P<what>department|departments|dept|teams?|job titles?|jobs?|roles?|titles?)\b"
    rf"(?: {_NOTED}(?! (?:in|as|for|by|to) __))?"
    r"|\b(?:(?:with|where|whose) )?(?:the |their |an? )?"
    r"(?P<what2>department|dept|job|role|job title)s?"
    r" (?:is |was )?(?:missing|empty|unknown|blank|unassigned|null|not recorded"
    r"|not set|not given|not listed|not assigned)\b"
    r"|\b(?:with )?(?:an? )?(?:unassigned|blank|empty|missing|unknown|null) "
    r"(?P<what3>department|dept|job|role|job title)s?\b"
)
_VALUE = (
    r"(?!(?:columns?|rows?|each|every|more|fewer|less|over|under|above|below|exactly|at least"
    r"|at most|no|zero|\d+ (?:or|and|plus|hires?|people|employees|new|staff))\b)"
    r"(?P<value>__q\d+__|[a-z0-9][a-z0-9\-]*)"
)
"""A searched word; not 'job title with columns Q1 ...' (a layout) or 'titles with 15 or more
hires' (a threshold)."""
IN_THE_NAME = re.compile(
    r"\b(?:(?:jobs?|roles?|positions?|titles?) )?(?:with|having|that have|that has|have|has|had"
    r"|whose)"
    r" (?P<value>__q\d+__|[a-z0-9][a-z0-9\-]*) in "
    r"(?:the |their |its )?(?P<whose>job titles?|titles?|names?)\b"
)
_SAID_LAST = (
    r"(?= *$| ,| in (?:it|them|the name|the title|their names?|their titles?)| a to z| z to a"
    r"| alphabetical| sorted| ordered| in alphabetical| in reverse| please| pls| thanks| and | or )"
)
"""Where a searched word written after 'with' or 'has' ends: 'titles with engineer, A to Z'
(never 'job titles has Sales ever hired for', where 'has' is a verb)."""
NAME_SEARCH = re.compile(
    r"\b(?:(?P<pre>whose|with|with a|with an|having|where the|where) )?"
    r"(?:first |full |last )?"
    r"(?P<whose>names?|titles?|job titles?|department names?) (?:(?:that|which) )?"
    r"(?:(?P<op>(?P<not>(?:does not|do not|did not|not) )(?:starts?|starting|begins?|beginning)"
    r" with|starts? with|starting with|begins? with|beginning with|contains?|containing"
    r"|ends? with|ending with|ends? in|ending in|is like|are like|match"
    r"|includes?|including|matches|matching|like|mentions?|mentioning) "
    rf"(?:(?:the )?(?:word|string|text|letters?) )?{_VALUE}"
    rf"|(?P<op3>with|has|having|have) {_VALUE.replace('value', 'value3')}{_SAID_LAST})"
    rf"|\b(?P<op2>named|called|titled) {_VALUE.replace('value', 'value2')}"
)

_CATALOG_DIMS = (
    r"(?P<dim>departments?|depts?|teams?|divisions?|job titles?|jobs?|roles?|titles?|positions?)"
    r"(?: names?)?"
)
_IN_IT = (
    r"(?: (?:in|inside) (?:it|them|the name|the title|their names?|their titles?|its name"
    r"|its title|the names?|the titles?))?"
)
CATALOG_SEARCH = re.compile(
    rf"\b{_CATALOG_DIMS}(?:(?: (?:whose|where the|where their|with) (?:names?|titles?))?"
    r"(?: (?:that|which))? (?P<op>starts? with|starting with|begins? with|beginning with"
    r"|ends? (?:with|in)|ending (?:with|in)|contains?|containing|includes?|including"
    r"|mentions?|mentioning)"
    rf"(?: (?:the )?(?:word|string|text|letters?|suffix|prefix))? {_VALUE}{_IN_IT}"
    r"| (?:with|having|(?:that|which) (?:have|has|had)|have|has|had)"
    rf" (?:the )?(?:word|string|text|letters?) {_VALUE.replace('value', 'value2')}{_IN_IT}"
    r"| (?:with|having|(?:that|which) (?:have|has|had)|have|has|had)"
    rf" {_VALUE.replace('value', 'value3')} (?:in|inside) (?:it|them|the names?|the titles?"
    r"|their names?|their titles?|its name|its title)\b"
    r"| (?:whose|where the|where their|where its) (?:names?|titles?) (?:has|have|had|holds?)"
    r" (?P<value4>__q\d+__)"
    r"| (?:with|having|(?:that|which) (?:have|has|had)|have|has|had)"
    rf" {_VALUE.replace('value', 'value5')} at the (?P<end>end|start|beginning|front)\b)"
)
"""Departments or job titles searched by their own names: 'departments whose name includes
"ing"', 'titles ending in III', 'job titles with the word Engineer in it'. The word before
says which table is searched (a department name is never matched against the job titles)."""


@dataclass(slots=True)
class NameSearch:
    target: str
    """'employee', 'title' (a job title) or 'department' (a department name)."""
    prefix: bool
    value: str
    listed: bool = False
    """'names starting with Mar': the names are what is asked (a list, unless counted)."""
    suffix: bool = False
    """The value ends the name: 'names ending in 0042', 'titles ending in III'."""
    negated: bool = False
    """'names that do not start with Person': every name but those (a prefix only)."""


@dataclass(slots=True)
class Who:
    people: list[str] = field(default_factory=list)
    """Person tokens (``__p0__``) looked up."""
    included: list[str] = field(default_factory=list)
    """Entity tokens (``__d0__``) kept."""
    excluded: list[str] = field(default_factory=list)
    without_department: bool = False
    without_job: bool = False
    missing_either: bool = False
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
    while match := _unshielded(CATALOG_SEARCH, line):
        group = next(
            g for g in ("value", "value2", "value3", "value4", "value5") if match.groupdict().get(g)
        )
        key = f"__q{len(values)}__"
        values[key] = match.group(group)
        start, end = match.span(group)
        line = line[:start] + key + line[end:]
    for match in [*IN_THE_NAME.finditer(line), *NAME_SEARCH.finditer(line)]:
        group = next(
            g for g in ("value", "value2", "value3", "value4", "value5") if match.groupdict().get(g)
        )
        word = match.group(group)
        if word.startswith("__q"):
            continue
        key = f"__q{len(values)}__"
        values[key] = word
        start, end = match.span(group)
        line = line[:start] + key + line[end:]
    return line.split()


_ONE_LETTER = re.compile(
    r"\b(starts? with|starting with|begins? with|beginning with|ends? (?:with|in)"
    r"|ending (?:with|in)|(?:the )?letter) ([b-hj-z]|[ai](?= *(?:$|[,?.!;)])))\b(?!')"
)


def quote_letters(text: str) -> str:
    """'departments that start with S': one letter searched is quoted, so it stays a word (a lone
    's' is otherwise dropped as a possessive); 'starting with a ...' keeps its article."""
    return _ONE_LETTER.sub(r'\1 "\2"', text)


def _unshielded(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """The first match of a search whose searched word is not yet a quoted value."""
    for match in pattern.finditer(line):
        group = next(
            g for g in ("value", "value2", "value3", "value4", "value5") if match.groupdict().get(g)
        )
        if not match.group(group).startswith("__q"):
            return match
    return None


PERSON_TOKEN = re.compile(r"__p\d+__")


_WILDCARDS = re.compile(r"(?P<before>[%*]?)(?P<said>[^%*]+?)(?P<after>[%*]?)")
"""A searched value with SQL's (or a shell's) wildcard at one end or both: 'Person%'."""


def read(words: Words, values: dict[str, str]) -> Who:
    who = Who()
    for match in words.take_all(PERSON_TOKEN):
        who.people.append(match.group(0))
    for match in words.take_all(CATALOG_SEARCH):
        dim, op = match.group("dim"), match.group("op") or "contains"
        raw = match.group("value") or match.group("value2") or match.group("value3")
        raw = raw or match.group("value4") or match.group("value5")
        if match.group("end"):  # 'titles with II at the end'
            op = "ends with" if match.group("end") == "end" else "starts with"
        target = "department" if dim.startswith(("dep", "team", "div")) else "title"
        prefix, suffix = op.startswith(("start", "begin")), op.startswith("end")
        who.searches.append(NameSearch(target, prefix, values.get(raw, raw), suffix=suffix))
    for match in words.take_all(IN_THE_NAME):
        target = "employee" if match.group("whose").startswith("name") else "title"
        raw = match.group("value")
        who.searches.append(NameSearch(target, False, values.get(raw, raw)))
    for match in words.take_all(NAME_SEARCH):
        whose = match.group("whose") or ""
        op = match.group("op") or match.group("op2") or match.group("op3") or ""
        raw = match.group("value") or match.group("value2") or match.group("value3")
        target = "title" if ("title" in whose or op == "titled") else "employee"
        target = "department" if "department" in whose else target
        prefix = op.startswith(("start", "begin"))
        listed = target == "employee" and whose.startswith("name") and not match.group("pre")
        suffix = op.startswith("end")
        negated = bool(match.groupdict().get("not"))
        prefix = prefix or negated
        value = values.get(raw, raw)
        if not (prefix or suffix) and (wild := _WILDCARDS.fullmatch(value)):
            # "names like 'Person%'": SQL's wildcards at either end, read as they mean
            value, prefix, suffix = (
                wild.group("said"),
                not wild.group("before"),
                not wild.group("after"),
            )
            prefix, suffix = prefix and not suffix, suffix and not prefix
        if negated and target != "employee":  # a title not starting with ...: left unread
            words.text = words.text[: match.start()] + match[0] + words.text[match.end() :]
            continue
        who.searches.append(NameSearch(target, prefix, value, listed, suffix, negated))
    for _ in words.take_all(MISSING_EITHER):
        who.missing_either = True
    for _ in words.take_all(MISSING_BOTH):
        who.without_department = who.without_job = True
    for match in words.take_all(MISSING):
        what = match.group("what") or match.group("what2") or match.group("what3")
        if what.startswith(("dep", "team")):
            who.without_department = True
        else:
            who.without_job = True
    for match in words.take_all(EXCLUDED):
        who.excluded += re.findall(ENTITY, match.group("list"))
    for match in words.take_all(INCLUDED):
        who.included += re.findall(ENTITY, match.group("list"))
    return who
