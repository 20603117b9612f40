"""The weight of a built site's pages, for the benchmark (not part of `make test`): every HTML page
at most LIMIT bytes, and every part of a split page (`timeline-2/`, …) reachable from the first
part (`timeline/`) by following links that stay within that page's parts.

Usage: python tests/bench/parts.py SITE_DIR [--limit BYTES]; prints the largest pages and every
problem, and exits 1 if there is one. `check(site)` gives the same as data.
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LIMIT = 1_000_000            # bytes of HTML a page may weigh (the benchmark's "1 MB")
PART = re.compile(r"^(?P<page>.+)-(?P<n>[0-9]+)$")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.hrefs.append(href)


@dataclass
class Report:
    pages: int = 0
    sizes: list[tuple[int, str]] = field(default_factory=list)           # (bytes, page), largest first
    heavy: list[tuple[int, str]] = field(default_factory=list)           # pages over the limit
    split: dict[str, list[str]] = field(default_factory=dict)            # first part -> its other parts
    unreachable: list[str] = field(default_factory=list)                 # parts no link path reaches

    @property
    def ok(self) -> bool:
        return not self.heavy and not self.unreachable


def pages(site: Path) -> dict[str, Path]:
    """Each page's address within the site ("", "timeline/", "timeline-2/") -> its HTML file."""
    out = {}
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).as_posix()
        out[rel[:-len("index.html")] if rel.endswith("index.html") else rel] = html
    return out


def links(html: Path, address: str) -> set[str]:
    """The site addresses a page links to (fragments and queries dropped; other sites left out)."""
    parser = Links()
    parser.feed(html.read_text(encoding="utf-8"))
    out = set()
    for href in parser.hrefs:
        target = urlsplit(urljoin("http://site/" + address, href))
        if target.netloc == "site":
            out.add(unquote(target.path).lstrip("/"))
    return out


def parts_of(addresses) -> dict[str, list[str]]:
    """First part -> its other parts: "timeline-2/" belongs to "timeline/" when that page exists."""
    split: dict[str, list[str]] = {}
    for a in sorted(addresses):
        m = PART.match(a.rstrip("/")) if a.endswith("/") else None
        if m and int(m.group("n")) >= 2 and m.group("page") + "/" in addresses:
            split.setdefault(m.group("page") + "/", []).append(a)
    return split


def reachable(first: str, parts: list[str], found: dict[str, Path]) -> set[str]:
    """The parts reached from the first by links between the page's own parts."""
    own, seen, todo = {first, *parts}, {first}, [first]
    while todo:
        here = todo.pop()
        for target in links(found[here], here) & own - seen:
            seen.add(target)
            todo.append(target)
    return seen


def check(site: Path, limit: int = LIMIT) -> Report:
    found = pages(site)
    report = Report(pages=len(found))
    report.sizes = sorted(((p.stat().st_size, a or "/") for a, p in found.items()), reverse=True)
    report.heavy = [(n, a) for n, a in report.sizes if n > limit]
    report.split = parts_of(found)
    for first, parts in report.split.items():
        report.unreachable += sorted(set(parts) - reachable(first, parts, found))
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--limit", type=int, default=LIMIT)
    args = ap.parse_args(argv)
    r = check(args.site, args.limit)
    print(f"{r.pages} HTML pages; {sum(len(p) for p in r.split.values())} parts of {len(r.split)} split pages; "
          f"largest: " + ", ".join(f"{a} {n / 1e6:.2f} MB" for n, a in r.sizes[:3]))
    for n, a in r.heavy:
        print(f"over {args.limit:,} bytes: {a} ({n:,} bytes)")
    for a in r.unreachable:
        print(f"not reachable from its first part: {a}")
    print("ok" if r.ok else f"{len(r.heavy)} pages too heavy, {len(r.unreachable)} parts unreachable")
    return 0 if r.ok else 1


if __name__ == "__main__":
    sys.exit(main())
