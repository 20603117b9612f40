"""One item per fact: what several outlets report alike becomes one item with all its sources.

Items are compared only within the same date and status (context: topic), and there only with
the items that share a distinctive word or count (an inverted index) and whose amounts could agree
(`_Amounts`: one item's all among the other's), so the work grows with the number of sentences, not
with its square. Two items merge when most of their words are the same;
dated items from two articles also when they give the same count and tell it alike (`_by_count`).
Items whose numbers disagree never merge. Figures merge on (measure, number, unit, day); different
numbers for the same measure and day are kept side by side and flagged.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cached_property, lru_cache
from itertools import chain, combinations
from typing import Iterable, TypeVar

from .extract.words import MONTHS, NUMBER_WORDS, WEEKDAYS, may_start, number
from .model import Context, Event, Figure, Source
from .patterns import Programs

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

STOP = set("""a an the of to in on at by for from with and or but as is are was were be been has have had
it its this that these those which who whom whose what when where while after before since into over
about than then there their they them he she his her we our you your not no also more most said says
would will could can may might do does did just only new one two three""".split())
SIMILAR = 0.75      # share of the shorter item's words the longer one must have
SAME_ARTICLE = 0.9  # two sentences of one article are one item only when nearly identical
MAX_CANDIDATES = 64
# Two articles giving the same count on one day: the share of the shorter item's stems the other
# must have, and how many stems (numbers aside) they must share at least.
BY_COUNT, BY_COUNT_STEMS = 1 / 3, 4
STEM = 6            # a word's stem is its first letters: "Sylvania", "Sylvanian", "Sylvanians" are one
# Words that tell one thing in several ways, each read as the first word of its line; verbs of saying
# tell nothing of the fact.
SYNONYMS = {w: line.split()[0] for line in (
    "fled flee flees fleeing left leave leaves leaving escaped",
    "almost nearly",
    "soldiers troops servicemen",
    "killed died dead",
    "wounded injured",
    "arrived entered reached",
) for w in line.split()}
SAYING = set("said says say announced announces stated reported reports told confirmed according".split())
NOT_NAMES = STOP | SAYING | set(MONTHS) | set(WEEKDAYS)   # capitalised at times, never who acts

WORD = _PATTERNS.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
NAME = _PATTERNS.compile(r"\b[A-Z][\w’'-]*")
# A number not inside another: (?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?… written to start with a digit (the
# look back comes after it), so that the regex engine scans for digits instead of trying every position.
DIGITS = _PATTERNS.compile(r"(\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(\.\d+)?(?:\s+(thousand|million|billion)\b)?", re.I)
SPELLED = _PATTERNS.compile(rf"\b(?:{NUMBER_WORDS})\b(?:\s+(million|billion)\b)?", re.I)
VAGUE = _PATTERNS.compile(r"\b" + may_start("tdhm") + r"(?:(?:tens|hundreds) of thousands|dozens|hundreds|thousands|millions)\b",
                          re.I)
VAGUE_HINT = _PATTERNS.compile(r"dozens|hundreds|thousands|millions")      # every match of VAGUE has one, in lower case
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# a word of every number written out ("twenty-five", "a dozen"): the text is searched only if it has one
SPELLED_HINT = set("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen""".split())
_spelled = lru_cache(maxsize=4096)(number)


def words(tokens: list[str]) -> frozenset[str]:
    """The distinctive words of a text's words (lower case, as `WORD` finds them)."""
    return frozenset(w for w in tokens if len(w) > 2 and w not in STOP)


def numbers(text: str, tokens: list[str] | None = None) -> tuple[frozenset, frozenset]:
    """Every amount the text gives (values; vague ones as words: "thousands"), and the distinctive
    ones: counts of 100 or more that are not a year ("192", "4,850"; not "1991", "two")."""
    found, distinctive = set(), set()
    for m in DIGITS.finditer(text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or "")) * SCALE.get((m.group(3) or "").lower(), 1)
        found.add(value)
        year = "," not in m.group(1) and not m.group(2) and not m.group(3) and 1000 <= value <= 2100
        if value >= 100 and not year:
            distinctive.add(value)
    tokens = WORD.findall(text.lower()) if tokens is None else tokens
    if not SPELLED_HINT.isdisjoint(tokens) or any(not SPELLED_HINT.isdisjoint(t.split("-")) for t in tokens if "-" in t):
        for m in SPELLED.finditer(text):
            value = _spelled(m.group(0).rsplit(None, 1)[0] if m.group(1) else m.group(0))
            if value is not None:
                found.add(value * SCALE.get((m.group(1) or "").lower(), 1))
    if not text.isascii() or VAGUE_HINT.search(text.lower()):          # beyond ASCII, case folding may make one
        found.update(m.group(0).lower() for m in VAGUE.finditer(text))
    return frozenset(found), frozenset(distinctive)


def _base(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


def _stem(word: str) -> str:
    word = _base(word.lower())
    return SYNONYMS.get(word, word)[:STEM]


def stems(tokens: list[str]) -> frozenset[str]:
    """The words that tell the fact, each as its stem: no numbers, no stop words, no verbs of saying."""
    parts = (p for w in tokens for p in _base(w).split("-"))
    return frozenset(_stem(p) for p in parts if len(p) > 2 and not p[0].isdigit() and p not in STOP and p not in SAYING)


def names(text: str) -> tuple[str, ...]:
    """The stems of the names in a text, in order: its capitalised words, save stop words and
    calendar words."""
    parts = (p for w in NAME.findall(text) for p in _base(w).split("-"))
    return tuple(dict.fromkeys(_stem(p) for p in parts
                               if len(p) > 1 and p.lower() not in NOT_NAMES and not p[0].isdigit()))


class Bag:
    """What two items are compared by: words and amounts at once, stems and names when a
    comparison needs them."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = WORD.findall(text.lower())
        self.words = words(self.tokens)
        self.counts, self.distinctive = numbers(text, self.tokens)   # every amount; those two outlets
                                                                     # would not give alike by chance

    @cached_property
    def stems(self) -> frozenset[str]:
        return stems(self.tokens)

    @cached_property
    def names(self) -> tuple[str, ...]:          # the first is most often who acts
        return names(self.text)

    @cached_property
    def told(self) -> frozenset[str]:             # stems and names: all a reader finds in the item
        return self.stems | set(self.names)


def _same_actor(a: Bag, b: Bag) -> bool:
    """Different actors never merge: the first name of one (most often who acts) must be in the other."""
    return not a.names or not b.names or a.names[0] in b.told or b.names[0] in a.told


def _by_count(a: Bag, b: Bag) -> float:
    """Two articles that give the same distinctive count on the same day, one naming no one the
    other does not, and that share enough stems tell one fact: the share of the shorter item's
    stems; else 0."""
    if not a.distinctive & b.distinctive or not (set(a.names) <= b.told or set(b.names) <= a.told):
        return 0.0
    shared = len(a.stems & b.stems)
    score = shared / max(1, min(len(a.stems), len(b.stems)))
    return score if shared >= BY_COUNT_STEMS and score >= BY_COUNT and _same_actor(a, b) else 0.0


def _score(a: Bag, b: Bag, same_article: bool, by_count: bool) -> float:
    """How alike two items are, 0 if they must stay apart. Different numbers never merge: one
    item's amounts must all be among the other's."""
    if not (a.counts <= b.counts or b.counts <= a.counts):
        return 0.0
    shared = len(a.words & b.words)
    score = shared / max(1, min(len(a.words), len(b.words)))
    if score >= (SAME_ARTICLE if same_article else SIMILAR) and shared / max(1, len(a.words | b.words)) >= 0.4:
        return score if _same_actor(a, b) else 0.0
    return _by_count(a, b) if by_count and not same_article else 0.0


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


def merge_items(items: list[T], key, by_count: bool = False, apart=None) -> list[T]:
    """Merge items with the same `key(item)` that are alike (`_score`); keeps first-seen order.
    Each group (the items with one key) merges on its own. `apart(item, group)`: True where an
    editor keeps the item out of that group of items (corrections.yml `not_same_as`)."""
    groups: dict = defaultdict(list)                 # key -> the items' places in `items`
    for n, item in enumerate(items):
        groups[key(item)].append(n)
    kept: list[tuple[int, T]] = []
    for places in groups.values():
        members = [items[n] for n in places]
        for first, merged in _plan(members, by_count, apart):
            into = members[first]
            for other in merged:
                _add_sources(into.sources, members[other].sources)
                into.corrected.extend(c for c in members[other].corrected if c not in into.corrected)
                if isinstance(into, Event):
                    into.claim = into.claim or members[other].claim
            kept.append((places[first], into))
    kept.sort(key=lambda pair: pair[0])
    return [item for _, item in kept]


class _Amounts:
    """The kept items by their amounts (`Bag.counts`), to tell quickly which of them an item could merge
    with at all: `_score` is 0 unless one item's amounts are all among the other's."""

    LIMIT = 10          # an item with more amounts is compared with every candidate (2**10 subsets at most)

    def __init__(self):
        self.exactly: dict[frozenset, list[int]] = defaultdict(list)     # amounts -> kept items with just those
        self.holding: dict[object, set[int]] = defaultdict(set)          # an amount -> kept items that give it

    def add(self, n: int, counts: frozenset) -> None:
        self.exactly[counts].append(n)
        for v in counts:
            self.holding[v].add(n)

    def fitting(self, counts: frozenset) -> set[int] | None:
        """The kept items whose amounts are a part of `counts` or hold all of them; None: any may be."""
        if not counts or len(counts) > self.LIMIT:
            return None
        found: set[int] = set()
        values = list(counts)
        for k in range(len(values) + 1):
            for part in combinations(values, k):
                found.update(self.exactly.get(frozenset(part), ()))
        holders = sorted((self.holding.get(v, set()) for v in values), key=len)
        return found | holders[0].intersection(*holders[1:])


def _plan(items: list[T], by_count: bool, apart=None) -> Plan:
    """How items of one group merge: each joins the earlier kept item it is most alike."""
    plan: Plan = []
    index: dict[str, list[int]] = defaultdict(list)    # word or count -> kept items' numbers in `plan`
    bags: list[tuple[Bag, set[str]]] = []              # per kept item: its bag, the seeds of its sources
    amounts = _Amounts()
    for place, item in enumerate(items):
        this = Bag(item.text)
        keys = [*this.words, *(f"#{v!r}" for v in this.distinctive)]
        seeds = {s.seed for s in item.sources}
        fitting = amounts.fitting(this.counts)     # the others score 0: no need to find or score them
        counts = Counter(chain.from_iterable(index[w][-MAX_CANDIDATES:] for w in keys if w in index)) \
            if fitting is None or fitting else {}
        # most shared words first, then first seen: the same choice whatever order the bag's words come in
        candidates = sorted(counts)
        candidates.sort(key=counts.__getitem__, reverse=True)
        best, best_score = None, 0.0
        for n in candidates[:MAX_CANDIDATES]:
            if fitting is not None and n not in fitting:
                continue
            other, other_seeds = bags[n]
            score = _score(this, other, not seeds.isdisjoint(other_seeds), by_count)
            if score > best_score and not (apart and apart(item, [items[p] for p in (plan[n][0], *plan[n][1])])):
                best, best_score = n, score
        if best is not None:
            plan[best][1].append(place)
            bags[best][1].update(seeds)
            continue
        plan.append((place, []))
        bags.append((this, seeds))
        amounts.add(len(plan) - 1, this.counts)
        for w in keys:
            index[w].append(len(plan) - 1)
    return plan


def merge_events(events: list[Event], apart=None) -> list[Event]:
    out = merge_items(events, lambda e: (e.when, e.status), by_count=True, apart=apart)
    for e in out:
        e.sources.sort(key=lambda s: (s.outlet.lower(), s.seed))
    return _unique_ids(sorted(out, key=lambda e: (e.when.lo, e.when.hi, e.status, e.id)))


def merge_context(items: list[Context], apart=None) -> list[Context]:
    out = merge_items(items, lambda c: c.topic, apart=apart)
    for c in out:
        c.sources.sort(key=lambda s: (s.outlet.lower(), s.seed))
    return _unique_ids(out)


def merge_figures(found: list[Figure]) -> list[Figure]:
    by_key: dict[tuple, Figure] = {}
    for f in found:
        # a population before the event is one number whatever day an article repeats it
        day = None if f.metric == "population" else f.as_of
        key = (f.metric, f.unit, f.value, f.value_max, day, f.qualifier if f.qualifier in ("exact", "between") else "bound",
               _who_key(f))
        if key in by_key:
            kept = by_key[key]
            _add_sources(kept.sources, f.sources)
            kept.corrected.extend(c for c in f.corrected if c not in kept.corrected)
            for name in FILLED:
                if getattr(kept, name) is None:
                    setattr(kept, name, getattr(f, name))
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


# What one outlet says of a number and another may not: a merged figure keeps the first given.
FILLED = ("according_to", "side", "donor", "recipient", "purpose", "converted")
# Nouns that count the same people, under the first: "4,850 people" and "4,850 residents" fled.
COUNTED = {w: line.split()[0] for line in (
    "people persons residents inhabitants individuals refugees",
    "soldiers troops servicemen",
) for w in line.split()}


def _who_key(f: Figure) -> str:
    """"Freedonian soldiers", "soldiers" and "troops" count the same people: compare the counted
    noun, a people's name ("ethnic Sylvanians") counting people. The number comes before the noun,
    so a capital there is a name's."""
    parts = (f.who or "").split()
    if not parts:
        return ""
    noun = parts[-1]
    if noun.lower() in COUNTED:
        return COUNTED[noun.lower()]
    return "people" if noun[0].isupper() and noun.endswith("s") else noun.lower()


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


_PATTERNS.save()
