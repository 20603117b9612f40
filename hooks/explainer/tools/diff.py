"""What a change does to the published data: the timeline items, figures and context statements it
adds, changes and removes, and the editors' corrections (corrections.yml) it adds and removes with
their effect, as Markdown for a pull request's job summary (base and head data folders compared).

A corrected item carries `corrected: [{field, was, now, why}]` in the data; a correction is told by
its note, so one whose item moved (a date set by an editor changes the item's id) is still the same.
An item hidden by an editor is not in the data: it shows as removed."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

FILES = {"timeline": ("timeline.json", "events"), "figures": ("figures.json", "figures"),
         "context": ("context.json", "context")}


def load(folder: Path, kind: str) -> dict[str, dict]:
    name, key = FILES[kind]
    path = folder / name
    if not path.exists():
        return {}
    return {item["id"]: item for item in json.loads(path.read_text(encoding="utf-8"))[key]}


def compare(base: dict[str, dict], head: dict[str, dict]) -> tuple[list[dict], list[tuple[dict, dict]], list[dict]]:
    """(added, changed (before, after), removed), each in id order."""
    added = [head[i] for i in sorted(set(head) - set(base))]
    removed = [base[i] for i in sorted(set(base) - set(head))]
    changed = [(base[i], head[i]) for i in sorted(set(base) & set(head)) if base[i] != head[i]]
    return added, changed, removed


def cell(text) -> str:
    """Text from a seed (untrusted) as a Markdown table cell: no markup, no HTML, one line."""
    text = " ".join(str(text).split())
    text = text if len(text) <= 200 else text[:197] + "…"      # cut first: never inside an escape
    out = []
    for ch in text:
        if ch in "<>&":
            out.append({"<": "&lt;", ">": "&gt;", "&": "&amp;"}[ch])
        elif ch in "\\`*_{}[]()#+-.!|~^=$@":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _event(e: dict) -> str:
    when = e["start"] + (f" – {e['end']}" if e.get("end") else "")
    outlets = ", ".join(sorted({s["outlet"] for s in e["sources"]}))
    return f"| {cell(when)} | {cell(e['text'])} | {cell(outlets)} |"


def _figure(f: dict) -> str:
    outlets = ", ".join(sorted({s["outlet"] for s in f["sources"]}))
    return f"| {cell(f['label'])} | {cell(f['words'])} | {cell(f.get('as_of') or '')} | {cell(outlets)} |"


def _context(c: dict) -> str:
    outlets = ", ".join(sorted({s["outlet"] for s in c["sources"]}))
    return f"| {cell(c.get('topic') or '')} | {cell(c['text'])} | {cell(outlets)} |"


def _what_changed(before: dict, after: dict) -> str:
    keys = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
    return ", ".join(keys)


REMOVED = "Removed (an item an editor hides shows here; one whose date an editor sets, as removed and new)"
SECTIONS = (
    ("timeline", "Timeline and background items", _event, "| Date | Item | Outlets |\n|---|---|---|"),
    ("figures", "Figures", _figure, "| Measure | Number | As of | Outlets |\n|---|---|---|---|"),
    ("context", "Context statements (undated)", _context, "| Topic | Statement | Outlets |\n|---|---|---|"),
)


def report(base: Path, head: Path) -> str:
    lines = ["## What this pull request changes on the site", ""]
    total = 0
    for kind, title, row, header in SECTIONS:
        added, changed, removed = compare(load(base, kind), load(head, kind))
        total += len(added) + len(changed) + len(removed)
        lines += [f"### {title}: {len(added)} new, {len(changed)} changed, {len(removed)} removed", ""]
        for label, items in (("New", added), (REMOVED, removed)):
            if items:
                lines += [f"**{label}**", "", header, *(row(i) for i in items), ""]
        if changed:
            lines += ["**Changed** (before, then after)", "", header.split("\n")[0][:-1] + "| Changed |",
                      header.split("\n")[1][:-1] + "|---|"]
            for before, after in changed:
                what = cell(_what_changed(before, after))
                lines += [row(before)[:-1] + "| before |", row(after)[:-1] + f"| {what} |"]
            lines.append("")
    lines += corrections_report(base, head)
    if total == 0:
        lines += ["No timeline item, figure or context statement changes: the published data is the same."]
    return "\n".join(lines) + "\n"


# --- editors' corrections -------------------------------------------------------------------------

# What a correction did, by its field: (as added, as removed) with {was} and {now} filled.
EFFECTS = {
    "date": ("date set by an editor: {was} → {now}", "date no longer set by an editor: back to {was} (was set to {now})"),
    "figure": ("figure set by an editor: {was} → {now}", "figure no longer set by an editor: back to {was} (was {now})"),
    "side": ("side set by an editor: {was} → {now}", "side no longer set by an editor: back to {was} (was {now})"),
    "according_to": ("“according to” set by an editor: {was} → {now}",
                     "“according to” no longer set by an editor: back to {was} (was {now})"),
    "same_as": ("made one item by an editor: {was} → {now}", "no longer made one item by an editor"),
    "not_same_as": ("kept apart by an editor: {was} → {now}", "no longer kept apart by an editor"),
}


def notes(folder: Path) -> Counter:
    """Every correction noted in a data folder: (kind, note as JSON, the item's row) counted."""
    out: Counter = Counter()
    for kind, _, row, _ in SECTIONS:
        for item in load(folder, kind).values():
            for note in item.get("corrected") or []:
                out[(kind, json.dumps(note, sort_keys=True, ensure_ascii=False), _item(kind, item))] += 1
    return out


def _item(kind: str, item: dict) -> str:
    if kind == "timeline":
        return f"{item['start']}: {item['text']}"
    if kind == "figures":
        return f"{item['label']}: {item['words']}" + (f" (as of {item['as_of']})" if item.get("as_of") else "")
    return item["text"]


def shown(value) -> str:
    """A `was` or `now` as a reader reads it: null is "undated" (a date) or "none"."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {shown(v)}" for k, v in value.items())
    if value is None:
        return "none"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,g}" if abs(value) < 1e15 else str(value)
    return str(value)


def effect(note: dict, added: bool) -> str:
    pair = EFFECTS.get(note.get("field"), ("{field} set by an editor: {was} → {now}",
                                            "{field} no longer set by an editor: back to {was}"))
    was, now = note.get("was"), note.get("now")
    if note.get("field") == "date":
        was, now = (w if w is not None else "undated" for w in (was, now))
    return pair[0 if added else 1].format(field=note.get("field"), was=shown(was), now=shown(now))


def _by_note(counts: Counter) -> Counter:
    return Counter({(kind, note): n for (kind, note, _), n in counts.items()})


def corrections_report(base: Path, head: Path) -> list[str]:
    """The corrections a change adds and removes, each with its effect and why; [] if none."""
    before, after = notes(base), notes(head)
    # told by (kind, note): the item's words may differ, a correction that stayed is the same one
    gained, lost = _by_note(after) - _by_note(before), _by_note(before) - _by_note(after)
    rows = {True: _rows(after, gained, True), False: _rows(before, lost, False)}
    if not rows[True] and not rows[False]:
        return []
    lines = [f"### Corrections by editors: {len(rows[True])} added, {len(rows[False])} removed", ""]
    for label, added in (("Added", True), ("Removed", False)):
        if rows[added]:
            lines += [f"**{label}**", "", "| Effect | Item | Why |", "|---|---|---|", *rows[added], ""]
    return lines


def _rows(counts: Counter, wanted: Counter, added: bool) -> list[str]:
    out, left = [], Counter(wanted)
    for (kind, note, item), n in sorted(counts.items()):
        take = min(n, left[(kind, note)])
        left[(kind, note)] -= take
        data = json.loads(note)
        out += [f"| {cell(effect(data, added))} | {cell(item)} | {cell(data.get('why', ''))} |"] * take
    return out
