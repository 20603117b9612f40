"""What a page says about itself to the sites it is shared on: OpenGraph and Twitter card tags.

`social(html, card)` puts `og:type`, `og:site_name`, `og:title`, `og:description`, `og:url`,
`twitter:card` (`summary`), `twitter:title` and `twitter:description` before `</head>`, from the
page's title, its description (front matter, else the site's: plain text), its canonical address and the
site's name. Material already writes `<link rel="canonical">` from `site_url`, so none is added;
without `site_url` there is no address, and no `og:url`. A tag the page already has is not added
again. Every value is escaped here: MkDocs renders the theme without autoescaping, so the
description Material writes is escaped here too.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

TAGS = re.compile(r"<[^>]*>")
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Card:
    title: str                  # the page's title ("Timeline"); the site's name on the home page
    description: str | None     # the page's description, as written (not escaped)
    url: str | None             # the canonical address, or None without site_url
    site_name: str
    home: bool = False


def one_line(value: str) -> str:
    return " ".join(value.split())


def text(value: str) -> str:
    """A title as one line of plain text (a heading's tags dropped, its entities read)."""
    return one_line(html.unescape(TAGS.sub("", value)))


def title(card: Card) -> str:
    """As the page's <title> reads: "Page - Site", the site's name alone on the home page."""
    page, site = text(card.title), text(card.site_name)
    return site if card.home or not page or page == site else f"{page} - {site}"


def tags(card: Card) -> list[tuple[str, str, str]]:
    """(attribute, name, value) of each tag, in order, without the empty ones."""
    shown, about = title(card), one_line(card.description or "")
    rows = [("property", "og:type", "website" if card.home else "article"),
            ("property", "og:site_name", text(card.site_name)), ("property", "og:title", shown),
            ("property", "og:description", about), ("property", "og:url", card.url or ""),
            ("name", "twitter:card", "summary"), ("name", "twitter:title", shown),
            ("name", "twitter:description", about)]
    return [row for row in rows if row[2]]


def social(page: str, card: Card) -> str:
    """The page with its sharing tags before </head>, and Material's description escaped."""
    end = HEAD_END.search(page)
    if end is None:
        return page
    head = page[:end.start()]
    if card.description:
        raw = f'<meta name="description" content="{card.description}">'
        head = head.replace(raw, f'<meta name="description" content="{html.escape(one_line(card.description), quote=True)}">', 1)
    new = [f'<meta {attr}="{name}" content="{html.escape(value, quote=True)}">' for attr, name, value in tags(card)
           if not re.search(rf'\s{attr}="{re.escape(name)}"', head)]
    return head + "".join(f"{tag}\n" for tag in new) + page[end.start():]
