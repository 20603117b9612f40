"""Who's who: the people and organisations the articles name, with the roles the articles give them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..read.text import fold
from .common import esc, plural, quote_line, source_link, when_label

PATH = "people.md"


@dataclass
class Entry:
    slug: str
    name: str
    kind: str                                    # person | organisation
    abbr: str | None = None
    roles: dict[str, list] = field(default_factory=dict)     # role as written -> sources
    sources: list = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)


def _slug(prefix: str, name: str) -> str:
    return prefix + "-" + "-".join(re.findall(r"[a-z0-9]+", fold(name).lower().replace("’", "'"))).strip("-")


def _same_person(a: str, b: str) -> bool:
    """"Nikol Pashinyan" and "Nikol Pashinian": one first name, surnames alike in their first letters."""
    fa, fb = a.split(), b.split()
    if fa[0] != fb[0] or len(fa) != len(fb):
        return False
    sa, sb = fa[-1].lower(), fb[-1].lower()
    return sa == sb or (sa[:5] == sb[:5] and abs(len(sa) - len(sb)) <= 1)


def collect(site) -> tuple[list[Entry], list[Entry]]:
    """Who's who's people and organisations; computed once per build (three pages ask for it)."""
    if "people" not in site.memo:
        site.memo["people"] = _collect(site)
    return site.memo["people"]


def _collect(site) -> tuple[list[Entry], list[Entry]]:
    people: list[Entry] = []
    alike: dict[tuple[str, int], list[Entry]] = {}     # (first name, words): the only candidates for _same_person
    orgs: dict[str, Entry] = {}
    seen: dict = {}                                    # id(entry) [, role] -> seeds already among its sources
    for x in site.extracted:
        for m, src in x.mentions:
            if m.kind == "person":
                first = m.name.split()
                candidates = alike.setdefault((first[0], len(first)), [])
                e = next((p for p in candidates if _same_person(p.name, m.name)), None)
                if e is None:
                    e = Entry(_slug("p", m.name), m.name, "person")
                    people.append(e)
                    candidates.append(e)
                e.spellings[m.name] += 1
                if m.role:
                    role_seeds = seen.setdefault((id(e), m.role), set())
                    if src.seed not in role_seeds:
                        role_seeds.add(src.seed)
                        e.roles.setdefault(m.role, []).append(src)
            else:
                key = fold(m.name).lower().replace("’", "'")
                e = orgs.setdefault(key, Entry(_slug("o", m.name), m.name, "organisation"))
                e.abbr = e.abbr or m.abbr
            seeds = seen.setdefault(id(e), set())
            if src.seed not in seeds:
                seeds.add(src.seed)
                e.sources.append(src)
    for p in people:
        p.name = sorted(p.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        p.slug = _slug("p", p.name)
        # "Prime Minister" says less than "Armenian Prime Minister": keep the fuller wording
        roles = sorted(p.roles, key=len, reverse=True)
        keep = [r for i, r in enumerate(roles) if not any(r.lower() in longer.lower() for longer in roles[:i])]
        p.roles = {r: p.roles[r] for r in sorted(keep, key=lambda r: (-len(p.roles[r]), r.lower()))}
    people = [p for p in people if p.roles]
    ending: dict[str, list[str]] = {}        # "state department" -> ["u.s. state department", ...]
    for k in orgs:
        for i, ch in enumerate(k):
            if ch == " ":
                ending.setdefault(k[i + 1:], []).append(k)
    for key in sorted(orgs, key=len):        # "State Department" is the "U.S. State Department" named short
        longer = ending.get(key, [])         # all longer than `key`, so none popped yet
        if len(longer) == 1:
            target = orgs[longer[0]]
            target.abbr = target.abbr or orgs[key].abbr
            target.sources += [s for s in orgs.pop(key).sources if all(t.seed != s.seed for t in target.sources)]
    return (sorted(people, key=lambda p: (p.name.split()[-1].lower(), p.name.lower())),
            sorted(orgs.values(), key=lambda o: fold(o.name).lower()))


def link_index(site) -> dict[str, str]:
    """Names as they may appear in a statement (full name, each spelling, surname) -> anchor on this page."""
    people, _ = collect(site)
    index: dict[str, str] = {}
    surnames = Counter(p.name.split()[-1] for p in people)
    for p in people:
        for spelling in p.spellings:
            index[spelling] = p.slug
            last = spelling.split()[-1]
            if surnames[p.name.split()[-1]] == 1:
                index.setdefault(last, p.slug)
    return index


def mentions(site, person: Entry) -> list:
    """The dated items whose statement names the person (full name, a spelling, or the surname)."""
    names = sorted({*person.spellings, *(n.split()[-1] for n in person.spellings)}, key=lambda n: (-len(n), n))
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    surnames = {n.split()[-1] for n in person.spellings}      # in every name: a cheap test before the pattern
    return [e for e in site.events if any(s in e.text for s in surnames) and rx.search(e.text)]


def render(site) -> str:
    people, orgs = collect(site)
    out = [
        "---",
        "description: The people and organisations the articles name, with the roles the articles give them and their sources.",
        "---",
        "",
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
            out.append(f"- {esc(role)} — " + "; ".join(source_link(s) for s in sources))
        out.append("")
        first = next(iter(p.roles.values()))[0]
        out += [f"> {quote_line(first)}", ""]
        items = mentions(site, p)
        if items:
            out += [f'??? note "Named in {plural(len(items), "item")} on this site"', ""]
            for e in items:
                page = "timeline.md" if e.section == "timeline" else "background.md"
                text = e.text if len(e.text) <= 140 else e.text[:137].rstrip() + "…"
                out.append(f"    - [{esc(when_label(e.when))}: {esc(text)}]({page}#{e.id})")
            out.append("")
    out += ["## Organisations", ""]
    if not orgs:
        out += ["No organisation has been found in the articles yet.", ""]
    else:
        out += ["| Organisation | Named in |", "|---|---|"]
        for o in orgs:
            name = esc(o.name) + (f" ({esc(o.abbr)})" if o.abbr else "")
            out.append(f'| <span id="{o.slug}"></span>{name} | ' + "; ".join(source_link(s) for s in o.sources) + " |")
        out.append("")
    return "\n".join(out) + "\n"
