"""Where a page's content comes from, for readers: the page action and the 404 page.

- A written page's action edits its file in docs/; a generated page's leads to the seeds/ folder
  ("add or correct an article"), since no docs/ file holds its text.
- The 404 page says what happened and links to the main pages and the search, with links from
  the site's root (it is served at any address).
"""
from __future__ import annotations

import html
import re

GENERATED_ACTION = "Add or correct an article (the seeds/ folder this page is built from)"
WRITTEN_ACTION = "Edit this page"


def edit_url(repository: str | None, src_uri: str, generated: bool, seeds: str = "seeds",
             docs_dir: str = "docs", branch: str = "main") -> str | None:
    if not repository:
        return None
    if generated:
        return f"{repository}/tree/{branch}/{seeds}"
    return f"{repository}/edit/{branch}/{docs_dir}/{src_uri}"


EDIT_BUTTON = re.compile(r'(<a href="[^"]*" title=")[^"]*(" class="md-content__button md-icon" rel="edit")')


def label_action(page_html: str, generated: bool) -> str:
    """The page action's title says where it leads (Material's says "Edit this page" on every page)."""
    label = GENERATED_ACTION if generated else WRITTEN_ACTION
    return EDIT_BUTTON.sub(lambda m: m.group(1) + html.escape(label, quote=True) + m.group(2), page_html, count=1)


NOT_FOUND = re.compile(r"<h1>404 - Not found</h1>")


def helpful_404(page_html: str, base: str) -> str:
    """Material's bare '404 - Not found' heading, followed by what to do next."""
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    links = [("", "Home"), ("timeline/", "the timeline, day by day"), ("humanitarian/", "the humanitarian figures"),
             ("sources/", "the sources")]
    items = "".join(f'<li><a href="{html.escape(base + path, quote=True)}">{html.escape(text)}</a></li>' for path, text in links)
    body = ('<h1>Page not found</h1>\n'
            '<p>There is no page at this address. It may have moved when the site was rebuilt from new '
            'articles, or the link may be mistyped. Use the search at the top of the page, or go to:</p>\n'
            f'<ul>{items}</ul>')
    return NOT_FOUND.sub(lambda m: body, page_html, count=1)
