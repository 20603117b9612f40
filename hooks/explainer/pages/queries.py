"""What several pages (and the written pages' markers) ask of the site, answered in one place:
which page holds an item, the latest value of a measure, the item resting on a sentence, and
the people and organisations the articles name (the Who's who index other pages link names to).

Page modules import this and `common`, never each other.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..read.text import fold
from .common import names_pattern


def page_of(event) -> str:
    """The page a dated item is on."""
    return "timeline.md" if event.section == "timeline" else "background.md"


def figure_anchor(f) -> str:
    """A figure's anchor on the Humanitarian response page."""
    return f"fig-{f.id}"


def latest(figures, metric: str):
    """The latest dated value of a measure (exact counts before bounds on the same day); None if none."""
    pool = [f for f in figures if f.metric == metric]
    if not pool:
        return None
    return max(pool, key=lambda f: (f.as_of or "", f.qualifier == "exact", f.value, -len(f.sources)))


def events_by_quote(site) -> dict[tuple[str, str], object]:
    """(seed, quote) -> the item on the site that rests on that sentence."""
    return {(s.seed, fold(s.quote)): e for e in site.events for s in e.sources}


# --- Who's who: people and organisations ------------------------------------------------------

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
    """An anchor for a name, in ASCII: "Janez Lenarčič" -> p-janez-lenarcic."""
    ascii_name = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()
    words = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))
    return f"{prefix}-{words or hashlib.sha256(name.encode()).hexdigest()[:10]}"      # a name in another script


# One surname as several alphabets' spellings give it in Latin letters, each rewritten one way:
# a doubled letter (Hassanov, Hasanov), "y" or "iy" before a vowel (Karimyan, Karimian; Soliyev,
# Soliev), a final "i", "iy" or "yy" (Zelenskiy, Zelenskyy, Zelensky).
SPELLING = ((re.compile(r"(.)\1"), r"\1"), (re.compile(r"i?y(?=[aeiou])"), "i"), (re.compile(r"(?:iy|i|y)$"), "y"))


def _person_key(name: str) -> tuple[str, int, str]:
    """A person's first name, number of names and surname spelt one way: "Aram Karimyan" and
    "Aram Karimian" are one person, "Lev Ostrov" and "Ivo Ostrov" two."""
    parts = name.split()
    last = "".join(c for c in unicodedata.normalize("NFKD", parts[-1].lower()) if not unicodedata.combining(c))
    for pattern, spelt in SPELLING:
        last = pattern.sub(spelt, last)
    return parts[0], len(parts), last


def who(site) -> tuple[list[Entry], list[Entry]]:
    """The people (with a role) and organisations the articles name; computed once per build."""
    if "people" not in site.memo:
        people, orgs = _gather(site)
        site.memo["people"] = (_people(people), _organisations(orgs))
    return site.memo["people"]


def _gather(site) -> tuple[list[Entry], dict[str, Entry]]:
    """Every mention, person or organisation, under one entry per person or organisation."""
    people: list[Entry] = []
    alike: dict[tuple[str, int, str], Entry] = {}      # _person_key -> the person
    orgs: dict[str, Entry] = {}
    seen: dict = {}                                    # id(entry) [, role] -> seeds already among its sources
    for x in site.extracted:
        for m, src in x.mentions:
            if m.kind == "person":
                e = alike.get(_person_key(m.name))
                if e is None:
                    e = alike[_person_key(m.name)] = Entry(_slug("p", m.name), m.name, "person")
                    people.append(e)
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
    return people, orgs


def _people(people: list[Entry]) -> list[Entry]:
    """Each person under the spelling most used, with the fuller of two roles alike; people with a role."""
    for p in people:
        p.name = sorted(p.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        p.slug = _slug("p", p.name)
        # "Prime Minister" says less than "Freedonian Prime Minister": keep the fuller wording
        roles = sorted(p.roles, key=len, reverse=True)
        keep = [r for i, r in enumerate(roles) if not any(r.lower() in longer.lower() for longer in roles[:i])]
        p.roles = {r: p.roles[r] for r in sorted(keep, key=lambda r: (-len(p.roles[r]), r.lower()))}
    return sorted((p for p in people if p.roles), key=lambda p: (p.name.split()[-1].lower(), p.name.lower()))


def _organisations(orgs: dict[str, Entry]) -> list[Entry]:
    """"State Department" is the "U.S. State Department" named short: one entry when only one name ends so."""
    ending: dict[str, list[str]] = {}        # "state department" -> ["u.s. state department", ...]
    for k in orgs:
        for i, ch in enumerate(k):
            if ch == " ":
                ending.setdefault(k[i + 1:], []).append(k)
    for key in sorted(orgs, key=len):
        longer = ending.get(key, [])         # all longer than `key`, so none popped yet
        if len(longer) == 1:
            target = orgs[longer[0]]
            target.abbr = target.abbr or orgs[key].abbr
            target.sources += [s for s in orgs.pop(key).sources if all(t.seed != s.seed for t in target.sources)]
    return sorted(orgs.values(), key=lambda o: fold(o.name).lower())


class Names(dict):
    """name -> anchor, with `pattern` finding any of the names (made once for a page's thousands of quotes)."""

    @cached_property
    def pattern(self) -> re.Pattern:
        return names_pattern(self)


def name_index(site) -> Names:
    """Names as they may appear in a statement (full name, each spelling, surname) -> anchor on Who's who."""
    people, _ = who(site)
    index = Names()
    surnames = Counter(p.name.split()[-1] for p in people)
    for p in people:
        for spelling in p.spellings:
            index[spelling] = p.slug
            last = spelling.split()[-1]
            if surnames[p.name.split()[-1]] == 1:
                index.setdefault(last, p.slug)
    return index


def naming(site, person: Entry) -> list:
    """The dated items whose statement names the person (full name, a spelling, or the surname), where the
    name starts and ends a word (no letter, digit, _ or - on either side)."""
    if "named" not in site.memo:
        site.memo["named"] = _named(site.events, {n for p in who(site)[0] for n in _names(p)})
    places = set().union(*(site.memo["named"].get(n, ()) for n in _names(person)))
    return [site.events[i] for i in sorted(places)]


def _names(person: Entry) -> set[str]:
    return {*person.spellings, *(n.split()[-1] for n in person.spellings)}


_WORD = re.compile(r"(?<![\w-])\w+")       # where a name may start, and its first word
_GOES_ON = re.compile(r"[\w-]")


def _named(events: list, names: set[str]) -> dict[str, set[int]]:
    """Each name -> the places in `events` of the statements naming it. Read once for all names, word by
    word (at 10,000 articles, a search per person through 50,000 statements took 5 s)."""
    by_word: dict[str, set[str]] = {}
    for name in names:
        first = re.match(r"\w+", name)
        by_word.setdefault(first.group() if first else "", set()).add(name)
    named: dict[str, set[int]] = {}
    for i, e in enumerate(events):
        for m in _WORD.finditer(e.text):
            for name in by_word.get(m.group(), ()):
                if e.text.startswith(name, m.start()) and not _GOES_ON.match(e.text, m.start() + len(name)):
                    named.setdefault(name, set()).add(i)
    for name in by_word.get("", ()):                # a name starting with no letter or digit
        rx = names_pattern([name])
        named[name] = {i for i, e in enumerate(events) if rx.search(e.text)}
    return named
