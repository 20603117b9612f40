"""Find the figures in a sentence: number, unit, qualifier, and what the number counts.

A number becomes a figure only with a unit we can name: people (and the nouns that count
people), vehicles, buildings, a currency (as an ISO 4217 code) or a percentage. Years, days of
a month, times of day, durations, ages and photo counters ("3 of 20") are never figures.
Conversions the source gives in brackets are kept as written; we never convert. A number with
no noun of its own counts people only where its clause says so ("40 were wounded", "the number
of registered persons is 9,000", "900 of the town's 1,200 residents"). Vague amounts ("tens of
thousands") are no figures; a single person ("one of the refugees") is no count. A topic's own
counted nouns and verbs for its measures (`Rules`, from topic.yml) are passed in, never kept here.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .nations import PEOPLES
from ..patterns import Programs
from .words import MONTH_IN_TEXT, NUMBER_WORDS, NUMBER_WORDS_START, last_word, may_start, number

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

# The nouns that count people; a nation's people ("Freedonians") from the world table, every nation alike.
PEOPLE = (r"people|persons|person|residents|resident|refugees|refugee|civilians|civilian|soldiers|soldier|troops|"
          r"servicemen|serviceman|fighters|children|child|men|women|" + "|".join(PEOPLES) + r"|inhabitants|evacuees|"
          r"individuals|migrants|displaced|IDPs|detainees|prisoners|volunteers|officials|patients|wounded|dead|arrivals|"
          r"students|pupils|workers|teachers|doctors|nurses|journalists|victims|survivors|lives|protesters|demonstrators|"
          r"deaths|fatalities")
VEHICLES = r"vehicles|vehicle|cars|trucks|buses|ambulances|lorries"
BUILDINGS = r"buildings|building|houses|homes|dwellings"
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "swiss franc": "CHF", "swiss francs": "CHF", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "manat": "AZN", "manats": "AZN",
    "dram": "AMD", "drams": "AMD", "yen": "JPY", "yuan": "CNY", "dirham": "MAD", "dirhams": "MAD",
    "lira": "TRY", "liras": "TRY", "rupee": "INR", "rupees": "INR", "shekel": "ILS", "shekels": "ILS",
    "hryvnia": "UAH", "hryvnias": "UAH", "lari": "GEL", "tenge": "KZT",
}
CURRENCY_CODES = ("USD", "EUR", "CHF", "GBP", "RUB", "AZN", "AMD", "JPY", "CNY", "MAD", "TRY", "INR", "ILS", "UAH",
                  "GEL", "KZT", "CAD", "AUD")
SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "¥": "JPY"}
SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9}
QUALIFIERS = [
    (r"more than|over|upwards of|in excess of|above", "more than"),
    (r"at least|no fewer than|no less than", "at least"),
    (r"at most|no more than|up to|as many as", "at most"),
    (r"nearly|almost|close to|just under", "nearly"),
    (r"fewer than|less than|under|below", "less than"),
    (r"about|around|approximately|roughly|some|an estimated|estimated|an approximate|approx\.", "about"),
]
_QUAL_START = {w[0] for q, _ in QUALIFIERS for w in q.split("|")}
_QUAL = may_start(_QUAL_START) + "(?:" + "|".join(q for q, _ in QUALIFIERS) + ")"

# Thousands separated by commas, spaces or dots ("12,500", "12 500", "12.500"), or a plain or decimal number.
_DOTTED = r"[1-9]\d{0,2}(?:\.\d{3})+"
# Thousands set off by commas, spaces, dots or apostrophes ("20’600"); a decimal comma before a scale word ("$4,7
# million": a thousands comma is always followed by three digits); a plain number.
_NUM = (rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?![\d,])|{_DOTTED}(?![\d.]\d|\d)"
        r"|\d{1,3}(?:[’']\d{3})+(?![\d’'])|\d{1,3},\d{1,2}(?=\s*(?:thousand|million|billion|mn|bn)\b)|\d+(?:\.\d+)?")
_SCALE = r"(?:\s*(?:thousand|million|billion|mn|bn)\b|(?:m|bn|b)\b)"
_SYM = r"(?:US\$|\\?\$|€|£|₽|¥)"
_CUR_WORDS = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
_CODES = "|".join(CURRENCY_CODES)

# What an amount can start with: a qualifier, "from" or "between", a currency's sign or code, a digit, a number's word.
_AMOUNT_START = may_start({*_QUAL_START, "f", "b", *"US\\$€£₽¥", *"0123456789", *(c[0] for c in CURRENCY_CODES),
                           *NUMBER_WORDS_START})
AMOUNT = _PATTERNS.compile(
    rf"{_AMOUNT_START}(?P<qual>\b{_QUAL}\s+)?"
    # a range or change: "from 2 to 5 million", "between 50 and 1,000", "10,000-15,000", "5 to 10"
    rf"(?:(?P<from>\bfrom|\bbetween)\s+(?P<sym0>{_SYM})?(?P<n0>{_NUM}|{NUMBER_WORDS})(?P<scale0>{_SCALE})?\s+(?:to|and|-)\s+"
    rf"|(?P<sym1>{_SYM})?(?<![\w.,-])(?P<n1>{_NUM})(?P<scale1>{_SCALE})?(?:\s*[-–]\s*|\s+to\s+))?"
    rf"(?P<code0>(?-i:\b(?:{_CODES}))\s+)?(?P<sym>{_SYM})?(?(n1)|(?<![\w.,-]))"
    rf"(?P<n>{_NUM}|(?<!-)\b(?:{NUMBER_WORDS})\b)(?P<scale>{_SCALE})?"
    rf"(?P<tail>\s+(?P<code>(?-i:{_CODES}))\b|\s+(?P<cw>(?i:{_CUR_WORDS}))\b|\s*(?P<pct>%|percent\b|per cent\b))?",
    re.IGNORECASE)
# After the number: up to three describing words, then the counted noun ("192 Freedonian soldiers",
# "4,850 Upper Valley residents", "two of its soldiers", "100,632 forcibly displaced Sylvanians").
_DESC = (r"(?:[A-Z][\w’'-]*|[a-z]+-[A-Z][\w’'-]*|ethnic|more|other|additional|new|local|displaced|wounded|injured|elderly|foreign|armed|"
         r"young|unarmed|military|civilian|registered|vulnerable|forcibly|newly|internally|recently|mostly|seriously|"
         r"severely|critically|lightly|confirmed|reported|armou?red|damaged|destroyed|of\s+(?:its|their|the|his|her|our))")
# The people a list of nouns may name beside the counted one ("men, women and children"; not "68 people and wounded …")
LISTED = (r"men|women|children|girls|boys|infants|babies|adults|elderly|civilians|soldiers|servicemen|residents|refugees"
          r"|people|persons|individuals|students|teachers|doctors|nurses|journalists|volunteers|officials|workers")
# Not a noun that describes families or households ("4,032 displaced families", "300 refugee households": not people);
# a list of people's nouns is one ("93,000 men, women and children who have crossed": what follows is said of all).
_COUNTED = (rf"^(?P<desc>(?:\s+{_DESC}){{{{0,3}}}})\s+(?P<noun>{{topic}}{PEOPLE}|{VEHICLES}|{BUILDINGS})\b"
            rf"(?!\s+(?:famil(?:y|ies)|households?)\b)(?:(?:\s*,\s*(?:{LISTED})\b)*,?\s+(?:and|or)\s+(?:{LISTED})\b)?")
COUNTED = _PATTERNS.compile(_COUNTED.format(topic=""))
# A count per day, week or month is a rate, not a number of people ("300 people arrive every day", "1,200 crossed
# the border per day", "400 people a day", "130 injured people daily,"): within four words, no comma, and not
# "fled in (just) a day", "over a week", "for a day", "a day after the vote", "a day and a half", "a month's
# worth", "a day-long siege", nor "daily" before a noun ("daily meals", "the ministry's daily bulletin").
_NOT_IN_RATE = r"(?:and|or|but|with|in|within|of|from|during|for|over|under|just|half|than|after|before|about)"
_RATE_WORDS = rf"(?:\s+(?!{_NOT_IN_RATE}\b)[\w’'-]+)"
# (past an aside: "500 people, most of them children, die every day")
RATE_AFTER = _PATTERNS.compile(rf"^{_RATE_WORDS}{{0,2}}?(?:\s*,[^,;.]{{1,40}},)?{_RATE_WORDS}{{0,4}}?\s+"
                               r"(?:(?:a|per|each|every)\s+(?:day|week|month|hour|night)\b"
                               r"(?!['’]s|-|\s+(?:after|before|earlier|later|ago|of|in|when|and)\b)"
                               r"|(?:daily|weekly|monthly|hourly)(?=\s*(?:[,.;:!?)]|$|and\b|but\b)))", re.IGNORECASE)
# ... or with the period first: "Every day since Monday, more than 2,000 people have crossed".
RATE_BEFORE = _PATTERNS.compile(r"(?:^|[;:]\s*)(?:(?:every|each)\s+(?:day|night|week|month)|daily)\b[^.;:,]{0,40},?\s*(?:[\w’'-]+\s+){0,4}?"
                                r"(?:(?:more\s+than|over|about|some|nearly|almost|around|at\s+least|up\s+to|an\s+average\s+of)\s+)?$"
                                r"|\b(?:daily|weekly|monthly|hourly)\s+(?:rate|average|number)\b[^.;:,]{0,40}$",   # "the daily rate … averaged 1,500"
                                re.IGNORECASE)
NOT_A_FIGURE = _PATTERNS.compile(r"^(?:\s*(?:-|–)?\s*(?:year|month|week|day|hour|minute|km|kilomet|mile|a\.m\.|p\.m\.|am\b|pm\b|:\d|of \d|st\b|nd\b|rd\b|th\b))",
                                 re.IGNORECASE)
CONVERSION = _PATTERNS.compile(rf"^\s*[(\[](?:about |around |some |or )?(?P<conv>(?:[A-Z]{{1,2}})?{_SYM}\s?(?:{_NUM})"
                               rf"(?:{_SCALE})?(?:\s+[A-Z]{{3}})?)[)\]]")
# The same in words: "2 million drams, the equivalent of 5,000 dollars" (one amount, not two).
EQUIVALENT = _PATTERNS.compile(rf"^\s*,?\s*(?:the\s+)?equivalent\s+(?:of|to)\s+(?:about\s+|around\s+|some\s+|roughly\s+)?"
                               rf"(?P<conv>(?:[A-Z]{{1,2}})?{_SYM}\s?(?:{_NUM})(?:{_SCALE})?|(?:{_NUM})(?:{_SCALE})?\s+(?i:{_CUR_WORDS})\b)"
                               r"(?![\d.,]?\d)(?!\s*(?:per|each|a|an|for\s+each|every)\b)")     # not "… €500 per family"


@functools.cache
def converts() -> re.Pattern:
    """An amount in brackets right after a number is that number's conversion ("ten thousand ($25)", "ten thousand
    [$25]"), not a figure. Compiled on first use: it holds the number words (slow to compile), and few
    articles need it."""
    return _PATTERNS.compile(rf"(?:\d|\b(?:{NUMBER_WORDS}))(?:{_SCALE})?\s*[(\[]\s*$", re.IGNORECASE)


def _a_conversion(before: str) -> bool:
    """Whether the words before an amount end with a number and an opening bracket (`converts`)."""
    return before.rstrip().endswith(("(", "[")) and converts().search(before) is not None


def _alternation(words: tuple[str, ...]) -> str:
    """Words as written, or prefixes ending in * ("famil*"), as one pattern (the longest first; spaces any spaces)."""
    parts = (re.escape(w.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if w.endswith("*") else "")
             for w in sorted(words, key=len, reverse=True))
    return "|".join(parts)


@dataclass(frozen=True)
class Rules:
    """A topic's own signals for its measures (topic.yml's `measures.<m>.words` and `.verbs`), for one build:
    passed to `find` and `classify`, never kept in the module. Without them, the generic rules alone."""
    nouns: tuple[tuple[str, str], ...] = ()     # (measure, pattern of the counted nouns that signal it), as written
    verbs: tuple[tuple[str, str], ...] = ()     # (measure, pattern of the verbs near a count), any case

    @staticmethod
    def of(words: tuple[tuple[str, tuple[str, ...]], ...] = (), verbs: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Rules:
        return Rules(tuple((m, _alternation(w)) for m, w in words if w),
                     tuple((m, _alternation(tuple(v.lower() for v in vs))) for m, vs in verbs if vs))

    def counted(self) -> re.Pattern:
        """COUNTED, with the topic's nouns tried first ("3,000 evacuees", "1,200 homeless families")."""
        return _PATTERNS.compile(_COUNTED.format(topic=self.alternation())) if self.nouns else COUNTED

    def alternation(self) -> str:
        """The topic's counted nouns (any case), each followed by "|", to go before the generic ones."""
        return "".join(f"(?i:{p})|" for _, p in self.nouns)

    def noun(self, noun: str) -> str | None:
        """The measure a topic's counted noun signals."""
        return next((m for m, p in self.nouns if re.fullmatch(p, noun, re.IGNORECASE)), None)

    def unit(self, noun: str) -> str | None:
        """The unit of a topic's counted noun: vehicles or buildings for those measures' words, else people."""
        measure = self.noun(noun)
        return None if measure is None else measure if measure in ("vehicles", "buildings") else "people"

    def verb(self, window: str) -> str | None:
        """The first measure one of whose verbs is in a window (lowercase)."""
        return next((m for m, p in self.verbs if re.search(rf"\b(?:{p})\b", window)), None)


NO_RULES = Rules()


@dataclass
class Found:
    value: float
    unit: str
    qualifier: str
    words: str
    start: int
    end: int
    metric: str
    value_max: float | None = None
    previous: float | None = None
    converted: str | None = None
    who: str | None = None


@dataclass
class Counted:
    """What an amount counts: its unit, the noun, whose it is, where its words end, and words naming it elsewhere."""
    unit: str
    noun: str | None = None
    who: str | None = None
    end: int = 0
    about: str = ""                     # "the number of registered persons is …": the words that say what is counted
    metric: str | None = None           # decided by the count it is said of ("an increase from 3,000")
    words: tuple[int, int] | None = None    # where the words to show start and end, if not the number's own


def _scale(text: str | None) -> float:
    return SCALE.get((text or "").strip().lower(), 1.0)


def _read(text: str, scale: str | None) -> float | None:
    """A number as written; dots between thousands ("12.500") only where no scale word follows ("1.500 million");
    apostrophes between thousands ("20’600"); a decimal comma before a scale word ("4,7 million")."""
    if re.fullmatch(_DOTTED, text) and not scale:
        text = text.replace(".", "")
    if re.fullmatch(r"\d{1,3}(?:[’']\d{3})+", text):
        text = re.sub("[’']", "", text)
    if scale and re.fullmatch(r"\d{1,3},\d{1,2}", text):
        text = text.replace(",", ".")
    return number(text)


def _qualifier(text: str | None) -> str:
    """The qualifier's words ("more than", "some") as one of QUALIFIERS' names; none is "exact"."""
    t = (text or "").strip().lower()
    for pattern, name in QUALIFIERS:
        if t and re.fullmatch(pattern, t):
            return name
    return "exact"


# An aside after a count, between commas: ", including children,", ", nearly the entire population,", ", which is
# about 16% of the region's population,".
_ASIDE_HEAD = (r",\s*(?:including|among them|among whom|mostly|mainly|many of them|most of them|nearly|almost|"
               r"roughly|about|some|or|half of them|the majority|which\s+(?:is|was|represents|amounts\s+to))\b")
# (its numbers may have commas, "or about 45% of the population of 120,000,", if it has no verb of its own: not "about
# 1,200 were left homeless,")
ASIDE = _PATTERNS.compile(_ASIDE_HEAD + r"(?:(?!\s*[\d,.]+\s+(?:is|are|was|were|have|has|had|remain\w*|fled|died)\b)"
                          r"(?:[^,;.]|(?<=\d)[,.](?=\d)){0,80},(?!\d)|[^,;.]{0,80},(?!\d))")   # (not "or $600,000": a number's comma)


def _windows(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The words after a number up to the next comma or stop (an aside between dashes or the commas
    of an aside skipped), and the words before it back to the previous comma: where its verb is."""
    after = sentence[end:]
    after = re.sub(r"^\s*[-–—]\s*[^–—]{0,80}?(?:\s-(?=\s)|[–—])", " ", after)     # (a hyphen within a word is none)
    after = ASIDE.sub(" ", after, count=1)
    after = re.split(r"[,;.:]\s|[,;.:]$|\(", after, maxsplit=1)[0]
    before = sentence[:start]
    # not "40,000"; after a count and a colon, a list of its parts ("reached 7: 3 women, 2 children")
    cut = max((c.end() for c in re.finditer(r"[,;](?!\d)|\.\s|(?<=\d):\s", before)), default=0)
    return after.lower(), before[cut:].lower()


@dataclass
class _Around:
    """The words around a count that say what it counts."""
    after: str          # to the next comma
    before: str         # back to the previous comma, with the words naming what is counted elsewhere
    near: str           # the 60 characters before it, as written
    head: str           # the sentence up to it
    noun: str
    desc: str           # the describing words before the noun ("forcibly displaced")
    rules: Rules = NO_RULES     # the topic's own words and verbs for its measures
    written: str = ""           # the 80 characters after it, as written


def _around(sentence: str, start: int, end: int, noun: str, about: str, lead: int | None = None,
            rules: Rules = NO_RULES) -> _Around:
    """`lead`: where the words that state a bare count begin ("the number of … has reached"): not read for its measure."""
    after, before = _windows(sentence, start, end)
    if lead is not None:
        before = _windows(sentence, lead, end)[1]
    head = re.split(r"[;.]\s", sentence[:start])[-1].lower()
    words, noun_l = sentence[start:end].lower(), noun.lower()
    desc = words[:words.rfind(noun_l)] if noun_l and noun_l in words else ""
    return _Around(after, (about + " " + before).lower(), sentence[max(0, start - 60):start], head, noun, desc, rules,
                   sentence[end:end + 80])


# The words of a clause that name the measure of a count of people, first to last (PEOPLE_RULES reads the
# words after the number before those before it: "192 soldiers were killed", "the blast killed 20 people").
MEASURE_RULES = [
    ("killed", r"\b(?:killed|died|dead|(?<!being starved to )(?<!are starving to )(?<!is starving to )deaths?|death toll|(?<!injury )(?<!economic )(?<!human )toll"
               r"(?!(?:\s+[\w-]+){0,3}?\s+(?:injured|wounded|missing)\b)|lost their lives|fatalities)\b"),
    ("wounded", r"\b(?:wounded|injured|injuries|with\s+(?:[\w-]+\s+){0,2}wounds|hurt|in (?:a )?(?:critical|serious) condition|hospitali[sz]ed"
                r"|(?:remain\w*|are|were|still|stay\w*)\s+(?:in|at)\s+(?:a\s+|the\s+)?hospitals?|under treatment"
                r"|admitted\s+to\s+(?:a\s+|the\s+)?hospitals?(?!\s+(?:with|for)\b))\b"),
    ("missing", r"\b(?:missing|disappeared|unaccounted for)\b"),
    ("detained", r"\b(?:detained|arrested|under arrest|in(?:to)? custody|in detention|in captivity"
                 r"|(?<!\bhad\s)(?:were|was|been|are|is|being)\s+(?:\w+\s+)?(?:jailed|captured|taken\s+(?:prisoner|captive)|held\s+captive))\b"),
    ("rescued", r"\b(?:rescued|pulled alive|saved)\b"),
    ("arrivals", r"\b(?:arriv\w*|entered|fled|left|crossed|displaced|evacuat\w*|registered|reached(?!\s+(?:with|by|through)\b)"
                 r"|poured|received|flee\w*|"
                 r"refuge|exodus|influx|moved|displacement|departures?|uprooted"
                 r"|(?:forced|driven)\s+(?:out\s+)?(?:from|of)\s+(?:their|his|her)\s+homes?"
                 r"|(?:had|forced)\s+to\s+(?:leave|flee)\s+(?:their|his|her)\s+homes?"
                 r"|(?<!\bfrom\s)(?<!\bavoid\s)(?<!\bagainst\s)(?<!\bnot\s)(?<!\brefused\sto\s)(?<!\brefuse\sto\s)"
                 r"(?:leaving|abandon(?:ed|ing)?)\s+(?:\w+ly\s+)?(?:their|his|her)\s+homes?)\b"),
    ("displaced", r"\b(?:accommodat\w*|housed|shelter\w*|settled|relocated|homeless)\b"),       # housed, not arriving
]
# Money that is not help given or pledged: what a disaster cost, an economy's figures.
NOT_AID = r"\b(?:damages?|losses|gdp|revenues?|debts?|exports|imports|trade|turnover|salar(?:y|ies)|wages?|prices?|worth)\b"
# A price right before an amount: "an apartment could be rented for 80,000 drams", "it costs about $40"
PRICE_BEFORE = _PATTERNS.compile(r"\b(?:rented|rents?|costs?|priced|sells?|sold)\s+(?:for\s+|at\s+)?$", re.IGNORECASE)
BY_UNIT = {"percent": "share", "vehicles": "vehicles", "buildings": "buildings"}     # measures the unit alone decides
ASKED = r"\b(?:appeal\w*|request\w*|asked for|calls? for|called for)\b"    # money asked for: an appeal
# "The appeal … seeks $160 million", "it needed $140 million": the verb right before the amount (not "housing needs")
ASKED_VERB = _PATTERNS.compile(r"\b(?:seeks|sought|seeking|needs|needed|requires|required)\s+(?:(?:about|around|some|at least|"
                               r"more than|nearly|almost|an estimated|an additional|a further|another|over)\s+)?$")
# Money a court or a claim is about: neither help given nor an appeal ("The lawsuit seeks $10 million in damages",
# "suing for $5 million in compensation").
LEGAL = _PATTERNS.compile(r"\b(?:lawsuits?|su(?:e|es|ed|ing)|legal action|in damages)\b", re.IGNORECASE)
PER_PERIOD = _PATTERNS.compile(r"^\s*(?:a|an|per|each|every)\s+(?:day|week|month|year)\b(?!['’]s|\s+(?:ago|after|before|earlier|later)\b)",
                               re.IGNORECASE)                                      # "$30 million a month"
# Money for each person, family or period is not a total pledged ("40,000 drams per person per month").
PER_AFTER = (r"^[^;]{0,40}?\b(?:(?:per|each|every)\s+(?:person|head|capita|family|household|month|week|day|year|refugee|"
             r"child|individual|adult|beneficiary)|an?\s+(?:month|week|day|year)(?!\s+(?:ago|after|before|earlier|later)\b)"
             r"|monthly|weekly|daily)\b"
             r"|^\s*(?:[\w-]+\s+){0,2}?(?:each|apiece)\b(?!\s+other)"          # "5,000 rupees each", "1,000 euros apiece"
             # "… 40,000 drams for rent and 10,000 for utilities will be transferred to each person", "… to each of them"
             r"|^(?:(?!\bor\b)[^;.]){0,100}?\b(?:to|for)\s+each\s+(?:of\s+them|person|family|household|refugee|child|individual|adult"
             r"|beneficiary|resident|citizen)\b"
             # "140,000 dirhams will be granted for totally collapsed buildings": an amount for each of them
             r"|^[^;]{0,40}?\bfor\s+(?:(?:totally|partially|completely|fully|badly)\s+)?(?:[a-z]+ed\s+)?"
             r"(?:buildings|houses|homes|dwellings|households|families)\b")
PER_BEFORE = (rf"\b(?:one-time|one-off|monthly|weekly|daily|per capita)\b|\b(?:each|every)\s+(?:[\w-]+\s+){{0,3}}?"
              rf"(?:person|family|household|refugee|child|individual|adult|resident|citizen|evacuee|beneficiary|victim|survivor)\b"
              rf"|\b(?:{PEOPLE})\s+(?:[\w-]+\s+){{0,3}}?(?:receive|get|be paid|be given|are entitled to)\b"
              # "Each of the 300 families will receive $200"
              rf"|\beach\s+of\s+(?:the|these|those|its|their)\s+(?:[\w,.-]+\s+){{0,3}}?(?:{PEOPLE}|families|households)\b")
# After an amount for each person or month, the next one of the list is for each too: "40,000 drams per month to rent
# a flat and 10,000 drams to help pay for utilities" (not across a verb: "$200 per family was approved … and $10
# million was released")
PER_LISTED = _PATTERNS.compile(r"\b(?:(?:per|each|every)\s+(?:month|person|family|household|week|day|year|head|capita|refugee)"
                               r"|(?:monthly|weekly)\s+(?:[\w-]+\s+){0,3}?of\s+\S*\d)"   # "monthly assistance of 40,000 drams …, plus …"
                               r"(?:(?!\b(?:was|were|is|are|has|have|had|will|would|said|says)\b)[^;:.]){0,80}\b(?:and|plus)"
                               r"(?:\s+an?)?(?:\s+(?:additional|further|extra))?\s+$", re.IGNORECASE)
# Where an amount's own clause ends before a subordinate one: "… comes after the party called for action"
OWN_CLAUSE = _PATTERNS.compile(r"\b(?:after|when|while|since|because|following|as(?!\s+(?:a|an|part)\b))\b",
                               re.IGNORECASE)          # (not "as an emergency appeal": the amount's own)
TOTAL_AFTER = _PATTERNS.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:in\s+total|in\s+all|altogether)\b", re.IGNORECASE)   # "3 billion drams in total"
TOTAL_BEFORE = _PATTERNS.compile(r"\ba\s+total\s+of\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)      # "receive a total of $2 million"
# "a population of around 120,000", "the population of Upper Valley – estimated at around 120,000"
POPULATION_BEFORE = (r"(?i:population)\s+(?:of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,3}|of\s+(?:[\w’'-]+\s+){1,4}(?=[-–—(]))?"
                     r"(?:[-–—(]\s*)?(?:(?:is|was|estimated|put|at|stood|stands|of)\s+){0,3}$"
                     # "the entire population of the region, more than 115,000 people, …" (not "a third of the population
                     # of Fredville, some 40,000 people, fled")
                     r"|\b(?i:entire|whole)\s+(?:[\w’'-]+\s+){0,2}(?i:population)\s+of\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+\s*[,–—]\s*$")
# "prompting almost all of its 100,000 ethnic Sylvanians to flee", "nearly all the region's 120,000 residents": the whole
THERE_BEFORE = _PATTERNS.compile(r"\bthere\s+(?:were|are|was|is)\s+(?:still\s+|only\s+|now\s+)*$", re.IGNORECASE)
LEFT_ALONE = _PATTERNS.compile(r"^\s*(?:\w+\s+){0,2}?left(?:\s+(?:in|at|on|inside|behind)\b.*)?$", re.IGNORECASE)
ALL_FLED = _PATTERNS.compile(r"\b(?:(?<!who\s)(?:flee|fled|leave|left)|exodus|flight|departure)\b", re.IGNORECASE)
# "resulted in the vast majority of the 120,000 residents fleeing": what made them flee, then the whole (not "The majority
# of the 2,000 people fleeing the fighting were from Fredville": those fleeing)
MADE_TO_FLEE = _PATTERNS.compile(r"\b(?:in|caused|forced|prompted|prompting|saw|led\s+to)\s+(?:the\s+)?(?:vast\s+|overwhelming\s+)?"
                                 r"(?:majority|most|all|almost\s+all|nearly\s+all)\b", re.IGNORECASE)
FLEEING = _PATTERNS.compile(r"^\s*(?:\w+\s+){0,2}?(?:fleeing|leaving)\b", re.IGNORECASE)
ALL_OF_BEFORE = _PATTERNS.compile(r"(?:\b(?:almost|nearly|virtually|practically)\s+all\s+(?:of\s+)?"
                                  r"|(?:\d[\d,.]*|\bhalf|\bmost|\bmajority)\s+of\s+(?=its|their|the))"
                                  r"(?:its\s+|their\s+|the\s+[\w’'-]+['’]s\s+|(?<=of\s)the\s+)?"
                                  r"(?:estimated\s+)?$", re.IGNORECASE)
HOME_TO = _PATTERNS.compile(r"\b(?:home to|inhabited by|populated by)\s+$", re.IGNORECASE)    # "a region home to 120,000 people"
# "in a country of some 5 million people": people of a country the topic may not be about (no population of it)
PLACE_OF = _PATTERNS.compile(r"\b(?:a|the)\s+(?:country|nation)\s+of\s+$", re.IGNORECASE)
POSSESSIVE_BEFORE = r"(?:'|’)s\s+(?:\w+\s+)?$"                             # "the region's 120,000 inhabitants"
RESIDENTS = ("people", "residents", "inhabitants")
# (not "remained under a blockade", "under the rubble": where they are is not that they stayed)
REMAINING_AFTER = r"^\s*(?:\w+\s+){0,2}(?:remain|remained|remaining|stay|stayed|left behind|are left|were left|still)\b(?!\s+under\b)"
ARRIVING = ("refugees", "refugee", "evacuees", "arrivals")                # counted nouns that are arrivals
CASUALTIES = ("killed", "wounded", "missing")
CASUALTY_NOUNS = ("dead", "wounded", "injured", "lives", "deaths", "fatalities")
VERB_BEFORE = {"killed": "killed", "kills": "killed", "killing": "killed", "wounded": "wounded", "wounds": "wounded",
               "wounding": "wounded", "injured": "wounded", "injures": "wounded", "injuring": "wounded"}
LIVES_BEFORE = _PATTERNS.compile(r"\b(?:(?:claimed|took|cost)\s+the\s+lives|(?:massacre|mass\s+murder|murder|killing)s?)\s+of\s+$",
                                re.IGNORECASE)                                   # "… the lives of 200", "the massacre of 1,000"
# "a city abandoned by 100,000 people": those who left it
ABANDONED_BY = _PATTERNS.compile(r"\b(?:abandoned|deserted|fled)\s+by\s+$", re.IGNORECASE)
_VERB_BEFORE = _PATTERNS.compile(rf"\b({'|'.join(VERB_BEFORE)})\s+$", re.IGNORECASE)          # "the strikes that killed 32"
ASKED_OF = _PATTERNS.compile(r"\b(?:interview(?:ed|s|ing)?(?!\s+by)|surveyed|spoke\s+(?:to|with)|talked\s+(?:to|with)|met\s+with|"
                             r"questioned|polled|consulted)\b")              # people who spoke to the author: no count
TARGETED = _PATTERNS.compile(r"\b(?:help|assist|support|target|benefit|serve|feed|protect|affect)(?:s|ed|ing)?\s+$", re.IGNORECASE)
AMONG = _PATTERNS.compile(r"\bamong\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:arrivals|refugees|evacuees|displaced)\b")
AMONG_AFTER = _PATTERNS.compile(r"\s*(?:\w+\s+){0,2}?among\b")                       # "30,000 children are among the refugees"
YEAR = _PATTERNS.compile(r"1[0-9]{3}|20[0-9]{2}")
# a verb of change in the clause before "from 2 to 5": a change, not a range ("raised its aid from 2 to 5 million",
# "the toll rose from 20 to 68"; not "Surgeons said anywhere from 200 to 300", "as the toll climbed, officials said
# from 2,000 to 5,000": `_changed_from`)
CHANGING = _PATTERNS.compile(r"\b(?:increas\w*|rais\w*|ris(?:e|es|en|ing)|rose|grow\w*|grew|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?"
                             r"|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|cut\w*|reduc\w*|doubl\w*|boost\w*|lower\w*|up)\b",
                             re.IGNORECASE)
# what ends the verb of change's hold on the range: a clause break, a saying or belief, a conjunction, another verb
CLAUSE_BREAK = _PATTERNS.compile(r"[;:]|,(?!\d)|\b(?:said|says|told|reported|estimated|estimates?|according|believes?|thinks?"
                                 r"|expects?|fears?|suggests?|and|that|now|but|while|as|is|are|was|were|has|have|had|been|be)\b"
                                 r"|(?-i:\b[a-z]{3,}ed\b)", re.IGNORECASE)


def _changed_from(sentence: str, at: int) -> bool:
    """A verb of change in the clause before the "from" at `at`, with no clause break or saying between."""
    head = sentence[max(0, at - 200):at]
    verbs = list(CHANGING.finditer(head))
    return bool(verbs) and not CLAUSE_BREAK.search(head, verbs[-1].end())


# "120,000 Sylvanians lived in the region": the count's own verb says who lived there (not "lived through the siege",
# not "2,000 people who lived there have fled", nor "living in": "2,000 people living in the region have fled" fled).
LIVED_AFTER = _PATTERNS.compile(r"^\s*(?:(?!who\b|that\b|which\b)[\w-]+\s+){0,2}?(?:(?:had\s+)?(?:lived|resided|inhabited)|used\s+to\s+(?:live|reside))\b(?!\s+through)")
# "120,000 Sylvanians live in the Upper Valley region", "… live in Fredville": in a place named, or a region, territory,
# … (not "live in fear", "live in tents", nor "still live in the region": those remain).
LIVE_IN_PLACE = _PATTERNS.compile(r"^\s*(?:(?!who\b|that\b|which\b|still\b|now\b|only\b)[\w-]+\s+){0,2}?(?:live|reside)\s+in\s+"
                                  r"(?:(?-i:[A-Z])|the\s+(?:(?-i:[A-Z])[\w’'-]*\s+){0,3}(?:enclave|region|territory|province"
                                  r"|republic|country|area|valley)\b)", re.IGNORECASE)


# Where people are lodged, not the place they are the population of: "live in Red Cross shelters", "UN-run camps".
LODGING = _PATTERNS.compile(r"^(?:[\w’'-]+\s+){0,3}?(?:shelters?|camps?|dormitor\w+|hotels?|tents?|centres?|centers?|barracks"
                            r"|containers?|apartments?|houses?|homes?|buildings?|schools?)\b", re.IGNORECASE)


def _population(w: _Around) -> str | None:
    """"a population of around 120,000", "the region's 120,000 inhabitants", "the territory's estimated 120,000
    Sylvanians", "120,000 Sylvanians lived there", "… live in the region" (not of arrivals: "5,000 refugees lived in
    tents")."""
    owned = re.search(POSSESSIVE_BEFORE, w.near) and (w.noun.lower() in RESIDENTS or w.noun[:1].isupper())
    place = LIVE_IN_PLACE.match(w.written)
    live_in = place and (w.noun.lower() in RESIDENTS or w.noun[:1].isupper()) and not LODGING.match(w.written[place.end() - 1:])
    lived = (LIVED_AFTER.match(w.after) or live_in) and w.noun.lower() not in (*ARRIVING, "migrants") and not _words(w.desc)
    # "the 120,000 residents of the enclave": all of them, by a place (not "some 120,000 residents of the region fled")
    of_place = THE_BEFORE.search(w.near) and not MOVED_SINCE.search(w.after) and (
        w.noun.lower() in RESIDENTS[1:] and OF_PLACE.match(w.written)
        or w.noun.lower() == "people" and IN_REGION.match(w.written))     # "the 120,000 people in the Upper Valley region"
    # "aid reached the 120,000 Sylvanians living there": all of them (not "the 2,000 refugees living in Fredville")
    there = THE_BEFORE.search(w.near) and LIVING_THERE.match(w.written) and w.noun.lower() not in (*ARRIVING, "migrants") \
        and not _words(w.desc) and not _words(w.after) and w.noun.lower() not in CASUALTY_NOUNS + ("survivors",)
    return "population" if re.search(POPULATION_BEFORE, w.near) or HOME_TO.search(w.near) or owned or lived or of_place \
        or there or _all_fled(w) else None


def _all_fled(w: _Around) -> bool:
    """"prompting almost all of its 100,000 ethnic Sylvanians to flee", "the flight of nearly all 100,000 residents": the
    whole that (almost all) fled (not "nearly all 500 people on board were rescued")."""
    return bool(ALL_OF_BEFORE.search(w.near)) and (w.noun.lower() in RESIDENTS or w.noun[:1].isupper()) \
        and bool(ALL_FLED.search(w.before + " " + w.after) or MADE_TO_FLEE.search(w.near) and FLEEING.match(w.after)) \
        and not _words(w.desc)


LIVING_THERE = _PATTERNS.compile(r"^\s*(?:who\s+(?:still\s+)?(?:live|lived)|(?:still\s+)?living)\s+(?:there|in\s+(?:the\s+)?"
                                 r"(?:(?-i:[A-Z])|(?:enclave|region|territory|area|province|republic)\b))", re.IGNORECASE)


OF_PLACE = _PATTERNS.compile(r"\s+of\s+(?:(?-i:[A-Z])|the\s+(?:(?-i:[A-Z])[\w’'-]*\s+){0,3}(?:enclave|region|territory|province"
                             r"|republic|country|area|valley)\b)", re.IGNORECASE)
IN_REGION = _PATTERNS.compile(r"\s+(?:in|of)\s+the\s+(?:(?-i:[A-Z])[\w’'-]*\s+){1,3}(?:enclave|region|territory|province|republic)\b",
                             re.IGNORECASE)
# "… who crossed into the country on Sunday", "… were evacuated": those who moved, not the place's population
MOVED_SINCE = _PATTERNS.compile(r"\b(?:who|that)\s+(?:had\s+|have\s+)?(?:crossed|arrived|fled|entered|left|reached"
                                # "been" (not "been sheltering in basements", "been living under blockade": staying put)
                                r"|been\b(?!\s+(?:\w+\s+)?(?:sheltering|living|staying|hiding|waiting|under|without|trapped|stuck"
                                r"|besieged|blockaded|cut\s+off|hit|deprived|shelled|bombarded|starved|isolated)\b))"
                                r"|\b(?:were|was|have\s+been|had\s+been)\s+(?:evacuated|taken|moved|relocated|registered|bused|transported)\b"
                                r"|\b(?:shelters?|camps?|hotels?|dormitor\w+)\b", re.IGNORECASE)


# "displaced 600,000 people and killed 120", "left 80,000 homeless and 12 dead": the words of the next count or verb
# joined by "and" are not this count's.
NEXT_PART = _PATTERNS.compile(r"\s(?:and|but|while)\s+(?:also\s+)?(?:(?:nearly|almost|about|around|some|over|more\s+than|at\s+least"
                              r"|another|a\s+further)\s+)?(?:\d|(?:[a-z]{3,}ed|left|hit|took|lost|made|sent|kept)\b)")
# A casualty word said of another, vaguer number after a count: "100,000 fled … after fighting that left hundreds of
# soldiers dead": those dead are not the 100,000.
# So are those the count's people come to help: "two doctors have arrived to assist those injured in the blast".
OTHERS_HURT = _PATTERNS.compile(r"\b(?:left|leaving)\s+(?:hundreds|dozens|scores|thousands|tens|many|several)\b[^,.;]{0,30}?"
                                r"\b(?:dead|killed|wounded|injured|missing)\b"
                                r"|\b(?:to|for|treat\w*|help\w*|assist\w*|visit\w*|tend\w*)\s+(?:those|the)\s+(?:[\w-]+\s+)?"
                                r"(?:dead|killed|wounded|injured|hurt|missing)\b(?:,?\s+(?:and|or)\s+(?:the\s+|those\s+)?"
                                r"(?:dead|killed|wounded|injured|hurt|missing)\b)*", re.IGNORECASE)
LEFT_BEFORE = _PATTERNS.compile(r"\bleft\s+(?:(?:about|around|some|at least|more than|nearly|almost|over)\s+)?$")
AND_BEFORE = _PATTERNS.compile(r"\s(?:and|but|while)\s+(?=(?:also\s+)?[a-z]+(?:ed|ped)\b)")
# "50 remain missing", "212 remain in detention", "5,000 remain in shelters", "300 remain displaced"
REMAIN_AS = (*CASUALTIES, "detained", "displaced", "arrivals")
RECEIVED_AFTER = _PATTERNS.compile(r"^\s*(?:(?:have|has|had)\s+)?(?:already\s+|now\s+|so\s+far\s+)?received\b")

# The count's own verb says what they were given or signed up for (not "were registered": a count of arrivals)
SERVED_AFTER = _PATTERNS.compile(r"^\s*(?:(?:were|was|have\s+been|has\s+been|had\s+been|got|get)\s+(?:already\s+|now\s+)?"
                                 r"(?:enrolled|employed|hired|vaccinated|immuni[sz]ed|given|granted|issued|provided|paid)"
                                 r"|(?:continues?|continued)\s+to\s+receive|(?:are|were|is|was)\s+(?:still\s+)?receiving)\b")


# What some of them did or were given since, whoever they are: "12,500 refugees from the region have found employment",
# "1,000 refugees registered as entrepreneurs", "4,200 displaced persons have been granted citizenship", "5,300 …
# applied for citizenship" (a part, not the count of the displaced; not "received the lump sum", which all were paid,
# nor "registered as refugees" or asylum: arrivals)
SOME_DID_AFTER = _PATTERNS.compile(r"^\s*(?:(?:from|in)\s+(?:[\w’'()-]+\s+){1,4}?)?(?:(?:have|has|had)\s+)?"
                                   r"(?:already\s+|now\s+|officially\s+|so\s+far\s+)?(?:"
                                   r"found\s+(?:\w+\s+)?(?:employment|jobs?|work)|registered\s+as\s+(?:\w+\s+)?(?:entrepreneurs?|voters?|businesses)\b"
                                   r"|applied\s+for\s+(?:\w+\s+)?(?:citizenship|passports?)\b"
                                   r"|(?:been\s+)?(?:granted|given)\s+(?:\w+\s+)?(?:citizenship|passports?)"
                                   r"|(?:obtained|acquired|received|taken\s+up|become)\s+(?:\w+\s+)?(?:citizenship|passports?|citizens)\b)")


THAT_HURT = _PATTERNS.compile(r"\s(?:that|which)\s+(?:(?:had|has|have)\s+)?(?:killed|wounded|injured|claimed)\b", re.IGNORECASE)


def _own(after: str) -> str | None:
    """The measure named after a count in its own part of the clause (up to `NEXT_PART`; not the casualties of another
    number, `OTHERS_HURT`)."""
    own = after[:m.start()] if (m := NEXT_PART.search(after)) else after
    own = OTHERS_HURT.sub(" ", own)
    later = THAT_HURT.search(own)       # "250 were injured in the explosion that killed 12": the 12's verb, not the 250's
    return _words(own[:later.start()] if later else own)


def _words(window: str) -> str | None:
    """The first measure whose words are in a window."""
    return next((measure for measure, rule in MEASURE_RULES if re.search(rule, window)), None)


HELPERS = ("doctors", "nurses", "volunteers", "officials", "journalists")
FLED = _PATTERNS.compile(r"\b(?:fled|flee\w*|escaped|displaced)\b")                  # fleeing, whatever for
TO_HELP = _PATTERNS.compile(r"\bto\s+(?:help|treat|assist|cover|report|support|care|work|serve|aid)\b")   # "left … to work in the camps"
CAME = _PATTERNS.compile(r"\b(?:arriv\w*|came|come|reached|deployed|sent|dispatched)\b")   # (not "crossed … with their families")
OUTRANK_TOPIC = ("killed", "wounded", "missing", "detained", "rescued")   # words no topic's signal overrides


def _topic(w: _Around) -> str | None:
    """The topic's own signal (topic.yml's measures' verbs and words): its verb after the count, its counted noun,
    its verb before the count; never over a casualty's, detention's or rescue's words after the count ("30
    evacuees were killed"), nor, for the noun and the verb before, before it ("the blast killed a further 30 …")."""
    if not (w.rules.nouns or w.rules.verbs) or _words(w.after) in OUTRANK_TOPIC:
        return None
    return w.rules.verb(w.after) or (None if _words(w.before) in OUTRANK_TOPIC else
                                     w.rules.noun(w.noun) or w.rules.verb(w.before))


# Nouns that name their measure: "5 dead and 20 wounded" (whatever verb follows), "1 million displaced".
NOUN_MEASURE = {"dead": "killed", "wounded": "wounded", "injured": "wounded", "lives": "killed", "deaths": "killed",
                "fatalities": "killed", "displaced": "displaced"}
SAVED = _PATTERNS.compile(r"\b(?:sav|rescu|protect|avert|prevent|avoid)\w*\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)       # "saved 200 lives" were not lost
AFFECTED_AFTER = _PATTERNS.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:benefit\w*|in need|affected)\b")  # "2 million people were affected"
# "12,000 refugees require health assistance", "5,000 people need urgent care" (now: not "30 patients who needed care died")
NEED_AFTER = _PATTERNS.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:need|require)s?\s+(?:[\w-]+\s+){0,2}?"
                               r"(?:assistance|aid|help|support|care|treatment|shelter|food)\b(?![^.;]*\b(?:died|killed)\b)")
# A count said to be coming, not come: "could rise to 120,000", "5,000 more are expected to arrive".
PROJECTED_AFTER = _PATTERNS.compile(r"^\s*(?:(?!and\b|or\b|but\b|which\b|who\b|while\b)[\w-]+\s+){0,2}?"
                                    r"(?:could|may|might|would|will|(?:are|is)\s+(?:expected|likely|set))\b")
PROJECTED_BEFORE = _PATTERNS.compile(r"\b(?:could|may|might|would|will|expected to|likely to|set to|projected to|forecast to"
                                     r"|(?:prepared|ready)\s+to"          # "prepared to receive as many as 10,000": a capacity
                                     r"|(?:space|room|capacity)\s+(?:to|for)(?!\s+(?:the|these|those|its|their)\b))\s+"   # "space to accommodate 40,000"
                                     r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# "Half of the 10,000 residents have fled", "one in three of the 6,000 …", "40 percent of the 5,000 refugees", "8,000
# of the 50,000 …": a whole a part of which the verb counts.
WHOLE_BEFORE = _PATTERNS.compile(r"\b(?:half|a\s+third|a\s+quarter|two-thirds|three-quarters|(?:one|two|three|four|\d+)\s+in\s+"
                                 r"\w+|\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)|\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million))?(?=\s+of\b)"
                                 r")\s+(?:of\s+)?(?:the|its|their|these|those)\s+"
                                 r"(?:[\w’'-]+\s+){0,2}?$", re.IGNORECASE)
# "65,036 people out of a total of 120,000 ethnic Sylvanians have left": the whole of a part counted before it.
OUT_OF = _PATTERNS.compile(r"\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million))?\s+(?:[\w’'-]+\s+){0,3}?out\s+of\s+(?:a\s+total\s+of\s+"
                           r"|the\s+|an?\s+estimated\s+)?(?:some\s+|about\s+|around\s+)?$", re.IGNORECASE)
# Where the clause describing a whole ends and the sentence's verb begins: "the 50,000 who call it home | had crossed".
MAIN_VERB = _PATTERNS.compile(r"\s(?:had|have|has|were|was|are|is|will|would|could|may|might)\b")
# "… who call the valley home", "… who live there": those who live there, a population.
LIVE_THERE = _PATTERNS.compile(r"(?:call(?:s|ed)?\s+(?:[\w’'-]+\s+){1,3}?home|liv(?:e|es|ed)|resid(?:e|es|ed)|inhabit(?:s|ed)?)\b"
                               r"(?!\s+through)",
                               re.IGNORECASE)
PARTICIPLE_THEN = _PATTERNS.compile(r"^\s*(?P<p>[a-z]+)\s+(?:were|was|are|is|have|has|had|remain\w*|in|at|on)\b")
RELATIVE_AFTER = _PATTERNS.compile(r"^\s*(?:[\w-]+\s+)?(?:who|that)\s+(?P<clause>.*)$")
# "food for 35,000 people", "tents for 2,000 families": those the help is for.
SUPPLY_FOR = _PATTERNS.compile(r"\b(?:food|aid|supplies|rations|meals|water|shelters?|tents|kits|assistance|medicines?|vaccines?|"
                               r"help)\s+(?:[\w-]+\s+){0,2}?for\s+(?:some\s+|about\s+|around\s+|up\s+to\s+|more\s+than\s+)?$", re.IGNORECASE)


def _whole(w: _Around) -> str | None:
    """The measure of a whole a part of which the sentence counts: what its own words say ("the 5,000 refugees",
    "the 2,000 people who fled", "the 10,000 residents"), never the verb that counts the part."""
    if not (WHOLE_BEFORE.search(w.near) or OUT_OF.search(w.near)):
        return None
    relative = RELATIVE_AFTER.match(w.after)
    participle = PARTICIPLE_THEN.match(w.after)
    words = relative["clause"] if relative else participle["p"] if participle else ""
    if relative:                   # its own clause, not the sentence's verb after it
        words = words[:m.start()] if (m := MAIN_VERB.search(words)) else words
        if LIVE_THERE.match(words):
            return "population"
    noun = w.noun.lower()          # "the 300 people killed were …": its participle; else its noun
    return _own(words) or NOUN_MEASURE.get(noun) or ("arrivals" if noun in ARRIVING else
                                                     "population" if noun in ("residents", "inhabitants") else
                                                     "displaced" if re.search(r"\bdisplaced\b", w.desc) else
                                                     _population(w) or "people")


VICTIMS = _PATTERNS.compile(r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}victims\b")
# The measure of a count of people: the first of these that names one (order matters).
# "1,800 people have died or gone missing", "2,500 were killed or injured": two measures in one count, neither alone.
KILLED_OR = _PATTERNS.compile(r"^[^.;]{0,40}?\b(?:killed|died|dead)\s+or\s+(?:(?:have|has|had|are|were)\s+)?(?:injured|wounded|hurt|"
                              r"missing|gone\s+missing|went\s+missing|disappeared)\b|^[^.;]{0,40}?\b(?:injured|wounded)\s+or\s+killed\b",
                              re.IGNORECASE)
HURT_AFTER = _PATTERNS.compile(r"^\s*(?:who\s+(?:had\s+|have\s+)?(?:been\s+|were\s+)?)?(?:wounded|injured|hurt|burned|burnt)\b")


def _patients(w: _Around) -> str | None:
    """Patients and victims taken to hospital or abroad are no arrivals ("3 severely injured patients were evacuated",
    "the centre has received seven victims"): killed, hurt or missing if their words say so, else other (a patient
    is hurt only if the words before the noun say so)."""
    noun = w.noun.lower()
    if noun not in ("patients", "victims"):
        return None
    after = _own(w.after)               # (a patient in hospital is not one hurt: "92 patients are hospitalised")
    hurt = noun == "victims" or after == "killed" or HURT_AFTER.match(w.after)      # "90 patients wounded in the blast"
    return next((said for said in (after if hurt else None, _words(w.desc)) if said in CASUALTIES), "other")


# Bodies or people identified ("138 of the dead were identified", "failed to identify the 3 people killed"): a count of
# the identification, not a toll
IDENTIFIED_AFTER = _PATTERNS.compile(r"^\s*(?:of\s+(?:them|the\s+\w+)\s+|[a-z]+\s+)?(?:(?:were|was|have\s+been|has\s+been|had\s+been|be)\s+"
                                     r"(?:not\s+)?(?:yet\s+)?(?:positively\s+)?identified(?!\s+(?:as|and)\b)|remain\s+unidentified)\b",
                                     re.IGNORECASE)
IDENTIFY_BEFORE = _PATTERNS.compile(r"\bidentify\s+(?:the\s+)?(?:remains\s+of\s+|bodies\s+of\s+)?(?:all\s+|only\s+|[a-z]+-[a-z]+\s+)?$",
                                    re.IGNORECASE)
# People whose fate is unknown: "the location of 21 people is unknown", "the whereabouts of 40 remain unknown"
UNKNOWN_FATE = (_PATTERNS.compile(r"\b(?:whereabouts|fate|location)\s+of\s+(?:the\s+|another\s+|some\s+|about\s+)?$",
                                  re.IGNORECASE),
                _PATTERNS.compile(r"^[^.;]{0,60}?\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?(?:unknown|unclear"
                                  r"|not\s+known)\b", re.IGNORECASE))

PEOPLE_RULES = (
    lambda w: "other" if KILLED_OR.match(w.after) else None,
    lambda w: "other" if IDENTIFIED_AFTER.match(w.after) or IDENTIFY_BEFORE.search(w.near) else None,
    lambda w: "missing" if UNKNOWN_FATE[0].search(w.near) and UNKNOWN_FATE[1].match(w.after) else None,
    # "the number of mine victims has reached 314": victims are the killed and the hurt together, neither alone
    lambda w: "other" if VICTIMS.search(w.before) and not _words(w.after) and w.noun.lower() not in CASUALTY_NOUNS else None,
    lambda w: "people" if ASKED_OF.search(w.head) else None,                 # "HRW interviewed 14 individuals"
    _patients,
    _whole,
    lambda w: "affected" if SUPPLY_FOR.search(w.near) and not _words(w.desc) else None,
    lambda w: "affected" if AFFECTED_AFTER.match(w.after) else None,
    lambda w: "affected" if NEED_AFTER.match(w.after) and w.noun.lower() not in CASUALTY_NOUNS and not _words(w.desc) else None,
    lambda w: "people" if PLACE_OF.search(w.near) else None,
    lambda w: "people" if PROJECTED_AFTER.match(w.after) or PROJECTED_BEFORE.search(w.near) else None,
    _population,                                                              # before any verb: a population "fled"
    lambda w: "other" if w.noun.lower() == "deaths" and "birth" in w.before + w.after else None,   # births and deaths
    lambda w: ("people" if SAVED.search(w.near) else NOUN_MEASURE[w.noun.lower()]) if w.noun.lower() in CASUALTY_NOUNS else None,
    lambda w: "remaining" if re.search(REMAINING_AFTER, w.after) and _own(w.after) not in REMAIN_AS
    or THERE_BEFORE.search(w.before) and LEFT_ALONE.match(w.after) else None,      # "there were still 100,000 left"
    lambda w: "other" if SOME_DID_AFTER.match(w.after) else None,
    # "3,226 people have received passports", "41,000 people have already received the payment": what they received,
    # not arrivals (not "were received", nor "… displaced persons received …": the noun says who they are)
    lambda w: "other" if RECEIVED_AFTER.match(w.after) and not _words(w.desc) and w.noun.lower() not in ARRIVING
    and _own(w.after) != "wounded" else None,                                 # (not "received treatment for burns")
    # "41,000 people have been paid the allowance", "345 persons continue to receive treatment": what was done for them,
    # unless their words say who they are ("15,264 displaced children were enrolled": a part of the displaced)
    lambda w: "other" if SERVED_AFTER.match(w.after) and not _words(w.desc) and w.noun.lower() not in ARRIVING else None,
    # "a few hundred persons remain" (not "50 remain missing")
    lambda w: VERB_BEFORE[m.group(1).lower()] if (m := _VERB_BEFORE.search(w.near)) else None,   # "killed 32 and wounded 100"
    # "two doctors have arrived", "40 volunteers came": those who come to help are no arrivals of the displaced
    lambda w: "other" if w.noun.lower() in HELPERS and _own(w.after) == "arrivals" and not FLED.search(w.after)
    and (TO_HELP.search(w.after) or CAME.search(w.after)) else None,
    lambda w: "killed" if LIVES_BEFORE.search(w.near) else None,                # "claimed the lives of 200 people"
    lambda w: "arrivals" if ABANDONED_BY.search(w.near) and (w.noun.lower() in RESIDENTS or w.noun[:1].isupper()) else None,
    lambda w: "affected" if TARGETED.search(w.near) else None,               # "a plan to help 136,000 refugees"
    lambda w: "displaced" if AMONG.search(w.head) or AMONG_AFTER.match(w.after) else None,   # a part of the arrivals
    _topic,                                                                   # the topic's verbs and words
    lambda w: _own(w.after),                                              # "192 soldiers were killed"
    lambda w: NOUN_MEASURE.get(w.noun.lower()),                               # "1 million displaced"
    # "the blast killed 20 people" (not "killed 9 farmers and kidnapped 31": the verb of its own part; not "the storm
    # left 80,000 people without power": "left" before a count is what the storm did to them, not a departure)
    lambda w: None if LEFT_BEFORE.search(w.before) else _words(AND_BEFORE.split(w.before)[-1]),
    lambda w: "affected" if re.search(r"\b(?:in need|affected)\b", w.before) else None,   # "the number of people in need"
    lambda w: "arrivals" if w.noun.lower() in ARRIVING else None,
    lambda w: "displaced" if re.search(r"\bdisplaced\b", w.desc) else None,  # "100 thousand displaced people"
    lambda w: "population" if re.search(r"\bpopulation\b", w.after) else None,
)


def classify(sentence: str, start: int, end: int, unit: str, noun: str, about: str = "", lead: int | None = None,
             rules: Rules = NO_RULES) -> str:
    """The measure a figure counts: by its unit, else by the words around it (`rules`: the topic's own)."""
    if unit in BY_UNIT:
        return BY_UNIT[unit]
    w = _around(sentence, start, end, noun, about, lead, rules)
    if unit != "people":                          # an amount of money
        if LEGAL.search(w.before + " " + w.after) or PER_PERIOD.match(w.after):
            return "other"                        # (an appeal for "$30 million a month" is no total asked for)
        if re.search(ASKED, w.before + " " + OWN_CLAUSE.split(w.after, maxsplit=1)[0]) or ASKED_VERB.search(w.before):
            return "appeal"                       # (not "the $2.5 million in aid comes after the party called for action")
        if re.search(NOT_AID, w.before + " " + w.after) or PRICE_BEFORE.search(w.near):
            return "other"
        each = (re.search(PER_BEFORE, w.before, re.IGNORECASE) or PER_LISTED.search(w.head)) \
            and not TOTAL_BEFORE.search(w.before) and not TOTAL_AFTER.match(w.after)
        return "other" if re.search(PER_AFTER, w.after) or each else "aid"
    for rule in PEOPLE_RULES:
        measure = rule(w)
        if measure:
            return measure
    return "people"


ONE_IN = _PATTERNS.compile(rf"\b(?:\d+|{NUMBER_WORDS})\s+(?:in|out\s+of\s+every)\s+(?:every\s+)?$", re.IGNORECASE)   # "one in
# three", "2 in 5", "one out of every 30" (not "2,000 out of 120,000": a part of a whole)
# "ninety-nine point nine": the decimals of a number in words (not "at this point 300 …", "at one point 300 …")
NO_ONE = _PATTERNS.compile(r"\b(?:no|not|every|any)\s+$", re.IGNORECASE)
ONE_OF = _PATTERNS.compile(r"\s+of\s+(?:the|those|these|its|their|his|her|our|them)\b", re.IGNORECASE)
POINT_BEFORE = _PATTERNS.compile(rf"(?<!\bat\s)\b(?:\d+|{NUMBER_WORDS})\s+point\s+$", re.IGNORECASE)


def find(sentence: str, rules: Rules = NO_RULES) -> list[Found]:
    """The figures of a sentence, in order (`rules`: the topic's own words and verbs for its measures)."""
    out: list[Found] = []
    for m in AMOUNT.finditer(sentence):
        if out and m.start() < out[-1].end:
            continue                # inside the previous figure (its conversion in brackets)
        if ONE_IN.search(sentence, 0, m.start()):
            continue                # "one in three", "two in five": a ratio
        if POINT_BEFORE.search(sentence, max(0, m.start() - 40), m.start()):
            continue                # "Ninety-nine point nine per cent", "one point two million": not 9, not 2 million
        if m.group("n").lower() == "one" and not m.group("scale") and (NO_ONE.search(sentence, max(0, m.start() - 10), m.start())
                                                                      or ONE_OF.match(sentence, m.end())):
            continue                # "no one was killed", "not one lives there": nobody; "one of the soldiers killed": a person
        counted = _counted(sentence, m, out, rules)
        if counted is None:
            continue
        value = _read(m.group("n"), m.group("scale"))      # read only a figure's number (number-parser is slow)
        if value is not None:
            out.append(_figure(sentence, m, value, counted, rules))
    _share_verb(sentence, out)
    _subgroups(sentence, out)
    _increments(sentence, out)
    return [f for f in out if not _a_person(f)]


def _a_person(f: Found) -> bool:
    """"One of the refugees told us", "one woman said": a person, not a count (unless one was killed)."""
    return f.unit == "people" and f.value == 1 and f.value_max is None and f.metric not in CASUALTIES


# Dollars of another country, written with its letters before the sign ("A$1.5 million", "C$10 million", "R$19
# billion"): not US dollars. Letters the table does not know make no figure.
OTHER_DOLLARS = {"A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "NZ": "NZD", "HK": "HKD", "S": "SGD", "SG": "SGD",
                 "NT": "TWD", "R": "BRL", "MX": "MXN", "J": "JMD", "Z": "ZWL", "L": "LRD"}
_LETTERS_BEFORE_DOLLAR = _PATTERNS.compile(r"(?<![A-Za-z])([A-Z]{1,2})$")


def _other_dollar(sentence: str, m: re.Match) -> str | None:
    """The currency of "A$", "C$", "R$" … before an amount ("" for letters not in OTHER_DOLLARS); None for "$", "US$"."""
    for name in ("sym", "sym0", "sym1"):
        if m.group(name) in ("$", "\\$"):
            before = _LETTERS_BEFORE_DOLLAR.search(sentence, 0, m.start(name))
            if before and before.group(1) != "US":
                return OTHER_DOLLARS.get(before.group(1), "")
    return None


def _stated_unit(g: dict) -> str | None:
    """The unit written with an amount: a percent sign, a currency symbol, code or word."""
    symbol = g.get("sym") or g.get("sym0") or g.get("sym1")
    if g.get("pct"):
        return "percent"
    if symbol:
        return SYMBOLS.get(symbol.replace("\\", ""))
    if g.get("code") or g.get("code0"):
        return (g.get("code") or g["code0"]).strip().upper()
    return CURRENCY_WORDS.get(g["cw"].casefold()) if g.get("cw") else None     # "ſ" and "ı" match s and i


# A day of a month: "September 19-20", "19 September" (case kept: "may" is no month).
DAY_OF_MONTH = (_PATTERNS.compile(rf"\b{MONTH_IN_TEXT}\b\.?\s*$"), _PATTERNS.compile(rf"^\s*(?:{MONTH_IN_TEXT})\b"))


def _a_day(sentence: str, m: re.Match) -> bool:
    return bool(DAY_OF_MONTH[0].search(sentence[max(0, m.start() - 12):m.start()]) or DAY_OF_MONTH[1].match(sentence[m.end():]))


def _counted(sentence: str, m: re.Match, found: list[Found], rules: Rules = NO_RULES) -> Counted | None:
    """What an amount counts; None if it is no figure."""
    g = m.groupdict()
    if any(g.get(k) for k in ("pct", "sym", "sym0", "sym1", "code", "code0", "cw")):
        unit = _other_dollar(sentence, m)
        unit = _stated_unit(g) if unit is None else unit
        converts = unit and unit != "percent" and _a_conversion(sentence[max(0, m.start() - 40):m.start()])
        return Counted(unit, end=m.end()) if unit and not converts else None
    rest = sentence[m.end():]
    counted = rules.counted()
    year = YEAR.fullmatch(g["n"]) and _scale(g.get("scale")) == 1 and not (g.get("qual") and counted.match(rest))
    if NOT_A_FIGURE.match(rest) or year or _a_day(sentence, m) or RATE_AFTER.match(rest) \
            or RATE_BEFORE.search(sentence, 0, m.start()):            # "more than 2000 people" is no year
        return None
    c = counted.match(rest)
    if c:
        noun = c.group("noun")
        desc = " ".join(w for w in c.group("desc").split() if w.lower() not in ("of", "its", "their", "the", "his", "her", "our"))
        unit = rules.unit(noun) or next((u for u, nouns in (("vehicles", VEHICLES), ("buildings", BUILDINGS))
                                         if re.fullmatch(nouns, noun.lower())), "people")
        return Counted(unit, noun, (desc + " " + noun).strip(), m.end() + c.end())
    for rule in UNSAID:
        got = rule(sentence, m, found, rules)
        if got is not None:
            return got
    return None


# A count whose sentence goes on: the end of its clause, not a noun we do not count ("10 Russian tanks").
CLAUSE_GOES_ON = _PATTERNS.compile(r"^\s*(?:[,.;:)\-–—]|$|(?:and|or|in|on|at|as|by|since|during|after|from|over|according|so far|"
                                   r"last|this|earlier|now|were|was|had|have|has)\b)", re.IGNORECASE)
CASUALTY_AFTER = _PATTERNS.compile(r"^\s+(?:(?:were|was|are|is|have been|had been|has been)\s+)?(?:killed|wounded|injured|hurt|died|dead|missing)\b",
                                   re.IGNORECASE)
_ROSE = r"(?:risen|rose|climbed|grown|grew|increased|jumped)"       # a count's rise "from N … to M"
_STATE = (r"(?:(?:has|had|have)\s+)?(?:now\s+|already\s+|officially\s+)?(?:is|was|are|were|stands?\s+at|stood\s+at|reached|"
          r"risen\s+to|rose\s+to|climbed\s+to|grown\s+to|grew\s+to|increased\s+to|jumped\s+to|totals?|totalled|totaled|"
          r"exceeds?|exceeded|passed|surpassed|"
          # "rose from 28,000 on Tuesday to 50,000": the count it rose to
          rf"{_ROSE}\s+from\s+(?:about\s+|some\s+|around\s+)?\d[\d,.]*"
          r"(?:\s+(?:thousand|million))?(?:\s+[^\s,;]+){0,4}?\s+to)")
# "the number of registered persons is 91,924", "whose number has reached 13,500", "the death toll rose to 170"
NUMBER_OF = _PATTERNS.compile(rf"\b(?:(?:the|their|its)\s+(?:total\s+|overall\s+|official\s+)?(?:number|count|tally|total)\s+of\s+(?P<what>[^,;:()]{{1,80}}?)"
                              rf"|(?P<whose>whose)\s+(?:total\s+)?number|(?P<toll>(?:the\s+)?(?:death\s+)?toll(?:\s+(?:from|in|of)\s+[^,;]{{1,100}}?)?)"
                              rf"|(?P<subject>\b(?:{PEOPLE}|refugee|arrival)s?\b(?:\s+(?:in|to|from|at)\s+[A-Z][\w’'-]*)?(?:\s+numbers)?))"
                              rf"\s+{_STATE}\s+$", re.IGNORECASE)
# "Another 23 people died, taking the death toll to 148", "bringing the total rescued to 1,150": the running count.
TAKING_TO = _PATTERNS.compile(r"\b(?:taking|bringing|pushing|raising|lifting|putting)\s+(?:the\s+)?(?P<what>(?:overall\s+|total\s+|"
                              r"official\s+)?(?:death\s+)?toll|total\s+(?:number\s+of\s+)?(?:dead|deaths|killed|injured|wounded|missing|"
                              r"rescued|detained|arrested|displaced|evacuated)|(?:total\s+)?number\s+of\s+[\w\s-]{1,40}?)\s+to\s+$", re.IGNORECASE)
# The last word of each of _STATE's forms: a text NUMBER_OF can match ends with one of them, then white space.
STATE_LAST = frozenset("is was are were at reached to total totals totalled totaled exceed exceeds exceeded passed "
                       "surpassed".split())


def _may_state(head: str) -> bool:
    """False where NUMBER_OF cannot match `head` (most counts): it does not end with one of STATE_LAST, then
    white space (`words.last_word`). Searching NUMBER_OF itself tries its many nouns at every word."""
    last = last_word(head)
    return last is None or last in STATE_LAST
_COUNTABLE = rf"\b(?:(?P<v>{VEHICLES})|(?P<p>{PEOPLE}|deaths|arrival))\b"


def _countable(rules: Rules) -> str:
    """_COUNTABLE, with the topic's counted nouns tried first."""
    return rf"\b(?:{rules.alternation()}(?P<v>{VEHICLES})|(?P<p>{PEOPLE}|deaths|arrival))\b" if rules.nouns else _COUNTABLE
PART_OF = _PATTERNS.compile(r"^\s+of\s+(?:(?:the|its|their)\s+)?(?:[\w’'-]+(?:'|’)s\s+)?")     # "88,780 of the region's 120,000 …"
OF_THE_PEOPLE = _PATTERNS.compile(r"^\s+of\s+(?:the|its|their)\s+(?:[\w’'-]+\s+){0,2}?(?:population|inhabitants|residents)\b",
                                  re.IGNORECASE)                                   # "100,000 of the region's population"
CHANGE_FROM = _PATTERNS.compile(r"\b(?:increase|rise|up|down|decrease|drop|fall|jump|climb|growth)\s+from\s+$", re.IGNORECASE)


def _named_population(sentence: str, m: re.Match, found: list[Found], rules: Rules) -> Counted | None:
    near = sentence[max(0, m.start() - 60):m.start()]
    return Counted("people", "population", end=m.end()) if re.search(POPULATION_BEFORE, near) else None


def _casualty_verb(sentence: str, m: re.Match, found: list[Found], rules: Rules) -> Counted | None:
    """"511 were wounded", "the strikes that killed 32 and wounded over 100"."""
    rest, lead = sentence[m.end():], max(0, m.start() - 30)
    after = CASUALTY_AFTER.match(rest)
    if after:
        return Counted("people", end=m.end(), words=(m.start(), m.end() + after.end()))
    verb = _VERB_BEFORE.search(sentence[lead:m.start()])
    return Counted("people", end=m.end(), words=(lead + verb.start(), m.end())) if verb and CLAUSE_GOES_ON.match(rest) else None


ROSE_FROM = _PATTERNS.compile(rf"\b{_ROSE}\s+$", re.IGNORECASE)


def _number_of(sentence: str, m: re.Match, found: list[Found], rules: Rules) -> Counted | None:
    """A count stated as the state of a number: its noun is named before it."""
    head = sentence[:m.start()]
    taking = TAKING_TO.search(head) if last_word(head) == "to" else None
    if taking and CLAUSE_GOES_ON.match(sentence[m.end():]):      # "…, taking the death toll to 148"
        nouns = list(re.finditer(_countable(rules), taking.group("what"), re.IGNORECASE))   # "the number of evacuees"
        return Counted("people", nouns[-1].group(0) if nouns else None, end=m.end(), about=taking.group("what"),
                       words=(taking.start(), m.end()))
    if (m.groupdict().get("from") or "").lower() == "from" and ROSE_FROM.search(head):
        head += "to "               # "the death toll rose from 20 to 68": the count it rose to, from the one before
    n = NUMBER_OF.search(head) if _may_state(head) else None
    if not n or not CLAUSE_GOES_ON.match(sentence[m.end():]):
        return None
    if n.group("subject") and re.search(r"\b(?:is|was|are|were)\s+$", n.group(0)):
        return None                                 # "the refugees were 5 …": not a count's state
    what, countable = n.group("what") or n.group("toll") or n.group("subject") or "", _countable(rules)
    if n.group("whose"):                            # "people taking refuge in Sylvania, whose number …"
        nouns = list(re.finditer(countable, sentence[max(0, n.start() - 100):n.start()], re.IGNORECASE))
        what = sentence[max(0, n.start() - 100):n.start()][nouns[-1].start():] if nouns else ""
    c = next(reversed(list(re.finditer(countable, what, re.IGNORECASE))), None)     # the noun: "displaced people"
    if not (c or n.group("toll")):
        return None
    unit = (rules.unit(c.group(0)) or ("vehicles" if c.group("v") else "people")) if c else "people"
    return Counted(unit, c.group(0) if c else None, end=m.end(), about=what, words=(n.start(), m.end()))


def _part_of(sentence: str, m: re.Match, found: list[Found], rules: Rules) -> Counted | None:
    """"88,780 of the territory's estimated 120,000 ethnic Sylvanians": a part counts what the whole counts."""
    if OF_THE_PEOPLE.match(sentence[m.end():]):
        return Counted("people", end=m.end())
    p = PART_OF.match(sentence[m.end():])
    whole = AMOUNT.match(sentence, m.end() + p.end()) if p else None
    counted = _counted(sentence, whole, found, rules) if whole and whole.group("n") else None
    if counted is None or counted.noun is None or counted.unit not in ("people", "vehicles"):
        return None
    return Counted(counted.unit, counted.noun, counted.who, m.end())


def _change_from(sentence: str, m: re.Match, found: list[Found], rules: Rules) -> Counted | None:
    """"4,850 people had crossed – an increase from approximately 3,000": the earlier count of the same measure."""
    head = sentence[:m.start()]
    change = CHANGE_FROM.search(head) if last_word(head) in ("from", None) else None
    if not found or found[-1].unit not in ("people", "vehicles") or not change:
        return None
    return Counted(found[-1].unit, end=m.end(), metric=found[-1].metric, words=(change.start(), m.end()))


MOVED_AFTER = _PATTERNS.compile(r"^\s+(?:(?:have|has|had)\s+)?(?:arrived|fled|crossed|left|entered)\b", re.IGNORECASE)
# ... and told with more words ("around 13,000 are thought to have fled", "up to 1 million were displaced"), in a sentence
# that counts no things or money ("about 4 million have already left the treasury", "1,000 paintings were evacuated")
MOVED_SAID = _PATTERNS.compile(r"^\s+(?:(?:have|has|had)\s+(?:already|now|so\s+far)\s+"
                               r"|(?:are|were|is|was)\s+(?:already\s+|now\s+)?(?:thought|believed|estimated|said|reported)\s+to\s+have\s+)"
                               r"(?:arrived|fled|crossed|entered)\b"
                               r"|^\s+(?:were|have\s+been|had\s+been)\s+(?:displaced|evacuated)\b", re.IGNORECASE)
ANOTHER = _PATTERNS.compile(r"\b(?:another|a further|an additional)\s+$", re.IGNORECASE)
THOUSANDS = _PATTERNS.compile(r"\d[,\u00a0 ]\d{3}\b")                 # "50,243", "50 243"
THE_BEFORE = _PATTERNS.compile(r"\b(?:the|these|those|its|their)\s+$", re.IGNORECASE)


def _thousands_of_people(sentence: str, m: re.Match, found: list[Found], after: re.Match | None) -> bool:
    """A number in thousands with no noun, before a verb of arriving ("officials said 50,243 had arrived"): people,
    unless "the" names a known group, the verb is "left" (also what remains: "12,000 left in the fund"), or the
    sentence counts things or money ("Of the 3,500 lorries, 2,100 crossed", "only 150,000 euros arrived")."""
    return bool(after and THOUSANDS.search(m.group(0)) and not THE_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
                and not after.group(0).lower().endswith("left") and not THINGS.search(sentence)
                and not any(f.unit != "people" for f in found))


THINGS = _PATTERNS.compile(rf"\b(?:{VEHICLES}|tonnes|tons|doses|containers|parcels|packages|kits|tents|boxes|units|euros?|dollars?"
                           r"|drams?|rubles?|roubles?|manats?|pounds)\b|[$€£]", re.IGNORECASE)


def _moved(sentence: str, m: re.Match, found: list[Found], rules: Rules) -> Counted | None:
    """"Another 2,000 crossed overnight", "more than 500 have fled", "officials said 50,243 had arrived", "around 13,000
    are thought to have fled", "up to 1 million were displaced": people, with a word or thousands that make it a count
    (not "the 3 crossed the river", "the 2,000 left")."""
    rest = sentence[m.end():]
    after = MOVED_AFTER.match(rest) or (None if THINGS.search(sentence) else MOVED_SAID.match(rest))
    head = sentence[max(0, m.start() - 20):m.start()]
    counting = m.group("qual") or ANOTHER.search(head) or _thousands_of_people(sentence, m, found, after)
    return Counted("people", end=m.end(), words=(m.start(), m.end() + after.end())) if after and counting else None


# The rules for a number with no noun of its own, in order.
UNSAID = (_named_population, _casualty_verb, _number_of, _part_of, _change_from, _moved)


def _figure(sentence: str, m: re.Match, value: float, counted: Counted, rules: Rules = NO_RULES) -> Found:
    g = m.groupdict()
    scale = _scale(g.get("scale"))
    value_max, previous, qualifier = None, None, _qualifier(g.get("qual"))
    n0, scale0 = (g["n0"], g["scale0"]) if g.get("n0") else (g.get("n1"), g.get("scale1"))
    low = _read(n0, scale0 or g.get("scale")) if n0 else None
    if low is not None:      # its own scale; else the high end's ("from 2 to 5 million"), unless it is the bigger number
        low *= _scale(scale0) if scale0 else scale if low < value else 1
    value *= scale
    if low is not None:
        if _changed_from(sentence, m.start()) and (g.get("from") or "").lower() == "from":
            previous = low                  # "raise from 2 to 5 million": a change
        else:
            value_max, value, qualifier = value, low, "between"
    end, converted = counted.end, None
    cm = CONVERSION.match(sentence[end:]) or (EQUIVALENT.match(sentence[end:]) if counted.unit not in ("people", "percent") else None)
    if cm:
        converted = cm.group("conv").replace("\\", "")
        end += cm.end()
    metric = counted.metric or classify(sentence, m.start(), end, counted.unit, counted.noun or "", counted.about,
                                        counted.words[0] if counted.about else None, rules)
    who = None if (counted.who or "").lower() in CASUALTY_NOUNS else counted.who       # "20 wounded": no "whose"
    if metric in CASUALTIES and who is None and (counted.noun or "").lower() not in CASUALTY_NOUNS:
        who = counted.noun
    if metric == "population":
        who = None
        if qualifier == "exact" and re.search(r"\bestimated\b", sentence[max(0, m.start() - 40):m.start()], re.I):
            qualifier = "about"
    lo, hi = counted.words or (m.start(), end)
    return Found(value=value, unit=counted.unit, qualifier=qualifier, words=sentence[lo:max(hi, end)].strip(), start=m.start(),
                 end=end, metric=metric, value_max=value_max, previous=previous, converted=converted, who=who)


def _share_verb(sentence: str, found: list[Found]) -> None:
    """"192 Freedonian soldiers and one civilian had been killed": the verb after the last one counts for all."""
    for i in range(len(found) - 1, 0, -1):
        a, b = found[i - 1], found[i]
        between = sentence[a.end:b.start]
        if a.unit == b.unit == "people" and re.fullmatch(r"\s*(?:and|,)\s*", between) and b.metric in CASUALTIES \
                and a.metric not in CASUALTIES:
            a.metric = b.metric


PART_BEFORE = _PATTERNS.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$", re.IGNORECASE)


def _increments(sentence: str, found: list[Found]) -> None:
    """"Another 23 people died, taking the death toll to 148": the 23 are what was added, not a toll; in their words."""
    running = [TAKING_TO.search(sentence[:f.start]) is not None for f in found]
    totals = {f.metric for f, total in zip(found, running) if total}
    for f, total in zip(found, running):
        added = ANOTHER.search(sentence[max(0, f.start - 20):f.start]) or re.match(r"\s*more\b", sentence[f.end:]) \
            or re.match(r"\S+\s+more\b", sentence[f.start:])          # "12 more", "Twelve more"
        if added and not total and f.metric in totals:
            f.metric = "people"


OWN_VERB = _PATTERNS.compile(r"\s+(?:\w+\s+)?(?:[a-z]+ed|fled|left|were|was|are|is|have|had)\b")   # "3,000 residents fled …"


def _subgroups(sentence: str, found: list[Found]) -> None:
    """"231,000 people including 136,000 refugees": a part keeps the measure of the count it is part of; a part of
    the arrivals is displaced people, never the arrivals' total."""
    listing = None              # the measure of a count whose parts follow its colon ("reached 200: 150 soldiers, 50 …")
    for i, b in enumerate(found):
        between = sentence[found[i - 1].end:b.start] if i else ""
        if listing and b.unit == "people" and re.fullmatch(r"\s*:\s*|[\s,]*(?:and\s+)?", between):
            b.metric = listing
            continue
        listing = found[i - 1].metric if i and found[i - 1].unit == "people" and found[i - 1].metric in CASUALTIES \
            and re.fullmatch(r"\s*:\s*", between) and b.unit == "people" and b.value < found[i - 1].value \
            and not OWN_VERB.match(sentence, b.end) else None
        if listing:
            b.metric = listing
            continue
        if b.unit != "people" or not PART_BEFORE.search(sentence[max(0, b.start - 20):b.start]):
            continue
        a = found[i - 1] if i and re.fullmatch(r"[\s,]*\w+(?:\s+\w+)?\s+", sentence[found[i - 1].end:b.start]) else None
        if a is not None and a.unit == "people" and a.metric not in ("people", "population"):
            b.metric = a.metric
        if b.metric == "arrivals":
            b.metric = "displaced"


_PATTERNS.save()
