"""Humanitarian response: key figures, each measure's table (the topic's chart in its measure's section), casualties, aid by donor, requests for help.

Every number with its "as of" day and its source; numbers that differ between outlets side by side.
"""
from __future__ import annotations

from collections import defaultdict

from . import chart
from ..read.text import fold
from .common import (as_of_text, corrected_notes, esc, figure_words, front_matter, money, number_words, outlets_link,
                     plural, said, short_day, when_label)
from .queries import events_by_quote, figure_anchor, latest, page_of

PATH = "humanitarian.md"
CASUALTIES = ("killed", "wounded", "missing")


def sources_cell(f, prefix: str = "") -> str:
    return outlets_link(f.sources, prefix) + "".join(f" ({n})" for n in corrected_notes(f, prefix))


def _anchor(f) -> str:
    return f'<span id="{figure_anchor(f)}"></span>'


def figure_row(f, prefix: str = "") -> str:
    flag = " ⚠ differs between outlets" if f.differs else ""
    return f"| {_anchor(f)}{esc(number_words(f))} | {as_of_text(f)} | “{esc(f.words)}”{flag} | {sources_cell(f, prefix)} |"


TABLE_HEAD = "| Number | When | In the source's words | Source |\n|---:|---|---|---|"


def _when(f, events) -> str:
    """A figure's day, linked to the dated item resting on its sentence where there is one; other items
    resting on its sentences (several outlets' reports of one count) after it, each by its own day."""
    items = list({e.id: e for e in events if e is not None}.values())
    if not items:
        return as_of_text(f)
    labels = [as_of_text(f) if f.as_of else _day(items[0])] + [_day(e) for e in items[1:]]
    links = [f"[{label}]({page_of(e)}#{e.id})" for label, e in zip(labels, items)]
    return links[0] + (f" (also {', '.join(links[1:])})" if links[1:] else "")


def _day(e) -> str:
    return esc(short_day(e.when.start) if e.when.precision == "day" else when_label(e.when))


def key_figures(figs, key: tuple[str, ...]) -> list[str]:
    """The latest figure of each of the topic's key measures, in its order."""
    out = []
    for metric in key:
        f = latest(figs, metric)
        if f is not None:
            out.append(f"- {esc(f.label)}: {figure_words(f)}")
    return out


def casualties(site) -> list[str]:
    """One row per measure, side and day; different numbers from different outlets in the same row."""
    rows: dict[tuple, list] = defaultdict(list)
    for f in site.figures:
        if f.metric in CASUALTIES:
            rows[(f.metric, f.side or "", f.as_of or "")].append(f)
    if not rows:
        return []
    events = events_by_quote(site)
    attributed = any(f.according_to for group in rows.values() for f in group)     # else no "According to"
    sided = bool(site.settings.topic.sides) or any(side for _, side, _ in rows)    # else no side
    out = ["## Casualties", "",
           f"{'By side and day' if sided else 'By day'}, as the articles report them"
           f"{', with who gives each number' if attributed else ''}: casualty counts come from those who give them "
           "and are theirs, not ours. Where outlets give different numbers they stand side by side. "
           "A day links to the entry that reports it.", "",
           *_casualty_head(attributed)]
    for (metric, side, _), group in sorted(rows.items()):
        numbers = " · ".join(
            f"{_anchor(f)}{esc(number_words(f))} (“{esc(f.words)}”" + (f", {esc(f.sources[0].outlet)})" if len(group) > 1 else ")")
            for f in sorted(group, key=lambda f: (f.value, f.id)))
        if len({f.value for f in group}) > 1:
            numbers += " ⚠ outlets differ"
        according = "; ".join(dict.fromkeys(esc(f.according_to) for f in group if f.according_to)) or "not stated"
        when = _when(group[0], [events.get((s.seed, fold(s.quote))) for f in group for s in f.sources])
        cited = list({s.seed: s for f in group for s in f.sources}.values())
        srcs = outlets_link(cited) + "".join(dict.fromkeys(f" ({n})" for f in group for n in corrected_notes(f)))
        count = esc(metric.capitalize()) + (f", {esc(side) if side else 'side not stated'}" if sided else "")
        out.append(f"| {count} | {numbers} | " + (f"{according} | " if attributed else "") + f"{when} | {srcs} |")
    return out + [""]


def _casualty_head(attributed: bool) -> list[str]:
    """The casualty table's head: "According to" only where an article names who gives a number."""
    if attributed:
        return ["| Count | Number | According to | When | Source |", "|---|---|---|---|---|"]
    return ["| Count | Number | When | Source |", "|---|---|---|---|"]


def aid(site) -> list[str]:
    """One row per amount: the country or organisation that gives it (and the person who announced it),
    what for and to whom, the amount (with the amount before and the source's conversion)."""
    rows = [f for f in site.figures if f.metric == "aid"]
    if not rows:
        return []
    out = ["## Aid", "",
           "By donor (the country or organisation that gives), as the articles name them, with the person who announced "
           "it where they name one. Amounts are in the source's currency; a conversion appears only where the source gives "
           "one. A pledge that changed shows the amount before.", "",
           "| Donor | For | Amount | When | Source |",
           "|---|---|---:|---|---|"]
    for f in sorted(rows, key=lambda f: (fold(f.donor or "~").lower(), f.as_of or "", f.value, f.id)):
        donor = esc(f.donor or "not named") + (f", announced by {esc(f.announced_by)}" if f.announced_by else "")
        purpose = " ".join(x for x in (esc(f.purpose or ""), f"for {esc(f.recipient)}" if f.recipient else "") if x)
        notes = ([f"was {esc(money(f.previous, f.unit))}"] if f.previous is not None else []) + \
                ([f"the source's conversion: {esc(f.converted)}"] if f.converted else [])
        amount = f"{_anchor(f)}{esc(number_words(f))}" + (f" ({'; '.join(notes)})" if notes else "")
        out.append(f"| {donor} | {purpose or 'not stated'} | {amount} | {as_of_text(f)} | {sources_cell(f)} |")
    return out + [""]


def requests(site) -> list[str]:
    """Who asked whom for what: one row per request, dated by its item where it has one."""
    rows = _request_rows(site)
    if not rows:
        return []
    out = ["## Requests for help", "",
           "Who asked whom for what, in the articles' words (shelters, supplies, missions, court measures, appeals).", "",
           "| When | Who asked whom | For what | Source |", "|---|---|---|---|"]
    for row in sorted(rows, key=_request_order):
        req, e, f = row["req"], row["event"], row["appeal"]
        if e:
            when = f"[{_day(e)}]({page_of(e)}#{e.id})"
        elif req is None and f.as_of:
            when = as_of_text(f)
        else:
            when = f"reported {esc(short_day(row['sources'][0].published.isoformat()))}"
        amount = f" ({_anchor(f)}{esc(number_words(f))})" if f else ""
        srcs = outlets_link(row["sources"])
        if req is None:                      # an appeal on its own: who made it, in the source's words
            who, what = esc(f.donor or "not stated") + _whom(f.recipient), f"“{said(f.words)}”"
        else:
            who, what = said(req.asker) + _whom(req.whom), " · ".join(f"“{said(w)}”" for w in row["whats"])
        out.append(f"| {when} | {who} | {what}{amount} | {srcs} |")
    return out + [""]


def _whom(whom: str | None) -> str:
    return f" asked {said(whom)}" if whom else ""


def _request_rows(site) -> list[dict]:
    """The sentences that report one request, under one row: those resting on one item, those of
    one article with the same asker and addressee ("the EU" and "the European Union"), and those
    worded alike. An appeal whose sentence names no asker gets a row of its own."""
    events = events_by_quote(site)
    appeals = {(s.seed, fold(s.quote)): f for f in site.figures if f.metric == "appeal" for s in f.sources}
    told = [(req, src, events.get((src.seed, fold(src.quote)))) for x in site.extracted for req, src in x.requests]
    told.sort(key=lambda t: t[2] is None)             # dated sentences first: an undated one joins their row
    rows: dict[tuple, dict] = {}
    for req, src, e in told:
        asker, whom = _party(req.asker, site), _party(req.whom or "", site)
        keys = [("event", e.id)] if e is not None else []
        keys += [("article", src.seed, asker, whom), ("words", asker, whom, fold(req.what).lower())]
        row = next((rows[k] for k in keys if k in rows), None)
        if row is None:
            row = {"req": req, "event": e, "whats": [], "sources": [], "appeal": None}
        for k in keys:
            rows.setdefault(k, row)
        _add_wording(row["whats"], req.what)
        row["appeal"] = row["appeal"] or appeals.get((src.seed, fold(src.quote)))
        if all(s.seed != src.seed for s in row["sources"]):
            row["sources"].append(src)
    unique = list({id(r): r for r in rows.values()}.values())
    shown = {id(r["appeal"]) for r in unique if r["appeal"] is not None}
    return unique + [{"req": None, "event": None, "whats": [], "sources": list(f.sources), "appeal": f}
                     for f in site.figures if f.metric == "appeal" and id(f) not in shown]


def _party(name: str, site) -> str:
    """Who asks or is asked, compared: "the EU", "European Union (EU)" and "the European Union" are one."""
    name = fold(name)
    if name.endswith(")") and "(" in name:
        name = name[:name.rindex("(")].strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return site.abbreviations.get(name, name).split(",")[0].strip().lower()


def _add_wording(whats: list[str], what: str) -> None:
    """Each outlet's wording of what was asked, unless another wording holds it word for word."""
    given = fold(what).lower()
    if any(given in fold(w).lower() for w in whats):
        return
    whats[:] = [w for w in whats if fold(w).lower() not in given] + [what]


def _request_order(row: dict) -> tuple:
    e, f, req = row["event"], row["appeal"], row["req"]
    day = e.when.start if e else (f.as_of if req is None and f.as_of else row["sources"][0].published.isoformat())
    return (day, fold(req.asker if req else f.donor or ""), f.id if f else "")


def render(site) -> str:
    figs, topic = site.figures, site.settings.topic
    about = f"{topic.chart.section}, casualties" if topic.chart else "Casualties"
    out = [
        *front_matter(f"{about}, aid and requests for help: {plural(len(figs), 'figure')} from "
                      f"{plural(len({s.seed for f in figs for s in f.sources}), 'article')}, each with its date and source."),
        "# Humanitarian response",
        "",
        "Every number below is quoted from an article in our sources, with the day it was true or announced. "
        "Where the article gives no day of its own, the day it was published stands in, marked “reported”.",
        "",
        "## Key figures",
        "",
        "The latest dated value of each measure; a newer article updates it.",
        "",
        *key_figures(figs, topic.key),
        "",
    ]
    for title, metrics, intro in (
            ("Arrivals", ["arrivals"], f"{site.settings.labels['arrivals']}, by the day of the count."),
            ("People remaining and population before", ["population", "remaining"], None),
            ("Displaced people and people in need", ["displaced", "affected"], None),
            ("Detained and rescued", ["detained", "rescued"], None),
            ("Vehicles", ["vehicles"], None),
            ("Buildings", ["buildings"], None),
            # every figure is linked from Sources, so every measure needs a row here
            ("Other counts", ["people", "share", "other"], "Other numbers the articles give, in their words.")):
        rows = [f for f in figs if f.metric in metrics]
        if not rows:
            continue
        charted = topic.chart is not None and topic.chart.measure in metrics
        out += [f"## {esc(topic.chart.section if charted else title)}", "", *([esc(intro), ""] if intro else [])]
        if charted:
            out += _chart(site)
        out.append(TABLE_HEAD)
        out += [figure_row(f) for f in sorted(rows, key=lambda f: (f.metric, f.as_of or "", f.value, f.id))]
        out.append("")
    out += casualties(site)
    out += aid(site)
    out += requests(site)
    return "\n".join(out) + "\n"


def _chart(site) -> list[str]:
    c = site.settings.topic.chart
    svg = chart.arrivals_svg(site.figures, number_words, latest(site.figures, c.reference) if c.reference else None,
                             title=c.title, reference=c.reference_label, measure=c.measure, counted=c.counted,
                             compiled=site.memo.get("chart"))
    return [svg, ""] if svg else []
