"""Two named groups side by side: how many more one hired than the other, and their ratio.

'How many more did Sales hire than Legal', 'Engineering hires per Sales hire',
'departments that hired more engineers than designers': each side keeps its
own names and dates, and what is said once holds for both.
"""

from __future__ import annotations

import re

from resolvers.core.questions import filters
from resolvers.core.questions.dates import Span
from resolvers.core.questions.patterns import (
    COMPARE,
    GREW,
    PERCENT_CHANGE,
    SUBJECT,
    YES_NO,
)
from resolvers.core.questions.query import (
    DifferenceQuery,
    Family,
    SpreadQuery,
    Threshold,
)
from resolvers.core.questions.shape_filters import Parsed, Reading, Refusal, _count_words, _filters


def _titles_versus(parsed: Parsed) -> Threshold | Refusal | None:
    """'Departments that hired more engineers than designers': per group, the hires of one
    job (family) against another's in that same group; None when the question is not so."""
    reading = parsed.reading
    names = parsed.names
    if not (reading.than and reading.group and reading.than_noun):
        return None
    (op, token), noun = reading.than, reading.than_noun
    if names[noun][0] == "department" or names[token][0] == "department":
        return None
    if reading.threshold is not None and reading.threshold.than is None:
        return Refusal("Compare the groups with one number or one named group, not both.")
    kind, name = names[token]
    titles = reading.families[token] if kind == "family" else (name,)
    compare = "more_than" if op == "more" else "fewer_than"
    return Threshold(compare=compare, versus=Family(word=name, titles=titles))  # type: ignore[arg-type]


def _spread(parsed: Parsed) -> SpreadQuery | Refusal:
    """'The gap between our busiest and quietest department in 2022': over one grouping, the
    most hires minus the fewest; a ranking, threshold or second grouping beside it is refused."""
    words, reading = parsed.words, parsed.reading
    names, catalog, date_sets = parsed.names, parsed.catalog, parsed.date_sets
    asked = reading.rank or reading.threshold or reading.rank_order or reading.than
    if asked or reading.counted_groups or len(reading.group) != 1:
        return Refusal(
            "The gap between the busiest and the quietest is taken over one grouping and "
            "nothing else: ask e.g. for the gap between our busiest and quietest department "
            "in 2022."
        )
    filters_ = _filters(reading, names, catalog, date_sets)
    if isinstance(filters_, Refusal):
        return filters_
    _count_words(words)
    return SpreadQuery(filters=filters_, per=reading.group[0])


def _than_difference(parsed: Parsed) -> DifferenceQuery | Refusal:
    """'How many more did Sales hire (in 2021) than Legal (in 2022)?': each side its own.

    Dates said on both sides stay on their side; dates said on one side only
    hold for both, unless the other side says 'overall' (then it has none).
    """
    words, reading = parsed.words, parsed.reading
    names, date_sets = parsed.names, parsed.date_sets
    assert reading.than is not None
    if YES_NO.search(reading.line):
        return Refusal(
            "A yes-or-no comparison is not answered; ask how many more (or fewer) instead."
        )
    op, token = reading.than
    if reading.tail_excluded:
        return Refusal("Say which side leaves that out: the words after 'than' name one side only.")
    common_names = [reading.than_noun] if reading.than_noun else []
    first_names = [t for t in reading.who.included if t not in common_names]
    second_names = [token, *reading.tail_included]
    kinds = [
        {names[t][0].replace("family", "job") for t in side} for side in (first_names, second_names)
    ]
    if first_names and kinds[0] != kinds[1]:
        return Refusal(
            "Does each name hold for both sides? Name the same kind on each side, e.g. how "
            "many more engineers did Sales hire than Legal?"
        )
    reading.who.included = first_names
    tail_sets = [p.spans for p in reading.tail_phrases]
    head: list[list[Span]] = []
    tail: list[list[Span]] = []
    common = date_sets + tail_sets
    if date_sets and tail_sets:
        head, tail, common = date_sets, tail_sets, []
    elif date_sets and reading.tail_overall:
        head, common = date_sets, []
    if not reading.who.included and not head:
        return Refusal(
            "More than that named group, but more of what? Name both sides, e.g. how many "
            "more did Sales hire than Legal?"
        )
    reading.who.included = common_names  # both sides count these
    if percent := words.search(PERCENT_CHANGE):
        # 'what percent more did Sales hire than Legal': over the side after 'than'
        if op != "more":
            return Refusal(
                "Ask it the other way round, e.g. what percent more did Sales hire than Legal?"
            )
        words.take(percent)
        query = _difference(parsed, first_names, common, head, second_names, tail)
        return query if isinstance(query, Refusal) else query.model_copy(update={"show": "percent"})
    if op == "more":
        return _difference(parsed, first_names, common, head, second_names, tail)
    return _difference(parsed, second_names, common, tail, first_names, head)


CHANGED = re.compile(r"\b(?:growth|grown|changed|evolved|evolve)\b")
"""A change over time: two groups' changes compared are not their counts compared."""
VERSUS = re.compile(r"\b(?:vs|versus|compared (?:with|to)|compare|against|than)\b")


def _versus(reading: Reading) -> bool:
    """Whether a comparing word stands between the names: they are compared, not summed."""
    at = [reading.line.find(t) for t in reading.who.included]
    return any(min(at) < m.start() < max(at) for m in VERSUS.finditer(reading.line))


def _ratio(parsed: Parsed, ratio: re.Match[str]) -> DifferenceQuery | Refusal:
    """'How many Engineering hires per Sales hire in 2022': one side's hires over the other's.

    Both sides take every other filter (the dates said once hold for both); a
    third name, or dates said for one side only, is refused: whose would it be?
    """
    words, reading = parsed.words, parsed.reading
    date_sets = parsed.date_sets
    one, other = (next(t for t in ratio.group(*pair) if t) for pair in (_A, _B))
    if words.has(GREW) or words.has(COMPARE):
        return Refusal(
            "A ratio is of two groups' hires over the same dates, not of their changes: "
            "e.g. how many Engineering hires per Sales hire in 2022?"
        )
    if set(reading.who.included) != {one, other} or reading.who.excluded:
        return Refusal(
            "A ratio is of two named groups and nothing else, e.g. how many Engineering "
            "hires per Sales hire in 2022?"
        )
    if len(date_sets) > 1:
        return Refusal(
            "Say the dates once, for both sides, e.g. how many Engineering hires per Sales "
            "hire in 2022?"
        )
    start, end = ratio.span()  # the line and the words keep the same positions: blank
    segment = words.text[start:end]  # the ratio's own words there, leave any other unread
    segment = re.sub(r"\S+", lambda t: " " * len(t[0]) if t[0] in _RATIO_WORDS else t[0], segment)
    words.text = words.text[:start] + segment + words.text[end:]
    reading.who.included = []
    query = _difference(parsed, [one], date_sets, [], [other])
    return query if isinstance(query, Refusal) else query.model_copy(update={"show": "ratio"})


_A, _B = ("a", "a2", "a3", "a4"), ("b", "b2", "b3", "b4")
_RATIO_WORDS = frozenset(re.findall(r"\S+", """
    per for each every to one a an single ratio of between the and vs versus over how many
    number hire hires hired hiring people person employees staff new did we were was make
    made they do does there ,
"""))  # fmt: skip
_SAID = rf"(?: (?:{SUBJECT}|new|did|we|were|was|make|made|they|do|does|there))*?"
RATIO = re.compile(
    rf"(?P<a>__[djf]\d+__){_SAID} (?:per|for each|for every|to each|to every|for one)"
    rf"(?: each| every| one| a| an| single)? (?P<b>__[djf]\d+__)(?: (?:hire|hires|person|one))?\b"
    rf"|\b(?:the )?ratio (?:of |between )?(?:the )?(?P<a2>__[djf]\d+__){_SAID}"
    rf" (?:to|and|vs|versus|over) (?:the )?(?P<b2>__[djf]\d+__)"
    rf"|(?P<a3>__[djf]\d+__){_SAID} (?:to|vs|versus) (?P<b3>__[djf]\d+__){_SAID}"
    rf" (?:hiring |hire |hires )?ratio\b"
    rf"|\bfor (?:each|every) (?P<b4>__[djf]\d+__)(?: (?!__)\S+){{0,6}}? ,?(?: how many"
    rf"| number of)? (?P<a4>__[djf]\d+__)"
)
"""A ratio of two named groups' hires (a the numerator, b the denominator)."""


def _difference(
    parsed: Parsed,
    first: list[str],
    common: list[list[Span]],
    first_dates: list[list[Span]],
    second: list[str],
    second_dates: list[list[Span]] | None = None,
) -> DifferenceQuery | Refusal:
    """First side minus second, both under the common filters (``reading.who.included``)."""
    words, reading = parsed.words, parsed.reading
    names, catalog = parsed.names, parsed.catalog
    if words.has(GREW) or words.has(CHANGED):  # 'how much more did Sales grow than Legal'
        return Refusal(
            "A difference between two groups' growth is not answered; ask for each one's "
            "change, e.g. how much did hiring grow from 2021 to 2022 per department?"
        )
    filters_ = _filters(reading, names, catalog, common)  # who.included: what both count
    if isinstance(filters_, Refusal):
        return filters_
    sides = []
    for tokens, sets in ((first, first_dates), (second, second_dates or [])):
        one = Reading(
            who=filters.Who(included=tokens),
            families=reading.families,
            department_ids=reading.department_ids,
        )
        side = _filters(one, names, catalog, sets)
        if isinstance(side, Refusal):
            return side
        sides.append(side)
    _count_words(words)
    words.take_all(COMPARE)
    return DifferenceQuery(filters=filters_, sides=(sides[0], sides[1]))
