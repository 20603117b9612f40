"""Timeline: from the offensive on, grouped by day under linkable headings."""
from __future__ import annotations

from itertools import groupby

from .common import anchor_for, esc, how_dated, linked, plural, quote_line, when_label
from .people import link_index

PATH = "timeline.md"


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
    lines.append(f"    <small>{' · '.join(meta)}</small>")
    lines.append("")
    for s in e.sources:
        lines.append(f"    > {quote_line(s, prefix)}")
        lines.append("")
    return "\n".join(lines)


def by_date(events, level: str = "##", names: dict[str, str] | None = None) -> list[str]:
    """Items under one linkable heading per date (day, span, week, month, ...)."""
    out = []
    for when, group in groupby(events, key=lambda e: e.when):
        out.append(f"{level} {esc(when_label(when))} {{ #{anchor_for(when)} }}")
        out.append("")
        out.extend(entry(e, names=names) for e in group)
    return out


def render(site) -> str:
    events = [e for e in site.events if e.section == "timeline"]
    outlets = {s.outlet for e in events for s in e.sources}
    out = [
        "---",
        "description: Day by day from the Azerbaijani offensive of 19 September 2023, each entry quoting the article it rests on.",
        "---",
        "",
        "# Timeline",
        "",
        f"From the offensive of {esc('19 September 2023')} on: {plural(len(events), 'entry').replace('entrys', 'entries')} "
        f"from {plural(len(outlets), 'outlet')}. Each entry quotes the sentence it rests on and says how its date "
        "was established; where several outlets report the same thing, they are listed together. "
        "What happened earlier is under [Background](background.md).",
        "",
    ]
    out += by_date(events, "##", link_index(site))
    if not events:
        out.append("No dated statements from the offensive on have been found in the articles yet.")
    return "\n".join(out) + "\n"
