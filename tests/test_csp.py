"""Content-Security-Policy and referrer <meta> on every page; Chromium sees no violation and search works."""
from __future__ import annotations

import re

import pytest

from explainer.html import csp

PAGE = ('<!doctype html><html><head>\n<meta charset="utf-8">\n<title>x</title>'
        '<script>var a=1;</script><script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script></head><body><table><td style="text-align: right;">1</td></table>'
        '<code>&lt;td style=&quot;color: red&quot;&gt;</code></body></html>')


def meta_policy(page: str) -> str:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert m, "no CSP meta"
    return m.group(1)


def test_policy_hashes_the_inline_script_and_style_only():
    out = csp.protect(PAGE)
    assert out.index('<meta charset="utf-8">') < out.index("Content-Security-Policy") < out.index("<title>")
    assert '<meta name="referrer" content="no-referrer">' in out
    p = dict(d.split(" ", 1) for d in meta_policy(out).split("; "))
    assert p["script-src"] == "'self' " + csp.sha256("var a=1;")       # not the JSON block, not src=
    assert p["style-src"] == "'self' 'unsafe-hashes' " + csp.sha256("text-align: right;")   # not the text in <code>
    assert (p["default-src"], p["object-src"], p["base-uri"], p["form-action"]) == ("'self'", "'none'", "'none'", "'none'")
    assert "unsafe-inline" not in out and "frame-ancestors" not in out


def test_preview_allows_the_live_reload_script():
    assert csp.is_preview("http://127.0.0.1:8000/") and csp.is_preview("http://localhost:4000/x/")
    assert not csp.is_preview("https://example.github.io/karabakh-explainer/") and not csp.is_preview(None)
    assert "script-src 'self' 'unsafe-inline';" in meta_policy(csp.protect(PAGE, preview=True))


def test_no_head_or_a_second_policy_is_an_error():
    with pytest.raises(csp.CSPError):
        csp.protect("<p>no head</p>")
    with pytest.raises(csp.CSPError):
        csp.protect(csp.protect(PAGE))


def test_every_built_page_carries_the_policy(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert built_site / "404.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = meta_policy(html)
        assert html.index("Content-Security-Policy") < html.index("<script")
        assert '<meta name="referrer" content="no-referrer">' in html
        assert "unsafe-inline" not in policy, page          # the published site never allows inline code
        scripts = csp.inline_scripts(html)
        assert scripts, page
        for body in scripts:
            assert csp.sha256(body) in policy, (page, body[:60])


# --- in Chromium -------------------------------------------------------------------------------

@pytest.fixture
def served(origin):
    """The built site on 127.0.0.1 (the session's server from conftest.py), ending in '/'."""
    return origin + "/"


WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""


@pytest.mark.browser
def test_no_violation_on_any_page_and_search_works(browser, served, built_site):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    try:
        for html in sorted(built_site.rglob("*.html")):
            rel = html.relative_to(built_site).as_posix()
            url = served + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            page.goto(url, wait_until="load", timeout=15_000)
            page.wait_for_timeout(150)
            assert page.evaluate("window.__csp") == [], (rel, page.evaluate("window.__csp"))
        page.goto(served + "humanitarian/", wait_until="load", timeout=15_000)
        page.locator("form[data-md-component=palette] label:visible").first.click()   # colour scheme toggle
        page.locator("article a[href]").first.hover()                                  # tooltips
        page.wait_for_timeout(300)
        assert page.evaluate("window.__csp") == []
        page.click("label.md-search__icon, .md-search__input", timeout=5_000)
        page.keyboard.type("Goris", delay=30)            # Material searches on key events
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        assert page.locator(".md-search-result__item").count() > 0
        page.wait_for_timeout(300)
        assert page.evaluate("window.__csp") == []
        csp_console = [m for m in console if "Content Security Policy" in m or "Content-Security-Policy" in m]
        assert csp_console == [], csp_console
    finally:
        context.close()
