"""Find the date expressions in a sentence and resolve them as a careful editor would.

Absolute dates ("Sept. 27, 2023", "25 September 2023", "28.09.2023", "September 19-20",
"in the 1920s", "during the 2020 war", "since at least the 2nd century BC") and dates relative to the
article's reference day ("on Thursday", "last week", "over the weekend", "fifteen days later", "2 days ago",
"In December"). The reference day is the dateline's or the page's date line's (`dateline`, `date_line`).
Times of day and durations never become dates. `RULES` is the table of kinds of expression, each
with its pattern and its resolver; `resolve()` returns every expression found; `primary()` picks
the one that dates the statement.

Date arithmetic (weeks, months, weekdays) is python-dateutil's relativedelta.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable, NamedTuple

from dateutil.relativedelta import SA, relativedelta, weekday as Weekday

from . import words
from ..model import DateRef, When
from ..patterns import Programs

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
# Four digits that are a time of day: "by 1100 GMT", "at 1900 local time", "by 1100 local (0700 GMT)", "by 1500
# (1100 GMT)", "2000 hours" (not "2020 hours of shelling", "In 2021 IT spending").
CLOCK = (r"(?!\s*(?:GMT|UTC|CET|CEST|EET|EEST|BST|EST|EDT|PST|PDT|MSK|AMT|AZT|IST)\b|\s+local\b|\s+hours?\b(?!\s+of\b)"
         r"|\s+hrs\b|\s*\(\s*\d{4}\s*(?:GMT|UTC|local)\b)")
PREP = r"(?:(?i:on|since|from|by|until|till|through|before|after|during|as of|in|of|late|early|as early as)\s+)"
PART = r"(?:\s+(?:night|morning|evening|afternoon))"
MON, WD = words.MONTH, words.WEEKDAY
_WEEKDAY = {name: Weekday(i) for i, name in enumerate(words.WEEKDAYS)}      # "monday" -> MO

# Future markers: an expression in a sentence that has one is read forwards from the reference day.
FUTURE_VERB = (r"will|'ll|shall|plans? to|intends? to|is to|are to|is going to|are going to|aims? to"
               # "Results are expected on Tuesday", "talks are scheduled for Monday", "is now due to", "hopes to sign"
               r"|(?:is|are) (?:\w+ly |now |still )?(?:expected|due|slated|poised|scheduled|set)(?!\s+to\s+have\b)(?! off\b| up\b)"
               r"|(?:is|are) likely to(?!\s+have\b)|(?:expects?|hopes?|forecast) to(?!\s+have\b)"
               # "may resume" (not "may have", "may well have", nor "It should be noted that": a word to the reader)
               r"|(?-i:should|may|might)(?!\s+(?:\w+\s+)?(?:not|have|never)\b|n['’]t)"
               r"(?!\s+(?:also\s+)?be\s+(?:recalled|noted|remembered|stressed|emphasi[sz]ed|mentioned|added|pointed\s+out)\s+that\b)")
FUTURE = _PATTERNS.compile(r"\b" + words.may_start("w'spiaunehfm") + rf"(?:{FUTURE_VERB}|planned|upcoming|next(?!\s+to\b))\b", re.IGNORECASE)
# A future marker that is a verb, not a word for a thing ahead ("the next round", "the planned evacuation").
FUTURE_VERB_RE = _PATTERNS.compile(rf"\b(?:{FUTURE_VERB})\b", re.IGNORECASE)
# "could", "would": a plan, or what was possible or said then ("rescuers could finally reach", "said they would"): unsure.
UNSURE = _PATTERNS.compile(r"\b(?-i:could|would)(?!\s+(?:not|have|never)\b|n['’]t)\b")
# What makes a day after it in its clause unsure (only after: such words are often the clause's own verb, and a day
# before them is the day it was said or done):
# - what must be done by a day ("must leave by Friday", "have to register by Friday": the coming Friday, or one that
#   passed since they were told; not "must have left", "had to");
# - a plan that may not have held ("was supposed to start on Monday", "had been expected to"; not "was slated to",
#   which reported speech says of what is still ahead);
# - a condition ("unless … by Monday", ", if talks fail on Friday"; not "did not say if", a question);
# - a habit ("every Monday and Thursday", "weekly on Tuesday", "every year in May"; not "nearly every resident").
UNSURE_AFTER = _PATTERNS.compile(r"\bmust\b(?!\s+(?:not\s+)?have\b)|\b(?:have|has|needs?)\s+to\b(?!\s+have\b)"
                                 r"|\b(?:(?:was|were)\s+(?:supposed|meant)|had\s+been\s+(?:expected|due|meant|supposed|scheduled"
                                 r"|slated|set|planned))\s+to\b|\bunless\b|\bin\s+case\b|(?:^|[,;:])\s*if\b"
                                 r"|\b(?:every|each)\s+(?:other\s+)?(?:year|week|month|day|[a-z]+day)\b|\bweekly(?=\s+on\b)", re.IGNORECASE)
# A day something was moved to or from: "postponed the trial to November 6", "pushed back to Friday", "postponed from
# Monday" (not "postponed on Monday", the day of postponing, nor "delayed for hours on Monday").
MOVED = _PATTERNS.compile(r"\b(?:postponed|pushed\s+back|put\s+off|delayed|rescheduled|brought\s+forward|moved\s+(?:up|forward))"
                          r"\s+(?:[\w’'-]+\s+){0,3}?(?:to|until|till|from)\s+(?:(?:on|the)\s+)?$", re.IGNORECASE)
# A verb in the past tense: "-ed" (not after an article: "the planned vote"), or a common irregular one.
PAST = _PATTERNS.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )\b(?!(?:ne|sp|s|f|bl|br|gr|ind|proc|exc|succ)eed\b)[a-z]{2,}ed\b"
                         r"|\b(?:was|were|had|did|came|went|began|took|held|met|said|told|made|gave|saw|left|fled|fell|broke"
                         r"|struck|won|lost|sent|brought|found|became|spoke|wrote|led|kept|ran|rose|drew|paid|sought|fought"
                         r"|shot|stood|built|spent|chose|drove|flew|threw|grew|knew|withdrew|overran|got|sat|heard|hit|shook|swept|tore)\b")
# "The vote comes days before the summit in Oslo on May 3": what the present "comes before" names is ahead.
COMES_BEFORE = _PATTERNS.compile(r"\bcomes?\s+(?:[\w-]+\s+){0,3}?(?:before|ahead\s+of)\b", re.IGNORECASE)
# Where a clause starts inside a comma-clause: a date after one belongs to the verb that follows it.
_CLAUSE_WORDS = "that|which|who|whom|when|where|while|and|but|because|although|though|after|before"
CLAUSE_START = _PATTERNS.compile(rf"\b(?:{_CLAUSE_WORDS})\b", re.IGNORECASE)
# Nouns for things that happen at a time: "the 2020 war", "Freedonia's 19 September operation".
EVENT = (r"wars?|conflicts?|offensives?|operations?|cease-?fires?|truces?|armistice|agreements?|accords?|deals?"
         r"|treaty|treaties|elections?|votes?|referendums?|protests?|uprisings?|revolutions?|coups?|invasions?"
         r"|attacks?|assaults?|strikes?|bombings?|shelling|clashes|fighting|hostilities|escalations?|flare-ups?"
         r"|blockades?|sieges?|crisis|earthquakes?|quakes?|floods?|flooding|storms?|hurricanes?|cyclones?"
         r"|typhoons?|tsunamis?|wildfires?|fires?|explosions?|blasts?|eruptions?|pandemic|outbreaks?|epidemic"
         r"|summits?|talks|meetings?|visits?|census|exodus|massacres?|pogroms?|genocide|detentions?|arrests?"
         r"|famines?|droughts?|landslides?|mudslides?|avalanches?|heatwaves?|tornado(?:e?s)?|riots?|unrest"
         r"|insurgency|insurgencies|rebellions?|crackdowns?|occupation")
# Relative clauses set off by commas, or a name set off with "a …, who" ("Ivan Petrov, a banker who headed … between
# May 2021 and March 2022"): a date inside one is not the date of the statement.
NESTED = _PATTERNS.compile(r",\s+(?:(?:in|during|after|before|by|under|for)\s+)?(?:who|whom|whose|which|where|when)\b(?:[^,;:—–]|,(?=\d))*",
                           re.IGNORECASE)
APPOSITIVE_WHO = _PATTERNS.compile(r"\b[A-Z][\w’'-]*(?P<aside>,\s+(?:a|an)\s+(?:[\w’'-]+\s+){1,5}?who\b(?:[^,;:—–]|,(?=\d))*)")
# An editor's clause in square brackets: "… units [which had not withdrawn under the accord of 2015]", "the accord
# [signed by the three leaders after the 2015 war]" (not "[on Thursday]" or "[held on Thursday]", which date).
BRACKET_ASIDE = _PATTERNS.compile(r"\[\s*(?:(?:which|who|whose|that|where)\b|(?:signed|held|made|built|set|[a-z]{3,}ed)\s+by\b)"
                                  r"[^\[\]]*\]")
# A participle phrase between commas after a noun: "The camp, built in 2004 for 20,000 people, now shelters …",
# "The vote, originally set for Feb. 25, was postponed": its date is the noun's story, not the statement's.
# (After a lowercase word: "The head of the region, Jane Doe, signed a decree on …, officials said" is a name set off,
# then the verb; and only where the clause before has no verb yet: "The strike hit the market, killed 12 …, and".)
PARTICIPLE_ASIDE = _PATTERNS.compile(r"(?<![\w’'-])[a-z][a-z’'-]*(?P<aside>,\s+(?:[a-z]+ly\s+)?(?:(?!(?:indeed|hundred|announced|reported|published|released|issued|confirmed|recorded|updated)\b)[a-z]{3,}ed|built|set|held|made|"
                                     r"begun|won|shot|fought|hit|struck|taken|given|written|seen|known|led)\s+"
                                     r"(?:[^,;:—–]|,(?=\s?\d))*,)(?=\s)")
# A person's years in brackets after the name: "Ivan Petrov (2007-20)", "Jane Doe (1997–2007)": a term or a life
YEARS_OF_A_NAME = _PATTERNS.compile(r"\b(?P<name>[A-Z][a-z][\w’'-]*\s+[A-Z][a-z][\w’'-]*)\s*\(\s*(?:19|20)\d\d\s*[-–]\s*"
                                    r"(?:(?:19|20)?\d\d|present)\s*\)")
NOT_A_NAME = frozenset("war year years plan programme program period strategy games cup olympics election elections".split())


def _years_of_a_name(sentence: str) -> list[tuple[int, int]]:
    """"Police detained … Ivan Petrov (2007-20)": a person's term, after the sentence's own verb (not "Under Governor
    Maria Lutz (2015-19), Fredville built 40 schools", nor "the Civil War (1991-95)", "in March (2022-23)")."""
    spans = []
    for m in YEARS_OF_A_NAME.finditer(sentence):
        name = {w.lower() for w in m["name"].split()}
        if _own_verb_before(sentence, m.start()) and not name & NOT_A_NAME and not name & set(words.MONTHS):
            spans.append(m.span())
    return spans
# A thing's own date, told after the sentence's verb: "released the text of an agreement signed on 8 August", "revisited
# a draft finalized in March", "the contact group, created in 1992", "an inquiry into the explosion that took place on 25
# September", "cancelled a meeting which was due to take place on Thursday": the thing's story, not the statement's
# (`_thing_dated`; not "The explosion that took place on Monday killed 20", with no verb before it, nor "the leaders have
# signed on Monday", nor a verb with its object: "since its leaders signed a ceasefire last week"; nor "a statement
# issued late on Wednesday": the saying's)
THING_DATED = _PATTERNS.compile(
    r"\b(?P<word>[\w’'-]+)(?P<aside>,?\s+(?:(?:that|which)\s+(?:had\s+)?(?:took\s+place|happened|occurred|began|started"
    r"|broke\s+out|erupted|(?:was|were|had\s+been)\s+(?:due|scheduled|set|expected|planned|slated)\s+(?:for|to\s+[a-z]+))"
    r"|dat(?:ing|es|ed)\s+(?:back\s+)?(?:to|from)|(?:signed|initiall?ed|finali[sz]ed|adopted|reached"
    r"|brokered|created|founded|established|drafted|approved|ratified|concluded|built|erected|constructed|launched|unleashed"
    r"|unveiled|inaugurated|consecrated)(?=\s+(?:on|in|at|by|during|late|early|last|earlier)\b))"
    r"\b(?:(?!\s(?:was|were|is|are|has|have|had|will|would|did)\b)(?:[^,;:—–]|,(?=\d)))*)", re.IGNORECASE)
NOT_A_THING = frozenset("has have had was were is are be been being they we he she it who which that and or not also "
                        "then later jointly formally officially troops forces leaders sides officials".split())
VERB_BEFORE = _PATTERNS.compile(r"\b(?:is|are|was|were|has|have|had|will|would|be)\b", re.IGNORECASE)
REPORTED_BY = _PATTERNS.compile(r"\b(?:said|says|say|told|tells|announced|reported|stated|added|noted|claimed)\b(?:\s+that\b)?",
                                re.IGNORECASE)     # a saying whose clause follows it (not "recalled the war": its object)


# ... or named by its day after "of": "reviewed transcripts of a February 25 hearing", "the results of the 3 May vote",
# "a violation of a December 2021 court order" (not a time of it: "at the end of a September 14 rally")
OF_DATED_THING = _PATTERNS.compile(rf"\b(?P<word>[\w’'-]+)\s+(?P<aside>of\s+(?:a|an|the|its|their|his|her)\s+(?:\d{{1,2}}\s+"
                                   rf"{words.MONTH_IN_TEXT}|{words.MONTH_IN_TEXT}\.?\s+\d{{1,2}}|{words.MONTH_IN_TEXT}\s+\d{{4}})\b"
                                   rf"(?:,?\s+\d{{4}})?\s+[A-Za-z])")
TIME_OF = frozenset("end morning night evening eve day afternoon opening start beginning close sidelines margins middle "
                    "height time course hours".split())


def _thing_dated(sentence: str) -> list[tuple[int, int]]:
    """Where a date is a thing's told after the sentence's own verb (THING_DATED, OF_DATED_THING): the word before is
    no subject or adverb ("troops reached on Monday", "was unanimously adopted on Tuesday"), and a verb of the
    sentence's, not of a saying, comes before it ("Officials said the explosion that took place on Monday killed 20")."""
    things = [m for rx in (THING_DATED, OF_DATED_THING) for m in rx.finditer(sentence)
              if (m["word"].lower() not in (TIME_OF if m.re is OF_DATED_THING else NOT_A_THING)
                  and not m["word"].lower().endswith("ly"))]
    return [m.span("aside") for m in things if _own_verb_before(sentence, m.start("aside"))
            and not IN_THE_THING.search(sentence, 0, m.start("aside"))]


# ... a thing the statement happened in, at or during is its time too ("40 were killed in the explosion that took place
# on Sunday", "wounded in the attack launched on Monday")
IN_THE_THING = _PATTERNS.compile(r"\b(?:in|at|during|by|amid)\s+(?:the|a|an|this|that|its|their)\s+(?:(?![a-z]+ed\s)[\w’'-]+\s+){0,3}?"
                                 r"[\w’'-]+$", re.IGNORECASE)


def _own_verb_before(sentence: str, at: int) -> bool:
    """A verb before `at` that is the sentence's own: after its last verb of saying, if any."""
    said = list(REPORTED_BY.finditer(sentence, 0, at))
    start = said[-1].end() if said else 0
    return bool(PAST.search(sentence, start, at) or VERB_BEFORE.search(sentence, start, at))


# What a count is compared with, after it: "…, up from 56 on Saturday", "compared with 850,000 a day earlier";
# and what anything is compared with: "higher than in 2019", "more crossed than on Monday", "rather than on Friday",
# "instead of Monday".
# A date in there is the earlier count's or the other thing's, not the statement's. Not "no later than Friday" (a
# deadline) nor "than" before a count ("more than two years ago", "more than 100,000 fled on Monday").
COMPARED = _PATTERNS.compile(r"\b(?:(?:up|down)\s+from|an?\s+(?:increase|rise|drop|fall|decrease)\s+from|compared\s+(?:with|to)|instead\s+of|unlike"
                             r"|just\s+like|similar\s+to"
                             r"|(?<!later\s)(?<!earlier\s)(?<!sooner\s)(?<!other\s)than(?!\s+(?:\d|(?:a|an|half|twice|few|several"
                             r"|dozens?|hundreds?|thousands?|millions?|tens|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                             r"|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|expected|usual|normal|forecast"
                             r"|anticipated|planned|predicted|feared|ever|before|previously|doubled|tripled|halved)\b)))\b"
                             r"(?:[^,;:—–]|,(?=\d))*", re.IGNORECASE)

# "One year ago today", "a year ago this month": the day or month a year back; "today" is not the statement's.
AGO_NOW = _PATTERNS.compile(r"\bago\s+(?P<now>today|tonight|this\s+(?:week|month|year))\b", re.IGNORECASE)

# Cheap tests that every match of a rule's pattern passes (a digit, a month's first three letters, ...).
# `find` runs a pattern only on sentences that pass its rule's tests: about three times faster, and the
# same matches (a property test compares it with running every pattern).
_NEEDS = {
    "digit": _PATTERNS.compile(r"\d"),
    "iso": _PATTERNS.compile(r"\d-[01]\d-\d"),
    "dotted": _PATTERNS.compile(r"\d\.\d\d?\.\d"),
    "decade": _PATTERNS.compile(r"\d0s"),
    "four_digits": _PATTERNS.compile(r"\d{4}"),
    "from_between": words.any_case("from|between"),
    "month": _PATTERNS.compile("|".join(sorted({m[:3].title() for m in words.MONTHS} | {m[:3].upper() for m in words.MONTHS}))),
    "weekday": _PATTERNS.compile(WD),
    "rel_day": words.any_case("yesterday|today|tomorrow|tonight|night|morning|afternoon|evening"),
    "week": words.any_case("week"),
    "month_word": words.any_case("month"),
    "year_word": words.any_case("year"),
    "day_or_week": words.any_case("day|week"),
    "century": _PATTERNS.compile(r"century"),
    "ago": _PATTERNS.compile(r"\s(?i:ago)\b"),                  # "ago" as a word (not inside "Chicago")
    "days_later": words.any_case("day|week", r"s?\s*(?:earlier|later|before|after)"),
    "ordinal_of": words.any_case("st|nd|rd|th", r"\s+of\b"),
}


class Context(NamedTuple):
    """What a resolver reads a match against."""
    ref: date                 # the article's reference day
    forward: bool             # the expression's clause looks ahead ("will", "next")
    anchor: date | None       # the day the text was last talking about ("two days later" counts from it)
    past: bool = False        # the expression's clause has a verb in the past tense (`_clause`)
    year_said: bool = False   # the year is given in words after it ("in March last year": `_in_year`)
    dated_before: bool = False  # the sentence gave a date before it (a "would" after one: `_would_year`)


Resolved = tuple[When, bool, bool]       # (when, anaphoric, limit)


@dataclass(frozen=True)
class Rule:
    """One kind of date expression."""
    pattern: re.Pattern             # a group named `when`, if any, holds the date's own words ("during the 2020 war")
    resolve: Callable[[re.Match, Context], Resolved | None]   # None: the words are not a date after all
    needs: tuple[str, ...] = ()     # the _NEEDS tests every match passes (none: always run)
    absolute: bool = False          # names its date: a future marker alone never makes it planned
    deadline: bool = False          # "by the end of the year": planned from the day of publication on


# --- dates -------------------------------------------------------------------------------------

def _t(d: date) -> tuple[int, int, int]:
    return (d.year, d.month, d.day)


def day(d: date) -> When:
    return When(_t(d), _t(d), "day")


def span(a: date, b: date, precision: str = "span") -> When:
    return When(_t(a), _t(b), precision) if a != b else day(a)


def month(y: int, m: int) -> When:
    return When((y, m, 1), (y, m, calendar.monthrange(y, m)[1]), "month")


def year(y: int) -> When:
    return When((y, 1, 1), (y, 12, 31), "year")


def _day(text: str) -> int:
    """"8", "8th", "eighth"."""
    digits = re.match(r"\d+", text)
    return int(digits.group(0)) if digits else words.ordinal(text) or 0


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _recent_year(m: int, d: int | None, ref: date, forward: bool) -> int:
    """The year of a month (and day) given without one: the most recent such, or the coming one."""
    y = ref.year
    try:
        candidate = date(y, m, min(d or 1, calendar.monthrange(y, m)[1]))
    except ValueError:
        return y
    if forward:
        if (candidate.year, candidate.month) < (ref.year, ref.month) or (d and candidate < ref):
            return y + 1
        return y
    if d is not None:
        return y if candidate <= ref else y - 1
    return y if m <= ref.month else y - 1


def _moved_back_recent(d: date, c: Context) -> bool:
    """A day and month read back into the past although its next one lies just ahead of the reference day
    ("meetings in Marrakech from Oct. 9-15" in a 28 September article, "the trial starts on 17 January" in a
    December one): too unsure to date (not when words give its year: "on Feb. 6 last year")."""
    ref = c.ref
    ahead = [a for a in (_safe_date(y, d.month, d.day) for y in (ref.year, ref.year + 1)) if a and a > d]
    return not c.year_said and d < ref and bool(ahead) and timedelta(0) < ahead[0] - ref <= timedelta(days=92)


def _moved_past_recent(d: date, ref: date) -> bool:
    """A day and month read forward into next year although this year's lies just behind the reference
    day ("will ... on September 20" in a 22 September article): too unsure to date."""
    this_year = _safe_date(ref.year, d.month, d.day)
    return d.year > ref.year and this_year is not None and timedelta(0) < ref - this_year <= timedelta(days=92)


def _weekday_near(ref: date, wd: Weekday, forward: bool, strict: bool = False) -> date:
    if forward:
        return ref + relativedelta(days=+1 if strict else 0, weekday=wd(+1))
    return ref + relativedelta(days=-1 if strict else 0, weekday=wd(-1))


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _is_limit(m: re.Match) -> bool:
    return bool(re.match(r"(?:until|till|through|before|after)\b", m.group(0).strip().lower()))


_SHIFT = {"last": -1, "the previous": -1, "next": 1, "the following": 1}     # "next month": +1


# --- resolvers: (match, context) -> (when, anaphoric, limit) or None ----------------------------

def _numeric(m: re.Match, c: Context) -> Resolved | None:
    """"2023-09-28", "28.09.2023"."""
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (day(d), False, False) if d else None


# "said the trial would start on …", "said the new rules take effect on …": a past saying of what was still ahead
LOOKS_AHEAD_THEN = _PATTERNS.compile(r"\b(?:would|will|takes?\s+effect|comes?\s+into\s+force|starts?|begins?|opens?)\b",
                                     re.IGNORECASE)


def _would_then(head: str) -> bool:
    """A "would"/"will" or a timetabling verb in the words before the day, with no verb told as done and no comma
    between ("said the curfew would be lifted in the capital on …", not "refugees who would later settle in the town
    crossed the border on …")."""
    found = list(LOOKS_AHEAD_THEN.finditer(head))
    # the participle of "would be lifted", "will be held", "would have ended" is no verb told as done
    tail = re.sub(r"\b(?:be|been|have)\s+[a-z]+\b", " ", head[found[-1].end():]) if found else ""
    return bool(found) and not re.search(r"[,;]", tail) and not PAST.search(tail) \
        and not DONE_IRREGULAR.search(head, found[-1].end())       # (its look-behind sees "would cut")


# What makes "would" no plan told of now: "would have", a saying long past ("had said … would"), a habit ("every
# winter, pilgrims would gather")
NOT_WOULD_THEN = _PATTERNS.compile(r"\bwould\s+have\b|\bhad\s+(?:\w+\s+)?(?:said|announced|promised|declared|stated)\b"
                                   r"|\b(?:every|each|used\s+to|usually|often)\b", re.IGNORECASE)
WRITTEN_YEAR = _PATTERNS.compile(r"\b(?:1[89]|20)\d\d\b")                 # a year written out


def _would_ahead(head: str) -> bool:
    """A "would" before the day, with no "will" after it, and nothing told as done between (`_would_then`)."""
    markers = [w.group(0).lower() for w in LOOKS_AHEAD_THEN.finditer(head)]
    return "would" in markers and "will" not in markers[markers.index("would"):] and _would_then(head)


def _would_soon(sentence: str, m: re.Match, ref: date) -> bool:
    """A weekday alone after a saying and "would" ("said officials would meet in Fredville on Thursday") that is the
    reference day's or the next: the one coming after the saying, unless it was said a week or more before (which the
    text would say: so only as the sentence's one date, and not "…, but the trip was cancelled"); a weekday further
    ahead is unsure (the last one, if said days ago?)."""
    if "wd" not in m.re.groupindex or not m["wd"] or m.groupdict().get("m") or (m.groupdict().get("mod") or "on").lower() != "on":
        return False
    ahead = (words.WEEKDAYS.index(m["wd"].lower()) - ref.weekday()) % 7
    head = sentence[:m.start()]
    return ahead <= 1 and bool(SAID_WOULD.search(head)) and _would_ahead(head) and not NOT_WOULD_THEN.search(head) \
        and not re.search(r"\b(?:but|however|until)\b", sentence[m.end():], re.IGNORECASE)


def _to_do_ahead(sentence: str, m: re.Match) -> bool:
    """A verb of agreeing or asking, then "to" and a verb, before the day ("asked the guards to leave their posts from
    August 1"), with nothing told as done after that verb, up to the end of the day's clause (not "agreed to hold talks
    that began on August 1", "demanded to know what happened to their sons on March 2")."""
    found = TO_DO_BEFORE.search(sentence, 0, m.start())
    if found is None:
        return False
    to = re.search(r"\bto\s+[a-z]+\b", found.group(0))
    rest = sentence[found.start() + to.end():m.start()] + " " + re.split(r"[,;:]", sentence[m.end():], maxsplit=1)[0]
    return not (PAST.search(rest) or DONE_IRREGULAR.search(rest) or DONE_TOO.search(rest))


DONE_TOO = _PATTERNS.compile(r"\b(?:caught|taken|begun|done|gone|known)\b", re.IGNORECASE)


def _asked_ahead(mo: int, dd: int | None, m: re.Match, c: Context) -> bool:
    """A day after a verb of agreeing or asking and "to" (`_to_do_ahead`) whose coming one is nearer than the last:
    which one the request was for, the text does not say ("has asked the guards to leave their posts from Aug. 1" in
    April, read as the last August 1 before)."""
    if c.year_said or c.dated_before or WRITTEN_YEAR.search(m.string, 0, m.start()) or not _to_do_ahead(m.string, m):
        return False
    past, coming = _last_and_next(mo, dd, c)
    return bool(past and coming and past < c.ref < coming and (coming - c.ref) < (c.ref - past))


def _would_year(mo: int, dd: int | None, m: re.Match, c: Context) -> int | None:
    """The year of a day told as what would come ("said the republic would cease to exist by January 1"): the coming
    one where it is nearer than the last (in September, next January 1; not "said the border would open on September
    5", told of since). None where words give the year, no "would" leads to it, or the sentence gave a date or a year
    before it ("A year ago, leaders said …", "In its 2022 report, …": the saying's time is not the article's)."""
    head = m.string[max(0, m.start() - 60):m.start()]
    before = m.string[:m.start()]
    if c.year_said or c.dated_before or not _would_ahead(head) \
            or NOT_WOULD_THEN.search(before) or WRITTEN_YEAR.search(before):
        return None             # (not "will", "starts", "takes effect" alone: a timetable of now, read as before)
    past, coming = _last_and_next(mo, dd, c)
    return coming.year if past and coming and (coming - c.ref) < (c.ref - past) else None


def _last_and_next(mo: int, dd: int | None, c: Context) -> tuple[date | None, date | None]:
    """The day (or month's first) of that month and day read back from the reference day, and read forward."""
    past, coming = (_safe_date(_recent_year(mo, dd, c.ref, forward), mo, dd or 1) for forward in (False, True))
    return past, coming


# "A year ago, on September 19, …", "Two years ago on 19 September", opening the sentence or its clause: the day of that
# year (not "The talks, which began a year ago, on September 22 reached …": the clause "a year ago" closes)
YEARS_AGO_BEFORE = _PATTERNS.compile(rf"(?:^|[;:]\s*|\b(?:and|but)\s+)(?:[\"“‘']\s*)?(?P<n>an?|{words.NUMBER_WORDS}|\d+)\s+years?\s+"
                                     r"ago\s*,?\s*(?:on\s+|in\s+)?$", re.IGNORECASE)


def _years_ago(mo: int, dd: int | None, m: re.Match, c: Context) -> int | None:
    """The year of a day or month set beside "a year ago", "two years ago" just before it: the one nearest the article's
    day that many years back ("A year ago, in January" in December 2024 is January 2024)."""
    ago = None if c.year_said else YEARS_AGO_BEFORE.search(m.string, 0, m.start())
    n = None if ago is None else 1 if ago["n"].lower() in ("a", "an") else words.number(ago["n"])
    if not n:
        return None
    back = _safe_date(c.ref.year - int(n), c.ref.month, min(c.ref.day, 28))
    away = {y: abs((d - back).days) for y in (back.year - 1, back.year, back.year + 1) if (d := _safe_date(y, mo, dd or 15))}
    nearest = min(away, key=away.get) if away else None
    # that year's, unless another's is clearly nearer ("Five years ago, in March" in September: that year's March)
    return back.year if back.year in away and away[back.year] - away[nearest] <= 60 else nearest


def _month_day(m: re.Match, c: Context) -> Resolved | None:
    """"Sept. 27, 2023", "on Tuesday, 26 September"."""
    mo, dd = words.month(m["m"]), _day(m["d"])
    y = int(m["y"]) if m["y"] else _years_ago(mo, dd, m, c) or _would_year(mo, dd, m, c) or _recent_year(mo, dd, c.ref, c.forward)
    d = _safe_date(y, mo, dd)
    if not m["y"] and _asked_ahead(mo, dd, m, c):
        return None
    # read back into the past though the next one is just ahead, or the other way round: unsure, unless its weekday
    # is that of the one the other way ("takes effect on Monday, January 1" in late December)
    moved = d is not None and not m["y"] and (_moved_past_recent(d, c.ref) or _moved_back_recent(d, c))
    if d is None or (moved and not m["wd"]):
        return None
    want = words.WEEKDAYS.index(m["wd"].lower()) if m["wd"] else d.weekday()
    told_past = c.past and not c.forward and not _would_then(m.string[max(0, m.start() - 60):m.start()])
    if moved and d.weekday() == want and not (told_past and d < c.ref):
        return None         # (its weekday is that of the reading the tense agrees with: "started on Tuesday, 17 January")
    if d.weekday() != want:
        # "on Wednesday, September 28" where the 28th is a Thursday: a slip in the weekday or the day, or a year
        # the text does not give (an old photo's caption): undated; but across the turn of the year ("takes effect
        # on Monday, January 1" in late December) the next or last year's day within a few weeks of the article
        near = [a for a in (_safe_date(y + s, mo, dd) for s in (-1, 1)) if a and a.weekday() == want
                and abs((a - c.ref).days) <= 45] if not m["y"] else []
        if not near or (told_past and near[0] > c.ref):      # (not ahead, in a clause told in the past)
            return None
        d = near[0]
    return day(d), False, _is_limit(m)


def _day_range(m: re.Match, c: Context) -> Resolved | None:
    """"September 19-20", "Sept. 30 to Oct. 2", "25-27 September"."""
    g = m.groupdict()
    mo = words.month(g["m"])
    mo2 = words.month(g["m2"]) if g.get("m2") else mo
    d1, d2 = _day(g["d"]), _day(g["d2"])
    y = int(g["y"]) if g["y"] else _recent_year(mo, d1, c.ref, c.forward)
    a, b = _safe_date(y, mo, d1), _safe_date(y if mo2 >= mo else y + 1, mo2, d2)
    if not a or not b or b < a or (not g["y"] and (_moved_past_recent(a, c.ref) or _moved_back_recent(a, c))):
        return None
    return span(a, b), False, False


def _month_year(m: re.Match, c: Context) -> Resolved:
    """"September 2023", "in mid-May 2022"."""
    return month(int(m["y"]), words.month(m["m"])), False, _is_limit(m)


def _next_is_near(y: int, mo: int, ref: date) -> bool:
    """Month `mo` of year `y` is behind the reference day's month, while its next one is one to three months ahead."""
    return (y, mo) < (ref.year, ref.month) and 1 <= (mo - ref.month) % 12 <= 3


def _named_month(m: re.Match, c: Context) -> Resolved | None:
    """"In December" (the last one), "next March", "until June"."""
    prep, mo = m["prep"].lower(), words.month(m["m"])
    if prep == "last":
        y = c.ref.year if mo < c.ref.month else c.ref.year - 1
    elif prep == "next":
        y = c.ref.year if mo > c.ref.month else c.ref.year + 1
    elif prep == "this":
        y = c.ref.year
    elif (ago := _years_ago(mo, None, m, c)) is not None:
        y = ago                 # "Five years ago, in March, …"
    else:
        y = _recent_year(mo, None, c.ref, c.forward)
        if _next_is_near(y, mo, c.ref) and not c.year_said \
                and (not c.past or TO_DO_BEFORE.search(m.string, 0, m.start())):
            return None         # the last one, though the next is just ahead, and nothing says it is past (a past verb
            # before "to hold talks in January" may be of agreeing to what is still ahead)
    return month(y, mo), False, prep in ("until", "till", "through", "before", "after")


# An infinitive after a verb of agreeing or planning, before a month in its clause: "agreed to hold talks in January",
# "accepted an offer to meet there in January", "agreed to provide $2.5 million in January" (not "began to withdraw in
# January", "were forced to flee in January": done then).
TO_DO_BEFORE = _PATTERNS.compile(r"\b(?:agree[sd]?|accept(?:s|ed)?|offer(?:s|ed)?|decide[sd]?|propose[sd]?|invite[sd]?"
                                 r"|plann?(?:ed|s)?|promise[sd]?|pledge[sd]?|vow(?:s|ed)?|ask(?:s|ed)?|urge[sd]?|(?<!\bin )order(?:s|ed)?"
                                 r"|call(?:s|ed)?\s+on|request(?:s|ed)?|demand(?:s|ed)?|instruct(?:s|ed)?)\b(?:[^,;:.!?]|(?<=\d)[.,](?=\d))*?"
                                 r"\bto\s+[a-z]+\b(?:[^,;:.!?]|(?<=\d)[.,](?=\d))*$", re.IGNORECASE)


def _decade(m: re.Match, c: Context) -> Resolved:
    """"in the 1920s"."""
    y = int(m["y"])
    return When((y, 1, 1), (y + 9, 12, 31), "decade"), False, False


def _century(m: re.Match, c: Context) -> Resolved | None:
    """"since the 2nd century BC" (astronomical years: 1 BC is year 0, so that is -199 .. -100); not a thing's age
    ("a 13th century monastery", "troops damaged the 13th century church": no preposition, a word after it), nor
    the century of writing ("the 21st century cannot …")."""
    n = int(m["c"])
    if (m["era"] or "").replace(".", "").upper().startswith("BC"):
        lo, hi = -(n * 100) + 1, -(n - 1) * 100
    else:
        lo, hi = (n - 1) * 100 + 1, n * 100
    if (not m["prep"] and re.match(r"\s+[A-Za-z‘'\"“]", m.string[m.end():]) and not re.match(r"\s+(?:AD|BC|CE)\b", m.string[m.end():])) \
            or lo <= c.ref.year <= hi:
        return None
    return When((lo, 1, 1), (hi, 12, 31), "century"), False, False


def _month_range(m: re.Match, c: Context) -> Resolved | None:
    """"between November 2022 and February 2023", "from March to May 2023": the first month's first day to the
    last one's last day (a first month without its year only when it comes before the second in the year)."""
    m1, m2, y2 = words.month(m["m"]), words.month(m["m2"]), int(m["y2"])
    y1 = int(m["y"]) if m["y"] else y2 if m1 <= m2 else None
    if y1 is None or (y1, m1) >= (y2, m2):
        return None
    return When((y1, m1, 1), month(y2, m2).hi, "span"), False, False


def _year_range(m: re.Match, c: Context) -> Resolved | None:
    """"from 2020 to 2023"."""
    a, b = int(m["y"]), int(m["y2"])
    if b < a:
        return None
    return When((a, 1, 1), (b, 12, 31), "year" if a == b else "span"), False, False


# The longest span of years "1922-1991" is read as (a number range such as "1500-2000" is not one).
MAX_YEARS = 80


def _year_span(m: re.Match, c: Context) -> Resolved | None:
    """"the 1991-1994 war", "in 1992-93", "(1988–1994)": those years, where the words around make them a time
    (a word for an event after, brackets around, or a preposition before and the phrase's end after: not
    "temperatures of 1950-2000 degrees"), never a range of numbers."""
    a, tail = int(m["y"]), m["y2"]
    b = int(tail) if len(tail) == 4 else a - a % 100 + int(tail) + (100 if int(tail) <= a % 100 else 0)
    month_too = len(tail) == 2 and 1 <= int(tail) <= 12          # "in 2009-10": also October 2009, as ISO writes it
    said_a_time = m["event"] or (m["open"] and m["close"]) or (m["prep"] and m["ends"] is not None and not month_too)
    if not a < b <= a + MAX_YEARS or not said_a_time:
        return None
    return When((a, 1, 1), (b, 12, 31), "span"), False, False


ABOUT_NOW = _PATTERNS.compile(r"\b(?:has|have|is|are|remains?)\b", re.IGNORECASE)      # "The 2015 deal has collapsed"


def _year_subject(m: re.Match, c: Context) -> Resolved | None:
    """"The 1994 war killed 30,000 people": a sentence about a past event named by its year, told in the past (not
    "The 2015 deal has collapsed", which is about now)."""
    if not c.past or c.forward or ABOUT_NOW.search(m.string) or int(m["y"]) >= c.ref.year \
            or re.search(YEAR, m.string[m.end():]):      # "The 2015 deal collapsed in 2018"
        return None
    return year(int(m["y"])), False, False


def _year(m: re.Match, c: Context) -> Resolved:
    """"in 1994", "until 2025" (a bound), "the 2020 war"."""
    prep = (m.groupdict().get("prep") or "").lower()
    return year(int(m["y"])), False, prep in ("until", "till", "through", "before", "after", "end of")


EVERY = _PATTERNS.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


def _weekday(m: re.Match, c: Context) -> Resolved | None:
    """"on Thursday" (the last one, or the coming one in a clause that looks ahead), "next Monday"."""
    wd, mod = _WEEKDAY[m["wd"].lower()], (m["mod"] or "").lower()
    if mod == "last":
        d = _weekday_near(c.ref, wd, forward=False, strict=True)
    elif mod == "next":
        d = _weekday_near(c.ref, wd, forward=True, strict=True)
    elif mod == "this":
        d = _week_of(c.ref)[0] + relativedelta(weekday=wd(+1))
        if d > c.ref and c.past and not c.forward:
            return None         # "This Sunday, thousands rallied": this week's Sunday is still to come
    else:
        if c.forward and _possessive(m.string, m):
            return None         # "the toll from Sunday's landslide is likely to climb": that Sunday is behind
        d = _weekday_near(c.ref, wd, forward=c.forward)
    if EVERY.search(m.string, 0, m.start()):
        return None             # "every Friday": a habit, not a day
    if m["dnum"]:               # "This Monday (6)", as Brazilian and Spanish copy gives the day: the Monday, a week
        near = [c.ref + timedelta(days=n) for n in range(-7, 8)]           # either side, that is the 6th; else unsure
        d = next((x for x in near if x.weekday() == d.weekday() and x.day == int(m["dnum"])), None)
        if d is None:
            return None
    return day(d), False, mod == "until"


def _nth_weekday(m: re.Match, c: Context) -> Resolved | None:
    """"the first Monday of October", "the last Friday in September": that day of that month. "the first Monday after
    the vote", "the second Tuesday of the month": which month's? Undated, as is a month whose last one and next one
    are equally near (`_named_month`)."""
    if not m["m"]:
        return None
    mo = words.month(m["m"])
    y = int(m["y"]) if m["y"] else _recent_year(mo, None, c.ref, c.forward)
    if not m["y"] and _next_is_near(y, mo, c.ref) and not c.past:
        return None
    wd = words.WEEKDAYS.index(m["wd"].lower())
    days = [d for d in (date(y, mo, n) for n in range(1, calendar.monthrange(y, mo)[1] + 1)) if d.weekday() == wd]
    n = m["n"].lower()
    d = days[-1] if n == "last" else days[words.ORDINALS.index(n)] if words.ORDINALS.index(n) < len(days) else None
    if d is None or (d > c.ref and c.past and not c.forward) or (d < c.ref and c.forward):
        return None
    return day(d), False, False


def _relative_weekday(m: re.Match, c: Context) -> Resolved | None:
    """"tomorrow, Monday": the same day twice; a weekday that disagrees leaves it undated."""
    got = _relative_day(m, c)
    return got if date(*got[0].lo).weekday() == words.WEEKDAYS.index(m["wd"].lower()) else None


def _relative_day(m: re.Match, c: Context) -> Resolved | None:
    """"yesterday", "today", "this morning", "last night" (the night before the day of writing), "the day before
    yesterday"."""
    if re.search(r"\bthat\s+$", m.string[:m.start()], re.IGNORECASE) and m["w"].lower().startswith("last") \
            and not re.search(r"\b(?:said|says?|told|reported|announced|added|stated|confirmed|believes?|warned|claim(?:s|ed)?|explained)"
                              r"\s+that\s+$", m.string[:m.start()]):
        return None         # "on that last night in the city" (not "said that last night")
    if m["w"] == "Today" and re.search(r"\b[A-Z][\w’'-]*\s+$", m.string[:m.start()]):
        return None         # "Ruritania Today", "USA Today": a name
    offset = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this morning": 0,
              "this afternoon": 0, "this evening": 0, "the day before yesterday": -2}[" ".join(m["w"].lower().split())]
    return day(c.ref + timedelta(days=offset)), False, False


def _two_days(m: re.Match, c: Context) -> Resolved | None:
    """"yesterday and today", "today and tomorrow": both days."""
    first = -1 if m["w"].lower() == "yesterday" else 0
    return span(c.ref + timedelta(days=first), c.ref + timedelta(days=first + 1)), False, False


def _weekend(m: re.Match, c: Context) -> Resolved | None:
    """"last weekend"; "over the weekend": the one in progress (from Sunday) or just past, unless the clause looks ahead."""
    mod, ref = m["mod"].lower(), _base(m, c)
    if ref is None:
        return None
    sat_this = ref + relativedelta(weekday=SA(+1)) if ref.weekday() < 5 else ref - timedelta(days=ref.weekday() - 5)
    past = sat_this - timedelta(days=7)
    if mod in ("next", "the coming", "the following"):
        sat = sat_this if ref.weekday() < 5 else sat_this + timedelta(days=7)
    elif mod in ("last", "the previous", "the past"):
        sat = past
    elif mod == "this" or c.forward:
        sat = sat_this
        done = _done_then(m) if ref.weekday() < 5 else False
        if done is None or (done and not c.forward and ref.weekday() > 0):
            return None     # "This weekend, 5,000 crossed" on a Tuesday: the one just past, or a slip? Unsure
        if done and not c.forward:
            sat = past      # ... on a Monday, the one just ended
    else:
        sat = sat_this if ref.weekday() == 6 else past
    end = sat + timedelta(days=1)
    # told in the past, on its Saturday: that day so far (not "elections were due this weekend": ahead then)
    if c.past and not c.forward and sat <= ref < end and not _ahead_then(m.string[max(0, m.start() - 80):m.start()]):
        end = ref
    return span(sat, end, "span"), False, False


def _done_then(m: re.Match) -> bool | None:
    """A verb told as done in the clause around "this weekend" ("This weekend, 5,000 crossed", "12 were killed in clashes
    this weekend", "This weekend's storm killed 12"; not "leaders meet this weekend, diplomats said", "officials said
    the border reopens this weekend", "hoped to reach … this weekend", "forecast for this weekend", "before this
    weekend's storm"); None when a word of what was ahead stands before it ("rebels threatened an attack this
    weekend", "donors pledged $50 million this weekend", "the march scheduled this weekend was banned"): unsure."""
    s = m.string
    clause = RELATIVE_WORD.split(CLAUSE_SPLIT.split(s[:m.start()])[-1])[-1]    # (not "rushed to the area where …")
    head = SAYING_THAT.split(clause)[-1]                                    # (what a saying introduces)
    if re.search(r"\b(?:for|before|ahead\s+of|until)\s+$", head):
        return False
    ahead = AHEAD_BEFORE.search(clause)
    if ahead and not PAST.search(clause, ahead.end("word")):
        return False if AHEAD_NOW.search(clause, 0, ahead.start("word")) else None    # "is expected this weekend"
    near = s[max(0, m.start() - 80):m.start()]
    if _ahead_then(near) or FOR_THE.search(near):
        return False        # "were due to travel … this weekend", "registered for the marathon this weekend"
    after = s[m.end():]
    own = re.match(r"['’]s\s+[\w-]+", after)                                # "this weekend's storm killed …"
    after = after[own.end():] if own else after.lstrip()
    opens = after.startswith(",") and len(head.split()) <= 2 and not PAST.search(head)     # "This weekend, …"
    tail = PARENTHETICAL.sub("", after[1:]) if opens else after             # (past ", the ministry said,")
    tail = SAYING_THAT.split(CLAUSE_SPLIT.split(tail, maxsplit=1)[0])[-1]
    last_to = max((x.end() for x in re.finditer(r"\bto\s+(?!the\b|a\b|an\b)[a-z]+\b", head)), default=-1)
    return any(x.start() > last_to for x in PAST.finditer(head)) or bool(PAST.search(tail))


# What was still ahead when done: "threatened an attack", "the march scheduled", "plans announced for"
AHEAD_BEFORE = _PATTERNS.compile(r"\b(?P<word>threatened|planned|promised|vowed|pledged|scheduled|set|due|expected|slated"
                                 r"|announced\s+plans?|called\s+for)\b(?:\s+[^\s,;]+){0,5}\s+$", re.IGNORECASE)
AHEAD_NOW = _PATTERNS.compile(r"\b(?:is|are|be|will|remains?)\s+(?:\w+\s+)?$", re.IGNORECASE)     # "are set to", "is expected"
RELATIVE_WORD = _PATTERNS.compile(r"\b(?:where|which|who|whose|when)\b", re.IGNORECASE)


CLAUSE_SPLIT = _PATTERNS.compile(r";|(?<!\d),|,(?!\d{3}(?!\d))|[.!?]\s")     # (not the comma of "5,000")
FOR_THE = _PATTERNS.compile(r"\bfor\s+(?:the|a|an|its|their)\s+[\w-]+\s+$", re.IGNORECASE)


def _ahead_then(head: str) -> bool:
    """"was due to travel to the border region this weekend": a due or expected verb a few words before, with no verb
    told as done between ("talks that were expected to resume collapsed this weekend")."""
    due = AHEAD_WIDE.search(head)
    return bool(due) and not PAST.search(head, due.end()) and not DONE_IRREGULAR.search(head, due.end())


DONE_IRREGULAR = _PATTERNS.compile(r"(?<!\bto )(?<!\bbe )(?<!\bhelp )(?<!\bwould )(?<!\bwill )(?<!\bcould )(?<!\bmay )(?<!\bmight )"
                                   r"\b(?:set|spread|cut|put|shut|let|hit|quit|cost|burst|cast|struck"
                                   r"|began|broke|sank|sunk|spent|hid|rang|swam)\b", re.IGNORECASE)      # (not "to be put to a vote")


# What was still ahead when told: "were due", "was expected", "had been scheduled"
_DUE = r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:due|expected|scheduled|set|planned|slated)\b"
AHEAD_WIDE = _PATTERNS.compile(_DUE + r"(?:\s+to\s+[a-z]+)?(?=[^,;.]{0,50}$)", re.IGNORECASE)
AHEAD_THEN = _PATTERNS.compile(_DUE + r"(?:\s+(?:for|to\s+[a-z]+(?:\s+(?:held|place))?))?(?:\s+at)?\s+$",      # "were due this weekend"
                               re.IGNORECASE)


# "the following week", "the previous month": after or before the day the text was last talking about, not
# the day of writing; with no such day, undated.
_ANAPHORIC = ("the following", "the previous")


def _base(m: re.Match, c: Context) -> date | None:
    """The day a relative expression counts from: the reference day, or for `_ANAPHORIC` the anchor (or None)."""
    return c.anchor if m["mod"].lower() in _ANAPHORIC else c.ref


def _week(m: re.Match, c: Context) -> Resolved | None:
    """"last week", "earlier this week" (Monday to the day before), "this week". Not "the past week" or "over
    the last week": the seven days up to now, which no calendar week is (left undated, as "the past two weeks")."""
    mod, ref = m["mod"].lower(), _base(m, c)
    if ref is None or mod == "the past" or (mod == "last" and re.search(r"\bthe\s+$", m.string[:m.start()], _I)):
        return None
    monday, sunday = _week_of(ref)
    seven = timedelta(days=7)
    if mod == "last" and ref.weekday() == 6:
        return None         # on a Sunday, which ends the week or begins it: the week before this one, or this one?
    if mod in ("last", "the previous", "the past"):
        a, b = monday - seven, sunday - seven
    elif mod in ("next", "the following", "the coming"):
        a, b = monday + seven, sunday + seven
    elif mod == "this" and not c.forward:
        if ref == monday and c.past:
            return None     # "an offensive this week that has left hundreds dead", dated a Monday: a copy's later day?
        a, b = monday, ref
    elif mod == "earlier this":
        if ref == monday:
            return None     # nothing of the week is earlier than its Monday
        a, b = monday, ref - timedelta(days=1)
    elif mod == "later this":
        a, b = min(sunday, ref + timedelta(days=1)), sunday
    else:
        a, b = monday, sunday
    return span(a, b, "week"), mod in _ANAPHORIC, False


def _month_rel(m: re.Match, c: Context) -> Resolved | None:
    """"last month", "this month"; "the following month" (after the day last talked about)."""
    if (ref := _base(m, c)) is None:
        return None
    t = ref + relativedelta(months=_SHIFT.get(m["mod"].lower(), 0))
    return month(t.year, t.month), m["mod"].lower() in _ANAPHORIC, False


def _year_rel(m: re.Match, c: Context) -> Resolved | None:
    """"last year", "this year"; "the year" alone is not a date (but its words are taken)."""
    mod = m["mod"].lower()
    if mod == "the" or (ref := _base(m, c)) is None:
        return None
    return year(ref.year + _SHIFT.get(mod, 0)), mod in _ANAPHORIC, False


def _year_end(m: re.Match, c: Context) -> Resolved | None:
    """"by the end of the year": its last day; "at the end of last year": its last month (as "at the end of
    September" is September), none if told in the past of a year's end still ahead."""
    y = c.ref.year + _SHIFT.get(m["mod"].lower(), 0)
    # "After the 2020 war, 90,000 had returned by the end of the year", "In 2020, fighting raged until the end of the
    # year": that year's end, or this one's? (a year after "by the end of the year" is another time's: "up from 12,000
    # in March 2022")
    others = [o.start() for o in OTHER_YEAR.finditer(m.string) if int(o.group(1)) != c.ref.year] \
        if m["mod"].lower() == "the" else []
    if any(at < m.start() for at in others):
        return None
    if m["by"]:
        return day(date(y, 12, 31)), False, False
    if others:
        return None
    if UNTIL_BEFORE.search(m.string, 0, m.start()):
        return day(date(y, 12, 31)), False, False
    if y >= c.ref.year and c.past and not c.forward and not AHEAD_THEN.search(m.string, 0, m.start()):
        return None
    return month(y, 12), False, False


OTHER_YEAR = _PATTERNS.compile(r"\b((?:19|20)\d{2})\b(?!\s+(?:homes|houses|people|families|residents|refugees|soldiers|troops|tons"
                               r"|tonnes|vehicles|cars|trucks|buildings|units)\b)", re.IGNORECASE)      # (not "2000 homes")


UNTIL_BEFORE = _PATTERNS.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)       # "extended until the end of the year"


def _later(m: re.Match, c: Context) -> Resolved | None:
    """"two days later", "Fifteen days later", "a week earlier": counted from the day last talked about."""
    n = int(words.number(m["n"]) or 0)
    if n <= 0 or c.anchor is None:      # later than what? The day counted from is not known
        return None
    days = n * (7 if m["unit"].lower().startswith("week") else 1)
    sign = 1 if m["dir"].lower() in ("later", "after") else -1
    return day(c.anchor + timedelta(days=days * sign)), True, False


def _ago(m: re.Match, c: Context) -> Resolved | None:
    """"2 days ago", "a week ago" (that day), "three months ago" (that month), "30 years ago" (that year); not
    "three weeks ago", which writers use loosely (an offensive of 14 days before, in one unseen article)."""
    n = int(words.number(m["n"]) or 0)
    unit = m["unit"].lower().rstrip("s")
    if n <= 0 or m["about"] or (unit == "week" and n > 1):   # "more than 30 years ago" is no one year
        return None
    if unit in ("day", "week"):
        return day(c.ref - timedelta(days=n * (7 if unit == "week" else 1))), False, False
    if m["exactly"] and _exactly(m):      # "exactly one year ago": that day
        return day(c.ref - relativedelta(**{unit + "s": n})), False, False
    if unit == "month":
        t = c.ref - relativedelta(months=n)
        return month(t.year, t.month), False, False
    return year(c.ref.year - n), False, False


def _exactly(m: re.Match) -> bool:
    """"Exactly one year ago" as the sentence's one time (not "exactly 30 years ago, in April 1994", "exactly a year ago
    next month", nor "“Exactly ten years ago, …,” he said on Monday": counted from which day?)."""
    rest = m.string[:m.start()] + " " + m.string[m.end():]
    return not AGO_THEN.match(m.string, m.end()) and not OTHER_TIME.search(rest)


OTHER_TIME = _PATTERNS.compile(rf"\b(?:{MON}|{WD}|(?:1[89]|20)\d\d|yesterday|today|tomorrow)\b", re.IGNORECASE)
# A time after "ago" that says which day of then ("exactly 25 years ago on Sunday", "a year ago next month")
AGO_THEN = _PATTERNS.compile(r"\s+(?:on|in|next|this|last|tomorrow|today|yesterday)\b", re.IGNORECASE)


def _the_next(m: re.Match, c: Context) -> Resolved | None:
    """"the following day", "the previous week", "the same day", "the day before,": one day or week from the day
    last talked about; "earlier in the day", "later that day": that day."""
    if c.anchor is None:                # following which day? Not known
        return None
    if m["dir"] and m["dir"].lower() == "before" and SAID_RIGHT_BEFORE.search(m.string, 0, m.start()):
        return None     # "…, the ministry said the day before.": the day before the one last talked about, or today?
    word = "same" if m["unit3"] or m["unit4"] else (m["dir"] or m["the"]).lower().split()[-1]
    sign = 0 if word == "same" else 1 if word in ("following", "next", "after") else -1
    step = timedelta(days=sign * (7 if (m["unit"] or m["unit2"] or "").lower() == "week" else 1))
    return day(c.anchor + step), True, False


# --- the rules ---------------------------------------------------------------------------------
# Overlapping matches are settled by length, then position (`find`); the order here is for reading.
_I = re.IGNORECASE
_YEAR_MOD = r"(?P<mod>earlier this|later this|this|last|next|the previous|the following|the)\s+year\b(?!s|-|\s+(?:old|ago))"
RULES: dict[str, Rule] = {
    "iso": Rule(_PATTERNS.compile(rf"(?<![\d-]){PREP}?(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])"),
                _numeric, ("iso",), absolute=True),
    "dotted": Rule(_PATTERNS.compile(rf"(?<![\d.]){PREP}?(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{YEAR})(?!\d|\.\d)"),
                   _numeric, ("dotted",), absolute=True),
    "md_range": Rule(_PATTERNS.compile(rf"\b{PREP}?(?P<m>{MON})\s+(?P<d>{DAY})\s*(?:-|–|—|to|and|through|until)\s*"
                                       rf"(?:(?P<m2>{MON})\s+)?(?P<d2>{DAY})(?!\d|:|%)(?:,?\s+(?P<y>{YEAR}))?\b"),
                     _day_range, ("month", "digit"), absolute=True),
    "dm_range": Rule(_PATTERNS.compile(rf"\b{PREP}?(?P<d>{DAY})\s*(?:-|–|—|to|and|until)\s*(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MON})"
                                       rf"(?:,?\s+(?P<y>{YEAR}))?\b"),
                     _day_range, ("month", "digit"), absolute=True),
    "md": Rule(_PATTERNS.compile(rf"\b{PREP}?(?:(?:on\s+)?(?P<wd>{WD}){PART}?,?\s+)?(?:the\s+)?(?P<m>{MON})\s+(?P<d>{DAY})"
                                 rf"(?![\d:%,.]\d)(?!\s*(?:-|–|to)\s*\d)(?:,?\s+(?P<y>{YEAR}))?(?!\d)"),
               _month_day, ("month", "digit"), absolute=True),
    "dm": Rule(_PATTERNS.compile(rf"\b{PREP}?(?:(?:on\s+)?(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MON})"
                                 rf"(?:,?\s+(?P<y>{YEAR}))?\b"),
               _month_day, ("month", "digit"), absolute=True),
    "dm_words": Rule(_PATTERNS.compile(rf"\b(?:{PREP}?(?i:the){PART}\s+of\s+|{PREP})?(?:(?:on\s+)?(?P<wd>{WD}),?\s+)?(?i:the)\s+"
                                       rf"(?P<d>(?i:{words.ORDINAL}))\s+of\s+(?P<m>{MON})(?!['’]s\b)(?:,?\s+(?P<y>{YEAR}))?\b"),
                     _month_day, ("month", "ordinal_of"), absolute=True),
    "month_year": Rule(_PATTERNS.compile(rf"\b{PREP}?(?:(?:early|mid|late)-?\s*)?(?P<m>{MON}),?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b"),
                       _month_year, ("month", "digit"), absolute=True),
    "month": Rule(_PATTERNS.compile(rf"\b(?P<prep>(?i:in|since|by|until|till|from|during|of|last|this|next|early|late|mid"
                                    rf"|earlier in|later in|before|after))(?:-|\s+)(?P<m>{words.MONTH_IN_TEXT})\b(?!\s*\d)(?![-\w])"),
                  _named_month, ("month",)),
    "decade": Rule(_PATTERNS.compile(rf"\b{PREP}?(?i:the)\s+(?:(?:early|mid|late)-?\s*)?(?P<y>1[0-9]{{2}}0|20[0-9]0)s\b"),
                   _decade, ("decade",), absolute=True),
    "century": Rule(_PATTERNS.compile(r"\b(?:(?P<prep>(?i:since|in|from|during|by))\s+)?(?:(?:at least|as early as)\s+)?(?:the\s+)?"
                                      r"(?P<c>[1-9]|1\d|2[01])(?:st|nd|rd|th)\s+century(?:\s+(?P<era>BCE?|B\.C\.|AD|A\.D\.|CE))?"),
                    _century, ("digit", "century"), absolute=True),
    "month_range": Rule(_PATTERNS.compile(rf"\b(?i:from|between)\s+(?:(?:early|mid|late)-?\s*)?(?P<m>{MON})(?:,?\s+(?P<y>{YEAR}))?"
                                          rf"\s+(?i:to|and|until|through)\s+(?:(?:early|mid|late)-?\s*)?(?P<m2>{MON}),?\s+(?P<y2>{YEAR})\b"),
                        _month_range, ("from_between", "month", "four_digits"), absolute=True),
    # "during its September - November 2020 conflict", "the genocide of 1915 to 1923": a span without "from"
    "month_dash": Rule(_PATTERNS.compile(rf"\b(?P<m>{MON})(?:,?\s+(?P<y>{YEAR}))?\s*[-–—]\s*(?P<m2>{MON}),?\s+(?P<y2>{YEAR})\b"),
                       _month_range, ("month", "four_digits"), absolute=True),
    "year_to": Rule(_PATTERNS.compile(rf"\b(?i:of|in|during)\s+(?P<y>{YEAR})\s+(?i:to|until|through)\s+(?P<y2>{YEAR})\b{CLOCK}"
                                      r"(?!\s+(?:people|persons|soldiers|troops|civilians|refugees|residents|families|homes|houses|dead)\b)"),
                    _year_range, ("four_digits",), absolute=True),
    "year_range": Rule(_PATTERNS.compile(rf"\b(?i:from|between)\s+(?P<y>{YEAR})\s+(?:to|and|until)\s+(?P<y2>{YEAR})\b{CLOCK}"
                                         r"(?!\s+(?:people|persons|soldiers|troops|civilians|refugees|residents|families|homes|houses|dead)\b)"),
                       _year_range, ("from_between", "four_digits"), absolute=True),
    "year_span": Rule(_PATTERNS.compile(rf"(?:\b(?P<prep>(?i:in|during|since|from|of|throughout|until|till|through|before|after))\s+"
                                        rf"(?:(?i:the)\s+)?|(?P<open>\())?\b(?P<when>(?P<y>{YEAR})\s*[-–—]\s*(?P<y2>{YEAR}|\d{{2}}))"
                                        rf"(?![-–—\d]|\s*(?:people|persons|soldiers|troops))(?P<close>\))?"
                                        rf"(?P<ends>(?=\s*(?:[,.;:)]|$|(?:and|when|as|after|before|while|until)\b)))?"
                                        rf"(?P<event>\s+(?:[A-Za-z’'-]+\s+){{0,2}}?(?:{EVENT})\b)?"),
                      _year_span, ("four_digits",), absolute=True),
    "year": Rule(_PATTERNS.compile(rf"\b(?P<prep>(?i:in|since|by|until|till|through|before|after|during|of|early|late|mid|end of))"
                                   rf"(?:-|\s+)(?P<y>{YEAR})\b(?![-\d]|\s*(?:people|persons|soldiers|troops)){CLOCK}"),
                 _year, ("four_digits",), absolute=True),
    "weekday": Rule(_PATTERNS.compile(rf"\b(?:(?P<mod>(?i:on|late|early|last|this|next|by|since|from|until|on the night of))\s+)?"
                                      rf"{words.NOT_NAMED}(?P<wd>{WD})(?:'s)?{PART}?\b(?:\s*\((?P<dnum>\d{{1,2}})\))?"),
                    _weekday, ("weekday",)),
    # "the first Monday of October": longer than the weekday and the month in it, so neither is read alone
    "nth_weekday": Rule(_PATTERNS.compile(rf"\b(?:(?i:on)\s+)?(?i:the)\s+(?P<n>(?i:first|second|third|fourth|fifth|last))\s+"
                                          rf"(?P<wd>{WD})\b(?:\s+(?i:of|in)\s+(?P<m>{MON})\b(?:,?\s+(?:(?i:in)\s+)?(?P<y>{YEAR}))?(?!\s*\d)"
                                          rf"|(?=\s+(?i:after|since|following|before|of\s+(?:the|this|next|last)\s+month)\b))"),
                        _nth_weekday, ("weekday",)),
    "rel_day": Rule(_PATTERNS.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight|the day before yesterday"
                                      r"|this\s+(?:morning|afternoon|evening)"
                                      # "last night", not "her last night in the city", "the last night of the siege"
                                      r"|(?<!\bthe )(?<!\ba )(?<!\bher )(?<!\bhis )(?<!\bits )(?<!\bour )(?<!\bmy )(?<!\btheir )"
                                      r"(?<!\byour )last night(?!\s+(?:of|before)\b)"
                                      r")\b", _I),
                    _relative_day, ("rel_day",)),
    "two_days": Rule(_PATTERNS.compile(r"(?<!\bbetween\s)\b(?P<w>yesterday|today)\s+and\s+(?:today|tomorrow)\b(?<!yesterday and tomorrow)"
                                       r"(?<!today and today)(?!\s+(?:will|would|is|was|are|could|may|might|must)\b)", _I),
                     _two_days, ("rel_day",)),
    "rel_weekday": Rule(_PATTERNS.compile(rf"\b(?P<w>(?i:yesterday|today|tomorrow|tonight)),\s+(?P<wd>{WD})\b"),
                        _relative_weekday, ("rel_day", "weekday")),
    "weekend": Rule(_PATTERNS.compile(r"\b(?P<mod>this|last|next|over the|at the|on the|during the|the previous|the past"
                                      r"|the coming|the following)\s+weekend\b", _I),
                    _weekend, ("week",)),
    "week": Rule(_PATTERNS.compile(r"\b(?P<mod>earlier this|later this|this|last|next|the previous|the past|the following"
                                   r"|the coming)\s+week(?:'s)?\b", _I),
                 _week, ("week",)),
    "month_rel": Rule(_PATTERNS.compile(r"\b(?P<mod>earlier this|later this|this|last|next|the previous|the following)\s+month\b", _I),
                      _month_rel, ("month_word",)),
    "year_rel": Rule(_PATTERNS.compile(rf"\b(?P<by>by\s+)?{_YEAR_MOD}", _I), _year_rel, ("year_word",)),
    "year_end": Rule(_PATTERNS.compile(rf"\b(?P<by>by\s+)?the\s+end\s+of\s+{_YEAR_MOD}", _I), _year_end, ("year_word",), deadline=True),
    "later": Rule(_PATTERNS.compile(rf"\b(?P<n>{words.NUMBER_WORDS}|an?|\d+)\s+(?P<unit>days?|weeks?)\s*(?P<dir>earlier|later|before|after)"
                                    r"(?=\s*(?:[,.;:)\"”]|$|when|as|and|but|in|at|on|to)\b|\s*[,.;:)\"”]|$)", _I),
                  _later, ("days_later",)),
    "ago": Rule(_PATTERNS.compile(rf"\b(?P<exactly>(?<!not\s)(?i:exactly)\s+)?(?P<about>(?:more than|over|nearly|almost|about|some|around|roughly|at least|less than"
                                  rf"|under)\s+)?(?P<n>{words.NUMBER_WORDS}|an?|\d+)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _I),
                _ago, ("ago",)),
    "year_adj": Rule(_PATTERNS.compile(rf"\b(?P<prep>(?i:during|in|since|after|before|until|following|throughout))\s+the\s+"
                                       rf"(?P<when>(?P<y>{YEAR}))\s+(?:[A-Za-z’'-]+\s+){{0,2}}?(?:{EVENT})\b"),
                     _year, ("four_digits",), absolute=True),
    "year_subject": Rule(_PATTERNS.compile(rf"^\s*(?:[A-Z][\w ]{{0,20}}:\s+)?(?:[\"“‘']\s*)?[Tt]he\s+(?P<when>(?P<y>{YEAR}))\s+"
                                           rf"(?:[^\W\d_][\w’'-]*\s+){{0,3}}?(?:{EVENT})\b"),
                         _year_subject, ("four_digits",), absolute=True),
    "the_next": Rule(_PATTERNS.compile(r"\b(?:(?P<the>the\s+(?:very\s+)?(?:following|next|previous|same))\s+(?P<unit>day|week)\b"
                                       r"(?!'s\s+\w+\s+(?:meeting|session))"
                                       # "The day before, the governor had said …": before or after the day last talked about
                                       r"|the\s+(?P<unit2>day)\s+(?P<dir>before|after)(?=\s*[,.;:)]|\s*$)"
                                       r"|(?<=^)(?:earlier|later)\s+in\s+the\s+(?P<unit3>day)(?=\s*,)"
                                       r"|(?:earlier|later)\s+that\s+(?P<unit4>day)(?!\s+(?:on|of)\b))", _I),
                     _the_next, ("day_or_week",)),
}


def find(sentence: str) -> list[tuple[str, re.Match]]:
    """All date expressions in a sentence (rule name, match), longest first where they overlap, in order."""
    found: list[tuple[str, re.Match]] = []
    passed: dict[str, bool] = {}
    for name, rule in RULES.items():
        if not all(passed[n] if n in passed else passed.setdefault(n, bool(_NEEDS[n].search(sentence))) for n in rule.needs):
            continue
        found.extend((name, m) for m in rule.pattern.finditer(sentence) if m.group(0).strip())
    found.sort(key=lambda nm: (-(nm[1].end() - nm[1].start()), nm[1].start()))
    taken: list[tuple[int, int]] = []
    keep = []
    for name, m in found:
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append((m.start(), m.end()))
        keep.append((name, m))
    keep.sort(key=lambda nm: nm[1].start())
    return keep


def resolve(sentence: str, ref: date, published: date | None = None, anchor: date | None = None) -> list[DateRef]:
    """Every date expression in `sentence`, resolved against the reference day `ref`.

    `anchor` is the date the text was last talking about (for "a day earlier" when the
    sentence itself names none). `published` decides what is planned (after it) or done.
    """
    found = _no_alternatives(sentence, find(sentence))
    if not found:                           # most sentences: nothing more to read
        return []
    published = published or ref
    forward = bool(FUTURE.search(sentence))
    nested_spans = _nested_spans(sentence, found)
    years = _sentence_years(sentence, found, ref)
    refs: list[DateRef] = []
    last_day: date | None = anchor
    taken_to = 0                            # the end of "last year" taken by the date before it
    for name, m in found:
        if m.start() < taken_to:
            continue
        rule = RULES[name]
        if name in ("rel_day", "two_days") and _speakers_day(sentence, m, found):
            continue                        # "“Yesterday we …,” she said on Tuesday": counted from her day, not ours
        lead, clause = _clause(sentence, m)
        ahead = ((forward and _looks_ahead(sentence, m, lead, clause)) or _comes_before(sentence, m)
                 or (len(found) == 1 and _would_soon(sentence, m, ref))
                 or bool(re.match(r"\s*(?:next|the coming|by the end)", m.group(0), _I)))
        if not rule.absolute and not ahead and _unsure(sentence, m, clause):
            continue                        # "The vote could be held on Tuesday": last Tuesday or next? Unsure
        # a clause told in the past, unless its only past verb is a saying and the sentence looks ahead ("The minister
        # stated that from November, she will …"): then last year's month is not what it says
        said_then = SAID_BEFORE_DATE.search(sentence, 0, m.start())        # "announced in November", "told MPs in May"
        past = bool(PAST.search(clause)) and (said_then or not (forward and not PAST.search(SAYING.sub(" ", clause))))
        context = Context(ref, ahead, last_day, past, dated_before=bool(refs) and refs[-1].when.lo[0] > 0)
        year_words = _year_after(sentence, m)
        if year_words is not None:          # "On May 3 last year": read from that year's end (or next year's start)
            context = _in_year(context, _SHIFT.get(year_words["mod"].lower(), 0))
        elif (context := _in_sentence_year(name, m, context, years)) is None:
            continue                        # "In 2021, the talks were held on Tuesday": which Tuesday of 2021?
        got = rule.resolve(m, context)
        if got is None:
            continue
        when, anaphoric, limit = got
        lo = date(*when.lo) if when.lo[0] > 0 else None
        if anaphoric and lo and lo > published and not ahead:
            continue        # counted past the day of publication in a clause that tells what was: wrong day counted from
        planned = bool(lo and (lo >= published if rule.deadline else lo > published)) or (
            ahead and when.hi >= _t(published) and not anaphoric and not rule.absolute)
        start, end = m.span("when") if "when" in m.re.groupindex else m.span()
        if year_words is not None:
            end = taken_to = year_words.end()
        expression = sentence[start:end].strip().rstrip(",")
        refs.append(DateRef(expression=expression, start=start, end=end, when=when, planned=planned,
                            anaphoric=anaphoric, nested=any(s <= start < e for s, e in nested_spans),
                            limit=_bound(sentence, m, when, limit, ref.year),
                            of_event=_after_event_word(sentence[:start]), names=_names_a_thing(sentence, start, end)))
        if when.precision == "day" and lo:
            last_day = lo
    return _said_over_things(sentence, [replace(r, names=True) if _in_after_clause(sentence, r) else r for r in refs])


# A clause of its own after the sentence's verb, with its subject and verb, that the date is in, after a main verb that
# tells how things stand: "3,000 have entered Freedonia after Ruritania launched its offensive on September 19, the
# government said on Monday": like a date naming a thing, it yields to a day of saying beside it (and stays where there
# is none; not "Thousands fled after the army attacked on Tuesday, officials said on Wednesday")
AFTER_CLAUSE = _PATTERNS.compile(r"\b(?:after|since|when|following)\s+(?:the\s+|its\s+|their\s+)?(?-i:[A-Z])?[\w’'-]+(?:\s+[\w’'-]+){0,3}?"
                                 r"\s+(?:[a-z]+ed|began|took|struck|hit|won|broke\s+out|fell|came)\b[^,;]*$", _I)


HAVE_DONE = _PATTERNS.compile(r"(?<!\bwho\s)(?<!\bwhich\s)(?<!\bthat\s)\b(?:have|has)\s+(?:(?:now|already|so\s+far|since|reportedly)\s+)?"
                              r"(?:been\s+)?[a-z]+(?:ed|en|wn|ft|ught)\b", _I)   # "have entered", "has left" (not "who has served")


def _in_after_clause(sentence: str, r: DateRef) -> bool:
    """The date is in such a clause (AFTER_CLAUSE), after a main verb in the present perfect (HAVE_DONE)."""
    after = None if r.names else AFTER_CLAUSE.search(sentence, 0, r.start)
    return bool(after) and bool(HAVE_DONE.search(sentence, 0, after.start()))


def _said_over_things(sentence: str, refs: list[DateRef]) -> list[DateRef]:
    """A date that names a thing ("his September 28 decision") yields to a day of saying beside it ("…, an adviser
    revealed on Friday"); beside any other date it stays as it was ("the October 19 decree canceled the one signed on
    September 28": both name things)."""
    if any(r.names for r in refs) and not any(SAID_BEFORE_DATE.search(sentence, 0, r.start) for r in refs if not r.names):
        return [replace(r, names=False) for r in refs]
    return refs


# Two dates offered as alternatives, or one given as a guess: "on Monday or Tuesday", "on Monday (or Tuesday, by some
# accounts)", "on Tuesday, Wednesday or Thursday", "on Tuesday, or at the latest on Wednesday", "19 or 20 September",
# "tomorrow or the day after", "in 2020 or 2021", "on Monday or so", "on Monday or later", "October 2 or 3 by some
# accounts"; not a restatement ("on Tuesday, or 11 p.m. GMT on Monday", "on Wednesday, or 10 days after it left
# port", "or so officials said", "or 1800 GMT")
OR_BETWEEN = _PATTERNS.compile(r"\s*(?:,|\(|[—–-])?\s*or\s+(?:(?:on|in|by|early|late|possibly|perhaps|maybe|at\s+the\s+(?:latest"
                               r"|earliest)(?:\s+on)?)\s+)?", _I)
_CLAUSE_ENDS = r"(?=\s*(?:[,.;:)—–]|$))"
_NO_UNIT = (r"(?!\s*(?:a\.m|p\.m|am\b|pm\b|gmt|utc|hours?|hrs|days?|nights?|weeks?|months?|years?|minutes?|more|fewer|per|percent"
            r"|%|:|,\d|[\w-]+\s+time\b))")
OR_ABOUT = _PATTERNS.compile(rf"\s*,?\s+or\s+(?:(?:so|after|before){_CLAUSE_ENDS}|(?:later|earlier)\b(?!\s+than)|thereabouts\b"
                             rf"|\d{{1,2}}(?:st|nd|rd|th)?\b{_NO_UNIT}|(?:1[89]|20)\d\d\b{_NO_UNIT}"
                             r"|the\s+(?:day|week|month|year)\s+(?:after|before)\b|the\s+(?:next|following|previous)\s+(?:day|week|month)\b)", _I)
OR_BEFORE = _PATTERNS.compile(r"\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+or\s+(?:on\s+)?$", _I)       # "19 or [20 September]"
LISTED_BEFORE = _PATTERNS.compile(r"\s*,\s*(?:on\s+)?")                                           # "Tuesday, [Wednesday or …]"


def _no_alternatives(sentence: str, found: list[tuple[str, re.Match]]) -> list[tuple[str, re.Match]]:
    """The dates found, less those offered as one of two or more ("on Monday or Tuesday") or as a guess ("tomorrow
    or the day after"): which day it was or will be, the text does not say."""
    spans = [m.span() for _, m in found]
    joined = {i for i in range(len(spans) - 1) if OR_BETWEEN.fullmatch(sentence, spans[i][1], spans[i + 1][0])}
    for i in sorted(joined, reverse=True):      # a list before the last two: "on Tuesday, Wednesday or Thursday"
        while i > 0 and LISTED_BEFORE.fullmatch(sentence, spans[i - 1][1], spans[i][0]):
            joined.add(i - 1)
            i -= 1
    return [(n, m) for i, (n, m) in enumerate(found) if not ({i, i - 1} & joined) and not OR_ABOUT.match(sentence, m.end())
            and not OR_BEFORE.search(sentence, max(0, m.start() - 20), m.start())]


def _nested_spans(sentence: str, found: list[tuple[str, re.Match]]) -> list[tuple[int, int]]:
    """Where a date is another thing's, not the sentence's: a nested clause, a comparison, an aside, "ago today", a
    bracket, a document named by its date ("of November 9" after `DOCUMENT_OF`) that the sentence refers to ("violate
    the terms of the statement of November 9") or beside another date ("The decree of September 28 was annulled on
    Friday"); not a document that is the source ("A report of October 10 said 120 were killed": its day)."""
    spans = [(m.start(), m.end()) for rx in (NESTED, COMPARED) for m in rx.finditer(sentence)]
    spans += [m.span("aside") for m in PARTICIPLE_ASIDE.finditer(sentence) if _no_verb_before(sentence, m.start("aside"))]
    spans += [m.span("aside") for m in APPOSITIVE_WHO.finditer(sentence)] + _thing_dated(sentence)
    spans += [m.span("now") for m in AGO_NOW.finditer(sentence)]
    spans += [m.span() for m in BRACKET_ASIDE.finditer(sentence)] + _years_of_a_name(sentence)
    return spans + [(d.end(), d.end() + 4) for d in DOCUMENT_OF.finditer(sentence)
                     if REFERRED.search(sentence, max(0, d.start() - 60), d.start())
                     or any(not d.end() <= m.start() < d.end() + 4 for _, m in found)]


def _sentence_years(sentence: str, found: list[tuple[str, re.Match]], ref: date) -> tuple[int | None, int, int | None]:
    """A past year that opens the sentence ("In 2021,", "Last year,") and where the clause it governs ends (the next
    comma or semicolon: not "…, but since January …", "…; in September …", "…, the ministry said on October 10"),
    and a past year that is its subject ("The 2020 war …")."""
    opening = OPENING_YEAR.match(sentence)
    opening_year = (int(opening["y"]) if opening["y"] else ref.year - 1) if opening else None
    governs = _clause_end(sentence, opening.end()) if opening else 0     # the clause it opens: up to the next comma
    subject = RULES["year_subject"].pattern.match(sentence) if any(n == "year_subject" for n, _ in found) else None
    subject_year = int(subject["y"]) if subject else None
    return (opening_year if opening_year and opening_year < ref.year else None, governs,
            subject_year if subject_year and subject_year < ref.year else None)


_RELATIVE = ("weekday", "rel_day", "week")


def _in_sentence_year(name: str, m: re.Match, c: Context, years: tuple[int | None, int, int | None]) -> Context | None:
    """The context of a date without a year of its own in a sentence that names a past year (`_sentence_years`): that
    year's, for a month or day in a sentence it opens ("In 2021, the talks were held in May"); None (unsure) for a
    weekday there, and for a month, day or weekday beside a year that is the subject ("The 2020 war began on September
    27": that year's, or this year's, as in "…, and on September 19 the army attacked"?)."""
    opening, governs, subject = years
    dated_month = "m" in m.re.groupindex and not m.groupdict().get("y")
    if opening is not None and m.start() < governs and not TO_DO_BEFORE.search(m.string, 0, m.start()):
        if dated_month:
            return _in_year(c, opening - c.ref.year)
        return None if name in _RELATIVE else c
    if subject is not None and name != "year_subject" and not m.groupdict().get("y") and (dated_month or name in _RELATIVE):
        return None
    return c


def _no_verb_before(sentence: str, at: int) -> bool:
    """No verb in the clause before `at` (the subject of a participle set off by commas comes first)."""
    head = re.split(r"[,;:]", sentence[:at])[-1]
    return not PAST.search(head) and not re.search(r"\b(?:is|are|was|were|has|have|had)\b", head, _I)


# A document named by its date: "violate the terms of the trilateral statement of November 9, 2020", "the decree of
# September 28": the document's day, not the sentence's.
DOCUMENT_OF = _PATTERNS.compile(r"\b(?:statement|declaration|agreement|decree|decision|order|resolution|ruling|accord|deal"
                                r"|treaty|law|letter|report|memorandum|protocol|document|communiqu[eé]|verdict|judge?ment)\s+"
                                r"(?=of\s)", _I)


REFERRED = _PATTERNS.compile(r"\b(?:terms|provisions|under|violat\w*|breach\w*|annul\w*|cancel\w*|revok\w*|pursuant|accordance"
                             r"|implement\w*|contrary|contradict\w*|based\s+on)\b", _I)
# A year that opens the sentence governs its clause: "In 2021, the talks were held in May" (May 2021), "Last year, the
# vote was held on the first Sunday of October".
OPENING_YEAR = _PATTERNS.compile(rf"^\s*(?:(?:back|also|and|but|then|even|later)\s+)?(?:(?:in|during|by|throughout)\s+(?P<y>{YEAR})"
                                 rf"|(?P<last>last|the\s+previous)\s+year)\s*,", _I)


_YEAR_AFTER = _PATTERNS.compile(r"\s+(?:of\s+)?(?P<mod>last|next|this)\s+year\b(?!['’]s)", _I)


def _year_after(sentence: str, m: re.Match) -> re.Match | None:
    """"last year" / "next year" right after a month (and day) given without its year ("On May 3 last year")."""
    if "m" not in m.re.groupindex or m.groupdict().get("y"):
        return None
    return _YEAR_AFTER.match(sentence, m.end())


def _in_year(c: Context, shift: int) -> Context:
    """What a date in the year `shift` years from the reference day's is read against: the last day of a past
    year, the first of a coming one (forwards), the reference day itself for this year."""
    if shift < 0:
        return c._replace(ref=date(c.ref.year + shift, 12, 31), forward=False, year_said=True)
    if shift > 0:
        return c._replace(ref=date(c.ref.year + shift, 1, 1), forward=True, year_said=True)
    return c._replace(year_said=True)


_EVENT_WORD = _PATTERNS.compile(rf"\b(?:{EVENT})$", _I)


def _names_a_thing(sentence: str, start: int, end: int) -> bool:
    """A date between a determiner and a noun: "his September 28 decision", "the 17 November order", "Freedonia's May 3
    vote": when that thing happened, not what the sentence tells (a date beside it dates the statement)."""
    det = ATTRIBUTIVE.match(sentence, start) or ATTRIBUTIVE_BEFORE.search(sentence, max(0, start - 40), start)
    noun = NOUN_AFTER.match(sentence, end)
    if not det or not noun or not any(c.isdigit() for c in sentence[start:end]):
        return False
    # (an event keeps its day, "the September 28 attack, which killed 40, …", unless the sentence tells of what was done
    # to it later: "the September 28 vote was annulled, the court said on Tuesday")
    return not _EVENT_WORD.search(noun.group(0).strip()) or bool(DONE_TO.search(sentence, noun.end()))


DONE_TO = _PATTERNS.compile(r"\b(?:annulled|cancell?ed|canceled|postponed|delayed|suspended|condemned|critici[sz]ed|investigated"
                             r"|overturned|challenged|disputed|rejected|recogni[sz]ed|probed|denounced|welcomed)\b", _I)
ATTRIBUTIVE = _PATTERNS.compile(r"(?:the|his|her|its|their|this|that)\s", _I)
ATTRIBUTIVE_BEFORE = _PATTERNS.compile(r"\b(?:the|his|her|its|their|this|that|(?-i:[A-Z])[\w’'-]*['’]s)\s+$", _I)
NOUN_AFTER = _PATTERNS.compile(r"\s+(?!(?:and|or|to|in|at|on|of|by|for|with|from|as|was|were|is|are|had|has|have|will|would"
                               r"|when|while|after|before|until|since)\b)(?-i:[a-z])[\w-]*", _I)


def _after_event_word(head: str) -> bool:
    """Whether `head` ends with a word for an event, then white space ("the earthquake on …"): the same as
    searching it for EVENT's words followed by white space to the end, but only its last word is searched
    (EVENT's are single words); or with such a word and what it was of ("the siege of the city in …")."""
    last = head.rsplit(None, 1)[-1:]
    return bool(last) and head[-1].isspace() and (_EVENT_WORD.search(last[0]) is not None or bool(EVENT_OF.search(head[-80:])))


# "… since the genocide of Fredville's people last year", "after the siege of the city in 2020": the event's own date
# (not "A meeting of ministers on Tuesday decided …": the statement's)
EVENT_OF = _PATTERNS.compile(rf"\b(?:since|after|following|about|over|against|amid|despite|before)\s+(?:the|a|an|its|their|this|that)\s+"
                             rf"(?:[\w’'-]+\s+){{0,2}}?(?:{EVENT})\s+of\s+(?:[\w’'()-]+\s+){{1,5}}$", re.IGNORECASE)


# "hostilities that lasted until 1994": "until" after a verb of lasting names when the thing ended.
LASTED = _PATTERNS.compile(r"\b(?:last(?:s|ed)?|continu(?:e|es|ed)|persist(?:s|ed)?|rag(?:e|es|ed)|went on|go(?:es)? on)"
                           r"(?:\s+(?:only|at least))?\s*$", re.IGNORECASE)


# "since the war began in April", "since fighting broke out on 15 April": when a state that still holds began. Without
# "the" or the like, only a day or a month: "Since hostilities reignited in 2020, …" is that year's background.
SINCE_CLAUSE = _PATTERNS.compile(r"\bsince\s+(?P<det>(?:the|a|an|his|her|its|their)\s+)?[^,;.]{0,50}?\b(?:[a-z]{2,}ed|began|broke out|took|"
                                 r"came|fell|struck|hit|won|lost|left|fled)(?:\s+(?:in|at|near|across|around)\s+[\w’'-]+(?:\s+[A-Z][\w’'-]*)?)?"
                                 r"\s+(?:(?:on|in|at|during|late|early)\s+)?$", _I)        # ("since fighting broke out in Sudan on 15 April")
# ... or of a thing's start: "since the start of the crisis on 20 September", "since the outbreak of the war in 2020" (not
# any thing: the corpus's reference dates "since its leaders signed a ceasefire last week" to that week)
SINCE_THE_START = _PATTERNS.compile(r"\bsince\s+the\s+(?:very\s+)?(?:start|beginning|outbreak|onset)\s+of\b"
                                    r"(?:(?!\b(?:is|are|was|were|has|have|had|rose|stood|fell|met|reached|[a-z]+ed)\b)[^,;.]){0,80}?"
                                    r"\s+(?:(?:on|in|at|during|late|early)\s+)?$", _I)
# "the worst since 2003", "for the first time since 2015", "the strongest since Cyclone Sidr in 2007": a comparison
# with then, about now.
FIRST_SINCE = _PATTERNS.compile(r"\b(?:first|worst|deadliest|strongest|largest|biggest|highest|lowest|heaviest|longest|most|"
                                r"best|greatest|fiercest|bloodiest|[a-z]+est)\b[^,;.]{0,60}?\bsince\b[^,;.]{0,40}$", _I)
# "On the eve of Sunday's vote", "the day after Monday's attack", "two days before", "ahead of": a day the date
# counts from; also with the thing counted from between ("two days before the first round of the election on
# Sunday", "a year after the floods in March", "hours after the truce took effect on Friday", "ahead of the vote
# on Sunday": up to six words, no comma, no relative clause ("four days after a truce that ended the
# September 19-20 offensive" is the offensive's date); after a bare "ahead of", an event's word: not "ahead of
# schedule").
# Not so for an anniversary ("on the anniversary of the massacre on Saturday" falls on Saturday) or hours
# before ("in the 48 hours before the truce took effect on Friday, 300 were killed": a count as of Friday).
_COUNT = r"(?:(?:less|more)\s+than\s+)?(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
_GAP = r"\s+(?:the\s+)?(?:(?!(?:that|which|who|whose|when|where|while|and|or|but)\b)[\w’'-]+\s+){0,6}?(?:(?:on|of|in)\s+)?"
OFFSET_BEFORE = _PATTERNS.compile(
    rf"\b(?:(?:(?:the\s+)?eve\s+of|(?:{_COUNT}(?:days?|weeks?|fortnights?|months?|years?|nights?)|days|weeks|months|years"
    rf"|the\s+(?:morning|evening|night))\s+(?:before|after|ahead\s+of(?!\s+(?:schedule|time|plan|target)\b)|prior\s+to)"
    rf"|(?:(?:{_COUNT})?hours|{_COUNT}hour)\s+after(?!\s+(?:sunrise|sunset|dawn|daybreak|nightfall|midnight|noon|polls\s+opened)\b)"
    rf"|in\s+the\s+run-up\s+to){_GAP}"
    rf"|ahead\s+of\s+(?:the\s+)?(?:(?!(?:in|of|at|by|for|with)\b)[A-Za-z’'-]+\s+){{0,3}}?(?:{EVENT})\s+(?:(?:on|of|in)\s+)?"
    rf"|(?:{_COUNT}hours?\s+(?:before|ahead\s+of|prior\s+to)|ahead\s+of|(?:the\s+)?anniversary\s+of)\s+(?:the\s+)?)$", _I)


# "postponed the vote, originally scheduled for February 25": the day it no longer happens on.
ORIGINALLY = _PATTERNS.compile(r"\b(?:originally|initially|previously|first)\s+(?:scheduled|set|planned|slated|due|expected|meant)\s+"
                               r"(?:(?:to\s+(?:take\s+place|be\s+held|open|start|begin)\s+)?(?:for|on|in)\s+)?$|\bsupposed\s+to\s+"
                               r"(?:take\s+place|be\s+held|open|start|begin)\s+(?:on|in)\s+$", _I)


# The end of a span after its start ("from May 21, 2020, until …", "from June 2 to the end of the month"): the start, and
# the end, are bounds, not the statement's day
_SPAN_END = (rf"(?:the\s+)?(?:end|middle|beginning|start|mid|early|late|last|this|next"
             r"|(?!\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\b|o['’]clock|hours?\b|GMT\b))\d|" + words.MONTH_IN_TEXT + r"\b"
             r"|(?-i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")
SPAN_END_AFTER = _PATTERNS.compile(rf"\s*,?\s*(?:to|through)\s+{_SPAN_END}|[^.;]{{0,60}}?\b(?:until|till)\s+(?:{_SPAN_END}"
                                   r"|(?:his|her|their|its)\s+(?:resignation|death|retirement|dismissal|removal|arrest|departure))",
                                   re.IGNORECASE)
AND_END_AFTER = _PATTERNS.compile(rf"\s*,?\s*and\s+{_SPAN_END}", re.IGNORECASE)     # "between December 28, 2023, and …"
SPAN_START_BEFORE = _PATTERNS.compile(rf"\bfrom\s[^.;]{{1,40}}?\b(?:to|through|until|till)\s+$|\bbetween\s+{_SPAN_END}"
                                      r"(?:[^.;,]|,(?=\s?\d)){0,40}?,?\s+and\s+$", re.IGNORECASE)


# A birth set off beside a name: "X, born in 1957, …", "X (born 12 May 1960)", "X (b. 1960)" (not "was born on Monday")
# (and after the place: "X, born in Fredville in 1973, …", "born in Fredville, Ruritania, on 5 May 1973")
BORN = _PATTERNS.compile(r"(?:[,(]\s*born(?:\s+in\s+(?-i:[A-Z][\w’'-]*)(?:(?:\s+|,\s*)(?-i:[A-Z][\w’'-]*)){0,3},?)?(?:\s+(?:in|on))?"
                         r"|\(b\.)\s*$", re.IGNORECASE)
# ... and a year (or month) of birth told of someone, years before: "The two men were born in 1970 and 1965 and were killed
# on Monday", "Two men born in 1970 were killed" (not "was born on Monday", a day, nor "babies were born in 2023": news)
BORN_YEAR = _PATTERNS.compile(r"\b(?:(?:was|were|is|are|been)\s+|(?:men|women|man|woman)\s+)born(?:\s+in)?\s+(?:\d{4}\s*(?:,|and)\s*)*$",
                              re.IGNORECASE)


def _bound(sentence: str, m: re.Match, when: When, limit: bool, ref_year: int = 0) -> bool:
    """Whether the expression is a bound ("until 2025", "since Monday") rather than the statement's date."""
    head, expr = sentence[:m.start()], m.group(0).strip().lower()
    if limit and expr.startswith(("until", "till")) and LASTED.search(head):
        return False
    # ("the deadliest since 1960, when a quake struck Agadir" still tells what happened in 1960)
    compared = FIRST_SINCE.search(sentence, 0, m.end()) and not re.match(r"\s*,?\s*when\b", sentence[m.end():], _I)
    since = SINCE_CLAUSE.search(head)
    if since and (since["det"] or when.precision in ("day", "span", "week", "month")) or compared \
            or ORIGINALLY.search(head) or _between(sentence, m) \
            or (OFFSET_BEFORE.search(head) and not _comes_before(sentence, m)):
        return True                 # ("The decision comes days ahead of talks on May 3": the talks' day, planned)
    if MOVED.search(head + re.match(r"(?:(?:from|to|until|till)\s+)?", m.group(0), _I).group(0)):
        return True                 # "postponed the trial to November 6": the day it was moved to, not the statement's
    if SINCE_THE_START.search(head):
        return True                 # "Since the start of the crisis on 20 September, 100,000 have arrived": its start
    if (expr.startswith("from") and SPAN_END_AFTER.match(sentence, m.end())) or SPAN_START_BEFORE.search(head) \
            or ((expr.startswith("between") or re.search(r"\bbetween\s+$", head, _I)) and AND_END_AFTER.match(sentence, m.end())):
        return True                 # "from May 21, 2020, until his resignation on September 1, 2023": a span's ends
    if BORN.search(head) or (when.precision in ("year", "month") and BORN_YEAR.search(head) and when.lo[0] < ref_year - 5):
        return True                 # "X, born in 1957, was detained on October 3": a person's birth, not the statement's
    if re.search(r"\bsince\s*$", head, _I) or expr.startswith("since"):
        # "since last week", "since Monday": the start of a state that still holds, not the statement's day;
        # "since last month's storm": the storm's date
        return limit or when.precision in ("day", "span", "week") or _possessive(sentence, m)
    return limit


def _between(sentence: str, m: re.Match) -> bool:
    """The first or last day of "between … and …" (a span read as one expression is not split)."""
    head = sentence[:m.start()]
    first = re.search(r"\bbetween\s+$", head, _I) and re.match(r"\s+and\s+", sentence[m.end():], _I)
    return bool(first or re.search(r"\bbetween\s+[^,;.]{1,30}\s+and\s+$", head, _I))


def _possessive(sentence: str, m: re.Match) -> bool:
    """"last week's", "Monday's": the date names a thing that happened then."""
    return bool(re.search(r"['’]s$", m.group(0)) or re.match(r"['’]s\b", sentence[m.end():]))


def _looks_ahead(sentence: str, m: re.Match, lead: str | None, clause: str) -> bool:
    """A future marker in the expression's own clause (`_clause`), not anywhere in the sentence,
    unless the words that lead up to the expression are in the past ("the truce that came into effect on"),
    or, for a phrase that opens the clause it governs, the words before the marker ("In May, the
    minister said talks will …"). `lead`, `clause`: `_clause`."""
    if lead is None:                     # "In December, elections will be held": the governed clause's own verb
        clause = SUBORDINATE.split(clause, maxsplit=1)[0]
        future = FUTURE_VERB_RE.search(clause)
        return bool(future) and not PAST.search(clause[:future.start()])
    future = FUTURE.search(clause)
    if not future or _past_lead(lead):
        return False
    after = len(lead) + m.end() - m.start()         # where the expression ends in the clause
    # "The dam burst on Monday night and water levels are likely to …": the marker is another clause's;
    # "Morocco on Monday announced the meetings would proceed": a past verb between the date and the marker
    return future.start() <= after or not (CLAUSE_START.search(clause, after, future.start())
                                           or PAST.search(clause, after, future.start()))


def _unsure(sentence: str, m: re.Match, clause: str) -> bool:
    """"could" or "would" in the expression's clause, with the expression after it ("said they would resume on
    Friday": Friday after the saying) or no past verb before it ("rescuers could reach the town on Friday");
    or a word of UNSURE_AFTER before the expression in its clause."""
    at = sentence.find(clause)
    modal = UNSURE.search(clause)
    if modal and (m.start() > at + modal.start() or not PAST.search(clause, 0, modal.start())):
        return True
    after = UNSURE_AFTER.search(clause)
    if after and m.start() >= at + after.end():
        return True
    if "wd" not in m.re.groupindex or m.groupdict().get("m"):
        return False                    # (what follows is for a day named by its weekday alone)
    lead = clause[:max(0, m.start() - at)]
    return bool(SCHEDULED.search(lead) or SCHEDULED_BARE.search(lead)) and not PAST.search(lead)


# A present tense that tells what is timetabled ("The talks begin on Monday", "the new rules take effect on Sunday"):
# a weekday named after it is the coming one, or, told of the past, the last: unsure (not "the start of talks on
# Monday", "an open-ended truce took effect on Monday", "the agreement that ends the blockade was signed on Tuesday").
SCHEDULED = _PATTERNS.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!-)\b(?:begins?|starts|opens|reopens?|ends|expires?|resumes?"
                              r"|convenes?|(?:takes?|goes|go)\s+(?:effect|into\s+effect)|comes?\s+into\s+(?:force|effect)"
                              r"|kicks?\s+off)\b(?!-)(?!\s+(?:of|to)\b)", re.IGNORECASE)
# ... and "Polls open on Sunday", "talks start on Monday": a plural's verb right before the day (not "the open border")
SCHEDULED_BARE = _PATTERNS.compile(r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!-)(?<!\bwide )(?<!\bkept )"
                                   r"(?<!\bremain )(?<!\bremains )(?<!\bstay )(?<!\bstays )"
                                   r"\b(?:start|open|close|closes|end)\s+(?:on\s+)?$", re.IGNORECASE)


# Where a subordinate or joined clause starts ("… who hope to return", "as rain is expected to …").
SUBORDINATE = _PATTERNS.compile(rf"\b(?:{_CLAUSE_WORDS}|whose|as)\b", re.IGNORECASE)


def _break(sentence: str, start: int) -> int:
    """Where the comma-clause that goes on at `start` ends (a comma, a semicolon or the sentence's end)."""
    return min((i for i in (sentence.find(",", start), sentence.find(";", start)) if i != -1), default=len(sentence))


def _clause(sentence: str, m: re.Match) -> tuple[str | None, str]:
    """The words that lead up to the expression in its clause (between commas) and the clause. A phrase that
    opens its clause and ends it ("In December, …", "By mid-October, …": a few words, none of them a verb or
    a modal: not "They could arrive on Friday, officials said") governs the clause after the comma: (None, that clause)."""
    left = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()))
    # the comma of a number ends no clause after a future marker in its clause where no verb told as done follows it
    # ("will decrease to 40,000 drams in April and 30,000 drams by July"; not "will pay 40,000 drams to the families
    # registered on Monday", whose day is the registering's)
    real = max((c.start() for c in CLAUSE_MARK.finditer(sentence, 0, m.start())), default=-1)
    if real < left and FUTURE.search(sentence, real + 1, left) and not PAST.search(sentence, left, m.start()):
        left = real
    right = _break(sentence, m.end())
    lead = sentence[left + 1:m.start()]
    if (right < len(sentence) and not sentence[m.end():right].strip() and len(lead.split()) <= 4
            and not PAST.search(lead) and not FUTURE.search(lead) and not UNSURE.search(lead)
            and not UNSURE_AFTER.search(lead)):
        return None, sentence[right + 1:_break(sentence, right + 1)]
    return lead, sentence[left + 1:right]


CLAUSE_MARK = _PATTERNS.compile(r";|,(?!(?<=\d,)\d)")       # a comma or semicolon between clauses, not in "40,000"


def _clause_end(sentence: str, start: int) -> int:
    """Where the clause that goes on at `start` ends, past a number's comma ("In 2020, 1,000 people fled on Monday")."""
    found = CLAUSE_MARK.search(sentence, start)
    return found.start() if found else len(sentence)


def _comes_before(sentence: str, m: re.Match) -> bool:
    """The date is in what a present "comes (weeks) before" or "comes ahead of" names, in this sentence
    ("The approval comes weeks before the city hosts talks, from May 3-5"), and no past verb leads to it."""
    lead = COMES_BEFORE.search(sentence, 0, m.start())
    return bool(lead) and not re.search(r"[.;]", sentence[lead.end():m.start()]) \
        and not _past_lead(sentence[lead.end():m.start()])


def _past_lead(head: str) -> bool:
    """The verb phrase just before a date is in the past tense and has no future marker of its own:
    from the last clause word ("that", "and", "which", ...) to the date."""
    lead = CLAUSE_START.split(head)[-1]
    return bool(PAST.search(lead)) and not FUTURE.search(lead) and not re.search(r"\bto\s+\w+", lead)


RANK = {"day": 0, "span": 1, "week": 2, "month": 3, "year": 4, "decade": 5, "century": 6}


# A quotation mark: “ ” « » ", ‘, and ’ where it closes a quotation rather than marks an apostrophe (after
# , . ! ? or before punctuation or the end: "people,’ the minister said", not "it’s", "the farmers’ fields").
_QUOTE_MARK = _PATTERNS.compile(r"[“”«»\"‘]|(?<=[,.!?])’|’(?=[,.;:!?]|\s*$)")
_OPENS, _CLOSES = "“«‘", "”»’"


def _quotation(sentence: str, at: int) -> tuple[int, int] | None:
    """Where the quotation around position `at` opens and closes (its marks' positions: 0 if it opened in an
    earlier sentence, the sentence's length if it goes on into the next), or None if `at` is not inside
    one (“…”, ‘…’, «…», "…"; a sentence whose first mark closes one began inside it: ” ’ », or " right
    after , . ! ?). Straight single quotes are left out: ' is an apostrophe too."""
    marks = list(_QUOTE_MARK.finditer(sentence))
    inside, opened = bool(marks) and _closes(sentence, marks[0]), 0
    for mark in marks:
        if mark.start() >= at:
            closing = inside and (mark.group() in _CLOSES or mark.group() == '"')
            return (opened, mark.start()) if closing else None
        was, inside = inside, True if mark.group() in _OPENS else False if mark.group() in _CLOSES else not inside
        opened = mark.start() if inside and not was else opened
    return (opened, len(sentence)) if inside else None


def _closes(sentence: str, mark: re.Match) -> bool:
    return mark.group() in _CLOSES or (mark.group() == '"' and sentence[mark.start() - 1:mark.start()] in (",", ".", "!", "?"))


# The saying a quotation's date belongs to, right beside the quotation: "“…,” the minister said on Tuesday",
# "“…,” said a spokesman at a briefing in Geneva on Tuesday"; "The minister said on Tuesday: “…", "told
# reporters on Tuesday that “…", "On Tuesday, the governor said: “…". Not "“…,” a resident said of the truce
# announced on Monday", "…, pointing to a sign posted on Monday", nor "In March, the WHO warned of an
# outbreak; “today …”".
_SAYING = (r"(?:said|says|told|announced|added|stated|wrote|declared|insisted|warned|explained|recalled|noted|stressed|reported"
           r"|informed|informs|revealed|disclosed"
           r"|confirmed|emphasi[sz]ed|promised|vowed|pledged)")
_WORD = r"[\w’'.-]+"
_NOT_THE_SAYINGS = r"(?:of|for|about|who|whose|which|that|by|since|after|before|from|with|when|where)"
_SPEAKER = rf"(?:(?!{_SAYING}\b|(?:who|whose|which|that|when|where)\b){_WORD}\s+){{0,7}}?"   # "a spokesman for the Red Cross"
# The speaker after the saying, the date right after it: "said a spokesman for the Red Cross on Tuesday", "said Anna
# Berg, a spokeswoman for the agency, on Tuesday" (not "said a resident of the town shelled on Monday").
_SPEAKER_AFTER = (rf"\s+(?:a|an|the)\s+{_WORD}(?:\s+{_WORD})?\s+(?:for|of|at)\s+(?:the\s+(?-i:[a-z]){_WORD}|(?:the\s+)?"
                  rf"(?-i:[A-Z]){_WORD}(?:\s+(?-i:[A-Z]){_WORD}){{0,3}})"
                  rf"|\s+(?-i:[A-Z]){_WORD}(?:\s+(?-i:[A-Z]){_WORD}){{0,2}},\s+(?:a|an|the)\s+[^,;.“”\"]{{1,60}},")
SAID_AFTER_QUOTE = _PATTERNS.compile(rf"[\s,.!?]*{_SPEAKER}{_SAYING}(?:{_SPEAKER_AFTER}|(?:\s+(?!{_NOT_THE_SAYINGS}\b){_WORD}){{0,7}})\s+", _I)
SAYING = _PATTERNS.compile(rf"\b{_SAYING}\b", _I)
# A saying, then "would" and a verb to the end: "The presidency said officials would meet the leaders in Fredville "
SAID_WOULD = _PATTERNS.compile(rf"\b{_SAYING}\b[^.;:]*\bwould\s+(?!have\b|not\b|never\b)[a-z]+\b[^,;:]*$", _I)
SAYING_THAT = _PATTERNS.compile(rf"\b{_SAYING}\b(?:\s+that\b)?", _I)        # what a saying introduces follows it
PARENTHETICAL = _PATTERNS.compile(rf"^\s*(?:[^,;]{{0,40}}\b{_SAYING}|according\s+to\s+[^,;]{{1,40}})\s*,", _I)   # ", the ministry said,"
SAID_RIGHT_BEFORE = _PATTERNS.compile(rf"\b{_SAYING}\s+$", _I)
SAID_BEFORE_DATE = _PATTERNS.compile(rf"\b{_SAYING}(?:\s+(?!{_NOT_THE_SAYINGS}\b){_WORD}){{0,4}}\s+$", _I)
INTRODUCES = _PATTERNS.compile(r"\s*(?:[:,]\s*|\s+that\s+)?", _I)           # said on Tuesday: “…
SAID_THEN = _PATTERNS.compile(rf"\s*,\s*{_SPEAKER}{_SAYING}\s*(?:[:,]\s*|\s+that\s+)?", _I)        # On Tuesday, X said: “…
NAMED = _PATTERNS.compile(rf"\s*(?:{_WORD}\s+){{0,2}}")          # told the “Today” programme on Monday: a name in quotation marks


def _speakers_day(sentence: str, m: re.Match, found: list[tuple[str, re.Match]]) -> bool:
    """"Yesterday", "today" in a quotation whose saying is dated beside it (SAID_AFTER_QUOTE and the rest): the
    speaker's day, which is not the article's; the saying's date stands. Any other date leaves it as it was."""
    quote = _quotation(sentence, m.start())
    if quote is None:
        return False
    opens, closes = quote
    named = len(sentence[opens:closes].split()) <= 4 and SAID_BEFORE_DATE.search(sentence, 0, opens)
    return any(o.start() > closes and (SAID_AFTER_QUOTE.fullmatch(sentence, closes + 1, o.start())       # “…,” X said on Monday
                                       or named and NAMED.fullmatch(sentence, closes + 1, o.start()))
               or o.end() <= opens and (INTRODUCES.fullmatch(sentence, o.end(), opens)
                                        and SAID_BEFORE_DATE.search(sentence, 0, o.start())
                                        or SAID_THEN.fullmatch(sentence, o.end(), opens))
               for _, o in found if o is not m)


def primary(refs: list[DateRef]) -> DateRef | None:
    """The expression that dates the statement: done before planned, "a day earlier" before the
    day it counts from, then the most precise; bounds ("until 2025") and dates inside a
    ", which …," clause never date a statement."""
    usable = [r for r in refs if not r.limit and not r.nested]
    if not usable:
        return None
    pool = [r for r in usable if not r.planned] or usable
    if all(r.of_event for r in pool) and len(pool) < len(usable):
        # "will take place on Oct. 9-15, near the earthquake on Sept. 8": that date is the earthquake's
        pool = [r for r in usable if not r.of_event]
    # "annulled his September 28 decision, an adviser revealed on Friday": the day of the statement, not of the thing
    pool = [r for r in pool if not r.names] or pool
    return min(pool, key=lambda r: (not r.anaphoric, RANK[r.when.precision], r.start))


def with_basis(ref: DateRef, basis: str) -> DateRef:
    return replace(ref, basis=basis)


# A dateline: a capitalised place (", Country" may follow), the date, then an agency or a dash:
# "FREDVILLE, SEPTEMBER 25 (Reuters) -", "Tbilisi, Sep 27 (EFE).-", "FREDVILLE, SEPTEMBER 25, FREEPRESS.",
# "Lowtown, Freedonia, Sept. 27, 2023 —", "(Berlin, October 5, 2023) –". An ordinary first sentence
# ("Troops massed on the border on Monday, September 4.") is none.
_PLACE_WORD = r"[A-Z][A-Za-z'’.]*(?:-[A-Za-z'’.]+)*"
_PLACE = (rf"(?!(?:On|In|By|At|Since|From|Until|Before|After|Late|Early|Last|This|Next)\b|{WD})"
          rf"{_PLACE_WORD}(?:\s+(?:(?:de|del|da|do|dos|la|le|el|al|of|am|upon)\s+)?{_PLACE_WORD}){{0,3}}")
_DL_DATE = rf"(?:{WD},?\s+)?(?:(?:{MON})\s+{DAY}|{DAY}\s+(?:{MON}))(?:,?\s+{YEAR})?"        # ("KINSHASA, Thursday 28 December")
DATELINE = _PATTERNS.compile(
    rf"^\s*(?:\([A-Z][^()\n]{{1,30}}\)\s*)?"        # a source's tag before it: "(Wire- Fredville News Agency) FREDVILLE, …"
    rf"(?:\((?P<pplace>{_PLACE}(?:,\s*{_PLACE})?),\s+(?P<pdate>{_DL_DATE})\)\s*[-–—]+"
    # a place in capitals, its country, a date and a full stop ("FREDVILLE, Sylvania, September 1. A food cargo …"), or
    # a place in capitals, a date and an agency between slashes ("FREDVILLE, August 17. /AGENCY/.")
    rf"|(?P<cplace>[A-Z][A-Z'’.\-]{{2,}}(?:\s+[A-Z][A-Z'’.\-]+){{0,3}}(?:,\s*{_PLACE}(?=,\s+(?:{_DL_DATE})\.(?:\s|$))|(?=,\s+(?:{_DL_DATE})\.\s*/)))"
    rf",\s+(?P<cdate>{_DL_DATE})\.(?=\s|$)"
    rf"|(?P<uplace>{_PLACE}(?:,\s*{_PLACE})?)\s*\((?P<udate>{_DL_DATE})\)\s*[-–—]+"      # "GENEVA (4 March 2024) –"
    rf"|(?P<place>{_PLACE}(?:,\s*{_PLACE})?),\s+(?P<date>{_DL_DATE})"
    r"(?:\s*\((?P<agency>[^()\n]{2,30})\)\s*[-–—:.]*|,\s*(?P<agency2>[A-Z][A-Z.&/ ]{1,25}[A-Z])\s*[-–—:.]+|\s*[-–—]+))\s*")
# A dateline with no date: "MOSCOW (Reuters) -", "FREDVILLE —".
PLACE_LINE = _PATTERNS.compile(rf"^\s*(?:{_PLACE}(?:,\s*{_PLACE})?\s*\([^()\n]{{2,30}}\)\s*[-–—:.]*[-–—]"
                               r"|[A-Z][A-Z'’.\-]{2,}(?:\s+[A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z ]{1,30}?)?\s*[-–—]+)\s+")
# A date on a line of its own at the top of the page, perhaps with the time: "September 26, 2023", "4 October 2023",
# "September 27, 2023 - 14:28 AMT", "2023-09-25 | 03:06".
DATE_LINE = _PATTERNS.compile(rf"^\s*(?:{WD},?\s+)?(?P<date>{_DL_DATE}|{YEAR}-[01]\d-[0-3]\d)"
                              r"(?:\s*[-–—|,]?\s*\d{1,2}[:.]\d\d(?:\s*[A-Z]{2,4})?)?\s*$")


def dateline(body: str, ref: date) -> tuple[str, When] | None:
    """A dateline such as "FREDVILLE, SEPTEMBER 25 (Reuters) -" or "Tbilisi, Sep 27 (EFE).-" at the top."""
    m = DATELINE.match(body.lstrip("\n"))
    if not m:
        return None
    refs = resolve(m.group("date") or m.group("pdate") or m.group("udate") or m.group("cdate"), ref)
    if not refs or refs[0].when.precision != "day":
        return None
    return m.group(0).strip().rstrip("-–—:.").strip(), refs[0].when


def date_line(body: str, published: date, lines: int = 6) -> tuple[str, When] | None:
    """The page's own date on a line of its own among the first lines, before the first sentence:
    a day up to a month before publication (a later copy keeps the original's date)."""
    found = first_date_line(body, published, lines)
    if found and timedelta(0) <= published - date(*found[1].lo) <= timedelta(days=31):
        return found
    return None


def first_date_line(body: str, published: date, lines: int = 6) -> tuple[str, When] | None:
    """The first line among the first lines that is a day on its own, whatever day it is."""
    for line in [ln for ln in body.splitlines() if ln.strip()][:lines]:
        m = DATE_LINE.match(line)
        if m:
            refs = resolve(m.group("date"), published)
            when = refs[0].when if refs and refs[0].when.precision == "day" else None
            return (line.strip(), when) if when else None
        if re.search(r"[.!?][\"'”’)]*\s*$", line) and len(line.split()) > 8:
            return None
    return None
    return None


_PATTERNS.save()
