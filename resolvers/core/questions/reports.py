"""The two reports (hires by quarter, departments above the mean) asked in words.

A question that is exactly one of them, for one whole year and nothing else,
runs the report's own SQL, so the Ask answer and the report agree.
"""

from __future__ import annotations

from datetime import date

from resolvers.core.questions.lexicon import FILLER
from resolvers.core.questions.patterns import COUNT
from resolvers.core.questions.query import Filters, Period, Rank, ReportQuery
from resolvers.core.questions.shape_filters import Parsed, Refusal, _count_words


def _report(parsed: Parsed, filters_: Filters) -> ReportQuery | Refusal | None:
    """The two report shapes, for one whole year and nothing else, run the report's own SQL.

    Either shape kept to named departments or jobs is refused: the quarterly grid of a part
    is not the report's columns, and above the mean of which departments, all or those named?
    """
    words, reading = parsed.words, parsed.reading
    left = [w for w in COUNT.sub(" ", words.text).split() if w not in FILLER]
    named = (filters_.departments.include or filters_.jobs.include) and not left  # else unread
    grid = set(reading.group) == {"department", "job", "quarter"}
    mean = reading.threshold is not None and reading.threshold.compare.endswith("_mean")
    if named and grid:
        return Refusal(
            "The quarterly report counts every department and job: ask for it without the "
            "names, or for one name's hires per job and quarter, e.g. Sales hires per job and "
            "quarter in 2021."
        )
    if named and mean and reading.group == ["department"] and filters_.departments.include:
        return Refusal(
            "Above the mean of every department, or of those named only? Ask e.g. which "
            "departments hired more than the mean in 2021, or how many Sales hired in 2021."
        )
    only_year = (
        len(filters_.periods) == 1
        and filters_ == Filters(periods=filters_.periods)
        and dates_whole_year(filters_.periods[0])
    )
    if not only_year or reading.counted_groups:  # 'how many departments ...' is a number
        return None
    year = filters_.periods[0].start.year  # type: ignore[union-attr]
    group = set(reading.group)
    report_order = reading.order_dims == ["department", "job", "quarter"][: len(reading.order_dims)]
    if (
        group == {"department", "job", "quarter"}
        and not reading.threshold
        and not reading.rank
        and reading.rank_order is None  # 'sorted by number of hires' is not the report's order
        and not reading.descending_names
        and report_order
    ):
        _count_words(words)
        return ReportQuery(report="hires_by_quarter", year=year)
    above = reading.threshold is not None and reading.threshold.compare == "above_mean"
    if (
        group == {"department"}
        and above
        and (reading.rank is None or reading.rank == Rank(order="most"))
        and reading.rank_order in (None, "most")
        and not reading.descending_names
    ):
        _count_words(words)
        return ReportQuery(report="departments_above_mean", year=year)
    return None


def dates_whole_year(period: Period) -> bool:
    start, end = period.start, period.end
    return bool(
        start and end and start.month == start.day == 1 and end == date(start.year + 1, 1, 1)
    )
