"""Helpers every page module uses: escaping, dates for people, citations."""
from __future__ import annotations

import html
import json
import re
from datetime import date
from collections import Counter
from itertools import groupby

from ..model import Event, Figure, Source, When
from ..read.text import plain

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


# Each character's replacement: HTML specials become entities, every other ASCII punctuation mark
# is backslash-escaped, line breaks and tabs become spaces.
_ESC = str.maketrans({**{ch: "\\" + ch for ch in "\\`*_{}[]()#+-.!|~:^=$%@/;?,"},
                      **{ch: html.escape(ch, quote=True) for ch in "&<>\"'"},
                      **{ch: " " for ch in "\r\n\t"}})


def esc(text: str) -> str:
    """Seed text for a Markdown inline context: shown as the same characters, never as markup.

    HTML specials become entities and every other ASCII punctuation mark is backslash-escaped
    (pymdownx.escapeall lets any character be escaped), so no Markdown, HTML, attribute list,
    emoji short code or template syntax in a seed can take effect.
    """
    return str(text).translate(_ESC)


def front_matter(description: str) -> list[str]:
    """A generated page's front matter: its description (the search engines' summary), as a YAML string."""
    return ["---", f"description: {json.dumps(' '.join(description.split()), ensure_ascii=False)}", "---", ""]


def said(text: str) -> str:
    """A seed's own words (a quote, what was asked) for a Markdown inline context, as its article shows
    them: the article is Markdown, so its escapes ("\\$22") and emphasis marks are not words; then `esc()`."""
    return esc(plain(text))


def as_of_text(f) -> str:
    """A figure's day in a table cell, in plain words: "30 Sep 2023"; "reported 30 Sep 2023" when the
    article gives no day of its own and its publication day stands in; "day not given" when there is none.
    (A day taken from the sentence before is the day the passage is about: shown as a day.)"""
    if not f.as_of:
        return "day not given"
    day = esc(short_day(f.as_of))
    return f"reported {day}" if f.as_of_basis == "publication" else day


def as_of_words(f) -> str:
    """A figure's day in running text: "on 30 September 2023", "in March 2019"."""
    if not f.as_of:
        return "on a day the articles do not give"
    day = day_label(date.fromisoformat(f.as_of)) if len(f.as_of) == 10 else short_day(f.as_of)
    return ("on " if len(f.as_of) == 10 else "in ") + esc(day)


def outlets_link(sources, prefix: str = "") -> str:
    """"[RFI](…)", "[RFI](…) and [AP](…)", "[A](…), [B](…) and [C](…)": each article by its outlet, linked
    to its card on the Sources page (with its day where one outlet has several articles)."""
    count = Counter(s.outlet for s in sources)
    links = [f"[{esc(s.outlet)}" + (f", {esc(short_day(s.published.isoformat()))}" if count[s.outlet] > 1 else "")
             + f"]({prefix}sources.md#{s.seed})" for s in sources]
    return links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]


def figure_words(f, prefix: str = "", cited: str | None = None) -> str:
    """A figure in a sentence: "**100\\,417** on 30 September 2023, according to [RFI](…)"; where the article
    gives no day, "**100\\,417**, reported by [RFI](…) on 30 September 2023" (", the first on …" when by several).
    `cited`: the outlets as linked text, if not every article by its outlet."""
    who = cited or outlets_link(f.sources, prefix)
    number = f"**{esc(number_words(f))}**"
    if f.as_of and f.as_of_basis == "publication":
        several = len({s.published for s in f.sources}) > 1
        text = f"{number}, reported by {who}" + (f", the first {as_of_words(f)}" if several else f" {as_of_words(f)}")
    else:
        text = f"{number} {as_of_words(f)}, according to {who}"
    return text + "".join(f" ({n})" for n in corrected_notes(f, prefix))


def attr(text: str) -> str:
    return html.escape(str(text), quote=True)


def day_label(d: date, weekday: bool = False) -> str:
    s = f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"
    return (d.strftime("%A") + " " + s) if weekday else s


def short_day(iso: str) -> str:
    """"2023-09-28" as "28 Sep 2023"; a month ("2023-09") or a year ("1960") as itself in words."""
    if len(iso) == 4:
        return iso
    if len(iso) == 7:
        return f"{MONTH_NAMES[int(iso[5:]) - 1].capitalize()} {iso[:4]}"
    d = date.fromisoformat(iso)
    return f"{d.day} {MONTH_NAMES[d.month - 1][:3]} {d.year}"


def _year(y: int) -> str:
    return f"{-y + 1} BC" if y <= 0 else str(y)


def when_label(w: When) -> str:
    lo, hi = w.lo, w.hi
    if w.precision == "day":
        return day_label(date(*lo), weekday=True)
    if w.precision in ("span", "week"):
        a, b = date(*lo), date(*hi)
        prefix = "Week of " if w.precision == "week" and (b - a).days == 6 else ""
        if prefix:
            return prefix + day_label(a)
        if a.year == b.year and a.month == b.month:
            return f"{a.day}–{b.day} {MONTH_NAMES[a.month - 1]} {a.year}"
        if a.year == b.year:
            return f"{a.day} {MONTH_NAMES[a.month - 1]} – {b.day} {MONTH_NAMES[b.month - 1]} {a.year}"
        if lo[1:] == (1, 1) and hi[1:] == (12, 31):
            return f"{_year(lo[0])}–{_year(hi[0])}"
        return f"{day_label(a)} – {day_label(b)}"
    if w.precision == "month":
        return f"{MONTH_NAMES[lo[1] - 1]} {_year(lo[0])}"
    if w.precision == "year":
        return _year(lo[0])
    if w.precision == "decade":
        return f"The {lo[0]}s"
    if w.precision == "century":
        c = (abs(hi[0]) // 100) if lo[0] <= 0 else (hi[0] // 100)
        suffix = "th" if 10 <= c % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(c % 10, "th")
        return f"{c}{suffix} century" + (" BC" if lo[0] <= 0 else "")
    return w.key


def anchor_for(w: When) -> str:
    return "d" + re.sub(r"[^0-9a-z]+", "-", w.key.lower()).strip("-")


def source_link(s: Source, prefix: str = "") -> str:
    return f"[{esc(s.outlet)}, {esc(short_day(s.published.isoformat()))}]({prefix}sources.md#{s.seed})"


def how_dated(e: Event, s: Source) -> str:
    if s.expression is None:
        return ""
    art = short_day(s.published.isoformat())
    if e.when.precision == "day" and s.expression and re.search(r"\d{4}", s.expression) and not e.caption:
        return f"dated by “{esc(s.expression)}”"
    return f"“{esc(s.expression)}” in an article of {esc(art)}"


def quote_line(s: Source, prefix: str = "") -> str:
    return f"“{said(s.quote)}” — {source_link(s, prefix)}"


def number_words(f: Figure) -> str:
    if re.search(r"\b(?:few|dozens?|several|hundreds|thousands)\b", f.words, re.IGNORECASE):
        return " ".join(f.words.split()[:6]).lower()     # a vague number is shown in the source's words
    if f.unit in ("people", "vehicles"):
        text = f"{_number(f.value)}" + (f" to {_number(f.value_max)}" if f.value_max is not None else "")
    elif f.unit == "percent":
        text = f"{_number(f.value)}%" + (f" to {_number(f.value_max)}%" if f.value_max is not None else "")
    else:
        text = money(f.value, f.unit) + (f" to {money(f.value_max, f.unit)}" if f.value_max is not None else "")
    q = {"exact": "", "about": "about ", "more than": "more than ", "at least": "at least ", "at most": "at most ",
         "nearly": "nearly ", "less than": "less than ", "between": "between "}.get(f.qualifier, f.qualifier + " ")
    return q + text


def _number(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def money(v: float, unit: str) -> str:
    """An amount as a reader says it: "5 million EUR", "1.32 billion USD"; under a million, or not round
    to a thousandth of a million or billion, in digits ("250,000 CHF", "1,234,567 EUR")."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        n = v / size
        if abs(v) >= size and abs(n * 1000 - round(n * 1000)) < 1e-6:
            return f"{round(n, 3):,.3f}".rstrip("0").rstrip(".") + f" {word} {unit}"
    return f"{_number(v)} {unit}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def linked(text: str, index: dict[str, str], page: str = "people.md") -> str:
    """`esc(text)` with the first mention of each known name linked to its entry on the Who's who page."""
    if not index or not any(n in text for n in index):
        return esc(text)
    names = sorted(index, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    out, pos, done = [], 0, set()
    for m in rx.finditer(text):
        slug = index[m.group(0)]
        if slug in done:
            continue
        done.add(slug)
        out += [esc(text[pos:m.start()]), f"[{esc(m.group(0))}]({page}#{slug})"]
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


# --- dated items, as Timeline and Background list them ----------------------------------------

def entry(e, prefix: str = "", names: dict[str, str] | None = None) -> str:
    """One item: what happened, how it was dated, every outlet that reports it with its sentence;
    the people it names linked to the Who's who page."""
    lead = []
    if e.status == "planned":
        lead.append("**Announced for later:**")
    if e.caption:
        credit = e.caption.get("credit")
        place = e.caption.get("place")
        lead.append("**Photo" + (f", {esc(place)}" if place else "") + ":**")
    text = " ".join(lead + [linked(e.text, names or {}, f"{prefix}people.md")])
    n = len({s.outlet for s in e.sources})
    lines = [f'- <span class="entry" id="{e.id}"></span>{text}']
    basis = how_dated(e, e.sources[0])
    meta = [plural(n, "outlet") if n > 1 else "1 outlet"]
    if basis:
        meta.append(basis)
    if e.claim:
        meta.append("a claim, attributed as in the source")
    if e.caption and e.caption.get("credit"):
        meta.append(f"photo credit: {esc(e.caption['credit'])}")
    meta += corrected_notes(e, prefix)
    lines.append(f"    <small>{' · '.join(meta)}</small>")
    lines.append("")
    for s in e.sources:
        lines.append(f"    > {quote_line(s, prefix)}")
        lines.append("")
    return "\n".join(lines)


FIELD_WORDS = {"date": "date set", "figure": "number corrected", "side": "side set", "according_to": "source set",
               "same_as": "joined", "not_same_as": "kept apart"}


def corrected_notes(item, prefix: str = "") -> list[str]:
    """"date set by an editor: <why>", linked to the list of corrections, for each correction."""
    return [f"[{FIELD_WORDS.get(c['field'], 'corrected')} by an editor]({prefix}sources.md#corrections): {esc(c['why'])}"
            for c in getattr(item, "corrected", ())]


def by_date(events, level: str = "##", names: dict[str, str] | None = None) -> list[str]:
    """Items under one linkable heading per date (day, span, week, month, ...)."""
    out = []
    for when, group in groupby(events, key=lambda e: e.when):
        out.append(f"{level} {esc(when_label(when))} {{ #{anchor_for(when)} }}")
        out.append("")
        out.extend(entry(e, names=names) for e in group)
    return out
