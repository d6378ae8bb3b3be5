"""The words of question shapes, as patterns over a line of tokens (see words.py).

Names of departments and jobs stand in the line as ``__d0__``/``__j0__``;
dates are read by dates.py. Each pattern here is used by parse.py or
shapes.py, which consume what it matched.
"""

from __future__ import annotations

import re

from resolvers.core.questions import lexicon, matching
from resolvers.core.questions.query import Dimension

SUBJECT = (
    r"(?:hires|hire|hired|hiring|employees|employee|people|persons|person|staff|workers|recruits"
    r"|joiners|new hires|starters)"
)
_N = r"(?P<n>\d{1,7}|" + "|".join(lexicon.NUMBERS) + r")"
DIM = (
    r"(?:departments?|depts?|teams?|divisions?|job titles?|jobs?|roles?|titles?|positions?|years?"
    r"|quarters?|months?|weekdays?|days? of (?:the )?week|week ?days?|levels?|grades?"
    r"|half[ -]years?|halves(?: of the year)?|half(?: of the year)?"
    r"|seniority levels?|days?|dates?|calendar days?)"
)
_ORD = r"(?P<ord>second|third|fourth|fifth|2nd|3rd|4th|5th)"
_MOST = r"(?P<most>most|highest|largest|biggest|busiest|greatest|top|best|max|maximum)"
_LEAST = r"(?P<least>fewest|least|lowest|smallest|quietest|bottom|worst|min|minimum|slowest)"

INJECTION = re.compile(
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|above|previous)\b"
    r"|\bsystem prompt\b|\byou are now\b|\bjailbreak\b|\bpretend\b|\bact as\b"
    r"|\bselect\b.+\bfrom\b|`|(?<! )--|--(?! )|/\*"
)
THRESHOLD = re.compile(
    rf"\b(?P<op>more than|greater than|higher than|over|above|at least|no fewer than|no less than"
    rf"|fewer than|less than|lower than|under|below|at most|no more than|exceeding|exceeded)"
    rf"(?: {SUBJECT})? {_N}(?: (?:or more|or fewer|or less))?(?: {SUBJECT}| times)?\b"
    rf"|\b{_N.replace('<n>', '<n2>')}(?: {SUBJECT})? (?P<op2>or more|or fewer|or less|and more"
    rf"|and up|plus)\b"
)
_AVERAGE = r"(?:average|mean|avg|typical|usual|normal|norm)"
MEAN = re.compile(
    rf"\b(?P<op>more|greater|higher|above|over|fewer|less|lower|below|under|busier|quieter"
    rf"|exceed(?:ed|ing|s)?|beat|beats|beating|outpaced|outpace|outpacing|outperformed"
    rf"|outperform|outhired|outhire|out hired|out hire|out hiring|outhiring|topped|surpassed"
    rf"|surpass|outdid|out did|outdo|better|ahead of|outrecruited|out recruited|outrecruit"
    rf"|out recruit)"
    rf"(?: {SUBJECT}){{0,2}}(?: for hiring)?(?: than)?(?: the| an?| our)?"
    rf"(?: (?:year|yearly|annual|this year|that year))?"
    rf"(?: (?P<kind>departmental|department|company|overall|team|company[ -]wide"
    rf"|per department|per dept|per team|per job|per role|per title|dept|depts|departments"
    rf"|teams|all[ -](?:departments?|depts?|teams?)|cross[ -](?:departments?|depts?|teams?)))?"
    rf" {_AVERAGE}\b"
    rf"(?: number)?(?: of {SUBJECT})?"
    rf"(?: (?:per |for each |for every |for an? |of an? )?"
    rf"(?P<per>job|role|title|department|dept|team|division|month|year|quarter|day|week)\b)?"
    rf"(?: (?:on |in )?(?:hiring|hires|level|count|figure|amount|number))?"
    rf"(?: (?:level|rate|count|figure|number|volume))?(?: of {SUBJECT})?"
    rf"(?:(?: (?:the )?(?:mean|average|avg))?"
    rf"(?: (?:taken|computed|calculated|averaged|worked out))?"
    rf" (?:across|among|of|over|for) (?:all )?(?:the |our )?(?P<over>{DIM}))?"
    rf"(?:(?: {SUBJECT})? (?:in |for )?(?:that|the same|this) year\b)?"
    rf"|\b(?P<adj>above|below)[ -](?:the )?{_AVERAGE}\b"
)
"""'above the mean', 'beat the typical team', '(mean over all departments)': a mean of the
groups answered; ``kind``, ``per`` and ``over`` say which groups when the words name them."""
MEAN_RESTATED = re.compile(
    rf"\b(?:the )?(?:mean|average|avg)(?: (?:is |being )?(?:taken|computed|calculated))?"
    rf" (?:over|across|among|of) (?:all )?(?:the |our )?(?P<over>{DIM})\b"
)
"""'above the mean in 2022 (mean over all departments)': the mean said again, with its groups."""
_NOT_YEAR = r"(?!(?:1[5-9]|20|21)\d\d\b)"
EXACTLY = re.compile(
    rf"\b(?:exactly|precisely|only|just) {_N}(?: {SUBJECT}| times?)?\b"
    r"|\b(?:a single|only a single|just a single|just the one|only the one|one single)"
    r" (?:hire|person|employee|new hire|recruit|joiner)\b"
)
BOUNDS = re.compile(
    rf"\b(?:(?:somewhere|anywhere) )?(?:between|from|(?:in|within) the range(?: of| from)?)"
    rf" {_NOT_YEAR}{_N} (?:and|to|-|up to|through|thru) {_NOT_YEAR}{_N.replace('<n>', '<n2>')}"
    rf"(?: {SUBJECT}| times)?\b"
    rf"|\b{_NOT_YEAR}{_N.replace('<n>', '<n3>')} (?:to )?{_NOT_YEAR}{_N.replace('<n>', '<n4>')}"
    rf" {SUBJECT}\b"
)
"""'between 50 and 100 hires', '50-100 hires' (the dash is not a token)."""
_LOW = r"more than|greater than|over|above|at least|no fewer than|no less than"
_HIGH = r"fewer than|less than|under|below|at most|no more than"
TWO_SIDED = re.compile(
    rf"\b(?P<lo>{_LOW})(?: {SUBJECT})? {_N}(?: {SUBJECT})?"
    rf"(?P<year> (?:in|during|for) (?:19|20)\d\d)?"
    rf" (?:and|but|,)(?: also)?(?: yet)?"
    rf" (?P<hi>{_HIGH})(?: {SUBJECT})? {_N.replace('<n>', '<n2>')}(?: {SUBJECT})?\b"
    rf"|\b(?P<hi2>{_HIGH})(?: {SUBJECT})? {_N.replace('<n>', '<n3>')}(?: {SUBJECT})?"
    rf" (?:and|but|,)(?: also)? (?P<lo2>{_LOW})(?: {SUBJECT})? {_N.replace('<n>', '<n4>')}"
    rf"(?: {SUBJECT})?\b"
)
"""'more than 70 and fewer than 80 hires': whole counts, so 71 to 79 both included."""
NOBODY = re.compile(
    r"\b(?:(?:hired|had|made|took on|brought on|have|has|with|recorded|saw) )?(?:nobody|no one"
    r"|noone|no hires|no new hires|zero hires|no people|no recruits|not a single (?:person|hire"
    r"|soul|one))\b"
    r"|\b(?:did not|didn|never|has not|have not|hasn|haven) (?:hire|hired|take on|bring on"
    r"|brought on|taken on|make|made) (?:anyone|anybody|a single (?:person|soul)"
    r"|any(?: new)? (?:hires|people|one))\b"
    r"|\b(?:have|has|had|were|was|are|is) not (?:been )?(?:hired|filled|staffed)"
    r"(?: (?:for|into|in|to|at all))?\b"
    r"|\b(?:(?:have|has|had|were|was|are|is|we|they) )?(?:never|not once|not ever)"
    r" (?:been |ever )?(?:hired|filled|staffed|recruited|used|hired anyone)"
    r"(?: (?:for|into|in|to|at all|by anyone))?\b"
    r"|\b(?:(?:have|has|had|we|they) )?never (?:had|have|has|got|seen|saw|made|recorded)"
    r" (?:a |any |one |a single )?(?:hire|hires|new hires|one|anyone|anybody|people|recruit)"
    r"(?: (?:in|into|for) (?:it|them))?\b"
)
THAN_NAME = re.compile(
    r"\b(?:than|(?P<out>outhired|outhire|outhires|outhiring|out hired|out hire|out hiring"
    r"|outpaced|outpace|outpacing|outperformed|outperform|outgrew|outrecruited|outstripped"
    r"|out recruited|beat|beating|surpassed|topped))"
    r" (?:the |in |did |for |as |at |by )?(?P<name>__[djf]\d+__)"
    r"(?: (?:department|dept|team|job|role|title|hires|hiring))?"
    r"(?: (?:did|had|has|made|hired|do|does|got|managed|brought on|took on))?\b"
)
MINUS_NAME = re.compile(
    r"\b(?:minus|less) (?:the )?(?P<name>__[djf]\d+__)"
    r"(?: (?:department|dept|team|job|role|title|hires|hiring))?\b"
)
"""'Sales hires minus Legal hires': a difference when a name stands before it."""
MORE = re.compile(
    r"\b(?:how many |how much )?(?P<op>more|fewer|less)(?: (?P<noun>__[jf]\d+__))?"
    r"(?: (?:people|hires|employees|staff|new hires|folks|persons|recruits|joiners))?\b"
)
"""'how many more (engineers)': ``noun`` is what both sides count."""
COUNT_GROUPS = re.compile(
    rf"\b(?:how many|number of|count of|count the|total number of) (?:different |distinct )?"
    rf"(?P<dims>{DIM})\b"
)
BREAK_DOWN = re.compile(
    r"\b(?:break|breaking|broken|split|splitting) (?:it |that |this |them |those |these )?"
    r"(?:down|up|out)\b|\b(?:split|divide|breakdown of|breakdown|give me a breakdown of)\b"
)
ANY_LEVEL = re.compile(
    r"\b(?:at |of |in |with |across )?(?:any|every|all)(?: the)? (?:levels?|titles?|job titles?"
    r"|seniority|grades?)(?: (?:together|combined|summed|added up|lumped together|included))?\b"
    r"|\b(?:of |in )?(?:any|every|all) (?:kinds?|types?|sorts?)(?: of)?\b"
    r"|\b(?:regardless|irrespective) of (?:the )?(?:levels?|seniority|grades?)\b"
    r"|\bwhatever the (?:level|grade)\b|\b(?:levels|grades) (?:combined|together|summed)\b"
)
"""'Accountants (any level)', 'managers of any kind': a family is every title of it already."""
DATED = re.compile(
    r"\b(?:with|and|including|plus|showing) (?:their |the |its )?(?:hire |hiring |start |joining )?"
    r"(?:dates?|days?)(?: (?:they|he|she) (?:were hired|was hired|joined|started))?\b"
    r"|\band when did (?:he|she|they) (?:start|join|get hired|come on board)\b"
    r"|\bnames? (?:and |with |plus )?(?:their )?(?:hire |start |joining )?dates?\b"
    r"|\b(?:incl|including|inc) (?:their |the )?(?:hire |start |joining )?dates?\b"
    r"|\b(?:and|with) (?:when|(?:on )?(?:what|which) (?:exact )?(?:dates?|days?))"
    r"(?: (?:they|he|she) (?:were hired|was hired|joined|started))?(?: exactly)?\b(?! of)"
)
GREW = re.compile(
    r"\b(?P<up>grew|grow|growing|increased|increase|went up|go up|rose|rise|expanded|expand"
    r"|gained|gain)\b|\b(?P<down>shrank|shrink|shrunk|decreased|decrease|declined|decline"
    r"|dropped|drop|fell|fall|dipped|dip|went down|go down|slowed|slow down)\b"
)
"""'which departments grew between 2021 and 2022': a change per group, one way."""
MULTIPLIED = re.compile(
    r"\b(?:(?P<least>at least|no less than) )?(?:(?P<more>more than|over|less than|under) )?"
    r"(?P<verb>doubled|double|doubling|tripled|triple|tripling|quadrupled|quadruple"
    r"|halved|halve|halving)\b(?: (?:their |its |the )?(?:hires|hiring|headcount|intake))?"
    r"(?P<least2> or more| at least)?"
)
"""'at least doubled their hiring from 2020 to 2021': grew (shrank) by a factor."""
FACTORS = {"doubl": 2, "tripl": 3, "quadrupl": 4, "halv": 2}
THEY_DID = re.compile(
    r"\bthan (?:they|we|it|he|she|each|those|these|that one|the department|the team)"
    r" (?:did|had|hired|made|managed|recorded|got|saw|brought on|took on)\b"
)
"""'more in 2022 than they did in 2021': the same groups on the other side."""
BOTH_COUNTS = re.compile(
    r"\b(?:with|showing|and|including|plus|give me|show) (?:both|the two|each) (?:of the )?"
    r"(?:numbers|counts|figures|totals|years|periods|columns)\b"
)
"""'with both numbers': a comparison of two periods shows both counts anyway."""
CHANGE_DROP = re.compile(
    r"\b(?:hiring|hires|hire|headcount|intake|numbers?|it|they|recruiting|recruitment)"
    r"(?: \w+){0,2}? drop(?= (?:from|between|by|in|during|over|after|before|since|off|vs"
    r"|versus|compared|year)\b| *$| ,)"
    r"|(?:^|\b(?:a|the|any|what|big|sharp|biggest) )drop (?:in|of|from|between|off)\b"
)
"""'did hiring drop from 2021 to 2022', 'the drop in hires': a fall in hires, not DROP TABLE."""
PERCENT_CHANGE = re.compile(
    r"\b(?:by )?(?:what |which )?(?:percent|percentage|pct)(?: change| growth| increase"
    r"| decrease| drop| decline| fall)?(?: in)?\b|%|\bgrowth rate\b|\brate of (?:growth|change)\b"
    r"|\bas a percentage\b"
)
"""A change between two periods asked as a percent ('by what percent did hiring drop')."""
CHANGE_NOUN = re.compile(r"\bgrowth\b|(?:^ *|\b(?:the|a|any|net|total|overall|what) )change\b")
"""'growth in Sales hires from 2021 to 2022', 'change in ...': the change itself is asked
(a noun; 'how did hiring change' is a verb and keeps both periods side by side)."""
COMBINED = re.compile(
    r"\b(?:combined|together|put together|taken together|jointly|between them|summed"
    r"|added up|in total|altogether|all together)\b"
)
THAN_PERIOD = re.compile(
    r"\bthan (?:in |during |for |on |over )?(?:the )?(?:q[1-4]\b|h[12]\b|first|second|third"
    r"|fourth|(?:1[5-9]|20|21)\d\d|\d{4}-|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
OVERALL = re.compile(
    r"\b(?:overall|ever|all time|of all time|all-time|in total|altogether|all together"
    r"|across all (?:the )?years|in all years|all years|to date|company-wide|companywide"
    r"|across the (?:company|board|whole company)|in (?:the )?whole company"
    r"|(?:in|across|for) all (?:the )?(?:departments|teams|depts)"
    r"|(?:in|across|for) every (?:department|team|dept))\b"
)
ALPHABETICAL = re.compile(
    r"\b(?:(?:sorted|ordered|listed|sort|order|list|arranged) )?(?:them |it )?"
    r"(?:(?:alphabetically|alphabetical|in alphabetical order) by (?:their )?(?:full )?names?"
    r"|alphabetically|in alphabetical order|a to z|a-z|a z|by (?:their )?(?:first |full )?name"
    r"|alphabetical|alphabetic)\b"
    r"(?! (?:by|on) )"
)
"""(Not 'ordered alphabetically by department and job': ORDERING reads that.)"""
REVERSE_ALPHABETICAL = re.compile(
    r"\b(?:(?:sorted|ordered|listed|sort|order|list|arranged) )?(?:them |it )?"
    r"(?:(?:by|on) (?:their |the )?(?:full )?names? )?(?:from )?"
    r"(?:z to a|z-a|z a|reverse alphabetical(?:ly)?(?: order)?|in reverse alphabetical order"
    r"|in reverse order of (?:the )?names?|alphabetically descending|alphabetical descending"
    r"|descending alphabetical(?:ly)?(?: order)?|in descending alphabetical order"
    # issue 20, askorder3: 'descending by name', 'by name desc', 'names in reverse'
    r"|(?:in )?(?:descending|desc|reverse|reversed) (?:order )?(?:by|of) (?:their |the )?"
    r"(?:full |job |department |dept |team )?names?"
    r"|(?:by|on) (?:their |the )?(?:full |job |department |dept |team )?names?(?: ,)?"
    r" (?:descending|desc|reversed|in reverse(?: order)?|in descending order)"
    r"|(?:by|on) (?:the )?(?:department|dept|team|job|title|role|position)(?: names?)?(?: ,)?"
    r" (?:descending|desc|reversed|in reverse(?: order)?|in descending order|z to a|z a)"
    r"|alphabetical(?:ly)?(?: order)? (?:backwards|reversed|in reverse))\b"
)
"""'Z to A', 'in reverse alphabetical order': names from the end of the alphabet."""
NAME_ASCENDING = re.compile(
    r"\b(?:(?:sorted|ordered|listed|sort|order|list|arranged) )?(?:them |it )?"
    r"(?:(?:in )?(?:ascending|asc) (?:order )?(?:by|of) (?:their |the )?"
    r"(?:full |job |department |dept |team )?names?"
    r"|(?:by|on) (?:their |the )?(?:full |job |department |dept |team )?names?"
    r" (?:ascending|asc|in ascending order))\b"
)
"""'ascending by name', 'by name asc': A to Z (never 'ascending' as fewest hires first)."""
SHARE_VERB = re.compile(
    r"\b(?:were|was|went|are|is|came|come|happened|fell|occurred|landed|had|have|has|lack"
    r"|lacked|lacking|missing)\b"
)
TOP_N = re.compile(
    rf"\b(?:(?:only|just) )?(?:the )?(?:(?P<top>top|largest|biggest|busiest|highest)"
    rf"|{_LEAST.replace('least>', 'bottom>')}) {_N}\b"
)
FIRST_N = re.compile(rf"\b(?:(?:only|just) )?(?:the )?first {_N}(?: only)?\b|\b(?P<top>top)\b")
"""'Z to A, first 4', 'reverse alphabetical, only the top 4': the head of a list by name."""
TOP_N_ONLY = re.compile(rf"{TOP_N.pattern}(?: {DIM})? (?P<only>only)\b")
"""'top five only', 'top 3 depts only': the 'only' restates the cut-off, it adds nothing."""
N_MOST = re.compile(rf"\b(?:the )?{_N} (?:{DIM} )?(?:with (?:the )?)?(?:{_MOST}|{_LEAST})\b")
WHICH_N = re.compile(rf"\b(?:which|what) {_N} (?P<dims>{DIM})\b")
RANKED_RANGE = re.compile(
    r"\b(?:ranked|ranking|placed|came|come|were) (?P<a>1st|2nd|3rd|\d+th|first|second|third"
    r"|fourth|fifth) (?:to|through|and|-) (?P<b>2nd|3rd|\d+th|second|third|fourth|fifth|sixth)\b"
)
RANK_THE = re.compile(
    rf"\b(?:rank|order|sort)(?: all)? +(?:the |our )?(?P<dims>{DIM})(?: +of)? +by (?:the )?"
    rf"(?:number of )?(?:{SUBJECT}|hiring)\b"
)
"""'rank the departments by hires', 'rank the months of 2021 by hires' (2021 read as a date)."""
ORD_MOST = re.compile(
    rf"\b(?:(?:saw|had|recorded|got) )?(?:the )?(?:{_ORD} )?(?:{_MOST}|{_LEAST})"
    r"(?: number of| amount of)?"
    r"(?: (?:common|frequent|frequently hired|popular|often hired|hired for))?\b"
)
NUMBER_ONE = re.compile(
    rf"\b(?:(?:the|our|their|its|your|each|every) (?:number one|no 1|1)|number one|no 1)"
    rf"(?= (?:{DIM}|hiring (?:{DIM})))"
)
"""'the #1 role per department' (the '#' is not a token): the top one."""
_GROUPS = r"(?:those|the ones|ones|(?:the )?(?:departments|depts|teams|jobs|titles|roles))"
WITH_HIRES = re.compile(
    rf"\b(?:only|just) {_GROUPS} (?:with|that had|having|that made|which had)"
    r" (?:any |a |some |at least one |at least 1 |one or more )?(?:hires?|hiring)\b"
    rf"|\b(?:only|just) {_GROUPS} (?:that|which|who) (?:did )?(?:hired?|recruited)"
    r"(?: anyone| anybody| someone| somebody| at all)?\b"
    rf"|\b(?:excluding|ignoring|leaving out|skipping|without) {_GROUPS} (?:with|that had|having)"
    r" (?:no|zero|0) (?:hires?|hiring)\b"
    r"|\b(?:excluding|ignoring|leaving out|skipping|without) (?:the )?(?:zero|0|no)[ -]hire"
    r" (?:departments|depts|teams|jobs|titles|roles|ones|groups)\b"
)
"""'(only those with hires)', 'ignoring zero-hire teams': groups without a hire left out."""
MOST_RECENT = re.compile(rf"\b(?:the )?(?:{_N} )?most recent(?:ly)?\b")
RANK_BY = re.compile(
    rf"\b(?:by|in|for) (?:the )?(?:overall |total |lifetime |cumulative )?"
    rf"(?:number of |count of |total )?(?:{SUBJECT}|hiring)(?: overall)?\b"
)
ORDERING = re.compile(
    r"\b(?:(?:the )?(?:table|list|result|results|answer|output) )?(?:(?:must|should) be |is )?"
    r"(?:ordered|sorted|order|sort|ranked|rank|(?:arranged|listed)(?= (?:by|on) )"
    r"|(?:in )?(?:alphabetical(?:ly)?|alphabetic|a to z|a z|alphabetical order)(?= (?:by|on) ))"
    r"(?: them| it)?(?: first)?(?: (?:alphabetically|a to z|a z|in alphabetical order))?"
    r"(?P<by> (?:by|on) (?:the )?(?:number of |count of |how many )?(?:(?:employees|people|hires"
    r"|staff|hire count|headcount|count|number hired) )?(?:hired )?)?"
    r"(?: ?(?P<dir>descending|desc|ascending|asc|from (?:the )?(?:most|highest) to (?:the )?"
    r"(?:fewest|least|lowest)|high to low|highest to lowest|most to least|low to high"
    r"|from (?:the )?(?:fewest|least|lowest) to (?:the )?(?:most|highest)|alphabetically))?"
)
ORDER_BY_HIRES = re.compile(
    r"\b(?:(?:sorted|ordered|listed|ranked|arranged) )?(?:in )?(?:(?P<down>descending|desc"
    r"|decreasing)|(?P<up>ascending|asc|increasing))(?: order)?(?: (?:of|by|on) (?:the )?"
    r"(?:hires|hiring|count|number hired|number of hires|hire count|headcount|hired))?\b"
    r"|\b(?:(?:sorted|ordered|listed|ranked|arranged|going|running) )?(?:from )?(?:the )?"
    r"(?:(?P<down2>high(?:est)?|most|biggest|largest|top|busiest) (?:hires |hiring |one |ones )?"
    r"(?:down )?to (?:the )?(?:low(?:est)?|fewest|least|smallest|bottom|quietest)"
    r"|(?P<up2>low(?:est)?|fewest|least|smallest|bottom|quietest) (?:hires |hiring |one |ones )?"
    r"(?:up )?to (?:the )?(?:high(?:est)?|most|biggest|largest|top|busiest))"
    r"(?: (?:hires|hiring))?\b"
    r"|\b(?:from )?(?P<down4>top (?:down|to bottom))\b"
    r"|\b(?:with )?(?:the )?(?:(?P<down3>most|biggest|largest|highest|busiest)"
    r"|(?P<up3>fewest|smallest|lowest|least|quietest)) (?:hires |hiring |hirers |ones |one "
    rf"|{DIM} )?(?:at|on) (?:the )?top\b"
)
"""'descending', 'high to low', 'most hires at the top': a list of groups ordered by hires."""
MOST_FIRST = re.compile(
    r"\b(?:(?:sorted|ordered|listed) )?(?:with )?(?:the )?(?P<dir>most|biggest|largest|highest|top"
    r"|busiest|fewest|smallest|lowest|least|quietest|slowest) (?:hires? |hiring |one |ones "
    rf"|{DIM} |numbers? |counts? |totals? )?first\b"
    r"(?! (?:half|quarter|week|weeks|days?|months?|q[1-4]|h[12]|of)\b)"
)
"""'most first', 'biggest first', 'busiest year first' (never 'the busiest month first half of
2022', a period): the order of a list of groups."""
ORDER_DIMS = re.compile(
    rf"\b(?P<dims>{DIM}(?: names?)?(?: first)?(?:(?: (?:,|and|then|followed|after that|by|the))+"
    rf" {DIM}(?: names?)?(?: second| next)?)*)\b"
)
"""'by department name and then job name': the dimensions a grouped answer is ordered by."""
DIM_FIRST = re.compile(
    rf"\b(?:by )?(?P<dims>{DIM}(?: names?)? first(?: (?:,|and|then|, then|and then) (?:by )?"
    rf"(?:the )?{DIM}(?: names?)?)*)\b"
)
"""'department first, then job': an order of the groupings said without a verb."""
_AZ = r"(?:a z|a to z|alphabetically|alphabetical|alpha|asc|ascending|by name)"
DIMS_AZ = re.compile(
    rf"\b(?:(?:sorted|ordered|order|sort|listed|arranged) )?(?:by |on )?(?:the )?"
    rf"(?P<dims>{DIM}(?: names?)? {_AZ}(?: (?:,|and|then|followed|by)){{1,3}} (?:the )?{DIM}"
    rf"(?: names?)? {_AZ})\b"
    rf"|\b(?:sorted|ordered|order|sort|listed|arranged) (?:by |on )(?:the )?(?P<dims2>{DIM}"
    rf"(?: names?)?(?: (?:,|and|then|followed|by)){{1,3}} (?:the )?{DIM}(?: names?)?) {_AZ}\b"
)
"""'dept A-Z then title A-Z': the groupings in turn, each by name (the grouped answer's order)."""
BOTH_AZ = re.compile(
    r"\b(?:(?:sorted|ordered|listed|arranged|sort|order) )?(?:by |on )?(?:both|each)"
    r"(?: of them| names| columns)?(?: (?:sorted|ordered|listed|arranged))?"
    r" (?:in alphabetical order|alphabetically|alphabetical|a z|a to z|by name|by their names"
    r"|ascending|asc)\b"
    r"|\b(?:sorted|ordered|listed|arranged|sort|order) (?:by|on) both (?:names|columns)\b"
    r"|\b(?:(?:sorted|ordered|listed|arranged) )?(?:in alphabetical order|alphabetically"
    r"|alphabetical|a z|a to z|by name) (?:on |for |in |by )?both(?: ways| columns| names)?\b"
)
"""'both sorted by name', 'sorted on both names': two groupings, each by name."""
DIMS_THEN = re.compile(
    rf"(?:^|(?<=, )|(?<=: ))(?:(?:sorted|ordered|order|sort) )?(?:by )?(?P<dims>{DIM}(?: names?)?"
    rf"(?: first)?(?: (?:then|, then|and then|followed by)(?: by)? {DIM}(?: names?)?)+)"
    r"(?: (?:second|last|next))?(?= *(?:,|$))"
)
"""', dept then title' said alone, between commas or last: the order of the groupings."""
SENT_OVER = re.compile(
    r"\bsend(?: (?:me|us))?(?: (?:the|it|this|that|those|these|our))?(?: (?:19|20)\d\d)?"
    r"(?: (?:hires|hiring|numbers|figures|report|table|split|breakdown|data|counts|totals))?"
    r" (?P<over>over)\b(?! +(?:\d|the|a|an|our|all|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|twenty)\b)"
)
"""'send the 2021 hires over': sent, never 'over' a number."""
ID_NAMES = re.compile(
    r"(?:, )?\b(?:(?:with|plus|and|incl|including|showing) (?:the |their |its )?"
    r"(?:(?:department|dept|job) )?(?:names?|titles?)|(?:department|dept|job )?names too)"
    r"(?: too| as well)?\b"
    r"|(?:, )?\b(?:excluding|ignoring|without|skipping|leaving out|except|no) (?:the )?"
    r"(?:nulls?|null (?:ids?|values?|rows?|ones?))\b"
)
"""'grouped by dept_id, with the department names', 'ignoring nulls': the names are shown
beside the ids, and the hires with no id left out, as the reading says."""
DIMS_ORDER = re.compile(
    rf"\b(?:in |by )?(?P<dims>{DIM}(?: names?)?(?: (?:then|and then|, then|,|and|before) {DIM}"
    rf"(?: names?)?)+) order\b"
)
"""'in department-then-job order': the order of the groupings said as one adjective."""
_QLIST = r"q1 (?:, )?q2 (?:, )?q3 (?:, )?(?:and |& )?q4"
_QRANGE = r"q1 (?:to|through|thru|till|until) q4"
_QBEFORE = (
    r"(?:(?:with |in |into |as )?(?:a |one )?(?:separate )?columns? (?:for |per )?(?:each of )?"
    r"|(?:for |in )?(?:each|every one|all) of (?:the )?"
    r"|(?:split|divided|broken|separated|cut) (?:up |out )?(?:into|by) "
    r"|(?:with|and) (?:the |their |its )?(?:hires|hiring|counts?|numbers?) )"
)
_QAFTER = (
    r"(?: (?:as|in) (?:separate |their own |individual |different )?columns?"
    r"| (?:separately|each|apart|across the top|across))"
)
QUARTER_COLUMNS = re.compile(
    rf"\b(?:(?:(?:and |, )?then |followed by )?{_QBEFORE}?(?:(?:with|in|into|by|for|across|over) )?"
    rf"{_QLIST}(?:{_QAFTER}| columns?| (?:counts|numbers|totals|figures|hires))?"
    rf"|{_QBEFORE}{_QRANGE}{_QAFTER}?|(?:with |in |as )?{_QRANGE}(?:{_QAFTER}| columns?))\b"
    rf"|^(?: (?:give|me|show|the|please|pls|our|we|i|need))* {_QRANGE}(?= (?:19|20)\d\d\b)"
)
"""'Q1, Q2, Q3 and Q4', 'a column for each of Q1-Q4': every quarter, each its own count.

('Q1-Q4 2021 hires ...' leading the question is too; 'hires from Q1 to Q4 2022' is the
whole year, read by dates.py.)"""
QUARTER_SPAN = re.compile(
    r"(?<!\bfrom )(?<!\bbetween )(?<!\bfor )(?<!\bduring )(?<!\bover )"
    r"\b(?:(?:into|in to|by|per|across) )?q1 (?:to|through|thru) q4\b"
)
"""'split into Q1-Q4', '2021 Q1-Q4 hires for every department and job': beside a grouping,
every quarter on its own (parse.py asks that); 'hires from Q1 to Q4 2022' stays the year."""
GROUP = re.compile(
    r"\b(?:broken down by|break(?:ing)? down by|split by|divided by|grouped by|group by"
    r"|break(?:ing)? +(?:(?:the |our |all )?(?:hires|hiring|headcount|numbers|counts|it|them)"
    r" +)down by"
    r"|(?:hired |recruited )?(?:by|from|in|at|into) (?:each|every)(?: single)?|by|per"
    r"|for each|within each|within every|inside each"
    r"|for every|in each|in every|by each|by every|each|every|across every|across each|across"
    r"|across all|for all(?: the)?"
    r"|for all of the"
    r"|of each|on each|on every|among|one column per|a column per|a column for each"
    r"|one column for each|columns per|columns by|breakdown by|breakdown of|breakdown per"
    r"|(?:with )?(?:one |a )?(?:separate |own )?columns? (?:per|for each|for every|by)"
    r"|(?:with )?(?:one |a )?(?:separate |own )?rows? (?:per|for each|for every|by)"
    r"|(?:split|splitting|divided|dividing|broken|breaking|separated|cut|carved)"
    r" +(?:up |out |down )?(?:(?:the |our |all )?(?:hires|hiring|headcount|numbers|counts|it"
    r"|them) +)?(?:into|by|per)|broken out"
    r"|(?:for |in |by |per |with )?(?:each|every|all|all the) (?:combos?|combinations?|pairs?"
    r"|pairings?) of"
    r"|breakdown)(?: the| all| all the| of the)? "
    rf"(?P<dims>{DIM}(?: (?:(?:,(?! the )|and|&|then|,and|plus|x) )?(?:by |per |each |every )?"
    rf"(?:the )?{DIM})*)\b"
)
BREAKDOWN = re.compile(
    rf"\b(?:the |a )?(?P<dims>{DIM}(?: (?:and |, |& |x )?{DIM})+) (?:breakdown|split|mix|matrix"
    r"|combos?|combinations?|pairs?|hires|hiring|headcount|counts|numbers|figures|tables?|grid"
    r"|crosstab|view|summary|layout)\b"
    rf"|\b(?P<dims2>{DIM}(?: (?:and|&) {DIM})*(?: x {DIM}(?: (?:and|&) {DIM})*)+)\b"
)
"""'the department/job/quarter breakdown' (a slash is not a token)."""
CROSSED = re.compile(
    r"(?<!\bjobs )(?<!\btitles )(?<!\broles )(?<!\bby )(?<!\bper )"
    r"\b(?P<dims>(?:department|dept|team) by (?:job|role|title)(?: by (?:quarter|month|year))?)\b"
)
"""'department by job' (singular, no 'hires' between): a cross of the two, as 'department x job'."""
CROSSED_WITH = re.compile(
    r"\b(?:department|dept|team) by (?:job|role|title) (?P<with>with)(?= (?:the |their )?"
    r"(?:hires?|hire counts?|counts?) (?:in|per|for|by) (?:(?:each|every|a) )?(?:quarter|month"
    r"|year)s?\b)"
)
"""'team by role with hires in each quarter': the cross, its counts per quarter (a grid)."""
AS_COLUMNS = re.compile(
    rf"\b(?:with |and )?(?:the |one |each |every )?(?P<dims>{DIM}) (?:as|in|across)"
    r" (?:the |its own |their own |a separate |separate |individual |different |an? )?"
    r"(?:columns?|the top)\b"
)
"""'quarters as columns': a grouping laid out across (the answer holds it as a column)."""
AS_ROWS = re.compile(
    rf"\b(?:(?:with |as |in )?(?:the |one |a |a separate |separate |its own )?rows?"
    rf"(?: (?:are|=|of|by|per|for|for each|for every))? (?:the )?"
    rf"(?P<dims>{DIM}(?: (?:and |& |, |plus |x )?{DIM})*)(?: (?:pairs?|combos?|combinations?))?"
    rf"|(?P<dims2>{DIM}(?: (?:and |& |, |plus |x )?{DIM})*) (?:as (?:the )?)?rows)\b"
)
"""'dept + job rows', 'rows = department and job': the groupings laid out down the side."""
TRAILING_DIMS = re.compile(rf", (?:the )?(?P<dims>{DIM}(?: (?:and|&|x|plus|,) {DIM})+) *$")
"""'hires per quarter 2021, dept + job': two or more groupings said last, after a comma."""
LISTED_DIMS = re.compile(
    rf"(?<!which )(?<!what )\b(?P<dims>{DIM}(?:(?: ,| and| plus)+ {DIM})+)(?= +,| *$)"
)
"""'2021 hires, department and job, by quarter': groupings listed between commas."""
EACH_NAME = re.compile(
    r"(?P<names>__(?P<kind>[dj])\d+__(?: (?:,|and|or) __(?P=kind)\d+__)+)"
    r"(?: \w+){0,2}?(?P<each> each)\b"
)
DIM_ADVERB = re.compile(
    r"\b(?P<adv>monthly|quarterly|yearly|annually|annual|month by month|year by year"
    r"|quarter by quarter)\b"
)
WHICH_DIM = re.compile(
    rf"\b(?:which|what|in which|in what|on which|on what)(?P<one> of (?:our|the|all|all the))?"
    rf"(?: (?:the|one))? (?P<dims>{DIM})\b"
)
DIM_THAT = re.compile(
    r"\b(?:(?:list|show|name|give me|give) )?(?:the |all |any |those )?"
    r"(?P<dims>departments|depts|teams|divisions|jobs"
    r"|job titles|titles|roles|positions|quarters|months|years|days|dates|weekdays)"
    r"(?: +(?:of|in|for|during))? +(?:that|which|who|whose|with|having|where|in which)\b"
    r"|(?<!different )(?<!distinct )(?<!unique )\b(?:the |all |any |those )?"
    r"(?P<dims2>job titles|titles|roles|positions|jobs)"
    r"(?= +(?:we +)?(?:hired|recruited|filled)\b"
    r"(?! +(?:employees?|people|persons?|staff|workers?|folks|hires|joiners|recruits)\b))"
)
"""'departments that hired more in 2022 than in 2021': plural groups asked for, as 'which';
so are 'titles hired in Q1 2022' (the titles with a hire in it)."""
_ANY_DIMS = (
    r"(?P<dims>departments?|depts?|teams?|divisions?|jobs?|job titles?|titles?|roles?|positions?"
    r"|quarters?|months?|years?|days?|dates?|weekdays?)\b"
)
ANY_DIM = re.compile(
    r"\b(?:(?:are|were|is|was) there |did |do |does |have |has |had |were |was )any "
    rf"(?:of (?:the |our )?)?{_ANY_DIMS}"
    r"(?:(?: +(?:of|in|for|during))? +(?:with|having|that had|that have|which had|where)\b)?"
    rf"|\bany (?:of (?:the |our )?)?{_ANY_DIMS.replace('<dims>', '<dims2>')}"
    r"(?: +(?:of|in|for|during))? +(?:with|having|that had|that have|which had|where)\b"
)
"""'did any department hire exactly 5', 'any quarters with more than 250': which ones.

Only asked that way: 'level II hires, any title' is any title at all, no grouping.

(Spaces, not one space, before 'with': 'any quarters of 2021 with', its date already read.)"""
WHICH_ONES = re.compile(
    r"(?:\b(?:and|if so|if yes|if any|,)\b ?,? ?)*\b(?:which|what) (?:ones?|of them|are they"
    r"|were they|was it|is it|one)\b|(?:\b(?:and|if so|if yes|if any)\b ?,? ?)*\b(?:which|what) *$"
)
"""'... ? which ones', '... if so which': the groups are listed (a list answers 'any')."""
DIM_WITH = re.compile(rf"\b(?:the )?(?P<dims>{DIM}) (?:with|that had|that have|having)\b")
SHARE = re.compile(
    r"\b(?:what )?(?:share|percentage|percent|proportion|fraction|ratio|%)(?: of)?\b|%"
)
WENT = re.compile(
    r"\b(?:went|go|going|were|was|happened|occurred|came|fell|landed|took place)"
    r" (?:to|into|in|during)\b|\b(?:went|happened|occurred|took place)\b"
)
AS_PERCENT = re.compile(
    r"\b(?:as an? |in )(?:percentage|percent|proportion|pct)s?\b|\bas percentages\b"
    r"|\bas an? (?:share|fraction)\b"
    r"|\bin percentage terms\b|\b(?:as an?|in|as) %(?= |$)"
)
"""'as a percentage', 'in percent': filler beside a share word; alone, they ask for one."""
AVERAGE = re.compile(r"\b(?:on )?(?:the )?(?:average|mean|avg)(?: number of| count of)?\b")
COMPARE = re.compile(
    r"\b(?:compared (?:with|to)|compare|compared|comparing|comparison|vs|versus|against"
    r"|change|changed|differ|difference|gap|delta"
    r"|grow|grew|growth|increase|increased|decrease|decreased|evolve|evolved)\b"
)
DIFFERENCE = re.compile(
    r"\b(?:how many (?P<dir>more|fewer|less)|(?P<dir2>more|fewer|less|lower|higher)|by how much"
    r"|(?:what is |what was |what s )?the (?P<gap>difference|gap|delta)(?: in)?(?: the number of)?"
    r"|(?P<gap2>difference|gap|delta)|change in|grow by|grew by|by how many"
    r"|how much(?= (?:\w+ ){0,3}?(?:change|changed|differ|differed)\b))\b"
)
_HIGH = r"(?:most|top|busiest|biggest|largest|highest|max|maximum|most hiring|hardest hiring)"
_LOW = r"(?:least|fewest|bottom|quietest|smallest|lowest|min|minimum|least hiring|slowest)"
_APART = r"(?:difference|gap|distance|spread|delta|range|how far apart)"


def _ends(first: str, second: str, n: int) -> str:
    """'our busiest and quietest department': two ends of a ranking, then (or each) a grouping."""
    return (
        rf"(?:the |our )?{first}(?: hiring)?(?: (?P<dims{n}>{DIM}))? (?:and|&|vs|versus|to)"
        rf" (?:the |our )?{second}(?: hiring)?(?: (?P<dims{n + 1}>{DIM}))?"
        r"(?: by (?:the )?(?:hires|hiring|headcount|number of hires))?"
    )


SPREAD = re.compile(
    rf"\b(?:how (?:big|large|wide) (?:is|was) )?(?:the )?{_APART}"
    r"(?: (?:in|of) (?:hires|hiring|headcount|new hires))?"
    rf" (?:between |(?:is|are|were|was) )?(?:{_ends(_HIGH, _LOW, 1)}|{_ends(_LOW, _HIGH, 3)}"
    rf"|(?:the )?(?P<dims5>{DIM}) with the {_HIGH}(?: hires)? and the (?:one|{DIM}) with the"
    rf" {_LOW}(?: hires)?)\b"
    rf"|\b(?:the )?{_HIGH}(?: (?P<dims6>{DIM}))? minus (?:the )?{_LOW}(?: (?P<dims7>{DIM}))?\b"
    rf"|\b(?:the )?(?:spread|range|max minus min|max min (?:gap|difference|spread))"
    r"(?: (?:of|in) (?:the )?(?:hires|hiring|hire counts|headcounts?|hiring counts))?"
    rf" (?:across|over|among|between) (?:the |all |all the |our )?(?P<dims8>{DIM})\b"
    rf"|\b(?:the )?(?:spread|range) (?:of|in) (?:the |our )?(?P<dims9>{DIM})"
    r" (?:hires|hiring|hire|headcount)(?: counts?| numbers)?\b"
)
"""'the gap between our busiest and quietest department', 'max minus min': the most hires of
one group minus the fewest of another, over the groups of one grouping."""
_HIRED_SOME = (
    r"(?:(?:that|which|who) )?(?:(?:have |has |had )?(?:hired|recruited|filled)"
    r"|had (?:a |at least one |at least 1 |any |some )?(?:hires?|hiring|joiners?)"
    r"|(?:with|having|showing) (?:a |at least one |at least 1 |any |some )?(?:hires?|hiring)"
    r"|hiring)(?: (?:at least one|anyone|someone|somebody|people|staff))?"
)
IN_EVERY = re.compile(
    rf"\b{_HIRED_SOME}(?: in| during)?(?: (?:each|every|all)(?: single| one)?(?: of)?(?: the)?"
    r"(?: (?:two|three|four|2|3|4))?| (?:two|three|four|2|3|4))"  # 'in all three years'
    r" (?P<unit>years?|quarters?|months?)\b(?! (?:by|per|ago|back)\b)"
    rf"|\b{_HIRED_SOME}(?: in| during)? (?:(?:each|every|all|every one|each one) of|both)"
    r"(?= (?:of )?(?:the )?"
    r"(?:(?P<year>(?:19|20)\d\d)|(?P<quarter>q[1-4]\b)|(?P<month>jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)))"
)
"""'titles with at least one hire in each of 2020, 2021 and 2022', 'departments that hired
every year': the groups with a hire in every one of those periods (the list stays for dates)."""
EACH_OF_PERIODS = re.compile(
    r"\b(?:(?:in|for|during|over|across) )?(?:each|every)(?: one| single one)? of (?:the |our )?"
    r"(?:(?:years|quarters|months) )?"
    r"(?=(?P<year>(?:19|20)\d\d)\b|(?P<quarter>q[1-4])\b|(?P<month>jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)[a-z]*\b)"
    r"|\b(?:(?:in|for|during|over|across) )?(?:each|every)(?: one| single one)? of (?:the |our )?"
    r"(?:(?P<years>(?:three |3 )?years)|(?P<quarters>(?:four |4 )?quarters)"
    r"|(?P<months>(?:twelve |12 )?months))\b"
    r"|\b(?:(?:in|for|during|over|across) )?(?:each|every)(?: one| single one)? of (?=(?:the )?"
    r"(?:last|past|previous) (?:\w+ )?(?P<recent>year|quarter|month)s\b)"
)
"""'the busiest month in each of 2020, 2021 and 2022', 'the top team in every one of the
years', 'for each of the last two years': one row per period, read as 'per year' (the
periods named stay as dates). Only where no group's hire in every period was asked
(IN_EVERY reads that first)."""
SEPARATELY = re.compile(
    r"(?: ,)? \b(?:separately|respectively|individually|each on (?:its|their) own"
    r"|on (?:its|their) own|one by one)\b"
)
"""'the busiest quarter in 2021 and 2022, separately': beside a ranking over listed years
(quarters), one ranking per year (quarter)."""
RANKED = re.compile(r"\b(?:top|most|fewest|least|busiest|quietest|biggest|highest|lowest)\b")
EACH_NAMED = re.compile(
    r"\b(?:(?:in|for|from|at|within|per|across) )?(?:each|every)(?: one| single one)? of (?:the )?"
    r"(?=__(?P<kind>[dj])\d+__(?: (?:,|and|or|&|plus))+ (?:the )?__(?P=kind)\d+__)"
)
"""'the 3 newest hires in each of Sales and Legal', 'earliest two joiners per each of HR and
Support': per department (job), of those named; only where no grouping was said before it
('jobs that hired in each of Sales and Legal' is another question)."""
_PEOPLE = (
    r"(?: (?:hires?|hired|joiners?|starters?|people|employees?|staff|recruits?|ones?|persons?))"
)
_SOME = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
_END = r"(?:newest|latest|most recent|earliest|oldest|first|last)"


def _half(i: int) -> str:
    """One side: 'the 3 newest (hires) in Sales', 'the last 2 in Legal', '3 most recent Legal
    hires', 'the newest hire in Sales' (one)."""
    return (
        rf"(?:the )?(?:(?P<n{i}>{_SOME}) (?P<end{i}>{_END})"
        rf"|(?P<endb{i}>{_END})(?: (?P<nb{i}>{_SOME}))?)"
        rf"(?:{_PEOPLE}? (?:in|from|at|for) (?P<a{i}>__[dj]\d+__)|(?: the)? (?P<b{i}>__[dj]\d+__)"
        rf"{_PEOPLE}?)"
    )


NEWEST_OF_EACH = re.compile(rf"\b{_half(1)} (?:, )?(?:and|&|plus|,)(?: also)? {_half(2)}")
"""'the 3 newest hires in Sales and the 3 newest in Legal': the same N of each, one list per
department (job); a different N on each side is not read."""
DISTINCT_PERIODS = re.compile(
    r"\b(?:(?:in|on|during|over|across) )?(?:how many|number of|count of)(?: different| distinct"
    r"| unique| separate)? (?P<dims>months|quarters|years|days|dates|calendar days|weekdays"
    r"|hire dates|hiring days|hire days)\b(?: (?:had|have|with|saw|showed|having)(?: (?:a |at least"
    r" one |any )?(?:hires?|hiring|joiners?|starters?))?| (?:are|were) there)?"
)
"""'in how many distinct months did Legal hire', 'how many days in March had hires': the
periods with at least one hire, counted (what is said with a number is a threshold)."""
PERIOD_RATIO = re.compile(r"\b(?:the )?ratio(?: of| between)?\b|\bdivided by\b")
"""'the ratio of 2022 hires to 2021 hires', 'Q2 hires divided by Q1 hires': one over the other."""
SUBTRACT = re.compile(
    r"\b(?P<short>(?:fell|fall|falls|came|come|comes) short of|trail|trailed|trails"
    r"|(?:lag|lags|lagged)(?: behind)?)\b"
    r"|\b(?:minus|exceed|exceeded|exceeds|exceeding|beat|beats|outdid|outpaced|topped"
    r"|outstripped"
    r"|outnumber|outnumbered|outnumbers|surpass|surpassed|surpasses)\b"
)
"""'Q3 2022 minus Q2 2022', 'by how many did 2022 exceed 2021': the first said less the second
(between two periods said apart; 'minus Sales' is read as a named side by MINUS_NAME); with
``short`` ('2022 fell short of 2021'), the second less the first."""
DISTINCT = re.compile(
    r"\b(?:(?:how many|number of|count of|count the) (?:different |distinct |unique |separate )?"
    r"|(?:different|distinct|unique) )(?P<what>departments|job titles|job roles|jobs|roles|titles"
    r"|positions|depts|teams|divisions|job ids|department ids|dept ids)\b"
    r"(?: +(?:hired +)?(?:over|across|among|in|of) +(?:(?:the|all|our) +)*(?:hires|employees"
    r"|hired employees|new hires)\b)?"
)
ANYONE = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|any one|a single (?:person|soul)|any new hires"
    r"|any hires|any people)\b"
)
"""'how many departments hired anyone': the groups counted had at least one hire; no list."""
EMPLOYEES = re.compile(
    r"\b(?:(?:list|show|display)(?: (?:every|all(?: the)?|each))?|who|whom|name the"
    r"|which employees|which people|which person"
    r"|which(?: +of)?(?: +(?:the|our))?(?= +(?:__[djf]\d+__ +)?(?:new +)?(?:hires|people"
    r"|employees|staff|folks|joiners|starters|recruits|persons)\b)"
    r"|what employees"
    r"|what people|give me the employees|details of|employees who|people who|the employees"
    r"|the people"
    r"|those hired|everyone|everybody|is there anyone|is there anybody|anyone|anybody)\b"
)
NAMES_ONLY = re.compile(
    r"\b(?:with |and )?(?:the |their )?(?:full names?|names)(?: of| only)?\b"
    r"|\bjust (?:the )?names\b|\bwho\b"
)
FIRST_LAST = re.compile(
    rf"\b(?:the )?(?:(?P<n0>\d{{1,3}}|{'|'.join(lexicon.NUMBERS)}) )?"
    rf"(?:(?P<first>first(?: ever)?|earliest|oldest)"
    rf"|(?P<last>last|latest|most recent|newest|most recently|recent))"
    rf"(?: {_N})?(?= +(?:__[dj]\d+__ +)?(?:{SUBJECT}|to (?:be )?(?:hired|join)|hire|one|ones"
    rf"|persons?|people|hires?|joiner|starter|recruit|newcomer"
    rf"|$))"
    rf"|\b(?P<by>hired|joined) (?P<first2>first|earliest|last|most recently)\b"
)
COUNT = re.compile(
    r"\b(?:how many|number of|count of|count|total number of|total|tally of|how much"
    r"|(?:hiring |hire )?(?:numbers|figures|counts|totals|stats))\b"
)
COMBO = re.compile(r"\b(?:combo|combos|combination|combinations|pairs?|pairing|pairings)\b")
CATALOG_WORD = re.compile(
    r"\b(?P<what>departments|department|depts|job titles|jobs|job|roles|titles|positions)\b"
)
COLUMNS = re.compile(
    r"\b(?:(?:with|including|include|incl|inc|showing|plus|and|give me|give|show|need|want)"
    r" (?:their |the |its )?)?(?:the )?(?:department |dept )?(?:ids?|identifiers?)(?: ,)?"
    r"(?: and)?(?: (?:the |their )?(?:names?"
    r"|department names?|dept names?|departments?|depts?))?(?: ,)?(?: and)?"
    r"(?: (?:the |their )?(?:numbers?|counts?|totals?"
    r"|hire counts?|headcounts?|number hired|how many they hired|hires))?"
)
_EACH_HIRED = (
    r"(?: (?:hires|people|employees|staff|did|do|they|each|of|them|one|ones|hire|hired|made"
    r"|make|had|were|was|by|got|brought|on|took|recruited|joined|in|that|those|these))+"
)
AND_HOW_MANY = re.compile(rf"(?:, )?\b(?:and|plus|with) how many{_EACH_HIRED}(?= *$)")
"""'which teams beat the mean, and how many did they hire': the counts a grouped answer has,
said last in words about hires alone ('and how many departments' asks for a count of
groups; 'and how many in Q2' another period: both are left unread)."""
AND_HOW_MANY_BARE = re.compile(
    r"(?:, )?\b(?:and|plus|with) how many\b(?! +(?:of |are |were |is |was )?(?:them|those|these"
    rf"|there|{DIM})\b)"
)
"""A bare 'and how many' beside a ranking, a threshold or the quarterly grid: their counts.
Anywhere else (and before 'of them', 'departments') it may ask how many groups: unread."""
_COLUMN = (
    r"(?:(?:the |their |its )?(?:(?:department|dept) )?(?:ids?|identifiers?|names?|numbers?"
    r"|counts?|totals?|hire counts?|headcounts?|number hired|total hired|hires|hired"
    r"|how many(?: they hired| were hired| hired| people| employees)?))"
)
COLUMN_LIST = re.compile(
    r"\b(?:(?:with|including|include|incl|inc|showing|plus|give me|give|show|need|want) )?"
    rf"{_COLUMN}(?:(?: ,)?(?: and| plus)? {_COLUMN}){{1,3}}\b(?: and(?= *$| ,))?"
    r"(?: too\b| as well\b)?"
)
"""'number + name + id', 'name, id and count': the report's columns listed in any order."""
EXISTS = re.compile(
    r"\b(?:exist|exists|are there|is there|do we have|there are|in total|altogether|all the"
    r"|in the company|on record|(?:are |is )?(?:in|on) (?:the |our )?(?:jobs? |departments? "
    r"|reference |lookup |dimension |master |hr )?(?:tables?|list|lists|data|system|database|db"
    r"|schema|warehouse)|(?:are |is )?(?:listed|defined|set up|recorded)(?: in the system)?"
    r"|any|(?:do |does )?(?:we|the company) (?:have|has|got))\b"
)
LIST_ORDER = re.compile(
    r"\b(?P<first>earliest|oldest|first)(?: hires?| hired)? first\b"
    r"|\b(?P<last>latest|newest|most recent|last)(?: hires?| hired)? first\b"
)
_HIRE_WORD = r"(?:their |the )?(?:hire|hiring|start|starting|joining|join|entry|arrival|onboarding)"
_HIRE_TIME = rf"{_HIRE_WORD} (?:dates?|times?|datetimes?|days?)"
CHRONOLOGICAL = re.compile(
    r"\b(?:(?:sorted|ordered|listed|arranged|sort|order|list) )?(?:in )?(?:the )?"
    r"(?:(?P<rev>reverse|reversed|descending) )?"
    rf"(?:chronological(?:ly)?(?: order)?|order of (?:{_HIRE_TIME}|{_HIRE_WORD}(?! count))"
    rf"|(?<=sorted )(?:by|on) {_HIRE_TIME}|(?<=ordered )(?:by|on) {_HIRE_TIME}"
    rf"|(?<=listed )(?:by|on) {_HIRE_TIME}|(?<=arranged )(?:by|on) {_HIRE_TIME})"
    r"(?: ?,? (?P<dir>descending|desc|ascending|asc))?\b"
)
"""'in order of start date', 'sorted by hire date', 'chronologically': people by hire time
(a bare 'by hire date' stays a grouping per day)."""
THEN_BY_NAME = re.compile(
    r"\b(?:,|and)? ?(?:then|ties broken|ties|with ties|tie-broken|tiebreak) (?:by |on )?(?:the )?"
    r"(?:names?|department names?|dept names?|job names?|titles?|job titles?|alphabetically"
    r"|alphabetical order|a to z)\b"
)
"""'ranked by hires, then by name': a ranking's ties come by name anyway (never Z to A)."""
BY_HIRES = re.compile(
    r"\b(?:ranked|sorted|ordered|rank|sort|order|arranged|listed) (?:by|on) (?:the )?"
    r"(?:number of |count of |how many )?(?:(?:19|20)\d\d )?(?:hires|hiring|count|hire count"
    r"|people|employees|staff|headcount|number hired|(?:(?:\w+ ){0,3}?(?:hired|took on)))\b"
)
"""An order by the number of hires ('sorted by how many they hired')."""
_SPAN_FIRST = r"(?:min|minimum|earliest|first|oldest|smallest|lowest)"
_SPAN_LAST = r"(?:max|maximum|latest|last|newest|most recent|largest|highest)"
_SPAN_OF = (
    r"(?:(?:hire|hiring|start|join|joining|joined) (?:dates?|times?|datetimes?|timestamps?)"
    r"|datetimes?|date times?|timestamps?|dates?)"
)
HIRE_SPAN = re.compile(
    rf"\b(?:the )?(?:(?P<first>{_SPAN_FIRST})(?: (?:and|&|,|/|to|and the|and then) "
    rf"(?P<last>{_SPAN_LAST}))?|(?P<last2>{_SPAN_LAST})(?: (?:and|&|,|/|and the) "
    rf"(?P<first2>{_SPAN_FIRST}))?)(?: value of| of)?(?: the)? {_SPAN_OF}\b(?! of)"
    r"|\b(?:the )?(?:(?:hire|hiring|start) )?(?:date|datetime) (?:range|span)\b"
    r"|\b(?:the )?(?:range|span) of (?:the )?(?:(?:hire|hiring|start) )?(?:dates|datetimes)\b"
    r"|\b(?:when (?:were|was|did) )?(?:the |our )?(?P<first3>first|earliest) (?:and|&|/) "
    r"(?:the |our )?(?P<last3>last|latest|most recent) (?:hires?|joiners?|starters?|recruits?)"
    r"(?: (?:ever|on record|start|join))?\b"
    r"|\b(?:the |our )?(?P<first4>first|earliest) (?:hire|joiner|starter) (?:and|&) "
    r"(?:the |our )?(?P<last4>last|latest|most recent) (?:hire|joiner|starter)\b"
)
"""'the earliest and latest datetime', 'min and max hire date', 'the date range': the first
and (or) last hire time ('the first date of Q1' is a day, not a hire: left unread); both
said of the hires themselves ('our first and last hire') are their times too."""
FISCAL = re.compile(r"\b(?:fy ?'?(?:19|20)?\d\d|fiscal(?: years?)?|financial years?|fys?)\b")
"""'FY2021', 'fiscal 2022': a year that starts in a month the data does not record."""
TIME_ORDER = re.compile(
    r"\b(?:(?:sorted|ordered|listed|arranged|going) )?(?:with )?(?:the )?(?:from )?"
    r"(?:(?P<late>latest|newest|most recent|last|recent)|(?P<early>earliest|oldest|first))"
    r"(?: (?:years?|quarters?|months?|weeks?|days?|dates?|periods?|ones?))?"
    r" (?:first|on top|at the top)\b"
    r"|\b(?:in )?(?P<late2>reverse|reversed|descending) (?:chronological|date|time) order\b"
    r"|\b(?:in )?(?P<early2>chronological|date|time) order\b|\bchronologically\b"
)
"""'hires per month, latest month first': the periods of a grouping by time, from the last."""
_MONTH_WORD = "|".join(sorted(lexicon.MONTHS, key=len, reverse=True))
VAGUE_PART = re.compile(
    rf"\b(?P<part>mid|middle of|early|late)[ -](?:in )?(?:the )?(?:year )?"
    rf"(?P<when>{_MONTH_WORD}|(?:19|20)\d\d|year)\b"
)
"""'mid November', 'early March', 'late 2021': parts of a period with no days of their own."""
DAY_OR_YEAR = re.compile(rf"\b(?P<month>{_MONTH_WORD}) (?P<n>2\d)\b(?! ?(?:st|nd|rd|th)\b)")
"""'Jan 22' with no year anywhere: the 22nd of January, or January 2022 as a spreadsheet writes
it. Either reading answers a different question from the other: asked back, never guessed."""
FOUR_DIGIT_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
ON_THE_BOOKS = re.compile(r"\b(?:on|in) (?:the |our )?(?:books|payroll)\b")
"""'how many people are on the books': everyone hired (the data holds no leavers). Said with
a date it is a headcount at that date, not the hires in it: then left unread (refused)."""
FILLER_PHRASES = lexicon.FILLER_PHRASES
"""Hiring verbs, chat and politeness: the phrases of linguistic_schema.toml that mean nothing."""
YES_NO = re.compile(r"^ *(?:did|were|was|has|have|is|are) ")
UPDATE_NOUN = re.compile(
    r"\b(?:the|an|my|our|this|weekly|monthly|quarterly|annual|status|team|board|exec|q[1-4])"
    r" update\b"
)
"""'for the Q3 update': an update written for someone (chat), not a change to the data."""
ANY_HIRES = re.compile(
    r"\bany(?= (?:new )?(?:__f\d+__|hires|joiners|starters|recruits|people|persons|staff"
    r"|employees|folks|newcomers)\b)"
)
"""'any nurses hired in Q1 2022?', 'any hires in Legal in May?': whether there were, which
their count answers (0 is no). Never after a negation: 'didn't we hire any' stays unread."""
_FACT = r"(?:(?:job )?titles?|jobs?|roles?|positions?|departments?|depts?|teams?)"
WITH_THEIR_FACTS = re.compile(
    rf"\b(?:with|and|plus|incl|including) (?:their|the|his|her) {_FACT}"
    rf"(?: (?:and|&) (?:their |the )?{_FACT})?\b"
)
"""'who joined Legal in 2022, with their titles': a list of people shows each one's department
and job already; said beside a count, it stays unread (it may ask for a count per title)."""
NEGATED = re.compile(r"\b(?:not|no|never|nor|without|excluding|except)\b")


_ENGINE_WORDS = """
not but except excluding other than outside apart without and or nor
between since before after until till during from by per each every
which what top bottom most fewest least highest lowest largest smallest biggest
busiest quietest more less fewer over under above below average mean share
percentage percent proportion compare versus vs difference change department departments dept job
jobs role roles title titles position positions year years quarter quarters month
months week weeks weekday weekdays day days first last latest earliest recent
newest oldest named called whose name names starts start contains list ordered
sorted order sort descending ascending alphabetically monthly quarterly yearly half team teams
date dates daily leading popular common frequent
division unique distinct different total number
"""
RESERVED = (
    (set(lexicon.FILLER) - matching.LEVELS)
    | set(lexicon.MONTHS)
    | set(lexicon.NUMBERS)
    | set(lexicon.ORDINALS)
    | set(_ENGINE_WORDS.split())
)
"""The engine's own words: never read as a department or job name by fuzzy matching."""


def dimension(word: str) -> Dimension:
    if word.startswith(("day", "date", "calendar")) and "week" not in word:
        return "day"
    if word.startswith(("level", "grade", "seniority")):
        return "level"
    if word.startswith(("dep", "team", "div")):
        return "department"
    if word.startswith(("job", "role", "title", "position")):
        return "job"
    if word.startswith("year") or word.startswith("annual"):
        return "year"
    if word.startswith("quarter"):
        return "quarter"
    if word.startswith("hal"):
        return "half"
    if word.startswith("month"):
        return "month"
    return "weekday"


def dims(text: str) -> list[Dimension]:
    found = re.findall(DIM, text)
    return list(dict.fromkeys(dimension(w) for w in found))


def number(word: str) -> int:
    return int(word) if word.isdigit() else lexicon.NUMBERS[word]
