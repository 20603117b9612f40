"""What a change does to the published data: the timeline items and figures it adds, changes and
removes, as Markdown for a pull request's job summary (base and head data folders compared)."""
from __future__ import annotations

import json
from pathlib import Path

FILES = {"timeline": ("timeline.json", "events"), "figures": ("figures.json", "figures")}


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


def _what_changed(before: dict, after: dict) -> str:
    keys = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
    return ", ".join(keys)


def report(base: Path, head: Path) -> str:
    lines = ["## What this pull request changes on the site", ""]
    total = 0
    for kind, title, row, header in (
            ("timeline", "Timeline and background items", _event, "| Date | Item | Outlets |\n|---|---|---|"),
            ("figures", "Figures", _figure, "| Measure | Number | As of | Outlets |\n|---|---|---|---|")):
        added, changed, removed = compare(load(base, kind), load(head, kind))
        total += len(added) + len(changed) + len(removed)
        lines += [f"### {title}: {len(added)} new, {len(changed)} changed, {len(removed)} removed", ""]
        for label, items in (("New", added), ("Removed", removed)):
            if items:
                lines += [f"**{label}**", "", header, *(row(i) for i in items), ""]
        if changed:
            lines += ["**Changed** (before, then after)", "", header.split("\n")[0][:-1] + "| Changed |",
                      header.split("\n")[1][:-1] + "|---|"]
            for before, after in changed:
                what = cell(_what_changed(before, after))
                lines += [row(before)[:-1] + "| before |", row(after)[:-1] + f"| {what} |"]
            lines.append("")
    if total == 0:
        lines += ["No timeline item or figure changes: the published data is the same."]
    return "\n".join(lines) + "\n"
