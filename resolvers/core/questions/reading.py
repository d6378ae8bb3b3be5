"""An HrQuery read back in plain words, so a wrong reading shows at a glance.

The sentence is built from the very object the compiler compiled: it says
every filter, the grouping, the threshold or ranking, and what was left out
("Hires in Sales from 1 Jan to 30 Jun 2021, counted per quarter; employees
without a department left out").
"""

from __future__ import annotations

from datetime import date, timedelta

from resolvers.core.questions.compiler import period_label, shows_zeros
from resolvers.core.questions.lexicon import MONTH_NAMES
from resolvers.core.questions.query import (
    WEEKDAY_NAMES,
    AverageQuery,
    CatalogQuery,
    CompareQuery,
    CountQuery,
    DifferenceQuery,
    Dimension,
    EmployeesQuery,
    Family,
    Filters,
    HireSpanQuery,
    HrQuery,
    NameSet,
    Period,
    ReportQuery,
    ShareQuery,
    SpreadQuery,
)
from resolvers.core.questions.sql_parts import dimensions

_PLURAL = {"department": "departments", "job": "jobs", "year": "years", "quarter": "quarters"}
_PLURAL |= {"month": "months", "weekday": "weekdays", "level": "levels", "half": "halves"}
_PLURAL |= {"day": "days"}


def _day(day: date) -> str:
    return f"{day.day} {day:%b} {day.year}"


def period_words(period: Period) -> str:
    start, end = period.start, period.end
    last = end - timedelta(days=1) if end else None
    if start and end:
        label = period_label(period)
        if isinstance(label, int) or " to " not in label:
            return f"in {label}"
        if (
            start.day == 1
            and end.day == 1
            and (end.year * 12 + end.month) - (start.year * 12 + start.month) == 1
        ):
            return f"in {start:%B} {start.year}"
        if start == last:
            return f"on {_day(start)}"
        assert last is not None
        head = f"{start.day} {start:%b}" if start.year == last.year else _day(start)
        return f"from {head} to {_day(last)}"
    if start:
        return f"from {_day(start)} on"
    assert last is not None
    return f"up to {_day(last)}"


def _names(names: tuple[str, ...]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _nameset(names: NameSet, what: str) -> list[str]:
    parts = []
    if names.include:
        parts.append(
            f"in {_names(names.include)}" if what == "department" else f"as {_names(names.include)}"
        )
    if names.exclude:
        parts.append(f"not {'in' if what == 'department' else 'as'} {_names(names.exclude)}")
    return parts


def _family(family: Family) -> str:
    """'statisticians (Statistician I, II, III or IV)': the titles a family word was read as."""
    titles = family.titles
    if len(titles) > 8:
        return f"{family.word} ({len(titles)} titles: {', '.join(titles[:3])} ...)"
    return f"{family.word} ({_names(titles)})"


def _jobs(filters: Filters) -> list[str]:
    """The kept and left-out jobs, each family said as its word with its titles."""
    parts = []
    for excluded in (False, True):
        families = [f for f in filters.families if f.excluded == excluded]
        names = filters.jobs.exclude if excluded else filters.jobs.include
        covered = {t for f in families for t in f.titles}
        said = [_family(f) for f in families] + [n for n in names if n not in covered]
        if said:
            joined = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " or " + said[-1]
            parts.append(f"{'not as' if excluded else 'as'} {joined}")
    return parts


def scope(filters: Filters) -> str:
    """The filters as words: ' in Sales from 1 Mar to 31 May 2021', or ''."""
    parts = _nameset(filters.departments, "department") + _jobs(filters)
    if filters.department_ids and parts:
        kept = ", ".join(str(i) for i in filters.department_ids)
        parts[0] += f" (only id {kept})" if len(filters.department_ids) == 1 else f" (ids {kept})"
    if filters.periods:
        parts.append(" or ".join(period_words(p) for p in filters.periods))
    if filters.months:
        named = tuple(MONTH_NAMES[m] for m in sorted(set(filters.months)))
        parts.append(f"in {_names(named)} of any year")
    if filters.weekdays:
        days = tuple(d for d in WEEKDAY_NAMES if d in filters.weekdays)
        parts.append(f"on a {_names(days)}")
    if filters.without_department:
        parts.append("without a department")
    if filters.without_job:
        parts.append("without a job")
    if filters.missing_either:
        parts.append("without a department or without a job (either or both)")
    if filters.name_prefix:
        parts.append(f"whose name starts with “{filters.name_prefix}”")
    if filters.name_not_prefix:
        parts.append(f"whose name does not start with “{filters.name_not_prefix}”")
    if filters.name_contains:
        parts.append(f"whose name contains “{filters.name_contains}”")
    if filters.name_suffix:
        parts.append(f"whose name ends with “{filters.name_suffix}”")
    if filters.employee_names:
        parts.append(f"named {_names(tuple(f'“{n}”' for n in filters.employee_names))}")
    if filters.same_day_as:
        parts.append(f"on the same day as {_names(tuple(f'“{n}”' for n in filters.same_day_as))}")
    if filters.employee_ids:
        ids = tuple(str(i) for i in filters.employee_ids)
        parts.append(f"with the employee id {_names(ids)}")
    if filters.first_name:
        parts.append(f"whose first name is “{filters.first_name}”")
    if filters.last_name:
        parts.append(f"whose last name is “{filters.last_name}”")
    if filters.other_than_names:
        left_out = [f"“{n}”" for n in filters.other_than_names]
        listed = ", ".join(left_out[:-1]) + " and " + left_out[-1] if len(left_out) > 1 else ""
        parts.append(f"other than {listed or left_out[0]}")
    return (" " + " ".join(parts)) if parts else ""


def _left_out(filters: Filters, group: list[Dimension] | tuple[Dimension, ...]) -> str:
    notes = []
    if "department" in group and not filters.without_department:
        notes.append("employees without a department left out")
    if "job" in group and not filters.without_job:
        notes.append("employees without a job left out")
    if filters.departments.exclude and "department" not in group:
        notes.append("employees without a department still counted")
    return ("; " + "; ".join(notes)) if notes else ""


def _per(group: list[Dimension]) -> str:
    return " and ".join(group)


def read_back(query: HrQuery) -> str:
    """One or two sentences saying exactly what was counted or listed."""
    inner = query.query
    match inner:
        case CountQuery():
            return _count(inner)
        case AverageQuery():
            group = dimensions([inner.per], inner.filters)
            report = ""
            if inner.per == "department":  # the mean of departmentsAboveMean, for its year
                report = " (the mean the departmentsAboveMean report compares with)"
            return (
                f"Hires{scope(inner.filters)}, counted per {_per(group)} and averaged over the "
                f"{_PLURAL[inner.per]} with at least one such hire{report}, with how many "
                f"{_PLURAL[inner.per]} and hires that is{_left_out(inner.filters, group)}."
            )
        case SpreadQuery():
            group = dimensions([inner.per], inner.filters)
            return (
                f"Hires{scope(inner.filters)}, counted per {_per(group)}: the most minus the "
                f"fewest, over the {_PLURAL[inner.per]} with at least one such hire, with both "
                f"counts{_left_out(inner.filters, group)}."
            )
        case ShareQuery():
            if inner.group_by:
                group = dimensions([inner.group_by], inner.filters)
                return (
                    f"Each {_per(group)}'s share (percent) of all the hires{scope(inner.filters)}, "
                    "those without a department or job included in the whole."
                )
            part = scope(inner.part or Filters()).strip()
            return f"The share (percent) of the hires{scope(inner.filters)} that were {part}."
        case DifferenceQuery():
            first, second = (scope(side).strip() or "overall" for side in inner.sides)
            if inner.show == "percent":
                return (
                    f"Hires{scope(inner.filters)}: those {first} minus those {second}, as a "
                    f"percent of those {second}, with both counts."
                )
            if inner.show == "ratio":
                return (
                    f"Hires{scope(inner.filters)}: those {first} per hire of those {second} "
                    "(the first count divided by the second), with both counts."
                )
            return (
                f"Hires{scope(inner.filters)}: those {first} minus those {second}, "
                "with both counts."
            )
        case CompareQuery():
            sides = " and ".join(period_words(p) for p in inner.periods)
            per = f", per {inner.group_by}" if inner.group_by else ""
            percent = ""
            if inner.show == "percent_change":
                percent = ", and that change as a percent of the hires " + period_words(
                    inner.periods[0]
                )
            if inner.show != "each" and inner.group_by:
                first, second = (period_words(p) for p in inner.periods)
                notes = _left_out(inner.filters, [inner.group_by])
                return (
                    f"Hires{scope(inner.filters)} per {inner.group_by} that hired {first} or "
                    f"{second}: both counts and the change ({second} minus {first}){percent}"
                    f"{_only(inner.only, first, second, inner.factor)}{notes}."
                )
            if inner.show != "each":
                first, second = (period_words(p) for p in inner.periods)
                if inner.drop:  # a fall, said as a positive number
                    return (
                        f"Hires{scope(inner.filters)} {first} minus hires {second} (the drop), "
                        f"with both counts{percent.replace('change', 'drop')}."
                    )
                return (
                    f"Hires{scope(inner.filters)} {second} minus hires {first}, "
                    f"with both counts{percent}."
                )
            notes = _left_out(inner.filters, [inner.group_by] if inner.group_by else [])
            return f"Hires{scope(inner.filters)} {sides}, side by side{per}{notes}."
        case HireSpanQuery():
            said = {"first": "The first", "last": "The last", "both": "The first and last"}
            times = "time (and date)" if inner.show != "both" else "times (and dates)"
            if inner.group_by is None:
                return f"{said[inner.show]} hire {times} on record{scope(inner.filters)}."
            group = dimensions([inner.group_by], inner.filters)
            notes = _left_out(inner.filters, [inner.group_by])
            return (
                f"{said[inner.show]} hire {times}{scope(inner.filters)}, per {_per(group)}{notes}."
            )
        case EmployeesQuery() if inner.per is not None:
            group = dimensions([inner.per], inner.filters)
            which = "latest" if inner.order == "latest" else "first"
            who = f"the {which} hire" if inner.limit == 1 else f"the {which} {inner.limit} hires"
            return (
                f"In each {_per(group)}, {who}{scope(inner.filters)} (id, name, hire time and "
                f"date, department and job; hires at the same instant all shown)"
                f"{_left_out(inner.filters, group)}."
            )
        case EmployeesQuery():
            what = "The names of the employees" if inner.columns == "names" else "The employees"
            if inner.columns == "dated":
                if (inner.filters.employee_names or inner.filters.employee_ids) and not inner.limit:
                    parts = " and ".join(inner.calendar)
                    its = f" (its {parts})" if parts else ""
                    return (
                        f"Each employee{scope(inner.filters)}: id, name, hire time and date{its}, "
                        "department (its id and name) and job."
                    )
                what += " (with their hire dates)"
            if inner.order in ("name", "name_descending"):
                way = " (Z to A)" if inner.order == "name_descending" else ""
                return f"{what} hired{scope(inner.filters)}, in alphabetical order of name{way}."
            if inner.limit:
                which = "latest" if inner.order == "latest" else "first"
                what = f"The {which} {inner.limit} employees hired"
                if inner.limit == 1:
                    what = "The most recent hire" if which == "latest" else "The first hire"
                if inner.columns == "names":
                    what = f"The names of the {which} {inner.limit} hired"
                if inner.limit == 1:
                    return f"{what}{scope(inner.filters)}."
                return f"{what}{scope(inner.filters)}, {inner.order} first."
            return f"{what} hired{scope(inner.filters)}, {inner.order} first."
        case CatalogQuery():
            search = ""
            if inner.name_prefix:
                search = f" whose name starts with “{inner.name_prefix}”"
            if inner.name_contains:
                search = f" whose name contains “{inner.name_contains}”"
            if inner.name_suffix:
                ending = inner.name_suffix
                word = "the word " if ending.startswith(" ") else ""
                search = f" whose name ends with {word}“{ending.strip()}”"
            if inner.family is not None:
                search += f" of the {_family(inner.family)} family"
            if inner.count_only:
                names = " (different names; two may share one)" if inner.distinct_names else ""
                return f"The number of {inner.of}{search}{names}."
            order = " (Z to A)" if inner.descending else ""
            if inner.limit is not None:
                return f"The first {inner.limit} of the {inner.of}{search}, by name{order}."
            return f"Every one of the {inner.of}{search}, by name{order}."
        case ReportQuery():
            if inner.report == "hires_by_quarter":
                return (
                    f"Hires in {inner.year} per department and job, counted per quarter "
                    "(the hiresByQuarter report), ordered by department and job; "
                    "employees without a department or job left out."
                )
            return (
                f"The departments that hired more than the mean in {inner.year} (the "
                "departmentsAboveMean report), most hires first; the mean is over the "
                "departments with at least one hire that year."
            )


def _only(only: str | None, first: str, second: str, factor: float | None = None) -> str:
    if only is None:
        return ""
    if factor is not None:
        times = f"{factor:g}"
        if only == "grew":
            return (
                f"; only those whose hires {second} were at least {times} times those {first}"
                f" (those with none {first} left out)"
            )
        return f"; only those whose hires {second} were at most 1/{times} of those {first}"
    more = "more" if only == "grew" else "fewer"
    return f"; only those with {more} hires {second} than {first}"


_TIMES = ("year", "half", "quarter", "month", "week", "day")
"""Groupings by time: listed in reverse, they come latest first (not 'Z to A')."""


def _count(query: CountQuery) -> str:
    what = {"hires": "Hires", "departments": "The number of different departments among hires"}
    what |= {"jobs": "The number of different jobs among hires"}
    head = what[query.distinct] + scope(query.filters)
    if not query.group_by:
        return f"{head}, counted{_left_out(query.filters, [])}."
    group = dimensions(query.group_by, query.filters)
    text = f"{head}, counted per {_per(group)}"
    if query.by_id:
        text = f"{head}, counted per {group[0]}_id (each id with its {group[0]}'s name)"
    if "level" in group:
        text += " (the I, II, III or IV ending a title; 'none' for a title without one)"
    if query.threshold:
        t = query.threshold
        bar = f"{t.value}"
        if t.than is not None:
            bar = f"{t.than.department or t.than.job}'s hires (under the same filters)"
        if t.versus is not None:
            bar = f"hires as {_family(t.versus)} in the same {_per(group)}, shown beside"
        words = {
            "more_than": f"more than {bar}", "fewer_than": f"fewer than {bar}",
            "at_least": f"at least {bar}", "at_most": f"at most {bar}",
            "exactly": f"exactly {bar}", "between": f"between {bar} and {t.upper} (both included)",
            "above_mean": "more than the mean (over the groups with at least one hire)",
            "below_mean": "fewer than the mean (over the groups with at least one hire)",
        }  # fmt: skip
        text += f"; only those with {words[t.compare]}"
    if query.in_every:
        text += (
            f"; only those with at least one hire in every {query.in_every} in which anyone "
            f"was hired{scope(Filters(periods=query.filters.periods))}"
        )
    if query.absent_in:
        text += f"; only those with no hire{scope(Filters(periods=query.absent_in))}"
    if query.descending_names and query.group_by[0] in _TIMES:
        latest = query.group_by[0] if len(query.group_by) == 1 else "period"
        text += f"; the latest {latest} first"
    elif query.descending_names:
        text += "; listed by name, Z to A"
    if query.count_groups:
        counted = " and ".join(_PLURAL[d] for d in query.group_by)
        if len(query.group_by) > 1:  # 'how many department and job combos': the pairs
            counted = f"{' and '.join(query.group_by)} pairs"
        text = f"The number of {counted}: {text}"
        return text + _left_out(query.filters, group) + "."
    if query.rank and query.rank.within:
        r = query.rank
        side = "most" if r.order == "most" else "fewest"
        inner_dims: list[Dimension] = [d for d in group if d != r.within]
        if len(inner_dims) > 1:  # a quarter (month) ranked with its year beside it
            inner_dims = [d for d in inner_dims if d != "year"]
        one = (
            f"the {_per(inner_dims)}" if r.limit == 1 else f"the {r.limit} {_PLURAL[inner_dims[0]]}"
        )
        among = " among those with a hire" if side == "fewest" else ""
        text += f"; in each {r.within}, {one} with the {side} hires{among} (ties all shown)"
        return text + _left_out(query.filters, group) + "."
    if query.rank:
        r = query.rank
        order = "most first" if r.order == "most" else "fewest first"
        if r.limit == 1 and r.offset:
            text += (
                f"; the one ranked {r.offset + 1}{_suffix(r.offset + 1)} ({order}, ties by name)"
            )
        elif r.limit:
            side = "most" if r.order == "most" else "fewest"
            if r.offset:
                text += f"; the {r.limit} with the {side} hires after skipping {r.offset}"
                text += " (ties by name)"
            elif r.limit == 1:
                text += f"; the one with the {side} hires (all shown if several tie)"
            else:
                text += f"; the {r.limit} with the {side} hires (more if several tie at the"
                text += f" {r.limit}{_suffix(r.limit)} place: all of them shown)"
        else:
            text += f"; {order}"
    if query.by_id:
        shown = f"; only {_PLURAL[group[0]]} with a hire shown"
        return text + shown + _left_out(query.filters, group) + "."
    if shows_zeros(query):
        text += f"; {_PLURAL[group[0]]} with no hire count as 0"
    else:
        text += f"; only {_PLURAL[group[0]]} with a hire shown" if len(group) == 1 else ""
    return text + _left_out(query.filters, group) + "."


def _suffix(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n, "th")
