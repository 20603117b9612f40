"""The published data files: data/timeline.json and data/figures.json (format: docs/data.md)."""
from __future__ import annotations

import json

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


def figure_record(f: Figure) -> dict:
    d = {
        "id": f.id, "metric": f.metric, "label": f.label, "value": _num(f.value), "unit": f.unit,
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


def dumps(obj: dict[str, list]) -> str:
    """`{"events": [...]}` with one record per line: readable, line-by-line diffs, and written by
    json's C encoder (an indented dump is pure Python, three times slower at 1,000 articles)."""
    (key, records), = obj.items()
    if not records:
        return json.dumps(obj) + "\n"
    lines = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    return "{" + json.dumps(key) + ": [\n" + lines + "\n]}\n"


def record_lines(text: str) -> list[str]:
    """The records of a file `dumps` wrote, each as its JSON text (its line, without the comma)."""
    return [line.removesuffix(",") for line in text.split("\n")[1:-2]]


def timeline_json(events: list[Event]) -> str:
    return dumps({"events": [event_record(e) for e in events]})


def figures_json(figures: list[Figure]) -> str:
    return dumps({"figures": [figure_record(f) for f in figures]})


def context_json(items: list[Context]) -> str:
    return dumps({"context": [{"id": c.id, "topic": c.topic, "text": c.text,
                               "sources": [_source(s, False) for s in c.sources],
                               **({"corrected": c.corrected} if c.corrected else {})} for c in items]})
