"""Big generated pages split into parts, so that no page grows past what a reader's phone loads
quickly (the benchmark's target: no HTML page over 1 MB at 1,000 articles).

A page whose Markdown is over `limit` bytes is cut at its `## ` headings (then `### `, for a
section still too big) into parts: `timeline.md` keeps the title, the introduction and a list of
the parts; the rest go to `timeline-2.md`, `timeline-3.md`, … (kept out of the navigation, which
stays small). Every link to an anchor on a split page, in any page, is pointed at the part that
holds the anchor. Small pages, like the real corpus's, are left as they are.
"""
from __future__ import annotations

import re

LIMIT = 250_000              # bytes of Markdown; about 1 MB of HTML at most
ANCHOR = re.compile(r'\bid="([^"]+)"|\{\s*#([\w:.-]+)\s*\}')       # `id="x"` or `{ #x }`
LINK = re.compile(r"\]\((?P<page>[\w-]+\.md)#(?P<frag>[^)\s]+)\)")
HEADING = re.compile(r"(?m)^(#{2,3}) (.+?)(?:\s*\{[^}]*\})?\s*$")     # "## Title { #anchor }": level, title
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)


def _bytes(text: str) -> int:
    return len(text.encode("utf-8", "replace"))


def _chunks(body: str, level: str) -> list[str]:
    """The body cut before each heading of this level; the first chunk is what comes before."""
    return re.split(rf"(?m)^(?={level} )", body)


TABLE = re.compile(r"(?m)^(\|.*\|)\n(\|[-:| ]+\|)\n")


def _cut_table(section: str, limit: int) -> list[str]:
    """A section whose table is too big: the table cut between rows, each piece with the header
    row again and a heading that says it continues."""
    m = TABLE.search(section)
    if not m:
        return [section]
    heading = HEADING.match(section.splitlines()[0])
    header = m.group(0)
    rows_end = section.find("\n\n", m.end())
    rows_end = len(section) if rows_end < 0 else rows_end + 1
    rows = section[m.end():rows_end].splitlines(keepends=True)
    head, tail = section[:m.end()], section[rows_end:]
    pieces, current, size = [], head, _bytes(head)
    for row in rows:
        n = _bytes(row)
        if size + n > limit and current != head and not current.endswith(header):
            pieces.append(current + "\n")
            title = f"{heading.group(1)} {heading.group(2)} (continued)\n\n" if heading else ""
            current = title + header
            size = _bytes(current)
        current += row
        size += n
    pieces.append(current + tail)
    return pieces


# Where a section with no table may be cut: before an item of a bulleted list, or an HTML block at the
# left margin after a blank line, never inside an HTML block left open above it nor right after a
# heading (a numbered list is not cut: its second half would count from 1 again).
HEADING_LINE = re.compile(r"#{1,6} .*|<h[1-6]\b.*</h[1-6]>")
OPENED = ("details", "div", "section", "article", "figure", "table", "ul", "ol")
BLOCK = re.compile(rf"(?m)(?P<cut>(?<=\n)(?=[-*] )|(?<=\n\n)(?=<(?!/)))"
                   rf"|^<(?P<open>{'|'.join(OPENED)})\b|^</(?P<close>{'|'.join(OPENED)})>")


def _after_heading(text: str, at: int) -> bool:
    """Whether the last line with text before `at` is a heading (which stays with what follows it)."""
    end = at
    while end and text[end - 1] == "\n":
        end -= 1
    return bool(HEADING_LINE.fullmatch(text, text.rfind("\n", 0, end) + 1, end))


def _cut_blocks(section: str, limit: int) -> list[str]:
    """A section too big with no table to cut (a day of many entries): cut between its entries, each
    piece after the first under the section's heading marked "(continued)"."""
    heading = HEADING.match(section.splitlines()[0])
    cuts, depth = [], 0
    for m in BLOCK.finditer(section):
        if m.group("cut") is not None and depth == 0 and m.start() and not _after_heading(section, m.start()):
            cuts.append(m.start())
        depth += bool(m.group("open")) - bool(m.group("close"))
    if not cuts:
        return [section]
    title = f"{heading.group(1)} {heading.group(2)} (continued)\n\n" if heading else ""
    blocks = [section[a:b] for a, b in zip([0, *cuts], [*cuts, len(section)])]
    pieces = _pack(blocks, limit)
    return pieces[:1] + [title + piece for piece in pieces[1:]]


def _cut(piece: str, limit: int) -> list[str]:
    """A piece over the limit cut between its table's rows, else between its entries."""
    return _cut_table(piece, limit) if TABLE.search(piece) else _cut_blocks(piece, limit)


def _pack(sections: list[str], limit: int) -> list[str]:
    parts, current, size = [], "", 0            # size: bytes of `current`, kept as it grows
    for section in sections:
        n = _bytes(section)
        if current and size + n > limit:
            parts.append(current)
            current, size = "", 0
        current += section
        size += n
    if current:
        parts.append(current)
    return parts


def anchors(text: str) -> list[tuple[int, str]]:
    """(position, anchor) of every anchor, in order."""
    return [(m.start(), m.group(1) or m.group(2)) for m in ANCHOR.finditer(text)]


def _label(part: str) -> str:
    headings = [m.group(2) for m in HEADING.finditer(part)]
    if not headings:
        return "continued"
    return headings[0] if len(headings) == 1 else f"{headings[0]} to {headings[-1]}"


def split_page(path: str, markdown: str, limit: int = LIMIT) -> dict[str, str]:
    """{path: markdown} for the page's parts: itself only when it is small enough."""
    if _bytes(markdown) <= limit:
        return {path: markdown}
    front = FRONT.match(markdown)
    head_matter = front.group(0) if front else ""
    body = markdown[len(head_matter):]
    chunks = _chunks(body, "##")
    intro, sections = chunks[0], chunks[1:]
    pieces = []
    for section in sections:                 # a section still too big is cut at its ### headings,
        if _bytes(section) > limit:    # then a table in it between its rows, or between its entries
            sub = _chunks(section, "###")
            for piece in sub:
                pieces.extend(_cut(piece, limit) if _bytes(piece) > limit else [piece])
        else:
            pieces.append(section)
    parts = _pack(pieces, limit)
    if len(parts) <= 1:
        return {path: markdown}
    stem = path[:-3]
    names = [path] + [f"{stem}-{i}.md" for i in range(2, len(parts) + 1)]
    title = re.search(r"(?m)^# (.+)$", intro)
    title_text = title.group(1).strip() if title else stem
    listing = ["", f"This page is in {len(parts)} parts:", ""]
    labels = [_label(part) for part in parts]
    listing += [f"{i}. [{label}]({names[i - 1]})" for i, label in enumerate(labels, 1)]
    listing.append("")
    out = {path: head_matter + intro.rstrip() + "\n" + "\n".join(listing) + "\n" + parts[0]}
    for i, (name, part, label) in enumerate(zip(names[1:], parts[1:], labels[1:]), 2):
        out[name] = (head_matter + f"# {title_text} (part {i} of {len(parts)})\n\n"
                     + f"[Back to the first part]({path}) · part {i} of {len(parts)}: {label}\n\n"
                     + ("## …\n\n" if part.startswith("### ") else "") + part)
    return out


def anchor_map(pages: dict[str, str], split: dict[str, list[str]]) -> dict[tuple[str, str], str]:
    """(page as linked, anchor) -> the part that holds the anchor, for pages that were split."""
    where = {}
    for original, names in split.items():
        for name in names:
            for _, anchor in anchors(pages[name]):
                where[(original, anchor)] = name
    return where


LOCAL = re.compile(r"\]\(#(?P<frag>[^)\s]+)\)")


def relink(markdown: str, where: dict[tuple[str, str], str], page: str | None = None,
           original: str | None = None) -> str:
    """Links to anchors on split pages pointed at the part holding them; with `page` (a part of
    `original`), also the page's own '#anchor' links whose anchor went to another part."""
    if not where:
        return markdown

    def sub(m: re.Match) -> str:
        part = where.get((m.group("page"), m.group("frag")))
        return f"]({part}#{m.group('frag')})" if part else m.group(0)

    def local(m: re.Match) -> str:
        part = where.get((original, m.group("frag")))
        return f"]({part}#{m.group('frag')})" if part and part != page else m.group(0)

    markdown = LINK.sub(sub, markdown)
    return LOCAL.sub(local, markdown) if page and original else markdown


def paginate(pages: dict[str, str], limit: int = LIMIT) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Split every page over the limit; point every link at the right part. Returns (pages, anchors)."""
    out: dict[str, str] = {}
    split: dict[str, list[str]] = {}
    for path, markdown in pages.items():
        parts = split_page(path, markdown, limit)
        out.update(parts)
        if len(parts) > 1:
            split[path] = list(parts)
    where = anchor_map(out, split)
    original = {name: path for path, names in split.items() for name in names}
    return {path: relink(md, where, path, original.get(path)) for path, md in out.items()}, where
