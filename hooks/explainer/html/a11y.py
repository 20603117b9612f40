"""Accessibility fixes to the theme's HTML that CSS cannot make (pure: HTML in, HTML out).

- Material's search dialog (`<div class="md-search" … role="dialog">`) has no accessible name:
  screen readers announce an unnamed dialog. It gets `aria-label="Search the site"`.
"""
from __future__ import annotations

import re

DIALOG = re.compile(r"<(?P<tag>div|section)\b(?P<attrs>[^>]*\brole=\"dialog\"[^>]*)>")


def name_dialogs(html: str, label: str = "Search the site") -> str:
    """Give every role="dialog" element without aria-label/aria-labelledby an accessible name."""
    def fix(m: re.Match) -> str:
        attrs = m.group("attrs")
        if re.search(r"\baria-label(?:ledby)?=", attrs):
            return m.group(0)
        return f'<{m.group("tag")}{attrs} aria-label="{label}">'
    return DIALOG.sub(fix, html)


def fix(html: str) -> str:
    return name_dialogs(html)
