"""People looked up by name or id: 'when was Joan Rillett hired', 'what team is employee 1234 on'.

Employees' names are not in the catalog, so a name is recognised by the words
around it (a lookup) and kept as one ``__pN__`` token, safe from the
department and job matching that reads the rest of the question. A word the
engine, a department or a job title uses is never taken for a name.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, replace
from functools import lru_cache

from resolvers.core.questions import levels, lexicon
from resolvers.core.questions.catalog import Catalog
from resolvers.core.questions.families import _families, _singular
from resolvers.core.questions.matching import find, name_words

_STOP = (
    r"(?:in|into|to|for|of|at|on|during|since|who|whose|hired|joined|join|start|started|were"
    r"|was|are|is|not|but|and|or|excluding|except|from|before|after|between|this|last|work"
    r"|works|working|have|has|had|do|does|did|hold|holds|sit|sits|belong|belongs|get|go|first"
    r"|full|name|s|department|dept|team|job|role|title|position|date|hire|hires|took|take"
    r"|takes|taken|make|makes|made|got|gets|bring|brings|brought|the|a|an|most|more|fewest"
    r"|least|any|many|much|new|our|their|we|us|you|they|it|that|this|those|these|one|all"
    r"|each|every|some|people|employees|employee|staff|folks|with|by|per|up|down|out|over|he|she|him"
    r"|her|his|hers|them|me|i|come|came|land|landed|arrive|arrived|begin|began|go|went|else"
    r"|other|others|when|what|which|same|id|exactly|where|names|how|starting|starts|begins"
    r"|beginning|ending|ends|end|containing|contains|contain|including|includes|include|like"
    r"|matching|matches|match|mentions|mentioning"
    r"|leave|left|quit|born|retire|retired|resign|resigned|promoted|fired|transferred|moved)"
)
_WORD = rf"(?!{_STOP}\b)[a-z][a-z\-]*"
_NUMBERS = r"\d{1,9}(?:(?: ,| and| or| , and| ,and) \d{1,9})*"
"""One id, or several: '3001, 3002 and 3003'."""
_NUMBERS_NO_YEAR = (
    r"(?!(?:19|20)\d\d\b)\d{1,9}(?:(?: ,| and| or| , and| ,and) (?!(?:19|20)\d\d\b)\d{1,9})+"
)
_ID = (
    r"(?:the )?(?:employee|person|one|hire|staff member) with(?: the)? (?:employee )?"
    rf"(?:id|number|no) {_NUMBERS}"
    rf"|(?:employee|emp|staff member|staff|worker)(?: (?:ids?|numbers?|nos?|nr|num))?"
    rf" {_NUMBERS}|(?:employee |staff )?ids?(?: numbers?| nos?)? {_NUMBERS}"
    rf"|(?:employees|emps|workers|staff members)(?: (?:ids|numbers|nos|id|number|no))"
    rf" {_NUMBERS}|(?:employees|emps|workers|staff members) {_NUMBERS_NO_YEAR}"
)
"""'employee 1234', 'employee id 1234', 'the one with id 12' ('#' is no token): by id;
'employees 3001 and 3002' (numbers that are no years, unless 'ids' is said)."""
ID_LOOKUP = re.compile(rf"(?:{_ID})")
_FULL_NAME = rf"{_WORD} {_WORD}(?: {_WORD})?"
_NAME_SEP = r"(?: , and| , or| ,and| ,| and| or)"
_NAMES = rf"{_FULL_NAME}(?:{_NAME_SEP} {_FULL_NAME})+"
"""Two or more full names: 'Harold Vogt and Ty Hofer', 'A B, C D and E F'."""
_PERSON = rf"(?P<who>{_NAMES}|{_ID}|person \d{{3,4}}|{_WORD}(?: {_WORD}){{0,3}}?)"
"""A name as short as what follows lets it be ('where was X placed': X, then the verb)."""
_JOINED = (
    r"(?:hired|join|joined|start|started|onboarded|recruited|employed|brought on|taken on"
    r"|come on board|came on board|come aboard|land|landed|come on|came on|get hired|got hired"
    r"|get brought on|got brought on|get onboarded|got onboarded|arrive|arrived|begin|began"
    r"|come in|came in|go|went|added|placed|put)"
    r"(?: (?:with us|here|at the company|with the company|at the firm|with the firm))?"
)
_CALENDAR = r"(?:weekdays?|days? of the week|days? of week|week days?|months?|quarters?|years?)"
"""A part of a hire date asked of a person: 'what weekday did Harold Vogt start'."""
_CALENDAR_PARTS = (
    ("year", re.compile(r"\byears?\b")),
    ("quarter", re.compile(r"\bquarters?\b")),
    ("month", re.compile(r"\bmonths?\b")),
    ("weekday", re.compile(r"\b(?:weekdays?|days? of (?:the )?week|week days?)\b")),
)
_FACTS = (
    r"(?:hire dates?|start dates?|joining dates?|start days?|hire days?|dates? of hire|date hired"
    r"|departments?|depts?|teams?|divisions?|job titles?|jobs?|roles?|titles?|positions?"
    r"|employee id|employee number|staff id|id number|id|full name|name"
    rf"|(?:start |hire |joining )?{_CALENDAR})"
)
_FACT = (
    rf"(?P<fact>{_FACTS}(?: (?:and|,|&|plus|, and|and the|and their|and his|and her)"
    rf"(?: the| their| his| her)? {_FACTS}){{0,2}})"
)
_ASKED = (
    rf"(?:in |into |as )?(?:what|which) {_FACTS}(?: (?:and|,|&|plus|, and|,and)"
    rf"(?: in| into| as| on)?(?: what| which| the)? {_FACTS}){{0,2}}"
)
"""'which department and which role', 'what team and what job': the facts asked first."""
_ON_RECORD = (
    r"(?: (?:in the data|in our data|in the system|in the database|in the records"
    r"|in our records|on record|on file|on the books|here|with us|at the company))?"
)
_ON_RECORD_SAID = _ON_RECORD.replace("(?: (?:", "(?: (?:still )?(?:", 1)[:-1]
"""Where a person is said to be ('on file', 'in the system'): said, not optional."""
_PRONOUN = r"(?:he|she|they|him|her|them)"
_THEIR = r"(?:his|her|their|the)"
_THEN = (
    r"(?:(?: ,)?(?: and| &| plus)?(?: if so| if yes| if they do| if he does| if she does"
    r"| if there is one| if they are| if he is| if she is)?(?: ,)? "
    rf"(?:when (?:did|was|were) {_PRONOUN} {_JOINED}"
    rf"|when {_PRONOUN} {_JOINED}"
    rf"|(?:(?:in |into |as )?(?:what|which) (?:department|dept|team|division|job title|job|role"
    rf"|title|position|weekday|day of the week|month|quarter|year|date|day))"
    rf" (?:did|do|does|is|are|was|were) {_PRONOUN}(?: {_JOINED}| work| works| working"
    rf"| sit| sits| belong| belongs| have| has| hold| holds| work as| hired as| hired into)?"
    rf"(?: in| on| to| into| for| as| part of)?"
    rf"|(?:what is |whats |what was |what are |what were |and )?{_THEIR} {_FACT}))?"
)
"""After a person looked up, facts asked of them: 'does X exist, and when did she start'."""
_WANT = (
    r"(?:(?:can|could|may) (?:i|we|you) (?:get|have|see|send|give me|tell me|pull|grab)"
    r"|(?:do|did) (?:you|we) have|i need|we need|need|i want|i d like|i would like|give me"
    r"|get me|send me|show me|tell me|pull|grab|fetch|find|check"
    r"|(?:(?:i |we )?(?:need|want|have) to |just )?(?:confirm|verify|double check|check))"
)
"""What is said before a possessive: 'I need Harold Vogt's start date'."""
_END = rf"(?=$| [^a-z]| {_STOP}\b)"
"""Where a name ends: the end, a number or token, or a word that starts the rest."""
LOOKUPS: list[tuple[str, re.Pattern[str]]] = [
    (  # 'when, and in what role, did X join', 'which department and role is X in'
        "fact",
        re.compile(
            rf"\b(?:when(?: exactly)?(?: ,)?(?: and| &)?(?: ,)? {_ASKED}|{_ASKED}(?: ,)?"
            rf"(?: and| &)?(?: ,)? when)(?: ,)? (?:was|did|were|is|does) {_PERSON}"
            rf"(?: {_JOINED})?(?: (?:work|works|working|sit|sits|belong|belongs))?"
            rf"(?: in| to| into| for| as| on)?{_END}"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b{_ASKED} (?:is|was|does|did) {_PERSON}(?: (?:work|works|working|sit|sits"
            rf"|belong|belongs|have|has|hold|holds|get hired|hired|join|joined|go|get|end up"
            rf"|ended up|get placed|get put|get assigned)"
            rf"|(?: (?:start|hire|joining) (?:date|day)| first day| date of hire)"
            rf"(?: (?:fall|falls|fell|land|lands|landed) (?:on|in))?"
            rf"|(?: {_JOINED}))?"
            rf"(?: in| to| into| for| as| part of| with| on)?{_END}"
        ),
    ),
    (
        "hired",
        re.compile(
            rf"\bwhen (?:exactly )?(?:was|did|were|is) {_PERSON} {_JOINED}\b(?! (?:date|day)\b)"
            rf"(?:(?: ,)?(?: and| &| plus)(?: ,)?(?: in| into| as| on| with)? (?:what|which)"
            rf" {_FACTS}\b)?"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\bwhere (?:does|did|is|was) {_PERSON}(?: (?:work|works|working|sit|sits"
            rf"|end up|ended up|go|land|get placed|placed|based|sitting|put|assigned))?"
            rf"(?: now| these days)?{_END}"
        ),
    ),
    (  # 'when did we hire Harold Vogt', 'what day did we take on Joan Rillett'
        "hired",
        re.compile(
            rf"\b(?:when|(?:on )?(?:what|which) (?:date|day|{_CALENDAR})) (?:did|do|was|were)"
            rf" (?:we|you|they|the company|the firm) (?:hire|hired|take on|took on|bring on"
            rf"|brought on|onboard|onboarded|recruit|recruited|employ|add|start|get)"
            rf" {_PERSON}(?: in| on)?{_END}"
        ),
    ),
    (
        "hired",
        re.compile(
            rf"\bwhen {_PERSON} (?:started|joined|was hired|got hired|came on board|came aboard"
            rf"|began|was brought on|was onboarded)\b"
        ),
    ),
    (
        "hired",
        re.compile(
            rf"\b(?:on |in )?(?:what|which) (?:date|day|{_CALENDAR}) (?:was|did|were|is)"
            rf" {_PERSON} {_JOINED}\b(?: on| in)?"
        ),
    ),
    (  # 'what weekday was Harold Vogt's start date', 'which month did his start fall in'
        "hired",
        re.compile(
            rf"\b(?:on |in )?(?:what|which) {_CALENDAR} (?:was|is|did|does)(?: the)? {_PERSON}"
            rf" (?:start date|hire date|joining date|first day|date of hire|start|join|joining)\b"
            rf"(?: fall on| fall in| land on| land in| on| in)?"
        ),
    ),
    (  # 'Harold Vogt started on what day of the week?'
        "hired",
        re.compile(
            rf"^ ?{_PERSON} (?:started|joined|was hired|got hired|came on board|began|was"
            rf" brought on|was onboarded|start|join) (?:on|in) (?:what|which) {_CALENDAR}\b"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:in |on )?(?:what|which) (?:departments?|depts?|teams?|divisions?)"
            rf" (?:is|was|does|did|do|are|were) {_PERSON}(?: (?:work|works|working|sit|sits"
            rf"|belong|belongs|get hired|hired|join|joined|go|end up|land|start|started|get))?"
            rf"(?: in| to| into| for| part of| on| with)?(?: in)?{_END}"
        ),
    ),
    (  # 'which department Lotti Crowthe joined', 'what role Ty Hofer was hired into'
        "fact",
        re.compile(
            rf"\b(?:in |into |as )?(?:what|which) {_FACTS} {_PERSON} (?:was |got )?{_JOINED}"
            rf"(?: in| into| as| on| for)?{_END}"
        ),
    ),
    (  # 'what team Joan Rillett is on', 'which dept Harold Vogt is in'
        "fact",
        re.compile(
            rf"\b(?:in |on )?(?:what|which) {_FACTS} {_PERSON} (?:is|was|are|were)"
            rf"(?: (?:in|on|part of|with|under|assigned to|placed in|hired as|hired into|working"
            rf" in))?{_END}"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what|which) (?:jobs?|roles?|titles?|positions?|job titles?)"
            rf" (?:does|did|is|was|do|are|were)"
            rf" {_PERSON}(?: (?:have|has|hold|holds|do|does|work as|hired as|hired for|hired into"
            rf"|hired in|in|get hired for|get hired as|get))?{_END}"
        ),
    ),
    ("fact", re.compile(rf"\bwhat (?:does|did) {_PERSON} do\b(?: for (?:a )?(?:living|work))?")),
    (
        "fact",
        re.compile(rf"\bwhat {_PERSON} (?:does|did)(?: here| for us| for a living| for work)?$"),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what is|what was|whats|what are|what were|when is|when was|give me|tell me"
            rf"|what) (?:the )?{_PERSON} {_FACT}\b"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what|which) (?:department|dept|team|division) {_PERSON} (?:works?|working"
            rf"|sits?|belongs?) (?:in|to|for)\b"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"\b(?:what|which) (?:department|dept|team|division) (?:hired|took on|brought on"
            rf"|onboarded|recruited|employs|employed) {_PERSON}{_END}"
        ),
    ),
    (  # 'Harold Vogt - hire date?': a first and last name, then what is asked
        "fact",
        re.compile(
            rf"^ ?(?:{_WANT} )?(?:the )?(?P<who>{_NAMES}|{_ID}|person \d{{3,4}}"
            rf"|{_WORD} {_WORD}(?: {_WORD})?)(?: ,)?"
            rf"(?: (?:what|which|whats|what is|the|their|his|her))? {_FACT}\b"
        ),
    ),
    (  # 'Harold Vogt: when hired?', 'Harold Vogt joined when?', 'hire date - Harold Vogt'
        "hired",
        re.compile(
            rf"^ ?(?P<who>{_ID}|person \d{{3,4}}|{_WORD} {_WORD}(?: {_WORD})?)(?: ,)?"
            rf"(?: when(?: (?:was|did) (?:he|she|they))?(?: {_JOINED})?| {_JOINED} when)"
            rf"(?: (?:please|pls|thanks))* ?$"
            rf"|^ ?(?:the )?(?:hire date|start date|date|day|joining date)(?: ,)?(?: of| for)?"
            rf" (?P<who2>{_WORD} {_WORD}(?: {_WORD})?)(?: {_JOINED})?(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (
        "fact",
        re.compile(
            rf"(?:\b(?:what is|what was|whats|give me|tell me|what|need|want) (?:the )?|^ ?)"
            rf"{_FACT} (?:of|for|on) {_PERSON}{_END}"
        ),
    ),
    (
        "first",
        re.compile(
            rf"\b(?:share|shares|sharing|have|has|had|with) (?:the same first name as|the first"
            rf" name of) {_PERSON}{_END}"
        ),
    ),
    (
        "first",
        re.compile(rf"\b(?:share|shares|sharing|have|has|had|with) {_PERSON} first name\b"),
    ),
    (
        "first",
        re.compile(
            rf"\b(?:share|shares|sharing|have|has|had) (?:a|the same|the) first name with"
            rf" {_PERSON}{_END}"
        ),
    ),
    (  # 'who started on 2021-11-07 besides Harold Vogt': a full name left out
        "besides",
        re.compile(
            rf"\b(?:(?:but|and) )?(?:other than|besides|except(?: for)?|apart from|excluding"
            rf"|leaving out|but not) (?P<who>{_NAMES}|{_WORD}(?: {_WORD}){{1,3}}?){_END}"
        ),
    ),
    (  # 'anyone with the surname Vogt', 'whose last name is Vogt': the name's last word
        "last",
        re.compile(
            rf"\b(?:(?:with|having|has|have|had|whose|of|by|named|called|go by)"
            rf"(?: the| a| their| an)? )?(?:surname|last name|family name)s?"
            rf"(?: is| was| of| as| being)? (?P<who>{_WORD}){_END}"
        ),
    ),
    (
        "named",
        re.compile(
            rf"\b(?:have|has|had|with) {_PERSON} as (?:their|a|the|his|her)"
            rf" (?P<first>first )?name\b"
        ),
    ),
    (
        "full",
        re.compile(
            rf"\b(?:share|shares|sharing|have|has|had|with) the same (?:full )?name as"
            rf" {_PERSON}{_END}"
        ),
    ),
    (
        "named",
        re.compile(
            rf"\b(?P<how>named|called|go by|goes by|going by"
            rf"|(?:with|having)(?: the| a)? (?P<first>first )?(?P<full>full )?name"
            rf"|(?:share|shares|sharing|have|has|go by|got|has got|have got) the"
            rf" (?P<first2>first )?"
            rf"(?P<full2>full )?name|whose (?P<first3>first )?(?P<full3>full )?name is"
            rf"|by the (?P<first4>first )?name|^ ?(?:the )?(?P<first5>first) name)"
            rf"(?: of| is| being)? {_PERSON}(?:{_ON_RECORD}{_THEN})?{_END}"
        ),
    ),
    (
        "who",
        re.compile(
            rf"^ ?(?:(?:can|could|would) (?:you|u) (?:please |pls )?|please |pls )?"
            rf"(?:(?:give|tell|show|get|send) me |i want |i need |we need )?"
            rf"(?:who is|who was|whos|look up|lookup|pull up|find|tell me about|search for"
            rf"|check|check on|check up on|look into|pull|pull out|grab|fetch|bring up|locate"
            rf"|search|search up|dig up|get me|show me|any info on|any record of|any records of"
            rf"|any records for|anything for|(?:do|did) we have (?:anything|any info|a record)"
            rf" (?:on|for|of)|everything (?:on|about|for)|all (?:about|on)|(?:what|anything)"
            rf" (?:do|can) (?:we|you) (?:know|tell me|find|see|have) (?:about|on)"
            rf"|anything about|info about|the lowdown on|background on|profile (?:of|for)"
            rf"|details (?:of|for|on)|info on|information on|information about|details about"
            rf"|(?:give me|show me|show|get me|pull)(?: the)? (?:record|details|row|info)"
            rf" (?:of|for)"
            rf"|what do we have on|what have we got on|anything on|(?:i m |i am |im )?looking for"
            rf"|searching for|trying to find)"
            rf" {_PERSON}(?: (?:record|details|row|info))?{_ON_RECORD}{_THEN}"
            rf"(?: (?:please|pls|for me|thanks))* ?$"
        ),
    ),
    (  # 'is Harold Vogt on file?', 'does Harold Vogt exist, and when did he start?'
        "who",
        re.compile(
            rf"^ ?(?:is|does|do|are) (?P<who>{_WORD}(?: {_WORD}){{1,2}}?)(?: still| even)?"
            rf"(?:{_ON_RECORD_SAID}| (?:exist|exists|work here|work for us|show up|appear)"
            rf"{_ON_RECORD})(?: or not)?{_THEN}(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'who else started the same day as Joan Rillett': her hire day, she left out
        "sameday",
        re.compile(
            rf"\b(?:else |other people |others |other employees |other hires |besides )?"
            rf"(?:(?:was |were |got |get )?{_JOINED} )?(?:on |at )?the same (?:day|date"
            rf"|start date|hire date|day of hire|start day|hire day)(?: as| that)? {_PERSON}"
            rf"(?: (?:did|was hired|got hired|started|joined|came on|came on board|landed"
            rf"|came in|was brought on|was onboarded|arrived))?{_END}"
        ),
    ),
    (  # "who's Zsazsa Pash?": 'who' and a full name, nothing else
        "who",
        re.compile(rf"^ ?who (?P<who>{_WORD} {_WORD}(?: {_WORD})?)(?: (?:please|pls|thanks))* ?$"),
    ),
    (  # 'is there a Harold Vogt in the data': a full name only (a lone word may be a title)
        "who",
        re.compile(
            rf"^ ?(?:is there|are there|do we have|did we hire|have we got|have we hired"
            rf"|did we ever hire|do we employ|does|did)(?: (?:an?|any|someone|anyone|somebody"
            rf"|anybody|one|a person|an employee|a hire)(?: (?:called|named|by the name of))?)?"
            rf" (?P<who>{_WORD}(?: {_WORD}){{1,2}}){_ON_RECORD}"
            rf"(?: (?:exist|exists|work here|on staff|at all))?{_THEN}"
            rf"(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'is there a Harold in the data?': a first name, only when written with a capital
        "who1",
        re.compile(
            rf"^ ?(?:is there|are there|do we have|did we hire|have we got|have we hired"
            rf"|did we ever hire|do we employ)(?: (?:an?|any|someone|anyone|somebody|anybody"
            rf"|a person|an employee|a hire)(?: (?:called|named|by the name of))?)?"
            rf" (?P<who>{_WORD}){_ON_RECORD}(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'how many Joans do we have', 'any Harolds on staff?': a first name in the plural
        "plural",
        re.compile(
            rf"^ ?(?:how many|any|are there any|do we have any|have we got any|got any"
            rf"|have we hired any|did we hire any|were there any|do we employ any) "
            rf"(?P<who>{_WORD})(?= (?:do we have|are there|have we got|have we hired|did we hire"
            rf"|do we employ|work here|on staff|in the data|on record|on file|here|we have"
            rf"|in total|ever|at all|please|pls|thanks)\b| ?$)"
        ),
    ),
    (  # 'Harold Vogt?': a full name alone (every word written with a capital)
        "bare",
        re.compile(rf"^ ?(?P<who>{_WORD} {_WORD}(?: {_WORD})?)(?: (?:please|pls|thanks))* ?$"),
    ),
    (  # 'Harold Vogt joined which team?', 'Joan Rillett was hired as what?'
        "fact",
        re.compile(
            rf"^ ?(?P<who>{_NAMES}|{_ID}|{_WORD} {_WORD}(?: {_WORD})?)"
            rf" (?:(?:is|was|got|get|has been|have been|were|are) )?(?:{_JOINED}|works?|working"
            rf"|sits?|belongs?|is|was|are|were|does|did|do|holds?|has|have)"
            rf"(?: (?:in|on|into|to|for|as|with|part of|under))?"
            rf" (?:(?:what|which) {_FACTS}|what|where|when)(?: (?:please|pls|thanks))* ?$"
        ),
    ),
    (  # 'when was Harold Vogt's start date', 'what did Joan Rillett get hired as'
        "fact",
        re.compile(
            rf"^ ?(?:when|what) (?:was|is|were|did|does) {_PERSON}"
            rf" (?:(?:start|hire|joining) (?:date|day)|first day|date of hire"
            rf"|(?:get |got )?(?:hired|brought on|taken on|employed|onboarded) as)"
            rf"(?: (?:please|pls))* ?$"
        ),
    ),
    (  # 'Harold Vogt's record', 'employee 1234 details'
        "who",
        re.compile(
            rf"^ ?(?P<who>{_ID}|{_WORD} {_WORD}(?: {_WORD})?) (?:record|details|info|row)"
            rf"(?: (?:please|pls|for me|thanks))* ?$"
        ),
    ),
    (  # 'employee 1234?', 'who's employee 1234', 'employee 1234 - who is that'
        "who",
        re.compile(
            rf"^ ?(?:(?:who is|whos|who was|who are|who were|who|who has|who had|who holds"
            rf"|look up|lookup|find"
            rf"|show me) )?(?P<who>{_ID})"
            rf"(?: (?:who is that|who is it|whos that))?"
            rf"(?: (?:please|pls|for me|thanks))* ?$"
        ),
    ),
]
"""A person looked up by name: when they were hired, their department or job, who shares a name."""


@dataclass(frozen=True, slots=True)
class Person:
    """A person the question names: a full name, or a first name only."""

    name: str
    first_only: bool
    ask: str
    """hired, fact, first, full, named or who: what the words around the name asked."""
    employee_id: int | None = None
    """'employee 1234': the person looked up by id (``name`` is then the words as read)."""
    besides: str | None = None
    """'the same first name as Joan Rillett': Joan Rillett, who is not counted among them."""
    calendar: tuple[str, ...] = ()
    """Parts of the hire date asked ('what weekday did X start'): year, quarter, month, weekday."""


def capitalised(question: str) -> frozenset[str]:
    """The words a question writes with a capital: a name's, when they are ordinary words."""
    found = re.findall(r"\b(?:[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]{2,})\b", question)  # 'McDonald'
    return frozenset(w.lower() for w in found)


def shield_people(
    tokens: list[str], catalog: Catalog, reserved: Set[str], written: Set[str] = frozenset()
) -> tuple[list[str], dict[str, Person]]:
    """A person's name in a lookup becomes one ``__pN__`` token, safe from name matching.

    The words around it ("when was ... hired", "what department is ... in")
    are read here too; a name word that is one of the engine's own words, or a
    word of a department or job title, is no name, and the lookup is not read;
    nor is a word the data lacks ('manager') unless ``written`` with a capital
    ('Angelika Stock').
    """
    line = " ".join(tokens)
    said_first = _said_first(line, written)
    line = line[len(said_first) :]
    people: dict[str, Person] = {}
    if framed := _framed(line, catalog, reserved, written):  # the whole line a lookup
        keys = [f"__p{i}__" for i in range(len(framed))]
        return [*said_first.split(), *keys], dict(zip(keys, framed, strict=True))
    for ask, pattern in LOOKUPS:
        at = 0
        while (match := pattern.search(line, at)) is not None:
            found = _people_in(ask, match, catalog, reserved, written)
            if found and _THEIR_GROUP.match(line, match.end()):
                found = None  # 'Harold Vogt's team's hires': the team's, not his own row
            if found is None:
                at = match.start() + 1
                continue
            (start, end), persons = found
            keys = [f"__p{len(people) + i}__" for i in range(len(persons))]
            people.update(zip(keys, persons, strict=True))
            line = line[:start] + f" {' '.join(keys)} " + line[end:]
            at = start + len(" ".join(keys)) + 1
            if ask not in ("fact", "hired"):
                break  # 'what team is A on and what team is B on': the facts of each
    line = _TWO_PEOPLE.sub(r"\1 ", line)
    return (said_first + line).split(), people


_THEIR_GROUP = re.compile(
    r" *(?:hires|hired|people|employees|staff|members|colleagues|coworkers|headcount|joiners"
    r"|starters|recruits|new hires|hiring|intake)\b"
)
"""What follows a person's team or job when the question is about that group, not them."""
_TWO_PEOPLE = re.compile(r"(__p\d+__)\s+(?:,\s+)?(?:(?:and|&|plus)\s+)?(?:,\s+)?(?=__p\d+__)")
"""'A ... and B ...' looked up apart: the 'and' between them read."""


def _people_in(
    ask: str, match: re.Match[str], catalog: Catalog, reserved: Set[str], written: Set[str]
) -> tuple[tuple[int, int], list[Person]] | None:
    """The people one lookup names, and the words it read; None when it names nobody."""
    name = match.group("who") or match.groupdict().get("who2") or ""
    if (
        " " not in name
        and name not in written
        and re.search(rf"\bthe {re.escape(name)}\b", match.group(0))
    ):
        return None  # 'whats the usual job': a word said of a job, not a person's first name
    asked = match.group(0).replace(name, " ", 1)
    parts = tuple(part for part, said in _CALENDAR_PARTS if said.search(asked))
    if ID_LOOKUP.fullmatch(name):
        if ask not in ("hired", "fact", "who"):
            return None
        numbers = re.findall(r"\d+", name)
        return match.span(), [
            Person(name, False, ask, employee_id=int(n), calendar=parts) for n in numbers
        ]
    span = match.span()
    if ask == "bare":
        if not set(name.split()) <= written:
            return None  # 'sales hires', 'legal headcount': words, not a name
        ask = "who"
    if ask in ("who1", "plural"):  # a lone word is a first name only when written as one
        if name not in written or {name, _singular(name)} & _TIME_WORDS:
            return None  # 'is there a Monday', 'is there a Christmas': no one's name
        if ask == "plural" and (not name.endswith("s") or name in lexicon.english()):
            return None  # 'how many Interns', 'any Salespeople': English, not a name's plural
        if name.endswith("s") and name in lexicon.english():
            return None  # 'are there any Interns': a plural of English names nobody
        counted = match.group(0).lstrip().startswith("how many")
        if counted:
            span = match.span("who")  # the name alone: 'how many' still counts them
        ask = "named" if counted else "who"
    several = re.split(rf"{_NAME_SEP} ", name) if re.fullmatch(_NAMES, name) else [name]
    if len(several) > 1 and ask not in ("hired", "fact", "who", "besides"):
        return None  # 'the same day as A and B': whose day?
    if not all(_a_name(n, catalog, reserved, written) for n in several):
        return None  # an engine word, or a department or job name, is nobody's name
    if len(several) > 1:  # 'which teams did A and B join': each looked up (or left out)
        leaving = ask == "besides"
        return span, [
            Person(one, False, ask, calendar=parts, besides=one if leaving else None)
            for one in several
        ]
    groups = match.groupdict()
    first = ask == "first" or bool(
        groups.get("first") or groups.get("first2") or groups.get("first3")
        or groups.get("first4") or groups.get("first5")
    )  # fmt: skip
    full = bool(groups.get("full") or groups.get("full2") or groups.get("full3"))
    if ask not in ("full", "last") and not full and " " not in name:
        first = True  # 'when was Harold hired': a first name alone
    besides = name if ask in ("first", "full", "sameday", "besides") and " " in name else None
    if ask == "sameday" and besides is None:
        return None  # the same day as a first name alone: whose day?
    if ask == "first":
        name = name.split()[0]
    return span, [Person(name, first, ask, besides=besides, calendar=parts)]


_PARTICLES = frozenset(
    {"o", "d", "di", "de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "du"}
    | {"mc", "mac", "st", "al", "el", "ter", "ten", "dos", "das", "bin", "ibn", "y"}
)
"""Short words inside a surname ('O'Hingerty', 'Di Francesco', 'van der Berg')."""
_QUESTION_WORDS = frozenset(
    {"what", "whats", "which", "when", "where", "who", "whos", "about", "on", "have", "got"}
    | {"know", "tell", "show", "give"}
)
"""Cues too weak alone for a name written small ('what does vogt earn'): a fact must be said."""
_AGENT = re.compile(r"\bwho (?!(?:is|was|are|were|s|the|this|that|exactly|__who__|__id__)\b)\w")
"""'who' asking a doer ('who hired X', 'who took on X'), never who a person is."""
_HIRER = re.compile(
    r"__who__ (?:hire|recruit|onboard|employ|take|bring|add)\b(?! (?:date|day|dates)\b)"
)
"""A person hiring ('when did Harold Vogt hire anyone'), not hired."""
_STOP_WORD = re.compile(_STOP)
"""A word that ends a name written small ('when did harold vogt leave')."""
_FRAMED_ID = re.compile(
    rf"\b(?:{_ID}|(?:hire|person|record|row)(?: (?:no|nr|num|number|id))?"
    r" (?!(?:19|20)\d\d\b)\d{1,9})\b"
)
"""An employee's number in a lookup ('employee no 812', 'hire #812', written without '#')."""


def _framed(
    line: str, catalog: Catalog, reserved: Set[str], written: Set[str]
) -> list[Person] | None:
    """People named among the words of a lookup only, however they are ordered.

    'all you have on Ogden Ough', 'hire date for Jimmie Jack please', 'which
    team did Gerri Baton join and what was her title', 'employee no 812 - which
    job?': full names (two to four words, written with capitals, or in a
    question of no capitals with a word no dictionary holds) or employees'
    numbers, and besides them only words of ``lexicon.LOOKUP_WORDS`` and chat,
    with at least one of them asking something (``lexicon.LOOKUP_CUES``). Each
    person's record answers it; anything else said leaves it to the grammar.
    """
    tokens = _FRAMED_ID.sub(" __id__ ", line).split()
    ids = [re.findall(r"\d+", m.group(0)) for m in _FRAMED_ID.finditer(line)]
    capitals = bool(written - lexicon.LOOKUP_WORDS - lexicon.CHAT_WORDS - _PARTICLES)

    def named(token: str) -> bool:
        if not token.isalpha() or token in lexicon.LOOKUP_WORDS:
            return False
        if capitals:
            return token in written
        return token not in lexicon.CHAT_WORDS and not _STOP_WORD.fullmatch(token)

    runs: list[tuple[int, int]] = []
    at = 0
    while at < len(tokens):
        end = at
        while end < len(tokens) and (
            named(tokens[end])
            or (tokens[end] in _PARTICLES and end + 1 < len(tokens) and named(tokens[end + 1]))
        ):
            end += 1
        if end == at:
            at += 1
            continue
        if end - at > 2 and tokens[at] in lexicon.CHAT_WORDS:
            at += 1  # 'Hi Harold Vogt': chat said first, written with a capital
        if capitals and end - at == 1 and runs and runs[-1][1] + 1 == at and tokens[at - 1] == ",":
            runs[-1] = (runs[-1][0], end)  # 'Vogt, Harold': the surname first, then a comma
        else:
            runs.append((at, end))
        at = end
    if not runs and not ids:
        return None
    people: list[Person] = []
    rest = list(tokens)
    for start, end in runs:
        words = [w for w in tokens[start:end] if w != ","]
        if len(words) < end - start:
            words = words[-1:] + words[:-1]  # 'Vogt, Harold' is Harold Vogt
        if not 2 <= len([w for w in words if w not in _PARTICLES]) <= len(words) <= 4:
            return None  # a lone word, or more words than a name has: no lookup of a name
        name = " ".join(words)
        if not capitals and (
            len([w for w in words if w not in _PARTICLES]) != 2
            or all(w in lexicon.english() for w in words)
        ):
            return None  # 'parental leave', 'harold vogt earn': words, not a name written small
        if not _a_name(name, catalog, reserved, written):
            return None
        people.append(Person(name, False, "who"))
        rest[start:end] = ["__who__"] + [""] * (end - start - 1)
    said = lexicon.CHAT_PHRASES.sub(" ", " ".join(w for w in rest if w))
    left = [w for w in said.split() if w not in ("__who__", "__id__")]
    if any(w not in lexicon.LOOKUP_WORDS and w not in lexicon.CHAT_WORDS for w in left):
        return None
    if _AGENT.search(said) or _HIRER.search(said):
        return None  # 'who hired X', 'when did X hire anyone': a hirer, whom the data never names
    cues = set(left) & lexicon.LOOKUP_CUES
    if not cues or (not capitals and runs and not cues - _QUESTION_WORDS):
        return None  # a name and chat alone ('Happy Holidays to you all') ask nothing
    parts = tuple(part for part, asked in _CALENDAR_PARTS if asked.search(said))
    order = [t for t in rest if t in ("__who__", "__id__")]
    by_name, by_id = iter(people), iter(ids)
    found: list[Person] = []
    for said_as in order:
        if said_as == "__who__":
            found.append(replace(next(by_name), calendar=parts))
            continue
        for n in next(by_id):  # 'employees 3031 and 3033': each of them
            found.append(Person(n, False, "who", employee_id=int(n), calendar=parts))
    return found


_LOOKUP_VERBS = frozenset(
    {"check", "checking", "pull", "grab", "fetch", "need", "send", "tell", "about", "find", "show"}
    | {"get", "give", "look", "run", "what", "how"}
)
"""Chat words that a lookup reads as its verb ('check Joan Rillett'): never a preamble."""


def _said_first(line: str, written: Set[str]) -> str:
    """Chat said before a question ('my boss is asking ,', 'quick q'), which a lookup reads past.

    Only chat of linguistic_schema.toml (dropped later as it is anyway), never
    a word a lookup reads as its verb, and never one word written with a
    capital and no comma after it: 'Ty Hofer - dept?' names Ty Hofer.
    """
    said = ""
    while match := _preamble().match(line, len(said)):
        chat = match.group("chat")
        if " " not in chat and chat in written and not match.group(0).endswith(", "):
            break
        said = line[: match.end()]
    return said


@lru_cache(maxsize=1)
def _preamble() -> re.Pattern[str]:
    """One piece of chat said before a question (see ``_said_first``)."""
    phrases = [
        " ".join(p)
        for p in lexicon.CHAT_PHRASE_LIST
        if not set(p) & _LOOKUP_VERBS or p[-1] == "check"  # 'sanity check' is no verb
    ]
    words = sorted(lexicon.CHAT_WORDS - _LOOKUP_VERBS)
    said = sorted({*phrases, *words}, key=lambda p: (-len(p), p))
    chat = "|".join(re.escape(p) for p in said)
    return re.compile(rf" ?(?:my |our |the |so |ok |okay )?(?P<chat>{chat})(?: ,)? ")


def _a_name(name: str, catalog: Catalog, reserved: Set[str], written: Set[str]) -> bool:
    """Whether ``name`` may be a person's: no engine word, department or job name in it.

    Nor a word the data lacks ('manager') unless ``written`` with a capital.
    """
    words = name.split()
    last = words[-1].split("-")[0]
    if len(words) > 2 and last.isalpha() and last not in written and set(words) & written:
        return False  # 'when did Harold Vogt apply': a name written with capitals ends on one
    first = words[0]
    if first not in written and first not in _PARTICLES and set(words[1:]) & written:
        return False  # 'who approved Harold Vogt': nor does it start before its capitals
    parts = [part for word in words for part in word.split("-") if part]
    english = lexicon.english()
    if len(parts) > 2 and not set(words) & written and all(p in english for p in parts):
        # 'whats the max-min gap across jobs': a run of ordinary words written small (two
        # may still be a name: 'toddy gare')
        return False
    on_record = _families(catalog)[1]
    title_words = {w for w in name_words(catalog) if len(w) > 2}  # 'officer' names nobody
    chat = lexicon.CHAT_WORDS if len(words) > 1 else lexicon.CHAT_WORDS & written  # 'Ty'
    if name in on_record or any(
        (w in reserved and w not in chat)
        or w in on_record
        or w in title_words
        or _singular(w) in title_words  # 'VPs', 'Engineers': titles, in the plural
        or (w,) in lexicon.FAMILY_ALIASES
        or (w in lexicon.UNSUPPORTED and w not in written)
        for w in words
        if w != "person"
    ):
        return False
    if levels.find(words, levels.ROMAN):
        return False  # 'excluding level IV' leaves titles out, not a person named so
    named = find(words, catalog, reserved)
    return not (named.entities or named.ambiguities)  # nor a misspelt one ('Enginering')


_TIME_WORDS = frozenset(
    {w for phrase in lexicon.NAMED_DAYS for w in phrase}
    | set(lexicon.SEASONS)
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"weekend", "weekday", "today", "yesterday", "tomorrow"}
    | set(lexicon.MONTHS)
)
