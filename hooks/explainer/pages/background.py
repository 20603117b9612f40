"""Background: what happened before the topic's turning point, in date order, and the context the articles give."""
from __future__ import annotations

from .common import by_date, day_label, entry, esc, front_matter, plural
from .queries import name_index

PATH = "background.md"


def render(site) -> str:
    events = [e for e in site.events if e.section == "background"]
    turning_point = site.settings.topic.turning_point
    before = f"{turning_point} of {day_label(site.settings.cutoff)}"
    out = [
        *front_matter(f"What happened before {before} ({plural(len(events), 'dated item')}) and the context the "
                      f"articles give ({plural(len(site.context), 'statement')}), each item cited."),
        "# Background",
        "",
        f"What the articles say happened before {esc(before)}, oldest first, "
        "and the context they give. Every item quotes the sentence it rests on, "
        "with the words that dated it marked, then its outlet and the article's date.",
        "",
        f"## Before {esc(turning_point)} {{ #before }}",
        "",
    ]
    names = name_index(site)
    out += by_date(events, "###", names)
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
        out += [f"### {esc(topic)}", ""]
        for c in items:
            out += entry(c, topic, 4, names=names, inline=True)
    return "\n".join(out) + "\n"
