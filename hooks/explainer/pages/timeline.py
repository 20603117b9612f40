"""Timeline: from the topic's turning point on, grouped by day under linkable headings."""
from __future__ import annotations

from .common import by_date, day_label, esc, front_matter, plural
from .queries import name_index

PATH = "timeline.md"


def render(site) -> str:
    events = [e for e in site.events if e.section == "timeline"]
    outlets = {s.outlet for e in events for s in e.sources}
    since = f"{site.settings.topic.turning_point} of {day_label(site.settings.cutoff)}"
    out = [
        *front_matter(f"Day by day from {since}, each entry quoting the article it rests on."),
        "# Timeline",
        "",
        f"From {esc(since)} on: {plural(len(events), 'entry').replace('entrys', 'entries')} "
        f"from {plural(len(outlets), 'outlet')}. Each entry quotes the sentence it rests on and says how its date "
        "was established; where several outlets report the same thing, they are listed together. "
        "What happened earlier is under [Background](background.md).",
        "",
    ]
    out += by_date(events, "##", name_index(site))
    if not events:
        out.append(f"No dated statements from {esc(since)} on have been found in the articles yet.")
    return "\n".join(out) + "\n"
