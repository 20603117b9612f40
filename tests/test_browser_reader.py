"""What a reader meets, in a real browser (issue 20): tables that fit a desktop's column and say when
they scroll on a phone (and can be scrolled with a keyboard), Home's facts in its first screen, and a
search result's page title that opens the page with the words highlighted. Also on the earthquake
example (a new explainer with examples/morocco-earthquake-2023/topic.yml and the articles in
../shared), when ../shared is present.

The `browser`, `origin` and `built_site` fixtures are in conftest.py.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import urlparse

import pytest

from conftest import ROOT, _Site, mkdocs

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TABLE_PAGES = ("/humanitarian/", "/people/", "/sources/")
EARTHQUAKE = ROOT.parent / "shared" / "examples" / "morocco-earthquake-2023"

FRAMES = """() => [...document.querySelectorAll('article .md-typeset__scrollwrap')].map(f => {
    const hint = f.previousElementSibling && f.previousElementSibling.classList.contains('explainer-scroll-hint')
        ? f.previousElementSibling : null;
    return {wide: f.scrollWidth > f.clientWidth + 1, tabindex: f.getAttribute('tabindex'), role: f.getAttribute('role'),
            label: f.getAttribute('aria-label') || '', hint: hint ? hint.innerText : null,
            hintShown: hint ? hint.getBoundingClientRect().height > 0 && getComputedStyle(hint).visibility === 'visible' : false,
            head: [...f.querySelectorAll('th')].map(th => th.innerText).join('|')};
})"""


@pytest.fixture(scope="module")
def earthquake(tmp_path_factory):
    """The earthquake example built as a new explainer, served like the main site; None without ../shared."""
    if not (EARTHQUAKE / "seeds").is_dir():
        yield None
        return
    project = tmp_path_factory.mktemp("quake") / "quake"
    r = subprocess.run([sys.executable, "-m", "explainer", "new", str(project)], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert r.returncode == 0, r.stderr
    shutil.copy(ROOT / "examples" / "morocco-earthquake-2023" / "topic.yml", project / "topic.yml")
    for seed in (EARTHQUAKE / "seeds").glob("*.md"):
        shutil.copy(seed, project / "seeds" / seed.name)
    r = mkdocs("build", "--strict", "-d", str(project / "site"), cwd=project)
    assert r.returncode == 0, r.stderr
    locs = re.findall(r"<loc>([^<]+)</loc>", (project / "site" / "sitemap.xml").read_text(encoding="utf-8"))
    prefix = min((urlparse(u).path for u in locs), key=len)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(type("H", (_Site,), {"prefix": prefix}),
                                                                     directory=str(project / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    server.shutdown()
    server.server_close()


def _sites(origin, earthquake):
    return [("seeds", origin)] + ([("earthquake", earthquake)] if earthquake else [])


def test_tables_fit_the_desktop_column(browser, origin, earthquake):
    """At 1280 px no table is wider than the text column (the Aid table hid its Source column)."""
    page = browser.new_context(**DESKTOP).new_page()
    wide = []
    for name, site in _sites(origin, earthquake):
        for path in TABLE_PAGES:
            page.goto(site + path, wait_until="load")
            frames = page.evaluate(FRAMES)
            assert frames or path != "/humanitarian/", (name, path)
            wide += [f"{name} {path}: {f['head']}" for f in frames if f["wide"]]
            assert not [f for f in frames if f["hint"] or f["tabindex"]], (name, path)      # no cue where none is needed
    page.context.close()
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("width", [375, 320])
def test_a_table_wider_than_a_phone_says_so_and_scrolls_by_keyboard(browser, origin, earthquake, width):
    """On a phone a table that does not fit its frame has a visible hint above it, and its frame is a
    region named after its section that the keyboard focuses (Tab) and scrolls (arrow keys); a table
    that fits has neither. At 320 px some table must be too wide, so the cue is exercised."""
    page = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 812}}).new_page()
    scrolled = []
    for name, site in _sites(origin, earthquake):
        for path in TABLE_PAGES:
            page.goto(site + path, wait_until="load")
            for f in page.evaluate(FRAMES):
                if f["wide"]:
                    assert f["hintShown"] and "scroll" in f["hint"].lower(), (name, path, f)
                    assert f["tabindex"] == "0" and f["role"] == "region", (name, path, f)
                    assert f["label"].endswith("table, scrolls sideways") and len(f["label"]) > len("table, scrolls sideways"), f
                else:
                    assert f["hint"] is None and f["tabindex"] is None and f["role"] is None, (name, path, f)
            scrolled += _scroll_by_keyboard(page, f"{name} {path}")
    if width == 320:
        assert scrolled, "no table wider than 320 px: the cue is not exercised"
    page.context.close()


def _scroll_by_keyboard(page, where: str) -> list[str]:
    """Tab to each wide frame and press the right arrow: it scrolls."""
    done = []
    frames = page.locator("article .md-typeset__scrollwrap[tabindex='0']")
    for i in range(frames.count()):
        frame = frames.nth(i)
        frame.scroll_into_view_if_needed()
        frame.evaluate("f => { f.scrollLeft = 0; const b = document.createElement('button'); b.textContent = 'x'; "
                       "b.id = 'before-frame'; f.parentNode.insertBefore(b, f.previousElementSibling); }")
        page.focus("#before-frame")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.classList.contains('md-typeset__scrollwrap')"), where
        page.keyboard.press("ArrowRight")
        try:
            frame.evaluate("f => new Promise((ok, no) => { const t = Date.now(); (function wait() { "
                           "f.scrollLeft > 0 ? ok() : Date.now() - t > 2000 ? no() : setTimeout(wait, 20); })(); })")
        except Exception:
            raise AssertionError(f"{where}: {frame.evaluate('f => [f.scrollWidth, f.clientWidth, f.scrollLeft, f.innerText.slice(0, 80)]')}")
        page.evaluate("() => document.getElementById('before-frame').remove()")
        done.append(where)
    return done


def test_the_cue_follows_the_width(browser, origin):
    """Turning a phone to a wide screen: the hints go when the tables fit, and come back."""
    page = browser.new_context(**{**PHONE, "viewport": {"width": 320, "height": 812}}).new_page()
    page.goto(origin + "/humanitarian/", wait_until="load")
    count = "() => document.querySelectorAll('.explainer-scroll-hint').length"
    narrow = page.evaluate(count)
    assert narrow > 0
    page.set_viewport_size({"width": 1280, "height": 900})
    page.wait_for_function(f"() => ({count})() === 0")
    page.set_viewport_size({"width": 320, "height": 812})
    page.wait_for_function(f"() => ({count})() === {narrow}")
    page.context.close()


def test_wide_tables_pass_axe_on_a_phone(browser, origin):
    """axe-core on the phone (where frames scroll): a scrolling region must be focusable and named."""
    from test_browser import _axe
    page = browser.new_context(bypass_csp=True, **{**PHONE, "viewport": {"width": 320, "height": 812}}).new_page()
    found = []
    for path in TABLE_PAGES:
        page.goto(origin + path, wait_until="load")
        found += [f"{path}: {v['id']}: {v['help']}" for v in _axe(page)]
    page.context.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_home_gives_the_facts_in_its_first_screen(browser, origin, earthquake, device):
    """The turning point's day, the latest count and the population before are on Home's first screen."""
    for name, site in _sites(origin, earthquake):
        page = browser.new_context(**(PHONE if device == "phone" else DESKTOP)).new_page()
        page.goto(site + "/", wait_until="load")
        facts = page.locator("article h1 + ul")
        box = facts.bounding_box()
        assert box and box["y"] + box["height"] <= page.viewport_size["height"], (name, device, box)
        text = facts.inner_text()
        assert re.search(r"^\d{1,2} [A-Z][a-z]+ \d{4}: ", text), (name, text)            # the turning point's day
        assert re.search(r"the latest count, [\w ]*\d[\d,]*", text), (name, text)
        if name == "seeds":
            assert "Population of Nagorno-Karabakh before the exodus: about 120,000" in text
        page.context.close()


@pytest.mark.parametrize("word", ["Kornidzor", "Hakari"])
def test_a_search_results_page_title_highlights_the_words(browser, origin, word):
    """Material gives a page's own title result an empty ?h= when the words are only in its sections;
    the site's script gives it those words, and the page opens with them marked."""
    page = browser.new_context(**DESKTOP).new_page()
    page.goto(origin + "/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type(word, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    titles = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link:first-child",
                                       "els => els.map(e => e.href)")
    assert titles
    assert not [t for t in titles if re.search(r"[?&]h=(?:&|#|$)", t)], titles
    page.locator(".md-search-result__item > a.md-search-result__link:first-child").first.click()
    page.wait_for_load_state("networkidle")
    assert "h=" + word.lower() in page.url
    assert page.locator("article mark").count() > 0
    page.context.close()
