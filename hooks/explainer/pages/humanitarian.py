"""Humanitarian response: arrivals, casualties, aid and appeals, each number with its "as of" and source."""
from __future__ import annotations

import re

from .. import chart
from .common import esc, number_words, short_day, source_link
from .timeline import entry

PATH = "humanitarian.md"
KEY_METRICS = ("arrivals", "population", "remaining", "vehicles")
REQUEST = re.compile(r"\b(?:asked|ask|asks|request\w*|appeal\w*|urged|called on|called for|calls on|seeking|sought)\b", re.I)


def latest(figures, metric: str):
    """The latest dated value of a measure (exact counts before bounds on the same day); None if none."""
    pool = [f for f in figures if f.metric == metric]
    if not pool:
        return None
    return max(pool, key=lambda f: (f.as_of or "", f.qualifier == "exact", f.value, -len(f.sources)))


def as_of_text(f) -> str:
    if not f.as_of:
        return "date not given"
    basis = {"sentence": "", "context": " (from the preceding sentence)", "publication": " (publication date)"}.get(f.as_of_basis, "")
    return esc(short_day(f.as_of)) + basis


def sources_cell(f, prefix: str = "") -> str:
    return "; ".join(source_link(s, prefix) for s in f.sources)


def figure_row(f, prefix: str = "") -> str:
    words = esc(f.words)
    flag = " ⚠ differs between outlets" if f.differs else ""
    return f"| {esc(number_words(f))} | {as_of_text(f)} | “{words}”{flag} | {sources_cell(f, prefix)} |"


TABLE_HEAD = "| Number | As of | In the source's words | Source |\n|---:|---|---|---|"


def render(site) -> str:
    figs = site.figures
    out = [
        "---",
        "description: Arrivals in Armenia, casualties, aid and appeals, each number with its date and source.",
        "---",
        "",
        "# Humanitarian response",
        "",
        "Every number below is quoted from an article in our sources, with the day it was true or announced "
        "(“as of”). Where the article gives no day, the article's publication date is used and marked so.",
        "",
        "## Key figures",
        "",
    ]
    for metric in KEY_METRICS:
        f = latest(figs, metric)
        if f is None:
            continue
        out.append(f"- **{esc(f.label)}:** {esc(number_words(f))}, as of {as_of_text(f)} — {sources_cell(f)}")
    out.append("")
    sections = [
        ("Arrivals in Armenia", ["arrivals"], "People from Nagorno-Karabakh who had arrived in Armenia, by the day of the count."),
        ("People remaining and population before", ["population", "remaining"], None),
        ("Vehicles", ["vehicles"], None),
        ("Casualties", ["killed", "wounded", "missing"], "By side as the source gives it; a claim by one side is attributed in the source's words."),
        ("Aid", ["aid"], "Amounts in the source's currency; conversions only where the source gives them."),
        ("Appeals for aid", ["appeal"], None),
    ]
    for title, metrics, intro in sections:
        rows = [f for f in figs if f.metric in metrics]
        if not rows:
            continue
        out += [f"## {title}", ""]
        if intro:
            out += [intro, ""]
        if metrics[0] == "arrivals":
            svg = chart.arrivals_svg(figs, number_words, latest(figs, "population"))
            if svg:
                out += [svg, ""]
        if metrics[0] in ("killed",):
            out += ["| Number | Who | As of | In the source's words | Source |", "|---:|---|---|---|---|"]
            for f in sorted(rows, key=lambda f: (f.metric, f.as_of or "", f.value)):
                flag = " ⚠ differs between outlets" if f.differs else ""
                out.append(f"| {esc(number_words(f))} {esc(f.metric)} | {esc(f.who or '')} | {as_of_text(f)} | “{esc(f.words)}”{flag} | {sources_cell(f)} |")
        elif metrics[0] in ("aid", "appeal"):
            out += ["| Amount | Previously | Source's conversion | For | As of | Source |", "|---:|---|---|---|---|---|"]
            for f in sorted(rows, key=lambda f: (f.as_of or "", f.value)):
                prev = esc(f"{int(f.previous):,} {f.unit}") if f.previous is not None else ""
                out.append(f"| {esc(number_words(f))} | {prev} | {esc(f.converted or '')} | {esc(f.recipient or '')} | {as_of_text(f)} | {sources_cell(f)} |")
        else:
            out.append(TABLE_HEAD)
            for f in sorted(rows, key=lambda f: (f.metric, f.as_of or "", f.value)):
                out.append(figure_row(f))
        out.append("")
    requests = [e for e in site.events if e.section == "timeline" and REQUEST.search(" ".join(s.quote for s in e.sources))]
    if requests:
        out += ["## Requests for help", "", "Who asked whom for what, as the articles report it.", ""]
        for e in requests:
            out.append(entry(e).replace('class="entry" id="', 'class="entry" id="req-'))
    return "\n".join(out) + "\n"
