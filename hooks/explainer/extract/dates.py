"""Find the date expressions in a sentence and resolve them as a careful editor would.

Absolute dates ("Sept. 27, 2023", "25 September 2023", "28.09.2023", "September 19-20",
"in the 1920s", "since at least the 2nd century BC") and dates relative to the article's
reference day ("on Thursday", "last week", "over the weekend", "fifteen days later", "In December").
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

DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
PREP = r"(?:(?i:on|since|from|by|until|till|through|before|after|during|as of|in|of|late|early|as early as)\s+)"
PART = r"(?:\s+(?:night|morning|evening|afternoon))"
MON, WD = words.MONTH, words.WEEKDAY
_WEEKDAY = {name: Weekday(i) for i, name in enumerate(words.WEEKDAYS)}      # "monday" -> MO

# Future markers: an expression in a sentence that has one is read forwards from the reference day.
FUTURE = re.compile(r"\b(?:will|'ll|shall|plans? to|planned|intends? to|is to|are to|is (?:due|set|expected|scheduled) to"
                    r"|are (?:due|set|expected|scheduled) to|is going to|are going to|aims? to|upcoming|next)\b",
                    re.IGNORECASE)
# Relative clauses set off by commas: a date inside one is not the date of the statement.
NESTED = re.compile(r",\s+(?:(?:in|during|after|before|by|under|for)\s+)?(?:who|whom|whose|which|where|when)\b(?:[^,;:—–]|,(?=\d))*",
                    re.IGNORECASE)

# Cheap tests that every match of a rule's pattern passes (a digit, a month's first three letters, ...).
# `find` runs a pattern only on sentences that pass its rule's tests: about three times faster, and the
# same matches (a property test compares it with running every pattern).
_NEEDS = {
    "digit": re.compile(r"\d"),
    "iso": re.compile(r"\d-[01]\d-\d"),
    "dotted": re.compile(r"\d\.\d\d?\.\d"),
    "decade": re.compile(r"\d0s"),
    "four_digits": re.compile(r"\d{4}"),
    "from_between": re.compile(r"from|between"),
    "month": re.compile("|".join(sorted({m[:3].title() for m in words.MONTHS} | {m[:3].upper() for m in words.MONTHS}))),
    "weekday": re.compile(WD),
    "rel_day": re.compile(r"yesterday|today|tomorrow|tonight", re.IGNORECASE),
    "week": re.compile(r"week", re.IGNORECASE),
    "month_word": re.compile(r"month", re.IGNORECASE),
    "year_word": re.compile(r"year", re.IGNORECASE),
    "day_or_week": re.compile(r"day|week", re.IGNORECASE),
    "century": re.compile(r"century"),
}


class Context(NamedTuple):
    """What a resolver reads a match against."""
    ref: date                 # the article's reference day
    forward: bool             # the expression's clause looks ahead ("will", "next")
    anchor: date | None       # the day the text was last talking about ("two days later" counts from it)


Resolved = tuple[When, bool, bool]       # (when, anaphoric, limit)


@dataclass(frozen=True)
class Rule:
    """One kind of date expression."""
    pattern: re.Pattern
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
    return int(re.match(r"\d+", text).group(0))


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


def _month_day(m: re.Match, c: Context) -> Resolved | None:
    """"Sept. 27, 2023", "on Tuesday, 26 September"."""
    mo, dd = words.month(m["m"]), _day(m["d"])
    y = int(m["y"]) if m["y"] else _recent_year(mo, dd, c.ref, c.forward)
    d = _safe_date(y, mo, dd)
    if d is None:
        return None
    if m["wd"] and not m["y"]:
        # "Tuesday, Sept. 26": a weekday that disagrees with the day pushes the year, as AP captions do
        want = words.WEEKDAYS.index(m["wd"].lower())
        d = next((alt for alt in (_safe_date(y + s, mo, dd) for s in (0, -1, 1)) if alt and alt.weekday() == want), d)
    return day(d), False, _is_limit(m)


def _day_range(m: re.Match, c: Context) -> Resolved | None:
    """"September 19-20", "Sept. 30 to Oct. 2", "25-27 September"."""
    g = m.groupdict()
    mo = words.month(g["m"])
    mo2 = words.month(g["m2"]) if g.get("m2") else mo
    d1, d2 = _day(g["d"]), _day(g["d2"])
    y = int(g["y"]) if g["y"] else _recent_year(mo, d1, c.ref, c.forward)
    a, b = _safe_date(y, mo, d1), _safe_date(y if mo2 >= mo else y + 1, mo2, d2)
    if not a or not b or b < a:
        return None
    return span(a, b), False, False


def _month_year(m: re.Match, c: Context) -> Resolved:
    """"September 2023", "in mid-May 2022"."""
    return month(int(m["y"]), words.month(m["m"])), False, _is_limit(m)


def _named_month(m: re.Match, c: Context) -> Resolved:
    """"In December" (the last one), "next March", "until June"."""
    prep, mo = m["prep"].lower(), words.month(m["m"])
    if prep == "last":
        y = c.ref.year if mo < c.ref.month else c.ref.year - 1
    elif prep == "next":
        y = c.ref.year if mo > c.ref.month else c.ref.year + 1
    elif prep == "this":
        y = c.ref.year
    else:
        y = _recent_year(mo, None, c.ref, c.forward)
    return month(y, mo), False, prep in ("until", "till", "through", "before", "after")


def _decade(m: re.Match, c: Context) -> Resolved:
    """"in the 1920s"."""
    y = int(m["y"])
    return When((y, 1, 1), (y + 9, 12, 31), "decade"), False, False


def _century(m: re.Match, c: Context) -> Resolved:
    """"since the 2nd century BC" (astronomical years: 1 BC is year 0, so that is -199 .. -100)."""
    n = int(m["c"])
    if (m["era"] or "").replace(".", "").upper().startswith("BC"):
        lo, hi = -(n * 100) + 1, -(n - 1) * 100
    else:
        lo, hi = (n - 1) * 100 + 1, n * 100
    return When((lo, 1, 1), (hi, 12, 31), "century"), False, False


def _year_range(m: re.Match, c: Context) -> Resolved | None:
    """"from 2020 to 2023"."""
    a, b = int(m["y"]), int(m["y2"])
    if b < a:
        return None
    return When((a, 1, 1), (b, 12, 31), "year" if a == b else "span"), False, False


def _year(m: re.Match, c: Context) -> Resolved:
    """"in 1994", "until 2025" (a bound)."""
    return year(int(m["y"])), False, m["prep"].lower() in ("until", "till", "through", "before", "after", "end of")


def _weekday(m: re.Match, c: Context) -> Resolved:
    """"on Thursday" (the last one, or the coming one in a clause that looks ahead), "next Monday"."""
    wd, mod = _WEEKDAY[m["wd"].lower()], (m["mod"] or "").lower()
    if mod == "last":
        d = _weekday_near(c.ref, wd, forward=False, strict=True)
    elif mod == "next":
        d = _weekday_near(c.ref, wd, forward=True, strict=True)
    elif mod == "this":
        d = _week_of(c.ref)[0] + relativedelta(weekday=wd(+1))
    else:
        d = _weekday_near(c.ref, wd, forward=c.forward)
    return day(d), False, mod == "until"


def _relative_day(m: re.Match, c: Context) -> Resolved:
    """"yesterday", "today", "the day before yesterday"."""
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "the day before yesterday": -2}[m["w"].lower()]
    return day(c.ref + timedelta(days=offset)), False, False


def _weekend(m: re.Match, c: Context) -> Resolved:
    """"last weekend"; "over the weekend": the one in progress (from Sunday) or just past, unless the clause looks ahead."""
    mod, ref = m["mod"].lower(), c.ref
    sat_this = ref + relativedelta(weekday=SA(+1)) if ref.weekday() < 5 else ref - timedelta(days=ref.weekday() - 5)
    past = sat_this - timedelta(days=7)
    if mod in ("next", "the coming", "the following"):
        sat = sat_this if ref.weekday() < 5 else sat_this + timedelta(days=7)
    elif mod in ("last", "the previous", "the past"):
        sat = past
    elif mod == "this" or c.forward:
        sat = sat_this
    else:
        sat = sat_this if ref.weekday() == 6 else past
    return span(sat, sat + timedelta(days=1), "span"), False, False


def _week(m: re.Match, c: Context) -> Resolved:
    """"last week", "earlier this week" (Monday to the day before), "this week"."""
    mod, ref = m["mod"].lower(), c.ref
    monday, sunday = _week_of(ref)
    seven = timedelta(days=7)
    if mod in ("last", "the previous", "the past"):
        a, b = monday - seven, sunday - seven
    elif mod in ("next", "the following", "the coming"):
        a, b = monday + seven, sunday + seven
    elif mod == "this" and not c.forward:
        a, b = monday, ref
    elif mod == "earlier this":
        a, b = monday, max(monday, ref - timedelta(days=1))
    elif mod == "later this":
        a, b = min(sunday, ref + timedelta(days=1)), sunday
    else:
        a, b = monday, sunday
    return span(a, b, "week"), False, False


def _month_rel(m: re.Match, c: Context) -> Resolved:
    """"last month", "this month"."""
    t = c.ref + relativedelta(months=_SHIFT.get(m["mod"].lower(), 0))
    return month(t.year, t.month), False, False


def _year_rel(m: re.Match, c: Context) -> Resolved | None:
    """"last year", "this year"; "the year" alone is not a date (but its words are taken)."""
    mod = m["mod"].lower()
    if mod == "the":
        return None
    return year(c.ref.year + _SHIFT.get(mod, 0)), False, False


def _year_end(m: re.Match, c: Context) -> Resolved:
    """"by the end of the year": its last day."""
    return day(date(c.ref.year + _SHIFT.get(m["mod"].lower(), 0), 12, 31)), False, False


def _later(m: re.Match, c: Context) -> Resolved | None:
    """"two days later", "Fifteen days later", "a week earlier": counted from the day last talked about."""
    n = int(words.number(m["n"]) or 0)
    if n <= 0:
        return None
    days = n * (7 if m["unit"].lower().startswith("week") else 1)
    sign = 1 if m["dir"].lower() in ("later", "after") else -1
    return day((c.anchor or c.ref) + timedelta(days=days * sign)), True, False


def _the_next(m: re.Match, c: Context) -> Resolved:
    """"the following day", "the previous week", "the same day": one day or week from the day last talked about."""
    word = m["the"].lower().split()[-1]
    sign = 0 if word == "same" else 1 if word in ("following", "next") else -1
    step = timedelta(days=sign * (7 if m["unit"].lower() == "week" else 1))
    return day((c.anchor or c.ref) + step), True, False


# --- the rules ---------------------------------------------------------------------------------
# Overlapping matches are settled by length, then position (`find`); the order here is for reading.
_I = re.IGNORECASE
_YEAR_MOD = r"(?P<mod>earlier this|later this|this|last|next|the previous|the following|the)\s+year\b(?!s|-|\s+(?:old|ago))"
RULES: dict[str, Rule] = {
    "iso": Rule(re.compile(rf"(?<![\d-]){PREP}?(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d-])"),
                _numeric, ("iso",), absolute=True),
    "dotted": Rule(re.compile(rf"(?<![\d.]){PREP}?(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>{YEAR})(?![\d.])"),
                   _numeric, ("dotted",), absolute=True),
    "md_range": Rule(re.compile(rf"\b{PREP}?(?P<m>{MON})\s+(?P<d>{DAY})\s*(?:-|–|—|to|and|through|until)\s*"
                                rf"(?:(?P<m2>{MON})\s+)?(?P<d2>{DAY})(?!\d|:|%)(?:,?\s+(?P<y>{YEAR}))?\b"),
                     _day_range, ("month", "digit"), absolute=True),
    "dm_range": Rule(re.compile(rf"\b{PREP}?(?P<d>{DAY})\s*(?:-|–|—|to|and|until)\s*(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MON})"
                                rf"(?:,?\s+(?P<y>{YEAR}))?\b"),
                     _day_range, ("month", "digit"), absolute=True),
    "md": Rule(re.compile(rf"\b{PREP}?(?:(?:on\s+)?(?P<wd>{WD}){PART}?,?\s+)?(?:the\s+)?(?P<m>{MON})\s+(?P<d>{DAY})"
                          rf"(?![\d:%,.]\d)(?!\s*(?:-|–|to)\s*\d)(?:,?\s+(?P<y>{YEAR}))?(?!\d)"),
               _month_day, ("month", "digit"), absolute=True),
    "dm": Rule(re.compile(rf"\b{PREP}?(?:(?:on\s+)?(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MON})"
                          rf"(?:,?\s+(?P<y>{YEAR}))?\b"),
               _month_day, ("month", "digit"), absolute=True),
    "month_year": Rule(re.compile(rf"\b{PREP}?(?:(?:early|mid|late)-?\s*)?(?P<m>{MON}),?\s+(?P<y>{YEAR})\b"),
                       _month_year, ("month", "digit"), absolute=True),
    "month": Rule(re.compile(rf"\b(?P<prep>(?i:in|since|by|until|till|from|during|of|last|this|next|early|late|mid"
                             rf"|earlier in|later in|before|after))(?:-|\s+)(?P<m>{words.MONTH_IN_TEXT})\b(?!\s*\d)(?![-\w])"),
                  _named_month, ("month",)),
    "decade": Rule(re.compile(rf"\b{PREP}?(?i:the)\s+(?:(?:early|mid|late)-?\s*)?(?P<y>1[0-9]{{2}}0|20[0-9]0)s\b"),
                   _decade, ("decade",), absolute=True),
    "century": Rule(re.compile(r"\b(?:(?i:since|in|from|during|by)\s+)?(?:(?:at least|as early as)\s+)?(?:the\s+)?"
                               r"(?P<c>[1-9]|1\d|2[01])(?:st|nd|rd|th)\s+century(?:\s+(?P<era>BCE?|B\.C\.|AD|A\.D\.|CE))?"),
                    _century, ("digit", "century"), absolute=True),
    "year_range": Rule(re.compile(rf"\b(?:from|between)\s+(?P<y>{YEAR})\s+(?:to|and|until)\s+(?P<y2>{YEAR})\b"),
                       _year_range, ("from_between", "four_digits"), absolute=True),
    "year": Rule(re.compile(rf"\b(?P<prep>(?i:in|since|by|until|till|through|before|after|during|of|early|late|mid|end of))"
                            rf"(?:-|\s+)(?P<y>{YEAR})\b(?![-\d]|\s*(?:people|persons|soldiers|troops))"),
                 _year, ("four_digits",), absolute=True),
    "weekday": Rule(re.compile(rf"\b(?:(?P<mod>(?i:on|late|early|last|this|next|by|since|from|until|on the night of))\s+)?"
                               rf"(?P<wd>{WD})(?:'s)?{PART}?\b"),
                    _weekday, ("weekday",)),
    "rel_day": Rule(re.compile(r"\b(?P<w>yesterday|today|tomorrow|tonight|the day before yesterday)\b", _I),
                    _relative_day, ("rel_day",)),
    "weekend": Rule(re.compile(r"\b(?P<mod>this|last|next|over the|at the|on the|during the|the previous|the past"
                               r"|the coming|the following)\s+weekend\b", _I),
                    _weekend, ("week",)),
    "week": Rule(re.compile(r"\b(?P<mod>earlier this|later this|this|last|next|the previous|the past|the following"
                            r"|the coming)\s+week(?:'s)?\b", _I),
                 _week, ("week",)),
    "month_rel": Rule(re.compile(r"\b(?P<mod>earlier this|later this|this|last|next|the previous|the following)\s+month\b", _I),
                      _month_rel, ("month_word",)),
    "year_rel": Rule(re.compile(rf"\b(?P<by>by\s+)?{_YEAR_MOD}", _I), _year_rel, ("year_word",)),
    "year_end": Rule(re.compile(rf"\b(?P<by>by\s+)?the\s+end\s+of\s+{_YEAR_MOD}", _I), _year_end, ("year_word",), deadline=True),
    "later": Rule(re.compile(rf"\b(?P<n>{words.NUMBER_WORDS}|an?|\d+)\s+(?P<unit>days?|weeks?)\s*(?P<dir>earlier|later|before|after)"
                             r"(?=\s*(?:[,.;:)\"”]|$|when|as|and|but|in|at|on|to)\b|\s*[,.;:)\"”]|$)", _I),
                  _later, ("day_or_week",)),
    "the_next": Rule(re.compile(r"\b(?P<the>the\s+(?:following|next|previous|same))\s+(?P<unit>day|week)\b"
                                r"(?!'s\s+\w+\s+(?:meeting|session))", _I),
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
    published = published or ref
    forward = bool(FUTURE.search(sentence))
    nested_spans = [(m.start(), m.end()) for m in NESTED.finditer(sentence)]
    refs: list[DateRef] = []
    last_day: date | None = anchor
    for name, m in find(sentence):
        rule = RULES[name]
        ahead = (forward and _looks_ahead(sentence, m)) or bool(re.match(r"\s*(?:next|the coming|by the end)", m.group(0), _I))
        got = rule.resolve(m, Context(ref, ahead, last_day))
        if got is None:
            continue
        when, anaphoric, limit = got
        lo = date(*when.lo) if when.lo[0] > 0 else None
        planned = bool(lo and (lo >= published if rule.deadline else lo > published)) or (
            ahead and when.hi >= _t(published) and not anaphoric and not rule.absolute)
        expression = m.group(0).strip().rstrip(",")
        if re.search(r"\bsince\s*$", sentence[:m.start()], _I) or expression.lower().startswith("since"):
            # "since last week", "since Monday": the start of a state that still holds, not the statement's day
            limit = limit or when.precision in ("day", "span", "week")
        refs.append(DateRef(expression=expression, start=m.start(), end=m.end(), when=when, planned=planned,
                            anaphoric=anaphoric, nested=any(s <= m.start() < e for s, e in nested_spans), limit=limit))
        if when.precision == "day" and lo:
            last_day = lo
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
