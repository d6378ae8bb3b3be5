"""The offline engine's words: tokens, the short list of true filler, and what the data lacks.

A question is read as tokens. Every token must be consumed by a rule
(parse.py, dates.py) or be filler from FILLER; anything else is named back to
the user in a refusal. Words that carry meaning (not, but, except, and, or,
second, fewer, between, since, before, after ...) are deliberately absent
from FILLER: if no rule used them, the question meant something the engine
did not read, and it must say so rather than answer without them.
"""

from __future__ import annotations

import re

_FILLER_WORDS = """
    a an the of in for to at on
    is are was were be been being do does did has have had
    there what whats how please can could would will you me i we us our my
    tell give get show showing display see find know let
    list lists that who whom which those these this
    hires hire hired hiring employees employee people persons person staff workers worker
    recruits recruited joiners joined join starters started new newly headcount
    onboarded brought employed came come arrived total overall altogether
    company firm organisation organization business
    number count counts many much so far ever got made make it its all ,
    folks someone anyone anybody somebody very calendar their they them its
    filled fill into
"""
FILLER = frozenset(_FILLER_WORDS.split())
"""Words that change nothing about which rows answer the question, whatever the question."""

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5,
}  # fmt: skip

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip

UNSUPPORTED = {
    "salary": "salaries", "salaries": "salaries", "wage": "wages", "wages": "wages",
    "pay": "pay", "paid": "pay", "income": "pay", "bonus": "bonuses", "bonuses": "bonuses",
    "age": "ages", "gender": "gender", "female": "gender", "male": "gender",
    "women": "gender", "men": "gender", "birthday": "birthdays", "address": "addresses",
    "email": "e-mail addresses", "phone": "phone numbers", "performance": "performance",
    "rating": "ratings", "promotion": "promotions", "promoted": "promotions",
    "attrition": "leavers", "turnover": "leavers", "quit": "leavers", "resigned": "leavers",
    "left": "leavers", "fired": "leavers", "terminated": "leavers", "leavers": "leavers",
    "tenure": "tenure", "location": "locations", "city": "locations", "country": "locations",
    "remote": "locations", "weather": "weather", "stock": "stock prices",
    "manager": "reporting lines", "managers": "reporting lines", "reports": "reporting lines",
}  # fmt: skip
"""What the data does not hold (it has hires, departments and jobs only)."""

WRITE_WORDS = frozenset(
    [
        "delete",
        "drop",
        "insert",
        "update",
        "truncate",
        "alter",
        "grant",
        "revoke",
        "remove",
        "erase",
        "wipe",
        "purge",
        "create",
        "rename",
        "modify",
        "overwrite",
        "destroy",
    ]
)

_TOKEN = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?|[a-z][a-z0-9]*|%|,|'[^']{1,100}'|\"[^\"]{1,100}\""
)


def normalise(question: str) -> str:
    """Lower case, typographic quotes made plain, whitespace collapsed."""
    text = question.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\bcalendar (years?|months?|quarters?)\b", r"\1", text.lower())
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """Words, numbers, ISO dates, '%', commas and quoted phrases (kept whole, quotes and all).

    An apostrophe inside a word splits it ("team's" -> "team", "s"); the "s" is
    dropped as possessive.
    """
    found = _TOKEN.findall(re.sub(r"(?<=[a-z])'(?=[a-z])", " ", text))
    return [t for t in found if t not in ("s", "t")]
