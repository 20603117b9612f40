"""Big generated pages split into parts, so that no page grows past what a reader's phone loads
quickly (the benchmark's target: no HTML page over 1 MB at 1,000 articles).

A page whose Markdown is over `limit` bytes is cut at its `## ` headings (then `### `, for a
section still too big) into parts: `timeline.md` keeps the title, the introduction and a list of
the parts; the rest go to `timeline-2.md`, `timeline-3.md`, … (kept out of the navigation, which
stays small). Every link to an anchor on a split page, in any page, is pointed at the part that
holds the anchor. Small pages, like the real corpus's, are left as they are.

No part is over the limit, its title, its link back, the first part's list of parts and the links
pointed at parts included, unless one block that cannot be cut (an entry, a table row, a raw HTML
block) is bigger on its own: what one item shows is capped for that (`common.SHOWN_*`, issue 21).
The glossary's abbreviation lines are added to each page after this.
"""
from __future__ import annotations

import re

from ..patterns import Programs

_PATTERNS = Programs(__file__)      # compiled once, kept beside the bytecode (patterns.py)

LIMIT = 250_000              # bytes of Markdown; about 1 MB of HTML at most
# `id="x"` (not `data-id="x"`) or `{ #x }`; written so that each branch starts with its letter, which
# lets the regex engine skip to the next "i" or "{" (five times faster over 100 MB than `\bid=`).
ANCHOR = _PATTERNS.compile(r'i(?<!\wi)d="([^"]+)"|\{\s*#([\w:.-]+)\s*\}')
LINK = _PATTERNS.compile(r"\]\((?P<page>[\w-]+\.md)#(?P<frag>[^)\s]+)\)")
# "## Title { #anchor }": level, title. The braces close on the heading's line: a title holding "{" (an
# escaped one from the topic file) must not reach into the headings below it.
HEADING = _PATTERNS.compile(r"(?m)^(#{2,3}) (.+?)(?:\s*\{[^}\n]*\})?\s*$")
FRONT = _PATTERNS.compile(r"\A---\n.*?\n---\n", re.S)


# What pointing a link at the part holding its anchor may add: "sources.md#x" becomes "sources-160.md#x",
# and a page's own "#x" becomes "timeline-12.md#x".
RELINKED, RELINKED_LOCAL = 8, 40


def _bytes(text: str) -> int:
    """The bytes a text may take once its links are pointed at parts (so that no part, and no page
    linking to parts, grows past the limit when `relink` rewrites it)."""
    return (len(text.encode("utf-8", "replace")) + RELINKED * text.count(".md#")
            + RELINKED_LOCAL * text.count("](#"))


def _chunks(body: str, level: str) -> list[str]:
    """The body cut before each heading of this level; the first chunk is what comes before (as
    `re.split(rf"(?m)^(?={level} )", body)`, which is several times slower: the regex engine skips
    to a newline, not to a line start)."""
    return list(_each_chunk(body, level))


def _each_chunk(body: str, level: str, start: int = 0):
    """`_chunks`, one at a time (a big page's sections are not all copied at once); with `start`, of
    the text from there on (a page after its front matter, not copied without it first)."""
    cuts = ([start] if body.startswith(level + " ", start) else []) + [
        m.end() for m in re.compile(rf"\n(?={level} )").finditer(body, start)]
    for a, b in zip([start, *cuts], [*cuts, len(body)]):
        yield body[a:b]


HEADING_START = _PATTERNS.compile(r"\n(?=#{2,3} )")


def _headings(text: str, start: int = 0):
    """HEADING.finditer(text), found by the newline before each (the same matches, faster). No match
    runs into the next heading's line (what may follow the title on other lines is white space, or
    braces on a line of their own), so each line start is tried on its own. With `start`, from there on."""
    for at in ([start] if text.startswith("##", start) else []) + [m.end() for m in HEADING_START.finditer(text, start)]:
        m = HEADING.match(text, at)
        if m:
            yield m


TABLE = _PATTERNS.compile(r"(?m)^(\|.*\|)\n(\|[-:| ]+\|)\n")


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
HEADING_LINE = _PATTERNS.compile(r"#{1,6} .*|<h[1-6]\b.*</h[1-6]>")
OPENED = ("details", "div", "section", "article", "figure", "table", "ul", "ol")
BLOCK = _PATTERNS.compile(rf"(?m)(?P<cut>(?<=\n)(?=[-*] )|(?<=\n\n)(?=<(?!/)))"
                          rf"|^<(?P<open>{'|'.join(OPENED)})\b|^</(?P<close>{'|'.join(OPENED)})>")
# Lines that may start a BLOCK match, found by the newline before them (which the regex engine skips to):
# with the checks in `_blocks`, fourteen times faster than BLOCK over a big page.
LINE = _PATTERNS.compile(r"\n(?=[-*<])")
OPEN = _PATTERNS.compile(rf"<(?P<open>{'|'.join(OPENED)})\b|</(?P<close>{'|'.join(OPENED)})>")

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
    for at, cut, opened, closed in _blocks(section):
        if cut and depth == 0 and at and not _after_heading(section, at):
            cuts.append(at)
        depth += bool(opened) - bool(closed)
    if not cuts:
        return [section]
    title = f"{heading.group(1)} {heading.group(2)} (continued)\n\n" if heading else ""
    blocks = [section[a:b] for a, b in zip([0, *cuts], [*cuts, len(section)])]
    pieces = _pack(blocks, limit)
    return pieces[:1] + [title + piece for piece in pieces[1:]]


def _blocks(section: str):
    """(position, a place to cut?, block opened, block closed) of each match of BLOCK, in order: its
    line starts found by the newline before them (and the text's start, where no cut can be)."""
    for at in [0, *(m.end() for m in LINE.finditer(section))]:
        cut = at > 0 and (section.startswith(("- ", "* "), at) or (
            section.startswith("<", at) and at >= 2 and section[at - 2] == "\n" and not section.startswith("</", at)))
        if cut:                               # BLOCK's first branch, a match of its own
            yield at, True, None, None
        tag = OPEN.match(section, at)
        if tag:
            yield at, False, tag.group("open"), tag.group("close")


def _cut(piece: str, limit: int) -> list[str]:
    """A piece over the limit cut between its table's rows, else between its entries."""
    return _cut_table(piece, limit) if TABLE.search(piece) else _cut_blocks(piece, limit)


def _pack(sections: list[str], limit: int, first: int | None = None) -> list[str]:
    """Sections packed into parts of at most `limit` bytes; a section bigger than that is a part of its
    own. With `first`, the first part's room, which may hold no section at all (then it is "")."""
    parts, current, size = [], "", 0            # size: bytes of `current`, kept as it grows
    budget = limit if first is None else first
    for section in sections:
        n = _bytes(section)
        if (current or not parts and first is not None) and size + n > budget:
            parts.append(current)
            current, size, budget = "", 0, limit
        current += section
        size += n
    if current:
        parts.append(current)
    return parts


def anchors(text: str) -> list[tuple[int, str]]:
    """(position, anchor) of every anchor, in order."""
    return [(m.start(), m.group(1) or m.group(2)) for m in ANCHOR.finditer(text)]


def _label(part: str) -> str:
    if not part.strip():
        return "Introduction"
    headings = [m.group(2) for m in _headings(part)]
    if not headings:
        return "continued"
    return headings[0] if len(headings) == 1 else f"{headings[0]} to {headings[-1]}"


def _pieces(sections, limit: int) -> list[str]:
    """The body's `sections` (after its introduction), each cut to at most `limit` bytes where it can
    be: at its ### headings, then a table in it between its rows, or between its entries."""
    pieces = []
    for section in sections:
        if _bytes(section) > limit:
            for piece in _chunks(section, "###"):
                pieces.extend(_cut(piece, limit) if _bytes(piece) > limit else [piece])
        else:
            pieces.append(section)
    return pieces


def _head_room(head_matter: str, title: str, page: str) -> int:
    """The most bytes a later part's own lines take (front matter, title, the line back to the first
    part with its label of two headings, "## …"), so that its sections get the rest of the limit."""
    longest = max((_bytes(m.group(2)) for m in _headings(page, len(head_matter))), default=0) + len(" (continued)")
    return _bytes(head_matter) + 2 * _bytes(title) + 2 * longest + 160


def _assemble(path: str, head_matter: str, intro: str, parts: list[str]) -> dict[str, str]:
    """The parts as pages: the first with the title, the introduction and the list of the parts; each
    later one with the title, "part i of n" and a link back to the first. `parts` is emptied as the
    pages are made (a big page is not held twice more)."""
    stem = path[:-3]
    names = [path] + [f"{stem}-{i}.md" for i in range(2, len(parts) + 1)]
    title = re.search(r"(?m)^# (.+)$", intro)
    title_text = title.group(1).strip() if title else stem
    listing = ["", f"This page is in {len(parts)} parts:", ""]
    labels = [_label(part) for part in parts]
    listing += [f"{i}. [{label}]({names[i - 1]})" for i, label in enumerate(labels, 1)]
    listing.append("")
    n = len(parts)
    parts.reverse()
    out = {path: head_matter + intro.rstrip() + "\n" + "\n".join(listing) + "\n" + parts.pop()}
    for i, (name, label) in enumerate(zip(names[1:], labels[1:]), 2):
        part = parts.pop()
        out[name] = (head_matter + f"# {title_text} (part {i} of {n})\n\n"
                     + f"[Back to the first part]({path}) · part {i} of {n}: {label}\n\n"
                     + ("## …\n\n" if part.startswith("### ") else "") + part)
    return out


def split_page(path: str, markdown: str, limit: int = LIMIT) -> dict[str, str]:
    """{path: markdown} for the page's parts: itself only when it is small enough. No part is over
    `limit` bytes, its own title and links included, unless one entry, row or block alone is.
    A big page's text is let go once cut into sections (unless the caller holds it too: pass it as
    `split_page(path, render())`), so that no more than two copies of it are held at once."""
    if _bytes(markdown) <= limit:
        return {path: markdown}
    front = FRONT.match(markdown)
    head_matter = front.group(0) if front else ""
    chunks = _each_chunk(markdown, "##", len(head_matter))
    intro = next(chunks)
    title = re.search(r"(?m)^# (.+)$", intro)
    room = max(limit - _head_room(head_matter, title.group(1) if title else path, markdown), limit // 2)
    pieces = _pieces(chunks, room)
    if not pieces:                     # no section to cut at
        return {path: markdown}
    del markdown, front, chunks        # the sections hold it all now
    first = limit - _bytes(head_matter + intro)
    for _ in range(8):                 # the first part also holds the list of parts: fewer sections
        out = None                     # the last try's pages let go before the next is packed
        parts = _pack(pieces, room, first)
        first_bytes = _bytes(parts[0])
        out = _assemble(path, head_matter, intro, parts)
        over = _bytes(out[path]) - limit
        if over <= 0:
            break
        first = first_bytes - over
    return out


LOCAL = _PATTERNS.compile(r"\]\(#(?P<frag>[^)\s]+)\)")


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


class Paged:
    """Pages split as they are made, one at a time (`add`), their parts held as UTF-8 (half the memory of
    Python's text for a page with a curly quote) until every part's anchors are known; then the parts,
    each with its links pointed at the part holding their anchor (`pages`)."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}                  # part -> its Markdown, links not yet pointed
        self.original: dict[str, str] = {}                 # part of a split page -> the page
        self.where: dict[tuple[str, str], str] = {}        # (split page, anchor) -> the part holding it

    def add(self, path: str, parts: dict[str, str]) -> None:
        """A page's parts (`split_page`), emptied as they are stored."""
        for name in list(parts):
            text = parts.pop(name)
            if name != path or parts:                  # the page was split
                self.original[name] = path
                self.where.update(((path, anchor), name) for _, anchor in anchors(text))
            self.parts[name] = text.encode("utf-8", "surrogatepass")

    def pages(self):
        """(path, Markdown) of every part, in order, its links pointed at the parts; each let go as given."""
        for name in list(self.parts):
            text = self.parts.pop(name).decode("utf-8", "surrogatepass")
            yield name, relink(text, self.where, name, self.original.get(name))


def paginate(pages: dict[str, str], limit: int = LIMIT) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Split every page over the limit; point every link at the right part. Returns (pages, anchors).
    `pages` is emptied as it is read (build_site splits each page as it is made: `Paged`)."""
    paged = Paged()
    for path in list(pages):
        paged.add(path, split_page(path, pages.pop(path), limit))
    return dict(paged.pages()), paged.where


_PATTERNS.save()
