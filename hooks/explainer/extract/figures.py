"""Find the figures in a sentence: number, unit, qualifier, and what the number counts.

A number becomes a figure only with a unit we can name: people (and the nouns that count
people), vehicles, a currency (as an ISO 4217 code) or a percentage. Years, times of day,
durations, ages and photo counters ("3 of 20") are never figures. Conversions the source
gives in brackets are kept as written; we never convert.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import NUMBER_WORDS, number

PEOPLE = (r"people|persons|person|residents|resident|refugees|refugee|civilians|civilian|soldiers|soldier|troops|"
          r"servicemen|serviceman|fighters|children|child|men|women|Armenians|Azerbaijanis|inhabitants|evacuees|"
          r"individuals|migrants|displaced|detainees|prisoners|volunteers|officials|patients|wounded|dead")
VEHICLES = r"vehicles|vehicle|cars|trucks|buses|ambulances|lorries"
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "swiss franc": "CHF", "swiss francs": "CHF", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "manat": "AZN", "manats": "AZN",
    "dram": "AMD", "drams": "AMD", "yen": "JPY", "yuan": "CNY",
}
CURRENCY_CODES = ("USD", "EUR", "CHF", "GBP", "RUB", "AZN", "AMD", "JPY", "CNY")
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
_QUAL = "|".join(q for q, _ in QUALIFIERS)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:thousand|million|billion|mn|bn)\b|(?:m|bn|b)\b)"
_SYM = r"(?:US\$|\\?\$|€|£|₽|¥)"
_CUR_WORDS = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))

AMOUNT = re.compile(
    rf"(?P<qual>\b(?:{_QUAL})\s+)?"
    rf"(?:(?P<from>\bfrom|\bbetween)\s+(?P<sym0>{_SYM})?(?P<n0>{_NUM}|{NUMBER_WORDS})(?P<scale0>{_SCALE})?\s+(?:to|and|-)\s+)?"
    rf"(?P<sym>{_SYM})?(?<![\w.,])(?P<n>{_NUM}|(?<!-)\b(?:{NUMBER_WORDS})\b)(?P<scale>{_SCALE})?"
    rf"(?P<tail>\s+(?P<code>{'|'.join(CURRENCY_CODES)})\b|\s+(?P<cw>(?i:{_CUR_WORDS}))\b|\s*(?P<pct>%|percent\b|per cent\b))?",
    re.IGNORECASE)
# After the number: up to three describing words, then the counted noun ("192 Azerbaijani soldiers",
# "4,850 Nagorno-Karabakh residents", "two of its soldiers").
_DESC = r"(?:[A-Z][\w’'-]*|ethnic|more|other|additional|new|local|displaced|wounded|injured|elderly|foreign|armed|young|unarmed|military|civilian|of\s+(?:its|their|the|his|her|our))"
COUNTED = re.compile(rf"^(?P<desc>(?:\s+{_DESC}){{0,3}})\s+(?P<noun>{PEOPLE}|{VEHICLES})\b")
NOT_A_FIGURE = re.compile(r"^(?:\s*(?:-|–)?\s*(?:year|month|week|day|hour|minute|km|kilomet|mile|a\.m\.|p\.m\.|am\b|pm\b|:\d|of \d|st\b|nd\b|rd\b|th\b))",
                          re.IGNORECASE)
CONVERSION = re.compile(rf"^\s*\((?:about |around |some |or )?(?P<conv>{_SYM}\s?(?:{_NUM})(?:{_SCALE})?(?:\s+[A-Z]{{3}})?)\)")



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


def _scale(text: str | None) -> float:
    return SCALE.get((text or "").strip().lower(), 1.0)


def _qualifier(text: str | None) -> str:
    """The qualifier's words ("more than", "some") as one of QUALIFIERS' names; none is "exact"."""
    t = (text or "").strip().lower()
    for pattern, name in QUALIFIERS:
        if t and re.fullmatch(pattern, t):
            return name
    return "exact"


def _windows(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The words after a number up to the next comma or stop (an aside between dashes skipped),
    and the words before it back to the previous comma: where its verb is."""
    after = sentence[end:]
    after = re.sub(r"^\s*[-–—]\s*[^-–—]{0,80}?\s*[-–—]", " ", after)
    after = re.split(r"[,;.:]\s|[,;.:]$|\(", after, maxsplit=1)[0]
    before = sentence[:start]
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(". "))
    return after.lower(), before[cut + 1:].lower()


# The measure of a count of people, by the words of its clause: the first rule that holds in the
# words after the number, else the first in the words before it ("192 soldiers were killed").
MEASURE_RULES = [
    ("killed", r"\b(?:killed|died|dead|deaths?|death toll|lost their lives|fatalities)\b"),
    ("wounded", r"\b(?:wounded|injured|injuries)\b"),
    ("missing", r"\b(?:missing|disappeared)\b"),
    ("arrivals", r"\b(?:arriv\w*|entered|fled|left|crossed|displaced|evacuat\w*|registered|reached|poured|received|flee\w*)\b"),
]
BY_UNIT = {"percent": "share", "vehicles": "vehicles"}          # measures the unit alone decides
ASKED = r"\b(?:appeal|appealed|request|requested|asked for|calls? for|called for)\b"    # money asked for: an appeal
POPULATION_BEFORE = r"population\s+(?:of\s+)?(?:\w+\s+){0,2}$"           # "a population of around 120,000"
POSSESSIVE_BEFORE = r"(?:'|’)s\s+(?:\w+\s+)?$"                             # "the region's 120,000 inhabitants"
RESIDENTS = ("people", "residents", "inhabitants")
REMAINING_AFTER = r"^\s*(?:\w+\s+){0,2}(?:remain|remained|remaining|stay|stayed|left behind|are left|were left|still)\b"
ARRIVING = ("refugees", "refugee", "evacuees")                            # counted nouns that are arrivals
CASUALTIES = ("killed", "wounded", "missing")
YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
CHANGING = re.compile(r"\b(?:increas\w*|rais\w*|ris\w*|grow\w*|cut\w*|reduc\w*|doubl\w*|boost\w*|lower\w*|up)\b", re.IGNORECASE)


def classify(sentence: str, start: int, end: int, unit: str, noun: str) -> str:
    """The measure a figure counts: by its unit, else (people) by the words around it."""
    if unit in BY_UNIT:
        return BY_UNIT[unit]
    after, before = _windows(sentence, start, end)
    if unit != "people":                          # an amount of money
        return "appeal" if re.search(ASKED, before + " " + after) else "aid"
    near_before = sentence[max(0, start - 40):start].lower()
    if re.search(POPULATION_BEFORE, near_before) or (re.search(POSSESSIVE_BEFORE, near_before) and noun in RESIDENTS):
        return "population"                       # before any verb: "a population of 120,000 fled" is a population
    if re.search(REMAINING_AFTER, after):
        return "remaining"                        # "a few hundred persons remain" though others "fled"
    for window in (after, before):
        for measure, rule in MEASURE_RULES:
            if re.search(rule, window):
                return measure
    if noun in ARRIVING:
        return "arrivals"
    return "population" if re.search(r"\bpopulation\b", after) else "people"


def find(sentence: str) -> list[Found]:
    """The figures of a sentence, in order."""
    out: list[Found] = []
    for m in AMOUNT.finditer(sentence):
        counted = _counted(sentence, m)
        if counted is None or (out and m.start() < out[-1].end):
            continue                # no unit, or inside the previous figure (its conversion in brackets)
        value = number(m.group("n"))          # read only a figure's number (number-parser is slow)
        if value is not None:
            out.append(_figure(sentence, m, value, *counted))
    _share_verb(sentence, out)
    return out


def _stated_unit(g: dict) -> str | None:
    """The unit written with an amount: a percent sign, a currency symbol, code or word."""
    symbol = g.get("sym") or g.get("sym0")
    if g.get("pct"):
        return "percent"
    if symbol:
        return SYMBOLS.get(symbol.replace("\\", ""))
    if g.get("code"):
        return g["code"].upper()
    return CURRENCY_WORDS.get(g["cw"].casefold()) if g.get("cw") else None     # "ſ" and "ı" match s and i


def _counted(sentence: str, m: re.Match) -> tuple[str, str | None, str | None, int] | None:
    """An amount's unit, the noun it counts, whose it is, and where its words end; None if it is no figure."""
    g = m.groupdict()
    if any(g.get(k) for k in ("pct", "sym", "sym0", "code", "cw")):
        unit = _stated_unit(g)
        return (unit, None, None, m.end()) if unit else None
    rest = sentence[m.end():]
    if NOT_A_FIGURE.match(rest) or (YEAR.fullmatch(g["n"]) and _scale(g.get("scale")) == 1):
        return None
    c = COUNTED.match(rest)
    if c:
        noun = c.group("noun").lower()
        desc = " ".join(w for w in c.group("desc").split() if w.lower() not in ("of", "its", "their", "the", "his", "her", "our"))
        return ("vehicles" if re.fullmatch(VEHICLES, noun) else "people"), noun, (desc + " " + c.group("noun")).strip(), m.end() + c.end()
    if re.search(POPULATION_BEFORE, sentence[max(0, m.start() - 40):m.start()], re.I):
        return "people", "population", None, m.end()
    return None


def _figure(sentence: str, m: re.Match, value: float, unit: str, noun: str | None, who: str | None, end: int) -> Found:
    g = m.groupdict()
    scale = _scale(g.get("scale"))
    value_max, previous, qualifier = None, None, _qualifier(g.get("qual"))
    low = number(g["n0"]) if g.get("n0") else None
    if low is not None:      # its own scale; else the high end's ("from 2 to 5 million"), unless it is the bigger number
        low *= _scale(g["scale0"]) if g.get("scale0") else scale if low < value else 1
    value *= scale
    if low is not None:
        if CHANGING.search(sentence[:m.start()]) and g["from"].lower() == "from":
            previous = low                  # "raise from 2 to 5 million": a change
        else:
            value_max, value, qualifier = value, low, "between"
    converted = None
    cm = CONVERSION.match(sentence[end:])
    if cm:
        converted = cm.group("conv").replace("\\", "")
        end += cm.end()
    metric = classify(sentence, m.start(), end, unit, noun or "")
    if metric in CASUALTIES and who is None:
        who = noun
    if metric == "population":
        who = None
        if qualifier == "exact" and re.search(r"\bestimated\b", sentence[max(0, m.start() - 40):m.start()], re.I):
            qualifier = "about"
    return Found(value=value, unit=unit, qualifier=qualifier, words=sentence[m.start():end].strip(), start=m.start(),
                 end=end, metric=metric, value_max=value_max, previous=previous, converted=converted, who=who)


def _share_verb(sentence: str, found: list[Found]) -> None:
    """"192 Azerbaijani soldiers and one civilian had been killed": the verb after the last one counts for all."""
    for i in range(len(found) - 1, 0, -1):
        a, b = found[i - 1], found[i]
        between = sentence[a.end:b.start]
        if a.unit == b.unit == "people" and re.fullmatch(r"\s*(?:and|,)\s*", between) and b.metric in CASUALTIES:
            a.metric = b.metric
