"""Background: what happened before the offensive, in date order, and the context the articles give."""
from __future__ import annotations

from .common import esc, plural, quote_line
from .people import link_index
from .timeline import by_date

PATH = "background.md"


def render(site) -> str:
    events = [e for e in site.events if e.section == "background"]
    out = [
        "---",
        "description: What happened before the offensive of 19 September 2023 and the context the articles give, each item cited.",
        "---",
        "",
        "# Background",
        "",
        "What the articles say happened before the offensive of 19 September 2023, oldest first, "
        "and the context they give. Every item quotes its source.",
        "",
        "## Before the offensive",
        "",
    ]
    out += by_date(events, "###", link_index(site))
    if not events:
        out.append("No dated statements before the offensive have been found in the articles yet.")
        out.append("")
    out += ["## Context", "",
            "Statements of the situation that carry no date of their own, by topic.", ""]
    by_topic = {}
    for c in site.context:
        by_topic.setdefault(c.topic, []).append(c)
    for topic in site.settings.topics:
        items = by_topic.get(topic, [])
        if not items:
            continue
        out.append(f"### {esc(topic)}")
        out.append("")
        for c in items:
            n = len({s.outlet for s in c.sources})
            out.append(f'- <span class="entry" id="{c.id}"></span>{esc(c.text)}')
            out.append(f"    <small>{plural(n, 'outlet')}</small>")
            out.append("")
            for s in c.sources:
                out.append(f"    > {quote_line(s)}")
                out.append("")
    return "\n".join(out) + "\n"
