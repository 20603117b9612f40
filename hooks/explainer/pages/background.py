"""Background: what happened before the topic's turning point, in date order, and the context the articles give."""
from __future__ import annotations

from .common import by_date, corrected_notes, day_label, esc, front_matter, plural, quote_line
from .queries import name_index

PATH = "background.md"


def render(site) -> str:
    events = [e for e in site.events if e.section == "background"]
    turning_point = site.settings.topic.turning_point
    before = f"{turning_point} of {day_label(site.settings.cutoff)}"
    out = [
        *front_matter(f"What happened before {before} and the context the articles give, each item cited."),
        "# Background",
        "",
        f"What the articles say happened before {esc(before)}, oldest first, "
        "and the context they give. Every item quotes its source.",
        "",
        f"## Before {esc(turning_point)} {{ #before }}",
        "",
    ]
    out += by_date(events, "###", name_index(site))
    if not events:
        out.append(f"No dated statements before {esc(turning_point)} have been found in the articles yet.")
        out.append("")
    out += ["## Context", "",
            "Statements of the situation that carry no date of their own, by topic.", ""]
    by_topic = {}
    for c in site.context:
        by_topic.setdefault(c.topic, []).append(c)
    for topic in [*site.settings.topics, *(t for t in by_topic if t not in site.settings.topics)]:
        items = by_topic.get(topic, [])
        if not items:
            continue
        out.append(f"### {esc(topic)}")
        out.append("")
        for c in items:
            n = len({s.outlet for s in c.sources})
            out.append(f'- <span class="entry" id="{c.id}"></span>{esc(c.text)}')
            out.append(f"    <small>{' · '.join([plural(n, 'outlet'), *corrected_notes(c)])}</small>")
            out.append("")
            for s in c.sources:
                out.append(f"    > {quote_line(s)}")
                out.append("")
    return "\n".join(out) + "\n"
