"""Sources: every article as a card with the items that rest on it, where outlets differ, and how
the site is made."""
from __future__ import annotations

from collections import defaultdict

from .common import (SHOWN_CITATIONS, SHOWN_ITEMS, SHOWN_NUMBERS, attr, day_label, esc, front_matter, more, number_words, plural,
                     short_day, source_link, when_label)
from .queries import figure_anchor, page_of

PATH = "sources.md"
KINDS = {"article": "News article", "gallery": "Photo gallery", "press-release": "Press release"}


def citations(site) -> dict[str, list[tuple[str, str, str]]]:
    """seed -> (link, head, text) of every item on the site that cites it, in page order: the head is
    the item's day, "Context, <topic>" or "Figure"."""
    cites: dict[str, list[tuple[str, str, str]]] = {a.slug: [] for a in site.articles}
    for e in site.events:
        for s in e.sources:
            cites[s.seed].append((f"{page_of(e)}#{e.id}", _day(e), e.text))
    for c in site.context:
        for s in c.sources:
            cites[s.seed].append((f"background.md#{c.id}", f"Context, {c.topic}", c.text))
    for f in site.figures:
        for s in f.sources:
            cites[s.seed].append((f"humanitarian.md#{figure_anchor(f)}", "Figure", f"{f.words} ({f.label})"))
    return cites


def _short(label: str, most: int = 160) -> str:
    return label if len(label) <= most else label[:most - 3].rstrip() + "…"


def _label(head: str, text: str) -> str:
    """An item as a list repeats it: "3 Oct 2023: <its sentence>", cut at 160 characters."""
    return _short(f"{head}: {text}")


# Past this many bytes of restated items (paging's limit, pages/paging.py: the Sources page would be
# split), a card links to its items by page and day instead of repeating each one's sentence: at 10,000
# articles the restatements were 39 of the site's 87 MB of Markdown, which every build rendered and
# indexed (issue 21). The sentences are on the pages the links open.
RESTATED_UP_TO = 250_000
PAGE_NAMES = {"timeline.md": "Timeline", "background.md": "Background", "humanitarian.md": "Humanitarian response"}


def restated(cites: dict[str, list[tuple[str, str, str]]]) -> int:
    """About how many bytes the cards' lists take when each item's sentence is repeated."""
    return sum(len(href) + len(_label(head, text)) + 10 for items in cites.values() for href, head, text in items)


def card(a, items, compact: bool = False) -> list[str]:
    out = [f"## {esc(a.outlet)}: {esc(a.title)} {{ #{a.slug} }}", "",
           f"- **Published:** {esc(day_label(a.published))}",
           f"- **Kind:** {KINDS.get(a.kind, esc(a.kind))}"]
    if a.url:
        out.append(f'- **Link:** <a href="{attr(a.url)}" rel="noopener noreferrer">{esc(a.url)}</a>')
    else:
        out.append("- **Link:** not known (the copy we received gives none)")
    if a.notes:
        out.append(f"- **How its details were established:** {esc(a.notes)}")
    out.append(f"- **Items on this site resting on it:** {len(items)}")
    out.append("")
    if items:
        out += ['??? info "What this article supports"', ""]
        out += _by_page(items) if compact else [f"    - [{esc(_label(head, text))}]({href})" for href, head, text in items]
        out.append("")
    return out


def _by_page(items: list[tuple[str, str, str]]) -> list[str]:
    """The compact list: a line per page, each item a link named by its day (a figure by its words)."""
    pages: dict[str, list[str]] = {}
    for href, head, text in items:
        name = _short(text, 60) if head == "Figure" else head
        pages.setdefault(href.split("#")[0], []).append(f"[{esc(name)}]({href})")
    return [f"    - {PAGE_NAMES.get(page, page)}: " + ", ".join(links) for page, links in pages.items()]


def differing_numbers(site) -> list[str]:
    """Measures and days for which outlets give different numbers, each outlet's number side by side."""
    groups: dict[tuple, list] = defaultdict(list)
    for f in site.figures:
        if f.as_of and f.metric != "population":
            groups[(f.metric, f.side or "", f.unit, f.as_of)].append(f)
    lines = []
    for (metric, side, unit, day), fs in sorted(groups.items(), key=lambda kv: (kv[0][3], kv[0][0], kv[0][1])):
        outlets = {s.outlet for f in fs for s in f.sources}
        if len({(f.qualifier, f.value) for f in fs}) < 2 or len(outlets) < 2:
            continue
        label = fs[0].label.split(":")[0] + (f" ({side})" if side else "")
        kind = "different exact counts" if sum(f.qualifier == "exact" for f in fs) > 1 else "a count and a rounded or bounded figure"
        lines.append(f"- **{esc(label)}, {esc(short_day(day))}:** {_numbers(fs)} — {kind}")
    return lines


def _numbers(fs) -> str:
    """One measure and day's numbers, each linked to its row with its outlets; past SHOWN_NUMBERS, how
    many from the lowest to the highest, the most reported of them, and where all are."""
    by_value = sorted(fs, key=lambda f: (f.value, f.id))
    shown = by_value
    if len(fs) > SHOWN_NUMBERS:
        most = sorted(fs, key=lambda f: (-len(f.sources), f.value, f.id))[:SHOWN_NUMBERS]
        shown = [f for f in by_value if any(f is m for m in most)]
    text = "; ".join(f"[{esc(number_words(f))}](humanitarian.md#{figure_anchor(f)}) ({_outlets(f)})" for f in shown)
    if len(fs) == len(shown):
        return text
    return (f"{len(fs)} numbers from {esc(number_words(by_value[0]))} to {esc(number_words(by_value[-1]))}; "
            f"the {len(shown)} most reported: {text}; {more(len(fs) - len(shown), 'number', 'figure')}")


def _outlets(f) -> str:
    """A number's outlets, the first SHOWN_CITATIONS of them and how many more."""
    names = [esc(s.outlet) for s in f.sources]
    rest = len(names) - SHOWN_CITATIONS
    return ", ".join(names[:SHOWN_CITATIONS]) + (f" and {rest:,} more" if rest > 0 else "")


def single_outlet(site, compact: bool = False) -> list[str]:
    """Dated statements only one outlet makes, as one table by outlet (with how many each makes; the
    first SHOWN_ITEMS of each, then how many more): a long table is cut between rows when a big page is
    split (pages/paging.py). `compact` (past RESTATED_UP_TO): a row per outlet, its statements named by day."""
    by_outlet: dict[str, list] = defaultdict(list)
    for e in site.events:
        outlets = {s.outlet for s in e.sources}
        if len(outlets) == 1 and not e.caption:
            by_outlet[next(iter(outlets))].append(e)
    if not by_outlet:
        return []
    out = ["| Outlet | Statements no other outlet reports |", "|---|---|"]
    for outlet in sorted(by_outlet, key=str.lower):
        events, who = by_outlet[outlet], esc(outlet) + f" ({plural(len(by_outlet[outlet]), 'statement')})"
        links = [(_day(e), f"{page_of(e)}#{e.id}", e.text) for e in events[:SHOWN_ITEMS]]   # (issue 21: the first few)
        rest = [more(len(events) - SHOWN_ITEMS, "statement", "event")] if len(events) > SHOWN_ITEMS else []
        if compact:
            out.append(f"| {who} | " + ", ".join([f"[{esc(day)}]({href})" for day, href, _ in links] + rest) + " |")
            continue
        out += [f"| {who if i == 0 else esc(outlet)} | [{esc(_label(day, text))}]({href}) |"
                for i, (day, href, text) in enumerate(links)]
        out += [f"| {esc(outlet)} | {r} |" for r in rest]
    return out + [""]


def _day(e) -> str:
    return short_day(e.when.start) if e.when.precision == "day" else when_label(e.when)


# How the Sources page says what a correction changed.
CHANGE_WORDS = {
    "hide": lambda v: "taken off the site",
    "date": lambda v: f"date set to {v.key}" if v else "left undated",
    "same_as": lambda v: f"made one item with the sentence quoting “{v[1]}” in seeds/{v[0]}",
    "not_same_as": lambda v: f"kept apart from the sentence quoting “{v[1]}” in seeds/{v[0]}",
    "figure": lambda v: "figure set to " + ", ".join(f"{k.replace('_', ' ')} {_plain(v[k])}" for k in v),
}


def _plain(v) -> str:
    return f"{v:,.0f}" if isinstance(v, float) and v.is_integer() else str(v)


def corrections_section(site) -> list[str]:
    """Every editor's correction (corrections.yml), with the item it changed and why."""
    out = ["## Corrections by editors { #corrections }", "",
           "What the engine read wrong and an editor corrected in `corrections.yml`, reviewed in a pull request. "
           "The articles are never edited.", ""]
    if not site.corrections:
        return out + ["No corrections so far.", ""]
    for c in site.corrections:
        change, value = next(iter(c.changes.items()))
        what = CHANGE_WORDS.get(change, lambda v, c=change: f"{c.replace('_', ' ')} set to {v}")(value)
        out.append(f"- seeds/{esc(c.seed)}, the sentence quoting “{esc(c.quote)}”: {esc(what)}. *{esc(c.why)}*")
    return out + [""]


def methods(settings) -> str:
    """How the site is made, for readers: what is extracted, how dates are resolved, what "N outlets" means."""
    return METHODS.replace("{cutoff}", esc(day_label(settings.cutoff))) + report_an_error(settings.repository)


METHODS = """## How this site is made { #methods }

- **What is extracted automatically.** A program reads each article in our sources and splits it into
  sentences. A sentence that can be dated becomes an item on the [Timeline](timeline.md) (from {cutoff}
  on) or under [Background](background.md) (before); numbers that count arrivals, people, vehicles,
  casualties, aid and appeals become [figures](humanitarian.md); people and organisations named with a role
  go to [Who's who](people.md). Nothing is written by hand on those pages, and every item quotes the
  sentence it rests on; the quote is checked word for word against the article at every build.
- **How dates are resolved.** A date written in full is taken as it is. “On Thursday”, “yesterday” or “last
  week” are counted back from the article's publication day (or its dateline), never forward; “a day
  earlier” is counted from the date the text was just talking about. Each item says which words dated it.
  A number's day is the day its sentence is about, else the day the sentence before is about; where the
  article gives neither, its publication day stands in and the pages say “reported on” that day.
- **What “reported by N outlets” means.** Items from different articles that say the same thing on the same
  day are shown once, with every outlet's sentence. N counts the distinct outlets; an outlet that only
  repeats an agency's copy (“AFP”, “AP”) still counts as one outlet of its own.
- **Claims.** Statements that accuse, deny or allege are marked as claims and keep the source's attribution
  (“the ministry says…”, “the other side says…”); the site does not settle them.
"""


def report_an_error(repository: str | None) -> str:
    if not repository:
        return ("- **Reporting an error.** If an item is wrong, misdated or misquoted, tell the editors through the "
                "site's repository (an issue, “report an error on the site”), or correct the article copy under "
                "`seeds/` in a pull request.\n")
    return ("- **Reporting an error.** If an item is wrong, misdated or misquoted, "
            f"[report an error on the site]({repository}/issues/new?template=report-an-error.yml) "
            "(a GitHub issue), or correct the article copy under `seeds/` in a pull request: "
            f"[how to add or correct an article]({repository}/blob/main/CONTRIBUTING.md). "
            f"To suggest an article, [suggest a source]({repository}/issues/new?template=suggest-a-source.yml).\n")



def _span(articles) -> str:
    """" (published 26 September 2023 to 5 October 2023)", for the page's description."""
    days = sorted({a.published for a in articles})
    if len(days) < 2:
        return f" (published {day_label(days[0])})" if days else ""
    return f" (published {day_label(days[0])} to {day_label(days[-1])})"


def render(site) -> str:
    cites = citations(site)
    compact = restated(cites) > RESTATED_UP_TO
    out = [
        *front_matter(f"The {plural(len(site.articles), 'news article')} this site is built from{_span(site.articles)}, "
                      "what each one supports, where outlets differ, and how the site is made."),
        "# Sources",
        "",
        f"This site is built from {plural(len(site.articles), 'article')} by "
        f"{plural(len({a.outlet for a in site.articles}), 'outlet')}. It quotes them and links to them; "
        "the articles remain their owners'. Each card lists the items on this site that rest on the article"
        + (", by page and day: there are too many to repeat their sentences here. " if compact else ". ")
        + "[Where outlets differ](#where-outlets-differ) and [how the site is made](#methods) follow the cards.",
        "",
    ]
    for a in sorted(site.articles, key=lambda a: (a.published, a.outlet.lower(), a.slug)):
        out += card(a, cites[a.slug], compact)
    out += ["## Where outlets differ { #where-outlets-differ }", "", "### Different numbers for the same measure and day", ""]
    numbers = differing_numbers(site)
    out += numbers or ["No two outlets give different numbers for the same measure and day."]
    out += ["", "### Statements only one outlet makes", "",
            "Dated statements no other article in our sources reports (photo captions aside). They are not less "
            "true for that, but they rest on one outlet's word.", ""]
    out += single_outlet(site, compact) or ["Every dated statement is reported by at least two outlets.", ""]
    out += ["", *corrections_section(site), methods(site.settings)]
    return "\n".join(out) + "\n"
