"""Helpers every page module uses: escaping, dates for people, citations."""
from __future__ import annotations

import html
import json
import re
from datetime import date
from collections import Counter
from itertools import groupby

from ..model import Context, Event, Figure, Source, When
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


def listed(parts: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def outlets_link(sources, prefix: str = "") -> str:
    """"[RFI](…)", "[RFI](…) and [AP](…)", "[A](…), [B](…) and [C](…)": each article by its outlet, linked
    to its card on the Sources page (with its day where one outlet has several articles)."""
    count = Counter(s.outlet for s in sources)
    links = [f"[{esc(s.outlet)}" + (f", {esc(short_day(s.published.isoformat()))}" if count[s.outlet] > 1 else "")
             + f"]({prefix}sources.md#{s.seed})" for s in sources[:SHOWN_CITATIONS]]
    if len(sources) > SHOWN_CITATIONS:                  # (issue 21: the first few, then how many more)
        return ", ".join(links) + " " + more(len(sources) - SHOWN_CITATIONS, "article", prefix=prefix)
    return listed(links)


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


def _year(y: int, era: bool = False) -> str:
    """An astronomical year in words: 0 is 1 BC, -199 is 200 BC; with `era`, AD years say so ("AD 5")."""
    return f"{-y + 1} BC" if y <= 0 else (f"AD {y}" if era else str(y))


def _ordinal(n: int) -> str:
    return f"{n}" + ("th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def _century(y: int) -> str:
    """The century an astronomical year falls in: 1..100 is the 1st century, 0..-99 (1 BC..100 BC)
    the 1st century BC, -100..-199 (101 BC..200 BC) the 2nd century BC."""
    return f"{_ordinal((y + 99) // 100)} century" if y > 0 else f"{_ordinal((1 - y + 99) // 100)} century BC"


def when_label(w: When) -> str:
    lo, hi = w.lo, w.hi
    if w.precision in ("day", "span", "week") and min(lo[0], hi[0]) < 1:     # no calendar day before AD 1 here
        whole_years = lo[1:] == (1, 1) and hi[1:] == (12, 31)
        if whole_years and w.precision == "span":
            return f"{_year(lo[0])}–{_year(hi[0], era=lo[0] <= 0 < hi[0])}"
        days = [f"{t[2]} {MONTH_NAMES[t[1] - 1]} {_year(t[0])}" for t in (lo, hi)]
        return days[0] if w.precision == "day" or lo == hi else f"{days[0]} – {days[1]}"
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
            return f"{a.year}–{b.year}"
        return f"{day_label(a)} – {day_label(b)}"
    if w.precision == "month":
        return f"{MONTH_NAMES[lo[1] - 1]} {_year(lo[0])}"
    if w.precision == "year":
        return _year(lo[0])
    if w.precision == "decade":
        return f"The {lo[0]}s" if lo[0] > 0 else f"The decade from {_year(lo[0])}"
    if w.precision == "century":
        first, last = _century(lo[0]), _century(hi[0])
        return first if first == last else f"{first} – {last}"
    return w.key


def anchor_for(w: When) -> str:
    return "d" + re.sub(r"[^0-9a-z]+", "-", w.key.lower()).strip("-")


def source_link(s: Source, prefix: str = "") -> str:
    return f"[{esc(s.outlet)}, {esc(short_day(s.published.isoformat()))}]({prefix}sources.md#{s.seed})"


def how_dated(s: Source) -> str:
    """How a statement was dated, in the words of the article that dates it ("dated by “last week”");
    the article's date stands beside it in the source line. Words not in the quoted sentence (a
    dateline's) are said to be elsewhere in the article."""
    if not s.expression:
        return ""
    where = "" if date_words(s.quote, s.expression) else " elsewhere in the article"
    return f"dated by “{esc(s.expression)}”{where}"


OPENING_QUOTES = "\"“‘'«„‚"


def quoted(text: str) -> str:
    """Escaped text in quotation marks, unless it opens with its own (no doubled “““)."""
    return said(text) if text.lstrip().startswith(tuple(OPENING_QUOTES)) else f"“{said(text)}”"


def quote_line(s: Source, prefix: str = "") -> str:
    return f"{quoted(s.quote)} — {source_link(s, prefix)}"


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


def names_pattern(names) -> re.Pattern:
    """Any of `names` as a whole word (no letter, digit, _ or - on either side), the longest first."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")


def linked(text: str, index: dict[str, str], page: str = "people.md") -> str:
    """`esc(text)` with the first mention of each known name linked to its entry on the Who's who page."""
    if not index or not any(n in text for n in index):
        return esc(text)
    rx = getattr(index, "pattern", None) or names_pattern(index)
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
#
# An item shows its first source's sentence once, verbatim, with the words that dated it marked,
# and on one line under it the outlet, the article's date and how it was dated; other outlets'
# sentences are one click away (a `details`). Each item opens with a heading that only Material's
# search sees (visually hidden and aria-hidden): the search index makes a section of each heading,
# so a search result opens at the item, not at its day (DESIGN.md, "Timeline and Background").
# The heading is a raw HTML block, so the table of contents does not list it.

def date_words(quote: str, expression: str | None) -> tuple[int, int] | None:
    """Where the words that dated a statement stand in its quote (whole words, any white space
    between them), or None when they are not in it."""
    if not expression or not expression.strip():
        return None
    rx = r"\s+".join(re.escape(w) for w in expression.split())
    rx = (r"(?<!\w)" if expression.strip()[0].isalnum() else "") + rx + (r"(?!\w)" if expression.strip()[-1].isalnum() else "")
    m = re.search(rx, quote)
    return m.span() if m else None


def marked_quote(s: Source, names: dict[str, str] | None = None, page: str = "people.md") -> str:
    """The quote, escaped (names linked to Who's who), its dating words in `<mark>`, in quotation
    marks unless it opens with its own."""
    q = plain(s.quote)            # the article's own Markdown escapes are no words (see `said`)
    span = date_words(q, s.expression)
    if span is None:
        body = linked(q, names or {}, page)
    else:
        a, b = span
        body = (linked(q[:a], names or {}, page) + f'<mark class="entry-when">{esc(q[a:b])}</mark>'
                + linked(q[b:], names or {}, page))
    return body if q.startswith(tuple(OPENING_QUOTES)) else f"“{body}”"


def cite_line(item, s: Source, prefix: str = "", first: bool = True, lead: str = "— ", note: str = "") -> str:
    """Outlet and article date (linked to the source card) and how it was dated; for the item's
    first source also what a reader should know of it: a claim, a photo's credit, an editor's correction."""
    parts = [lead + source_link(s, prefix)]
    if basis := how_dated(s):
        parts.append(basis)
    caption = getattr(item, "caption", None)
    if first:
        if getattr(item, "claim", False):
            parts.append("a claim, attributed as in the source")
        if caption and caption.get("credit"):
            parts.append(f"photo credit: {esc(caption['credit'])}")
        parts += corrected_notes(item, prefix)
    if note:
        parts.append(note)
    return f'<small class="entry-cite">{" · ".join(parts)}</small>'


def outlets_words(sources: list[Source], most: int = 3) -> str:
    """"RFI and AP", "RFI, AP and 4 others": the outlets, escaped, each once."""
    names = list(dict.fromkeys(esc(s.outlet) for s in sources))
    if len(names) > most:
        names = names[:most - 1] + [f"{len(names) - most + 1} others"]
    return listed(names)


def _indented(lines: list[str], indent: str) -> list[str]:
    return [indent + line if line else "" for line in lines]


def others(item, prefix: str = "") -> list[str]:
    """The other sources of an item, one click away: each with its own sentence, or only its source
    line where it is the first source's sentence word for word."""
    rest = item.sources[1:]
    if not rest:
        return []
    same = " ".join(item.sources[0].quote.split())
    out = [f'??? entry-more "Also reported by {outlets_words(rest)}"']
    for s in rest[:SHOWN_QUOTES]:
        if " ".join(s.quote.split()) == same:
            out += [f"    {cite_line(item, s, prefix, first=False, note='in the same words')}", ""]
        else:
            out += [f"    > {marked_quote(s)}", "    >", f"    > {cite_line(item, s, prefix, first=False)}", ""]
    if len(rest) > SHOWN_QUOTES:                        # (issue 21: the first few, then how many more)
        kind = "context" if isinstance(item, Context) else "event"
        tail = more(len(rest) - SHOWN_QUOTES, 'article', kind, prefix)
        out += [f"    {tail[0].upper()}{tail[1:]}.", ""]
    return out


def item_lines(item, prefix: str = "", names: dict[str, str] | None = None, inline: bool = False) -> list[str]:
    """An item's Markdown: a planned item's label, its quote and source line (`inline`: right after
    the quote, for items no words date), the other outlets."""
    first = item.sources[0]
    lead = "Photo — " if getattr(item, "caption", None) else "— "
    quote, cite = marked_quote(first, names, f"{prefix}people.md"), cite_line(item, first, prefix, lead=lead)
    out = ["**Announced for later:**", ""] if getattr(item, "status", "done") == "planned" else []
    out += [f"> {quote} {cite}", ""] if inline else [f"> {quote}", ">", f"> {cite}", ""]
    return out + others(item, prefix)


def search_anchor(id_: str, title: str, level: int) -> str:
    """The heading that makes an item a section of the search index (seen by search, not by readers)."""
    return f'<h{level} class="entry" id="{attr(id_)}" aria-hidden="true">{attr(title)}</h{level}>'


def entry(item, title: str, level: int, prefix: str = "", names: dict[str, str] | None = None,
          inline: bool = False) -> list[str]:
    """One item as a section of its own: its search heading, then its quote and sources."""
    return [search_anchor(item.id, title, level), "", '<div class="entry-item" markdown>', "",
            *item_lines(item, prefix, names, inline), "</div>", ""]


def photo_group(photos, title: str, anchor: str, level: int, prefix: str = "",
                names: dict[str, str] | None = None) -> list[str]:
    """A day's photo captions together: one line ("3 photos: Springfield"), the captions behind it,
    each with its own anchor."""
    places = list(dict.fromkeys(esc(p.caption["place"]) for p in photos if p.caption.get("place")))
    if len(places) > 2:
        places = places[:1] + [f"{len(places) - 1} other places"]
    summary = plural(len(photos), "photo") + (f": {' and '.join(places)}" if places else "")
    out = [search_anchor(f"photos-{anchor}", title, level), "", '<div class="entry-item entry-photos" markdown>', "",
           f'??? entry-more "{summary}"']
    for p in photos:
        first = p.sources[0]
        out += [f'    - <span class="entry-target" id="{attr(p.id)}"></span>{marked_quote(first, names, f"{prefix}people.md")}',
                "", f"        {cite_line(p, first, prefix)}", "", *_indented(others(p, prefix), "        ")]
    return out + ["</div>", ""]


FIELD_WORDS = {"date": "date set", "figure": "number corrected", "side": "side set", "according_to": "source set",
               "same_as": "joined", "not_same_as": "kept apart"}


def corrected_notes(item, prefix: str = "") -> list[str]:
    """"date set by an editor: <why>", linked to the list of corrections, for each correction."""
    return [f"[{FIELD_WORDS.get(c['field'], 'corrected')} by an editor]({prefix}sources.md#corrections): {esc(c['why'])}"
            for c in getattr(item, "corrected", ())]


def day_entries(group, title: str, anchor: str, level: int, names: dict[str, str] | None = None) -> list[str]:
    """One date's items, each a section; two or more photo captions as one group, after the rest."""
    items = list(group)
    photos = [e for e in items if e.caption]
    out = []
    for e in items:
        if not (e.caption and len(photos) > 1):
            out += entry(e, title, level, names=names)
    if len(photos) > 1:              # hundreds of photos a day: groups of PHOTO_GROUP, a split page cuts between them
        for i in range(0, len(photos), PHOTO_GROUP):
            out += photo_group(photos[i:i + PHOTO_GROUP], title, anchor + (f"-{i // PHOTO_GROUP + 1}" if i else ""),
                               level, names=names)
    return out


def by_date(events, level: str = "##", names: dict[str, str] | None = None) -> list[str]:
    """Items under one linkable heading per date (day, span, week, month, ...)."""
    out = []
    for when, group in groupby(events, key=lambda e: e.when):
        label, anchor = when_label(when), anchor_for(when)
        out += [f"{level} {esc(label)} {{ #{anchor} }}", ""]
        out += day_entries(group, label, anchor, len(level) + 1, names)
    return out


# --- How much of one item a page shows (issue 21) ---------------------------------------------
#
# A fact that hundreds of articles report would list them all in one item (one role line of Who's
# who reached 335 KB at 10,000 articles), and no split of the page can cut inside an item. The page
# is a readable view and the data files keep every source: each list in one item shows its first
# few in full, then says how many more and where all of them are. No item of the real seeds comes
# near a cap (tests/test_pages.py checks that their pages show everything).
SHOWN_QUOTES = 5        # other articles' sentences behind an item's "Also reported by"
SHOWN_CITATIONS = 10    # articles cited on one line or in one cell (a role, an organisation, a figure)
SHOWN_ITEMS = 50        # items listed under one name on Who's who ("Named in …")
SHOWN_NUMBERS = 10      # numbers on one line of Sources' "different numbers for the same measure and day"
PHOTO_GROUP = 50        # a day's photo captions per group (each caption is shown: a split page cuts between groups)

# Where all of them are, by what they are: the data files, or the Sources page's article cards.
EVERY = {
    "event": "all are in the data files ([data/timeline.json](data/timeline.json))",
    "context": "all are in the data files ([data/context.json](data/context.json))",
    "figure": "all are in the data files ([data/figures.json](data/figures.json))",
    "article": "all are on the [Sources](sources.md) page",
}


def more(n: int, noun: str, where: str = "article", prefix: str = "") -> str:
    """"and 212 more articles: all are in the data files (data/timeline.json)", for what a page leaves out
    of one item (`where`: a key of EVERY)."""
    return f"and {n:,} more {noun}{'' if n == 1 else 's'}: " + EVERY[where].replace("](", f"]({prefix}")
