"""Find the date expressions in a sentence and resolve them as a careful editor would.

Absolute dates ("Sept. 27, 2023", "25 September 2023", "28.09.2023", "September 19-20",
"in the 1920s", "since at least the 2nd century BC") and dates relative to the article's
reference day ("on Thursday", "last week", "over the weekend", "a day earlier", "In December").
Times of day and durations never become dates. `resolve()` returns every expression found;
`primary()` picks the one that dates the statement.

Date arithmetic (weeks, months, weekdays) is python-dateutil's relativedelta.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import MO, relativedelta, weekday as Weekday
from dateutil.relativedelta import FR, SA, SU, TH, TU, WE

from ..model import DateRef, When

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR,
            "saturday": SA, "sunday": SU}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# Month names as written in running text (capitalised) or in datelines (upper case).
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
MON = rf"(?:{_MON}|{_MON.upper()})\b\.?"      # upper case for datelines ("YEREVAN, SEPTEMBER 25")
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
PREP = r"(?:(?i:on|since|from|by|until|till|through|before|after|during|as of|in|of|late|early|as early as)\s+)"
NUMW = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
PART = r"(?:\s+(?:night|morning|evening|afternoon))"

# Future markers: an expression in a sentence that has one is read forwards from the reference day.
FUTURE = re.compile(r"\b(?:will|'ll|shall|plans? to|planned|intends? to|is to|are to|is (?:due|set|expected|scheduled) to"
                    r"|are (?:due|set|expected|scheduled) to|is going to|are going to|aims? to|upcoming|next)\b",
                    re.IGNORECASE)
# Relative clauses set off by commas: a date inside one is not the date of the statement.
NESTED = re.compile(r",\s+(?:(?:in|during|after|before|by|under|for)\s+)?(?:who|whom|whose|which|where|when)\b(?:[^,;:—–]|,(?=\d))*",
                    re.IGNORECASE)

_PATTERNS: list[tuple[str, re.Pattern, tuple[str, ...]]] = []

# Cheap tests that every match of a pattern needs (a digit, a month's first three letters, ...).
# `find` runs a pattern only on sentences that pass its tests, which makes it about three times
# faster and changes nothing (a property test compares it with running every pattern).
_NEEDS = {
    "digit": re.compile(r"\d"),
    "iso": re.compile(r"\d-[01]\d-\d"),
    "dotted": re.compile(r"\d\.\d\d?\.\d"),
    "decade": re.compile(r"\d0s"),
    "four_digits": re.compile(r"\d{4}"),
    "from_between": re.compile(r"from|between"),
    "month": re.compile("|".join(sorted({m[:3].title() for m in MONTHS} | {m[:3].upper() for m in MONTHS}))),
    "weekday": re.compile(WD),
    "rel_day": re.compile(r"yesterday|today|tomorrow|tonight", re.IGNORECASE),
    "week": re.compile(r"week", re.IGNORECASE),
    "month_word": re.compile(r"month", re.IGNORECASE),
    "year_word": re.compile(r"year", re.IGNORECASE),
    "day_or_week": re.compile(r"day|week", re.IGNORECASE),
    "century": re.compile(r"century"),
}


def _p(name: str, pattern: str, flags: int = 0, needs: tuple[str, ...] = ()) -> None:
    """A date pattern; `needs`: the _NEEDS tests every one of its matches passes (none: always run)."""
    _PATTERNS.append((name, re.compile(pattern, flags), needs))


# Order matters only for readability: overlaps are settled by length, then position.
_p("iso", rf"(?<![\d-]){PREP}?(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])", needs=("iso",))
_p("dotted", rf"(?<![\d.]){PREP}?(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{YEAR})(?![\d.])", needs=("dotted",))
_p("md_range", rf"\b{PREP}?(?P<m>{MON})\s+(?P<d>{DAY})\s*(?:-|–|—|to|and|through|until)\s*"
               rf"(?:(?P<m2>{MON})\s+)?(?P<d2>{DAY})(?!\d|:|%)(?:,?\s+(?P<y>{YEAR}))?\b", needs=("month", "digit"))
_p("dm_range", rf"\b{PREP}?(?P<d>{DAY})\s*(?:-|–|—|to|and|until)\s*(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{YEAR}))?\b", needs=("month", "digit"))
_p("md", rf"\b{PREP}?(?:(?:on\s+)?(?P<wd>{WD}){PART}?,?\s+)?(?:the\s+)?(?P<m>{MON})\s+(?P<d>{DAY})(?![\d:%,.]\d)(?!\s*(?:-|–|to)\s*\d)"
         rf"(?:,?\s+(?P<y>{YEAR}))?(?!\d)", needs=("month", "digit"))
_p("dm", rf"\b{PREP}?(?:(?:on\s+)?(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MON})(?:,?\s+(?P<y>{YEAR}))?\b", needs=("month", "digit"))
_p("month_year", rf"\b{PREP}?(?:(?:early|mid|late)-?\s*)?(?P<m>{MON}),?\s+(?P<y>{YEAR})\b", needs=("month", "digit"))
_p("month", rf"\b(?P<prep>(?i:in|since|by|until|till|from|during|of|last|this|next|early|late|mid|earlier in|later in|before|after))"
            rf"(?:-|\s+)(?P<m>{_MON})\b(?!\s*\d)(?![-\w])", needs=("month",))
_p("decade", rf"\b{PREP}?(?i:the)\s+(?:(?:early|mid|late)-?\s*)?(?P<y>1[0-9]{{2}}0|20[0-9]0)s\b", needs=("decade",))
_p("century", r"\b(?:(?i:since|in|from|during|by)\s+)?(?:(?:at least|as early as)\s+)?(?:the\s+)?(?P<c>[1-9]|1\d|2[01])(?:st|nd|rd|th)\s+century"
              r"(?:\s+(?P<era>BCE?|B\.C\.|AD|A\.D\.|CE))?", needs=("digit", "century"))
_p("year_range", rf"\b(?:from|between)\s+(?P<y>{YEAR})\s+(?:to|and|until)\s+(?P<y2>{YEAR})\b", needs=("from_between", "four_digits"))
_p("year", rf"\b(?P<prep>(?i:in|since|by|until|till|through|before|after|during|of|early|late|mid|end of))(?:-|\s+)(?P<y>{YEAR})\b(?![-\d]|\s*(?:people|persons|soldiers|troops))", needs=("four_digits",))
_p("weekday", rf"\b(?:(?P<mod>(?i:on|late|early|last|this|next|by|since|from|until|on the night of))\s+)?(?P<wd>{WD})(?:'s)?{PART}?\b", needs=("weekday",))
_p("rel_day", r"\b(?P<w>yesterday|today|tomorrow|tonight|the day before yesterday)\b", re.IGNORECASE, needs=("rel_day",))
_p("weekend", r"\b(?P<mod>this|last|next|over the|at the|on the|during the|the previous|the past|the coming|the following)\s+weekend\b",
   re.IGNORECASE, needs=("week",))
_p("week", r"\b(?P<mod>earlier this|later this|this|last|next|the previous|the past|the following|the coming)\s+week(?:'s)?\b",
   re.IGNORECASE, needs=("week",))
_p("month_rel", r"\b(?P<mod>earlier this|later this|this|last|next|the previous|the following)\s+month\b", re.IGNORECASE, needs=("month_word",))
_p("year_rel", r"\b(?P<by>by\s+)?(?:the\s+end\s+of\s+)?(?P<mod>earlier this|later this|this|last|next|the previous|the following|the)\s+year\b(?!s|-|\s+(?:old|ago))",
   re.IGNORECASE, needs=("year_word",))
_p("anaphor", rf"\b(?:(?P<n>{NUMW})\s+(?P<unit>days?|weeks?)\s*(?P<dir>earlier|later|before|after)"
              r"(?=\s*(?:[,.;:)\"”]|$|when|as|and|but|in|at|on|to)\b|\s*[,.;:)\"”]|$)"
              r"|(?P<the>the\s+(?:following|next|previous|same))\s+(?P<unit2>day|week)\b(?!'s\s+\w+\s+(?:meeting|session)))", re.IGNORECASE, needs=("day_or_week",))


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


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


def _recent_year(m: int, d: int | None, ref: date, forward: bool) -> int:
    """The year of a month (and day) given without one: the most recent such, or the coming one."""
    probe_day = d or 1
    y = ref.year
    try:
        candidate = date(y, m, min(probe_day, calendar.monthrange(y, m)[1]))
    except ValueError:
        return y
    if forward:
        if (candidate.year, candidate.month) < (ref.year, ref.month) or (d and candidate < ref):
            return y + 1
        return y
    if d is not None:
        return y if candidate <= ref else y - 1
    return y if m <= ref.month else y - 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _weekday_near(ref: date, wd: Weekday, forward: bool, strict: bool = False) -> date:
    if forward:
        return ref + relativedelta(days=+1 if strict else 0, weekday=wd(+1))
    return ref + relativedelta(days=-1 if strict else 0, weekday=wd(-1))


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _resolve_one(name: str, m: re.Match, ref: date, forward: bool, anchor: date | None) -> tuple[When, bool, bool] | None:
    """-> (when, anaphoric, limit) or None when the words are not a date after all."""
    g = m.groupdict()
    text = m.group(0).strip().lower()
    if name in ("iso", "dotted"):
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (day(d), False, False) if d else None
    if name in ("md", "dm"):
        mo, dd = _month(g["m"]), _day(g["d"])
        y = int(g["y"]) if g.get("y") else _recent_year(mo, dd, ref, forward)
        d = _safe_date(y, mo, dd)
        if d is None:
            return None
        if g.get("wd") and not g.get("y"):
            # "Tuesday, Sept. 26": a weekday that disagrees with the day pushes the year, as AP captions do
            want = list(WEEKDAYS).index(g["wd"].lower())
            for shift in (0, -1, 1):
                alt = _safe_date(y + shift, mo, dd)
                if alt and alt.weekday() == want:
                    d = alt
                    break
        return day(d), False, _is_limit(text)
    if name in ("md_range", "dm_range"):
        mo = _month(g["m"])
        mo2 = _month(g["m2"]) if g.get("m2") else mo
        d1, d2 = _day(g["d"]), _day(g["d2"])
        y = int(g["y"]) if g.get("y") else _recent_year(mo, d1, ref, forward)
        a, b = _safe_date(y, mo, d1), _safe_date(y if mo2 >= mo else y + 1, mo2, d2)
        if not a or not b or b < a:
            return None
        return span(a, b), False, False
    if name == "month_year":
        return month(int(g["y"]), _month(g["m"])), False, _is_limit(text)
    if name == "month":
        prep = g["prep"].lower()
        mo = _month(g["m"])
        if prep == "last":
            y = ref.year if mo < ref.month else ref.year - 1
        elif prep == "next":
            y = ref.year if mo > ref.month else ref.year + 1
        elif prep == "this":
            y = ref.year
        else:
            y = _recent_year(mo, None, ref, forward)
        return month(y, mo), False, prep in ("until", "till", "through", "before", "after")
    if name == "decade":
        y = int(g["y"])
        return When((y, 1, 1), (y + 9, 12, 31), "decade"), False, False
    if name == "century":
        c = int(g["c"])
        era = (g.get("era") or "").replace(".", "").upper()
        if era.startswith("BC"):
            # astronomical years: 1 BC is year 0, so the 2nd century BC is -199 .. -100
            lo, hi = -(c * 100) + 1, -(c - 1) * 100
        else:
            lo, hi = (c - 1) * 100 + 1, c * 100
        return When((lo, 1, 1), (hi, 12, 31), "century"), False, False
    if name == "year_range":
        a, b = int(g["y"]), int(g["y2"])
        if b < a:
            return None
        return When((a, 1, 1), (b, 12, 31), "year" if a == b else "span"), False, False
    if name == "year":
        prep = g["prep"].lower()
        return year(int(g["y"])), False, prep in ("until", "till", "through", "before", "after", "end of")
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        mod = (g.get("mod") or "").lower()
        if mod == "last":
            d = _weekday_near(ref, wd, forward=False, strict=True)
        elif mod == "next":
            d = _weekday_near(ref, wd, forward=True, strict=True)
        elif mod == "this":
            monday, sunday = _week_of(ref)
            d = monday + relativedelta(weekday=wd(+1))
        else:
            d = _weekday_near(ref, wd, forward=forward)
        return day(d), False, mod in ("until",)
    if name == "rel_day":
        w = g["w"].lower()
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2}[w]
        return day(ref + timedelta(days=offset)), False, False
    if name == "weekend":
        mod = g["mod"].lower()
        sat_this = ref + relativedelta(weekday=SA(+1)) if ref.weekday() < 5 else ref - timedelta(days=ref.weekday() - 5)
        past = sat_this - timedelta(days=7)
        if mod in ("next", "the coming", "the following"):
            sat = sat_this if ref.weekday() < 5 else sat_this + timedelta(days=7)
        elif mod in ("last", "the previous", "the past"):
            sat = past
        elif mod == "this":
            sat = sat_this
        else:   # "over the weekend", "at the weekend": the one in progress or just past, unless the sentence looks ahead
            if ref.weekday() >= 5:
                sat = sat_this if (forward or ref.weekday() == 6) else past
            else:
                sat = sat_this if forward else past
        return span(sat, sat + timedelta(days=1), "span"), False, False
    if name == "week":
        mod = g["mod"].lower()
        monday, sunday = _week_of(ref)
        if mod in ("last", "the previous", "the past"):
            return span(monday - timedelta(days=7), sunday - timedelta(days=7), "week"), False, False
        if mod in ("next", "the following", "the coming"):
            return span(monday + timedelta(days=7), sunday + timedelta(days=7), "week"), False, False
        if mod == "this" and not forward:
            return span(monday, ref, "week"), False, False
        if mod == "earlier this":
            return span(monday, max(monday, ref - timedelta(days=1)), "week"), False, False
        if mod == "later this":
            return span(min(sunday, ref + timedelta(days=1)), sunday, "week"), False, False
        return span(monday, sunday, "week"), False, False
    if name == "month_rel":
        mod = g["mod"].lower()
        shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(mod, 0)
        t = ref + relativedelta(months=shift)
        return month(t.year, t.month), False, False
    if name == "year_rel":
        mod = g["mod"].lower()
        if mod == "the" and "end of" not in text:
            return None       # "the year" alone is not a date
        shift = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(mod, 0)
        if "end of" in text:
            y = ref.year + shift
            return day(date(y, 12, 31)), False, False
        return year(ref.year + shift), False, False
    if name == "anaphor":
        n_text = (g.get("n") or g.get("the") or "").lower()
        unit = (g.get("unit") or g.get("unit2") or "").lower()
        direction = (g.get("dir") or "").lower()
        if n_text.startswith("the"):
            word = n_text.split()[-1]
            if word == "same":
                n, sign = 0, 0
            else:
                n, sign = 1, (1 if word in ("following", "next") else -1)
            if direction:
                return None
        else:
            if not direction:
                return None      # "two days" alone is a duration
            n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 0)
            sign = 1 if direction in ("later", "after") else -1
        if n <= 0 and sign != 0:
            return None
        base = anchor or ref
        step = timedelta(days=n * (7 if unit.startswith("week") else 1) * sign)
        return day(base + step), True, False
    return None


def _is_limit(text: str) -> bool:
    return bool(re.match(r"(?:until|till|through|before|after)\b", text))


def find(sentence: str) -> list[tuple[str, re.Match]]:
    """All date expressions in a sentence, longest first where they overlap, in order."""
    found: list[tuple[str, re.Match]] = []
    passed: dict[str, bool] = {}
    for name, pattern, needs in _PATTERNS:
        if not all(passed[n] if n in passed else passed.setdefault(n, bool(_NEEDS[n].search(sentence))) for n in needs):
            continue
        for m in pattern.finditer(sentence):
            if m.group(0).strip():
                found.append((name, m))
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
    published = published or ref
    forward = bool(FUTURE.search(sentence))
    nested_spans = [(m.start(), m.end()) for m in NESTED.finditer(sentence)]
    refs: list[DateRef] = []
    last_day: date | None = anchor
    for name, m in find(sentence):
        local_forward = _looks_ahead(sentence, m) if forward else False
        local_forward = local_forward or bool(re.match(r"\s*(?:next|the coming|by the end)", m.group(0), re.IGNORECASE))
        got = _resolve_one(name, m, ref, local_forward, last_day)
        if got is None:
            continue
        when, anaphoric, limit = got
        expression = m.group(0).strip().rstrip(",")
        lo = date(*when.lo) if when.lo[0] > 0 else None
        planned = bool(lo and lo > published) or (local_forward and when.hi >= _t(published) and not anaphoric
                                                  and name not in ("iso", "dotted", "md", "dm", "month_year", "decade",
                                                                   "century", "year", "year_range", "md_range", "dm_range"))
        if name == "year_rel" and "end of" in m.group(0).lower():
            planned = planned or date(*when.lo) >= published
        nested = any(s <= m.start() < e for s, e in nested_spans)
        if re.search(r"\bsince\s*$", sentence[:m.start()], re.IGNORECASE) or expression.lower().startswith("since"):
            # "since last week", "since Monday": the start of a state that still holds, not the statement's day
            limit = limit or when.precision in ("day", "span", "week") or name in ("weekday", "week", "weekend", "rel_day")
        refs.append(DateRef(expression=expression, start=m.start(), end=m.end(), when=when, planned=planned,
                            anaphoric=anaphoric, nested=nested, limit=limit))
        if when.precision == "day" and when.lo[0] > 0:
            last_day = date(*when.lo)
    return refs


def _looks_ahead(sentence: str, m: re.Match) -> bool:
    """A future marker in the expression's own clause (between commas), not anywhere in the sentence."""
    left = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()))
    rights = [i for i in (sentence.find(",", m.end()), sentence.find(";", m.end())) if i != -1]
    clause = sentence[left + 1:min(rights) if rights else len(sentence)]
    return bool(FUTURE.search(clause))


RANK = {"day": 0, "span": 1, "week": 2, "month": 3, "year": 4, "decade": 5, "century": 6}


def primary(refs: list[DateRef]) -> DateRef | None:
    """The expression that dates the statement: done before planned, "a day earlier" before the
    day it counts from, then the most precise; bounds ("until 2025") and dates inside a
    ", which …," clause never date a statement."""
    usable = [r for r in refs if not r.limit and not r.nested]
    if not usable:
        return None
    done = [r for r in usable if not r.planned]
    pool = done or usable
    return min(pool, key=lambda r: (not r.anaphoric, RANK[r.when.precision], r.start))


def with_basis(ref: DateRef, basis: str) -> DateRef:
    return replace(ref, basis=basis)


DATELINE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Za-z'’.\- ]{{1,40}}?(?:,\s*[A-Z][A-Za-z ]{{1,30}})?),\s+(?P<date>(?:{MON})\s+{DAY}(?:,?\s+{YEAR})?)"
    r"\s*(?:\((?P<agency>[A-Za-z/ ]{2,20})\))?\s*(?:[-–—:.]+|\s)\s*")


def dateline(body: str, ref: date) -> tuple[str, When] | None:
    """A dateline such as "YEREVAN, SEPTEMBER 25 (Reuters) -" or "Tbilisi, Sep 27 (EFE).-" at the top."""
    m = DATELINE.match(body.lstrip("\n"))
    if not m:
        return None
    refs = resolve(m.group("date"), ref)
    if not refs or refs[0].when.precision != "day":
        return None
    return m.group(0).strip().rstrip("-–—:.").strip(), refs[0].when
