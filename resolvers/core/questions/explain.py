"""One sentence saying what was counted, and a declarative chart hint, for each intent."""

from __future__ import annotations

from resolvers.core.ports import ChartHint
from resolvers.core.questions.intent import Intent, Kind


def _scope(intent: Intent) -> str:
    parts = []
    if intent.departments:
        parts.append("in " + _names(intent.departments, "department"))
    if intent.jobs:
        parts.append("as " + _names(intent.jobs, "job"))
    for kind in intent.missing:
        parts.append(f"without a {kind}")
    if intent.period is not None:
        label = intent.period.label
        parts.append(label if label.startswith(("from", "since", "before")) else f"in {label}")
    return (" " + " ".join(parts)) if parts else ""


def _names(names: tuple[str, ...], kind: str) -> str:
    quoted = " or ".join(names)
    return f"{quoted} ({kind})" if len(names) == 1 else f"{quoted} ({kind}s)"


def explanation(intent: Intent) -> str:
    scope = _scope(intent)
    dims = " and ".join(intent.dimensions)
    order = "most" if intent.descending else "fewest"
    match intent.kind:
        case Kind.COUNT:
            return f"Counts the employees hired{scope}."
        case Kind.BREAKDOWN:
            return f"Counts hires{scope} per {dims}."
        case Kind.RANKING:
            top = f"the {intent.limit}" if intent.limit else "all"
            return f"Ranks {top} {dims} values by hires{scope}, {order} first (ties by name)."
        case Kind.QUARTERLY:
            return f"Counts hires per quarter{scope} for each department and job."
        case Kind.VS_MEAN:
            side = "more" if intent.descending else "fewer"
            return (
                f"Lists each {dims} that hired {side} than the mean{scope}; the mean is over"
                f" the {dims}s with at least one hire."
            )
        case Kind.SHARE:
            if intent.dimensions:
                return f"Shows each {dims}'s share (percent) of the hires{scope}."
            period = f" in {intent.period.label}" if intent.period else ""
            return f"Shows what share (percent) of all hires{period} went{scope}."
        case Kind.FIRST_LAST:
            which = "latest" if intent.descending else "earliest"
            return f"Lists the {which} {intent.limit} hire(s){scope}."
        case Kind.LIST:
            return f"Lists the employees hired{scope}, earliest first."
        case Kind.COMPARE_YEARS:
            years = " and ".join(str(y) for y in intent.years)
            per = f" per {dims}" if dims else ""
            return f"Compares hires{scope}{per} in {years}."
        case Kind.CATALOG:
            what = f"{dims}s"
            return f"Counts the {what}." if intent.count_only else f"Lists every {dims}."
    return "Answers the question."


def chart(intent: Intent) -> ChartHint:
    dims = list(intent.dimensions)
    match intent.kind:
        case Kind.BREAKDOWN | Kind.RANKING | Kind.SHARE if dims:
            y = "share_pct" if intent.kind is Kind.SHARE else "hires"
            time = [d for d in dims if d in ("year", "quarter", "month")]
            if time and intent.kind is not Kind.RANKING:
                series = dims[0] if dims[0] not in time else None
                return ChartHint("LINE", x=time[-1], y=y, series=series)
            return ChartHint("BAR", x=dims[0], y=y, series=dims[1] if len(dims) > 1 else None)
        case Kind.VS_MEAN:
            return ChartHint("BAR", x=dims[0], y="hires")
        case Kind.QUARTERLY:
            return ChartHint("HEATMAP", x="job", y="department")
        case Kind.COMPARE_YEARS:
            if dims:
                return ChartHint("BAR", x=dims[0], y="hires", series="year")
            return ChartHint("BAR", x="year", y="hires")
    return ChartHint("TABLE")
