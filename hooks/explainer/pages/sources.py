"""Sources: every article as a card, with the items on the site that rest on it."""
from __future__ import annotations

from .common import attr, day_label, esc, plural, short_day

PATH = "sources.md"
KINDS = {"article": "News article", "gallery": "Photo gallery", "press-release": "Press release"}


def render(site) -> str:
    cites: dict[str, list[tuple[str, str]]] = {a.slug: [] for a in site.articles}
    for e in site.events:
        page = "timeline.md" if e.section == "timeline" else "background.md"
        for s in e.sources:
            cites[s.seed].append((f"{page}#{e.id}", f"{short_day(e.when.start) if e.when.precision == 'day' else e.when.key}: {e.text}"))
    for c in site.context:
        for s in c.sources:
            cites[s.seed].append((f"background.md#{c.id}", f"Context, {c.topic}: {c.text}"))
    for f in site.figures:
        for s in f.sources:
            cites[s.seed].append(("humanitarian.md", f"Figure: {f.words} ({f.label})"))
    out = [
        "---",
        "description: The news articles this site is built from, with what each one supports.",
        "---",
        "",
        "# Sources",
        "",
        f"This site is built from {plural(len(site.articles), 'article')} by "
        f"{plural(len({a.outlet for a in site.articles}), 'outlet')}. It quotes them and links to them; "
        "the articles remain their owners'. Each card lists the items on this site that rest on the article.",
        "",
    ]
    for a in sorted(site.articles, key=lambda a: (a.published, a.outlet.lower(), a.slug)):
        out.append(f"## {esc(a.outlet)}: {esc(a.title)} {{ #{a.slug} }}")
        out.append("")
        out.append(f"- **Published:** {esc(day_label(a.published))}")
        out.append(f"- **Kind:** {KINDS.get(a.kind, esc(a.kind))}")
        if a.url:
            out.append(f'- **Link:** <a href="{attr(a.url)}" rel="noopener noreferrer">{esc(a.url)}</a>')
        else:
            out.append("- **Link:** not known (the copy we received gives none)")
        if a.notes:
            out.append(f"- **How the details were established:** {esc(a.notes)}")
        items = cites[a.slug]
        out.append(f"- **Items on this site resting on it:** {len(items)}")
        out.append("")
        if items:
            out.append("??? info \"What this article supports\"")
            out.append("")
            for href, label in items:
                short = label if len(label) <= 160 else label[:157].rstrip() + "…"
                out.append(f"    - [{esc(short)}]({href})")
            out.append("")
    return "\n".join(out) + "\n"
