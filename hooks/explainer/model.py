"""Plain data records passed between the engine's stages."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from datetime import date


def _pickled_by_values(cls):
    """Pickle a record as its class and its fields' values, in order: half the instructions of pickling
    its slots by name (and for a frozen record, dataclasses' own way looks its fields up again for each
    one, a third of reading the cache at 10,000 articles). Every field must be one `__init__` takes."""
    if not all(f.init for f in fields(cls)):
        raise TypeError(f"{cls.__name__}: a field __init__ does not take cannot be pickled by values")
    values = attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self):
        return cls, values(self)
    cls.__reduce__ = __reduce__
    return cls


@_pickled_by_values
@dataclass(frozen=True, slots=True)
class Article:
    slug: str            # file stem, e.g. 2031-04-02-wire-valley-flooded
    path: str            # seeds/<slug>.md, as editors see it
    title: str
    outlet: str
    published: date
    url: str | None
    kind: str            # article | gallery | press-release
    notes: str | None
    body: str            # the article text exactly as received
    body_line: int       # line number of the body's first line in the file
    original: str | None = None


@_pickled_by_values
@dataclass(frozen=True, slots=True)
class When:
    """A resolved date: a day, span, week, month, year, decade or century.

    `lo`/`hi` are (year, month, day) tuples of the first and last day covered,
    so that BC years (negative) still sort.
    """
    lo: tuple[int, int, int]
    hi: tuple[int, int, int]
    precision: str       # day | span | week | month | year | decade | century

    @property
    def start(self) -> str:
        return _fmt(self.lo, self.precision)

    @property
    def end(self) -> str | None:
        if self.precision in ("span", "week") or (
                self.precision in ("decade", "century") and self.lo != self.hi):
            if self.precision in ("decade", "century"):
                return _fmt(self.hi, "year")
            return _fmt(self.hi, "day")
        return None

    @property
    def key(self) -> str:
        return self.start + (".." + self.end if self.end else "")


def _fmt(t: tuple[int, int, int], precision: str) -> str:
    y, m, d = t
    ys = f"{y:04d}" if y >= 0 else f"-{-y:04d}"
    if precision in ("year", "decade", "century"):
        return ys
    if precision == "month":
        return f"{ys}-{m:02d}"
    return f"{ys}-{m:02d}-{d:02d}"


@_pickled_by_values
@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression found in a sentence and what it resolves to."""
    expression: str      # the words that gave the date, as written
    start: int           # offsets in the sentence text
    end: int
    when: When
    planned: bool = False    # announced for later, not done
    anaphoric: bool = False  # "a day earlier": relative to another date in the text
    nested: bool = False     # inside a ", who/which/where …," clause
    limit: bool = False      # "until 2025", "before 1991": a bound, not the date of the statement
    of_event: bool = False   # "the earthquake on Sept. 8": when a thing named just before happened
    names: bool = False      # "his September 28 decision": the date of a thing named after it
    basis: str = "text"      # text | dateline


@dataclass(slots=True)
class Sentence:
    text: str            # verbatim from the body (may contain line breaks)
    start: int           # offset in the article body
    line: int            # line in the seed file
    block: int           # paragraph index
    caption: dict | None = None   # for gallery captions: number, place, credit
    boilerplate: bool = False     # repeated within the article
    quote: str = field(init=False, repr=False)    # the text with its white space folded: what its sources quote

    def __post_init__(self) -> None:
        self.quote = " ".join(self.text.split())  # one string for every item the sentence yields


@_pickled_by_values
@dataclass(slots=True)
class Source:
    seed: str
    outlet: str
    url: str | None
    published: date
    quote: str           # verbatim sentence from the seed
    expression: str | None = None
    line: int = 0


@_pickled_by_values
@dataclass(slots=True)
class Event:
    id: str
    when: When
    section: str         # background | timeline
    text: str
    status: str          # done | planned
    sources: list[Source] = field(default_factory=list)
    caption: dict | None = None
    claim: bool = False
    corrected: list[dict] = field(default_factory=list)   # editors' corrections: field, was, now, why


@_pickled_by_values
@dataclass(slots=True)
class Figure:
    id: str
    metric: str
    label: str
    value: float
    unit: str
    qualifier: str
    words: str                   # the number as written, e.g. "more than 20,000 vehicles"
    as_of: str | None
    as_of_basis: str             # sentence | context | publication | none
    sources: list[Source] = field(default_factory=list)
    value_max: float | None = None       # ranges: "between 50 and 1,000"
    previous: float | None = None        # changes: "from 2 to 5 million euros"
    converted: str | None = None         # the source's own conversion, as given
    who: str | None = None               # killed/wounded: whose (e.g. "Freedonian soldiers")
    donor: str | None = None             # aid: the country or organisation that gives; appeals: who asks
    announced_by: str | None = None      # aid: the person who announced it ("Annalena Baerbock"), if the article names one
    recipient: str | None = None
    purpose: str | None = None           # aid: what it is, in the article's words ("humanitarian aid package")
    side: str | None = None              # casualties: whose side, from the article's words
    according_to: str | None = None      # casualties: who gives the number ("Fredville", "Freedonia's Health Ministry")
    differs: bool = False                # another outlet gives another number for the same measure and day
    corrected: list[dict] = field(default_factory=list)   # editors' corrections: field, was, now, why


@_pickled_by_values
@dataclass(slots=True)
class Context:
    """An undated statement of background (status, population, the road...)."""
    id: str
    topic: str
    text: str
    sources: list[Source] = field(default_factory=list)
    corrected: list[dict] = field(default_factory=list)   # editors' corrections: field, was, now, why


# What extraction yields. These live here, not in extract.py or actors.py, so that a build whose
# articles all come from the cache unpickles them without importing (and compiling) the extractors.

@_pickled_by_values
@dataclass(frozen=True, slots=True)
class Mention:
    name: str
    role: str | None
    kind: str                    # person | organisation
    abbr: str | None = None
    start: int = 0


@_pickled_by_values
@dataclass(frozen=True, slots=True)
class Request:
    asker: str
    whom: str | None
    what: str


@_pickled_by_values
@dataclass(slots=True)
class Extracted:
    """Everything one article yields: what `extract.extract()` returns and the cache stores."""
    article: Article
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    context: list[Context] = field(default_factory=list)
    dateline: str | None = None
    captions: int = 0
    mentions: list[tuple[Mention, Source]] = field(default_factory=list)   # people and organisations named
    requests: list[tuple[Request, Source]] = field(default_factory=list)   # who asked whom for what
    stated: tuple | None = None          # the day the article's own dateline or date line gives: (kind, text, When)
    opening: tuple[str, ...] = ()        # its dateline as written, dated or not ("FREDVILLE (Wire) -"): no statement


# Measures whose counts are decided by their unit or are money: a topic's verbs cannot signal them, nor its
# words (but for vehicles and buildings, whose words are the counted nouns of that unit).
NOT_BY_WORDS = ("aid", "appeal", "share", "other")
NOT_BY_VERBS = NOT_BY_WORDS + ("vehicles", "buildings")

# The measures a figure can count (their labels are settings: settings.DEFAULT_LABELS).
METRICS = ("arrivals", "population", "remaining", "killed", "wounded", "missing", "vehicles", "aid", "appeal", "share",
           "people", "displaced", "affected", "detained", "rescued",
           "buildings", "other")
