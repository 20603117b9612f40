"""The built site in a real browser (Debian's Chromium driven by Playwright): privacy, accessibility
(axe-core), phone width, dark mode, search. Screenshots of every page go to tests/output/screenshots/.

The `browser` and `origin` fixtures are in conftest.py: without /usr/bin/chromium these tests are
skipped, with the command that installs it; with EXPLAINER_REQUIRE_BROWSER=1 (set by .ci/run) a
missing browser is a failure.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "output" / "screenshots"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PHONE = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture(scope="session")
def paths(built_site) -> list[str]:
    """Every page of the built site, as a URL path: '/', '/timeline/', …, and the 404 page."""
    pages = sorted("/" + p.parent.relative_to(built_site).as_posix().strip(".") for p in built_site.rglob("index.html"))
    pages = [p if p.endswith("/") else p + "/" for p in pages]
    assert len(pages) >= 8, pages
    return pages + ["/404.html"]


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-").replace(".html", "") or "home"


def test_no_request_leaves_the_site(browser, origin, paths):
    """Every request a page load makes (fonts, scripts, images, search index) goes to the site itself."""
    outside = []
    context = browser.new_context()
    page = context.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    for path in paths:
        page.goto(origin + path, wait_until="networkidle")
    # searching loads the index and the search worker
    page.goto(origin + "/", wait_until="networkidle")
    _search(page, "Hakari")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    root = origin.split("/", 3)[:3]
    for url in seen:
        if not (url.startswith("/".join(root) + "/") or url.startswith(("data:", "blob:", "about:"))):
            outside.append(url)
    context.close()
    assert len(seen) > len(paths)
    assert not outside, f"requests outside the site: {sorted(set(outside))}"


def _search(page, word: str) -> None:
    """Type into Material's search box as a reader does (its handlers listen to key events)."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(word, delay=20)


def _axe(page) -> list[dict]:
    import axe_playwright_python
    source = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    page.evaluate(source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           AXE_TAGS)
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(browser, origin, paths, scheme):
    """axe-core (WCAG 2.1 A and AA, and its best practices) on every page and on the open search
    dialog, in the light and the dark scheme: no serious or critical violation."""
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, **DESKTOP)
    page = context.new_page()
    found = []
    for path in paths:
        page.goto(origin + path, wait_until="load")
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected, path
        for v in _axe(page):
            targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
            found.append(f"{path}: {v['id']} ({v['impact']}): {v['help']} — {targets}")
    # the search dialog, open with results
    page.goto(origin + "/", wait_until="load")
    _search(page, "Hakari")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.get_attribute(".md-search", "aria-label")
    found += [f"search dialog: {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]} "
              f"{v['nodes'][0].get('failureSummary', '')[:160]}" for v in _axe(page)]
    context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_fit_the_screen_and_are_saved_as_screenshots(browser, origin, paths, device, scheme):
    """At 375 px no page scrolls sideways (wide tables and the chart scroll or scale inside themselves)."""
    context = browser.new_context(color_scheme=scheme, **(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    SHOTS.mkdir(parents=True, exist_ok=True)
    wide = []
    for path in paths:
        page.goto(origin + path, wait_until="load")
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if sizes[0] > sizes[1]:
            wide.append(f"{path}: {sizes[0]} px of content in {sizes[1]} px")
        page.screenshot(path=str(SHOTS / f"{_name(path)}-{device}-{scheme}.png"), full_page=True)
    if device == "phone":
        # tables are wrapped so that they scroll inside themselves, not the page
        page.goto(origin + "/humanitarian/", wait_until="load")
        unwrapped = page.evaluate("""() => [...document.querySelectorAll('article table')]
            .filter(t => !t.closest('.md-typeset__scrollwrap')).length""")
        assert unwrapped == 0
    context.close()
    assert not wide, "\n".join(wide)


def test_dark_mode_follows_the_system_and_the_toggle(browser, origin):
    context = browser.new_context(color_scheme="light", **DESKTOP)
    page = context.new_page()
    page.goto(origin + "/timeline/", wait_until="networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    schemes = []
    for _ in range(2):       # system setting -> light -> dark
        page.locator("form[data-md-component=palette] label:visible").first.click()
        schemes.append(page.get_attribute("body", "data-md-color-scheme"))
    assert schemes == ["default", "slate"]
    page.reload(wait_until="networkidle")              # the choice is remembered
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    context.close()


@pytest.mark.parametrize("word, page_path", [("Hakari", None), ("Kornidzor", None), ("Vardanian", "/timeline/")])
def test_search_finds_generated_content(browser, origin, built_site, word, page_path):
    """Typing a word from the articles shows results that lead to a section of a page holding it,
    with the word highlighted there."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(origin + "/", wait_until="networkidle")
    _search(page, word)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert links, word
    if page_path:
        assert any(page_path in link for link in links), links
    target = next(link for link in links if not page_path or page_path in link)
    page.goto(target, wait_until="networkidle")
    assert word.lower() in page.inner_text("article").lower()
    assert page.locator("article mark").count() > 0 or "h=" in target   # search.highlight marks the word
    context.close()
