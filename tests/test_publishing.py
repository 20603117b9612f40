"""What the published site says about itself: canonical links, sitemap, descriptions, the page
action, the 404 page; the header has no repository widget."""
from __future__ import annotations

import re

from conftest import ROOT
from support import SITE_PATH, SITE_URL
from explainer.html import publish

DEFAULT_DESCRIPTION = re.search(r"^site_description: (.+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)


def pages(site):
    return sorted(site.rglob("index.html"))


def url_of(site, page) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return SITE_URL + ("" if rel == "." else rel + "/")


def test_canonical_links_and_sitemap_name_every_page(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{url_of(built_site, page)}">' in html, page
        assert f"<loc>{url_of(built_site, page)}</loc>" in sitemap, page


def test_every_page_has_its_own_description(built_site):
    seen = {}
    for page in pages(built_site):
        m = re.search(r'<meta name="description" content="([^"]+)"', page.read_text(encoding="utf-8"))
        assert m and m.group(1).strip(), page
        assert m.group(1) != DEFAULT_DESCRIPTION, page
        seen[m.group(1)] = page
    assert len(seen) == len(pages(built_site))        # no two pages share one


def test_page_action_leads_to_where_the_content_comes_from(built_site):
    action = re.compile(r'<a href="([^"]+)" title="([^"]+)" class="md-content__button md-icon" rel="edit">')
    written = {"index.html", "data/index.html", "glossary/index.html"}
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        href, title = action.search(page.read_text(encoding="utf-8")).groups()
        if rel in written:
            assert href.endswith("/edit/main/docs/" + ("index.md" if rel == "index.html" else rel.split("/")[0] + ".md"))
            assert title == publish.WRITTEN_ACTION
        else:
            assert href.endswith("/tree/main/seeds") and title == publish.GENERATED_ACTION, rel


def test_no_repository_widget_in_the_header(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html and "api.github.com" not in html


def test_the_404_page_helps(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in html and "404 - Not found" not in html
    for path in ("", "timeline/", "sources/"):
        assert f'href="{SITE_PATH}{path}"' in html


def test_edit_url_and_labels():
    repo = "https://github.com/o/r"
    assert publish.edit_url(repo, "timeline.md", generated=True) == "https://github.com/o/r/tree/main/seeds"
    assert publish.edit_url(repo, "data.md", generated=False) == "https://github.com/o/r/edit/main/docs/data.md"
    assert publish.edit_url(None, "data.md", generated=False) is None
    button = '<a href="x" title="Edit this page" class="md-content__button md-icon" rel="edit">'
    assert publish.GENERATED_ACTION in publish.label_action(button, generated=True)
    page = "<h1>404 - Not found</h1>"
    assert 'href="/site/timeline/"' in publish.helpful_404(page, "/site/")
    assert 'href="/timeline/"' in publish.helpful_404(page, "")
