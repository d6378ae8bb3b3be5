"""A plural of a title that longer titles hold is the whole family (issue 20's wrong answer:
'sales associates' once counted the Sales Associates only, not the Senior Sales Associates).

Checked on every multi-word title of the historic jobs list that another title holds, so
the rule is general: the plural counts every title holding those words and the reading
names them; the title said as written in the singular is that one title.
"""

from __future__ import annotations

import csv
import re

import pytest

from resolvers.core.questions.offline import OfflineEngine
from tests.resolvers.core.questions.question_set import HISTORIC_DATA


def _words(title: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", title.lower())


def _held() -> list[tuple[str, tuple[str, ...]]]:
    """Each multi-word title (no level) with every title holding its words in order."""
    with (HISTORIC_DATA / "jobs.csv").open(encoding="utf-8", newline="") as handle:
        titles = [row[1] for row in csv.reader(handle) if row]
    found = []
    for title in titles:
        words = _words(title)
        if len(words) < 2 or words[-1] in {"i", "ii", "iii", "iv"}:
            continue
        family = tuple(
            t
            for t in titles
            if any(_words(t)[i : i + len(words)] == words for i in range(len(_words(t))))
        )
        if len(family) > 1:
            found.append((title, family))
    return found


HELD = _held()


def test_the_historic_titles_hold_such_families() -> None:
    assert {"Sales Associate", "Financial Analyst", "Design Engineer"} <= {t for t, _ in HELD}


@pytest.mark.parametrize(("title", "family"), HELD, ids=[t for t, _ in HELD])
def test_a_plural_counts_every_title_holding_it_and_says_which(
    words_engine: OfflineEngine, title: str, family: tuple[str, ...]
) -> None:
    plural = words_engine.answer(f"how many {title.lower()}s were hired in 2021?")
    assert not plural.refused, plural.explanation
    reading = plural.reading or ""
    assert all(t in reading for t in family), reading
    each = [words_engine.answer(f"how many {t} hires in 2021?") for t in family]
    assert all(not a.refused for a in each)
    assert plural.rows == [[sum(a.rows[0][0] for a in each)]]
    single = words_engine.answer(f"how many {title} hires in 2021?")
    assert single.rows == each[family.index(title)].rows
    assert "Hires as " + title + " in 2021" in (single.reading or ""), single.reading
