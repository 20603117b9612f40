"""Timeline: from the topic's turning point on, a short overview, then the items grouped by day
under linkable headings."""
from __future__ import annotations

from datetime import date, timedelta
from itertools import groupby

from .common import MONTH_NAMES, anchor_for, by_date, day_label, esc, front_matter, plural
from .queries import name_index

PATH = "timeline.md"
GLANCE_LINES = 20        # the overview's most lines: about one phone screen (375 by 812 px)
GLANCE_WORDS = 60        # characters of an entry's words in the overview, cut at a word


def _through(events) -> str:
    """" up to 2 October 2023", the last day the entries reach, for the page's description."""
    last = max((e.when.hi for e in events if e.when.precision in ("day", "span", "week")), default=None)
    return f" up to {day_label(date(*last))}" if last else ""


def render(site) -> str:
    events = [e for e in site.events if e.section == "timeline"]
    outlets = {s.outlet for e in events for s in e.sources}
    since = f"{site.settings.topic.turning_point} of {day_label(site.settings.cutoff)}"
    out = [
        *front_matter(f"Day by day from {since}: {plural(len(events), 'entry').replace('entrys', 'entries')} from "
                      f"{plural(len(outlets), 'outlet')}{_through(events)}, each quoting the article it rests on."),
        "# Timeline",
        "",
        f"From {esc(since)} on: {plural(len(events), 'entry').replace('entrys', 'entries')} "
        f"from {plural(len(outlets), 'outlet')}, each the sentence it rests on with the words that dated it "
        "marked. What happened earlier is under [Background](background.md).",
        "",
    ]
    out += glance(events)
    out += by_date(events, "##", name_index(site))
    if not events:
        out.append(f"No dated statements from {esc(since)} on have been found in the articles yet.")
    return "\n".join(out) + "\n"


# --- At a glance: one line per date (or per week, or month, when there are too many) -------------

def clip(text: str, most: int = GLANCE_WORDS) -> str:
    """The start of `text`, cut at a word boundary with an ellipsis when longer than `most` characters
    (so it stays a verbatim part of the text)."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[:most + 1].rsplit(" ", 1)[0] if " " in text[:most + 1] else text[:most]
    return cut.rstrip(",;:—–-") + "…"


def best(items):
    """The best-corroborated statement: most outlets, then done before announced, then first in
    order; a photo's caption only when there is nothing else."""
    return min(enumerate(items), key=lambda p: (bool(p[1].caption), -len({s.outlet for s in p[1].sources}),
                                                  p[1].status != "done", p[0]))[1]


def _short(d: date, year: bool) -> str:
    return f"{d.day} {MONTH_NAMES[d.month - 1][:3]}" + (f" {d.year}" if year else "")


def _week(w) -> date:
    d = date(*w.lo)
    return d - timedelta(days=d.weekday())


# How to cut the days into lines: by date, by week (Monday), by month; the first that gives no more
# than GLANCE_LINES lines is used. Each: (key of a date, words for a line's key).
PERIODS = (
    ("date", lambda w: w, None),
    ("week", _week, lambda k, y: f"Week of {_short(k, y)}"),
    ("month", lambda w: (w.lo[0], w.lo[1]), lambda k, y: f"{MONTH_NAMES[k[1] - 1]}" + (f" {k[0]}" if y else "")),
)


def _date_words(w, year: bool) -> str:
    """A date's words for the overview, short: "Tue 19 Sep", "19–20 Sep", "Week of 18 Sep", "September"."""
    a, b = date(*w.lo), date(*w.hi)
    if w.precision == "day":
        return f"{a.strftime('%a')} {_short(a, year)}"
    if w.precision == "week" and (b - a).days == 6:
        return f"Week of {_short(a, year)}"
    if w.precision == "month":
        return MONTH_NAMES[a.month - 1] + (f" {a.year}" if year else "")
    if w.precision in ("span", "week"):
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{_short(b, year)}"
        return f"{_short(a, year and a.year != b.year)} – {_short(b, year)}"
    return w.key


def glance(events) -> list[str]:
    """"At a glance": one line per date (or week, or month) with how many entries and the words of
    the best-corroborated one, linked to the date's heading. Nothing for fewer than two dates."""
    dated = [(w, list(g)) for w, g in groupby(events, key=lambda e: e.when) if w.lo[0] >= 1]
    if len(dated) < 2:
        return []
    years = len({w.lo[0] for w, _ in dated} | {w.hi[0] for w, _ in dated}) > 1
    for name, key, words in PERIODS:
        lines = [(k, list(g)) for k, g in groupby(dated, key=lambda d: key(d[0]))]
        if len(lines) <= GLANCE_LINES or name == PERIODS[-1][0]:
            break
    out = ["## At a glance { #at-a-glance }", ""]
    if name != "date":
        out += [f"By {name}: each line links to the {name}'s first date.", ""]
    out += ['<div class="glance" markdown>', ""]
    for k, group in lines:
        items = [e for _, g in group for e in g]
        label = _date_words(group[0][0], years) if name == "date" else words(k, years)
        count = plural(len(items), "entry").replace("entrys", "entries")
        out.append(f"- [{esc(label)}](#{anchor_for(group[0][0])}) · {count}: {esc(clip(best(items).text))}")
    return out + ["", "</div>", ""]
