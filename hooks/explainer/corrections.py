"""Editors' corrections: `corrections.yml` beside mkdocs.yml, a reviewed fix of what the engine got
wrong, without touching the article (seeds stay verbatim) or the engine.

Each entry selects one item by its article (`seed:` the file name in seeds/) and a verbatim piece
of its quote (`quote:`), narrowed if need be by `kind:` (event, figure, context) and, for a figure,
`number:` (its value as published), and says what to change and why (`why:` required):

    - seed: 2023-09-30-example-outlet-story.md
      quote: "crossed the bridge on Friday"
      date: 2023-09-29          # a day, 2023-09, 2023, 2023-09-28..2023-09-30, or null (undated)
      why: The article was written on Saturday; the crossing was on Friday.

`hide: true` takes an item off the pages and data; `figure:` sets a figure's `value`, `unit`,
`qualifier`, `metric` or `as_of`; `side:` and `according_to:` a casualty figure's; `role:` the role of
a person the sentence names (`person:` part of the name, if it names several). Corrections
apply to each article's items before they merge, so a corrected date merges with its day. Every
corrected item keeps `corrected: [{field, was, now, why}]` in the data, and the pages say so.

Never silently stale: an entry whose selector matches no item, or more than one, is an error
(`corrections.yml:LINE: …`); one that changes nothing is reported as removable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from .errors import Problem, SeedError, half_character
from .model import Context, Event, Extracted, Figure, When
from .read.text import fold

FILE = "corrections.yml"
SELECT = ("seed", "quote", "kind", "number", "person")
CHANGES = ("date", "hide", "figure", "side", "according_to", "role", "same_as", "not_same_as")
LINKS = ("same_as", "not_same_as")       # two items: one (merged whatever their words) or two (never merged)
KNOWN = (*SELECT, "why", *CHANGES)
FIGURE_FIELDS = ("value", "unit", "qualifier", "metric", "as_of")
KINDS = {"event": "events", "figure": "figures", "context": "context", "person": "mentions"}
# What each change applies to.
APPLIES = {"date": ("event", "context"), "hide": ("event", "figure", "context"), "figure": ("figure",),
           "side": ("figure",), "according_to": ("figure",), "role": ("person",), "same_as": ("event", "context"),
           "not_same_as": ("event", "context")}


@dataclass(frozen=True)
class Correction:
    line: int
    seed: str                   # the seed's file name
    quote: str
    why: str
    changes: dict               # change -> value (a `figure:` change holds a dict of fields)
    kind: str | None = None
    number: float | None = None
    person: str | None = None       # for a role: (part of) the person's name


def load(path: Path, shown: str = FILE) -> list[Correction]:
    """The corrections in `path` (none if there is no file); SeedError listing every problem."""
    if not path.is_file():
        return []
    if path.is_symlink():
        raise SeedError([Problem(shown, 1, "is a symbolic link: keep corrections.yml a plain file in the project")])
    problems: list[Problem] = []
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise SeedError([Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {err.problem}")]) from None
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise SeedError([Problem(shown, node.start_mark.line + 1, "must be a list of corrections, each starting with '- seed:'")])
    out = [c for entry in node.value if (c := _entry(entry, shown, problems)) is not None]
    if problems:
        raise SeedError(problems)
    return out


def _entry(node, shown: str, problems: list[Problem]) -> Correction | None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(shown, line, "each correction is a mapping: seed, quote, why and one change"))
        return None
    raw = {k.value: (v, k.start_mark.line + 1) for k, v in node.value}
    before = len(problems)
    for key, (value, at) in raw.items():
        if key not in KNOWN:
            problems.append(Problem(shown, at, f"unknown key '{key}'; known: {', '.join(KNOWN)}"))
        elif isinstance(value, yaml.ScalarNode) and (why := half_character(value.value)):
            problems.append(Problem(shown, at, f"{key}: {why}"))
    for key in ("seed", "quote", "why"):
        if key not in raw or not _text(raw[key][0]):
            problems.append(Problem(shown, line, f"'{key}' is required (a text)"))
    changes = [k for k in CHANGES if k in raw]
    if len(changes) != 1:
        problems.append(Problem(shown, line, f"give exactly one change of: {', '.join(CHANGES)}"))
    if len(problems) > before:
        return None
    seed = _text(raw["seed"][0])
    if "/" in seed or "\\" in seed or not seed.endswith(".md"):
        problems.append(Problem(shown, raw["seed"][1], f"seed: {seed!r} is not a file name in seeds/ (like 2023-09-30-outlet-story.md)"))
        return None
    change = changes[0]
    value = _change(change, *raw[change], shown, problems)
    kind = _text(raw["kind"][0]) if "kind" in raw else None
    if kind is not None and kind not in KINDS:
        problems.append(Problem(shown, raw["kind"][1], f"kind: {kind!r} is none of {', '.join(KINDS)}"))
    number = _number(raw["number"][0]) if "number" in raw else None
    if "number" in raw and number is None:
        problems.append(Problem(shown, raw["number"][1], "number: give the figure's value as digits"))
    if len(problems) > before:
        return None
    person = _text(raw["person"][0]) if "person" in raw else None
    return Correction(line, seed, _text(raw["quote"][0]), _text(raw["why"][0]), {change: value}, kind, number, person)


def _text(node) -> str:
    return node.value.strip() if isinstance(node, yaml.ScalarNode) else ""


def _number(node) -> float | None:
    try:
        return float(_text(node).replace(",", ""))
    except ValueError:
        return None


def _change(change: str, node, line: int, shown: str, problems: list[Problem]):
    """The value a change sets, checked; None (and a problem) if it is wrong."""
    if change == "date":
        text = _text(node)
        if text in ("null", "~", ""):
            return None
        when = parse_when(text)
        if when is None:
            problems.append(Problem(shown, line, f"date: {text!r} is not YYYY-MM-DD, YYYY-MM, YYYY, FROM..TO, or null"))
        return when
    if change == "hide":
        if _text(node) != "true":
            problems.append(Problem(shown, line, "hide: the only value is true"))
        return True
    if change == "figure":
        return _figure_fields(node, line, shown, problems)
    if change in LINKS:
        other = {k.value: _text(v) for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
        if set(other) != {"seed", "quote"} or not all(other.values()) or not other["seed"].endswith(".md"):
            problems.append(Problem(shown, line, f"{change}: give the other item's seed and quote (seed: …md, quote: …)"))
        return (other.get("seed", ""), other.get("quote", ""))
    if not _text(node):
        problems.append(Problem(shown, line, f"{change}: give a text"))
    return _text(node)


def _figure_fields(node, line: int, shown: str, problems: list[Problem]) -> dict:
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(shown, line, f"figure: give one or more of {', '.join(FIGURE_FIELDS)}"))
        return {}
    fields = {}
    for k, v in node.value:
        at, key, text = k.start_mark.line + 1, k.value, _text(v)
        if key not in FIGURE_FIELDS:
            problems.append(Problem(shown, at, f"figure: unknown field '{key}'; known: {', '.join(FIGURE_FIELDS)}"))
        elif key == "value" and _number(v) is None:
            problems.append(Problem(shown, at, "figure value: give a number"))
        elif key == "as_of" and text not in ("null", "~") and parse_when(text, days_only=True) is None:
            problems.append(Problem(shown, at, f"figure as_of: {text!r} is not YYYY-MM-DD or null"))
        else:
            fields[key] = _number(v) if key == "value" else (None if text in ("null", "~") else text)
    return fields


_DAY = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_when(text: str, days_only: bool = False) -> When | None:
    """"2023-09-29", "2023-09", "2023" or "2023-09-28..2023-09-30" as a When; None if it is none."""
    if ".." in text:
        lo, hi = (parse_when(t.strip(), days_only=True) for t in text.split("..", 1))
        return When(lo.lo, hi.hi, "span") if lo and hi and lo.lo < hi.hi and not days_only else None
    m = _DAY.match(text.strip())
    if not m or (days_only and not m.group(3)):
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    try:
        if d:
            date(y, mo, d) if y > 0 else None
            return When((y, mo, d), (y, mo, d), "day")
        if mo:
            last = (date(y + (mo == 12), mo % 12 + 1, 1) - date(y, mo, 1)).days
            return When((y, mo, 1), (y, mo, last), "month")
    except ValueError:
        return None
    return When((y, 1, 1), (y, 12, 31), "year")


@dataclass(frozen=True, eq=False)         # compared and hashed as itself: one per entry
class Link:
    """Two items an editor says are one (`same`) or two: each as its source (seed, line, quote)."""
    same: bool
    a: tuple
    b: tuple
    correction: Correction


@dataclass
class Applied:
    extracted: list[Extracted]      # each article's yield, corrected
    links: list[Link]               # what merging must do: see `Apart` and `join`
    problems: list[Problem]         # entries that match no item or several
    notes: list[Problem]            # entries that change nothing now: removable


def apply(extracted: list[Extracted], corrections: list[Correction], cutoff: date, labels: dict[str, str],
          shown: str = FILE) -> Applied:
    """Each article's yield with the corrections applied (new records; what was given is left as
    it is), the links between items for merging, the problems (an entry that matches no item or
    several) and the notes (an entry that changes nothing now: removable)."""
    by_seed = {f"{x.article.slug}.md": x for x in extracted}
    problems: list[Problem] = []
    notes: list[Problem] = []
    links: list[Link] = []
    for c in corrections:
        x = by_seed.get(c.seed)
        if x is None:
            problems.append(Problem(shown, c.line, f"no article seeds/{c.seed}: was it renamed or removed?"))
            continue
        found = _select(x, c)
        if len(found) != 1:
            what = "no item" if not found else f"{len(found)} items ({', '.join(_describe(k, i) for k, i in found)})"
            hint = "" if not found else ": add kind: (event, figure, context) or number: to choose one"
            problems.append(Problem(shown, c.line, f"matches {what} of seeds/{c.seed} quoting {c.quote!r}{hint}"))
            continue
        (kind, item), = found
        change, value = next(iter(c.changes.items()))
        if change in LINKS:
            _link(by_seed, c, kind, item, value, links, problems, shown)
            continue
        new_kind, new_item, was, now = _changed(kind, item, change, value, cutoff, labels)
        if was == now:
            notes.append(Problem(shown, c.line, f"changes nothing now ({change} is already {now!r}): remove it"))
            continue
        if new_item is not None and kind != "person":        # a role's note: Who's who reads the entry
            new_item.corrected.append({"field": change, "was": was, "now": now, "why": c.why})
        by_seed[c.seed] = _swap(by_seed[c.seed], kind, item, new_kind, new_item)
    return Applied([by_seed[f"{x.article.slug}.md"] for x in extracted], links, problems, notes)


def _select(x: Extracted, c: Correction) -> list[tuple[str, object]]:
    change = next(iter(c.changes))
    piece = fold(c.quote)
    if change == "role":                        # a person named in the sentence: (Mention, Source)
        return [("person", pair) for pair in x.mentions if pair[0].kind == "person" and piece in fold(pair[1].quote)
                and (c.person is None or c.person.lower() in pair[0].name.lower())]
    return [(kind, item) for kind in APPLIES[change] if c.kind in (None, kind)
            for item in getattr(x, KINDS[kind])
            if any(piece in fold(s.quote) for s in item.sources)
            and (c.number is None or kind != "figure" or item.value == c.number)]


def _describe(kind: str, item) -> str:
    if kind == "figure":
        return f"figure {item.metric} {item.value:g}"
    if kind == "person":
        return f"person {item[0].name}"
    return f"{kind} {item.when.key}" if kind == "event" else "context"


def _changed(kind: str, item, change: str, value, cutoff: date, labels: dict[str, str]):
    """(kind, the item as corrected or None if hidden, the value before, after)."""
    if change == "hide":
        return kind, None, False, True
    if change == "role":
        return kind, (replace(item[0], role=value), item[1]), item[0].role, value
    if change == "date":
        return _dated(kind, item, value, cutoff)
    if change == "figure":
        fields = {k: v for k, v in value.items() if getattr(item, k) != v}
        if "metric" in fields:
            fields["label"] = labels.get(fields["metric"], fields["metric"])
        if "as_of" in fields:
            fields["as_of_basis"] = "editor" if fields["as_of"] else "none"
        was = {k: getattr(item, k) for k in value}
        return kind, replace(item, **fields, sources=list(item.sources), corrected=list(item.corrected)), was, {**was, **value}
    return kind, replace(item, **{change: value}, sources=list(item.sources), corrected=list(item.corrected)), \
        getattr(item, change), value


def _dated(kind: str, item, when: When | None, cutoff: date):
    """An event or context statement with another date; with none, an event becomes context."""
    was = item.when.key if kind == "event" else None
    now = when.key if when else None
    if when is None:
        return "context", Context(item.id, "Undated", item.text, list(item.sources), list(item.corrected)), was, now
    section = "background" if when.hi < (cutoff.year, cutoff.month, cutoff.day) else "timeline"
    base = item.id.split("-", 3)[-1] if kind == "event" else item.id
    status = item.status if kind == "event" else "done"
    return "event", Event(f"{when.start}-{base}", when, section, item.text, status, list(item.sources),
                          getattr(item, "caption", None), getattr(item, "claim", False), list(item.corrected)), was, now


def _swap(x: Extracted, kind: str, item, new_kind: str, new_item) -> Extracted:
    """The article's yield with `item` replaced by `new_item` (None: removed), in its own list."""
    lists = {k: list(getattr(x, k)) for k in KINDS.values()}
    own = lists[KINDS[kind]]
    at = next(n for n, i in enumerate(own) if i is item)
    if new_item is None or new_kind != kind:
        del own[at]
        if new_item is not None:
            lists[KINDS[new_kind]].append(new_item)
    else:
        own[at] = new_item                      # in its place: the order of an article's items stays
    return replace(x, **lists)


def _key(item) -> tuple:
    s = item.sources[0]
    return (s.seed, s.line, s.quote)


def _link(by_seed, c: Correction, kind: str, item, other: tuple, links: list, problems: list, shown: str) -> None:
    """Record that `item` and the item `other` (seed, quote) names are one item or two."""
    x = by_seed.get(other[0])
    found = [] if x is None else _select(x, Correction(c.line, other[0], other[1], c.why, {"hide": True}, kind))
    if len(found) != 1:
        problems.append(Problem(shown, c.line, f"{next(iter(c.changes))}: matches {len(found) or 'no'} item(s) of "
                                               f"seeds/{other[0]} quoting {other[1]!r}"))
        return
    links.append(Link("same_as" in c.changes, _key(item), _key(found[0][1]), c))


class Apart:
    """`merge_items`' `apart`: True where a `not_same_as` link keeps an item out of a group; records
    which links kept anything apart (the others change nothing now)."""

    def __init__(self, links: list[Link]):
        self.pairs = {frozenset((link.a, link.b)): link for link in links if not link.same}
        self.used: set[Link] = set()

    def __call__(self, item, group) -> bool:
        for other in group:
            link = self.pairs.get(frozenset((_key(item), _key(other))))
            if link is not None:
                self.used.add(link)
                return True
        return False


def join(items: list, links: list[Link], apart: Apart, shown: str = FILE) -> tuple[list, list[Problem]]:
    """Merged items with each `same_as` link's two items made one (the second keeps its date and
    words and gains the first's outlets), both kinds of link noted on the items; the notes of links
    that change nothing now."""
    notes, gone = [], set()

    def holding(key):
        return next((i for i in items if id(i) not in gone and any((s.seed, s.line, s.quote) == key for s in i.sources)), None)

    for link in links:
        a, b = holding(link.a), holding(link.b)
        if a is None or b is None:
            continue                            # the other kind of item (event or context): joined there
        c = link.correction
        done = (a is not b) if link.same else (link in apart.used)
        if not done:
            notes.append(Problem(shown, c.line, f"changes nothing now (the items are already {'one' if link.same else 'two'}): remove it"))
            continue
        note = {"field": "same_as" if link.same else "not_same_as", "was": "two items" if link.same else "one item",
                "now": "one item" if link.same else "two items", "why": c.why}
        if link.same:
            b.sources.extend(s for s in a.sources if s not in b.sources)
            gone.add(id(a))
        for item in ((b,) if link.same else (a, b)):
            item.corrected.append(note)
    return [i for i in items if id(i) not in gone], notes
