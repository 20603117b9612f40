"""What a hostile seed must never achieve in HTML: shared by the hostile-seed and property tests.

`scan(html)` parses a page (or a fragment, such as a search-index entry) with html.parser and
returns what it holds: element names, (element, attribute) pairs, the text a reader sees, and
the *dangerous* things found: event-handler attributes, script-like URLs, and script or style
elements whose code carries a given marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "ping"}
BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data\s*:\s*text/html)\s*:?", re.IGNORECASE)
NEVER = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "marquee"}


@dataclass
class Scan:
    tags: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    text: list[str] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return " ".join("".join(self.text).split())


class _Parser(HTMLParser):
    def __init__(self, marker: str):
        super().__init__(convert_charrefs=True)
        self.marker, self.scan, self.code = marker, Scan(), None

    def handle_starttag(self, tag, attrs):
        s = self.scan
        s.tags.add(tag)
        if tag in NEVER:
            s.bad.append(f"<{tag}> element")
        for name, value in attrs:
            s.pairs.add((tag, name))
            value = value or ""
            if name.startswith("on"):
                s.bad.append(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRS and BAD_SCHEME.match(value.replace("\x00", "")):
                s.bad.append(f"<{tag} {name}={value[:60]!r}> script URL")
            if name == "style" and self.marker and self.marker in value:
                s.bad.append(f"<{tag} style=…> with seed text")
            if self.marker and self.marker in value and name not in URL_ATTRS | {"title", "alt", "aria-label", "content"}:
                s.bad.append(f"<{tag} {name}={value[:60]!r}> seed text in an attribute")
        if tag in ("script", "style"):
            self.code = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.code = None

    def handle_endtag(self, tag):
        if tag == self.code:
            self.code = None

    def handle_data(self, data):
        if self.code:
            if self.marker and self.marker in data:
                self.scan.bad.append(f"<{self.code}> with seed text: {data[:80]!r}")
        else:
            self.scan.text.append(data)


def scan(html: str, marker: str = "") -> Scan:
    """Parse `html`; `marker` is a string only the seed contains (its code must never run or style)."""
    p = _Parser(marker)
    p.feed(html)
    p.close()
    return p.scan
