"""Who's who: the people and organisations the articles name, with the roles the articles give them."""
from __future__ import annotations

from .common import SHOWN_CITATIONS, SHOWN_ITEMS, esc, front_matter, more, plural, quote_line, source_link, when_label
from .queries import naming, page_of, who

PATH = "people.md"


def render(site) -> str:
    people, orgs = who(site)
    out = [
        *front_matter(f"{plural(len(people), 'person').replace('persons', 'people')} and "
                      f"{plural(len(orgs), 'organisation')} the articles name, with the roles the articles give them "
                      "and their sources."),
        "# Who's who",
        "",
        f"{plural(len(people), 'person').replace('persons', 'people')} and {plural(len(orgs), 'organisation')} "
        "named in our sources. Each role is given in the article's own words, with the article that gives it; "
        "a name spelled differently by different outlets is listed once. Abbreviations are spelled out in "
        "the [Glossary](glossary.md).",
        "",
        "## People",
        "",
    ]
    if not people:
        out += ["No person named with a role has been found in the articles yet.", ""]
    for p in people:
        out += [f"### {esc(p.name)} {{ #{p.slug} }}", ""]
        others = [s for s in p.spellings if s != p.name]
        if others:
            out += [f"Also spelled: {', '.join(esc(s) for s in sorted(others))}.", ""]
        for role, sources in p.roles.items():
            notes = [f"[role set by an editor](sources.md#corrections): {esc(c.why)}" for c in site.corrections
                     if c.changes.get("role") == role and any(c.seed == f"{s.seed}.md" for s in sources)]
            out.append(f"- {esc(role)} — " + cited(sources) + "".join(f" ({n})" for n in notes))
        out.append("")
        first = next(iter(p.roles.values()))[0]
        out += [f"> {quote_line(first)}", ""]
        items = naming(site, p)
        if items:
            out += [f'??? note "Named in {plural(len(items), "item")} on this site"', ""]
            for e in items[:SHOWN_ITEMS]:
                text = e.text if len(e.text) <= 140 else e.text[:137].rstrip() + "…"
                out.append(f"    - [{esc(when_label(e.when))}: {esc(text)}]({page_of(e)}#{e.id})")
            if len(items) > SHOWN_ITEMS:
                out.append(f"    - {more(len(items) - SHOWN_ITEMS, 'item', 'event')}")
            out.append("")
    out += ["## Organisations", ""]
    if not orgs:
        out += ["No organisation has been found in the articles yet.", ""]
    else:
        out += ["| Organisation | Named in |", "|---|---|"]
        for o in orgs:
            name = esc(o.name) + (f" ({esc(o.abbr)})" if o.abbr else "")
            out.append(f'| <span id="{o.slug}"></span>{name} | ' + cited(o.sources) + " |")
        out.append("")
    return "\n".join(out) + "\n"


def cited(sources) -> str:
    """The articles that give a role or name an organisation: the first SHOWN_CITATIONS, then how many more."""
    links = "; ".join(source_link(s) for s in sources[:SHOWN_CITATIONS])
    rest = len(sources) - SHOWN_CITATIONS
    return links + (f"; {more(rest, 'article')}" if rest > 0 else "")
