"""The published data files: data/timeline.json, data/figures.json and data/context.json (format:
docs/data.md), each made a piece at a time (`"".join` gives its text)."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .model import Context, Event, Figure, Source


def _source(s: Source, with_expression: bool) -> dict:
    d = {"seed": s.seed, "outlet": s.outlet, "url": s.url, "published": s.published.isoformat(), "quote": s.quote}
    if with_expression:
        d["expression"] = s.expression
    return d


def event_record(e: Event) -> dict:
    d = {
        "id": e.id, "start": e.when.start, "end": e.when.end, "precision": e.when.precision,
        "section": e.section, "status": e.status, "text": e.text, "contested": e.claim,
        "sources": [_source(s, True) for s in e.sources],
    }
    if e.caption:
        d["photo"] = {k: e.caption.get(k) for k in ("number", "place", "credit")}
    if e.corrected:
        d["corrected"] = e.corrected
    return d


# `metric` in the data files is one of the generic measures any explainer's data can be read by (killed, wounded,
# missing, arrivals or displaced, rescued, affected, population, remaining, detained, vehicles, buildings, aid, appeal,
# other); `measure` is the engine's own, by the name the topic file uses. A count of people no measure describes
# (`people`) and a percentage (`share`) are `other`: they claim no measure.
GENERIC = {"people": "other", "share": "other"}


def figure_record(f: Figure) -> dict:
    d = {
        "id": f.id, "metric": GENERIC.get(f.metric, f.metric), "measure": f.metric, "label": f.label,
        "value": _num(f.value), "unit": f.unit,
        "qualifier": f.qualifier, "words": f.words, "as_of": f.as_of, "as_of_basis": f.as_of_basis,
        "sources": [_source(s, False) for s in f.sources],
    }
    for key in ("value_max", "previous"):
        if getattr(f, key) is not None:
            d[key] = _num(getattr(f, key))
    for key in ("converted", "who", "side", "according_to", "donor", "announced_by", "recipient", "purpose"):
        if getattr(f, key):
            d[key] = getattr(f, key)
    if f.differs:
        d["differs"] = True
    if f.corrected:
        d["corrected"] = f.corrected
    return d


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def pieces(key: str, records: Iterable[dict]) -> Iterator[str]:
    """`{"events": [...]}` with one record per line, a record at a time (`"".join` gives the file's
    text; written as it is made, no file is ever whole in memory: at 10,000 articles the timeline's
    records would take 150 MB at once). One record per line: readable, line-by-line diffs, and
    written by json's C encoder (an indented dump is pure Python, three times slower)."""
    first = True
    for r in records:
        yield ("{" + json.dumps(key) + ": [\n" if first else ",\n") + line(r)
        first = False
    yield json.dumps({key: []}) + "\n" if first else "\n]}\n"


def line(record: dict) -> str:
    """A record's line in a file `pieces` wrote (without its comma)."""
    return json.dumps(record, ensure_ascii=False)


def context_record(c: Context) -> dict:
    return {"id": c.id, "topic": c.topic, "text": c.text, "sources": [_source(s, False) for s in c.sources],
            **({"corrected": c.corrected} if c.corrected else {})}


def timeline_json(events: list[Event]) -> Iterator[str]:
    return pieces("events", map(event_record, events))


def figures_json(figures: list[Figure]) -> Iterator[str]:
    return pieces("figures", map(figure_record, figures))


def context_json(items: list[Context]) -> Iterator[str]:
    return pieces("context", map(context_record, items))
