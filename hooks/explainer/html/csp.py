"""Content-Security-Policy and referrer policy as <meta> tags (GitHub Pages cannot send headers).

`protect(html)` is the last change made to a built page: it hashes the page's inline scripts
(the theme's small bootstrap scripts) and inline style attributes (table alignment), and puts

    <meta http-equiv="Content-Security-Policy" content="...">
    <meta name="referrer" content="no-referrer">

first in <head> (after <meta charset>, which must stay in the first bytes). Only the page's own
files, the hashed inline code and data: images may run or load; no plugins, no <base>, no form
submission. `frame-ancestors`, `report-uri` and `sandbox` are ignored in a <meta> policy, so
they are not given.

On the local preview (`mkdocs serve`), MkDocs injects its live-reload script into each page as
it serves it, after every hook has run, so its hash cannot be known: there, `preview=True`
allows inline scripts instead of hashing them. A published site never gets this.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from urllib.parse import urlsplit

SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE_ATTR = re.compile(r"""<[a-zA-Z][^<>]*?\sstyle\s*=\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)')""")
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}

FIXED = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}


class CSPError(ValueError):
    """A page the policy cannot be put on (no <head>)."""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(page: str) -> list[str]:
    """Bodies of the scripts the browser would run from the page itself (not src=, not JSON data blocks)."""
    out = []
    for m in SCRIPT.finditer(page):
        attrs = m.group("attrs")
        if re.search(r"\ssrc\s*=", attrs, re.IGNORECASE):
            continue
        t = re.search(r"""\stype\s*=\s*["']?([^"'\s>]*)""", attrs, re.IGNORECASE)
        if (t.group(1).lower() if t else "") not in JS_TYPES:
            continue
        out.append(m.group("body"))
    return out


def style_attributes(page: str) -> list[str]:
    """Values of inline style="" attributes, decoded as the browser hashes them."""
    outside_scripts = SCRIPT.sub("", page)
    return [html.unescape(m.group("d") if m.group("d") is not None else m.group("s"))
            for m in STYLE_ATTR.finditer(outside_scripts)]


def policy(page: str, preview: bool = False) -> str:
    directives = dict(FIXED)
    scripts = sorted({sha256(s) for s in inline_scripts(page)})
    directives["script-src"] = ["'self'", "'unsafe-inline'"] if preview else ["'self'", *scripts]
    styles = sorted({sha256(s) for s in style_attributes(page)})
    directives["style-src"] = ["'self'", "'unsafe-hashes'", *styles] if styles else ["'self'"]
    order = ("default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "worker-src",
             "object-src", "base-uri", "form-action")
    return "; ".join(f"{name} {' '.join(directives[name])}" for name in order)


def is_preview(site_url: str | None) -> bool:
    """`mkdocs serve` sets site_url to its own loopback address."""
    return (urlsplit(site_url or "").hostname or "") in LOOPBACK


def protect(page: str, preview: bool = False) -> str:
    """The page with its CSP and referrer <meta> tags first in <head>."""
    if "Content-Security-Policy" in page.split("</head>", 1)[0]:
        raise CSPError("the page already has a Content-Security-Policy <meta>; remove it from the template")
    anchor = CHARSET.search(page) or HEAD.search(page)
    if anchor is None:
        raise CSPError("the page has no <head>: its Content-Security-Policy cannot be added")
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(page, preview), quote=False)}">'
            '<meta name="referrer" content="no-referrer">')
    return page[: anchor.end()] + tags + page[anchor.end():]
