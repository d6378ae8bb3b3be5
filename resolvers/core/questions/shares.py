"""A share of hires: which words are the whole and which the part.

'What percent of Sales hires were in 2022' is read by where each name and
date stands against the share word or the verb ('went to'); a period left
out on the wrong side is refused rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from resolvers.core.questions import dates, filters
from resolvers.core.questions.patterns import OVERALL, SHARE, SHARE_VERB, WENT
from resolvers.core.questions.query import ShareQuery
from resolvers.core.questions.shape_filters import Parsed, Refusal, _filters

NEGATED = re.compile(r"^(?:but |and )?(?:not|except|excluding|outside|other than|apart from)\b")
"""A date phrase that leaves a period out ('but not in 2021')."""


WHOLE_FIRST = re.compile(r" *(?:out )?of\b")
"""'Of Legal's 2021 hires, what percent ...': the whole is said first, the part after the share."""


MADE = re.compile(r"(?<=\bhires )(?:made|hired)\b")
"""'share of Sales hires made in 2021': the hires said, then what marks the part."""


def _holding(phrases: list[dates.DatePhrase]) -> dates.DatePhrase | None:
    """The one period that holds every other ('2021' beside 'Q1'): the whole's, not the part's."""
    for outer in phrases:
        if len(outer.spans) != 1:
            continue
        start, end = outer.spans[0]
        inside = [
            (s or start or date.min) >= (start or date.min)
            and (e or end or date.max) <= (end or date.max)
            for p in phrases
            if p is not outer
            for s, e in p.spans
        ]
        if inside and all(inside):
            return outer
    return None


def _share_of_part(parsed: Parsed, phrases: list[dates.DatePhrase]) -> ShareQuery | Refusal:
    """The part and the whole of a share, by where their words stand.

    'What share of Sales hires were in 2022': the whole is said before the
    verb (Sales), the part after it (2022). With no verb to split at, named
    departments and jobs are the part and dates the whole; with no names, a
    lone date is the part of all hires ('what percent of hires were in 2022'),
    and of two dates the later-said one is the part; the hires without a
    department (job) are the part when the question asks about them.
    """
    reading = parsed.reading
    names, catalog = parsed.names, parsed.catalog
    line, who = reading.line, reading.who
    share = SHARE.search(line)
    verb = SHARE_VERB.search(line, share.end() if share else 0)
    if verb is None:  # '2021 hires made on a weekend': the whole before, the part after
        verb = MADE.search(line, share.end() if share else 0)
    if share and verb is None and not line[share.end() :].strip(" ,.?"):
        # 'of Marketing's 2022 hires, how many were in H2, in percent': the share said last
        verb = SHARE_VERB.search(line, 0, share.start())
    asked = SHARE.search(reading.spoken)
    marker = WENT.search(reading.spoken, asked.end()) if asked and not verb else verb
    ruled = reading.spoken if marker is not verb else line
    negated = [p for p in phrases if NEGATED.match(p.words)]
    if marker and any(ruled.find(p.words) > marker.start() for p in negated):
        # 'what percent of hires went to Sales but not in 2021': the whole's or the part's?
        return Refusal(
            "Is that period left out of all the hires, or only of the share? Ask e.g. what "
            "percent of the hires outside 2021 went to Sales."
        )
    split_names = whole_after = False  # names on both sides of 'went to' or the share word
    before = share is not None and any(
        -1 < line.find(said) < share.start()
        for said in [*who.included, *(p.words for p in phrases)]
    )
    if not verb and share and before and WHOLE_FIRST.match(line):
        verb = share  # 'of Engineering's 2021 hires, what % joined in Q4': the whole said first
    elif not verb and share and before and share.group(0).rstrip().endswith(" of"):
        verb, whole_after = share, True  # 'Q4's share of Engineering's 2021 hires'
    if not verb:  # the part is the names after it, of the names before; dates are the whole
        spoken = SHARE.search(reading.spoken)
        went = WENT.search(reading.spoken, spoken.end()) if spoken else None
        said = reading.spoken
        sides = {said.find(t) < went.start() for t in who.included} if went else set()
        dated = {said.find(p.words) < went.start() for p in phrases} if went else set()
        if went and (sides == {1, 0} or dated == {1, 0}):
            line, verb = said, went  # 'what percent of Sales and Legal went to Legal'
        elif share and {line.find(t) < share.start() for t in who.included} == {1, 0}:
            verb = share  # 'of all the Sales and Legal hires, what percent Legal'
            # "Legal's share of the Sales and Legal hires": the part first, then 'of' the whole
            whole_after = share.group(0).rstrip().endswith(" of")
        split_names = verb is not None
    cut = verb.start() if verb else len(line)
    located = [(line.find(p.words), p) for p in phrases]
    if split_names and {at > cut for at, _ in located} != {1, 0}:
        located = []  # dates said on one side only are the whole's ('... went to Legal in 2022')
    missing = (
        filters.MISSING_EITHER.search(line)
        or filters.MISSING.search(line)
        or filters.MISSING_BOTH.search(line)
    )
    after = {t for t in who.included if (line.find(t) > cut) != whole_after}
    dated_after = [p for at, p in located if (at > cut) != whole_after]
    missing_after = missing is not None and missing.start() > cut
    recurring = reading.recurring and (reading.months or reading.weekdays)
    at = line.find(reading.recurring) if recurring else -1
    recurring_after = at >= 0 and (at > cut) != whole_after  # 'were in any December'
    if recurring and at < 0:
        return Refusal(  # never both the whole's and the part's: a share of 100%
            "Is that month (or day of the week) the whole or the part? Ask e.g. what percent "
            "of the hires were in a December."
        )
    if not (after or dated_after or missing_after or recurring_after):  # nothing after it
        after = set(who.included)
        dated_after = []
        missing_after = not after and missing is not None
        if not after and not missing_after and located:
            dated_after = [max(located, key=lambda item: item[0])[1]]
        recurring_after = bool(recurring) and not (after or missing_after or dated_after)
    parted = after or missing_after or recurring_after
    whole_said = OVERALL.search(line[:cut]) or re.search(r"\ball\b", line[:cut])
    if dated_after and parted and not split_names and not whole_said:
        # 'what share of hires were in Sales in 2021': of the 2021 hires ('of all hires (ever)'
        # names the whole, undated: the year stays the part's)
        dated_after = []
    if len(dated_after) > 1 and (outer := _holding(dated_after)):
        dated_after = [p for p in dated_after if p is not outer]  # 'in Q1 in 2021': of 2021
    whole_who = replace(
        who,
        included=[t for t in who.included if t not in after],
        without_department=who.without_department and not missing_after,
        without_job=who.without_job and not missing_after,
        missing_either=who.missing_either and not missing_after,
    )
    part_who = filters.Who(
        included=sorted(after, key=line.find),
        without_department=who.without_department and missing_after,
        without_job=who.without_job and missing_after,
        missing_either=who.missing_either and missing_after,
    )
    months, weekdays = reading.months, reading.weekdays  # on one side: the part, or the whole
    whole_reading = replace(reading, who=whole_who)
    part_reading = replace(reading, who=part_who, months=[], weekdays=[])
    if recurring_after:
        whole_reading = replace(whole_reading, months=[], weekdays=[])
        part_reading = replace(part_reading, months=months, weekdays=weekdays)
    whole = _filters(whole_reading, names, catalog,
                     [p.spans for p in phrases if p not in dated_after])  # fmt: skip
    if isinstance(whole, Refusal):
        return whole
    part = _filters(part_reading, names, catalog, [p.spans for p in dated_after])
    if isinstance(part, Refusal):
        return part
    return ShareQuery(filters=whole, part=part)
