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
    rf"(?:(?P<from>\bfrom|\bbetween)\s+(?P<sym0>{_SYM})?(?P<n0>{_NUM}|{NUMBER_WORDS}){_SCALE}?\s+(?:to|and|-)\s+)?"
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


def classify(sentence: str, start: int, end: int, unit: str, noun: str) -> str:
    after, before = _windows(sentence, start, end)
    near_before = sentence[max(0, start - 40):start].lower()
    if unit not in ("people", "vehicles", "percent"):
        if re.search(r"\b(?:appeal|appealed|request|requested|asked for|calls? for|called for)\b", before + " " + after):
            return "appeal"
        return "aid"
    if unit == "percent":
        return "share"
    if unit == "vehicles":
        return "vehicles"
    if re.search(r"population\s+(?:of\s+)?(?:\w+\s+){0,2}$", near_before) or (
            re.search(r"(?:'|’)s\s+(?:\w+\s+)?$", near_before) and noun in ("people", "residents", "inhabitants")):
        return "population"
    if re.search(r"^\s*(?:\w+\s+){0,2}(?:remain|remained|remaining|stay|stayed|left behind|are left|were left|still)\b", after):
        return "remaining"
    for window in (after, before):
        if re.search(r"\b(?:killed|died|dead|deaths?|death toll|lost their lives|fatalities)\b", window):
            return "killed"
        if re.search(r"\b(?:wounded|injured|injuries)\b", window):
            return "wounded"
        if re.search(r"\b(?:missing|disappeared)\b", window):
            return "missing"
        if re.search(r"\b(?:arriv\w*|entered|fled|left|crossed|displaced|evacuat\w*|registered|reached|poured|received|flee\w*)\b", window):
            return "arrivals"
    if noun in ("refugees", "refugee", "evacuees"):
        return "arrivals"
    if re.search(r"\bpopulation\b", after):
        return "population"
    return "people"


def find(sentence: str) -> list[Found]:
    out: list[Found] = []
    for m in AMOUNT.finditer(sentence):
        g = m.groupdict()
        scale = _scale(g.get("scale"))
        rest = sentence[m.end():]
        unit = noun = None
        who = None
        symbol = g.get("sym") or g.get("sym0")
        if g.get("pct"):
            unit = "percent"
        elif symbol:
            unit = SYMBOLS.get(symbol.replace("\\", ""), None)
        elif g.get("code"):
            unit = g["code"].upper()
        elif g.get("cw"):
            unit = CURRENCY_WORDS[g["cw"].lower()]
        else:
            if NOT_A_FIGURE.match(rest):
                continue
            if re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", g["n"]) and scale == 1:
                continue            # a year
            c = COUNTED.match(rest)
            if not c and re.search(r"population\s+(?:of\s+)?(?:\w+\s+){0,2}$", sentence[max(0, m.start() - 40):m.start()], re.I):
                unit, noun = "people", "population"
            elif not c:
                continue
            if c:
                noun = c.group("noun").lower()
                unit = "vehicles" if re.fullmatch(VEHICLES, noun) else "people"
                desc = " ".join(w for w in c.group("desc").split() if w.lower() not in ("of", "its", "their", "the", "his", "her", "our"))
                who = (desc + " " + c.group("noun")).strip()
        value = number(g["n"]) if unit is not None else None      # read only a figure's number (number-parser is slow)
        if value is None:
            continue
        value *= scale
        if out and m.start() < out[-1].end:
            continue                # inside the previous figure (its conversion in brackets)
        end = m.end()
        if noun and noun != "population":
            end = m.end() + COUNTED.match(rest).end()
        qualifier = _qualifier(g.get("qual"))
        value_max = previous = None
        if g.get("n0"):
            low = number(g["n0"])
            if low is not None:
                low *= scale if not re.search(_SCALE, g["n0"]) else 1
                changing = re.search(r"\b(?:increas\w*|rais\w*|ris\w*|grow\w*|cut\w*|reduc\w*|doubl\w*|boost\w*|lower\w*|up)\b",
                                     sentence[:m.start()], re.IGNORECASE)
                if changing and g["from"].lower() == "from":
                    previous = low
                else:
                    value_max, value = value, low
                    qualifier = "between"
        converted = None
        cm = CONVERSION.match(sentence[end:])
        if cm:
            converted = cm.group("conv").replace("\\", "")
            end += cm.end()
        words = sentence[m.start():end].strip()
        metric = classify(sentence, m.start(), end, unit, noun or "")
        if metric in ("killed", "wounded", "missing") and who is None:
            who = noun
        if metric == "population":
            who = None
            if qualifier == "exact" and re.search(r"\bestimated\b", sentence[max(0, m.start() - 40):m.start()], re.I):
                qualifier = "about"
        out.append(Found(value=value, unit=unit, qualifier=qualifier, words=words, start=m.start(), end=end,
                         metric=metric, value_max=value_max, previous=previous, converted=converted, who=who))
    # "192 Azerbaijani soldiers and one civilian had been killed": the verb after the last one counts for all
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        between = sentence[a.end:b.start]
        if a.unit == b.unit == "people" and re.fullmatch(r"\s*(?:and|,)\s*", between) and b.metric in ("killed", "wounded", "missing"):
            a.metric = b.metric
    return out
