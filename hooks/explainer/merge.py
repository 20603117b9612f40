"""One item per fact: what several outlets report alike becomes one item with all its sources.

Events are compared only within the same date and status, and there only with the items
that share a distinctive word (an inverted index), so the work grows with the number of
sentences, not with its square. Figures merge on (measure, number, unit, day); different
numbers for the same measure and day are kept side by side and flagged.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, TypeVar

from .model import Context, Event, Figure, Source

STOP = set("""a an the of to in on at by for from with and or but as is are was were be been has have had
it its this that these those which who whom whose what when where while after before since into over
about than then there their they them he she his her we our you your not no also more most said says
would will could can may might do does did just only new one two three""".split())
SIMILAR = 0.75      # share of the shorter item's words the longer one must have
SAME_ARTICLE = 0.9  # two sentences of one article are one item only when nearly identical
MAX_CANDIDATES = 64


WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if len(w) > 2 and w not in STOP)


def _add_sources(target: list[Source], extra: Iterable[Source]) -> None:
    seeds = {s.seed for s in target}
    for s in extra:
        if s.seed not in seeds:
            target.append(s)
            seeds.add(s.seed)


T = TypeVar("T", Event, Context)
# How one group's items merge: (item kept, [items merged into it, in order]) per item kept, in the
# order first seen, by the items' places in the group.
Plan = list[tuple[int, list[int]]]


def merge_items(items: list[T], key) -> list[T]:
    """Merge items with the same `key(item)` whose words overlap enough; keeps first-seen order.
    Each group (the items with one key) merges on its own."""
    groups: dict = defaultdict(list)                 # key -> the items' places in `items`
    for n, item in enumerate(items):
        groups[key(item)].append(n)
    kept: list[tuple[int, T]] = []
    for places in groups.values():
        members = [items[n] for n in places]
        for first, merged in _plan(members):
            into = members[first]
            for other in merged:
                _add_sources(into.sources, members[other].sources)
                if isinstance(into, Event):
                    into.claim = into.claim or members[other].claim
            kept.append((places[first], into))
    kept.sort(key=lambda pair: pair[0])
    return [item for _, item in kept]


def _plan(items: list[T]) -> Plan:
    """How items of one group merge: each joins the earlier kept item that shares the most words."""
    plan: Plan = []
    index: dict[str, list[int]] = defaultdict(list)    # word -> kept items' numbers in `plan`
    bags: list[tuple[frozenset[str], set[str]]] = []   # per kept item: its words, the seeds of its sources
    for place, item in enumerate(items):
        bag = words(item.text)
        seeds = {s.seed for s in item.sources}
        counts: dict[int, int] = defaultdict(int)
        for w in bag:
            for n in index.get(w, ())[-MAX_CANDIDATES:]:
                counts[n] += 1
        # most shared words first, then first seen: the same choice whatever order the bag's words come in
        candidates = sorted(counts)
        candidates.sort(key=counts.__getitem__, reverse=True)
        best, best_score = None, 0.0
        for n in candidates[:MAX_CANDIDATES]:
            shared = counts[n]
            other, other_seeds = bags[n]
            score = shared / max(1, min(len(bag), len(other)))
            need = SAME_ARTICLE if not seeds.isdisjoint(other_seeds) else SIMILAR
            if score >= need and shared / max(1, len(bag | other)) >= 0.4 and score > best_score:
                best, best_score = n, score
        if best is not None:
            plan[best][1].append(place)
            bags[best][1].update(seeds)
            continue
        n = len(plan)
        plan.append((place, []))
        bags.append((bag, seeds))
        for w in bag:
            index[w].append(n)
    return plan


def merge_events(events: list[Event]) -> list[Event]:
    out = merge_items(events, lambda e: (e.when, e.status))
    for e in out:
        e.sources.sort(key=lambda s: (s.outlet.lower(), s.seed))
    return _unique_ids(sorted(out, key=lambda e: (e.when.lo, e.when.hi, e.status, e.id)))


def merge_context(items: list[Context]) -> list[Context]:
    out = merge_items(items, lambda c: c.topic)
    for c in out:
        c.sources.sort(key=lambda s: (s.outlet.lower(), s.seed))
    return _unique_ids(out)


def merge_figures(found: list[Figure]) -> list[Figure]:
    by_key: dict[tuple, Figure] = {}
    for f in found:
        # a population before the exodus is one number whatever day an article repeats it
        day = None if f.metric == "population" else f.as_of
        key = (f.metric, f.unit, f.value, f.value_max, day, f.qualifier if f.qualifier in ("exact", "between") else "bound",
               _who_key(f))
        if key in by_key:
            kept = by_key[key]
            _add_sources(kept.sources, f.sources)
            if f.metric == "population" and (f.as_of or "") < (kept.as_of or "~"):
                kept.as_of, kept.as_of_basis = f.as_of, f.as_of_basis
        else:
            by_key[key] = f
    out = list(by_key.values())
    # different exact numbers for the same measure, whose and day: flag them all
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in out:
        if f.qualifier == "exact" and f.as_of:
            groups[(f.metric, f.unit, f.as_of, _who_key(f))].append(f)
    for same in groups.values():
        if len({f.value for f in same}) > 1 and _from_several_articles(same):
            for f in same:
                f.differs = True
    for f in out:
        f.sources.sort(key=lambda s: (s.outlet.lower(), s.seed))
    out.sort(key=lambda f: (f.metric, f.as_of or "", f.value, f.unit, f.id))
    return _unique_ids(out)


def _who_key(f: Figure) -> str:
    """"Azerbaijani soldiers" and "soldiers" count the same people: compare the counted noun."""
    parts = (f.who or "").lower().split()
    return parts[-1] if parts else ""


def _from_several_articles(same: list[Figure]) -> bool:
    """Numbers only conflict when they come from different articles."""
    return len({s.seed for f in same for s in f.sources}) > 1


def _unique_ids(items: list) -> list:
    seen: dict[str, int] = {}
    for item in items:
        base = item.id
        if base in seen:
            seen[base] += 1
            item.id = f"{base}-{seen[base]}"
        else:
            seen[base] = 1
    return items
