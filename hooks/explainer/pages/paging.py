"""A generated page that grows too long is split into parts, with an index page and small navigation.

Generic: any page's Markdown is cut at its level-2 headings (`## ...`) into parts of at most
`limit` bytes (a section is never cut). The page keeps its path and becomes an index: its
introduction, then one link per part with the first and last heading it holds. The parts are
`<stem>-part-<n>.md` beside it (left out of the nav by `not_in_nav` in mkdocs.yml, so the nav stays
one entry per page type), each with links to the index and to its neighbours.
`relink()` then sends every link to an anchor of a split page (`sources.md#slug`,
`timeline.md#d2023-09-20`, an entry's id) to the part that holds the anchor.
"""
from __future__ import annotations

import re

LIMIT = 100_000          # Markdown bytes a part may hold; its HTML stays well under 1 MB
HEADING = re.compile(r"^## (?P<text>.*?)(?:\s*\{\s*#[\w-]+\s*\})?\s*$")
ANCHOR = re.compile(r"\{\s*#(?P<a>[\w-]+)\s*\}|\bid=\"(?P<b>[\w-]+)\"")


def part_name(path: str, n: int) -> str:
    return f"{path.removesuffix('.md')}-part-{n}.md"


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip(" \\") + "…"


def split(path: str, markdown: str, limit: int = LIMIT) -> tuple[dict[str, str], dict[str, str]]:
    """-> ({path: Markdown} for the page and its parts, {anchor: part path} for what moved)."""
    if len(markdown.encode("utf-8")) <= limit:
        return {path: markdown}, {}
    lines = markdown.split("\n")
    start = 0
    if lines and lines[0] == "---":
        start = lines.index("---", 1) + 1
    front = lines[:start]
    heads = [i for i in range(start, len(lines)) if lines[i].startswith("## ")]
    if len(heads) < 2:
        return {path: markdown}, {}
    intro = lines[start:heads[0]]
    title = next((l[2:].strip() for l in intro if l.startswith("# ")), path.removesuffix(".md").title())
    sections = [lines[a:b] for a, b in zip(heads, heads[1:] + [len(lines)])]
    chunks: list[list[list[str]]] = [[]]
    size = 0
    for sec in sections:
        n = sum(len(l.encode("utf-8")) + 1 for l in sec)
        if chunks[-1] and size + n > limit:
            chunks.append([])
            size = 0
        chunks[-1].append(sec)
        size += n
    names = [part_name(path, k + 1) for k in range(len(chunks))]
    labels = []
    for chunk in chunks:
        first, last = (HEADING.match(chunk[0][0]).group("text"), HEADING.match(chunk[-1][0]).group("text"))
        labels.append(_short(first) if first == last else f"{_short(first)} – {_short(last)}")
    pages: dict[str, str] = {}
    moved: dict[str, str] = {}
    for k, (name, chunk) in enumerate(zip(names, chunks)):
        body = [l for sec in chunk for l in sec]
        for line in body:
            for m in ANCHOR.finditer(line):
                moved.setdefault(m.group("a") or m.group("b"), name)
        links = [f"[All parts]({path})"]
        if k:
            links.insert(0, f"[← Previous part]({names[k - 1]})")
        if k + 1 < len(names):
            links.append(f"[Next part →]({names[k + 1]})")
        bar = " · ".join(links)
        pages[name] = "\n".join([*front, f"# {title}, part {k + 1} of {len(names)}", "",
                                 f"{labels[k]}. {bar}", "", *body, "", bar, ""])
    index = [*front, *intro, "",
             f"This page is in {len(names)} parts, {len(sections)} sections in all:", ""]
    index += [f"{k + 1}. [{label}]({name}) ({len(chunk)} sections)"
              for k, (name, label, chunk) in enumerate(zip(names, labels, chunks))]
    pages[path] = "\n".join(index) + "\n"
    return pages, moved


def relink(text: str, moved: dict[str, dict[str, str]]) -> str:
    """Point `page.md#anchor` links at the part of a split page that holds the anchor."""
    for path, where in moved.items():
        if not where:
            continue
        pattern = re.compile(rf"(?<![\w.-]){re.escape(path)}#(?P<a>[\w-]+)")
        text = pattern.sub(lambda m: f"{where.get(m.group('a'), path)}#{m.group('a')}", text)
    return text
