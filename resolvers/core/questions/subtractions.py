"""A difference said as a verb or a gap, restated in the words the engine reads ('A minus B').

'take Q1 2022 away from Q2 2022' and 'subtract 2021's hires from 2022's' are 'Q2 2022 minus
Q1 2022' and '2022 minus 2021' (what is taken away comes second); '2022 hires less 2021
hires' is a minus too; 'how far apart were Sales and Legal', 'how many hires separate Sales
and Legal' and 'how big was the gap between ...' ask the gap, the first named minus the
second. The rest of the question is left as written, so every other word is still read by
its own rule (or named back in a refusal); nothing here is run as SQL.
"""

from __future__ import annotations

import re

_DATED = (
    r"(?:the )?(?:(?:19|20)\d\d|q[1-4]|h[12]|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
    r"|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|spring|summer|autumn|fall|winter|last|this|first|second|third|fourth|1st|2nd|3rd|4th)\b"
)
_TAIL = rf"(?P<tail>(?: ,)? (?:in|for|during|over|between|from|across) {_DATED}[^,]*?)?"
_END = r"(?P<end> *[?.!]*)$"
TAKEN_FROM = re.compile(
    r"(?:\bwhat (?:do|does|would|will) (?:you|i|we|it) (?:get|be|come to) (?:if|when)"
    r" (?:you |i |we )?)?"
    r"\b(?:(?:subtract|subtracting|deduct|deducting|take away|taking away)"
    r" (?P<a>\S.*?)|(?:take|taking) (?P<a2>\S.*?) away) from (?P<b>\S.*?)" + _TAIL + _END
)
"""'subtract A from B', 'take A away from B', 'deduct A from B': B minus A (the dates said
last, 'in 2021 vs 2022', stay after both sides)."""
LESS = re.compile(
    r"\b(?P<said>hires|hiring|\d{4}|count|total|number)(?: ,)? (?:less|take away|without)"
    r"(?! than\b)(?= (?:the |our |their |its )?(?:q[1-4] |h[12] )?(?:19|20)\d\d)"
)
"""'2022 hires less 2021 hires': a minus between two periods (never 'less than')."""
APART = re.compile(
    r"\bhow (?:far apart|different|many(?: hires| people)? apart) (?:are|were|is|was)"
    r" (?P<rest>\S.*?)"
    r"(?: (?:in|for) (?:their |the )?(?:hires|hiring|headcount))?"
    + _TAIL
    + _END
    + r"|\bhow many (?:hires|people|employees|new hires)"
    r" (?:separate|separated|apart are|lie between) (?P<rest2>\S.*?)"
    + _TAIL.replace("tail", "tail2")
    + _END.replace("end", "end2")
)
"""'how far apart were Sales and Legal in 2021': the gap, first named minus second."""
HOW_BIG = re.compile(r"\bhow (?:big|large|wide) (?:is|was|'s) (?=the (?:gap|difference)\b)")
"""'how big was the gap between ...': the gap itself."""
SIDE = re.compile(
    r"^(?:the )?(?:(?:number|count|total|tally) of (?:the )?)?"
    r"(?:(?:hires|people|employees|new hires)"
    r" (?:in|of|from|at|for) (?:the )?)?"
)
"""'the number of Legal hires', 'hires in Legal': one side, said as its name ('legal hires')."""
POSSESSIVE = re.compile(r"\b((?:19|20)\d\d|q[1-4]|h[12])(?:'s|s')(?!\w)")
"""'2022's hires': the year's hires ('2022 hires')."""


def rewrite(text: str) -> str:
    """The question with a difference said as a verb or a gap put as 'A minus B' or 'the gap
    between A and B' (lower case, as lexicon.normalise leaves it); anything else unchanged."""
    text = POSSESSIVE.sub(r"\1", text)
    text = HOW_BIG.sub("what is ", text)
    if match := TAKEN_FROM.search(text):
        taken, kept = (SIDE.sub("", side) for side in (match["a"] or match["a2"], match["b"]))
        said = f"{kept} minus {taken}{match['tail'] or ''}{match['end']}"
        text = text[: match.start()] + said
    text = LESS.sub(r"\g<said> minus", text)
    if match := APART.search(text):
        rest, tail = match["rest"] or match["rest2"], match["tail"] or match["tail2"] or ""
        end = match["end"] if match["end"] is not None else match["end2"]
        text = f"{text[: match.start()]}what is the gap between {rest}{tail}{end}"
    return text


VERB = re.compile(r"\b(?:subtract\w*|deduct\w*|tak(?:e|ing)(?: away)?|less|without)\b")


def verb(text: str) -> str:
    """The word that said the minus ('subtract'), for a refusal to name what was written."""
    found = VERB.search(text)
    return found.group(0) if found else "minus"
